"""Type stubs for MicroPyScript's `pyscript` module (the same on MicroPython and Pyodide)."""

from typing import Any, Awaitable, Callable, Generator, Iterator, TypeVar

from . import events as events, ffi as ffi, util as util

F = TypeVar("F", bound=Callable[..., Any])
S = TypeVar("S", bound="Storage")

#: True inside a Web Worker (`<py-script worker>`).
RUNNING_IN_WORKER: bool
#: The page's `window` (in a worker: the page's, on cross-origin isolated pages; elsewhere using it raises the not-isolated error).
window: Any
#: The page's `document` (in a worker: likewise).
document: Any
#: The page's config (`<py-config>` over the defaults), as a dict; `config["type"]` is "mpy" or "py".
config: dict[str, Any]

def current_target() -> str | None:
    """The id of the element this code's output goes to (its own id, or `mpy-N` / `py-N`), or None outside a tag (REPL)."""

class HTML:
    """Trusted HTML: `display(HTML("<b>hi</b>"))` shows it as HTML, not text."""
    html: str
    def __init__(self, html: str) -> None: ...
    def _repr_html_(self) -> str: ...

def display(*values: Any, target: str | None = None, append: bool = True) -> None:
    """Show values in this tag's output (or the element with id `target`; "#id" works too).
    Strings are text; `_repr_mimebundle_`, `savefig`, `_repr_png_`/`_jpeg_`/`_svg_`/`_html_`/`_json_`/
    `_repr_javascript_`/`_markdown_` show richly; anything else as `repr()`. Blank text adds nothing.
    `append=False` replaces what was shown before (with several values, the last stays).
    Raises ValueError for `target=""` or an id no element has."""

class Event:
    """A custom event: listeners are called with the result each time it is triggered."""
    def __init__(self) -> None: ...
    def add_listener(self, listener: Callable[[Any], Any]) -> None:
        """Call `listener(result)` on each trigger (async listeners run as tasks). ValueError if not callable."""
    def remove_listener(self, *listeners: Callable[[Any], Any]) -> None:
        """Stop calling these listeners; with none given, stop calling all."""
    def trigger(self, result: Any = None) -> None:
        """Call every listener with `result`."""

class _When:
    def __call__(self, event_type: str | Event | list[Event], selector: Any = None, *, once: bool = ...,
                 capture: bool = ..., passive: bool = ..., signal: Any = ...,
                 handler: Callable[..., Any] | None = None) -> Callable[[F], F]:
        """Decorate a function (sync or async, with or without an `event` argument) to handle `event_type`
        on the elements `selector` names (a CSS selector, an element, an object with `_dom_element`, or an
        iterable of those), with addEventListener's options; or to listen to a custom Event (or list of them)."""
    def remove(self, func: Callable[..., Any]) -> None:
        """Stop `func` handling every event it was decorated for."""

when: _When

class Headers:
    """A response's headers (case-insensitive); also the JavaScript Headers methods."""
    def get(self, name: str, default: str | None = None) -> str | None: ...
    def __getitem__(self, name: str) -> str: ...
    def __contains__(self, name: str) -> bool: ...
    def items(self) -> list[tuple[str, str]]: ...
    def keys(self) -> list[str]: ...
    def __iter__(self) -> Iterator[str]: ...

class _Body:
    """The body, as Python values: `await response.json()` (or on `fetch(url)` directly)."""
    async def text(self) -> str: ...
    async def json(self) -> Any: ...
    async def bytearray(self) -> bytearray: ...
    async def bytes(self) -> bytes: ...
    async def arrayBuffer(self) -> memoryview: ...
    async def blob(self) -> Any: ...

class Response(_Body):
    """What `await fetch(url)` gives. Other properties of JavaScript's Response are read through too."""
    ok: bool
    status: int
    statusText: str
    url: str
    redirected: bool
    type: str
    bodyUsed: bool
    headers: Headers
    def clone(self) -> Response: ...

class _Request(_Body, Awaitable[Response]):
    """`fetch(url)` before it's awaited: await it, or await a body method on it directly."""
    def __await__(self) -> Generator[Any, None, Response]: ...

def fetch(url: str, **options: Any) -> _Request:
    """Fetch `url` like JavaScript's fetch(); options (method, headers, body, …) are fetch()'s own."""

class Storage(dict[str | int | float, Any]):
    """A dict saved to IndexedDB: changes are queued as made; `await store.sync()` waits for them."""
    def __init__(self, store: Any) -> None: ...
    def update(self, *others: Any, **pairs: Any) -> None: ...
    def setdefault(self, key: str | int | float, default: Any = None) -> Any: ...
    async def sync(self) -> None:
        """Wait until every change so far is written (raises if one could not be)."""

async def storage(name: str, storage_class: type[S] = ...) -> S:
    """The persistent store `name` (made if new), as `storage_class` (Storage or a subclass).
    Values: None, bool, int, float, str, lists/tuples/dicts of those; a bytearray or memoryview on its own."""

async def install(packages: str | list[str]) -> None:
    """Install packages now: wheel URLs, or requirements ("humanize>=4") looked up in the config's package_index
    (on Pyodide also its own packages), with their dependencies. Raises ValueError (code, what, how to fix) if any can't be."""

def export(func: F) -> F:
    """Offer `func` to the other side: to the page in a worker, to every worker on the page."""

#: On the page: the workers by name: `calc = await workers["name"]` (or `await workers.name`) gives its exported
#: functions once its script has run; `await workers["name"].function(*args)` calls one directly (None in a worker).
workers: Any

async def create_named_worker(src: str, name: str, config: dict[str, Any] | str | None = None, type: str = "py") -> Any:
    """Start a worker running the Python file `src` ("py": Pyodide, "mpy": MicroPython), called `name`;
    once its script has run, give its exported functions (as `await workers[name]`)."""
#: In a worker: the page's exported functions, `await main.name(*args)` (None on the page).
main: Any
#: In a worker: the page's exported functions, waited for: `sync.name(*args)` (None on the page).
sync: Any

__all__: list[str]

"""Type stubs for MicroPyScript's `pyscript` module (the same on MicroPython and Pyodide)."""

from typing import Any, Awaitable, Callable, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

#: True inside a Web Worker (`<py-script worker>`), where there is no DOM.
RUNNING_IN_WORKER: bool
#: The page's `window` (in a worker: the worker's global scope).
window: Any
#: The page's `document`.
document: Any
#: The page's config (`<py-config>` over the defaults), as a dict.
config: dict[str, Any]

def current_target() -> str | None:
    """The id of the element this code's output goes to, or None outside a tag (REPL)."""

class HTML:
    """Trusted HTML: `display(HTML("<b>hi</b>"))` shows it as HTML, not text."""
    html: str
    def __init__(self, html: str) -> None: ...
    def _repr_html_(self) -> str: ...

def display(*values: Any, target: str | None = None, append: bool = True) -> None:
    """Show values in this tag's output (or the element with id `target`).
    Strings are text; `_repr_html_`/`_repr_svg_`/`_repr_png_`/`_repr_jpeg_` show richly;
    anything else as `repr()`. `append=False` replaces what was shown before."""

class _When:
    def __call__(self, event: str, selector_or_element: Any) -> Callable[[F], F]:
        """Decorate a function (sync or async, with or without an `event` argument) to handle `event`."""
    def remove(self, func: Callable[..., Any]) -> None:
        """Stop `func` handling every event it was decorated for."""

when: _When

class Response:
    """What `await fetch(url)` gives."""
    status: int
    ok: bool
    url: str
    async def text(self) -> str: ...
    async def json(self) -> Any: ...
    async def bytes(self) -> bytes: ...

def fetch(url: str, **options: Any) -> Awaitable[Response]:
    """Fetch `url` like JavaScript's fetch(); options (method, headers, body, …) are fetch()'s own."""

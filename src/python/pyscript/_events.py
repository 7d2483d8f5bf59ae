"""@when: Python functions handling the page's events."""

import _pyscript
from pyscript import document
from pyscript._ffi import MICROPYTHON, create_proxy, destroy


def _elements(selector_or_element):
    if isinstance(selector_or_element, str):
        return list(document.querySelectorAll(selector_or_element))
    if isinstance(selector_or_element, (list, tuple)):
        return list(selector_or_element)
    return [selector_or_element]


def _wants_event(func):
    """Does `func` take the event argument? None: can't tell until it's called."""
    if MICROPYTHON:
        return None
    import inspect

    try:
        return len(inspect.signature(func).parameters) > 0
    except (TypeError, ValueError):
        return True


def _handler(func):
    """A one-argument function for JavaScript that calls `func` with or
    without the event, as `func` wants. It returns what `func` returns, so
    an `async def` handler's coroutine is awaited by the caller."""
    wants_event = [_wants_event(func)]

    def handle(event):
        if wants_event[0] is None:  # MicroPython: learn it from the first call
            try:
                result = func(event)
                wants_event[0] = True
                return result
            except TypeError as error:
                if "takes 0 positional arguments" not in str(error):
                    raise
                wants_event[0] = False
        return func(event) if wants_event[0] else func()

    return handle


class _When:
    """`@when(event, selector_or_element)` makes the function handle that
    event; `when.remove(function)` stops it. Handlers may be `async def`, and
    may take the event or not. An error in a handler is shown on the page at
    the tag whose code made the handler, like any other error."""

    def __init__(self):
        self._listening = {}  # function -> [(proxy, [remove, ...]), ...]

    def __call__(self, event, selector_or_element):
        def decorate(func):
            elements = _elements(selector_or_element)
            if not elements:
                raise ValueError(
                    '@when("%s", "%s"): no element on the page matches "%s". '
                    "Check the selector, and that the element comes before this script "
                    "(or is added before the decorator runs)." % (event, selector_or_element, selector_or_element)
                )
            # The module owns the proxy: it lives until when.remove(), so the
            # handler never dies with "borrowed proxy was destroyed".
            proxy = create_proxy(_handler(func))
            removers = [_pyscript.listen(element, event, proxy) for element in elements]
            self._listening.setdefault(func, []).append((proxy, removers))
            return func

        return decorate

    def remove(self, func):
        """Stop `func` handling every event it was decorated for."""
        for proxy, removers in self._listening.pop(func, []):
            for remove in removers:
                remove()
            destroy(proxy)


when = _When()

"""An element's `on_<type>` events for pyscript.web (`button.on_click`):
functions added with `add_listener` run when the page fires the event, or
when Python calls `trigger(value)`."""

import _pyscript
from pyscript.ffi import _MICROPYTHON as MICROPYTHON, _destroy as destroy, create_proxy

# The events of each DOM element, shared by every Element wrapping it: the key
# is kept on the DOM element itself (a clone doesn't copy it).
_KEY = "_pyscriptWebEvents"
_by_element = {}


def element_event(dom_element, event_type):
    """The `on_<event_type>` event of `dom_element`, made on first use."""
    key = getattr(dom_element, _KEY, None)
    if key is None:
        key = len(_by_element) + 1
        setattr(dom_element, _KEY, key)
        _by_element[key] = {}
    events = _by_element[key]
    if event_type not in events:
        events[event_type] = _ElementEvent(dom_element, event_type)
    return events[event_type]


def _is_awaitable(result):
    if MICROPYTHON:  # an async def's coroutine is a generator there
        return type(result).__name__ == "generator"
    return hasattr(result, "__await__")


async def _await_all(pending):
    for awaitable in pending:
        await awaitable


# Kept beside pyscript.Event: the listener follows the DOM element (shared by all its wrappers).
class _ElementEvent:
    """A DOM event of one element, as an Event: `add_listener(func)`,
    `remove_listener(func)`, `trigger(value)`. Listeners may take the event
    or not, and may be `async def`. The element is listened to while it has
    listeners; what they print goes to the tag whose code added the first."""

    def __init__(self, dom_element, event_type):
        self._dom = dom_element
        self._type = event_type
        self._listeners = []  # [(func, one-argument caller), ...]
        self._stop = None  # (proxy, the function that stops listening) while listening

    def add_listener(self, func):
        if not callable(func):
            raise TypeError("on_%s.add_listener(%r): a listener is a function (def or async def), "
                            "not %s" % (self._type, func, type(func).__name__))
        if any(known is func for known, _ in self._listeners):
            return
        from pyscript.events import _adapt as _handler

        self._listeners.append((func, _handler(func)))
        if self._stop is None:
            proxy = create_proxy(self._fire)  # owned here until the last listener goes
            self._stop = (proxy, _pyscript.listen(self._dom, self._type, proxy))

    def remove_listener(self, *funcs):
        """Stop calling each of `funcs` (all listeners when none are named)."""
        keep = [pair for pair in self._listeners if funcs and not any(pair[0] is f for f in funcs)]
        self._listeners = keep
        if not keep and self._stop is not None:
            proxy, stop = self._stop
            self._stop = None
            stop()
            destroy(proxy)

    def trigger(self, value=None):
        """Call every listener with `value`, as if the page had fired the event."""
        pending = self._call_all(value)
        if pending:
            import asyncio

            for awaitable in pending:
                asyncio.create_task(awaitable)

    def _call_all(self, value):
        results = [call(value) for _, call in list(self._listeners)]
        return [result for result in results if _is_awaitable(result)]

    def _fire(self, event):
        # Async listeners: hand their coroutines to the page, which awaits
        # them and shows their errors at the tag.
        pending = self._call_all(event)
        return _await_all(pending) if pending else None

    def __repr__(self):
        return "<on_%s event: %d listener(s)>" % (self._type, len(self._listeners))

"""pyscript.events: Python functions handling the page's events, and
custom events of your own.

    from pyscript import when, Event

    @when("click", "#go", once=True)      # a DOM event on matching elements
    def go(event): ...

    saved = Event()                        # a custom event
    @when(saved)
    def on_saved(result): ...
    saved.trigger({"id": 1})

`when.remove(func)` stops a function handling everything it was decorated for.
"""

import _pyscript
from pyscript import RUNNING_IN_WORKER, document
from pyscript.ffi import _MICROPYTHON, _destroy, create_proxy, is_none, to_js

__all__ = ["Event", "when"]

#: What addEventListener's options object may say.
_OPTIONS = ("once", "capture", "passive", "signal")


class Event:
    """A custom event: functions added with `add_listener` (or `@when(event)`)
    are called with the result each time the event is `trigger`ed. A listener
    may be an `async def` function: it then runs as a task of its own."""

    def __init__(self):
        self._listeners = []

    def add_listener(self, listener):
        """Call `listener(result)` whenever this event is triggered (once,
        however often it is added)."""
        if not callable(listener):
            raise ValueError("Event.add_listener() needs a function to call, not %s." % type(listener).__name__)
        if listener not in self._listeners:
            self._listeners.append(listener)

    def remove_listener(self, *listeners):
        """Stop calling these listeners (those not listening are ignored);
        with no arguments, stop calling every listener."""
        if not listeners:
            self._listeners = []
        for listener in listeners:
            if listener in self._listeners:
                self._listeners.remove(listener)

    def trigger(self, result=None):
        """Call every listener with `result`, in the order they were added."""
        for listener in list(self._listeners):
            outcome = listener(result)
            if hasattr(outcome, "send"):  # an async def listener's coroutine
                _start(outcome)


def _start(coroutine):
    """Run a coroutine as a task; an exception it raises is printed to stderr."""
    import asyncio
    import sys

    async def guarded():
        try:
            await coroutine
        except Exception as error:  # a task's exception would otherwise vanish
            if _MICROPYTHON:
                sys.print_exception(error, sys.stderr)
            else:
                __import__("traceback").print_exception(error)

    asyncio.create_task(guarded())


def _takes_argument(func):
    """Does `func` take the event (or result) argument? None: can't tell until it's called."""
    import inspect

    try:
        return len(inspect.signature(func).parameters) > 0
    except (NotImplementedError, TypeError, ValueError, AttributeError):
        return None if _MICROPYTHON else True


def _adapt(func):
    """A one-argument function that calls `func` with or without the argument,
    as `func` wants, and returns what it returns (an async def's coroutine too)."""
    takes = [_takes_argument(func)]

    def call(argument):
        if takes[0] is None:  # MicroPython, bound methods: learn it from the first call
            try:
                outcome = func(argument)
                takes[0] = True
                return outcome
            except TypeError as error:
                if "positional argument" not in str(error) or "given" not in str(error):
                    raise
                takes[0] = False
        return func(argument) if takes[0] else func()

    return call


def _is_events(target):
    if isinstance(target, Event):
        return True
    return isinstance(target, (list, tuple)) and len(target) > 0 and all(isinstance(item, Event) for item in target)


def _elements(selector):
    """The EventTargets `selector` names: a CSS selector, an element (or
    window, document…), an object with `_dom_element` (pyscript.web), or
    any iterable of those (a list, a NodeList, an ElementCollection)."""
    if isinstance(selector, str):
        if RUNNING_IN_WORKER and not _pyscript.can_block:
            document.querySelectorAll  # raises: says what a worker needs to reach the page
        found = _pyscript.select(document, selector)  # an invalid selector would throw, which MicroPython can't catch
        if isinstance(found, str):
            raise ValueError('when(): "%s" is not a CSS selector (%s).' % (selector, found))
        return list(found)
    dom_element = getattr(selector, "_dom_element", None)
    if dom_element is not None:
        return [dom_element]
    if is_none(selector):
        raise TypeError("when(): one of the elements is None (an element that wasn't found?). Check it before handling its events.")
    if callable(getattr(selector, "addEventListener", None)):  # (a pyscript.web collection fans attributes out into lists)
        return [selector]
    try:
        items = list(selector)
    except TypeError:
        raise TypeError(
            "when(): %r is not something with events. Give a CSS selector, an element, "
            "a pyscript.web element, or a list of those." % (selector,)
        )
    found = []
    for item in items:
        found.extend(_elements(item))
    return found


def _listen(element, event_type, proxy, options):
    """Listen through the bridge (output and errors go to this tag; in a worker, the handler runs there)."""
    remove = _pyscript.listen(element, event_type, proxy, options)
    if isinstance(remove, str):
        raise RuntimeError('when("%s"): the page could not listen: %s' % (event_type, remove))
    return remove


def _dom_registration(event_type, selector, options):
    """Check a DOM event's arguments now; return what registers a function for it."""
    if not isinstance(event_type, str) or not event_type:
        raise TypeError('when(): the first argument is an event name such as "click", or an Event; got %r.' % (event_type,))
    if is_none(selector) or (isinstance(selector, str) and not selector.strip()):
        raise ValueError(
            'when("%s"): say which elements to listen to, e.g. when("%s", "#my-button") '
            "(the selector is missing, empty or None: an element that wasn't found?)." % (event_type, event_type)
        )
    unknown = [name for name in options if name not in _OPTIONS]
    if unknown:
        raise TypeError("when(): unknown listener option %s (addEventListener takes: %s)." % (", ".join(unknown), ", ".join(_OPTIONS)))
    elements = _elements(selector)
    if not elements:
        shown = '"%s"' % selector if isinstance(selector, str) else repr(selector)
        raise ValueError(
            'when("%s", %s): no element on the page matches %s. Check the selector, and that the element comes '
            "before this script (or is added before the decorator runs)." % (event_type, shown, shown)
        )
    js_options = to_js(options) if options else None

    def register(func):
        # The module owns the proxy: it lives until when.remove(func), so the
        # handler never dies with "borrowed proxy was destroyed".
        proxy = create_proxy(_adapt(func))
        removers = [_listen(element, event_type, proxy, js_options) for element in elements]

        def stop():
            for remove in removers:
                remove()
            _destroy(proxy)

        return stop

    return register


def _event_registration(events, selector, options):
    if selector is not None or options:
        raise TypeError("when(Event) takes no selector or listener options: they are for DOM events (when(\"click\", \"#id\")).")
    events = [events] if isinstance(events, Event) else list(events)

    def register(func):
        listener = _adapt(func)
        for event in events:
            event.add_listener(listener)
        return lambda: [event.remove_listener(listener) for event in events]

    return register


class _When:
    """`@when(event_type, selector, **options)` makes the function handle that
    event on every element the selector matches; `@when(event)` makes it a
    listener of a custom Event (or of each in a list). The function may take
    the event (or result) or not, and may be `async def`. On the page, what a
    DOM handler prints goes to the tag whose code decorated it, and an
    exception is shown there. `when.remove(func)` stops it."""

    def __init__(self):
        self._listening = {}  # function -> [stop, ...]

    def __call__(self, event_type, selector=None, **options):
        handler = options.pop("handler", None)
        if _is_events(event_type):
            register = _event_registration(event_type, selector, options)
        else:
            register = _dom_registration(event_type, selector, options)

        def decorate(func):
            if not callable(func):
                raise TypeError("when() decorates a function, not %s." % type(func).__name__)
            self._listening.setdefault(func, []).append(register(func))
            return func

        return decorate if handler is None else decorate(handler)

    def remove(self, func):
        """Stop `func` handling every event it was decorated for."""
        for stop in self._listening.pop(func, []):
            stop()


when = _When()

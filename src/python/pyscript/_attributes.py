"""PyScript's `py-*` attributes: `<button py-click="handle">` calls the
page's Python function `handle` (with the event) on each click, once the
page's scripts have run. The attribute holds a function's name, never code."""

import __main__

from pyscript import when


def bind(element, event, name):
    """Make the page's function `name` handle `event` on `element`."""
    func = getattr(__main__, name, None)
    if func is None or not callable(func):
        raise NameError(
            'py-%s="%s": the page\'s Python has no function called %r. Define it in a <script type="py"> '
            "or <py-script> on the page (the attribute names a function; it is not code)." % (event, name, name)
        )
    when(event, element)(func)

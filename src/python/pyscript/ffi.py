"""pyscript.ffi: Python and JavaScript talking to each other, the same way
on MicroPython, Pyodide and CPython.

    from pyscript.ffi import create_proxy, to_js, is_none, assign

- `create_proxy(func)`: a JavaScript function calling `func` that stays
  alive (pass it to addEventListener, setTimeout, …).
- `to_js(value)`: a Python value as JavaScript: dicts become plain objects,
  lists and tuples arrays, None becomes null (on both interpreters).
- `is_none(value)`: is it None, JavaScript null or JavaScript undefined?
- `assign(target, *sources)`: Object.assign, with Python dicts as sources.
"""

import sys

import js

_MICROPYTHON = sys.implementation.name == "micropython"
_CPYTHON_WASI = sys.platform == "wasi"  # upstream CPython: its JavaScript goes over a device file (_cpython_js)

__all__ = ["assign", "create_proxy", "is_none", "to_js"]

if _MICROPYTHON:
    from jsffi import create_proxy as _create_proxy
    from jsffi import to_js as _mp_to_js

    _NULLS = (None, js.undefined)  # JavaScript null arrives as None

    def _is_js(value):
        """Is `value` a JavaScript object (not a Python value)?"""
        return type(value).__name__ == "JsProxy"
else:
    if _CPYTHON_WASI:
        from _cpython_js import JsProxy, jsnull
        from _cpython_js import create_proxy as _create_proxy
        from _cpython_js import to_js as _py_to_js
    else:
        from pyodide.ffi import JsProxy
        from pyodide.ffi import create_proxy as _create_proxy
        from pyodide.ffi import jsnull
        from pyodide.ffi import to_js as _py_to_js

    _NULLS = (None, jsnull)  # JavaScript undefined arrives as None

    def _is_js(value):
        """Is `value` a JavaScript object (not a Python value)?"""
        return isinstance(value, JsProxy) and not is_none(value)


def create_proxy(func):
    """A JavaScript function that calls the Python function `func` and
    stays alive until you let it go, so JavaScript can keep calling it:
    `element.addEventListener("click", create_proxy(on_click))`."""
    if not callable(func):
        raise TypeError("create_proxy() needs a function to wrap, not %s." % type(func).__name__)
    return _create_proxy(func)


def to_js(value, **options):
    """`value` as JavaScript: a dict becomes a plain object (pass
    `dict_converter=js.Map.new` for a Map), lists and tuples arrays, None
    null, and numbers, strings and booleans their JavaScript selves.
    On Pyodide the other options of pyodide.ffi.to_js are accepted too."""
    converter = options.pop("dict_converter", None)
    if _MICROPYTHON:
        if options:
            raise TypeError(
                "to_js(): MicroPython supports only the dict_converter option, not %s."
                % ", ".join(sorted(options))
            )
        return _mp_to_js(_converted(value, converter) if converter else value)
    return _py_to_js(_nulls(value), dict_converter=converter or js.Object.fromEntries, **options)


def _converted(value, converter):
    """MicroPython: dicts through `converter` (given [key, value] pairs), everything else as to_js does."""
    if isinstance(value, dict):
        return converter(_mp_to_js([[key, _converted(item, converter)] for key, item in value.items()]))
    if isinstance(value, (list, tuple)):
        return _mp_to_js([_converted(item, converter) for item in value])
    return value


def _nulls(value):
    """Pyodide turns None into undefined; MicroPython, like JSON, into null. Use null on both."""
    if value is None:
        return jsnull
    if isinstance(value, dict):
        return {key: _nulls(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_nulls(item) for item in value]
    return value


def is_none(value):
    """True for Python None and for JavaScript null or undefined, however
    the interpreter passed them to Python."""
    return value is _NULLS[0] or value is _NULLS[1]


def assign(target, *sources):
    """Copy the properties of each source (a dict, or a JavaScript object)
    onto the JavaScript object `target`, like Object.assign; returns `target`."""
    if not _is_js(target):
        raise TypeError("assign() copies onto a JavaScript object (e.g. js.Object.new()), not %s." % type(target).__name__)
    for source in sources:
        if not isinstance(source, dict) and not _is_js(source):
            raise TypeError("assign() copies from dicts or JavaScript objects, not %s." % type(source).__name__)
        js.Object.assign(target, to_js(source))
    return target


def _destroy(proxy):
    """Release a proxy made by create_proxy (MicroPython frees its own)."""
    if not _MICROPYTHON:
        proxy.destroy()

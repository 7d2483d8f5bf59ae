"""The two interpreters' foreign-function helpers, under one set of names."""

import sys

import js

MICROPYTHON = sys.implementation.name == "micropython"

if MICROPYTHON:
    from jsffi import create_proxy, to_js
else:
    from pyodide.ffi import create_proxy
    from pyodide.ffi import to_js as _to_js

    def to_js(value):
        """A Python value as JavaScript (dicts become plain objects)."""
        return _to_js(value, dict_converter=js.Object.fromEntries)


def destroy(proxy):
    """Release a proxy made by create_proxy (MicroPython's free themselves)."""
    if not MICROPYTHON:
        proxy.destroy()


def is_none(value):
    """Is `value` JavaScript's null or undefined? (MicroPython gives None for
    null; Pyodide gives None for undefined and `jsnull` for null.)"""
    return value is None or type(value).__name__ == "JsNull"

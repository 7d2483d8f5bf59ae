"""pyscript.util: small helpers that work the same on MicroPython and Pyodide.

- `as_bytearray(buffer)`: a JavaScript ArrayBuffer (or typed array) as a bytearray.
- `NotSupported(name, error)`: a stand-in for something this context can't
  offer: using it in any way raises `error`.
- `is_awaitable(obj)`: is `obj` an `async def` function (or method)?
"""

import sys

import js

_MICROPYTHON = sys.implementation.name == "micropython"

__all__ = ["NotSupported", "as_bytearray", "is_awaitable"]


def as_bytearray(buffer):
    """The bytes of a JavaScript ArrayBuffer (or of a typed array's view
    of one), copied into a Python bytearray."""
    from pyscript.ffi import _is_js

    kind = str(js.Object.prototype.toString.call(buffer)) if _is_js(buffer) else ""
    if kind == "[object ArrayBuffer]" or kind == "[object SharedArrayBuffer]":
        view = js.Uint8Array.new(buffer)
    elif kind and js.ArrayBuffer.isView(buffer):
        view = js.Uint8Array.new(buffer.buffer, buffer.byteOffset, buffer.byteLength)
    else:
        raise TypeError(
            "as_bytearray() needs a JavaScript ArrayBuffer or typed array, not %s. "
            "Python bytes can be copied with bytearray(value)." % type(buffer).__name__
        )
    if _MICROPYTHON:
        return bytearray(view)
    return bytearray(view.to_bytes())


class NotSupported:
    """Stands in for a feature this context lacks: reading or setting any
    attribute raises AttributeError(error), calling it TypeError(error)."""

    def __init__(self, name, error):
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "error", error)

    def __repr__(self):
        return "<NotSupported %s [%s]>" % (self.name, self.error)

    def __getattr__(self, attr):
        raise AttributeError(self.error)

    def __setattr__(self, attr, value):
        raise AttributeError(self.error)

    def __call__(self, *args, **kwargs):
        raise TypeError(self.error)


def is_awaitable(obj):
    """Is `obj` an `async def` function, method or closure (calling it gives
    something to await)? On MicroPython, where an async function is a kind
    of generator function, a plain generator function counts too."""
    import inspect

    if not _MICROPYTHON:
        return inspect.iscoroutinefunction(obj)
    if inspect.isgeneratorfunction(obj):
        return True
    # Closures and bound methods say what they wrap only in their repr.
    text = repr(obj)
    return text.startswith("<closure <generator>") or (text.startswith("<bound_method") and text.endswith(".<generator>>"))

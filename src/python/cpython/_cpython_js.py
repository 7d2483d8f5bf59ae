"""JavaScript from upstream CPython, which has no FFI of its own.

CPython for WASI can reach the page only through WASI calls, so this module
talks to the adapter (src/interpreters/cpython-js.ts) over a device file,
/dev/pyscript: one write is a request (a JSON line), the next read is its
reply, computed by JavaScript in the same call. A reply JavaScript must wait
for (the next command, a promise, input) suspends WebAssembly with JSPI
while the page goes on. On top of that: `JsProxy` (a JavaScript object seen
from Python: attributes, calls, items, iteration, `await`), `create_proxy`,
`to_js`, `run_sync`, and `import js` / `import <registered module>`.
"""

import binascii  # not base64: that imports re, enum… (a sixth of start-up)
import contextvars
import json
import os

_device = os.open("/dev/pyscript", os.O_RDWR)
_freed = []  # JsProxy ids Python let go of: JavaScript hears with the next request
_objects = {}  # Python objects JavaScript holds, by id
_READ = 1 << 20


class JsException(Exception):
    """A JavaScript error, raised in Python: str() is 'Name: message'."""

    def __init__(self, name, message):
        super().__init__("%s: %s" % (name, message))
        self.name = name
        self.message = message


def request(message):
    """Send one request; return its decoded reply value (or raise its error)."""
    if _freed:
        message["free"] = _freed[:]
        del _freed[:]
    os.write(_device, json.dumps(message, separators=(",", ":")).encode() + b"\n")
    data = os.read(_device, _READ)
    head, _, body = data.partition(b"\n")
    size = int(head)
    while len(body) < size:
        body += os.read(_device, size - len(body))
    reply = json.loads(body)
    if "e" in reply:
        name, text = reply["e"]
        if name == "KeyboardInterrupt":
            raise KeyboardInterrupt
        if name == "AttributeError":
            raise AttributeError(text)
        raise TypeError(text) if name == "PythonTypeError" else JsException(name, text)
    return decode(reply.get("v"))


class _JsNull:
    """JavaScript's null, where it must differ from None (undefined)."""

    def __repr__(self):
        return "jsnull"

    def __bool__(self):
        return False


jsnull = _JsNull()


def encode(value):
    """A Python value as JSON the adapter turns into JavaScript."""
    if value is None or value is jsnull:
        return None
    if isinstance(value, float) and (value != value or value in (_INF, -_INF)):
        return {"n": repr(value)}  # NaN and infinities: not JSON
    if isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, JsProxy):
        return {"$": value._id}
    if isinstance(value, (list, tuple)):
        return [encode(item) for item in value]
    if isinstance(value, dict):
        return {"d": [[encode(key), encode(item)] for key, item in value.items()]}
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"b": binascii.b2a_base64(bytes(value), newline=False).decode()}
    target = value.func if isinstance(value, _Proxy) else value
    _objects[id(target)] = target
    return {"f" if callable(target) else "o": id(target)}


_INF = float("inf")


def decode(value):
    if isinstance(value, list):
        return [decode(item) for item in value]
    if not isinstance(value, dict):
        return value
    if "$" in value:
        return JsProxy(value["$"], value.get("k", "o"))
    if "py" in value:
        return _objects[value["py"]]
    if "n" in value and len(value) == 1:
        return float(value["n"])
    return {key: decode(item) for key, item in value.items()}


class JsProxy:
    """A JavaScript object: attributes, calls (`.new(...)` constructs),
    items, len(), iteration, `await`, `to_py()`, `to_bytes()`."""

    __slots__ = ("_id", "_kind", "_this", "__weakref__")

    def __init__(self, id_, kind, this=None):
        object.__setattr__(self, "_id", id_)
        object.__setattr__(self, "_kind", kind)
        object.__setattr__(self, "_this", this)

    def __del__(self):
        _freed.append(self._id)

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        value = request({"op": "get", "id": self._id, "name": name})
        if isinstance(value, JsProxy) and value._kind == "f":
            object.__setattr__(value, "_this", self)  # a method remembers its object
        return value

    def __setattr__(self, name, value):
        request({"op": "set", "id": self._id, "name": name, "value": encode(value)})

    def __delattr__(self, name):
        request({"op": "delete", "id": self._id, "name": name})

    def __call__(self, *args, **kwargs):
        if kwargs:
            args = args + (kwargs,)
        this = self._this._id if self._this is not None else None
        return request({"op": "call", "id": self._id, "this": this, "args": encode(args)})

    def new(self, *args):
        return request({"op": "new", "id": self._id, "args": encode(args)})

    def __getitem__(self, key):
        return request({"op": "get", "id": self._id, "name": encode(key), "item": True})

    def __setitem__(self, key, value):
        request({"op": "set", "id": self._id, "name": encode(key), "value": encode(value)})

    def __delitem__(self, key):
        request({"op": "delete", "id": self._id, "name": encode(key)})

    def __len__(self):
        return request({"op": "len", "id": self._id})

    def __iter__(self):
        return iter(request({"op": "list", "id": self._id}))

    def __contains__(self, item):
        return request({"op": "has", "id": self._id, "value": encode(item)})

    def __eq__(self, other):
        return isinstance(other, JsProxy) and other._id == self._id

    def __hash__(self):
        return self._id

    def __bool__(self):
        return self._kind != "a" or len(self) > 0

    def __str__(self):
        return request({"op": "str", "id": self._id})

    def __repr__(self):
        return "<JsProxy %s>" % self

    def __await__(self):
        """In an asyncio task, other tasks (handlers, calls from workers) run while the promise settles."""
        import asyncio

        try:
            future = asyncio.get_running_loop().create_future()
        except RuntimeError:
            return run_sync(self)
        _waiting[id(future)] = future
        request({"op": "then", "id": self._id, "token": id(future)})
        return (yield from future)

    @property
    def typeof(self):
        return request({"op": "typeof", "id": self._id})

    def to_py(self):
        return request({"op": "to_py", "id": self._id})

    def to_bytes(self):
        return binascii.a2b_base64(request({"op": "bytes", "id": self._id}))

    def destroy(self):
        pass


class _Proxy:
    """create_proxy(func): JavaScript keeps calling `func` until destroy()."""

    def __init__(self, func):
        self.func = func

    def __call__(self, *args):
        return self.func(*args)

    def destroy(self):
        _objects.pop(id(self.func), None)


def create_proxy(func):
    return _Proxy(func)


def to_js(value, dict_converter=None, **_options):
    """`value` built in JavaScript now (dicts through `dict_converter`, default plain objects)."""
    owner = getattr(dict_converter, "__self__", None)
    if isinstance(owner, JsProxy) and dict_converter.__name__ == "new":
        convert = {"$": owner._id, "new": True}  # e.g. js.Map.new: construct with the entries
    else:
        convert = encode(dict_converter)
    return request({"op": "to_js", "value": encode(value), "convert": convert})


#: False in event handlers, where input() asks with a dialog, as on Pyodide (this CPython could wait there too).
inline_input = contextvars.ContextVar("inline_input", default=True)


def can_run_sync():
    return inline_input.get()


def run_sync(promise):
    """Wait for a JavaScript promise (the page goes on meanwhile); its value, or its error raised."""
    return request({"op": "await", "id": promise._id}) if isinstance(promise, JsProxy) else promise


_waiting = {}  # futures of promises awaited in tasks, by token


def settle(token, outcome):
    """A promise awaited in a task settled (the adapter says so with the next commands)."""
    future = _waiting.pop(token, None)
    if future is None or future.done():
        return
    if "e" in outcome:
        name, text = outcome["e"]
        future.set_exception(JsException(name, text))
    else:
        future.set_result(decode(outcome.get("v")))


def release(object_id):
    """JavaScript dropped a Python object it held."""
    _objects.pop(object_id, None)

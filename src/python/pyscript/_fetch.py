"""fetch(): JavaScript's fetch, giving Python values.

    response = await fetch("data.json")        # then await response.json()
    data = await fetch("data.json").json()     # or in one go
"""

import json

import _pyscript
import js
from pyscript import RUNNING_IN_WORKER
from pyscript.ffi import _MICROPYTHON, is_none, to_js
from pyscript.util import as_bytearray

__all__ = ["Response", "fetch"]


async def _settled(promise, what, hint=""):
    """Await a JavaScript promise; a rejection becomes an OSError saying what failed
    (the interpreters word their JsException differently)."""
    try:
        return await promise
    except Exception as error:
        args = getattr(error, "args", ())
        reason = "%s: %s" % (args[1], args[2]) if _MICROPYTHON and len(args) == 3 else str(error)
        raise OSError("%s failed: %s.%s" % (what, reason.rstrip("."), hint))


_HINT = (" Check the URL, and that the server is reachable; another site must also allow this page's"
         " origin (CORS).")


_TOKEN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-.^_`|~"


def _header_name(name):
    """Check a header name here: JavaScript would throw, which MicroPython can't catch."""
    if not isinstance(name, str) or not name or not all(c in _TOKEN for c in name):
        raise ValueError("%r is not a header name (letters, digits and !#$%%&'*+-.^_`|~ only)." % (name,))
    return name


class _Headers:
    """A response's headers: `headers.get("content-type")` (any case),
    `headers["content-type"]`, `"etag" in headers`, `headers.items()`, and
    the JavaScript Headers methods (`has`, `entries`…)."""

    def __init__(self, headers):
        self._headers = headers

    def get(self, name, default=None):
        value = self._headers.get(_header_name(name))
        return default if is_none(value) else str(value)

    def __getitem__(self, name):
        if not self._headers.has(_header_name(name)):
            raise KeyError(name)
        return str(self._headers.get(name))

    def __contains__(self, name):
        return bool(self._headers.has(_header_name(name)))

    def items(self):
        return [(str(pair[0]), str(pair[1])) for pair in getattr(js.Array, "from")(self._headers.entries())]

    def keys(self):
        return [name for name, value in self.items()]

    def __iter__(self):
        return iter(self.keys())

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._headers, name)

    def __repr__(self):
        return "<Headers %r>" % dict(self.items())


class Response:
    """What `await fetch(url)` gives: JavaScript's Response with the body as
    Python values. `ok`, `status`, `statusText`, `url`, `redirected`, `type`,
    `bodyUsed` and `headers` are read from it; any other property too."""

    def __init__(self, response):
        self._response = response

    ok = property(lambda self: bool(self._response.ok))
    status = property(lambda self: int(self._response.status))
    statusText = property(lambda self: str(self._response.statusText))
    url = property(lambda self: str(self._response.url))
    redirected = property(lambda self: bool(self._response.redirected))
    type = property(lambda self: str(self._response.type))
    bodyUsed = property(lambda self: bool(self._response.bodyUsed))
    headers = property(lambda self: _Headers(self._response.headers))

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._response, name)

    def __repr__(self):
        return "<Response %d %s>" % (self.status, self.url)

    def clone(self):
        return Response(self._response.clone())

    async def text(self):
        """The body as a str."""
        return str(await _settled(self._response.text(), "response.text()"))

    async def json(self):
        """The body parsed as JSON, as Python values (dicts, lists…)."""
        return json.loads(await self.text())

    async def bytearray(self):
        """The body as a bytearray."""
        return as_bytearray(await _settled(self._response.arrayBuffer(), "response.bytearray()"))

    async def bytes(self):
        """The body as bytes."""
        buffer = await _settled(self._response.arrayBuffer(), "response.bytes()")
        return bytes(js.Uint8Array.new(buffer)) if _MICROPYTHON else buffer.to_bytes()

    async def arrayBuffer(self):
        """The body as a memoryview of its bytes."""
        return memoryview(await self.bytes())

    async def blob(self):
        """The body as a JavaScript Blob (for URL.createObjectURL and the like)."""
        return await _settled(self._response.blob(), "response.blob()")


class _Request:
    """What `fetch(url)` gives before it's awaited: await it for the Response,
    or await `.json()`, `.text()`, `.bytearray()`, `.arrayBuffer()`,
    `.blob()` or `.bytes()` on it for the body in one go."""

    def __init__(self, url, options):
        if RUNNING_IN_WORKER and isinstance(url, str) and ":" not in url.split("/")[0]:
            url = str(js.URL.new(url, _pyscript.page_url).href)  # relative to the page, not to the worker's script
        self._url = url
        self._promise = js.fetch(url, to_js(options)) if options else js.fetch(url)
        self._response = None

    async def _get(self):
        if self._response is None:
            self._response = Response(await _settled(self._promise, 'fetch("%s")' % self._url, _HINT))
        return self._response

    def __await__(self):
        coroutine = self._get()
        return (yield from (coroutine if _MICROPYTHON else coroutine.__await__()))

    __iter__ = __await__  # MicroPython awaits through __iter__

    def __getattr__(self, name):
        if name not in _BODY_READERS:
            raise AttributeError("fetch(...) has no %r: await it for the Response, or await .%s() on it"
                                 % (name, "(), .".join(_BODY_READERS)))

        async def read():
            return await getattr(await self._get(), name)()

        return read


#: What can be awaited on `fetch(url)` directly, as on its Response.
_BODY_READERS = ("json", "text", "bytearray", "arrayBuffer", "blob", "bytes")


def fetch(url, **options):
    """Fetch `url` (relative to the page) like JavaScript's fetch(); options
    (method, headers, body, …) are fetch()'s own, as keyword arguments.
    `await fetch(url)` gives a Response; `await fetch(url).json()` (or
    `.text()`, `.bytearray()`, `.arrayBuffer()`, `.blob()`) gives the body."""
    if is_none(url) or isinstance(url, (bytes, bytearray, int, float, list, tuple, dict)):
        raise TypeError("fetch() takes the URL as a string (or a JavaScript URL or Request), not %s." % type(url).__name__)
    return _Request(url, options)

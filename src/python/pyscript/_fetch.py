"""fetch(): JavaScript's fetch, giving Python values."""

import json

import js
from pyscript._ffi import MICROPYTHON, to_js


class Response:
    """What `await fetch(url)` gives: `status`, `ok`, and the body as Python
    values through `await response.text()`, `.json()` or `.bytes()`."""

    def __init__(self, response):
        self._response = response
        self.status = response.status
        self.ok = bool(response.ok)
        self.url = response.url

    async def text(self):
        return str(await self._response.text())

    async def json(self):
        return json.loads(await self.text())

    async def bytes(self):
        buffer = await self._response.arrayBuffer()
        if MICROPYTHON:
            return bytes(js.Uint8Array.new(buffer))
        return buffer.to_bytes()


async def fetch(url, **options):
    """Fetch `url` (relative to the page) like JavaScript's fetch():
    `response = await fetch("data.json")`, then `await response.json()`.
    Options (method, headers, body, …) are fetch()'s own."""
    return Response(await js.fetch(url, to_js(options)))

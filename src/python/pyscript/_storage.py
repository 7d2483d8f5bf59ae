"""storage(): a dict that persists in the browser's IndexedDB.

    store = await storage("my-app")       # what was saved before is there
    store["visits"] = store.get("visits", 0) + 1
    await store.sync()                     # optional: wait until it's written

Values: None, bool, int, float, str, and lists, tuples (read back as lists)
and dicts of those; a bytearray or memoryview on its own (not inside a list
or dict). Keys: str, int or float. The IndexedDB work is done by
`_pyscript` (storage.ts), on the page and in workers alike.
"""

import binascii
import json

import _pyscript

__all__ = ["Storage", "storage"]

_SCALARS = (bool, int, float, str)
_HINT = "Store None, bool, int, float, str, or lists, tuples and dicts of those; or a bytearray or memoryview on its own."


def _plain(value, path):
    """`value` as JSON-ready lists and dicts, or TypeError naming what can't be stored."""
    if value is None or isinstance(value, _SCALARS):
        return value
    if isinstance(value, (bytearray, memoryview, bytes)) and path:
        raise TypeError("storage can keep a %s only as a value of its own, not inside a list or dict." % type(value).__name__)
    if isinstance(value, (list, tuple, dict)):
        if any(value is outer for outer in path):
            raise ValueError("storage can't keep a list or dict that contains itself.")
        inner = path + [value]
        if isinstance(value, dict):
            return {_nested_key(key): _plain(item, inner) for key, item in value.items()}
        return [_plain(item, inner) for item in value]
    raise TypeError("storage can't keep a value of type %s. %s" % (type(value).__name__, _HINT))


def _nested_key(key):
    if isinstance(key, str):
        return key
    if isinstance(key, (int, float)) and not isinstance(key, bool):
        return str(key)  # as in JSON
    raise TypeError("storage can't keep a dict with a %s key inside a value: use str keys." % type(key).__name__)


def _encode(value):
    """A Python value as the text kept in IndexedDB."""
    if isinstance(value, (bytearray, memoryview)):
        data = binascii.b2a_base64(bytes(value)).decode().strip()
        return json.dumps([type(value).__name__, data])
    if isinstance(value, bytes):
        raise TypeError("storage can't keep bytes: store bytearray(value) instead.")
    return json.dumps(["json", _plain(value, [])])


def _decode(text):
    kind, data = json.loads(text)
    if kind == "json":
        return data
    raw = bytearray(binascii.a2b_base64(data.encode()))
    return memoryview(raw) if kind == "memoryview" else raw


def _check_key(key):
    if isinstance(key, bool) or not isinstance(key, (str, int, float)):
        raise TypeError("storage keys are str, int or float, not %s." % type(key).__name__)
    return key


def _raise_if(error, name):
    """The bridge reports failures as messages (see bridge.ts): raise them."""
    if error:
        raise OSError('storage("%s"): %s' % (name, error) if not error.startswith("storage(") else error)


class _Store:
    """One named IndexedDB store, as the bridge offers it: what `Storage` is made with."""

    def __init__(self, name, entries):
        self.name = name
        self._entries = entries

    def entries(self):
        return [(key, _decode(text)) for key, text in self._entries]

    def set(self, key, value):
        _raise_if(_pyscript.storage_set(self.name, _check_key(key), _encode(value)), self.name)

    def delete(self, key):
        _raise_if(_pyscript.storage_delete(self.name, key), self.name)

    def clear(self):
        _raise_if(_pyscript.storage_clear(self.name), self.name)

    async def sync(self):
        _raise_if(await _pyscript.storage_sync(self.name), self.name)


class Storage(dict):
    """A dict whose changes are saved to IndexedDB (queued as they happen;
    `await store.sync()` waits until they're written). Subclass it and pass
    `storage_class=` to storage() to change how it behaves."""

    def __init__(self, store):
        super().__init__()
        self._store = store
        for key, value in store.entries():
            super().__setitem__(key, value)

    def __setitem__(self, key, value):
        self._store.set(key, value)
        super().__setitem__(key, value)

    def __delitem__(self, key):
        super().__delitem__(key)
        self._store.delete(key)

    def clear(self):
        self._store.clear()
        super().clear()

    def update(self, *others, **pairs):
        for other in others:
            for key, value in other.items() if hasattr(other, "items") else other:
                self[key] = value
        for key, value in pairs.items():
            self[key] = value

    def pop(self, key, *default):
        if key not in self:
            if default:
                return default[0]
            raise KeyError(key)
        value = self[key]
        del self[key]
        return value

    def popitem(self):
        if not self:
            raise KeyError("popitem(): the storage is empty")
        key = list(self)[-1]
        return key, self.pop(key)

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    async def sync(self):
        """Wait until every change so far is written to IndexedDB."""
        await self._store.sync()


async def storage(name="", storage_class=Storage):
    """The persistent store called `name` (made if it doesn't exist yet),
    as a `storage_class` (Storage, or a subclass of it)."""
    if not isinstance(name, str) or not name:
        raise ValueError("storage() needs a name for the store, e.g. await storage(\"my-app\"); got %r." % (name,))
    if not isinstance(storage_class, type) or not issubclass(storage_class, Storage):
        raise TypeError("storage(storage_class=...) must be Storage or a subclass of it, not %r." % (storage_class,))
    opened = json.loads(await _pyscript.storage_open(name))
    _raise_if(opened.get("error"), name)
    return storage_class(_Store(name, opened["entries"]))

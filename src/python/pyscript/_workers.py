"""Calling across threads: between the page and its workers, PyScript's way.

In a worker:           @export (or __export__ = ["name"]) offers a function to the page;
                       await main.name(...) calls one the page offers (no special headers);
                       sync.name(...) does the same and waits (needs a cross-origin isolated page).
On the page:           calc = await workers["name"] (or await workers.name) waits until the worker's
                       script has run and gives its exported functions: await calc.add(1, 2);
                       await workers["name"].add(1, 2) works too;
                       worker = await create_named_worker("./tasks.py", "tasks", type="mpy") starts one;
                       @export offers a function to every worker.

Arguments and results cross as JSON: numbers, strings, booleans, None, lists, dicts.
"""

import json

import _pyscript
from pyscript import RUNNING_IN_WORKER
from pyscript.ffi import _MICROPYTHON, create_proxy

_exported = {}


def export(func):
    """Offer `func` to the other side: to the page when in a worker, to
    every worker when on the page. Returns `func` unchanged."""
    _exported[func.__name__] = func
    if not RUNNING_IN_WORKER:
        _pyscript.expose(func.__name__, create_proxy(_json_caller(func)))
    return func


def _json_caller(func):
    """`func` as JSON in, JSON out: what crosses between threads."""

    async def call(args_json):
        result = func(*json.loads(args_json))
        if hasattr(result, "send"):  # a coroutine: an async def's result
            result = await result
        return _dumps(result, func.__name__)

    return call


def _dumps(value, name):
    try:
        return json.dumps(value)
    except (TypeError, ValueError) as error:
        raise TypeError("%s() returned something that can't cross to another thread as JSON (%s). "
                        "Return numbers, strings, booleans, None, lists or dicts." % (name, error))


def _offered():
    """In a worker: the names of the functions it exports (@export and __export__)."""
    import __main__

    return sorted(set(_exported) | set(getattr(__main__, "__export__", ())))


async def _dispatch(name, args_json):
    """In a worker: run an exported function for the page (called by the worker's JS)."""
    if name == "__exports__":  # the page asks what we offer (await workers["name"])
        return json.dumps(_offered())
    func = _exported.get(name)
    if func is None and name in _offered():
        func = getattr(__import__("__main__"), name, None)
    if func is None:
        raise AttributeError("this worker exports no function called %r (it exports: %s). "
                             "Add @export above it, or list it in __export__." % (name, ", ".join(_offered()) or "nothing"))
    return await _json_caller(func)(args_json)


def _unpack(answer_json, name):
    answer = json.loads(answer_json)
    if "error" in answer:
        raise RuntimeError("%s(): %s" % (name, answer["error"]))
    return answer.get("value")


def _not_awaitable(what):
    return TypeError("%s can't be awaited: await what its functions return, e.g. await %s.name(...)" % (what, what))


class _Remote:
    """Functions on the other side, as attributes: `await remote.name(*args)`.
    With `names`, only those (a worker's exports); otherwise any name."""

    def __init__(self, call, label, names=None):
        self._call = call
        self._label = label
        self._names = names

    def __getattr__(self, name):
        if name.startswith("__") or name == "then":  # never awaitable, iterable, or a JavaScript thenable
            raise AttributeError(name)
        if self._names is not None and name not in self._names:
            raise AttributeError("%s exports no function called %r (it exports: %s)"
                                 % (self._label, name, ", ".join(self._names) or "nothing"))

        async def call(*args):
            return _unpack(await self._call(name, _dumps(list(args), "arguments of " + name)), name)

        return call

    def __dir__(self):
        return list(self._names or ())

    def __iter__(self):
        raise _not_awaitable(self._label)

    def __repr__(self):
        return "<%s>" % self._label


class _Sync:
    """Main-thread functions, called from a worker and waited for: `sync.name(*args)`."""

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)

        def call(*args):
            if not _pyscript.can_block:
                raise RuntimeError(_pyscript.cannot_block_reason)
            return _unpack(_pyscript.call_main_sync(name, _dumps(list(args), "arguments of " + name)), name)

        return call


class _NamedWorker(_Remote):
    """`workers["name"]`: await it for the worker's exported functions, once
    its script has run; or call one straight away: `await workers["name"].f()`."""

    def __init__(self, name):
        call = lambda function, args_json: _pyscript.call_worker(name, function, args_json)  # noqa: E731
        super().__init__(call, "worker " + name)
        self._name = name

    async def _ready(self):
        problem = await _pyscript.worker_ready(self._name)
        if problem:
            raise RuntimeError("worker %r: %s" % (self._name, problem))
        names = _unpack(await self._call("__exports__", "[]"), "exports of " + self._name)
        return _Remote(self._call, "worker " + self._name, names)

    def __await__(self):
        coroutine = self._ready()
        return (yield from (coroutine if _MICROPYTHON else coroutine.__await__()))

    __iter__ = __await__  # MicroPython awaits through __iter__


class _Workers:
    """The page's workers by name: `await workers["name"]` or `await workers.name`."""

    def __getitem__(self, name):
        if not isinstance(name, str):
            raise TypeError("workers[...] takes a worker's name (a str), not %r" % (name,))
        if not _pyscript.has_worker(name):
            raise KeyError("there is no worker called %r on this page (workers: %s)"
                           % (name, ", ".join(json.loads(_pyscript.worker_names())) or "none"))
        return _NamedWorker(name)

    def __getattr__(self, name):
        if name.startswith("__") or name == "then":
            raise AttributeError(name)
        try:
            return self[name]
        except KeyError as error:
            raise AttributeError(error.args[0])

    def __contains__(self, name):
        return _pyscript.has_worker(name)

    def __iter__(self):
        raise _not_awaitable("workers")

    def __repr__(self):
        return "<workers: %s>" % ", ".join(json.loads(_pyscript.worker_names()))


_TYPES = {"py": "pyodide", "mpy": "micropython", "pyodide": "pyodide", "micropython": "micropython"}


async def create_named_worker(src, name, config=None, type="py"):
    """Start a worker running the Python file `src` (`type` "py": Pyodide,
    "mpy": MicroPython), call it `name`, and once its script has run give
    its exported functions, as `await workers[name]` does. `config` (a dict
    or JSON text) is laid over the page's config for this worker."""
    if RUNNING_IN_WORKER:
        raise RuntimeError("create_named_worker() starts workers from the page: call it in a script without `worker`.")
    if not isinstance(src, str) or not src or not isinstance(name, str) or not name:
        raise TypeError("create_named_worker(src, name): both are non-empty strings (the .py file's URL, the worker's name)")
    if type not in _TYPES:
        raise ValueError('create_named_worker(type=%r): use "py" (Pyodide) or "mpy" (MicroPython)' % (type,))
    if config is not None and not isinstance(config, str):
        config = json.dumps(config)
    problem = _pyscript.create_worker(src, name, type, config)
    if problem:
        raise ValueError("create_named_worker(): " + problem)
    return await _NamedWorker(name)


#: In a worker: the page's exported functions, awaited: `await main.name(...)`.
main = _Remote(_pyscript.call_main, "main thread") if RUNNING_IN_WORKER else None
#: In a worker: the page's exported functions, waited for: `sync.name(...)`.
sync = _Sync() if RUNNING_IN_WORKER else None
#: On the page: the workers, by name.
workers = None if RUNNING_IN_WORKER else _Workers()

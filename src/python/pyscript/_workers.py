"""Calling across threads: between the page and `<py-script worker>` scripts.

In a worker:           @export (or __export__ = ["name"]) offers a function to the page;
                       await main.name(...) calls one the page offers (no special headers);
                       sync.name(...) does the same and waits (needs a cross-origin isolated page).
On the page:           await workers["worker-name"].name(...) calls a worker's exported function;
                       @export offers a function to every worker.

Arguments and results cross as JSON: numbers, strings, booleans, None, lists, dicts.
"""

import json

import _pyscript
from pyscript import RUNNING_IN_WORKER
from pyscript.ffi import create_proxy

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


async def _dispatch(name, args_json):
    """In a worker: run an exported function for the page (called by the worker's JS)."""
    func = _exported.get(name)
    if func is None:
        import __main__

        if name in getattr(__main__, "__export__", ()):
            func = getattr(__main__, name, None)
    if func is None:
        offered = sorted(set(_exported) | set(getattr(__import__("__main__"), "__export__", ())))
        raise AttributeError("this worker exports no function called %r (it exports: %s). "
                             "Add @export above it, or list it in __export__." % (name, ", ".join(offered) or "nothing"))
    return await _json_caller(func)(args_json)


def _unpack(answer_json, name):
    answer = json.loads(answer_json)
    if "error" in answer:
        raise RuntimeError("%s(): %s" % (name, answer["error"]))
    return answer.get("value")


class _Remote:
    """Functions on the other side, as attributes: `await remote.name(*args)`."""

    def __init__(self, call, label):
        self._call = call
        self._label = label

    def __getattr__(self, name):
        async def call(*args):
            return _unpack(await self._call(name, _dumps(list(args), "arguments of " + name)), name)

        return call

    def __repr__(self):
        return "<%s>" % self._label


class _Sync:
    """Main-thread functions, called from a worker and waited for: `sync.name(*args)`."""

    def __getattr__(self, name):
        def call(*args):
            if not _pyscript.can_block:
                raise RuntimeError(_pyscript.cannot_block_reason)
            return _unpack(_pyscript.call_main_sync(name, _dumps(list(args), "arguments of " + name)), name)

        return call


class _Workers:
    """The page's workers by name: `await workers["name"].function(*args)`."""

    def __getitem__(self, name):
        if not _pyscript.has_worker(name):
            raise KeyError("there is no worker called %r on this page (workers: %s)"
                           % (name, ", ".join(json.loads(_pyscript.worker_names())) or "none"))
        return _Remote(lambda function, args_json: _pyscript.call_worker(name, function, args_json), "worker " + name)


#: In a worker: the page's exported functions, awaited: `await main.name(...)`.
main = _Remote(_pyscript.call_main, "main thread") if RUNNING_IN_WORKER else None
#: In a worker: the page's exported functions, waited for: `sync.name(...)`.
sync = _Sync() if RUNNING_IN_WORKER else None
#: On the page: the workers, by name.
workers = None if RUNNING_IN_WORKER else _Workers()

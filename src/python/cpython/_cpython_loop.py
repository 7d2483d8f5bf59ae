"""The page's CPython between commands: it asks the adapter for commands
(scripts to run, Python functions to call, REPL lines); that ask suspends
WebAssembly (JSPI) while the page goes on. Commands run in the page's shared
globals (`__main__`); outcomes go back with the next ask.

Two modes, so a page that only prints doesn't pay for asyncio (about 300 ms
of imports, most of CPython's start-up here): at first, scripts that don't
await and don't mention asyncio simply run, one after the other. The first
command that needs more (top-level `await`, asyncio, a call from JavaScript,
a REPL line), or the page once its scripts have run (the "tasks" command,
sent while the page is idle), starts the asyncio event loop of
_cpython_tasks.py, which takes over for good.
"""

import contextvars
import importlib.machinery
import os
import sys

import _cpython_imports  # noqa: F401 (import js, registered modules)
import _cpython_js as js_rpc

_globals = sys.modules["__main__"].__dict__
_outcomes = []  # [command id, {"v": value} or {"e": error}], for the next ask
_command = contextvars.ContextVar("command", default=None)  # whose output this task's prints are
_announced = [None]

_TOP_LEVEL_AWAIT = 0x2000  # ast.PyCF_ALLOW_TOP_LEVEL_AWAIT (ast itself costs an import)
_CO_COROUTINE = 0x80  # inspect.CO_COROUTINE: code that awaits at top level


def ask(timeout):
    """Send the outcomes so far; wait for the next commands (at most `timeout` seconds; None: no limit)."""
    outcomes = _outcomes[:]
    del _outcomes[:]
    wait = None if timeout is None else max(0, int(timeout * 1000))
    _announced[0] = None
    return js_rpc.request({"op": "next", "outcomes": outcomes, "timeout": wait})


def _compiled_plain(command):
    """A script that can run without the event loop: its code; else None."""
    if command["command"] != "run" or command["want_value"] or "asyncio" in command["source"]:
        return None
    try:
        code = compile(command["source"], command["filename"], "exec", flags=_TOP_LEVEL_AWAIT)
    except SyntaxError:
        return None  # the loop reports it, as for any script
    return None if code.co_flags & _CO_COROUTINE else code


def _run_plain(number, code):
    js_rpc.request({"op": "context", "id": number})  # its output goes to its own tag
    try:
        forget_folder_listings()
        exec(code, _globals)
        outcome = {"v": None}
    except BaseException as error:  # KeyboardInterrupt and SystemExit end only this script
        outcome = failure(error)
    _outcomes.append([number, outcome])


def forget_folder_listings():
    """Folders Python listed keep one mtime here, so an import couldn't see files written since:
    forget those listings (cheap). Not importlib.invalidate_caches(): that also re-reads the
    standard library's zip (about 130 ms a command)."""
    for finder in list(sys.path_importer_cache.values()):
        if isinstance(finder, importlib.machinery.FileFinder):
            finder.invalidate_caches()
    metadata = sys.modules.get("importlib.metadata")
    if metadata is not None:  # installed packages' metadata, once something has asked for it
        metadata.FastPath.__new__.cache_clear()  # what its invalidate_caches() does (3.12's can't be called as written)


def failure(error):
    """An exception as a command's outcome: its type and traceback, without our own frames."""
    import traceback

    frames = error.__traceback__
    while frames is not None and frames.tb_frame.f_code.co_filename.startswith(_OWN_FILES):
        frames = frames.tb_next  # our own frames: not the user's business
    text = "".join(traceback.format_exception(type(error), error, frames))
    return {"e": {"type": type(error).__name__, "traceback": text}}


_OWN_FILES = __file__.rsplit("/", 1)[0] + "/_cpython_"


def serve():
    """Run commands until the page goes away."""
    os.chdir(os.environ.get("HOME", "/"))
    _outcomes.append([0, {"v": sys.version}])
    while True:
        commands = ask(None)
        for index, command in enumerate(commands):
            code = _compiled_plain(command)
            if code is None:
                import _cpython_tasks

                return _cpython_tasks.serve(commands[index:])  # never returns
            _run_plain(command["id"], code)

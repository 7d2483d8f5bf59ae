"""The page's CPython between commands: an asyncio event loop whose waiting
is asking the adapter for commands (scripts to run, Python functions to
call, REPL lines). That ask suspends WebAssembly (JSPI) while the page goes
on, until a command comes or the loop's next timer is due. Each command
runs as a task in the page's shared globals (`__main__`), so top-level
`await`, `asyncio.create_task` and event handlers behave as on Pyodide;
outcomes go back with the next ask.
"""

import ast
import asyncio
import collections.abc
import contextvars
import importlib.machinery
import os
import sys

import _cpython_imports  # noqa: F401 (import js, registered modules)
import _cpython_js as js_rpc

_globals = sys.modules["__main__"].__dict__
_consoles = {}  # REPL sessions by id: each its own compiler state, the page's globals
_lines = {}  # the task running each REPL session's line, for Ctrl-C
_outcomes = []  # [command id, {"v": value} or {"e": error}], for the next ask
_command = contextvars.ContextVar("command", default=None)  # whose output this task's prints are
_announced = [None]


class _Commands:
    """asyncio's selector: waiting for I/O is waiting for the page's commands."""

    def select(self, timeout):
        outcomes = _outcomes[:]
        del _outcomes[:]
        wait = None if timeout is None else max(0, int(timeout * 1000))
        _announced[0] = None
        return js_rpc.request({"op": "next", "outcomes": outcomes, "timeout": wait})

    def close(self):
        pass


class _Loop(asyncio.BaseEventLoop):
    """WASI has no socketpair, which asyncio's default loop needs."""

    def __init__(self):
        super().__init__()
        self._selector = _Commands()
        self.set_task_factory(lambda loop, coro, **options: asyncio.Task(_Announcing(coro), loop=loop, **options))

    def _process_events(self, commands):
        for command in commands:
            if command["command"] == "settle":  # a promise a task awaits: no task of its own
                js_rpc.settle(command["token"], command["outcome"])
                _outcomes.append([command["id"], {"v": None}])
                continue
            _command.set(command["id"])
            self.create_task(_execute(command))

    def _write_to_self(self):
        pass


class _Policy(asyncio.DefaultEventLoopPolicy):
    _loop_factory = _Loop


class _Announcing(collections.abc.Coroutine):
    """A task's coroutine that tells the page, as the task runs, which command its output belongs to."""

    def __init__(self, coro):
        self._coro = coro
        self._id = _command.get()

    def _announce(self):
        if _announced[0] != self._id:
            _announced[0] = self._id
            js_rpc.request({"op": "context", "id": self._id})

    def send(self, value):
        self._announce()
        return self._coro.send(value)

    def throw(self, *error):
        self._announce()
        return self._coro.throw(*error)

    def close(self):
        return self._coro.close()

    def __await__(self):
        return self._coro.__await__()


def _awaitable(value):
    return asyncio.iscoroutine(value) or asyncio.isfuture(value) or (isinstance(value, js_rpc.JsProxy) and value._kind == "p")


async def _complete(value):
    return await value if _awaitable(value) else value


async def run(source, filename, want_value):
    """exec() the code in the page's globals; the value of a final expression."""
    tree = ast.parse(source, filename)
    last = None
    if want_value and tree.body and isinstance(tree.body[-1], ast.Expr):
        last = ast.Expression(tree.body.pop().value)
    flags = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
    await _complete(eval(compile(tree, filename, "exec", flags=flags), _globals))
    if last is not None:
        return await _complete(eval(compile(last, filename, "eval", flags=flags), _globals))
    return None


async def call(function, args):
    js_rpc.inline_input.set(False)  # this task only
    return await _complete(function(*args))


def _console():
    """CPython's own REPL compiler and display; a top-level await is awaited before the next prompt."""
    import code

    class Console(code.InteractiveConsole):
        awaiting = None

        def runcode(self, compiled):
            try:
                result = eval(compiled, self.locals)
                if _awaitable(result):
                    self.awaiting = result
            except SystemExit:
                pass
            except BaseException:
                self.showtraceback()

    console = Console(_globals)
    console.compile.compiler.flags |= ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
    return console


async def repl(session, line):
    """A line typed at a REPL: True while a statement goes on (a `...` prompt). None: Ctrl-C."""
    console = _consoles.get(session)
    if console is None:
        console = _consoles[session] = _console()
    if line is None:
        console.resetbuffer()
        return False
    _lines[session] = asyncio.current_task()
    more = console.push(line)
    awaiting, console.awaiting = console.awaiting, None
    try:
        if awaiting is not None:
            value = await awaiting
            if value is not None:
                sys.displayhook(value)
    except (asyncio.CancelledError, KeyboardInterrupt):
        print("KeyboardInterrupt", file=sys.stderr)
    except BaseException:
        console.showtraceback()
    finally:
        _lines.pop(session, None)
    return more


async def interrupt(session):
    """Ctrl-C while a REPL line awaits: cancel it."""
    task = _lines.get(session)
    if task is not None:
        task.cancel()


async def complete(text):
    """Tab: names that complete `text` in the page's globals (this build has no rlcompleter)."""
    owner, dot, start = text.rpartition(".")
    if dot:
        try:
            names = dir(eval(owner, _globals))  # as rlcompleter does: evaluates the part before the dot
        except Exception:
            return []
        prefix = owner + "."
    else:
        import builtins
        import keyword

        names = list(_globals) + dir(builtins) + keyword.kwlist
        prefix = ""
    hidden = not start.startswith("_")
    return sorted({prefix + name for name in names if name.startswith(start) and not (hidden and name.startswith("_"))})


def _forget_folder_listings():
    """Folders Python listed keep one mtime here, so an import couldn't see files written since:
    forget those listings (cheap). Not importlib.invalidate_caches(): that also re-reads the
    standard library's zip (about 130 ms a command)."""
    for finder in list(sys.path_importer_cache.values()):
        if isinstance(finder, importlib.machinery.FileFinder):
            finder.invalidate_caches()
    metadata = sys.modules.get("importlib.metadata")
    if metadata is not None:  # installed packages' metadata, once something has asked for it
        metadata.FastPath.__new__.cache_clear()  # what its invalidate_caches() does (3.12's can't be called as written)


_COMMANDS = {"run": run, "call": call, "repl": repl, "complete": complete, "interrupt": interrupt}


async def _execute(command):
    name = command.pop("command")
    number = command.pop("id")
    try:
        _forget_folder_listings()
        outcome = {"v": js_rpc.encode(await _COMMANDS[name](**command))}
    except BaseException as error:  # KeyboardInterrupt and SystemExit end only this command
        outcome = _failure(error)
    _outcomes.append([number, outcome])


def _failure(error):
    import traceback

    frames = error.__traceback__
    while frames is not None and frames.tb_frame.f_code.co_filename == __file__:
        frames = frames.tb_next  # our own frames: not the user's business
    text = "".join(traceback.format_exception(type(error), error, frames))
    return {"e": {"type": type(error).__name__, "traceback": text}}


def serve():
    """Run commands until the page goes away."""
    asyncio.set_event_loop_policy(_Policy())
    os.chdir(os.environ.get("HOME", "/"))
    _outcomes.append([0, {"v": sys.version}])
    asyncio.get_event_loop().run_forever()

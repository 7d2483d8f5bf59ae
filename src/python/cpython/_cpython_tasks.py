"""The page's CPython once it needs an event loop (see _cpython_loop.py): an
asyncio loop whose waiting is asking the adapter for commands, until a
command comes or the loop's next timer is due. Each command runs as a task
in the page's shared globals, so top-level `await`, `asyncio.create_task`
and event handlers behave as on Pyodide.
"""

import ast
import asyncio
import collections.abc
import sys

import _cpython_js as js_rpc
from _cpython_loop import _announced, _command, _globals, _outcomes, ask, failure, forget_folder_listings

_consoles = {}  # REPL sessions by id: each its own compiler state, the page's globals
_lines = {}  # the task running each REPL session's line, for Ctrl-C


class _Commands:
    """asyncio's selector: waiting for I/O is waiting for the page's commands."""

    def select(self, timeout):
        return ask(timeout)

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


async def tasks():
    """Start the loop now (the page is idle: its scripts have run), so a first click doesn't wait for asyncio's imports."""


_COMMANDS = {"run": run, "call": call, "repl": repl, "complete": complete, "interrupt": interrupt, "tasks": tasks}


async def _execute(command):
    name = command.pop("command")
    number = command.pop("id")
    try:
        forget_folder_listings()
        outcome = {"v": js_rpc.encode(await _COMMANDS[name](**command))}
    except BaseException as error:  # KeyboardInterrupt and SystemExit end only this command
        outcome = failure(error)
    _outcomes.append([number, outcome])




def serve(pending):
    """Run the commands the plain loop couldn't, then every command until the page goes away."""
    asyncio.set_event_loop_policy(_Policy())
    loop = asyncio.get_event_loop()
    loop._process_events(pending)
    loop.run_forever()

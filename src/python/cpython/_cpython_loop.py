"""The page's CPython between commands: it asks the adapter for the next
command (a script to run, a Python function to call, a REPL line), waiting
(suspended by JSPI, the page responsive) until there is one, runs it in the
page's shared globals (`__main__`), and sends the outcome with the next ask.
"""

import ast
import asyncio
import code
import inspect
import os
import sys
import time
import traceback

import _cpython_js as js_rpc

_globals = sys.modules["__main__"].__dict__
_consoles = {}  # REPL sessions by id: each its own compiler state, the page's globals


class _Sleeper:
    """asyncio's selector, for a loop with no sockets: waiting is sleeping
    (time.sleep suspends WebAssembly, so the page goes on meanwhile)."""

    def select(self, timeout):
        time.sleep(0.01 if timeout is None else timeout)
        return []

    def close(self):
        pass


class _Loop(asyncio.BaseEventLoop):
    """WASI has no socketpair, which asyncio's default loop needs."""

    def __init__(self):
        super().__init__()
        self._selector = _Sleeper()

    def _process_events(self, event_list):
        pass

    def _write_to_self(self):
        pass


class _Policy(asyncio.DefaultEventLoopPolicy):
    _loop_factory = _Loop


def _complete(value):
    """Top-level `await`: a coroutine runs to its end on the page's loop."""
    if inspect.iscoroutine(value):
        return asyncio.get_event_loop().run_until_complete(value)
    return value


def run(source, filename, want_value):
    """exec() the code in the page's globals; the value of a final expression."""
    tree = ast.parse(source, filename)
    last = None
    if want_value and tree.body and isinstance(tree.body[-1], ast.Expr):
        last = ast.Expression(tree.body.pop().value)
    flags = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
    _complete(eval(compile(tree, filename, "exec", flags=flags), _globals))
    if last is not None:
        return _complete(eval(compile(last, filename, "eval", flags=flags), _globals))
    return None


def call(function, args):
    return _complete(function(*args))


def repl(session, line):
    """One line typed at a REPL: True while a statement goes on (a `...` prompt)."""
    console = _consoles.get(session)
    if console is None:
        console = _consoles[session] = _Console(_globals)
        console.compile.compiler.flags |= ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
    if line is None:
        console.resetbuffer()  # Ctrl-C
        return False
    return console.push(line)


class _Console(code.InteractiveConsole):
    """CPython's own REPL compiler; a result is shown with sys.displayhook, awaited if a coroutine."""

    def runcode(self, compiled):
        try:
            _complete(eval(compiled, self.locals))
        except SystemExit:
            pass
        except BaseException:
            self.showtraceback()


def _failure(error):
    frames = error.__traceback__
    while frames is not None and frames.tb_frame.f_code.co_filename == __file__:
        frames = frames.tb_next  # our own frames: not the user's business
    text = "".join(traceback.format_exception(type(error), error, frames))
    return {"e": {"type": type(error).__name__, "traceback": text}}


_COMMANDS = {"run": run, "call": call, "repl": repl}


def serve():
    """Run commands until the page goes away."""
    asyncio.set_event_loop_policy(_Policy())
    os.chdir(os.environ.get("HOME", "/"))
    outcome = {"v": sys.version}
    while True:
        command = js_rpc.request({"op": "next", "outcome": outcome})
        name = command.pop("command")
        try:
            outcome = {"v": js_rpc.encode(_COMMANDS[name](**command))}
        except BaseException as error:  # KeyboardInterrupt and SystemExit end only this command
            outcome = _failure(error)

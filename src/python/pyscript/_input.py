"""input() for the browser (MicroPython's own would hang the page)."""

import sys

import _pyscript
from pyscript.ffi import _MICROPYTHON as MICROPYTHON


def ask(prompt=""):
    """Show the prompt, wait for an answer (an inline field where Python can
    wait for one, a dialog otherwise), echo both to the output like a
    terminal, and raise EOFError on cancel, as CPython does at end of input."""
    prompt = str(prompt)
    sys.stdout.write(prompt)
    answer = _answer(prompt)
    if answer is None:
        print()
        raise EOFError("input() was cancelled")
    print(answer)
    return answer


def _answer(prompt):
    if _pyscript.in_worker:
        if not _pyscript.can_block:
            raise RuntimeError(_pyscript.cannot_block_reason)
        return _pyscript.ask(prompt)  # waits for the page's answer
    if not MICROPYTHON and _pyscript.current_target() is not None:
        if sys.platform == "wasi":
            from _cpython_js import can_run_sync, run_sync
        else:
            from pyodide.ffi import can_run_sync, run_sync

        if can_run_sync():
            return run_sync(_pyscript.ask_inline(prompt))
    return _pyscript.ask(prompt)

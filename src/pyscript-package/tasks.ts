/**
 * Background asyncio tasks, made to behave like the rest of the page's code
 * (installed into every interpreter with the `pyscript` package, page and
 * workers alike). `asyncio.create_task()` remembers the run that made the
 * task (its tag or REPL), and each step of the task runs as part of that run,
 * so what it prints goes there, even after its script ended; `sys.exit()` in a task ends just that task (and
 * Pyodide's loop no longer raises it again, uncaught, after a script); and an
 * exception nobody retrieved, which each runtime only logs (MicroPython:
 * "Task exception wasn't retrieved", Pyodide: "Unhandled exception in event
 * loop"), goes to the loop's exception handler, which reports it at that tag
 * through `_pyscript.report_task_error`.
 */

/** Python: run once at start-up, after `_pyscript` is registered. */
export const INSTALL_TASKS = `
def _install_tasks():
    import asyncio, sys, _pyscript
    made_by = {}  # id(exception) -> (run context, exception): who made the task that raised it

    async def guarded(coro, context):
        try:
            return await coro
        except SystemExit:
            return None  # sys.exit() ends just this task, as it ends just a script
        except Exception as error:
            if len(made_by) > 100:
                made_by.clear()
            made_by[id(error)] = (context, error)
            raise

    class InRun:
        """A coroutine whose every step runs as part of the run that made it (its output goes there)."""

        def __init__(self, coro, context):
            self.coro, self.context = coro, context

        def step(self, method, arg):
            leave = self.context.enter()
            try:
                return method(arg)
            finally:
                leave()

        def send(self, value):
            return self.step(self.coro.send, value)

        def throw(self, *error):
            return self.step(lambda e: self.coro.throw(*e), error)

        def close(self):
            return self.coro.close()

        def __await__(self):
            return self

        def __iter__(self):
            return self

        def __next__(self):
            return self.send(None)

    create_task = asyncio.create_task

    def create_task_here(coro, *args, **kwargs):
        context = _pyscript.run_context()
        task = guarded(coro, context)
        if getattr(context, "enter", None) is not None:
            task = InRun(task, context)
        return create_task(task, *args, **kwargs)

    def traceback_of(error):
        try:
            import traceback
            return "".join(traceback.format_exception(type(error), error, error.__traceback__))
        except ImportError:
            import io
            text = io.StringIO()
            sys.print_exception(error, text)
            return text.getvalue()

    def on_error(loop, info):
        error = info.get("exception")
        if error is None:
            return print(info.get("message", info), file=sys.stderr)
        context = made_by.pop(id(error), (None, None))[0]
        _pyscript.report_task_error(context, type(error).__name__, traceback_of(error))

    asyncio.create_task = create_task_here
    loop = asyncio.get_event_loop()
    loop.set_exception_handler(on_error)
    if hasattr(loop, "_system_exit_handler"):
        # Pyodide's loop raises a SystemExit again after the code's own promise got it: the page would see it uncaught.
        loop._system_exit_handler = lambda code: None

_install_tasks()
del _install_tasks
`;

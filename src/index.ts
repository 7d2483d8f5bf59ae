/**
 * The library entry: the table of contents, with no side effects. Import it
 * from a bundler to make your own kernel; `pyscript.js` is the entry that
 * starts one by itself.
 */
export { createKernel, type Kernel, type KernelOptions } from "./kernel.js";
export type { PyScriptAPI } from "./api.js";
export { DEFAULT_CONFIG, type Config } from "./config.js";
export { PyScriptError, type ErrorCode } from "./errors.js";
export type { Progress, PyScriptEventDetails, PyScriptEventName } from "./events.js";
export type { Plugin } from "./plugin.js";
export type { Exposed, WorkerHandle, WorkerState } from "./worker-hub.js";
export { availableInterpreters, registerInterpreter, type AdapterModule, type InterpreterEntry } from "./interpreters/registry.js";
export { HOME } from "./interpreters/interpreter.js";
export type { Interpreter, InterpreterAdapter, InterpreterInfo, Repl, RunContext, RunOptions, StartOptions, Stream, Writer } from "./interpreters/interpreter.js";

/**
 * What each interpreter is, as packaging sees it: which wheel tags it takes
 * (wheel-name.ts), what environment markers (`; python_version < "3.10"`)
 * evaluate against, and which Python version `Requires-Python` is checked
 * against. Known before the interpreter starts, so packages can be resolved
 * and downloaded while it downloads.
 */
import type { InterpreterInfo } from "../interpreters/interpreter.js";
import type { MarkerEnvironment } from "./requirements.js";
import { TARGETS, type WheelTarget } from "./wheel-name.js";

export interface PackageTarget {
  label: string;
  wheels: WheelTarget;
  markers: MarkerEnvironment;
  /**
   * The Python version `Requires-Python` must allow. MicroPython has none:
   * its language is mostly that of modern Python, but `sys.version` says
   * 3.4, which nearly every package's Requires-Python would refuse.
   */
  requiresPython?: string;
  /** Installs binary wheels (and names in its lock file) itself: Pyodide. */
  binary: boolean;
}

const POSIX = { os_name: "posix", platform_machine: "wasm32", platform_release: "", platform_version: "" };

function cpythonMarkers(version: string, sys_platform: string, platform_system: string): MarkerEnvironment {
  return {
    ...POSIX, python_version: version.split(".").slice(0, 2).join("."), python_full_version: version,
    implementation_name: "cpython", implementation_version: version, platform_python_implementation: "CPython", sys_platform, platform_system,
  };
}

/** Pyodide 314's Python (its lock file's `info.python`). */
export const PYODIDE_PYTHON = "3.14.2";
/** The CPython for WASI we ship. */
export const CPYTHON_PYTHON = "3.12.0";

/** The target for `info`'s interpreter; an interpreter we don't know is taken to be a CPython 3 that takes pure wheels only. */
export function targetFor(info: InterpreterInfo): PackageTarget {
  switch (info.name) {
    case "micropython":
      return {
        label: info.label, wheels: TARGETS.micropython, binary: false,
        markers: {
          ...POSIX, python_version: "3.4", python_full_version: "3.4.0", implementation_name: "micropython",
          implementation_version: info.version, platform_python_implementation: "MicroPython", sys_platform: "webassembly", platform_system: "Emscripten",
        },
      };
    case "pyodide":
      return { label: info.label, wheels: TARGETS.pyodide, binary: true, requiresPython: PYODIDE_PYTHON, markers: cpythonMarkers(PYODIDE_PYTHON, "emscripten", "Emscripten") };
    case "cpython":
      return { label: info.label, wheels: TARGETS.cpython, binary: false, requiresPython: CPYTHON_PYTHON, markers: cpythonMarkers(CPYTHON_PYTHON, "wasi", "WASI") };
    default:
      return {
        label: info.label, binary: false, markers: cpythonMarkers("3.12.0", "emscripten", "Emscripten"),
        wheels: { label: info.label, pythons: ["py3"], abis: ["none"], platforms: ["any"] },
      };
  }
}

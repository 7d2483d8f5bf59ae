/**
 * Makes Python tracebacks look the same on every interpreter: frames that
 * belong to the runtime's own machinery or to our `pyscript` package are
 * dropped, caret lines are removed, and each frame shows its source line when
 * we know it (MicroPython prints none, Pyodide prints them), so a beginner
 * reads one familiar format.
 */
import { PyScriptError } from "../errors.js";

/** Source text of every file we ran, by the filename tracebacks show. */
export type Sources = Map<string, string[]>;

const FRAME = /^ {2}File "([^"]*)", line (\d+)/;
// The runtime's machinery (CPython's: `/lib/_cpython_*.py`), and our own pyscript package (`/lib/pyscript/…` on MicroPython and CPython, `…/site-packages/pyscript/…` on Pyodide).
const INTERNAL_FILE = /\/_pyodide\/|\/lib\/python3\d*\.zip\/pyodide\/|^\/lib\/pyscript\/|\/site-packages\/pyscript\/|^\/lib\/_cpython_/;
const CARETS = /^\s*[~^]+\s*$/;
const ELIDED = /^\s*\.\.\.<\d+ lines>\.\.\.\s*$/;

/** Remove runtime-internal frames and add source lines from `sources`. */
export function cleanTraceback(raw: string, sources: Sources): string {
  const lines = raw.replace(/\n+$/, "").split("\n");
  const out: string[] = [];
  let skipping = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const frame = FRAME.exec(line);
    if (frame) {
      skipping = INTERNAL_FILE.test(frame[1]!);
      if (skipping) continue;
      out.push(line);
      const next = lines[i + 1] ?? "";
      const source = sources.get(frame[1]!)?.[Number(frame[2]) - 1]?.trim();
      if (source && !next.startsWith("    ")) out.push(`    ${source}`);
      continue;
    }
    if (line.startsWith("    ") && (skipping || CARETS.test(line) || ELIDED.test(line))) continue;
    skipping = false;
    out.push(line);
  }
  return out.join("\n") + "\n";
}

const OWN_MODULE = "If it is your own module, list it under \"files\" in <py-config> so it is copied next to your code; if it is a package, list its wheel (or its name, with a \"package_index\") under \"packages\".";
/** What else a missing module may mean, on each interpreter. */
const MISSING_MODULE: Record<string, string> = {
  micropython: "MicroPython ships fewer modules than CPython: try the same page with ?interpreter=pyodide.",
  pyodide: "Pyodide's own packages (numpy, pandas…) install by name with \"packages\" once their wheels are copied next to Pyodide (see the README's Packages section).",
};

const HINTS: Record<string, string> = {
  ImportError: "Check the module and name are spelled right and listed under \"files\" in <py-config> if they are yours.",
  NameError: "Check the spelling, and that the name is defined in this script or in a <py-script> tag above it.",
  SyntaxError: "Look at the line shown: a missing bracket, colon or quote is the usual cause.",
  IndentationError: "Indent the code inside the tag consistently (spaces, not a mix with tabs).",
};

/** How to fix a Python exception of this type, on this interpreter. (MicroPython's missing module is an ImportError.) */
function hintFor(type: string, summary: string, interpreter: string): string {
  if (type === "ModuleNotFoundError" || /^ImportError: no module named/i.test(summary)) return `${OWN_MODULE} ${MISSING_MODULE[interpreter] ?? ""}`.trimEnd();
  return HINTS[type] ?? "The last line of the traceback names the problem; the lines above show where it happened.";
}

/**
 * The traceback's line that names the exception (`ValueError: bad`): the last
 * one that starts with its type, as notes may follow it (Pyodide adds "See
 * https://pyodide.org/…" to a missing module), else the last line.
 */
function summaryOf(traceback: string, type: string | undefined): string {
  const lines = traceback.trimEnd().split("\n");
  const named = type ? lines.findLast((line) => new RegExp(`^([\\w.]+\\.)?${type}(:|$)`).test(line)) : undefined;
  return named ?? lines.at(-1) ?? String(type);
}

/** Wrap a runtime's Python exception (shape: `{type, message}`) as our error; hints fit `interpreter` (its name). */
export function pythonError(thrown: unknown, sources: Sources, element?: Element, interpreter = ""): PyScriptError {
  const { type, message } = thrown as { type?: string; message?: string };
  const traceback = cleanTraceback(message ?? String(thrown), sources);
  const summary = summaryOf(traceback, type);
  return new PyScriptError("python", summary, {
    pythonType: type,
    traceback,
    element,
    cause: thrown,
    hint: hintFor(type ?? "", summary, interpreter),
  });
}

/** Is this what a runtime throws for a Python exception? */
export function isPythonException(thrown: unknown): boolean {
  return thrown instanceof Error && thrown.name === "PythonError";
}

/** Prefix blank lines so line numbers in tracebacks match the file the code came from. */
export function atLine(code: string, firstLine = 1): string {
  return "\n".repeat(Math.max(0, firstLine - 1)) + code;
}

/** Remember a run's source lines (several scripts may share one page file). */
export function remember(sources: Sources, filename: string, code: string, firstLine = 1): void {
  const lines = sources.get(filename) ?? [];
  code.split("\n").forEach((line, i) => (lines[firstLine - 1 + i] = line));
  sources.set(filename, lines);
}

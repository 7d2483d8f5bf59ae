/**
 * One error type for everything that can go wrong, so a page author sees the
 * same shape every time: a stable `code` to search for, a `message` that says
 * what happened and what was expected, and a `hint` that says how to fix it.
 * Python exceptions use the same type, with the Python class name in
 * `pythonType` and the cleaned-up traceback in `traceback`.
 */

/** Stable error codes. They are public API: never rename one. */
export type ErrorCode =
  | "config-parse" // <py-config> is not valid JSON/TOML
  | "config-value" // a config key has the wrong type or value
  | "config-key" // a config key nothing reads (a typo?): a warning
  | "config-fetch" // <py-config src=…> could not be downloaded
  | "unknown-interpreter" // config.interpreter names no known interpreter
  | "file-fetch" // a file from config.files could not be downloaded
  | "file-write" // a file could not be written to the interpreter's filesystem
  | "script-fetch" // <py-script src=…> could not be downloaded
  | "inline-markup" // inline code or config held "<" that the browser parsed as HTML tags
  | "interpreter-load" // the interpreter's files could not be downloaded
  | "interpreter-start" // the interpreter downloaded but failed to start
  | "interpreter-unsupported" // this browser lacks what the interpreter needs (CPython on the page: JSPI)
  | "plugin-hook" // a plugin's configure/start/onInterpreterReady threw
  | "python" // Python raised an exception
  | "not-ready" // Python was asked to run before the interpreter was ready
  | "js-module" // a JavaScript module named in the config's js_modules could not be loaded
  | "worker-call" // a call to a worker's function could not be made (stopped, not started, no such function)
  | "not-isolated" // a worker used the page's document or window, which needs a cross-origin isolated page
  | "package-index" // a package was named, but there is no package_index to look names up in
  | "package-not-found" // the package index (or Pyodide's lock file) has no such package, or no version that fits
  | "package-fetch" // a package's file could not be downloaded
  | "package-invalid" // a package's file is not a valid wheel (not a zip, no METADATA, a hash that doesn't match)
  | "package-incompatible" // no wheel of the package fits this interpreter (a binary wheel, another Python)
  | "package-conflict" // two packages need versions of a third that can't both hold
  | "file-protocol"; // the page was opened from file://, not a web server

/** Options for {@link PyScriptError}: all optional extras. */
export interface ErrorDetails {
  /** How to fix the problem, in one or two sentences. */
  hint?: string;
  /** The element the error belongs to: its box is shown inside it. */
  element?: Element;
  /** The Python exception's class name, e.g. `"ZeroDivisionError"`. */
  pythonType?: string;
  /** The Python traceback, cleaned of interpreter-internal frames. */
  traceback?: string;
  /** The underlying error, if this one wraps another. */
  cause?: unknown;
}

/**
 * The error MicroPyScript reports and throws.
 *
 * @example
 * document.addEventListener("py-error", (e) => console.log(e.detail.code));
 */
export class PyScriptError extends Error {
  override readonly name = "PyScriptError";
  readonly code: ErrorCode;
  readonly hint: string;
  readonly pythonType: string | undefined;
  traceback: string | undefined;
  /** Where the error happened on the page (not serialisable: a DOM node). */
  element: Element | undefined;

  /**
   * `instanceof` works across our separately bundled files (the kernel and
   * each adapter carry their own copy of this class).
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof Error && value.name === "PyScriptError" && "code" in value;
  }

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message, { cause: details.cause });
    this.code = code;
    this.hint = details.hint ?? "";
    this.element = details.element;
    this.pythonType = details.pythonType;
    this.traceback = details.traceback;
  }

  /** The full text shown to people: code, message and how to fix it. */
  override toString(): string {
    const hint = this.hint ? `\nHow to fix: ${this.hint}` : "";
    return `[${this.code}] ${this.message}${hint}`;
  }
}

/** The browser turned part of an inline tag's text into HTML elements: the text is no longer what was written. */
export function inlineMarkupError(tag: Element): PyScriptError {
  const found = tag.firstElementChild!.localName;
  return new PyScriptError("inline-markup", `The text of this <${tag.localName}> contains <${found}…>, which the browser read as an HTML tag and removed from the text.`, {
    hint: `Inside <${tag.localName}> write &lt; for every < (e.g. "&lt;b>hi&lt;/b>"), or move the text into a file and use src=.`,
    element: tag.localName === "py-script" ? tag : undefined,
  });
}

/** Turn anything thrown into a readable one-line reason. */
export function reasonOf(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message;
  return String(thrown);
}

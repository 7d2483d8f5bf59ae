/**
 * Reading Python code out of the page: a tag's `src=` file (downloading in
 * parallel with everything else) or its inline text. `<script type="py">`
 * text is raw, as the author wrote it; a `<py-script>`'s text is dedented
 * and cleared from view (the tag shows output instead), and where the
 * browser parsed part of it as HTML (`print("<b>hi</b>")`), the exact text
 * is recovered from the page's source (page-source.ts). Inline code runs
 * under a name like "index.html <py-script #2>" (the tag's position among
 * the page's tags of its kind), which tracebacks map back to HTML lines.
 */
import type { Assets } from "../assets.js";
import { inlineMarkupError } from "../errors.js";
import { fetchURL } from "../fetch-url.js";

/** A script's code and the file name its tracebacks show. */
export interface Source {
  code: string;
  filename: string;
}

/** `<script type="…">` values that hold Python (PyScript's `py` and `mpy`, and ours), and the interpreter each asks for. */
export const SCRIPT_TYPE_INTERPRETERS: Readonly<Record<string, string>> = { py: "pyodide", pyodide: "pyodide", mpy: "micropython", micropython: "micropython" };

export const PYTHON_SCRIPT_TYPES = Object.keys(SCRIPT_TYPE_INTERPRETERS);

/** Every tag whose code runs as a page script. */
export const SCRIPT_TAGS = ["py-script", ...PYTHON_SCRIPT_TYPES.map((type) => `script[type="${type}" i]`)].join(",");

/** Is `tag` a `<script type="py">` (or another Python type), rather than a `<py-script>`? */
export const isScriptElement = (tag: Element) => tag.localName === "script";

/** The interpreter a tag asks for: its `interpreter=` attribute, or its `<script type>`; undefined for the page's. */
export function interpreterOfTag(tag: Element): string | undefined {
  const named = tag.getAttribute("interpreter") || (isScriptElement(tag) ? SCRIPT_TYPE_INTERPRETERS[(tag.getAttribute("type") ?? "").toLowerCase()] : "");
  return named ? named.toLowerCase() : undefined;
}

/**
 * The code of a page script. `position` is its place among the page's
 * original tags of its kind (1-based), undefined for a tag added later.
 */
export function readScriptSource(tag: Element, position: number | undefined, assets: Assets): Promise<Source> {
  const src = tag.getAttribute("src");
  const filename = src ? src.replace(/^\.\//, "") : inlineScriptName(tag.localName, position);
  if (!src && isScriptElement(tag)) return Promise.resolve({ code: dedent(tag.textContent ?? ""), filename });
  return readTagCode(tag, `the <${tag.localName}> source`, position, assets).then((code) => ({ code, filename }));
}

/**
 * A tag's code: its `src=` file, or its inline text, dedented. Inline text is
 * read now and cleared from view. Where the browser turned some of it into
 * HTML elements, the text as written comes from the page's source; only if
 * that can't be had (a tag added by JavaScript) is it an `inline-markup` error.
 */
export async function readTagCode(tag: Element, what: string, position: number | undefined, assets: Assets): Promise<string> {
  const src = tag.getAttribute("src");
  if (src) return (await fetchURL(src, "script-fetch", what)).text();
  const parsedAsHTML = tag.firstElementChild !== null;
  const text = tag.textContent ?? "";
  const markupError = parsedAsHTML ? inlineMarkupError(tag) : undefined;
  tag.replaceChildren(); // the tag now shows the code's output, not its source
  if (!markupError) return dedent(text);
  const written = await recover(tag.localName, text, position, assets);
  if (written === undefined) throw markupError;
  return dedent(written);
}

async function recover(kind: string, text: string, position: number | undefined, assets: Assets): Promise<string | undefined> {
  if (!position) return undefined;
  try {
    const { recoverInlineCode } = await assets.import<typeof import("./page-source.js")>("page-source.js");
    return await recoverInlineCode(kind, text, position);
  } catch {
    return undefined;
  }
}

/** Remove the indentation common to all lines, keeping line numbers. */
export function dedent(code: string): string {
  const lines = code.split("\n");
  const indents = lines.filter((line) => line.trim()).map((line) => /^[ \t]*/.exec(line)![0].length);
  const common = indents.length ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(common)).join("\n");
}

/** The page's file name, as tracebacks show it. */
export function pageFileName(): string {
  return location.pathname.split("/").pop() || "index.html";
}

/**
 * The name inline code runs under: the page and the tag's position among
 * the page's original tags of its kind (1-based). Tags added later by
 * JavaScript aren't in the page's source: `position` is then undefined.
 */
export function inlineScriptName(kind: string, position: number | undefined): string {
  return `${pageFileName()} <${kind} ${position ? `#${position}` : "added by JavaScript"}>`;
}

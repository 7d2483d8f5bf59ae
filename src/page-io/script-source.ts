/**
 * Reading Python code out of the page: a tag's inline text (dedented, and
 * removed from view so the tag can show output instead) or its `src=` file,
 * downloading in parallel with everything else. Inline code runs under a
 * name like "index.html <py-script #2>" (the tag's position on the page),
 * which page-lines.ts maps back to the HTML line when a traceback needs it.
 */
import { inlineMarkupError } from "../errors.js";
import { fetchURL } from "../fetch-url.js";

/** A script's code and the file name its tracebacks show. */
export interface Source {
  code: string;
  filename: string;
}

/**
 * The code of a `<py-script>` tag. `position` is its place among the page's
 * original tags (1-based), undefined for a tag added later by JavaScript.
 */
export function readScriptSource(tag: Element, position: number | undefined): Promise<Source> {
  const src = tag.getAttribute("src");
  const filename = src ? src.replace(/^\.\//, "") : inlineScriptName(position);
  return readTagCode(tag, "the <py-script> source").then((code) => ({ code, filename }));
}

/**
 * A tag's code: its `src=` file, or its inline text, dedented. Inline text is
 * read now and cleared from view; a tag whose text the browser turned into
 * HTML elements gives an `inline-markup` error instead of changed code.
 */
export function readTagCode(tag: Element, what: string): Promise<string> {
  const src = tag.getAttribute("src");
  if (src) return fetchURL(src, "script-fetch", what).then((response) => response.text());
  const markup = tag.firstElementChild && inlineMarkupError(tag);
  const code = dedent(tag.textContent ?? "");
  tag.textContent = ""; // the tag now shows the code's output, not its source
  return markup ? Promise.reject(markup) : Promise.resolve(code);
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
 * The name an inline script runs under: the page and the tag's position
 * among the page's original `<py-script>` tags (1-based). Tags added later
 * by JavaScript aren't in the page's source: `position` is then undefined.
 */
export function inlineScriptName(position: number | undefined): string {
  return `${pageFileName()} <py-script ${position ? `#${position}` : "added by JavaScript"}>`;
}

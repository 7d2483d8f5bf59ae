/**
 * What the page's own HTML source tells that the DOM forgets
 * (`dist/page-source.js`, loaded only when needed): where each inline
 * Python tag starts, so a traceback can say `File "index.html", line 42`
 * meaning line 42 of the HTML the author wrote; and the exact text of an
 * inline tag whose code the browser parsed as HTML (`print("<b>hi</b>")`
 * in a `<py-script>`), so that code runs as written. The source is read
 * once, normally straight from the browser's cache.
 */
import { pageFileName, PYTHON_SCRIPT_TYPES } from "./script-source.js";

/** Rewrite frames of inline tags to the page's file and HTML line. */
export async function rewriteTraceback(traceback: string): Promise<string> {
  const source = await pageSource();
  if (!source) return traceback;
  const page = pageFileName();
  return traceback.replace(/File "([^"]+) <(py-script|script) #(\d+)>", line (\d+)/g, (frame, file: string, kind: string, position: string, line: string) => {
    const opening = file === page ? openings(source.searchable, kind)[Number(position) - 1] : undefined;
    if (!opening) return frame;
    const first = source.html.slice(0, opening.end).split("\n").length;
    return `File "${page}", line ${Number(line) + first - 1}`;
  });
}

/**
 * The text of an inline tag exactly as written in the page's source, with
 * character references decoded as in any HTML text; undefined if the
 * source doesn't have it (e.g. a tag added by JavaScript).
 * `kind`: the tag's name; `text`: what the browser made of it (its
 * textContent); `position`: its place among the page's tags of its kind (1-based).
 */
export async function recoverInlineCode(kind: string, text: string, position: number): Promise<string | undefined> {
  const source = await pageSource();
  const opening = source && openings(source.searchable, kind)[position - 1];
  if (!source || !opening) return undefined;
  const close = new RegExp(`</${kind}\\s*>`, "i").exec(source.searchable.slice(opening.end));
  if (!close) return undefined;
  const raw = source.html.slice(opening.end, opening.end + close.index);
  // The right tag parses to the same text the browser gave it.
  const parsed = document.createElement("template");
  parsed.innerHTML = raw;
  if (parsed.content.textContent !== text) return undefined;
  return decodeReferences(raw);
}

/** Decode `&lt;`, `&amp;`, `&#60;`… one reference at a time, so nothing else is parsed as HTML. */
function decodeReferences(raw: string): string {
  const decoder = document.createElement("span");
  return raw.replace(/&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/gi, (reference) => {
    decoder.innerHTML = reference;
    return decoder.textContent ?? reference;
  });
}

interface Source {
  /** The HTML as served. */
  html: string;
  /** The same, with comments blanked out (same length, same newlines), for finding tags. */
  searchable: string;
}

let reading: Promise<Source | undefined> | undefined;

function pageSource(): Promise<Source | undefined> {
  reading ??= fetch(location.href, { cache: "force-cache" })
    .then(async (response) => {
      if (!response.ok) return undefined;
      const html = await response.text();
      return { html, searchable: html.replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, " ")) };
    })
    .catch(() => undefined); // without the source, tracebacks keep the script's own names and line numbers
  return reading;
}

const OPENING = /<(py-script|py-repl|script)\b((?:"[^"]*"|'[^']*'|[^'">])*)>/gi;
const TYPE = /\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;

/** Where each opening tag of `kind` ends in the page's source, in order (Python `<script>`s only). */
function openings(searchable: string, kind: string): { end: number }[] {
  return [...searchable.matchAll(OPENING)]
    .filter((m) => m[1]!.toLowerCase() === kind && (kind !== "script" || isPythonType(m[2]!)))
    .map((m) => ({ end: m.index + m[0].length }));
}

function isPythonType(attributes: string): boolean {
  const type = TYPE.exec(attributes);
  return PYTHON_SCRIPT_TYPES.includes((type?.[1] ?? type?.[2] ?? type?.[3] ?? "").toLowerCase());
}

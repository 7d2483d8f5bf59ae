/**
 * Tracebacks that point at the page: `File "index.html", line 42` meaning
 * line 42 of the HTML the author wrote. The DOM keeps no source positions,
 * so each inline script runs under a name of its own (see py-script.ts), and
 * only when a traceback needs it is this module (`dist/page-source.js`)
 * loaded: it reads the page's source (normally straight from the browser's
 * cache), finds where each tag starts, and rewrites the frames. Pages without
 * errors never download or run any of it.
 */

const OPENING_TAG = /<py-script\b(?:"[^"]*"|'[^']*'|[^'">])*>/gi;

/**
 * Rewrite the frames of inline scripts in `traceback` to the page's file and
 * HTML line. `names` maps each inline script's run name to its tag;
 * `original` lists the page's <py-script> tags as first found, in order.
 */
export async function rewriteTraceback(traceback: string, names: Map<string, Element>, original: Element[]): Promise<string> {
  const lines = await sourceLines(original);
  const page = location.pathname.split("/").pop() || "index.html";
  return traceback.replace(/File "([^"]+)", line (\d+)/g, (frame, name: string, line: string) => {
    const tag = names.get(name);
    const first = tag && lines.get(tag);
    return first ? `File "${page}", line ${Number(line) + first - 1}` : frame;
  });
}

/** Map each of `tags` (all the page's tags, in document order) to the source line its code starts on. */
async function sourceLines(tags: Element[]): Promise<Map<Element, number>> {
  const lines = new Map<Element, number>();
  try {
    const response = await fetch(location.href, { cache: "force-cache" });
    if (!response.ok) return lines;
    // Blank out comments but keep their newlines, so line numbers stay right.
    const html = (await response.text()).replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, " "));
    const starts = [...html.matchAll(OPENING_TAG)].map((m) => m.index + m[0].length);
    if (starts.length !== tags.length) return lines; // scripts added tags: don't guess
    tags.forEach((tag, i) => lines.set(tag, html.slice(0, starts[i]).split("\n").length));
  } catch {
    // Without the source, tracebacks keep the script's own name and line numbers.
  }
  return lines;
}

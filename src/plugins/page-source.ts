/**
 * Where each inline `<py-script>` starts in the page's HTML source, so a
 * traceback can say `File "index.html", line 42` and mean line 42 of the
 * file the author wrote. The DOM doesn't keep source positions, so we read
 * the page's own source (normally straight from the browser's cache) in
 * parallel with the interpreter download, and match tags in order.
 */

/** The page's file name, as tracebacks show it. */
export function pageFileName(): string {
  const name = location.pathname.split("/").pop();
  return name || "index.html";
}

const OPENING_TAG = /<py-script\b(?:"[^"]*"|'[^']*'|[^'">])*>/gi;

/** Map each of `tags` (all the page's tags, in document order, as first found) to the source line its code starts on. */
export async function sourceLines(tags: Element[]): Promise<Map<Element, number>> {
  const lines = new Map<Element, number>();
  try {
    const response = await fetch(location.href, { cache: "force-cache" });
    if (!response.ok) return lines;
    // Blank out comments but keep their newlines, so line numbers stay right.
    const html = (await response.text()).replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, " "));
    const starts = [...html.matchAll(OPENING_TAG)].map((m) => m.index + m[0].length);
    if (starts.length !== tags.length) return lines; // scripts added the tags: don't guess
    tags.forEach((tag, i) => lines.set(tag, html.slice(0, starts[i]).split("\n").length));
  } catch {
    // Without the source we fall back to line numbers counted from the tag.
  }
  return lines;
}

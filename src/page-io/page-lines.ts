/**
 * Tracebacks that point at the page: `File "index.html", line 42` meaning
 * line 42 of the HTML the author wrote. The DOM keeps no source positions,
 * so each inline script runs under a name of its own (see script-source.ts),
 * and only when a traceback needs it is this module (`dist/page-lines.js`)
 * loaded: it reads the page's source (normally straight from the browser's
 * cache), finds where each tag starts, and rewrites the frames. Pages without
 * errors never download or run any of it.
 */
import { pageFileName } from "./script-source.js";

/** Rewrite frames of inline scripts to the page's file and HTML line. */
export async function rewriteTraceback(traceback: string): Promise<string> {
  const starts = await tagStartLines();
  const page = pageFileName();
  return traceback.replace(/File "([^"]+) <py-script #(\d+)>", line (\d+)/g, (frame, file: string, position: string, line: string) => {
    const first = file === page ? starts[Number(position) - 1] : undefined;
    return first ? `File "${page}", line ${Number(line) + first - 1}` : frame;
  });
}

const OPENING_TAG = /<py-script\b(?:"[^"]*"|'[^']*'|[^'">])*>/gi;

/** The line where the code of each `<py-script>` in the page's source starts. */
async function tagStartLines(): Promise<number[]> {
  try {
    const response = await fetch(location.href, { cache: "force-cache" });
    if (!response.ok) return [];
    // Blank out comments but keep their newlines, so line numbers stay right.
    const html = (await response.text()).replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, " "));
    return [...html.matchAll(OPENING_TAG)].map((m) => html.slice(0, m.index + m[0].length).split("\n").length);
  } catch {
    return []; // without the source, tracebacks keep the script's own name and line numbers
  }
}

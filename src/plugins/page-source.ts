/**
 * Tracebacks that point at the page: `File "index.html", line 42` meaning
 * line 42 of the HTML the author wrote. The DOM keeps no source positions,
 * so each inline script runs under a name of its own, and only when a
 * traceback needs it do we read the page's source (normally straight from
 * the browser's cache), find where each tag starts, and rewrite the frames.
 * Pages without errors never pay for this.
 */

/** The page's file name, as tracebacks show it. */
export function pageFileName(): string {
  return location.pathname.split("/").pop() || "index.html";
}

const OPENING_TAG = /<py-script\b(?:"[^"]*"|'[^']*'|[^'">])*>/gi;

/** Names inline scripts, and maps tracebacks of those names to page lines. */
export class PageLines {
  private tags = new Map<string, Element>();
  private lines: Promise<Map<Element, number>> | undefined;

  /** @param original - the page's <py-script> tags as first found, in document order. */
  constructor(private original: Element[]) {}

  /** The filename an inline script runs under until a traceback is rewritten. */
  nameFor(tag: Element): string {
    const name = `${pageFileName()} <py-script #${this.tags.size + 1}>`;
    this.tags.set(name, tag);
    return name;
  }

  /** Rewrite frames of inline scripts to the page's file and HTML line. */
  async rewrite(traceback: string): Promise<string> {
    this.lines ??= sourceLines(this.original);
    const lines = await this.lines;
    return traceback.replace(/File "([^"]+)", line (\d+)/g, (frame, name: string, line: string) => {
      const tag = this.tags.get(name);
      const first = tag && lines.get(tag);
      return first ? `File "${pageFileName()}", line ${Number(line) + first - 1}` : frame;
    });
  }
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

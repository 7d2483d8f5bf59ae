/**
 * Writing a "simple" package index (PEP 503) for a folder of wheels: what
 * `npx micropyscript wheels <folder>` does (bin/micropyscript.mjs does the
 * file work; this is the part that decides what the pages say, and runs in
 * Node from `dist/index-writer.js`). The folder then is the index: point
 * `package_index` at it. Each link carries the wheel's sha256, which the
 * page checks, and its Requires-Python, read from its METADATA.
 */
import { hex, sha256 } from "./hashes.js";
import { parseMetadata } from "./metadata.js";
import { parseWheelFilename } from "./wheel-name.js";
import { readZip } from "./zip.js";

export interface WheelFile {
  filename: string;
  bytes: Uint8Array;
}

export interface WrittenIndex {
  /** Path inside the index folder ("index.html", "humanize/index.html") → HTML. */
  pages: Map<string, string>;
  /** Files left out, and why. */
  skipped: string[];
}

/** The index pages for `wheels`, whose files are at `prefix` + filename relative to the index folder ("" when they are in it). */
export async function simpleIndex(wheels: WheelFile[], prefix = ""): Promise<WrittenIndex> {
  const projects = new Map<string, string[]>();
  const skipped: string[] = [];
  for (const { filename, bytes } of [...wheels].sort((a, b) => a.filename.localeCompare(b.filename))) {
    const name = parseWheelFilename(filename);
    if (!name) {
      skipped.push(`${filename}: not a wheel's name (name-version-python-abi-platform.whl)`);
      continue;
    }
    let requiresPython: string | undefined;
    try {
      const members = await readZip(bytes);
      const metadata = [...members].find(([path]) => /^[^/]+\.dist-info\/METADATA$/.test(path));
      if (!metadata) throw new Error("it has no .dist-info/METADATA");
      requiresPython = parseMetadata(new TextDecoder().decode(metadata[1])).requiresPython;
    } catch (error) {
      skipped.push(`${filename}: ${(error as Error).message}`);
      continue;
    }
    const python = requiresPython ? ` data-requires-python="${escapeHTML(requiresPython)}"` : "";
    const link = `<a href="../${escapeHTML(prefix + encodeURIComponent(filename))}#sha256=${hex(await sha256(bytes))}"${python}>${escapeHTML(filename)}</a><br>`;
    projects.set(name.key, [...(projects.get(name.key) ?? []), link]);
  }
  const pages = new Map<string, string>();
  const keys = [...projects.keys()].sort();
  pages.set("index.html", page("Simple index", keys.map((key) => `<a href="${key}/">${key}</a><br>`)));
  for (const key of keys) pages.set(`${key}/index.html`, page(`Links for ${key}`, projects.get(key)!));
  return { pages, skipped };
}

function page(title: string, lines: string[]): string {
  return `<!DOCTYPE html>\n<html><head><meta name="pypi:repository-version" content="1.0"><title>${title}</title></head><body>\n<h1>${title}</h1>\n${lines.join("\n")}\n</body></html>\n`;
}

const escapeHTML = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * Looking a name up in a "simple" package index (PEP 503's HTML pages, or
 * PEP 691's JSON form of them): `{index}/{name}/` lists the project's files.
 * A static folder written by `npx micropyscript wheels` is one; so is PyPI's
 * https://pypi.org/simple/, if a page's author chooses to trust it.
 */
import { PyScriptError, reasonOf } from "../errors.js";

/** One file the index lists for a project. */
export interface IndexFile {
  filename: string;
  /** Absolute URL. */
  url: string;
  /** Hex SHA-256, when the index gives one. */
  sha256?: string;
  /** The file's Requires-Python, when the index gives it. */
  requiresPython?: string;
  yanked: boolean;
}

const ACCEPT = "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.1";

/** The files `indexURL` lists for the project `key` (a normalized name), or undefined when it doesn't know the project. */
export async function projectFiles(indexURL: string, key: string): Promise<IndexFile[] | undefined> {
  const url = new URL(`${key}/`, indexURL.replace(/\/?$/, "/")).href;
  let response: Response;
  try {
    response = await fetch(url, { headers: { Accept: ACCEPT } });
  } catch (error) {
    throw new PyScriptError("package-fetch", `Could not reach the package index at "${url}": ${reasonOf(error)}.`, {
      hint: "Check package_index in <py-config> and that the server is running. An index on another site must send CORS headers.",
    });
  }
  if (response.status === 404) return undefined;
  if (!response.ok) {
    throw new PyScriptError("package-fetch", `The package index answered ${response.status} ${response.statusText} for "${url}".`, {
      hint: "Check package_index in <py-config>, and the index server's log.",
    });
  }
  const type = response.headers.get("Content-Type") ?? "";
  const text = await response.text();
  const base = response.url || url;
  return type.includes("json") ? fromJSON(text, base) : fromHTML(text, base);
}

/** PEP 691: `{"files": [{"filename", "url", "hashes": {"sha256"}, "requires-python", "yanked"}]}`. */
function fromJSON(text: string, base: string): IndexFile[] {
  const files = (JSON.parse(text) as { files?: { filename: string; url: string; hashes?: { sha256?: string }; "requires-python"?: string; yanked?: unknown }[] }).files ?? [];
  return files.map((file) => ({
    filename: file.filename,
    url: new URL(file.url, base).href,
    sha256: file.hashes?.sha256,
    requiresPython: file["requires-python"] ?? undefined,
    yanked: Boolean(file.yanked),
  }));
}

/** PEP 503: one `<a href="…#sha256=…" data-requires-python="…">filename</a>` per file. */
export function fromHTML(text: string, base: string): IndexFile[] {
  const files: IndexFile[] = [];
  for (const [, attributes, label] of text.matchAll(/<a\s([^>]*)>([^<]*)<\/a\s*>/gi)) {
    const href = attribute(attributes!, "href");
    if (!href) continue;
    const url = new URL(href, base);
    const sha256 = /(?:^|&)sha256=([0-9a-f]{64})/i.exec(url.hash.slice(1))?.[1]?.toLowerCase();
    url.hash = "";
    files.push({
      filename: unescapeHTML(label!).trim() || decodeURIComponent(url.pathname.split("/").pop()!),
      url: url.href,
      sha256,
      requiresPython: attribute(attributes!, "data-requires-python"),
      yanked: attribute(attributes!, "data-yanked") !== undefined,
    });
  }
  return files;
}

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}\\s*(?:=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+)))?`, "i").exec(attributes);
  if (!match) return undefined;
  return unescapeHTML(match[1] ?? match[2] ?? match[3] ?? "");
}

function unescapeHTML(text: string): string {
  return text.replace(/&(lt|gt|quot|amp|#39|#x27);/g, (_, entity: string) =>
    ({ lt: "<", gt: ">", quot: '"', amp: "&", "#39": "'", "#x27": "'" })[entity]!);
}

/**
 * MicroPython's own packaging (what its `mip` tool installs, the format of
 * micropython-lib): a `package.json` with `urls` — `[["dest/path.py",
 * "source URL"], …]` — and `deps`, other packages by name or URL. Its files
 * are copied into /lib. `github:org/repo/path` sources are fetched from
 * raw.githubusercontent.com, as `mip` does: that leaves the origin, but only
 * because the page's author wrote it.
 */
import { PyScriptError, reasonOf } from "../errors.js";
import { fetchBytes, fetchURL } from "../fetch-url.js";

export interface MipPackage {
  name: string;
  version: string;
  /** Path under the library folder → content. */
  files: Map<string, Uint8Array>;
  /** Dependencies: names (looked up in the package index) or URLs of other package.json files. */
  deps: string[];
}

/** Is this entry a mip package (a package.json URL or a `github:` one)? */
export const isMipEntry = (entry: string): boolean => /\.json([?#].*)?$|^(github|gitlab):/i.test(entry);

/** `github:org/repo/path[@branch]` as the URL `mip` reads it from; other URLs as they are. */
export function mipURL(source: string, base: string): string {
  const match = /^(github|gitlab):([^/]+)\/([^/@]+)(?:\/([^@]*))?(?:@(.+))?$/i.exec(source);
  if (!match) return new URL(source, base).href;
  const [, host, org, repo, path = "", branch = "HEAD"] = match;
  const file = path && !path.endsWith(".py") && !path.endsWith(".json") ? `${path.replace(/\/$/, "")}/package.json` : path || "package.json";
  return host!.toLowerCase() === "github"
    ? `https://raw.githubusercontent.com/${org}/${repo}/${branch}/${file}`
    : `https://gitlab.com/${org}/${repo}/-/raw/${branch}/${file}`;
}

/** Download a package.json and the files it lists. */
export async function fetchMipPackage(entry: string, base: string): Promise<MipPackage> {
  const url = mipURL(entry, base);
  const response = await fetchURL(url, "package-fetch", `the package ${entry}`);
  let manifest: { urls?: [string, string][]; deps?: [string, string?][]; version?: string };
  try {
    manifest = await response.json();
    if (!Array.isArray(manifest.urls ?? [])) throw new Error('"urls" is not a list');
  } catch (error) {
    throw new PyScriptError("package-invalid", `${entry} is not a package.json as mip reads it: ${reasonOf(error)}.`, {
      hint: 'A mip package.json looks like {"urls": [["mylib/__init__.py", "mylib/__init__.py"]], "deps": [], "version": "1.0"}.',
    });
  }
  const name = new URL(url).pathname.split("/").slice(-2, -1)[0] || entry;
  const files = await Promise.all((manifest.urls ?? []).map(async ([dest, source]) =>
    [dest.replace(/^\/+/, ""), await fetchBytes(mipURL(source, url), "package-fetch", `${dest} of the package ${entry}`)] as const));
  const deps = (manifest.deps ?? []).map(([dep, version]) => /^[\w.-]+$/.test(dep) && version && version !== "latest" ? `${dep}==${version}` : /^(github|gitlab):|\//.test(dep) ? mipURL(dep, url) : dep);
  return { name, version: manifest.version ?? "", files: new Map(files), deps };
}

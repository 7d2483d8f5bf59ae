/**
 * Where our build output lives. `pyscript.js` sits at the top of it, with
 * the interpreters' files, their adapters and the TOML parser beside it, so
 * the folder can be copied anywhere and served. Each of those is loaded on
 * demand by URL, only by the pages that need it.
 */
let assetsURL = new URL(".", import.meta.url).href;

/** Use another folder for our build output (must end in "/"). */
export function setAssetsURL(url: string): void {
  assetsURL = new URL(url, document.baseURI).href.replace(/\/?$/, "/");
}

/** The absolute URL of a file in our build output. */
export function assetURL(path: string): string {
  return new URL(path, assetsURL).href;
}

/** Import an ES module from our build output. */
export function importAsset<T>(path: string): Promise<T> {
  return import(/* @vite-ignore */ assetURL(path));
}

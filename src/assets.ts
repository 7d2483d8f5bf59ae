/**
 * Where our build output lives. `pyscript.js` sits at the top of it, with
 * the interpreters' files, their adapters and the lazily loaded parts
 * (TOML parser, error box, splash, workers…) beside it, so the folder can
 * be copied anywhere and served. Each kernel has its own `Assets` (a kernel
 * made by a bundler's app may point it elsewhere); nothing here is global
 * state.
 */

/** Finds and imports files of our build output, relative to one folder URL. */
export class Assets {
  /** The folder, as an absolute URL ending in "/". */
  readonly baseURL: string;

  constructor(baseURL: string) {
    this.baseURL = new URL(baseURL, globalThis.document?.baseURI ?? globalThis.location?.href).href.replace(/\/?$/, "/");
  }

  /** The absolute URL of a file in our build output. */
  url(path: string): string {
    return new URL(path, this.baseURL).href;
  }

  /** Import an ES module from our build output. */
  import<T>(path: string): Promise<T> {
    return import(/* @vite-ignore */ this.url(path));
  }
}

/**
 * The build output this very bundle came from. Every file in dist/ is a
 * standalone module at the top of the folder (adapters one level down, and
 * they don't use this), so "this file's folder" is the build folder.
 * (Not written `new URL(".", import.meta.url)`: bundlers such as Vite take
 * that form for an asset reference and copy this file into their output.)
 */
export const bundleAssets = new Assets(import.meta.url.slice(0, import.meta.url.lastIndexOf("/") + 1));

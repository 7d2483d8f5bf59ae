/**
 * Both runtimes use Emscripten's virtual filesystem; this is the little we
 * need of it, and the rule for where relative paths land (see {@link HOME}).
 */
import { HOME } from "./interpreter.js";

/** The part of Emscripten's `FS` object the adapters use. */
export interface EmscriptenFS {
  mkdirTree(path: string): void;
  chdir(path: string): void;
  writeFile(path: string, data: string | Uint8Array): void;
  readFile(path: string): Uint8Array;
  readdir(path: string): string[];
}

/** Make {@link HOME} the working folder. */
export function enterHome(fs: EmscriptenFS): void {
  fs.mkdirTree(HOME);
  fs.chdir(HOME);
}

/** Absolute path for `path`: relative ones are inside {@link HOME}. */
export function resolvePath(path: string): string {
  return path.startsWith("/") ? path : `${HOME}/${path.replace(/^\.\//, "")}`;
}

/** Write a file, creating its parent folders. */
export function writeFile(fs: EmscriptenFS, path: string, data: string | Uint8Array): void {
  const absolute = resolvePath(path);
  const folder = absolute.slice(0, absolute.lastIndexOf("/"));
  if (folder) fs.mkdirTree(folder);
  fs.writeFile(absolute, data);
}

/**
 * A folder whose files are written the first time someone looks for one of
 * them. Python's import system can't be told to wait for files (MicroPython
 * has no import hooks), but it finds modules through the filesystem: by
 * looking a name up in the folder (MicroPython, and CPython's checks for a
 * file) or by listing it (CPython's path finder). So we watch the folder's
 * node in Emscripten's in-memory filesystem, which MicroPython and Pyodide
 * both use: the first lookup of one of the expected names, or the first
 * listing, writes the files, then carries on as if they had always been there.
 */

/** A node of Emscripten's filesystem, as far as we need it. */
interface FSNode {
  node_ops: {
    lookup(parent: FSNode, name: string): FSNode;
    readdir(node: FSNode): string[];
  };
}

/** The part of Emscripten's `FS` object this needs. */
export interface LazyFS {
  lookupPath(path: string): { node: FSNode };
  lookupNode(parent: FSNode, name: string): FSNode;
}

/**
 * Make `folder` call `fill()` (which writes the files named `names`, once,
 * returning true when it did) before its first listing or its first lookup
 * of one of `names`. Afterwards the folder behaves as any other.
 */
export function fillOnFirstLook(fs: LazyFS, folder: string, names: string[], fill: () => boolean): void {
  const node = fs.lookupPath(folder).node;
  const own = node.node_ops;
  const expected = new Set(names);
  const fillNow = () => {
    node.node_ops = own; // from now on, an ordinary folder
    return fill();
  };
  node.node_ops = {
    ...own,
    lookup: (parent, name) => (expected.has(name) && fillNow() ? fs.lookupNode(parent, name) : own.lookup(parent, name)),
    readdir: (dir) => (fillNow(), own.readdir(dir)),
  };
}

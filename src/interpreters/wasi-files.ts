/**
 * The filesystem CPython for WASI sees, kept in page memory by
 * `@bjorn3/browser_wasi_shim`: one tree from `/`, with the working folder
 * ({@link HOME}), `/lib` for the packages we provide, and `/dev/pyscript`,
 * the device file Python reaches the page through (see cpython-js.ts). Its
 * standard library is not here: it is packed inside python.wasm.
 *
 * The device: each write is a request (a JSON line); JavaScript answers it
 * in the same call, and the following reads return the answer, framed as
 * `<length>\n<JSON>`. An answer JavaScript must wait for is a promise: the
 * read then suspends WebAssembly (JSPI, see cpython.ts) until it settles.
 */
import { Directory, Fd, File, Inode, PreopenDirectory, wasi } from "@bjorn3/browser_wasi_shim";
import { resolvePath } from "./filesystem.js";
import { HOME } from "./interpreter.js";

/** Answers one request from Python: at once, or by a promise the read waits for. */
export type RequestHandler = (request: string) => string | Promise<string>;

/** The open `/dev/pyscript`: requests in, answers out. */
export class RpcDevice extends Fd {
  /** Settles once the answer to the last request is there (undefined when it already is). */
  pending: Promise<void> | undefined;
  private request = "";
  private answer = new Uint8Array(0);
  private decoder = new TextDecoder();
  private encoder = new TextEncoder();

  constructor(private handle: RequestHandler) {
    super();
  }

  override fd_write(data: Uint8Array): { ret: number; nwritten: number } {
    this.request += this.decoder.decode(data, { stream: true });
    if (this.request.endsWith("\n")) {
      const answer = this.handle(this.request);
      this.request = "";
      if (typeof answer === "string") this.setAnswer(answer);
      else this.pending = answer.then((text) => this.setAnswer(text));
    }
    return { ret: wasi.ERRNO_SUCCESS, nwritten: data.length };
  }

  override fd_read(size: number): { ret: number; data: Uint8Array } {
    const data = this.answer.slice(0, size);
    this.answer = this.answer.subarray(data.length);
    return { ret: wasi.ERRNO_SUCCESS, data };
  }

  override fd_fdstat_get(): { ret: number; fdstat: wasi.Fdstat } {
    return { ret: wasi.ERRNO_SUCCESS, fdstat: new wasi.Fdstat(wasi.FILETYPE_CHARACTER_DEVICE, 0) };
  }

  override fd_filestat_get(): { ret: number; filestat: wasi.Filestat } {
    return { ret: wasi.ERRNO_SUCCESS, filestat: new wasi.Filestat(0n, wasi.FILETYPE_CHARACTER_DEVICE, 0n) };
  }

  private setAnswer(text: string): void {
    const body = this.encoder.encode(text);
    this.answer = new Uint8Array([...this.encoder.encode(`${body.length}\n`), ...body]);
    this.pending = undefined;
  }
}

/** `/dev/pyscript` in the tree: opening it gives the one device. */
class DeviceNode extends Inode {
  constructor(private device: RpcDevice) {
    super();
  }

  path_open(): { ret: number; fd_obj: Fd } {
    return { ret: wasi.ERRNO_SUCCESS, fd_obj: this.device };
  }

  stat(): wasi.Filestat {
    return new wasi.Filestat(this.ino, wasi.FILETYPE_CHARACTER_DEVICE, 0n);
  }
}

let clock = 0n;

/**
 * A folder whose modification time changes when we write into it, so
 * Python's import system (which caches folder listings until a folder's time
 * changes) sees files written after it first looked (`files`, `pyscript/…`).
 */
class TimedDirectory extends Directory {
  private mtim = 0n;

  touch(): void {
    this.mtim = BigInt(Date.now()) * 1_000_000n + ++clock; // always later, even within a millisecond
  }

  override stat(): wasi.Filestat {
    const stat = super.stat();
    stat.mtim = this.mtim;
    return stat;
  }
}

/** The tree, preopened as `/`, with the working folder and the device in it. */
export function makeRoot(device: RpcDevice): PreopenDirectory {
  const root = new PreopenDirectory("/", new Map<string, Inode>([
    ["dev", new Directory(new Map([["pyscript", new DeviceNode(device)]]))],
    ["lib", new TimedDirectory(new Map())],
    ["tmp", new TimedDirectory(new Map())],
  ]));
  folder(root.dir, HOME);
  return root;
}

/** The folder at `path` (absolute), made with its parents if missing. */
function folder(root: Directory, path: string): Directory {
  let here = root;
  for (const name of path.split("/").filter(Boolean)) {
    let next = here.contents.get(name);
    if (!next) here.contents.set(name, (next = new TimedDirectory(new Map())));
    if (!(next instanceof Directory)) throw new Error(`${path}: ${name} is a file, not a folder`);
    here = next;
  }
  return here;
}

/** Write a file (relative paths in the working folder), creating its folders. */
export function writeTreeFile(root: PreopenDirectory, path: string, data: string | Uint8Array): void {
  const absolute = resolvePath(path);
  const cut = absolute.lastIndexOf("/");
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
  const parent = folder(root.dir, absolute.slice(0, cut));
  parent.contents.set(absolute.slice(cut + 1), new File(bytes));
  if (parent instanceof TimedDirectory) parent.touch();
}

/** Read a file; throws when there is none. */
export function readTreeFile(root: PreopenDirectory, path: string): Uint8Array {
  let node: Inode | undefined = root.dir;
  for (const name of resolvePath(path).split("/").filter(Boolean)) {
    node = node instanceof Directory ? node.contents.get(name) : undefined;
  }
  if (!(node instanceof File)) throw new Error(`No such file: ${path}`);
  return node.data;
}

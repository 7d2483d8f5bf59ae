/**
 * Downloads an interpreter's files as early as possible, and reports real
 * progress, without changing the runtimes.
 *
 * As soon as the config names the interpreter, every one of its files starts
 * downloading in parallel, and each WebAssembly file starts compiling while
 * it downloads. A runtime's own loader would fetch them one after another
 * (its JS first, then the wasm) and compile only when it gets there; instead
 * its `fetch()` of a wasm file gets a placeholder, and its
 * `WebAssembly.instantiateStreaming()` gets our already compiled module.
 *
 * While loading, fetches of the interpreter's files pass through a byte
 * counter (the response still streams), and module scripts (which don't use
 * fetch) are counted when they finish. On a repeat visit, a wasm file goes
 * to the compiler untouched instead: the browser then reuses the code it
 * compiled last time, which a counted (rebuilt) response would prevent. Everything is put back as it was by
 * `stop()`. A failed download of one of the interpreter's own files rejects
 * `failed` at once: some runtimes (Pyodide) would otherwise wait forever.
 */
import type { Progress } from "../events.js";
import type { InterpreterInfo } from "./interpreter.js";

/** A file of the interpreter's own that could not be downloaded. */
export interface FailedDownload {
  url: string;
  /** What went wrong, e.g. "the server answered 404". */
  reason: string;
}

/** Downloads under way; `failed` rejects with a {@link FailedDownload}. */
export interface Downloads {
  failed: Promise<never>;
  /** Stop tracking; `ready` reports the last progress event, stage "ready". */
  stop(ready: boolean): void;
}

/**
 * Start downloading `info`'s files from `baseURL`; report progress until
 * `stop()`. Without `onProgress` (in a worker) nothing is counted.
 */
export function startDownloads(info: InterpreterInfo, baseURL: string, onProgress?: (progress: Progress) => void): Downloads {
  const tracker = new DownloadTracker(info, baseURL, onProgress);
  for (const file of Object.keys(info.files)) tracker.begin(file);
  tracker.started(); // "downloading 0 / 26 MB" at once, before the first bytes (CPython's one file may take seconds to answer)
  return { failed: tracker.failed, stop: (ready) => tracker.stop(ready) };
}

/** One interpreter's downloads: the patched fetch and compiler, the byte count, the first failure. */
class DownloadTracker {
  readonly failed: Promise<never>;
  #info: InterpreterInfo;
  #baseURL: string;
  #onProgress: ((progress: Progress) => void) | undefined;
  #fail!: (failure: FailedDownload) => void;
  #expected: number;
  #loaded = 0;
  #compiling = 0;
  #counted = new Set<string>();
  #compiled = new Map<string, Promise<WebAssembly.Module>>();
  #placeholders = new WeakMap<Response, string>();
  #originalFetch = globalThis.fetch;
  #originalInstantiate = WebAssembly.instantiateStreaming;
  #observer: PerformanceObserver;

  constructor(info: InterpreterInfo, baseURL: string, onProgress?: (progress: Progress) => void) {
    [this.#info, this.#baseURL, this.#onProgress] = [info, baseURL, onProgress];
    this.failed = new Promise<never>((_, reject) => (this.#fail = reject));
    this.failed.catch(() => {}); // only matters to whoever races against it
    this.#expected = Object.values(info.files).reduce((sum, size) => sum + size, 0);
    globalThis.fetch = (input, init) => this.#fetch(input, init);
    WebAssembly.instantiateStreaming = (source, imports) => this.#instantiate(source, imports);
    // Module scripts (`import()`, modulepreload) bypass fetch: count each one when it completes.
    this.#observer = new PerformanceObserver((list) => this.#countScripts(list.getEntries() as PerformanceResourceTiming[]));
    this.#observer.observe({ type: "resource" });
  }

  /** Start one file: WebAssembly compiles as it downloads; anything else is preloaded. */
  begin(file: string): void {
    const url = this.#baseURL + file;
    if (!file.endsWith(".wasm")) return preload(url);
    const module = this.#precompile(url, file);
    module.catch(() => {}); // a failure is reported through `failed`
    this.#compiled.set(url, module);
  }

  /** Report the downloads as begun, nothing received yet. */
  started(): void {
    if (this.#loaded === 0) this.#emit("");
  }

  /** Put fetch and the compiler back as they were; `ready` reports the last progress, stage "ready". */
  stop(ready: boolean): void {
    globalThis.fetch = this.#originalFetch;
    WebAssembly.instantiateStreaming = this.#originalInstantiate;
    this.#observer.disconnect();
    if (ready) this.#emit("", true);
  }

  #emit(file: string, ready = false): void {
    const total = Math.max(this.#expected, this.#loaded);
    const stage = ready ? "ready" : this.#loaded < total ? "downloading" : this.#compiling > 0 ? "compiling" : "starting";
    this.#onProgress?.({ interpreter: this.#info.name, stage, loaded: ready ? total : this.#loaded, total, file });
  }

  #count(file: string, bytes: number): void {
    this.#counted.add(file);
    this.#loaded += bytes;
    this.#emit(file);
  }

  /** The runtime's fetch: a stand-in for a file we are compiling, our counter for its other files. */
  async #fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href).href;
    const file = url.startsWith(this.#baseURL) ? url.slice(this.#baseURL.length) : "";
    if (this.#compiled.has(url)) {
      // Already compiling: the runtime gets a stand-in, and our module in instantiate().
      const placeholder = new Response(null, { headers: { "Content-Type": "application/wasm" } });
      this.#placeholders.set(placeholder, url);
      return placeholder;
    }
    return file in this.#info.files ? this.#fetchCounted(url, file, init) : this.#originalFetch.call(globalThis, input, init);
  }

  async #instantiate(source: Response | PromiseLike<Response>, imports?: WebAssembly.Imports): Promise<WebAssembly.WebAssemblyInstantiatedSource> {
    const response = await source;
    const url = this.#placeholders.get(response);
    if (!url) return this.#originalInstantiate.call(WebAssembly, response, imports);
    const module = await this.#compiled.get(url)!;
    return { module, instance: await WebAssembly.instantiate(module, imports) };
  }

  /** Fetch one of the interpreter's files, failing `failed` if it can't be had. */
  async #fetchChecked(url: string, init?: RequestInit): Promise<Response> {
    let response: Response;
    try {
      response = await this.#originalFetch.call(globalThis, url, init);
    } catch (error) {
      this.#fail({ url, reason: `the download failed (${(error as Error).message})` });
      throw error;
    }
    if (!response.ok) this.#fail({ url, reason: `the server answered ${response.status}` });
    return response;
  }

  /** Fetch one of the interpreter's files, counting its bytes as they stream in. */
  async #fetchCounted(url: string, file: string, init?: RequestInit): Promise<Response> {
    const response = await this.#fetchChecked(url, init);
    if (!response.ok || !response.body) return response;
    this.#counted.add(file);
    const counter = new TransformStream<Uint8Array, Uint8Array>({
      transform: (chunk, controller) => {
        controller.enqueue(chunk);
        this.#count(file, chunk.byteLength);
      },
    });
    const { status, statusText, headers } = response;
    return new Response(response.body.pipeThrough(counter), { status, statusText, headers });
  }

  /** Compile while downloading; if the server's MIME type forbids that, compile the bytes. */
  async #precompile(url: string, file: string): Promise<WebAssembly.Module> {
    this.#compiling++;
    try {
      const response = !this.#onProgress || isRepeatVisit()
        ? this.#fetchChecked(url).then((cached) => (this.#count(file, this.#info.files[file]!), cached))
        : this.#fetchCounted(url, file);
      return await WebAssembly.compileStreaming(response).catch(async () =>
        WebAssembly.compile(await (await this.#originalFetch.call(globalThis, url)).arrayBuffer()));
    } finally {
      this.#compiling--;
      this.#emit(file);
    }
  }

  #countScripts(entries: PerformanceResourceTiming[]): void {
    if (!this.#onProgress) return;
    for (const entry of entries) {
      const file = entry.name.startsWith(this.#baseURL) ? entry.name.slice(this.#baseURL.length) : "";
      if (file in this.#info.files && /\.m?js$/.test(file) && !this.#counted.has(file)) this.#count(file, entry.decodedBodySize);
    }
  }
}

/**
 * Did this page get our own code (this very file) from the browser's cache?
 * Then the interpreter's files most likely come from there too. (Asking the
 * cache directly, with `cache: "only-if-cached"`, logs an error on a miss.)
 * A revalidated file (304) transfers only its headers.
 */
function isRepeatVisit(): boolean {
  const ours = performance.getEntriesByName(OWN_URL)[0] as PerformanceResourceTiming | undefined;
  return ours !== undefined && ours.transferSize < 1000;
}

const OWN_URL = import.meta.url;

/**
 * Start downloading `url` now, so the runtime's later `import()` or `fetch()`
 * of it finds it ready: module scripts as modules, anything else as a fetch.
 */
export function preload(url: string): void {
  if (typeof document === "undefined") return; // a worker: its runtime fetches these itself
  const link = document.createElement("link");
  if (/\.m?js$/.test(url)) link.rel = "modulepreload";
  else Object.assign(link, { rel: "preload", as: "fetch", crossOrigin: "anonymous" });
  link.href = url;
  document.head.append(link);
}

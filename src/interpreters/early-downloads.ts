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
  const expected = Object.values(info.files).reduce((sum, size) => sum + size, 0);
  const counted = new Set<string>();
  const compiled = new Map<string, Promise<WebAssembly.Module>>();
  const placeholders = new WeakMap<Response, string>();
  let fail!: (failure: FailedDownload) => void;
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => {}); // only matters to whoever races against it
  let loaded = 0;
  let compiling = 0;

  const emit = (file: string, ready = false) => {
    const total = Math.max(expected, loaded);
    const stage = ready ? "ready" : loaded < total ? "downloading" : compiling > 0 ? "compiling" : "starting";
    onProgress?.({ interpreter: info.name, stage, loaded: ready ? total : loaded, total, file });
  };
  const count = (file: string, bytes: number) => {
    counted.add(file);
    loaded += bytes;
    emit(file);
  };

  const { fetch: originalFetch } = globalThis;
  const originalInstantiate = WebAssembly.instantiateStreaming;

  /** Fetch one of the interpreter's files, failing `failed` if it can't be had. */
  async function fetchChecked(url: string, init?: RequestInit): Promise<Response> {
    let response: Response;
    try {
      response = await originalFetch(url, init);
    } catch (error) {
      fail({ url, reason: `the download failed (${(error as Error).message})` });
      throw error;
    }
    if (!response.ok) fail({ url, reason: `the server answered ${response.status}` });
    return response;
  }

  /** Fetch one of the interpreter's files, counting its bytes as they stream in. */
  async function fetchCounted(url: string, file: string, init?: RequestInit): Promise<Response> {
    const response = await fetchChecked(url, init);
    if (!response.ok || !response.body) return response;
    counted.add(file);
    const counter = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        controller.enqueue(chunk);
        count(file, chunk.byteLength);
      },
    });
    const { status, statusText, headers } = response;
    return new Response(response.body.pipeThrough(counter), { status, statusText, headers });
  }

  /** Compile while downloading; if the server's MIME type forbids that, compile the bytes. */
  async function precompile(url: string, file: string): Promise<WebAssembly.Module> {
    compiling++;
    try {
      const response = !onProgress || isRepeatVisit()
        ? fetchChecked(url).then((cached) => (count(file, info.files[file]!), cached))
        : fetchCounted(url, file);
      return await WebAssembly.compileStreaming(response).catch(async () =>
        WebAssembly.compile(await (await originalFetch(url)).arrayBuffer()));
    } finally {
      compiling--;
      emit(file);
    }
  }

  globalThis.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href).href;
    const file = url.startsWith(baseURL) ? url.slice(baseURL.length) : "";
    if (compiled.has(url)) {
      // Already compiling: the runtime gets a stand-in, and our module below.
      const placeholder = new Response(null, { headers: { "Content-Type": "application/wasm" } });
      placeholders.set(placeholder, url);
      return placeholder;
    }
    return file in info.files ? fetchCounted(url, file, init) : originalFetch(input, init);
  };

  WebAssembly.instantiateStreaming = async (source, imports) => {
    const response = await source;
    const url = placeholders.get(response);
    if (!url) return originalInstantiate(response, imports);
    const module = await compiled.get(url)!;
    return { module, instance: await WebAssembly.instantiate(module, imports) };
  };

  // Module scripts (`import()`, modulepreload) bypass fetch: count each one when it completes.
  const observer = new PerformanceObserver((list) => {
    if (!onProgress) return;
    for (const entry of list.getEntries() as PerformanceResourceTiming[]) {
      const file = entry.name.startsWith(baseURL) ? entry.name.slice(baseURL.length) : "";
      if (file in info.files && /\.m?js$/.test(file) && !counted.has(file)) count(file, entry.decodedBodySize);
    }
  });
  observer.observe({ type: "resource" });

  for (const file of Object.keys(info.files)) {
    const url = baseURL + file;
    if (file.endsWith(".wasm")) {
      compiled.set(url, precompile(url, file));
      compiled.get(url)!.catch(() => {}); // a failure is reported through `failed`
    } else {
      preload(url);
    }
  }

  return {
    failed,
    stop(ready) {
      globalThis.fetch = originalFetch;
      WebAssembly.instantiateStreaming = originalInstantiate;
      observer.disconnect();
      if (ready) emit("", true);
    },
  };
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

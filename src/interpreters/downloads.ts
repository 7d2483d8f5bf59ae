/**
 * Real download progress for an interpreter's files, without changing the
 * runtimes. While an interpreter loads, fetches of files in its folder pass
 * through a byte counter (the response still streams, so WebAssembly still
 * compiles while it downloads), WebAssembly compiles are counted, and module
 * scripts (which don't use fetch) are counted when they finish. Everything is
 * put back as it was when loading ends. Failed responses are remembered so
 * an error can name the exact file that is missing.
 */
import type { Progress } from "../events.js";
import type { InterpreterInfo } from "./interpreter.js";

/** What a tracker saw go wrong, and how to stop tracking. */
export interface DownloadTracker {
  /** Files in the interpreter's folder that answered with an HTTP error. */
  failures: { url: string; status: number }[];
  stop(): void;
}

/** Track the downloads of `info`'s files from `baseURL` until `stop()`. */
export function trackDownloads(info: InterpreterInfo, baseURL: string, onProgress: (progress: Progress) => void): DownloadTracker {
  const expected = Object.values(info.files).reduce((sum, size) => sum + size, 0);
  const counted = new Set<string>();
  const failures: DownloadTracker["failures"] = [];
  let loaded = 0;
  let compiling = 0;

  const emit = (file: string) => {
    const total = Math.max(expected, loaded);
    const stage = loaded < total ? "downloading" : compiling > 0 ? "compiling" : "starting";
    onProgress({ interpreter: info.name, stage, loaded, total, file });
  };
  const count = (file: string, bytes: number) => {
    counted.add(file);
    loaded += bytes;
    emit(file);
  };

  const { fetch: originalFetch } = globalThis;
  const countingFetch: typeof fetch = async (input, init) => {
    const response = await originalFetch(input, init);
    const url = new URL(input instanceof Request ? input.url : String(input), location.href).href;
    if (!url.startsWith(baseURL)) return response;
    const file = url.slice(baseURL.length);
    if (!response.ok) failures.push({ url, status: response.status });
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
  };
  globalThis.fetch = countingFetch;

  const originalCompile = WebAssembly.instantiateStreaming;
  const countingCompile: typeof originalCompile = async (source, imports) => {
    compiling++;
    try {
      return await originalCompile(source, imports);
    } finally {
      compiling--;
      emit("");
    }
  };
  WebAssembly.instantiateStreaming = countingCompile;

  // Module scripts (`import()`) bypass fetch: count each one when it completes.
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as PerformanceResourceTiming[]) {
      const file = entry.name.startsWith(baseURL) ? entry.name.slice(baseURL.length) : "";
      if (file && entry.initiatorType !== "fetch" && !counted.has(file)) count(file, entry.decodedBodySize);
    }
  });
  observer.observe({ type: "resource" });

  return {
    failures,
    stop() {
      if (globalThis.fetch === countingFetch) globalThis.fetch = originalFetch;
      if (WebAssembly.instantiateStreaming === countingCompile) WebAssembly.instantiateStreaming = originalCompile;
      observer.disconnect();
    },
  };
}

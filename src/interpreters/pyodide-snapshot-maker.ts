/**
 * The worker that makes a Pyodide memory snapshot (`dist/interpreters/
 * pyodide-snapshot-maker.js`, see pyodide-snapshot.ts): boot a clean Pyodide
 * able to snapshot itself, take the snapshot, gzip it, store it, say "done"
 * (or why not) and end.
 */
import { SNAPSHOT_CACHE, type SnapshotRequest } from "./pyodide-snapshot.js";

type LoadForSnapshot = (options: { indexURL: string; env: Record<string, string>; _makeSnapshot: true }) => Promise<{ makeMemorySnapshot(): Uint8Array<ArrayBuffer> }>;

onmessage = async ({ data }: MessageEvent<SnapshotRequest>) => {
  try {
    const { loadPyodide } = (await import(/* @vite-ignore */ `${data.indexURL}pyodide.mjs`)) as { loadPyodide: LoadForSnapshot };
    const pyodide = await loadPyodide({ indexURL: data.indexURL, env: data.env, _makeSnapshot: true });
    const snapshot = pyodide.makeMemorySnapshot();
    const gzipped = new Response(new Blob([snapshot]).stream().pipeThrough(new CompressionStream("gzip")));
    await (await caches.open(SNAPSHOT_CACHE)).put(data.key, new Response(await gzipped.blob(), { headers: { "Content-Type": "application/gzip" } }));
    postMessage("done");
  } catch (error) {
    postMessage(`no snapshot: ${(error as Error).message ?? error}`);
  }
};

/**
 * Pyodide from a memory snapshot: on a visit that booted Pyodide the plain
 * way, once the page is idle, a worker boots a second, clean Pyodide (same
 * version, same options, nothing of the page run in it), snapshots its
 * memory, and stores it gzipped in Cache Storage. The next visit boots from
 * it: 3–5× faster (see the README). The snapshot is taken in a worker
 * because a Pyodide able to make one can't serve the page (its `js` module
 * is wrapped for the snapshot, and DOM calls through it fail), and so the
 * first visit doesn't wait for it.
 *
 * Anything wrong (no Cache Storage, nothing stored, a broken entry, a full
 * quota) means a plain boot, silently; a broken entry is dropped. The key
 * holds Pyodide's version, ours, and the boot options, so a new release
 * never boots from an old snapshot.
 */

const CACHE = "micropyscript-snapshots";

/** Where a snapshot for these boot options is kept (a URL: Cache Storage keys are requests). */
export function snapshotKey(baseURL: string, pyodideVersion: string, ourVersion: string, env: Record<string, string>): string {
  const key = new URL(`micropyscript-snapshot/pyodide-${pyodideVersion}`, baseURL);
  key.searchParams.set("ours", ourVersion);
  key.searchParams.set("env", JSON.stringify(env));
  return key.href;
}

/**
 * Snapshots work here: a page (workers boot the plain way) with Cache Storage
 * and gzip streams, whose URL doesn't say `?snapshot=0` (boot plainly this
 * once, and make none: for comparing, and for test suites).
 */
export function canSnapshot(): boolean {
  return typeof document !== "undefined" && typeof caches !== "undefined" && typeof DecompressionStream !== "undefined"
    && !/^(0|false|off|no)$/i.test(new URLSearchParams(location.search).get("snapshot") ?? "");
}

/** The stored snapshot for `key`, or undefined (none, or unreadable: then dropped). */
export async function readSnapshot(key: string): Promise<Uint8Array | undefined> {
  try {
    const stored = await (await caches.open(CACHE)).match(key);
    if (!stored?.body) return undefined;
    return new Uint8Array(await new Response(stored.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
  } catch {
    await dropSnapshot(key);
    return undefined;
  }
}

export async function dropSnapshot(key: string): Promise<void> {
  try {
    await (await caches.open(CACHE)).delete(key);
  } catch {
    // no Cache Storage: nothing to drop
  }
}

/** When the page is idle, have a worker make and store a snapshot for `key` (at most once per page). */
export function makeSnapshotLater(makerURL: string, request: SnapshotRequest): void {
  const idle = (globalThis.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 200))) as (callback: () => void) => void;
  idle(() => {
    const worker = new Worker(makerURL, { type: "module", name: "micropyscript: Pyodide snapshot" });
    worker.onmessage = worker.onerror = () => worker.terminate();
    worker.postMessage(request);
  });
}

/** What the snapshot maker needs: how to boot Pyodide exactly as the page did, and where to store the result. */
export interface SnapshotRequest {
  indexURL: string;
  env: Record<string, string>;
  key: string;
}

/** Python run right after a restore: every visitor must not draw the same random numbers. */
export const AFTER_RESTORE = `import sys
if "random" in sys.modules:
    sys.modules["random"].seed()
del sys`;

export { CACHE as SNAPSHOT_CACHE };

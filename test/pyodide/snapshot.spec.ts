// Pyodide from a memory snapshot: made in the background on a first visit,
// used on the next, reseeded, dropped when broken, and off when asked.
import { test, expect } from "../fixtures";

test.slow(); // two or three Pyodide boots a test, one of them in a worker

const PAGE = `<py-script id="hello">
import random, sys
print("hello from", sys.platform)
</py-script>
<py-script id="draw">print(random.random())</py-script>`;

/** Snapshots stored and readable (a key is listed while its entry is still being written). */
const storedSnapshots = async () => {
  const cache = await caches.open("micropyscript-snapshots");
  const readable = await Promise.all((await cache.keys()).map((key) => cache.match(key)));
  return readable.filter(Boolean).length;
};
const restoredAt = () => (window as any).PyScript.timings["snapshot-restored"];

test("a first visit makes a snapshot in the background; the next visits boot from it, with the same output and fresh random numbers", async ({ py, page }) => {
  await py.open(PAGE, { snapshot: true });
  await expect(py.output("#hello")).toHaveText("hello from emscripten\n");
  expect(await page.evaluate(restoredAt)).toBeUndefined();
  await expect.poll(() => page.evaluate(storedSnapshots), { timeout: 120_000 }).toBe(1);

  const draws: string[] = [];
  for (let visit = 0; visit < 2; visit++) {
    await page.reload();
    await py.settled();
    expect(await page.evaluate(restoredAt)).toBeGreaterThan(0);
    await expect(py.output("#hello")).toHaveText("hello from emscripten\n");
    draws.push((await py.output("#draw").textContent())!);
  }
  expect(draws[0]).not.toBe(draws[1]);
  await expect(py.errors()).toHaveCount(0);
});

test("a broken stored snapshot means a plain boot, no error shown, and the entry is replaced", async ({ py, page }) => {
  await py.open(PAGE, { snapshot: true });
  await expect.poll(() => page.evaluate(storedSnapshots), { timeout: 120_000 }).toBe(1);
  await page.evaluate(async () => {
    const cache = await caches.open("micropyscript-snapshots");
    const [key] = await cache.keys();
    const garbage = new Response(new Blob([new Uint8Array(1000).fill(7)]).stream().pipeThrough(new CompressionStream("gzip")));
    await cache.put(key!, garbage);
  });
  await page.reload();
  await py.settled();
  expect(await page.evaluate(restoredAt)).toBeUndefined();
  await expect(py.output("#hello")).toHaveText("hello from emscripten\n");
  await expect(py.errors()).toHaveCount(0);
  // The bad entry was dropped and a good one made again: the next visit uses it.
  await expect.poll(async () => {
    const cache = await page.evaluate(() => caches.open("micropyscript-snapshots").then(async (c) => (await c.match((await c.keys())[0]!))?.headers.get("content-type") ?? "none"));
    return cache;
  }, { timeout: 120_000 }).toBe("application/gzip");
  await page.reload();
  await py.settled();
  expect(await page.evaluate(restoredAt)).toBeGreaterThan(0);
});

test('"snapshot": false in the config makes no snapshot and uses none', async ({ py, page }) => {
  await page.addInitScript(() => {
    const made: string[] = ((window as any).__workers = []);
    const Original = window.Worker;
    window.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        made.push(String(url));
      }
    };
  });
  await py.open(`<py-config>{"snapshot": false}</py-config>${PAGE}`, { snapshot: true });
  await expect(py.output("#hello")).toHaveText("hello from emscripten\n");
  // A snapshot would be started in an idle callback once the scripts ran: let two pass.
  await page.evaluate(() => new Promise((done) => requestIdleCallback(() => requestIdleCallback(done))));
  expect(await page.evaluate(() => (window as any).__workers)).toEqual([]);
  expect(await page.evaluate(storedSnapshots)).toBe(0);
  await expect(py.errors()).toHaveCount(0);
  await expect(page.locator(".py-warning")).toHaveCount(0);
});

// One contender's page, loaded and measured in a browser context: when
// Python was ready, when the hello text appeared, what went over the network,
// and how much memory the page holds after start-up.
//
// The timings come from the page itself: every contender page carries the
// same inline probe (see bench/pages/*.html), which marks "bench:ready",
// "bench:hello" or "bench:error" on the page's own performance timeline,
// whose zero is the navigation's start.
import { emulateSlowNetwork, recordNetwork } from "./network.mjs";

/**
 * Counts the WebAssembly memories a page creates, so their size can be read
 * after start-up (runtimes don't all expose their heaps). Installed before
 * any page script runs; it only wraps, never changes, what the page gets.
 */
function trackWasmMemory() {
  const memories = new Set();
  const note = (result) => {
    const instance = result instanceof WebAssembly.Instance ? result : result?.instance;
    for (const value of Object.values(instance?.exports ?? {})) if (value instanceof WebAssembly.Memory) memories.add(value);
    return result;
  };
  const { instantiate, instantiateStreaming } = WebAssembly;
  WebAssembly.instantiate = function (...args) { return instantiate.apply(this, args).then(note); };
  WebAssembly.instantiateStreaming = function (...args) { return instantiateStreaming.apply(this, args).then(note); };
  WebAssembly.Memory = new Proxy(WebAssembly.Memory, {
    construct(target, args, newTarget) {
      const memory = Reflect.construct(target, args, newTarget);
      memories.add(memory);
      return memory;
    },
  });
  Object.defineProperty(window, "benchWasmBytes", { get: () => [...memories].reduce((sum, m) => sum + m.buffer.byteLength, 0) });
}

/**
 * A browser context holding one page of one contender, ready to be loaded
 * (and reloaded, for warm loads). `slow` throttles it to SLOW_NETWORK.
 */
export async function openContender(browser, origin, { slow = false } = {}) {
  const context = await browser.newContext();
  await context.addInitScript(trackWasmMemory);
  const page = await context.newPage();
  const problems = [];
  const foreign = new Set(); // a second watch, besides the DevTools record: Playwright also sees workers' requests
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  context.on("request", (request) => {
    if (!/^(data|blob):/.test(request.url()) && !request.url().startsWith(origin)) foreign.add(request.url());
  });
  const cdp = await context.newCDPSession(page);
  const network = await recordNetwork(cdp, origin);
  if (slow) await emulateSlowNetwork(cdp);
  return { context, page, cdp, network, problems, foreign, close: () => context.close() };
}

/**
 * Load `url` in `tab` and wait for the hello text. Returns the times (ms since
 * navigation start) and the network record; throws with the page's own
 * error if it reported one, or after `timeout` ms.
 */
export async function loadPage(tab, url, { timeout = 60_000 } = {}) {
  tab.problems.length = 0;
  tab.foreign.clear();
  tab.network.reset();
  await tab.page.goto(url, { waitUntil: "commit", timeout });
  const outcome = await tab.page.evaluate((limit) => new Promise((resolve) => {
    const mark = (name) => performance.getEntriesByName(name)[0];
    const check = () => {
      const error = mark("bench:error");
      if (error) resolve({ error: String(error.detail) });
      else if (mark("bench:hello")) resolve({ ready: mark("bench:ready")?.startTime, hello: mark("bench:hello").startTime });
    };
    addEventListener("bench:hello", check);
    addEventListener("bench:error", check);
    setTimeout(() => resolve({ error: `no "Hello from Python" after ${limit / 1000} s` }), limit);
    check();
  }), timeout);
  if (outcome.error) throw new Error([outcome.error, ...tab.problems].join("; "));
  const network = await tab.network.take();
  network.foreign = [...new Set([...network.foreign, ...tab.foreign])];
  return { ready: outcome.ready ?? outcome.hello, hello: outcome.hello, network };
}

/**
 * Memory held after start-up: WebAssembly memories (the interpreters' heaps)
 * and the JS heap in use, after a garbage collection.
 */
export async function measureMemory(tab) {
  await tab.cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await tab.cdp.send("Runtime.getHeapUsage");
  const wasmBytes = await tab.page.evaluate(() => window.benchWasmBytes);
  return { wasmBytes, jsHeapBytes: usedSize };
}

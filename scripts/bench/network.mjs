// What a page load asked of the network, seen through the DevTools protocol:
// requests, bytes on the wire and decoded, round trips, and any request that
// tried to leave localhost. Also emulates a slow network.

/** The slow network: 100 ms per request each way round, 10 Mbit/s down and up. */
export const SLOW_NETWORK = { latencyMs: 100, downloadMbps: 10, uploadMbps: 10 };

/** Throttle the page behind `cdp` to SLOW_NETWORK (before it navigates). */
export async function emulateSlowNetwork(cdp) {
  const bytesPerSecond = (mbps) => (mbps * 1_000_000) / 8;
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: SLOW_NETWORK.latencyMs,
    downloadThroughput: bytesPerSecond(SLOW_NETWORK.downloadMbps),
    uploadThroughput: bytesPerSecond(SLOW_NETWORK.uploadMbps),
  });
}

/**
 * Start recording the requests of the page behind `cdp`: `reset()` before
 * a navigation, `take()` after it for what it fetched.
 */
export async function recordNetwork(cdp, origin) {
  let requests = new Map();
  const get = (id) => requests.get(id) ?? { url: "", decoded: 0 };
  cdp.on("Network.requestWillBeSent", ({ requestId, request, timestamp }) => {
    // A redirect reuses the id: keep the first start, count the final response.
    const previous = requests.get(requestId);
    requests.set(requestId, { url: request.url, start: previous?.start ?? timestamp, decoded: 0, cached: false });
  });
  cdp.on("Network.requestServedFromCache", ({ requestId }) => (get(requestId).cached = true));
  cdp.on("Network.responseReceived", ({ requestId, response }) => {
    const request = get(requestId);
    request.status = response.status;
    request.headerBytes = response.encodedDataLength;
    if (response.fromDiskCache || response.fromPrefetchCache || response.fromServiceWorker) request.cached = true;
  });
  cdp.on("Network.dataReceived", ({ requestId, dataLength }) => (get(requestId).decoded += dataLength));
  cdp.on("Network.loadingFinished", ({ requestId, timestamp, encodedDataLength }) => {
    Object.assign(get(requestId), { end: timestamp, wire: encodedDataLength });
  });
  cdp.on("Network.loadingFailed", ({ requestId, timestamp, errorText }) => {
    Object.assign(get(requestId), { end: timestamp, failed: errorText });
  });
  await cdp.send("Network.enable");
  return {
    /** Forget everything recorded so far (before a navigation). */
    reset() {
      requests = new Map();
    },
    /** What the page load fetched, once every request has finished (events arrive late). */
    async take({ timeout = 10_000 } = {}) {
      const deadline = Date.now() + timeout;
      while ([...requests.values()].some((r) => r.end === undefined) && Date.now() < deadline) await sleep(20);
      const taken = [...requests.values()];
      requests = new Map();
      return summarizeRequests(taken, origin);
    },
  };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Totals for one page load. Requests answered from the browser's cache, and
 * our kernel's "is it cached?" probes (fetch with only-if-cached, which fail
 * with ERR_CACHE_MISS without touching the network), are not network requests.
 */
export function summarizeRequests(all, origin) {
  const isLocal = ({ url }) => /^(data|blob):/.test(url) || url.startsWith(origin);
  const isProbe = ({ failed }) => failed === "net::ERR_CACHE_MISS";
  const isData = ({ url }) => /^(data|blob):/.test(url);
  const network = all.filter((r) => !r.cached && !isProbe(r) && !isData(r)).sort((a, b) => a.start - b.start);
  const trips = roundTrips(network);
  const t0 = network[0]?.start ?? 0;
  const body = (r) => Math.max(0, (r.wire ?? 0) - (r.headerBytes ?? 0));
  return {
    requests: network.length,
    cached: all.filter((r) => r.cached).length,
    roundTrips: Math.max(0, ...trips),
    wireBytes: sum(network.map((r) => r.wire ?? 0)),
    bodyBytes: sum(network.map(body)),
    decodedBytes: sum(all.filter((r) => !isProbe(r) && !isData(r)).map((r) => r.decoded)),
    failed: network.filter((r) => r.failed).map((r) => `${r.url} (${r.failed})`),
    foreign: all.filter((r) => !isLocal(r)).map((r) => r.url),
    // Each file: bytes on the wire (with headers) and body, when it started
    // and ended (ms after the first request), and its round trip (1 = the page).
    files: network.map((r, i) => ({
      path: r.url.startsWith(origin) ? r.url.slice(origin.length) : r.url,
      bytes: r.wire ?? 0,
      body: body(r),
      start: ms(r.start - t0),
      end: r.end === undefined ? undefined : ms(r.end - t0),
      trip: trips[i],
    })),
  };
}

/**
 * Round trips: the longest chain of requests in which each one started only
 * after the one before it had finished. Requests in flight together share a
 * round trip; a file that names the next (HTML → script → wasm) costs one
 * each. On a high-latency network, each costs at least a latency.
 * @param requests sorted by start time
 * @returns each request's round trip number (its place in the longest chain ending with it)
 */
export function roundTrips(requests) {
  const trips = [];
  requests.forEach((request, i) => {
    const before = requests.slice(0, i).map((earlier, j) => (earlier.end !== undefined && earlier.end <= request.start ? trips[j] : 0));
    trips.push(1 + Math.max(0, ...before));
  });
  return trips;
}

const sum = (list) => list.reduce((total, n) => total + n, 0);
const ms = (seconds) => Math.round(seconds * 10_000) / 10;

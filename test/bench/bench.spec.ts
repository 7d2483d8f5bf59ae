// The benchmark (`npm run bench`) must not rot: its quick mode, on one
// contender, runs end to end in a real browser and writes sane results.
// This checks that it works and that its numbers are plausible, not how fast
// anything is: that is the benchmark's job, not a test's.
import { test, expect } from "@playwright/test";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

test("npm run bench --quick measures our MicroPython kernel and writes JSON, Markdown and a chart", async () => {
  test.setTimeout(180_000); // usually 15 s, but the machine may be shared and busy
  const out = mkdtempSync(join(tmpdir(), "mps-bench-"));
  try {
    const { code, output } = await new Promise<{ code: number; output: string }>((resolve) => {
      execFile(process.execPath, ["scripts/bench/bench.mjs", "--quick", "--contenders", "ours-micropython", "--out", out],
        { cwd: root, timeout: 170_000 }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }));
    });
    expect(code, output).toBe(0);
    expect(output).toContain("round 2/2");

    const results = JSON.parse(readFileSync(join(out, "latest.json"), "utf8"));
    expect(results.settings.mode).toBe("quick");
    expect(results.machine.browser).toMatch(/^Chromium \d+/);
    expect(results.contenders).toHaveLength(1);
    const [ours] = results.contenders;
    expect(ours).toMatchObject({ id: "ours-micropython", ok: true, failures: [] });
    for (const load of ["cold", "warm", "slowCold", "slowWarm"]) {
      const { ready, hello, network } = ours.loads[load];
      expect(hello.median, load).toBeGreaterThan(0);
      expect(ready.median, load).toBeLessThanOrEqual(hello.median);
      expect(network.foreign, load).toEqual([]);
    }
    const cold = ours.loads.cold.network;
    expect(cold.requests).toBeGreaterThanOrEqual(4); // page, pyscript.js (with the adapter), micropython.mjs, micropython.wasm
    expect(cold.roundTrips).toBeGreaterThanOrEqual(3);
    expect(cold.wireBytes).toBeGreaterThan(150_000); // the wasm alone is ~190 kB gzipped
    expect(cold.framework.files).toContain("/pyscript.js");
    expect(cold.framework.gzip9Bytes).toBeGreaterThan(1000);
    expect(ours.loads.warm.network.requests).toBeLessThan(cold.requests); // the cache works
    expect(ours.memory.wasmBytes.median).toBeGreaterThan(1_000_000);
    expect(ours.memory.jsHeapBytes.median).toBeGreaterThan(0);
    expect(Object.keys(ours.python)).toEqual(["int loop", "string building", "dict ops", "list ops", "recursion", "sorting"]);
    expect(Object.values(ours.python).reduce((sum: number, b: any) => sum + b.median, 0)).toBeGreaterThan(0);

    expect(readFileSync(join(out, "latest.md"), "utf8")).toContain("| ours · MicroPython |");
    const svg = readFileSync(join(out, "chart.svg"), "utf8");
    expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain("ours · MicroPython");
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

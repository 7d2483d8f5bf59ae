// Runs bench/python/suite.py in a contender's page, the same source on
// every interpreter, and returns its timings (measured inside Python).
import { readFileSync } from "node:fs";

const SUITE = readFileSync(new URL("../../bench/python/suite.py", import.meta.url), "utf8");

/**
 * Run the suite twice in `page` (already showing its hello) and return the
 * second run: the first warms up the engine (V8 compiles WebAssembly with a
 * fast baseline compiler and optimises hot functions as they run), so the
 * second shows each interpreter's steady speed. `scale` shrinks the work.
 * @returns {Promise<Array<{name: string, ms: number, checksum: number}>>}
 */
export async function runPythonSuite(page, contender, { scale = 1, timeout = 120_000 } = {}) {
  const code = `SCALE = ${scale}\n${SUITE}`;
  await runOnce(page, contender, code, timeout);
  return runOnce(page, contender, code, timeout);
}

async function runOnce(page, contender, code, timeout) {
  await page.evaluate(([runner, code, type]) => {
    delete window.benchSuiteResult;
    // The runner arrives as source text: it runs in the page, not here.
    (0, eval)(`(${runner})`)(code, type);
  }, [contender.runner.toString(), code, contender.scriptType]);
  const handle = await page.waitForFunction(() => window.benchSuiteResult, null, { timeout, polling: 100 });
  return JSON.parse(await handle.jsonValue());
}

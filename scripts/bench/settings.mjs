// The benchmark's command line, with its defaults.
//
//   node scripts/bench/bench.mjs [--quick] [--runs 15] [--slow-runs 5] [--suite-runs 5]
//        [--contenders ours-micropython,raw-*] [--out bench/results] [--no-write]
//
// --runs        rounds of cold + warm loads on the normal network (medians of this many)
// --slow-runs   rounds on the emulated slow network (0: skip it)
// --suite-runs  rounds that also run the Python suite (0: skip it)
// --suite-scale multiply the suite's work (1 = a few hundred ms per benchmark on MicroPython)
// --contenders  which contenders, by id, with * as a wildcard (default: all)
// --out         where latest.json, latest.md and chart.svg go
// --no-write    print only
// --quick       a smoke run: 2 rounds, 1 slow, 1 suite at 1/20 of the work, written to bench/results/tmp/
import { option } from "./common.mjs";

export function readSettings(argv = process.argv) {
  const quick = argv.includes("--quick");
  const number = (flag, full, fast) => {
    const value = Number(option(flag, quick ? fast : full));
    if (!Number.isInteger(value) && flag !== "--suite-scale") throw new Error(`${flag} needs a whole number, got "${option(flag)}".`);
    if (!(value >= 0)) throw new Error(`${flag} needs a number ≥ 0, got "${option(flag)}".`);
    return value;
  };
  const settings = {
    mode: quick ? "quick" : "full",
    runs: Math.max(1, number("--runs", 15, 2)),
    slowRuns: number("--slow-runs", 5, 1),
    suiteRuns: number("--suite-runs", 5, 1),
    suiteScale: number("--suite-scale", 1, 0.05),
    contenders: option("--contenders", ""),
    out: option("--out", quick ? "bench/results/tmp" : "bench/results"),
    write: !argv.includes("--no-write"),
  };
  settings.slowRuns = Math.min(settings.slowRuns, settings.runs);
  settings.suiteRuns = Math.min(settings.suiteRuns, settings.runs);
  return settings;
}

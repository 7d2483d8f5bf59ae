// The benchmark's command line, with its defaults.
//
//   node scripts/bench/bench.mjs [--quick] [--runs 15] [--slow-runs 7] [--suite-runs 15]
//        [--contenders ours-micropython,raw-*] [--out bench/results] [--no-write]
//
// --runs        rounds of cold + warm loads on the normal network (medians of this many)
// --slow-runs   how many of the rounds also load on the emulated slow network (0: skip it)
// --suite-runs  how many of the rounds also run the Python suite (0: skip it)
//               (these rounds are spread evenly over the run, so a noisy spell
//               on the machine can't fall on all of them at once)
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
    slowRuns: number("--slow-runs", 7, 1),
    suiteRuns: number("--suite-runs", 15, 1),
    suiteScale: number("--suite-scale", 1, 0.05),
    contenders: option("--contenders", ""),
    out: option("--out", quick ? "bench/results/tmp" : "bench/results"),
    write: !argv.includes("--no-write"),
  };
  settings.slowRuns = Math.min(settings.slowRuns, settings.runs);
  settings.suiteRuns = Math.min(settings.suiteRuns, settings.runs);
  return settings;
}

/** Is `round` (1…runs) one of `count` rounds spread evenly over the run? */
export function isSpreadRound(round, runs, count) {
  for (let i = 0; i < count; i++) if (Math.min(runs, Math.floor(((i + 0.5) * runs) / count) + 1) === round) return true;
  return false;
}

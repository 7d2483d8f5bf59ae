// The release zip (`npm run release`), for people without Node: unzipped
// into an empty folder and served by a plain static server, its hello page
// runs a script, a configured file, a worker and a <py-repl>.
import { test, expect } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Terminal } from "../terminal";
import { openServed, ROOT, tempFolder } from "./packed";

const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));

let unzipped: string | undefined;
/** The release zip, made from the current build and unzipped (by Python's zipfile, not our writer) into an empty folder. */
function unzippedRelease(): string {
  if (unzipped) return unzipped;
  const folder = tempFolder("release");
  execFileSync(process.execPath, [join(ROOT, "scripts", "release.mjs"), "--out", folder], { stdio: "pipe" });
  const zip = join(folder, `micropyscript-${version}.zip`);
  const target = join(folder, "unzipped");
  execFileSync("python3", ["-m", "zipfile", "-t", zip], { stdio: "pipe" }); // every file's CRC checks out
  execFileSync("python3", ["-m", "zipfile", "-e", zip, target], { stdio: "pipe" });
  expect(readdirSync(target)).toEqual([`micropyscript-${version}`]);
  return (unzipped = join(target, `micropyscript-${version}`));
}

test("the release zip holds the build, a hello page, its file and a README with the snippet", () => {
  const folder = unzippedRelease();
  expect(readdirSync(folder).sort()).toEqual(["README.md", "dist", "greeting.py", "index.html"]);
  for (const file of ["pyscript.js", "pyscript.css", "py-repl.js", "micropython/micropython.wasm", "pyodide/pyodide.asm.wasm"]) {
    expect(readFileSync(join(folder, "dist", file)).length).toBeGreaterThan(0);
  }
  const readme = readFileSync(join(folder, "README.md"), "utf8");
  expect(readme).toContain(`# MicroPyScript ${version}`);
  expect(readme).toContain('<script type="module" src="./dist/pyscript.js"></script>');
});

for (const interpreter of ["micropython", "pyodide"]) {
  test(`served by a plain static server, the release's hello page runs a script, a file, a worker and a <py-repl> on ${interpreter}`, async ({ page }) => {
    test.slow(); // a worker starts an interpreter of its own
    await openServed(page, unzippedRelease(), interpreter === "pyodide" ? "/?interpreter=pyodide" : "/", async () => {
      await expect(page.locator("#hello .py-output")).toHaveText("Hello, world!\n", { timeout: 60_000 }); // Pyodide may take 20+ s on a busy machine
      await expect(page.locator("#files .py-output")).toHaveText("Hello, friend! (from greeting.py)\n");
      await expect(page.locator("#worker .py-output")).toHaveText("The worker added up to 499999500000\n", { timeout: 60_000 });
      const repl = new Terminal(page, "#repl");
      await repl.ready();
      await repl.enter('greet("REPL")');
      await repl.shows("'Hello, REPL! (from greeting.py)'");
    });
  });
}

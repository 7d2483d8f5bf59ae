// `npx micropyscript wheels <folder>`: the simple index it writes for a folder
// of wheels (links with sha256 and Requires-Python), --out, and its mistakes.
import { test, expect } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildWheel, wheelName, type WheelSpec } from "../packages/wheels.js";

const run = (...args: string[]) => spawnSync(process.execPath, ["bin/micropyscript.mjs", ...args], { encoding: "utf8" });

const SPECS: WheelSpec[] = [
  { name: "My_Lib", version: "1.0", files: { "my_lib/__init__.py": "" }, requiresPython: ">=3.8" },
  { name: "My_Lib", version: "1.1", files: { "my_lib/__init__.py": "" } },
  { name: "other", version: "0.1", files: { "other.py": "" } },
];

function folderOfWheels(): string {
  const folder = mkdtempSync(join(tmpdir(), "wheels-"));
  for (const spec of SPECS) writeFileSync(join(folder, wheelName(spec)), buildWheel(spec));
  writeFileSync(join(folder, "broken-1.0-py3-none-any.whl"), "not a zip");
  return folder;
}

test("it writes a PEP 503 index into the folder: projects by normalized name, each file with its sha256 and Requires-Python", () => {
  const folder = folderOfWheels();
  const result = run("wheels", folder);
  expect(result.status).toBe(0);
  expect(result.stdout).toContain("Wrote an index of 3 wheel(s) in 2 project(s)");
  expect(result.stderr).toContain("skipped broken-1.0-py3-none-any.whl");
  const root = readFileSync(join(folder, "index.html"), "utf8");
  expect(root).toContain('<a href="my-lib/">my-lib</a>');
  expect(root).toContain('<a href="other/">other</a>');
  const page = readFileSync(join(folder, "my-lib/index.html"), "utf8");
  const sha = createHash("sha256").update(readFileSync(join(folder, "My_Lib-1.0-py3-none-any.whl"))).digest("hex");
  expect(page).toContain(`<a href="../My_Lib-1.0-py3-none-any.whl#sha256=${sha}" data-requires-python="&gt;=3.8">My_Lib-1.0-py3-none-any.whl</a>`);
  expect(page).toContain('href="../My_Lib-1.1-py3-none-any.whl#sha256=');
});

test("--out writes the index elsewhere, its links still reaching the wheels", () => {
  const folder = folderOfWheels();
  const out = join(folder, "simple");
  expect(run("wheels", folder, "--out", out).status).toBe(0);
  expect(readFileSync(join(out, "other/index.html"), "utf8")).toContain('href="../../other-0.1-py3-none-any.whl#sha256=');
});

test("a folder without wheels, a missing folder, and an unknown command say what to do", () => {
  const empty = mkdtempSync(join(tmpdir(), "empty-"));
  expect(run("wheels", empty)).toMatchObject({ status: 2, stderr: expect.stringContaining("no .whl files") });
  expect(run("wheels", join(empty, "nope"))).toMatchObject({ status: 2, stderr: expect.stringContaining("Can't read the folder") });
  expect(run("whels", empty)).toMatchObject({ status: 2, stderr: expect.stringContaining("Usage: npx micropyscript wheels") });
});

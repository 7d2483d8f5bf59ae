/**
 * Wheels (scripts/wheels.mjs) and package indexes made at test time, so
 * nothing is downloaded from outside (see WheelSpec there for the fields).
 * Test folders go under test/pages/generated-packages/, which the test
 * server serves and git ignores.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildWheel, wheelName } from "../../scripts/wheels.mjs";

export { buildWheel, wheelName } from "../../scripts/wheels.mjs";
export { zip } from "../../scripts/zip.mjs";
export interface WheelSpec {
  name: string;
  version: string;
  files: Record<string, string>;
  requires?: string[];
  requiresPython?: string;
  extras?: string[];
  tags?: string;
  tamper?: boolean;
}

/** A fresh folder served at the returned URL path (e.g. "/test/generated-packages/x1/"). */
export function servedFolder(): { dir: string; url: string } {
  const id = Math.random().toString(36).slice(2, 10);
  const dir = join(process.cwd(), "test/pages/generated-packages", id);
  mkdirSync(dir, { recursive: true });
  return { dir, url: `/test/generated-packages/${id}/` }; // test/pages/ is served at /test/
}

/** Write the wheels into `dir`/wheels/ and index them with our command (`npx micropyscript wheels`). */
export function wheelFolder(dir: string, specs: WheelSpec[], extra: Record<string, Uint8Array | string> = {}): void {
  const wheels = join(dir, "wheels");
  mkdirSync(wheels, { recursive: true });
  for (const spec of specs) writeFileSync(join(wheels, wheelName(spec)), buildWheel(spec));
  for (const [path, content] of Object.entries(extra)) writeFileSync(join(dir, path), content);
  execFileSync(process.execPath, ["bin/micropyscript.mjs", "wheels", wheels], { stdio: "pipe" });
}

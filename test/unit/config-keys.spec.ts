// Config keys nothing reads: near misses are named, PyScript's kept keys pass quietly.
import { test, expect } from "@playwright/test";
import { nearest, unknownKeyWarnings } from "../../src/config-keys.js";
import { DEFAULT_CONFIG, unknownKeys, type Config } from "../../src/config.js";
import type { InterpreterInfo } from "../../src/interpreters/interpreter.js";

const OURS = Object.keys(DEFAULT_CONFIG);

test("a near miss names the key it was probably meant to be", () => {
  expect(nearest("fils", OURS)).toBe("files");
  expect(nearest("interpeter", OURS)).toBe("interpreter");
  expect(nearest("Debug", OURS)).toBe("debug");
  expect(nearest("urlOveride", OURS)).toBe("urlOverride");
  expect(nearest("intepretre", OURS)).toBe("interpreter"); // a swap and a drop
  expect(nearest("colour", OURS)).toBeUndefined();
  expect(nearest("x", OURS)).toBeUndefined();
});

test("each unknown key gets a config-key warning, with a suggestion when one is close", () => {
  const [typo, stranger] = unknownKeyWarnings(["fils", "theme"], OURS);
  expect(typo!.code).toBe("config-key");
  expect(typo!.message).toBe('<py-config> has a key nothing reads: "fils". Did you mean "files"?');
  expect(typo!.hint).toContain('Rename "fils" to "files"');
  expect(stranger!.message).toBe('<py-config> has a key nothing reads: "theme".');
  expect(stranger!.hint).toContain('"interpreter"');
  expect(stranger!.hint).toContain("configKeys");
});

test("PyScript's keys that we keep are not warned about, and suggested when misspelt", () => {
  expect(unknownKeyWarnings(["plugins", "sync_main_only", "packages_cache", "experimental_create_proxy"], OURS)).toEqual([]);
  expect(unknownKeyWarnings(["package"], OURS)[0]!.message).toContain('Did you mean "packages"?');
  expect(unknownKeyWarnings(["js_module"], OURS)[0]!.message).toContain('Did you mean "js_modules"?');
});

test("our keys, interpreter options and the keys plugins read are known", () => {
  const interpreters = { micropython: { options: { heapsize: "number" } } as unknown as InterpreterInfo };
  const config = { ...DEFAULT_CONFIG, heapsize: 1, packages: [], theme: "dark", fils: {} } as Config;
  expect(unknownKeys(config, interpreters, [])).toEqual(["theme", "fils"]);
  expect(unknownKeys(config, interpreters, ["theme"])).toEqual(["fils"]);
});

// Wheels made on the spot, for the tests and the packages benchmark, so
// nothing is downloaded from outside: METADATA, WHEEL and RECORD (with real
// sha256 hashes) written as pip would find them, zipped by zip.mjs.
import { createHash } from "node:crypto";
import { zip } from "./zip.mjs";

/**
 * @typedef {object} WheelSpec
 * @property {string} name
 * @property {string} version
 * @property {Record<string, string>} files  Files of the package, path → text (e.g. {"arrr/__init__.py": "def f(): ..."}).
 * @property {string[]} [requires]
 * @property {string} [requiresPython]
 * @property {string[]} [extras]
 * @property {string} [tags]  Default "py3-none-any".
 * @property {boolean} [tamper]  Change a file after RECORD was written (its hash no longer matches).
 */

/** @param {WheelSpec} spec */
export const wheelName = ({ name, version, tags = "py3-none-any" }) => `${name.replace(/-/g, "_")}-${version}-${tags}.whl`;

/** The wheel's bytes. */
/** @param {WheelSpec} spec @returns {Uint8Array} */
export function buildWheel(spec) {
  const distInfo = `${spec.name.replace(/-/g, "_")}-${spec.version}.dist-info`;
  const metadata = ["Metadata-Version: 2.1", `Name: ${spec.name}`, `Version: ${spec.version}`,
    ...(spec.requiresPython ? [`Requires-Python: ${spec.requiresPython}`] : []),
    ...(spec.extras ?? []).map((extra) => `Provides-Extra: ${extra}`),
    ...(spec.requires ?? []).map((line) => `Requires-Dist: ${line}`), "", "A test package."].join("\n");
  /** @type {[string, string][]} */
  const files = [...Object.entries(spec.files), [`${distInfo}/METADATA`, metadata],
    [`${distInfo}/WHEEL`, `Wheel-Version: 1.0\nGenerator: micropyscript-tests\nRoot-Is-Purelib: true\nTag: ${spec.tags ?? "py3-none-any"}\n`]];
  const hash = (/** @type {string} */ text) => createHash("sha256").update(text).digest("base64url");
  const record = [...files.map(([path, text]) => `${path},sha256=${hash(text)},${Buffer.byteLength(text)}`), `${distInfo}/RECORD,,`].join("\n") + "\n";
  files.push([`${distInfo}/RECORD`, record]);
  if (spec.tamper) files[0] = [files[0][0], `${files[0][1]}\n# changed after the wheel was built\n`];
  return new Uint8Array(zip(files.map(([path, text]) => ({ path, data: Buffer.from(text) }))));
}

// Wheels made on the spot, for the tests and the packages benchmark, so
// nothing is downloaded from outside: a small zip writer (Node's zlib does
// the deflating), and METADATA, WHEEL and RECORD (with real sha256 hashes)
// written as pip would find them.
import { createHash } from "node:crypto";
import { crc32, deflateRawSync } from "node:zlib";

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
  return zip(files.map(([path, text]) => [path, Buffer.from(text)]));
}

/** A zip of `files`, deflated, as zipfile writes it. */
/** @param {[string, Uint8Array][]} files @returns {Uint8Array} */
export function zip(files) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const [path, content] of files) {
    const name = Buffer.from(path);
    const data = deflateRawSync(content);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x800, 6); // UTF-8 names
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(crc32(content), 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(content.length, 22);
    header.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    header.copy(entry, 8, 6, 30); // flags … name length, the same fields
    entry.writeUInt32LE(offset, 42);
    locals.push(header, name, data);
    central.push(entry, name);
    offset += header.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

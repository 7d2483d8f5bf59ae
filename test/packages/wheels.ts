/**
 * Wheels and package indexes made at test time, so nothing is downloaded
 * from outside: a small zip writer (Node's zlib does the deflating),
 * METADATA, WHEEL and RECORD (with real sha256 hashes) written as pip
 * would find them. Test folders go under test/pages/generated-packages/,
 * which the test server serves and git ignores.
 */
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { crc32, deflateRawSync } from "node:zlib";

export interface WheelSpec {
  name: string;
  version: string;
  /** Files of the package, path → text (e.g. {"arrr/__init__.py": "def f(): ..."}). */
  files: Record<string, string>;
  requires?: string[];
  requiresPython?: string;
  extras?: string[];
  /** Default "py3-none-any". */
  tags?: string;
  /** Change a file after RECORD was written (its hash no longer matches). */
  tamper?: boolean;
}

export const wheelName = ({ name, version, tags = "py3-none-any" }: WheelSpec) => `${name.replace(/-/g, "_")}-${version}-${tags}.whl`;

/** The wheel's bytes. */
export function buildWheel(spec: WheelSpec): Uint8Array {
  const distInfo = `${spec.name.replace(/-/g, "_")}-${spec.version}.dist-info`;
  const metadata = ["Metadata-Version: 2.1", `Name: ${spec.name}`, `Version: ${spec.version}`,
    ...(spec.requiresPython ? [`Requires-Python: ${spec.requiresPython}`] : []),
    ...(spec.extras ?? []).map((extra) => `Provides-Extra: ${extra}`),
    ...(spec.requires ?? []).map((line) => `Requires-Dist: ${line}`), "", "A test package."].join("\n");
  const files: [string, string][] = [...Object.entries(spec.files), [`${distInfo}/METADATA`, metadata],
    [`${distInfo}/WHEEL`, `Wheel-Version: 1.0\nGenerator: micropyscript-tests\nRoot-Is-Purelib: true\nTag: ${spec.tags ?? "py3-none-any"}\n`]];
  const hash = (text: string) => createHash("sha256").update(text).digest("base64url");
  const record = [...files.map(([path, text]) => `${path},sha256=${hash(text)},${Buffer.byteLength(text)}`), `${distInfo}/RECORD,,`].join("\n") + "\n";
  files.push([`${distInfo}/RECORD`, record]);
  if (spec.tamper) files[0] = [files[0]![0], `${files[0]![1]}\n# changed after the wheel was built\n`];
  return zip(files.map(([path, text]) => [path, Buffer.from(text)]));
}

/** A zip of `files`, deflated, as zipfile writes it. */
export function zip(files: [string, Uint8Array][]): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
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

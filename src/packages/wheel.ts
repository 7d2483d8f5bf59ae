/**
 * A downloaded wheel, opened: its files, its METADATA, and where each file
 * goes in the site folder. Opening checks it the way pip does: it must be a
 * zip with a `.dist-info` folder holding METADATA and RECORD, and every file
 * RECORD lists with a hash must match it.
 */
import { base64url, sha256 } from "./hashes.js";
import { parseMetadata, parseRecord, type WheelMetadata } from "./metadata.js";
import { normalizeName } from "./names.js";
import type { WheelName } from "./wheel-name.js";
import { NotAZip, readZip } from "./zip.js";

/** Why a file isn't a wheel we can install. */
export class BadWheel extends Error {}

export interface Wheel {
  /** The file's name, e.g. `humanize-4.9.0-py3-none-any.whl`. */
  filename: string;
  metadata: WheelMetadata;
  /** Files to write, relative to the site folder (`.data/purelib` and `platlib` moved to the top). */
  files: Map<string, Uint8Array>;
}

/** Open and check the wheel in `bytes`, named `name` (from its file name). */
export async function openWheel(bytes: Uint8Array, name: WheelName, filename: string): Promise<Wheel> {
  let members: Map<string, Uint8Array>;
  try {
    members = await readZip(bytes);
  } catch (error) {
    if (error instanceof NotAZip) throw new BadWheel(`${filename} is not a wheel: ${error.message}`);
    throw error;
  }
  // `{name}-{version}.dist-info`, the name as in the file's name; failing that, the only one there is.
  const folders = [...members.keys()].flatMap((path) => /^([^/]+\.dist-info)\/METADATA$/.exec(path)?.[1] ?? []);
  const distInfo = folders.find((folder) => normalizeName(folder.split("-")[0]!) === name.key) ?? (folders.length === 1 ? folders[0] : undefined);
  if (!distInfo) throw new BadWheel(`${filename} has no ${name.name}-${name.version}.dist-info/METADATA file, which every wheel has`);
  const text = new TextDecoder();
  let metadata: WheelMetadata;
  try {
    metadata = parseMetadata(text.decode(members.get(`${distInfo}/METADATA`)));
  } catch (error) {
    throw new BadWheel(`${filename}'s METADATA can't be read: ${(error as Error).message}`);
  }
  const record = members.get(`${distInfo}/RECORD`);
  if (!record) throw new BadWheel(`${filename} has no ${distInfo}/RECORD file, which every wheel has`);
  await checkRecord(members, text.decode(record), filename);
  return { filename, metadata, files: sitePaths(members, distInfo.replace(/\.dist-info$/, ".data")) };
}

/** Every file RECORD gives a hash for must have that hash (pip refuses a wheel otherwise). */
async function checkRecord(members: Map<string, Uint8Array>, record: string, filename: string): Promise<void> {
  let rows: ReturnType<typeof parseRecord>;
  try {
    rows = parseRecord(record);
  } catch (error) {
    throw new BadWheel(`${filename}'s RECORD can't be read: ${(error as Error).message}`);
  }
  await Promise.all(rows.map(async ({ path, hash }) => {
    if (!hash) return;
    const content = members.get(path);
    if (!content) throw new BadWheel(`${filename}'s RECORD lists "${path}", which isn't in the wheel`);
    if (hash.algorithm !== "sha256") return; // (pip also accepts stronger ones; we only know this one)
    if (base64url(await sha256(content)) !== hash.digest) {
      throw new BadWheel(`${filename} has been changed: "${path}" doesn't match the hash its RECORD gives, so it was not installed`);
    }
  }));
}

/** Where each member goes, relative to the site folder. */
function sitePaths(members: Map<string, Uint8Array>, dataFolder: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const [path, content] of members) {
    if (!path.startsWith(`${dataFolder}/`)) {
      files.set(path, content);
      continue;
    }
    // `.data/purelib/` and `.data/platlib/` are library code; scripts, headers and data have no place in a browser.
    const inside = /^[^/]+\/(purelib|platlib)\/(.+)$/.exec(path);
    if (inside) files.set(inside[2]!, content);
  }
  return files;
}

/**
 * Reading a zip file (a wheel is one) in the browser: the central directory
 * says where each member is; stored members are copied and deflated ones go
 * through the platform's `DecompressionStream("deflate-raw")`, so no zip
 * library is needed. Zip64, encryption and other compression methods are
 * refused with a message (wheels don't use them).
 */

/** Why `bytes` could not be read as a zip. */
export class NotAZip extends Error {}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** The members of the zip in `bytes`: path → content (folders left out). */
export async function readZip(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(view);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff) throw new NotAZip("it is a Zip64 archive, which isn't supported");
  const names = new TextDecoder();
  const members: Promise<[string, Uint8Array]>[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== DIRECTORY_ENTRY) throw new NotAZip("its table of contents is damaged");
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + skip;
    if (name.endsWith("/")) continue;
    if (flags & 1) throw new NotAZip(`"${name}" in it is encrypted`);
    members.push(readMember(bytes, view, local, size, method, name).then((content) => [name, content]));
  }
  return new Map(await Promise.all(members));
}

function findEndOfDirectory(view: DataView): number {
  // The record is 22 bytes, followed by a comment of up to 65535 bytes.
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) return at;
  }
  throw new NotAZip("it is not a zip file");
}

async function readMember(bytes: Uint8Array, view: DataView, local: number, size: number, method: number, name: string): Promise<Uint8Array> {
  if (local + 30 > view.byteLength || view.getUint32(local, true) !== LOCAL_HEADER) throw new NotAZip(`"${name}" in it is damaged`);
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const data = bytes.subarray(start, start + size);
  if (data.length !== size) throw new NotAZip(`"${name}" in it is cut short`);
  if (method === 0) return data;
  if (method !== 8) throw new NotAZip(`"${name}" in it uses compression method ${method}; only stored and deflated members are supported`);
  try {
    return await inflate(data);
  } catch {
    throw new NotAZip(`"${name}" in it can't be decompressed`);
  }
}

/** Deflated bytes, inflated by the platform, written and read straight (no Blob or Response around them: much faster for many small members). */
async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new DecompressionStream("deflate-raw");
  const writer = stream.writable.getWriter();
  void writer.write(data as Uint8Array<ArrayBuffer>).catch(() => {}); // a failure shows in the reading too
  void writer.close().catch(() => {});
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    chunks.push(read.value);
    size += read.value.length;
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) out.set(chunk, (at += chunk.length) - chunk.length);
  return out;
}

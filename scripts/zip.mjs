// A minimal zip writer (deflate, no zip64: under 4 GB and 65,535 files),
// enough for our release archive without a dependency or a system `zip`.
import { crc32, deflateRawSync } from "node:zlib";

/** DOS date and time, as zip headers keep them (two-second resolution). */
function dosTime(date) {
  const time = (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1);
  const day = ((date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate();
  return { time, day };
}

/**
 * Build a zip archive in memory.
 * @param {{path: string, data: Uint8Array, date?: Date}[]} files  paths use "/"
 * @returns {Buffer}
 */
export function zip(files) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { path, data, date = new Date() } of files) {
    const name = Buffer.from(path, "utf8");
    const deflated = deflateRawSync(data, { level: 9 });
    const stored = deflated.length >= data.length; // incompressible (e.g. already zipped): keep as is
    const body = stored ? Buffer.from(data) : deflated;
    const { time, day } = dosTime(date);
    const fields = { method: stored ? 0 : 8, time, day, crc: crc32(data), size: body.length, original: data.length, nameLength: name.length };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeCommon(local, 4, fields);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x031e, 4); // made by: Unix, spec 3.0
    writeCommon(central, 6, fields);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // external attributes: a regular file, rw-r--r--
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The fields local and central headers share, from "version needed" on. */
function writeCommon(header, at, { method, time, day, crc, size, original, nameLength }) {
  header.writeUInt16LE(20, at); // version needed: 2.0 (deflate)
  header.writeUInt16LE(0x0800, at + 2); // flags: names are UTF-8
  header.writeUInt16LE(method, at + 4);
  header.writeUInt16LE(time, at + 6);
  header.writeUInt16LE(day, at + 8);
  header.writeUInt32LE(crc, at + 10);
  header.writeUInt32LE(size, at + 14);
  header.writeUInt32LE(original, at + 18);
  header.writeUInt16LE(nameLength, at + 22);
}

/**
 * The three text files inside a wheel's `.dist-info` folder that an installer
 * reads: `METADATA` (name, version and dependencies, as email-style headers),
 * `WHEEL` (the wheel format version and its tags, in the same style) and
 * `RECORD` (a CSV of every file with its hash and size, which we check each
 * unpacked file against).
 */

/** What the resolver needs from a wheel's METADATA. */
export interface WheelMetadata {
  name: string;
  version: string;
  /** PEP 508 requirements, one per Requires-Dist header, as written. */
  requiresDist: string[];
  /** The Requires-Python specifier, like ">=3.8". */
  requiresPython?: string;
  /** The extras the distribution offers, as written. */
  providesExtra: string[];
  summary?: string;
}

/** One line of RECORD: a path in the wheel, with its hash and size (both absent for RECORD itself). */
export interface RecordEntry {
  path: string;
  /** `digest` is urlsafe base64 without padding, as written. */
  hash?: { algorithm: string; digest: string };
  size?: number;
}

/** What WHEEL says: the format version, whether files go to purelib, and the tags. */
export interface WheelInfo {
  version: string;
  rootIsPurelib: boolean;
  tags: string[];
}

/**
 * Read email-style headers (RFC 822): names are case-insensitive (keys here
 * are lowercase), a line starting with whitespace continues the header above,
 * the first empty line ends the headers (a METADATA body is the description),
 * and a header may repeat.
 */
function parseHeaders(text: string): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  let last: { values: string[]; index: number } | undefined;
  for (const line of text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/)) {
    if (line === "") break;
    if (/^[ \t]/.test(line)) {
      if (last) last.values[last.index] = `${last.values[last.index]} ${line.trim()}`.trim();
      continue;
    }
    const colon = line.indexOf(":");
    if (colon <= 0) continue; // not a header line; Python's email parser skips these too
    const name = line.slice(0, colon).trim().toLowerCase();
    const values = headers.get(name) ?? [];
    values.push(line.slice(colon + 1).trim());
    headers.set(name, values);
    last = { values, index: values.length - 1 };
  }
  return headers;
}

/**
 * Parse a wheel's METADATA. Throws an Error when Name or Version is missing,
 * as then the file isn't a wheel's metadata.
 * @example parseMetadata("Name: arrr\nVersion: 1.0\nRequires-Dist: six\n").requiresDist // ["six"]
 */
export function parseMetadata(text: string): WheelMetadata {
  const headers = parseHeaders(text);
  const first = (name: string): string | undefined => headers.get(name)?.[0];
  const required = (name: string, header: string): string => {
    const value = first(name);
    if (!value) throw new Error(`The wheel's METADATA has no "${header}:" header, so it isn't a wheel's metadata. Rebuild the wheel with a current build tool (pip wheel, python -m build).`);
    return value;
  };
  const metadata: WheelMetadata = {
    name: required("name", "Name"),
    version: required("version", "Version"),
    requiresDist: headers.get("requires-dist") ?? [],
    providesExtra: headers.get("provides-extra") ?? [],
  };
  const requiresPython = first("requires-python");
  if (requiresPython) metadata.requiresPython = requiresPython;
  const summary = first("summary");
  if (summary) metadata.summary = summary;
  return metadata;
}

/**
 * Parse a wheel's WHEEL file. Throws an Error when it has no Wheel-Version.
 * @example parseWheelInfo("Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n")
 */
export function parseWheelInfo(text: string): WheelInfo {
  const headers = parseHeaders(text);
  const version = headers.get("wheel-version")?.[0];
  if (!version) throw new Error(`The wheel's WHEEL file has no "Wheel-Version:" header. Rebuild the wheel with a current build tool (pip wheel, python -m build).`);
  return {
    version,
    rootIsPurelib: (headers.get("root-is-purelib")?.[0] ?? "").toLowerCase() === "true",
    tags: headers.get("tag") ?? [],
  };
}

/**
 * Parse a wheel's RECORD (CSV: path, `algorithm=digest`, size; paths may be
 * quoted, with `""` for a quote, and hold commas). Throws an Error naming the
 * line when a hash or size is malformed.
 * @example parseRecord("arrr/__init__.py,sha256=AbC_-1,120\narrr-1.0.dist-info/RECORD,,\n")
 */
export function parseRecord(text: string): RecordEntry[] {
  return parseCsv(text).flatMap((row, line) => {
    const [path = "", hash = "", size = ""] = row;
    if (!path && !hash && !size) return [];
    const fail = (why: string): never => {
      throw new Error(`The wheel's RECORD is malformed at line ${line + 1} ("${row.join(",")}"): ${why}. Rebuild the wheel with a current build tool.`);
    };
    if (!path) fail("the path is empty");
    const entry: RecordEntry = { path };
    if (hash) {
      const equals = hash.indexOf("=");
      if (equals <= 0 || equals === hash.length - 1) fail(`the hash "${hash}" is not algorithm=digest`);
      entry.hash = { algorithm: hash.slice(0, equals).toLowerCase(), digest: hash.slice(equals + 1) };
    }
    if (size) entry.size = /^\d+$/.test(size) ? Number(size) : fail(`the size "${size}" is not a number of bytes`);
    return [entry];
  });
}

/** Rows of a CSV text: fields split at commas, `"quoted, fields"` with `""` for a quote, lines at \n or \r\n. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const endField = (): void => {
    row.push(field);
    field = "";
  };
  const endRow = (): void => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted && char === '"' && text[i + 1] === '"') field += text[i++];
    else if (char === '"' && (quoted || field === "")) quoted = !quoted; // a quote inside an unquoted field is just a character
    else if (quoted) field += char;
    else if (char === ",") endField();
    else if (char === "\n") endRow();
    else if (char !== "\r") field += char;
  }
  if (quoted) throw new Error(`The wheel's RECORD has a quote that is never closed (line ${rows.length + 1}). Rebuild the wheel with a current build tool.`);
  if (field || row.length) endRow();
  return rows;
}

/**
 * Versions and version specifiers as Python packaging means them (PEP 440),
 * so the resolver picks the same version pip would: `1.0.dev1 < 1.0a1 <
 * 1.0rc1 < 1.0 < 1.0.post1`, `1.0 == 1.0.0`, `~=2.2` means `>=2.2, ==2.*`,
 * and pre-releases are only taken when asked for or when nothing else fits.
 * This is the practical subset: legacy (non-PEP 440) versions are not
 * versions here, so only `===` can match them.
 */

/** A parsed PEP 440 version. `text` is the string it was parsed from. */
export interface Version {
  epoch: number;
  release: number[];
  /** Pre-release kind ("a", "b" or "rc") and number: `1.0beta` is `["b", 0]`. */
  pre?: [string, number];
  post?: number;
  dev?: number;
  /** Local label, lowercased with "." separators: `1.0+Ubuntu-1` has "ubuntu.1". */
  local?: string;
  text: string;
}

const VERSION =
  /^v?(?:(\d+)!)?(\d+(?:\.\d+)*)(?:[-_.]?(alpha|beta|preview|pre|a|b|c|rc)[-_.]?(\d+)?)?(?:-(\d+)|[-_.]?(post|rev|r)[-_.]?(\d+)?)?(?:[-_.]?(dev)[-_.]?(\d+)?)?(?:\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?$/i;
const PRE_KINDS: Record<string, string> = { a: "a", alpha: "a", b: "b", beta: "b", c: "rc", rc: "rc", pre: "rc", preview: "rc" };
const PRE_RANK: Record<string, number> = { a: 0, b: 1, rc: 2 };

/**
 * Parse a PEP 440 version (any accepted spelling: `v1.0`, `1.0-beta.2`,
 * `1.0-1`, `1.0.post`, `1!2.0+local`), or undefined if it is not one.
 */
export function parseVersion(text: string): Version | undefined {
  const match = VERSION.exec(text.trim());
  if (!match) return undefined;
  const [, epoch, release, preKind, preNumber, postImplicit, postKind, postNumber, dev, devNumber, local] = match;
  const version: Version = { epoch: Number(epoch ?? 0), release: release!.split(".").map(Number), text: text.trim() };
  if (preKind) version.pre = [PRE_KINDS[preKind.toLowerCase()]!, Number(preNumber ?? 0)];
  if (postImplicit !== undefined || postKind) version.post = Number(postImplicit ?? postNumber ?? 0);
  if (dev) version.dev = Number(devNumber ?? 0);
  if (local) version.local = local.toLowerCase().replace(/[-_]/g, ".");
  return version;
}

/** Negative, zero or positive as `a` sorts before, with or after `b` in PEP 440 order. */
export function compareVersions(a: Version, b: Version): number {
  return (
    a.epoch - b.epoch ||
    compareRelease(a.release, b.release) ||
    compareTuples(preKey(a), preKey(b)) ||
    (a.post ?? -1) - (b.post ?? -1) ||
    compareTuples([a.dev ?? Infinity], [b.dev ?? Infinity]) ||
    compareLocal(a.local, b.local)
  );
}

/** True for pre-releases and development releases (`1.0a1`, `1.0.dev3`, `1.0.post1.dev1`). */
export function isPrerelease(v: Version): boolean {
  return v.pre !== undefined || v.dev !== undefined;
}

/** Release numbers compared with trailing zeros insignificant: 1.0 == 1.0.0. */
function compareRelease(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference) return difference;
  }
  return 0;
}

/** Where the pre-release part sorts: a dev release of a final (1.0.dev1) sorts before any pre-release. */
function preKey(v: Version): number[] {
  if (v.pre) return [PRE_RANK[v.pre[0]]!, v.pre[1]];
  return v.post === undefined && v.dev !== undefined ? [-1] : [3];
}

function compareTuples(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0) ? -1 : 1;
  }
  return 0;
}

/** No local label sorts first; numeric segments sort after alphanumeric ones; a longer label after its prefix. */
function compareLocal(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined || b === undefined) return a === undefined ? -1 : 1;
  const [left, right] = [a.split("."), b.split(".")];
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const [x, y] = [left[i]!, right[i]!];
    const [xNumber, yNumber] = [/^\d+$/.test(x), /^\d+$/.test(y)];
    if (xNumber && yNumber && Number(x) !== Number(y)) return Number(x) - Number(y);
    if (xNumber !== yNumber) return xNumber ? 1 : -1;
    if (!xNumber && x !== y) return x < y ? -1 : 1;
  }
  return left.length - right.length;
}

/** One clause of a specifier set, like `>=1.0` or `!=1.5.*`. */
export interface SpecifierClause {
  operator: "~=" | "===" | "==" | "!=" | "<=" | ">=" | "<" | ">";
  /** The version as written after the operator (with ".*" for a wildcard). */
  version: string;
  /** The parsed version (for a wildcard, of the part before ".*"); undefined only for a legacy `===` string. */
  parsed?: Version;
  wildcard: boolean;
}

const CLAUSE = /^(~=|===|==|!=|<=|>=|<|>)\s*([^\s<>=!~]\S*)$/;
const RELEASE_ONLY = /^v?(?:\d+!)?\d+(?:\.\d+)*$/i;

/**
 * Parse a comma-separated specifier set (`">=1.0, !=1.5.*, <2"`; "" has no
 * clauses). Throws an Error naming the bad clause when it isn't PEP 440.
 */
export function parseSpecifier(specifier: string): SpecifierClause[] {
  if (!specifier.trim()) return [];
  return specifier.split(",").map((clause) => parseClause(clause.trim(), specifier));
}

function parseClause(clause: string, specifier: string): SpecifierClause {
  const fail = (why: string): never => {
    throw new Error(`Invalid version specifier "${specifier.trim()}": "${clause}" ${why}. Write clauses like ">=1.0, !=1.5.*, <2", separated by commas.`);
  };
  const match = CLAUSE.exec(clause);
  if (!match) return fail(clause ? "is not an operator (==, !=, <=, >=, <, >, ~=, ===) followed by a version" : "is empty");
  const operator = match[1] as SpecifierClause["operator"];
  const version = match[2]!;
  if (operator === "===") return { operator, version, parsed: parseVersion(version), wildcard: false };
  const wildcard = version.endsWith(".*");
  if (wildcard && operator !== "==" && operator !== "!=") fail(`uses a ".*" wildcard, which only == and != allow`);
  if (wildcard && !RELEASE_ONLY.test(version.slice(0, -2))) fail(`has a ".*" wildcard after something other than release numbers`);
  const parsed = parseVersion(wildcard ? version.slice(0, -2) : version) ?? fail("does not name a PEP 440 version");
  if (parsed.local !== undefined && operator !== "==" && operator !== "!=") fail("has a local version label (+…), which only == and != allow");
  if (operator === "~=" && parsed.release.length < 2) fail("needs at least two release numbers after ~= (like ~=2.2)");
  return { operator, version, parsed, wildcard };
}

/**
 * Does `version` satisfy every clause of `specifier`? Pre-releases only match
 * when `options.prereleases` is set or a clause names a pre-release (so
 * `>=1.0` doesn't take `2.0b1`, but `>=2.0b1` does). A version that isn't
 * PEP 440 matches only `===` with the same text.
 * @example matchesSpecifier("1.7.1", ">1.7, !=1.8.*") // true
 */
export function matchesSpecifier(version: string | Version, specifier: string, options?: { prereleases?: boolean }): boolean {
  const clauses = parseSpecifier(specifier);
  const parsed = typeof version === "string" ? parseVersion(version) : version;
  if (!parsed) {
    const text = (version as string).trim().toLowerCase();
    return clauses.length > 0 && clauses.every((c) => c.operator === "===" && c.version.toLowerCase() === text);
  }
  const prereleases = options?.prereleases ?? clauses.some(namesPrerelease);
  if (!prereleases && isPrerelease(parsed)) return false;
  return clauses.every((clause) => matchesClause(parsed, clause));
}

/** Does this clause ask for pre-releases by naming one? (`!=` doesn't: excluding one is no request.) */
function namesPrerelease(clause: SpecifierClause): boolean {
  return clause.operator !== "!=" && !clause.wildcard && clause.parsed !== undefined && isPrerelease(clause.parsed);
}

function matchesClause(v: Version, clause: SpecifierClause): boolean {
  const spec = clause.parsed!;
  switch (clause.operator) {
    case "===":
      return v.text.toLowerCase() === clause.version.toLowerCase();
    case "==":
      return clause.wildcard ? hasPrefix(v, spec) : equalsSpec(v, spec);
    case "!=":
      return !(clause.wildcard ? hasPrefix(v, spec) : equalsSpec(v, spec));
    case "~=":
      return compareVersions(publicPart(v), spec) >= 0 && hasPrefix(v, { ...spec, release: spec.release.slice(0, -1) });
    case "<=":
      return compareVersions(publicPart(v), spec) <= 0;
    case ">=":
      return compareVersions(publicPart(v), spec) >= 0;
    case "<": // <1.7 doesn't take 1.7's own pre-releases (1.7a1, 1.7.dev0), unless it names a pre-release itself
      return compareVersions(v, spec) < 0 && !(!isPrerelease(spec) && isPrerelease(v) && compareVersions(v, { ...spec, dev: 0, local: undefined }) >= 0);
    case ">": // >1.7 takes 1.7.1 but not 1.7's post-releases (1.7.post1) nor its local builds (1.7+x)
      if (compareVersions(v, spec) <= 0) return false;
      if (spec.post === undefined && v.post !== undefined && compareVersions({ ...v, post: undefined, dev: undefined, local: undefined }, spec) === 0) return false;
      return v.local === undefined || compareVersions(publicPart(v), spec) !== 0;
  }
}

/** `==1.0` ignores a local label on the candidate; `==1.0+x` doesn't. */
function equalsSpec(v: Version, spec: Version): boolean {
  return compareVersions(spec.local === undefined ? publicPart(v) : v, spec) === 0;
}

/** The wildcard rule: same epoch, and the release (zero-padded) starts with the spec's release numbers. */
function hasPrefix(v: Version, spec: Version): boolean {
  return v.epoch === spec.epoch && spec.release.every((n, i) => (v.release[i] ?? 0) === n);
}

function publicPart(v: Version): Version {
  return v.local === undefined ? v : { ...v, local: undefined };
}

/**
 * The highest of `versions` that matches `specifier`, the way pip picks:
 * final releases first, pre-releases only when the specifier names one or no
 * final release matches. Strings that aren't PEP 440 versions are skipped.
 * @example bestVersion(["1.0", "1.1", "2.0b1"], ">=1") // "1.1"
 */
export function bestVersion(versions: string[], specifier: string): string | undefined {
  parseSpecifier(specifier); // a bad specifier throws even when there are no versions
  const candidates = versions.map(parseVersion).filter((v) => v !== undefined);
  let pool = candidates.filter((v) => matchesSpecifier(v, specifier));
  if (!pool.length) pool = candidates.filter((v) => matchesSpecifier(v, specifier, { prereleases: true }));
  const best = pool.reduce<Version | undefined>((top, v) => (top && compareVersions(top, v) >= 0 ? top : v), undefined);
  return best && versions.find((text) => text.trim() === best.text);
}

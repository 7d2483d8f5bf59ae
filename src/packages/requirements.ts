/**
 * Requirements as wheels state their dependencies (PEP 508), one per
 * `Requires-Dist` line: `name[extras] (specifier) ; marker` or
 * `name @ url ; marker`. The marker says when the dependency applies
 * (`python_version < "3.10"`, `extra == "testing"`); the resolver evaluates
 * it against the interpreter it installs for, so a dependency that only
 * Windows or old Pythons need is skipped.
 */
import { normalizeName } from "./names.js";
import { matchesSpecifier, parseSpecifier, parseVersion } from "./versions.js";

/** One parsed requirement. */
export interface Requirement {
  /** The name as written. */
  name: string;
  /** The normalized name (PEP 503), to compare and look up. */
  key: string;
  /** Requested extras, normalized. */
  extras: string[];
  /** The specifier without parentheses or spaces (">=1.0,<2"), "" for any version. */
  specifier: string;
  /** The URL of the `name @ url` form. */
  url?: string;
  /** When the requirement applies; absent means always. */
  marker?: Marker;
  /** The requirement as written (trimmed). */
  text: string;
}

/** What an interpreter tells markers about itself (PEP 508's environment markers). */
export interface MarkerEnvironment {
  python_version: string;
  python_full_version: string;
  implementation_name: string;
  implementation_version: string;
  platform_python_implementation: string;
  sys_platform: string;
  platform_system: string;
  platform_machine: string;
  platform_release: string;
  platform_version: string;
  os_name: string;
}

export type MarkerVariable = keyof MarkerEnvironment | "extra";
export type MarkerOperator = "<" | "<=" | "==" | "!=" | ">=" | ">" | "~=" | "===" | "in" | "not in";
/** A side of a comparison: an environment variable or a quoted string. */
export type MarkerOperand = { variable: MarkerVariable } | { value: string };
/** A parsed marker: comparisons joined by `and` / `or` (`and` binds tighter, parentheses group). */
export type Marker =
  | { kind: "and" | "or"; left: Marker; right: Marker }
  | { kind: "compare"; left: MarkerOperand; operator: MarkerOperator; right: MarkerOperand };

const VARIABLES: Record<string, MarkerVariable> = Object.fromEntries(
  ["python_version", "python_full_version", "implementation_name", "implementation_version", "platform_python_implementation",
    "sys_platform", "platform_system", "platform_machine", "platform_release", "platform_version", "os_name", "extra"].map((name) => [name, name as MarkerVariable]),
);
// Spellings from PEP 345 and setuptools that packaging still accepts.
Object.assign(VARIABLES, {
  "os.name": "os_name", "sys.platform": "sys_platform", "platform.version": "platform_version", "platform.machine": "platform_machine",
  "platform.python_implementation": "platform_python_implementation", python_implementation: "platform_python_implementation",
});

const NAME = /[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?/y;
const OPERATOR = /(~=|===|==|!=|<=|>=|<|>|in(?![\w.])|not\s+in(?![\w.]))/y;

/** A position in the text being parsed, with error messages that quote where things went wrong. */
class Cursor {
  position = 0;
  constructor(readonly text: string, readonly what: string) {}
  fail(why: string): never {
    const rest = this.text.slice(this.position);
    throw new Error(`Invalid ${this.what} "${this.text}": ${why} (at ${rest ? `"${rest}"` : "the end"}).`);
  }
  take(pattern: RegExp): string | undefined {
    this.space();
    pattern.lastIndex = this.position;
    const match = pattern.exec(this.text);
    if (match) this.position += match[0].length;
    return match?.[0];
  }
  eat(literal: string): boolean {
    this.space();
    const found = this.text.startsWith(literal, this.position);
    if (found) this.position += literal.length;
    return found;
  }
  space(): void {
    while (/\s/.test(this.text[this.position] ?? "")) this.position++;
  }
  get done(): boolean {
    this.space();
    return this.position >= this.text.length;
  }
}

/**
 * Parse a PEP 508 requirement. Throws an Error that quotes the requirement
 * and where it went wrong when the syntax is bad.
 * @example parseRequirement('importlib-metadata>=3.6; python_version < "3.10"')
 */
export function parseRequirement(text: string): Requirement {
  const cursor = new Cursor(text.trim(), "requirement");
  const name = cursor.take(NAME) ?? cursor.fail("expected a distribution name (letters, digits, '-', '_', '.')");
  const requirement: Requirement = { name, key: normalizeName(name), extras: [], specifier: "", text: cursor.text };
  if (cursor.eat("[")) requirement.extras = parseExtras(cursor);
  if (cursor.eat("@")) {
    requirement.url = cursor.take(/\S+/y) ?? cursor.fail("expected a URL after '@'");
  } else if (cursor.eat("(")) {
    requirement.specifier = parseVersionSpec(cursor, /[^)]*/y);
    if (!cursor.eat(")")) cursor.fail("expected ')' to close the version specifier");
  } else {
    requirement.specifier = parseVersionSpec(cursor, /[<>=!~][^;]*/y);
  }
  if (cursor.eat(";")) requirement.marker = parseMarkerAt(cursor);
  if (!cursor.done) cursor.fail(requirement.url ? "expected ';' and a marker after the URL" : "expected a version specifier, ';' and a marker, or the end");
  return requirement;
}

function parseExtras(cursor: Cursor): string[] {
  const extras: string[] = [];
  if (cursor.eat("]")) return extras;
  do extras.push(normalizeName(cursor.take(NAME) ?? cursor.fail("expected an extra's name in [...]")));
  while (cursor.eat(","));
  if (!cursor.eat("]")) cursor.fail("expected ',' or ']' in the list of extras");
  return extras;
}

function parseVersionSpec(cursor: Cursor, pattern: RegExp): string {
  const start = cursor.position;
  const written = cursor.take(pattern) ?? "";
  try {
    return parseSpecifier(written).map((clause) => clause.operator + clause.version).join(",");
  } catch (error) {
    cursor.position = start;
    return cursor.fail((error as Error).message.replace(/\.$/, ""));
  }
}

/** Parse a marker on its own (the part after ";"), as `Marker`. */
export function parseMarker(text: string): Marker {
  const cursor = new Cursor(text.trim(), "marker");
  const marker = parseMarkerAt(cursor);
  if (!cursor.done) cursor.fail("expected 'and', 'or' or the end");
  return marker;
}

function parseMarkerAt(cursor: Cursor): Marker {
  let marker = parseAnd(cursor);
  while (cursor.take(/or(?![\w.])/y)) marker = { kind: "or", left: marker, right: parseAnd(cursor) };
  return marker;
}

function parseAnd(cursor: Cursor): Marker {
  let marker = parseComparison(cursor);
  while (cursor.take(/and(?![\w.])/y)) marker = { kind: "and", left: marker, right: parseComparison(cursor) };
  return marker;
}

function parseComparison(cursor: Cursor): Marker {
  if (cursor.eat("(")) {
    const inner = parseMarkerAt(cursor);
    if (!cursor.eat(")")) cursor.fail("expected ')' to close the parenthesis");
    return inner;
  }
  const left = parseOperand(cursor);
  const operator = cursor.take(OPERATOR)?.replace(/\s+/, " ") as MarkerOperator | undefined;
  if (!operator) return cursor.fail("expected a comparison operator (==, !=, <, <=, >, >=, ~=, ===, in, not in)");
  return { kind: "compare", left, operator, right: parseOperand(cursor) };
}

function parseOperand(cursor: Cursor): MarkerOperand {
  const quoted = cursor.take(/"[^"]*"|'[^']*'/y);
  if (quoted !== undefined) return { value: quoted.slice(1, -1) };
  const start = cursor.position;
  const word = cursor.take(/[A-Za-z_][\w.]*/y);
  if (word === undefined) return cursor.fail(`expected a marker variable (like python_version) or a quoted string`);
  const variable = VARIABLES[word];
  if (variable) return { variable };
  cursor.position = start;
  return cursor.fail(`"${word}" is not a marker variable (known: ${Object.keys(VARIABLES).filter((name) => VARIABLES[name] === name).join(", ")})`);
}

/**
 * Does the marker hold in this environment? Comparisons are PEP 440 version
 * comparisons when both sides are versions, else string comparisons;
 * `extra == "name"` holds when `name` is one of `extras`.
 * @example evaluateMarker(parseMarker('sys_platform != "win32"'), env) // true in a browser
 */
export function evaluateMarker(marker: Marker, env: MarkerEnvironment, extras: readonly string[] = []): boolean {
  if (marker.kind !== "compare") {
    const left = evaluateMarker(marker.left, env, extras);
    return marker.kind === "and" ? left && evaluateMarker(marker.right, env, extras) : left || evaluateMarker(marker.right, env, extras);
  }
  const { left, operator, right } = marker;
  if (isExtra(left) || isExtra(right)) return compareExtra(isExtra(left) ? right : left, operator, extras);
  return compareValues(valueOf(left, env), operator, valueOf(right, env));
}

function isExtra(operand: MarkerOperand): boolean {
  return "variable" in operand && operand.variable === "extra";
}

function compareExtra(other: MarkerOperand, operator: MarkerOperator, extras: readonly string[]): boolean {
  if (!("value" in other)) throw new Error(`The marker compares "extra" with a variable; compare it with a quoted extra name, like extra == "test".`);
  if (operator !== "==" && operator !== "!=") throw new Error(`The marker compares "extra" with ${operator}; only == and != work with extra.`);
  const present = extras.some((extra) => normalizeName(extra) === normalizeName(other.value));
  return operator === "==" ? present : !present;
}

function valueOf(operand: MarkerOperand, env: MarkerEnvironment): string {
  if ("value" in operand) return operand.value;
  const value = (env as unknown as Record<string, unknown>)[operand.variable];
  if (typeof value !== "string") throw new Error(`The marker environment has no "${operand.variable}", so the marker can't be evaluated.`);
  return value;
}

function compareValues(left: string, operator: MarkerOperator, right: string): boolean {
  if (operator === "in") return right.includes(left);
  if (operator === "not in") return !right.includes(left);
  if (operator !== "===" && parseVersion(left)) {
    try {
      return matchesSpecifier(left, operator + right, { prereleases: true });
    } catch {
      // the right side is no version: compare as strings below
    }
  }
  switch (operator) {
    case "==": case "===": return left === right;
    case "!=": return left !== right;
    case "<": return left < right;
    case "<=": return left <= right;
    case ">": return left > right;
    case ">=": return left >= right;
    case "~=": throw new Error(`The marker compares "${left}" ~= "${right}", but ~= needs versions on both sides.`);
  }
}

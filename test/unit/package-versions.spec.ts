// PEP 440 versions and specifiers: parsing every spelling, pip's ordering, and which versions a specifier takes.
import { test, expect } from "@playwright/test";
import { bestVersion, compareVersions, isPrerelease, matchesSpecifier, parseSpecifier, parseVersion, type Version } from "../../src/packages/versions.js";
import { normalizeName } from "../../src/packages/names.js";

const v = (text: string): Version => parseVersion(text)!;
const sorted = (texts: string[]): string[] => [...texts].sort((a, b) => compareVersions(v(a), v(b)));
const matching = (specifier: string, versions: string[], prereleases?: boolean): string[] =>
  versions.filter((version) => matchesSpecifier(version, specifier, prereleases === undefined ? undefined : { prereleases }));

test("names are normalized the PEP 503 way", () => {
  expect(normalizeName("Django")).toBe("django");
  expect(normalizeName("zope.interface")).toBe("zope-interface");
  expect(normalizeName("Foo__Bar-.baz")).toBe("foo-bar-baz");
  expect(normalizeName("typing_extensions")).toBe("typing-extensions");
});

test("versions parse in all of PEP 440's spellings", () => {
  expect(v("1.2.3")).toEqual({ epoch: 0, release: [1, 2, 3], text: "1.2.3" });
  expect(v("v1.0")).toMatchObject({ release: [1, 0] });
  expect(v("2!1.0")).toMatchObject({ epoch: 2, release: [1, 0] });
  expect(v("1.0a1").pre).toEqual(["a", 1]);
  expect(v("1.0-alpha.2").pre).toEqual(["a", 2]);
  expect(v("1.0beta").pre).toEqual(["b", 0]);
  expect(v("1.0c3").pre).toEqual(["rc", 3]);
  expect(v("1.0_preview_4").pre).toEqual(["rc", 4]);
  expect(v("1.0RC1").pre).toEqual(["rc", 1]);
  expect(v("1.0.post2").post).toBe(2);
  expect(v("1.0-1").post).toBe(1);
  expect(v("1.0.post").post).toBe(0);
  expect(v("1.0rev3").post).toBe(3);
  expect(v("1.0.dev").dev).toBe(0);
  expect(v("1.0a2.post3.dev4")).toMatchObject({ pre: ["a", 2], post: 3, dev: 4 });
  expect(v("1.0+Ubuntu-1").local).toBe("ubuntu.1");
  expect(v(" 1.0 \n").text).toBe("1.0");
});

test("strings that are not PEP 440 versions don't parse", () => {
  for (const text of ["", "french toast", "1.0.", ".1", "1.0+", "1.0+a..b", "1..0", "1.0-", "2013-01-01 legacy", "1.0dev1a"]) {
    expect(parseVersion(text), text).toBeUndefined();
  }
});

test("versions sort dev < pre < final < post, and trailing zeros don't count", () => {
  const order = ["1.0.dev1", "1.0a1.dev1", "1.0a1", "1.0a2", "1.0b2", "1.0rc1", "1.0", "1.0+local", "1.0.post1.dev1", "1.0.post1", "1.1.dev1", "1.1", "1.10", "1!0.1"];
  expect(sorted([...order].reverse())).toEqual(order);
  expect(compareVersions(v("1.0"), v("1.0.0"))).toBe(0);
  expect(compareVersions(v("1.0a"), v("1.0.0a0"))).toBe(0);
  expect(compareVersions(v("1.0.post0"), v("1.0"))).toBeGreaterThan(0);
  expect(compareVersions(v("2.0"), v("10.0"))).toBeLessThan(0);
});

test("local labels sort after the public version: longer after shorter, numbers after letters", () => {
  expect(sorted(["1.0+2", "1.0+abc.1", "1.0+abc", "1.0+10", "1.0"])).toEqual(["1.0", "1.0+abc", "1.0+abc.1", "1.0+2", "1.0+10"]);
});

test("pre-releases and dev releases count as pre-releases, post-releases don't", () => {
  expect(isPrerelease(v("1.0a1"))).toBe(true);
  expect(isPrerelease(v("1.0.dev0"))).toBe(true);
  expect(isPrerelease(v("1.0.post1.dev1"))).toBe(true);
  expect(isPrerelease(v("1.0.post1"))).toBe(false);
});

test("== and != take wildcards, trailing zeros and local labels", () => {
  const all = ["0.9", "1", "1.0", "1.0.0", "1.0.1", "1.0+cpu", "1.0.post1", "1.1", "1.5.0", "1.5.3", "2.0"];
  expect(matching("==1.0", all)).toEqual(["1", "1.0", "1.0.0", "1.0+cpu"]);
  expect(matching("==1.0+cpu", all)).toEqual(["1.0+cpu"]);
  expect(matching("==1.0.*", all)).toEqual(["1", "1.0", "1.0.0", "1.0.1", "1.0+cpu", "1.0.post1"]);
  expect(matching("!=1.5.*", all)).toEqual(all.filter((x) => !x.startsWith("1.5")));
  expect(matching("== 1.*", ["0.9", "1.9", "2.0"])).toEqual(["1.9"]);
  expect(matching("==1.0.*", ["1.0rc1"], true)).toEqual(["1.0rc1"]);
});

test("~= is >= that version and == its prefix", () => {
  const all = ["2.1", "2.2", "2.2.1", "2.9", "3.0", "1.4.4", "1.4.5a4", "1.4.5", "1.4.9", "1.5.0"];
  expect(matching("~=2.2", all)).toEqual(matching(">=2.2, ==2.*", all));
  expect(matching("~=2.2", all)).toEqual(["2.2", "2.2.1", "2.9"]);
  expect(matching("~=1.4.5a4", all)).toEqual(["1.4.5a4", "1.4.5", "1.4.9"]);
  expect(matching("~=1.4.5", all)).toEqual(["1.4.5", "1.4.9"]);
});

test("> and < are exclusive of the version's own post- and pre-releases", () => {
  expect(matching(">1.7", ["1.7", "1.7.0", "1.7.1", "1.7.post2", "1.7+local", "1.8"])).toEqual(["1.7.1", "1.8"]);
  expect(matching(">1.7.post2", ["1.7.post2", "1.7.post3", "1.8"])).toEqual(["1.7.post3", "1.8"]);
  expect(matching("<1.7", ["1.6.9", "1.6.post1", "1.7.0a1", "1.7.dev0", "1.7"], true)).toEqual(["1.6.9", "1.6.post1"]);
  expect(matching("<1.7rc1", ["1.7a1", "1.7rc1", "1.6"])).toEqual(["1.7a1", "1.6"]);
  expect(matching("<=1.7", ["1.7", "1.7+x", "1.7.post1"])).toEqual(["1.7", "1.7+x"]);
  expect(matching(">1.0a1", ["1.0a1+local", "1.0a2+local", "1.0.post1", "1.0a1.post1"], true)).toEqual(["1.0a2+local", "1.0.post1"]);
  expect(matching("<1.7.post1", ["1.7a1", "1.7", "1.7.post1.dev0"], true)).toEqual(["1.7a1", "1.7"]);
  expect(matching(">=1.0, <2", ["0.9", "1.0", "1.9.9", "2.0", "2.0.post1"])).toEqual(["1.0", "1.9.9"]);
});

test("pre-releases only match when asked for, or when the specifier names one", () => {
  expect(matching(">=1.0", ["1.0", "2.0b1", "2.0.dev3"])).toEqual(["1.0"]);
  expect(matching(">=1.0", ["1.0", "2.0b1"], true)).toEqual(["1.0", "2.0b1"]);
  expect(matching(">=2.0b1", ["1.0", "2.0b1", "2.0b2", "2.0"])).toEqual(["2.0b1", "2.0b2", "2.0"]);
  expect(matching("!=2.0b1", ["2.0b1", "2.0b2", "2.0"])).toEqual(["2.0"]);
  expect(matching("", ["1.0", "2.0a1", "anything-legacy"])).toEqual(["1.0"]);
  expect(matching(">=1.0", ["2.0b1"], false)).toEqual([]);
});

test("=== compares strings, and is the only way to match a legacy version", () => {
  expect(matching("===1.0", ["1.0", "1.0.0", "1.0+local"])).toEqual(["1.0"]);
  expect(matching("===foobar", ["foobar", "FooBar", "1.0"])).toEqual(["foobar", "FooBar"]);
  expect(matching(">=1.0", ["foobar"])).toEqual([]);
});

test("specifiers parse with whitespace and epochs", () => {
  expect(parseSpecifier("")).toEqual([]);
  expect(parseSpecifier(" >= 1.0 , != 1.5.* ,<2 ").map((c) => `${c.operator}${c.version}`)).toEqual([">=1.0", "!=1.5.*", "<2"]);
  expect(matchesSpecifier("1!1.0", ">=1!0.5")).toBe(true);
  expect(matchesSpecifier("1.0", ">=1!0.5")).toBe(false);
  expect(matchesSpecifier(v("1.5"), ">1, <2")).toBe(true);
});

test("bad specifiers throw errors that name the bad clause and how to write one", () => {
  const cases: [string, string][] = [
    ["1.0", '"1.0" is not an operator'],
    [">=1.0,,<2", '"" is empty'],
    ["=>1.0", '"=>1.0" is not an operator'],
    [">=1.0.*", "only == and != allow"],
    ["==1.0a1.*", "after something other than release numbers"],
    [">=banana", "does not name a PEP 440 version"],
    ["<=1.0+local", "local version label"],
    ["~=1", "at least two release numbers"],
    [">= 1.0 2.0", "is not an operator"],
  ];
  for (const [specifier, why] of cases) {
    expect(() => matchesSpecifier("1.0", specifier), specifier).toThrow(why);
    expect(() => matchesSpecifier("1.0", specifier), specifier).toThrow(`Invalid version specifier "${specifier}"`);
  }
  expect(() => bestVersion([], ">>1")).toThrow("Write clauses like");
});

test("the best version is the highest final that matches, or a pre-release when nothing else does", () => {
  const available = ["0.9", "1.0", "1.10.0", "1.2", "2.0b1", "not-a-version"];
  expect(bestVersion(available, "")).toBe("1.10.0");
  expect(bestVersion(available, "<1.5")).toBe("1.2");
  expect(bestVersion(available, ">1.10")).toBe("2.0b1"); // no final matches: pip takes the pre-release
  expect(bestVersion(available, ">=2.0b1")).toBe("2.0b1");
  expect(bestVersion(available, ">=2")).toBeUndefined(); // 2.0b1 is before 2.0
  expect(bestVersion([], "")).toBeUndefined();
  expect(bestVersion(["1.0", "1.0.0"], "==1")).toBe("1.0");
  expect(bestVersion(["3.0.0a1", "2.9.dev1"], "")).toBe("3.0.0a1");
});

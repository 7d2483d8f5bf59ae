#!/usr/bin/env node
// The `micropyscript` command. One job so far:
//   npx micropyscript wheels <folder> [--out <index folder>]
// writes a "simple" package index (PEP 503) for the wheels in <folder>: by
// default into <folder> itself, so `package_index` can point at it.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

const USAGE = "Usage: npx micropyscript wheels <folder of .whl files> [--out <index folder>]";

async function main(args) {
  const [command, folder, ...rest] = args;
  if (command !== "wheels" || !folder) return fail(command && command !== "help" && command !== "--help" ? `Unknown command "${command}".\n${USAGE}` : USAGE);
  const outAt = rest.indexOf("--out");
  const out = resolve(outAt >= 0 && rest[outAt + 1] ? rest[outAt + 1] : folder);
  let names;
  try {
    names = readdirSync(folder).filter((name) => name.endsWith(".whl"));
  } catch (error) {
    return fail(`Can't read the folder ${folder}: ${error.message}`);
  }
  if (!names.length) return fail(`There are no .whl files in ${folder}. Build some with \`pip wheel <package> -w ${folder}\`.`);
  const wheels = names.map((filename) => ({ filename, bytes: new Uint8Array(readFileSync(join(folder, filename))) }));
  const { simpleIndex } = await import(new URL("../dist/index-writer.js", import.meta.url).href);
  // Links go from <out>/<project>/ to the wheels: "../" + the wheels' folder relative to <out>.
  const from = relative(out, resolve(folder)).split(sep).join("/");
  const { pages, skipped } = await simpleIndex(wheels, from ? `${from}/` : "");
  for (const [path, html] of pages) {
    mkdirSync(dirname(join(out, path)), { recursive: true });
    writeFileSync(join(out, path), html);
  }
  for (const problem of skipped) console.warn(`skipped ${problem}`);
  const projects = pages.size - 1;
  console.log(`Wrote an index of ${wheels.length - skipped.length} wheel(s) in ${projects} project(s) to ${relative(process.cwd(), out) || "."}/`);
  console.log(`Use it in <py-config>: "package_index": "./${relative(process.cwd(), out).split(sep).join("/") || "."}/" (relative to your page).`);
  return 0;
}

function fail(message) {
  console.error(message);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));

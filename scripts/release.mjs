// `npm run release`: micropyscript-<version>.zip, for people without Node.
// It holds the build output (dist/), a hello page that
// shows a script, a configured file, a worker and a <py-repl>, and a README
// with the snippet for a page. Everything sits in a micropyscript-<version>/
// folder, ready to serve with any static server.
//   node scripts/release.mjs [--out FOLDER]   (npm run release builds first)
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { zip } from "./zip.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const folder = `micropyscript-${version}`;
const args = process.argv.slice(2);
const out = args.includes("--out") ? args[args.indexOf("--out") + 1] : root;

/** Every file under `dir`, as paths relative to `base`. */
function filesUnder(dir, base = dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, base) : [relative(base, path)];
  });
}

const dist = join(root, "dist");
const built = filesUnder(dist).sort();
if (!built.includes("pyscript.js")) {
  console.error("dist/ is empty: run `npm run release` (it builds first).");
  process.exit(1);
}
const entries = [
  ...["index.html", "greeting.py", "README.md"].map((name) => ({
    path: `${folder}/${name}`,
    data: Buffer.from(readFileSync(join(root, "scripts/release", name), "utf8").replaceAll("{VERSION}", version)),
  })),
  ...built.map((path) => ({ path: `${folder}/dist/${path.split("\\").join("/")}`, data: readFileSync(join(dist, path)) })),
];
const archive = join(out, `${folder}.zip`);
writeFileSync(archive, zip(entries));
console.log(`🐍 ${relative(process.cwd(), archive) || archive}: ${entries.length} files, ${(statSync(archive).size / 1e6).toFixed(1)} MB`);

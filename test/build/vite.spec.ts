// A bundler's app: createKernel() from the package in a Vite project, built
// for production with the README's recipe and served as static files.
import { test, expect } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { freshInstall, openServed, ROOT } from "./packed";

/** The README's recipe ("With a bundler"), as a user would write it. */
const APP = {
  "vite.config.js": `import { cpSync } from "node:fs";
// MicroPyScript loads its interpreters by URL at run time: serve its build folder as static files.
cpSync("node_modules/micropyscript/dist", "public/micropyscript", { recursive: true });
export default {};
`,
  "index.html": `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>
<py-script id="hello">print("Hello from a Vite app")</py-script>
<script type="module" src="/main.js"></script>
</body></html>
`,
  "main.js": `import "micropyscript/pyscript.css";
import { createKernel } from "micropyscript";

// ?no-assets: the mistake the recipe avoids (no assetsURL), to see what it says.
const recipe = !new URLSearchParams(location.search).has("no-assets");
const kernel = createKernel(recipe ? { assetsURL: import.meta.env.BASE_URL + "micropyscript/" } : {});
window.PyScript = kernel.api;
kernel.start();
`,
};

let built: string | undefined;
/** The app, built once: \`vite build\` in a fresh install of the package. */
function buildApp(): string {
  if (built) return built;
  const app = freshInstall(APP);
  execFileSync(process.execPath, [join(ROOT, "node_modules", "vite", "bin", "vite.js"), "build", "--logLevel", "warn"], { cwd: app, stdio: "pipe" });
  return (built = join(app, "dist"));
}

test.describe.configure({ mode: "serial" });

test("a Vite production build of an app using createKernel() runs Python", async ({ page }) => {
  test.slow(); // installs the package and runs Vite
  await openServed(page, buildApp(), "/index.html", async () => {
    await expect(page.locator("#hello .py-output")).toHaveText("Hello from a Vite app\n");
  });
  // Only the app's own bundle: no stray copy of the library for `new URL(..., import.meta.url)`.
  expect(readdirSync(join(buildApp(), "assets")).filter((file) => file.endsWith(".js"))).toHaveLength(1);
});

test("without assetsURL, the built app says how to fix it, in text that wraps", async ({ page }) => {
  test.slow();
  await openServed(page, buildApp(), "/index.html?no-assets", async () => {
    const error = page.locator('[data-code="interpreter-load"]');
    await expect(error).toContainText("micropython/micropython.mjs"); // its adapter is part of the bundle; its runtime isn't
    await expect(error).toContainText("createKernel({ assetsURL:");
    expect(await error.evaluate((box) => box.scrollWidth <= box.clientWidth)).toBe(true);
  });
});

// pyscript.css in <head> hides the Python code from the first paint, before
// pyscript.js has arrived, so a slow script never shows code as page text.
import { test, expect } from "../fixtures";

test("with pyscript.css linked, the code stays hidden while pyscript.js is slow to arrive, and the output shows once it runs", async ({ py, page }) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let requested!: () => void;
  const asked = new Promise<void>((resolve) => (requested = resolve));
  await page.route((url) => url.pathname === "/pyscript.js", async (route) => {
    requested();
    await held;
    await route.continue();
  });
  const opening = py.open(`<p id="before">Text before</p><py-script id="s">print("hello " + "world")</py-script>`,
    { head: '<link rel="stylesheet" href="/pyscript.css">', wait: "none" }); // returns once the page has loaded, which waits for pyscript.js
  await asked;
  await expect(page.locator("#before")).toBeVisible(); // the page itself shows…
  await expect(page.locator("#s")).toBeHidden(); // …its Python code doesn't
  expect(await page.evaluate(() => getComputedStyle(document.body, "::before").visibility)).toBe("hidden"); // nor any "didn't start" message yet
  release();
  await opening;
  await py.settled();
  await expect(py.output("#s")).toHaveText("hello world\n");
  expect(await page.evaluate(() => document.documentElement.hasAttribute("data-micropyscript"))).toBe(true);
});

test("pyscript.css is served from the build folder with the rules pyscript.js adds itself", async ({ request }) => {
  const css = await (await request.get("/pyscript.css")).text();
  expect(css).toContain("py-script:not([data-py-state]){display:none}");
  expect(css).toContain("html:not([data-micropyscript]) body::before");
});

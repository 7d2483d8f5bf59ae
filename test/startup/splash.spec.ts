// The splash is a card in a corner, not an overlay: while Python loads, the
// page can be read, clicked and typed in.
import { test, expect } from "../fixtures";

test("while Python loads, the splash shows progress and the page stays usable underneath", async ({ py, page, interpreter }) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const wasm = interpreter === "pyodide" ? "/pyodide/pyodide.asm.wasm" : "/micropython/micropython.wasm";
  await page.route((url) => url.pathname === wasm, async (route) => {
    await held; // a slow network, as long as the test needs
    await route.continue();
  });
  await py.open(`<h1>My page</h1><p>Text to read while Python loads.</p>
<button id="b" onclick="this.textContent = 'clicked'">Click me</button> <input id="i">
<py-script id="s">print("ready")</py-script>`, { wait: "none" });
  const splash = page.locator(".py-splash");
  await expect(splash).toBeVisible();
  await expect(splash).toContainText("Starting Python");
  await page.locator("#b").click(); // fails if something covers the button
  await expect(page.locator("#b")).toHaveText("clicked");
  await page.locator("#i").fill("typed");
  await expect(page.locator("#i")).toHaveValue("typed");
  // The splash covers only its corner: the middle of the page is the page's own.
  expect(await page.evaluate(() => document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.closest(".py-splash") ?? null)).toBeNull();
  release();
  await py.settled();
  await expect(splash).toHaveCount(0);
  await expect(py.output("#s")).toHaveText("ready\n");
});

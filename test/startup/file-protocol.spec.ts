// A page opened from disk (file://) can't load WebAssembly: say so plainly.
import { test, expect, chromium } from "@playwright/test";
import { fileURLToPath } from "node:url";

test("a page opened as file:// explains that it needs a web server", async ({}, testInfo) => {
  // Chromium refuses module scripts from file:// unless told otherwise; Firefox
  // loads them. Let Chromium load pyscript.js to see what such browsers show.
  const options = testInfo.project.use.launchOptions!;
  const browser = await chromium.launch({ ...options, args: [...options.args!, "--allow-file-access-from-files"] });
  try {
    const page = await browser.newPage();
    const uncaught: string[] = [];
    page.on("pageerror", (error) => uncaught.push(error.message));
    await page.goto(`file://${fileURLToPath(new URL("../pages/file-protocol.html", import.meta.url))}`);
    const box = page.locator('.py-error[data-code="file-protocol"]');
    await expect(box).toContainText("opened as a file (file://)");
    await expect(box).toContainText("http://localhost");
    await expect(page.locator("#content")).toHaveText("The page's own content.");
    expect(uncaught).toEqual([]);
  } finally {
    await browser.close();
  }
});

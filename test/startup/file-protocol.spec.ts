// A page opened from disk (file://) can't run Python: it must say so plainly,
// in the browser as people launch it (Chromium refuses module scripts from
// file://, so pyscript.js never runs: pyscript.css says it), and in browsers
// that do run it there (pyscript.js says it).
import { test, expect, chromium, type Page } from "@playwright/test";
import { fileURLToPath } from "node:url";

const PAGE = `file://${fileURLToPath(new URL("../pages/file-protocol.html", import.meta.url))}`;

/** The text pyscript.css shows at the top of the body when pyscript.js never ran, or "" while it shows none. */
const notStartedMessage = (page: Page) => page.evaluate(() => {
  const before = getComputedStyle(document.body, "::before");
  return before.content === "none" || before.visibility === "hidden" ? "" : before.content;
});

test("a page opened as file:// in Chromium, launched the normal way, explains that it needs a web server", async ({ page }) => {
  const uncaught: string[] = [];
  page.on("pageerror", (error) => uncaught.push(error.message));
  const refused = page.waitForEvent("console", (message) => /pyscript\.js/.test(message.text()) && message.type() === "error");
  await page.goto(PAGE);
  await refused; // Chromium refused the module script: nothing of ours runs
  await expect(page.locator("py-script")).toBeHidden(); // the code never shows as text
  await expect.poll(() => notStartedMessage(page), { timeout: 10_000 }).toContain("Opened this page as a file (file://)?");
  expect(await notStartedMessage(page)).toContain("python3 -m http.server");
  await expect(page.locator("#content")).toHaveText("The page's own content.");
  expect(await page.evaluate(() => document.documentElement.hasAttribute("data-micropyscript"))).toBe(false);
  expect(uncaught).toEqual([]);
});

test("where a browser runs module scripts from file:// (Firefox, or Chromium told to), pyscript.js says the same in an error box", async ({}, testInfo) => {
  const options = testInfo.project.use.launchOptions!;
  const browser = await chromium.launch({ ...options, args: [...options.args!, "--allow-file-access-from-files"] });
  try {
    const page = await browser.newPage();
    const uncaught: string[] = [];
    page.on("pageerror", (error) => uncaught.push(error.message));
    await page.goto(PAGE);
    const box = page.locator('.py-error[data-code="file-protocol"]');
    await expect(box).toContainText("opened as a file (file://)");
    await expect(box).toContainText("python3 -m http.server");
    await expect(box).toContainText("http://localhost:8000/");
    await expect(box).not.toContainText("npx serve"); // its clean URLs drop ?interpreter= when redirecting page.html to page
    await expect(page.locator("#content")).toHaveText("The page's own content.");
    expect(await notStartedMessage(page)).toBe(""); // pyscript.js ran: the stylesheet's message never shows
    expect(uncaught).toEqual([]);
  } finally {
    await browser.close();
  }
});

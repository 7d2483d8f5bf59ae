// The report pages are the project's showcase: every one must run cleanly
// on every interpreter, and say which interpreter ran it.
import { test, expect, LABEL } from "../fixtures";
import { readdirSync, readFileSync } from "node:fs";

const site = new URL("../../site/", import.meta.url);
// Pages with live Python (the Interpreters page shows measurements only; it has its own test).
const PAGES = readdirSync(site).filter((file) => file.endsWith(".html") && /<script[^>]+src="[^"]*pyscript\.js"/.test(readFileSync(new URL(file, site), "utf8")));

for (const file of PAGES) {
  test(`the report page ${file} runs all its examples without an error`, async ({ py, page, interpreter }) => {
    await py.goto(`/${file}`);
    await expect(page.locator("#ran-with")).toContainText(LABEL[interpreter]!);
    await expect(page.locator(".py-error")).toHaveCount(0);
  });
}

test("the interpreter switcher reloads the page with ?interpreter=", async ({ py, page, interpreter }) => {
  const other = interpreter === "micropython" ? "pyodide" : "micropython";
  await py.goto("/index.html");
  await page.locator(".switcher select").selectOption(other);
  await page.waitForURL(new RegExp(`interpreter=${other}`));
  await py.settled();
  await expect(page.locator("#ran-with")).toContainText(other === "pyodide" ? "Pyodide" : "MicroPython");
});

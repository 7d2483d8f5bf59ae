// Output at any rate: long output reads exactly as printed, and a worker
// printing without end leaves the page drawing and Stop working, with a note
// where output had to be skipped.
import { test, expect } from "../fixtures";

test("long output (600 kB) reads exactly as printed, laid out in parts, with an input() field right after it", async ({ py, page }) => {
  await py.open(`<py-script id="long">
for i in range(20000):
    print(f"line {i:05d} " + "-" * 20)
print("last line")
</py-script>`);
  const text = await py.output("#long").textContent();
  const lines = text!.split("\n");
  expect(lines.length).toBe(20002);
  expect(lines[0]).toBe("line 00000 --------------------");
  expect(lines[19999]).toBe("line 19999 --------------------");
  expect(lines[20000]).toBe("last line");
  expect(await page.locator("#long .py-output-part").count()).toBeGreaterThan(10);
  await expect(page.locator(".py-error")).toHaveCount(0);
});

test("a worker printing without end keeps the page answering: Stop ends it, and skipped output is said", async ({ py, page, interpreter }) => {
  if (interpreter === "pyodide") test.slow();
  await py.open(`<button id="ping" onclick="this.textContent = 'pong'">ping</button>
<py-script worker="flood" id="flood">
line = "x" * 10000  # 10 kB a line: far more than a page can show
i = 0
while True:
    print("line", i, line)
    i += 1
</py-script>`, { wait: "none" });
  // Some line shows (which one depends on what the page had to skip).
  await expect(page.locator("#flood .py-output")).toContainText(/line \d+ x{100}/, { timeout: 60_000 });
  // The note is stderr text of its own: looking for it there doesn't read megabytes of output each time.
  await expect(page.locator("#flood .py-stderr").first()).toContainText("of output skipped", { timeout: 60_000 });
  await page.click("#ping");
  await expect(page.locator("#ping")).toHaveText("pong");
  await page.click("#flood .py-stop");
  await expect(page.locator("#flood")).toHaveAttribute("data-py-state", "stopped");
  await expect(page.locator("#flood .py-stopped")).toBeVisible();
});

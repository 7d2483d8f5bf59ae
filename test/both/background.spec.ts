// Code that ends or fails away from its script: sys.exit() in a script, a handler or a task, and
// exceptions in background asyncio tasks, which belong to the tag that started them.
import { test, expect } from "../fixtures";

test("sys.exit() in a script, a @when handler or an asyncio task ends just that code, with no error", async ({ py, page }) => {
  await py.open(`<button id="go">go</button>
<py-script id="script">
import sys
print("before")
sys.exit()
print("never")
</py-script>
<py-script id="handler">
import asyncio, sys
from pyscript import when
async def quits():
    print("task ran")
    raise SystemExit(3)
asyncio.create_task(quits())
@when("click", "#go")
def go(event):
    print("clicked")
    sys.exit()
</py-script>
<py-script id="next">print("next script runs")</py-script>`);
  await expect(py.output("#script")).toHaveText("before\n");
  await expect(py.output("#next")).toHaveText("next script runs\n");
  await page.click("#go");
  await expect(py.output("#handler")).toContainText("clicked\n");
  await page.click("#go");
  await expect(py.output("#handler")).toContainText("clicked\nclicked\n");
  await expect(page.locator(".py-error")).toHaveCount(0);
  expect(await page.evaluate(() => (window as any).__events.filter((e: { name: string }) => e.name === "py-error").length)).toBe(0);
});

test("an exception in a background asyncio task is shown at the tag that started it, with a py-error event", async ({ py, page }) => {
  await py.open(`<py-script id="first">print("first")</py-script>
<py-script id="starter">
import asyncio
async def fails():
    await asyncio.sleep(0.01)
    raise ValueError("task broke")
asyncio.create_task(fails())
</py-script>
<py-script id="last">print("last")</py-script>`);
  const box = page.locator("#starter .py-error");
  await expect(box).toContainText("ValueError: task broke");
  await expect(box).toContainText("in fails");
  await expect(page.locator(".py-error")).toHaveCount(1);
  await expect(py.output("#last")).toHaveText("last\n");
  const errors = await page.evaluate(() => (window as any).__events.filter((e: { name: string }) => e.name === "py-error").map((e: any) => e.detail.code));
  expect(errors).toEqual(["python"]);
});

test("a background asyncio task prints into the tag that started it, even after that script ended", async ({ py, page }) => {
  await py.open(`<button id="go">go</button>
<py-script id="starter">
import asyncio
async def ticks():
    for i in range(3):
        await asyncio.sleep(0.01)
        print("tick", i)
asyncio.create_task(ticks())
print("started")
</py-script>
<py-script id="other">
import asyncio
await asyncio.sleep(0.1)
print("other")
</py-script>`);
  await expect(py.output("#starter")).toHaveText("started\ntick 0\ntick 1\ntick 2\n");
  await expect(py.output("#other")).toHaveText("other\n");
});

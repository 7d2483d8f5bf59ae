import { expect, test } from "../fixtures.js";

test.use({ interpreter: "cpython" });

test("scripts run in order with shared globals, output in their tags", async ({ py }) => {
  test.slow();
  await py.open(`
<py-script id="a">import sys
x = 40
print("hello from", sys.implementation.name)</py-script>
<py-script id="b">print(x + 2)
1/0</py-script>
<py-script id="c">print("still runs")</py-script>`);
  await expect(py.output("#a")).toHaveText("hello from cpython");
  await expect(py.output("#b")).toContainText("42");
  await expect(py.page.locator("#b .py-error")).toContainText("ZeroDivisionError");
  await expect(py.output("#c")).toHaveText("still runs");
  py.expectClean();
});

// With no interpreter configured, the page's Python <script> tags choose it,
// as in PyScript: "py" means Pyodide, "mpy" MicroPython; <py-script> pages
// keep our default, MicroPython.
import { test, expect } from "../fixtures";

for (const [type, expected] of [["py", "cpython"], ["mpy", "micropython"]] as const) {
  test(`a page whose first script is <script type="${type}"> runs on ${expected === "cpython" ? "Pyodide" : "MicroPython"} unless configured`, async ({ py, page }) => {
    await py.open(`<script type="${type}" terminal>import sys; print(sys.implementation.name)</script>`, { chooseInterpreter: false });
    await expect(page.locator(".py-script-output .py-output")).toHaveText(`${expected}\n`);
  });
}

test("a configured interpreter wins over the script types", async ({ py, page }) => {
  await py.open(`<py-config>{"interpreter": "micropython"}</py-config><script type="py" terminal>import sys; print(sys.implementation.name)</script>`, { chooseInterpreter: false });
  await expect(page.locator(".py-script-output .py-output")).toHaveText("micropython\n");
});

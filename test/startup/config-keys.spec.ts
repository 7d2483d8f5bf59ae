// A config key nothing reads is a warning on the page, not silence: a typo
// names its likely meaning; keys plugins declare, and PyScript's, pass.
import { test, expect } from "../fixtures";

test('a misspelt key ("fils") is a warning that suggests "files", and the page still runs', async ({ py, page }) => {
  await py.open(`<py-config>{"fils": {"a.py": "./hello.py"}, "plugins": [], "experimental_create_proxy": "auto"}</py-config>
<py-script id="s">print("still running")</py-script>`);
  const warning = page.locator('.py-warning[data-code="config-key"]');
  await expect(warning).toHaveCount(1);
  await expect(warning).toContainText('has a key nothing reads: "fils". Did you mean "files"?');
  await expect(py.output("#s")).toHaveText("still running\n");
});

test("a key a plugin declares in configKeys is not warned about", async ({ py, page }) => {
  await py.open(`<py-config>{"theme": "dark", "colour": "red"}</py-config>
<script>
  document.addEventListener("py-configured", () => PyScript.registerPlugin({ name: "themer", configKeys: ["theme"] }), { once: true });
</script>
<py-script id="s">print("ok")</py-script>`);
  await expect(py.output("#s")).toHaveText("ok\n");
  const warning = page.locator('.py-warning[data-code="config-key"]');
  await expect(warning).toHaveCount(1);
  await expect(warning).toContainText('"colour"');
});

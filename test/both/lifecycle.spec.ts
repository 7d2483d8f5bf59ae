// The lifecycle contract: the eight events in order with their details,
// plugins at every stage (early, late, throwing), and window.PyScript.
import { test, expect } from "../fixtures";

const LIFECYCLE = ["py-configured", "py-plugin-registered", "py-file-fetched", "py-interpreter-loaded",
  "py-plugin-started", "py-interpreter-ready", "py-files-loaded", "py-finished-setup"];

test("the eight lifecycle events fire in their causal order, with their documented details", async ({ py, page, interpreter }) => {
  await py.open(`<py-config>{"files": {"arrr.py": "./arrr.py"}}</py-config><py-script>print(1)</py-script>`);
  const seen = await page.evaluate(() => (window as any).__events
    .filter((e: any) => e.name !== "py-progress" && e.name !== "py-print")
    .map(({ name, detail }: any) => ({
      name,
      detail: name === "py-configured" ? detail.interpreter
        : name === "py-plugin-registered" || name === "py-plugin-started" ? [detail.plugin.name, detail.config.interpreter]
        : name === "py-file-fetched" ? [detail.path, detail.content.length]
        : name === "py-interpreter-ready" ? detail.info.name
        : name === "py-finished-setup" ? detail.interpreter === window.PyScript.interpreter
        : detail,
    })));
  const arrrSize = (await (await page.request.get("/test/arrr.py")).body()).length;
  expect(seen).toHaveLength(10);
  expect(new Set(seen)).toEqual(new Set([
    { name: "py-configured", detail: interpreter },
    { name: "py-plugin-registered", detail: ["py-script", interpreter] },
    { name: "py-plugin-registered", detail: ["pyscript-module", interpreter] },
    { name: "py-file-fetched", detail: ["arrr.py", arrrSize] },
    { name: "py-interpreter-loaded", detail: interpreter },
    { name: "py-plugin-started", detail: ["py-script", interpreter] },
    { name: "py-plugin-started", detail: ["pyscript-module", interpreter] },
    { name: "py-interpreter-ready", detail: interpreter },
    { name: "py-files-loaded", detail: null },
    { name: "py-finished-setup", detail: true },
  ]));
  // Files, plugins and the interpreter load in parallel, so their events may
  // interleave; each event still comes after everything it depends on.
  const at = (name: string) => seen.findIndex((e: any) => e.name === name);
  expect(at("py-configured")).toBe(0);
  expect(at("py-plugin-registered")).toBeLessThan(at("py-plugin-started"));
  expect(at("py-interpreter-loaded")).toBeLessThan(at("py-plugin-started"));
  expect(at("py-interpreter-loaded")).toBeLessThan(at("py-interpreter-ready"));
  expect(at("py-file-fetched")).toBeLessThan(at("py-files-loaded"));
  expect(at("py-interpreter-ready")).toBeLessThan(at("py-files-loaded"));
  expect(at("py-finished-setup")).toBe(seen.length - 1);
});

test("a plugin registered on py-configured is configured before files are fetched, and may add files", async ({ py, page }) => {
  await page.addInitScript(() => {
    document.addEventListener("py-configured", () => {
      window.PyScript.registerPlugin({
        name: "adds-a-file",
        configure(config) { config.files["added.py"] = "./hello.py"; },
      });
    });
  });
  await py.open(`<py-script id="out">import added</py-script>`);
  await expect(py.output("#out")).toContainText("Hello from");
  const names = await py.events();
  expect(names.indexOf("py-plugin-registered")).toBeLessThan(names.indexOf("py-file-fetched"));
});

test("a plugin registered after setup gets configure, start and onInterpreterReady at once, with both events", async ({ py, page }) => {
  await py.open(`<py-script>x = 6 * 7</py-script>`);
  const result = await page.evaluate(async () => {
    const calls: string[] = [];
    const events: string[] = [];
    document.addEventListener("py-plugin-registered", (e) => events.push(`registered:${e.detail.plugin.name}`));
    document.addEventListener("py-plugin-started", (e) => events.push(`started:${e.detail.plugin.name}`));
    let value: unknown;
    await new Promise<void>((done) => window.PyScript.registerPlugin({
      name: "late",
      configure: () => { calls.push("configure"); },
      start: () => { calls.push("start"); },
      onInterpreterReady: (_config, interpreter) => {
        calls.push("onInterpreterReady");
        // CPython can't run code while JavaScript waits: its runSync gives a promise.
        void Promise.resolve(interpreter.runSync("x")).then((result) => (value = result, done()));
      },
    }));
    return { calls, events, value, plugins: window.PyScript.plugins.map((p) => p.name) };
  });
  expect(result).toEqual({
    calls: ["configure", "start", "onInterpreterReady"],
    events: ["registered:late", "started:late"],
    value: 42,
    plugins: ["py-script", "pyscript-module", "late"],
  });
});

test("a throwing plugin is reported by name, and other plugins and the page go on", async ({ py, page }) => {
  await page.addInitScript(() => {
    document.addEventListener("py-configured", () => {
      window.PyScript.registerPlugin({ name: "broken", start() { throw new Error("kaput"); } });
      window.PyScript.registerPlugin({ name: "fine", onInterpreterReady() { document.title = "fine plugin ran"; } });
    });
  });
  await py.open(`<py-script id="out">print("page works")</py-script>`);
  await expect(py.errors("plugin-hook")).toContainText('Plugin "broken" failed in start(): kaput');
  await expect(page).toHaveTitle("fine plugin ran");
  await expect(py.output("#out")).toHaveText("page works\n");
});

test("registerPlugin with something that is not a plugin is a visible error", async ({ py, page }) => {
  await py.open(`<py-script>pass</py-script>`);
  await page.evaluate(() => window.PyScript.registerPlugin({ configure() {} } as any));
  await expect(py.errors("plugin-hook")).toContainText("not a plugin");
});

test("a plugin registered twice runs once with a warning; a nameless plugin referring to itself is a clear error", async ({ py, page }) => {
  await page.addInitScript(() => {
    document.addEventListener("py-configured", () => {
      const twice = { name: "twice", onInterpreterReady() { (window as any).__runs = ((window as any).__runs ?? 0) + 1; } };
      window.PyScript.registerPlugin(twice);
      window.PyScript.registerPlugin(twice);
      const selfish: any = { configure() {} };
      selfish.me = selfish;
      window.PyScript.registerPlugin(selfish);
    });
  });
  await py.open(`<py-script id="out">print("page works")</py-script>`);
  await expect(page.locator('.py-warning[data-code="plugin-hook"]')).toContainText('Plugin "twice" was registered twice');
  await expect(py.errors("plugin-hook")).toContainText("an object with configure, me, which is not a plugin");
  await expect(py.output("#out")).toHaveText("page works\n");
  expect(await page.evaluate(() => (window as any).__runs)).toBe(1);
});

test("a plugin hook that never finishes is reported by name after pluginTimeout, and the page's scripts run", async ({ py, page }) => {
  await page.addInitScript(() => {
    document.addEventListener("py-configured", () => {
      window.PyScript.registerPlugin({ name: "stuck-configure", configure: () => new Promise<void>(() => {}) });
      window.PyScript.registerPlugin({ name: "stuck-start", start: () => new Promise<void>(() => {}) });
    });
  });
  await py.open(`<py-config>{"pluginTimeout": 300}</py-config><py-script id="out">print("page works")</py-script>`);
  await expect(py.output("#out")).toHaveText("page works\n");
  await expect(py.errors("plugin-hook")).toHaveCount(2);
  await expect(py.errors("plugin-hook").first()).toContainText('Plugin "stuck-configure" did not finish configure() within 0.3 s');
  await expect(py.errors("plugin-hook").last()).toContainText('Plugin "stuck-start" did not finish start() within 0.3 s');
});

test("runPython throws a clear error before Python is ready and returns values after", async ({ py, page }) => {
  await page.addInitScript(() => {
    document.addEventListener("py-configured", () => {
      try {
        window.PyScript.runPython("1");
      } catch (error: any) {
        (window as any).early = [error.name, error.code, error.hint];
      }
    });
  });
  await py.open(`<py-script>answer = 42</py-script>`);
  expect(await page.evaluate(() => (window as any).early)).toEqual(["PyScriptError", "not-ready", expect.stringContaining("await PyScript.ready")]);
  expect(await page.evaluate(() => window.PyScript.runPython("answer"))).toBe(42);
  expect(await page.evaluate(() => window.PyScript.runPython("x = 2\nx * 21"))).toBe(42);
  expect(await page.evaluate(() => window.PyScript.runPython("'py' + 'thon'"))).toBe("python");
  expect(await page.evaluate(() => window.PyScript.runPython("[1, 2.5, {'a': [True, None]}]"))).toEqual([1, 2.5, { a: [true, null] }]);
  expect(await page.evaluate(() => window.PyScript.runPython("y = 1"))).toBeUndefined();
  expect(await page.evaluate(() => window.PyScript.runPythonAsync("import asyncio\nawait asyncio.sleep(0)\nanswer + 1"))).toBe(
    py.interpreter === "micropython" ? undefined : 43); // MicroPython can't return values from awaiting code
});

test("runPython raises Python errors as PyScriptError with the Python type and a clean traceback", async ({ py, page }) => {
  await py.open(`<py-script>pass</py-script>`);
  const error = await page.evaluate(async () => {
    try {
      await window.PyScript.runPython("def f():\n    return {}['missing']\nf()"); // a promise on CPython

    } catch (e: any) {
      return { name: e.name, code: e.code, type: e.pythonType, message: e.message, traceback: e.traceback, isError: e instanceof Error };
    }
  });
  expect(error).toMatchObject({ name: "PyScriptError", code: "python", type: "KeyError", isError: true });
  expect(error!.message).toContain("KeyError");
  expect(error!.traceback).toContain('File "<string>", line 2, in f');
  expect(error!.traceback).not.toContain("_pyodide");
});

test("window.PyScript shows the config, plugins, interpreters, state and stage timings", async ({ py, page, interpreter }) => {
  await py.open(`<py-config>{"custom": {"kept": true}}</py-config><py-script>pass</py-script>`);
  const api = await page.evaluate(() => {
    const p = window.PyScript;
    return {
      interpreter: p.config!.interpreter,
      custom: p.config!.custom,
      frozen: Object.isFrozen(p.config),
      plugins: p.plugins.map((x) => x.name),
      available: Object.fromEntries(Object.entries(p.availableInterpreters).map(([k, v]) => [k, [v.label, typeof v.version]])),
      ready: p.isInterpreterReady,
      running: p.interpreter!.info.name,
      version: p.interpreter!.version,
      timings: Object.keys(p.timings),
      assignable: (() => { try { (p as any).config = {}; } catch { /* strict mode */ } return p.config!.interpreter === undefined; })(),
    };
  });
  expect(api).toMatchObject({
    interpreter,
    custom: { kept: true },
    frozen: true,
    plugins: ["py-script", "pyscript-module"],
    available: { micropython: ["MicroPython", "string"], pyodide: ["Pyodide", "string"] },
    ready: true,
    running: interpreter,
    assignable: false,
  });
  expect(api.version).toMatch(/^3\.\d+/);
  expect(api.timings).toEqual(expect.arrayContaining(LIFECYCLE.filter((n) => !n.startsWith("py-plugin") && n !== "py-file-fetched")));
});

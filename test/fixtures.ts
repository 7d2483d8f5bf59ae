/**
 * Shared test fixtures. Every test gets:
 * - `interpreter`: the interpreter its project runs (test/both/ runs under each);
 * - `py`: helpers to open a page with that interpreter and wait for it to settle;
 * - and two checks after it ends: no uncaught exception reached the page,
 *   and no request left the page's origin (we self-host everything).
 */
import { test as base, expect, type Page, type Locator } from "@playwright/test";

export { expect };

/** Each interpreter's name as the page shows it. */
export const LABEL: Record<string, string> = { micropython: "MicroPython", pyodide: "Pyodide", cpython: "CPython" };

const EVENTS = ["py-configured", "py-plugin-registered", "py-file-fetched", "py-interpreter-loaded", "py-plugin-started",
  "py-interpreter-ready", "py-files-loaded", "py-package-installed", "py-finished-setup", "py-error", "py-progress", "py-print"];

/** An HTML page around `body`, loading pyscript.js last, as authors write it. */
export function pageHTML(body: string, head = ""): string {
  return `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">${head}</head><body>\n${body}\n<script type="module" src="/pyscript.js"></script>\n</body></html>\n`;
}

export interface OpenOptions {
  /** Extra HTML for <head>. */
  head?: string;
  /** Extra query string, e.g. "debug=1". */
  query?: string;
  /** "settled" (default): until setup ends and every <py-script> ran; "none": just load. */
  wait?: "settled" | "none";
  /** Pass `?interpreter=` for this test's interpreter (default: true). */
  chooseInterpreter?: boolean;
  /** Serve the page cross-origin isolated (COOP/COEP), from the second test server. */
  isolated?: boolean;
  /**
   * Let Pyodide use and make memory snapshots (default: false, `?snapshot=0`):
   * every test runs in a fresh browser context, so a snapshot made in the
   * background would never be used, only slow the suite down.
   */
  snapshot?: boolean;
}

/** The same files, served with COOP/COEP: the second test server (see playwright.config.ts). */
export function isolatedOrigin(baseURL: string): string {
  const url = new URL(baseURL);
  url.port = String(Number(url.port) + 1);
  return url.origin;
}

const ISOLATION_HEADERS = { "Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Embedder-Policy": "require-corp" };

export class Py {
  constructor(readonly page: Page, readonly interpreter: string, readonly baseURL: string,
    private problems: { uncaught: string[]; foreign: string[] } = { uncaught: [], foreign: [] }) {}

  /** Assert now what the fixture also checks at the end: nothing threw, nothing left the origin. */
  expectClean(): void {
    expect(this.problems.uncaught, "uncaught exceptions on the page").toEqual([]);
    expect(this.problems.foreign, "requests that left the page's origin").toEqual([]);
  }

  /** Serve `body` (wrapped by {@link pageHTML}) as a page under /test/ and open it. */
  async open(body: string, options: OpenOptions = {}): Promise<void> {
    const name = `generated-${Math.random().toString(36).slice(2)}.html`;
    const headers = options.isolated ? ISOLATION_HEADERS : {};
    await this.page.route((url) => url.pathname === `/test/${name}`, (route) => route.fulfill({ body: pageHTML(body, options.head), contentType: "text/html", headers }));
    await this.goto(`/test/${name}`, options);
  }

  /** Open a page by path with this test's interpreter. */
  async goto(path: string, options: OpenOptions = {}): Promise<void> {
    const params = new URLSearchParams(options.query ?? "");
    if (options.chooseInterpreter !== false) params.set("interpreter", this.interpreter);
    if (!options.snapshot && !params.has("snapshot")) params.set("snapshot", "0");
    const origin = options.isolated ? isolatedOrigin(this.baseURL) : "";
    await this.page.goto(`${origin}${path}${path.includes("?") ? "&" : "?"}${params}`);
    if (options.wait !== "none") await this.settled();
  }

  /** Wait until setup finished (or failed) and every page script (<py-script>, <script type="py">…) has run. */
  async settled(): Promise<"ready" | "failed"> {
    // Poll a page global rather than awaiting PyScript.ready through the
    // protocol: Chromium may collect a promise the protocol is awaiting.
    const outcome = await (await this.page.waitForFunction(() => {
      const page = window as unknown as { PyScript?: Window["PyScript"]; __pyOutcome?: "ready" | "failed" | "waiting" };
      if (!page.PyScript) return false;
      if (!page.__pyOutcome) {
        page.__pyOutcome = "waiting";
        page.PyScript.ready.then(() => (page.__pyOutcome = "ready"), () => (page.__pyOutcome = "failed"));
      }
      return page.__pyOutcome !== "waiting" && page.__pyOutcome;
    })).jsonValue() as "ready" | "failed";
    if (outcome === "ready") {
      await this.page.waitForFunction(() => [...document.querySelectorAll('py-script, script[type="py" i], script[type="mpy" i], script[type="micropython" i], script[type="pyodide" i]')]
        .every((tag) => ["done", "error", "stopped"].includes(tag.getAttribute("data-py-state") ?? "")));
    }
    return outcome;
  }

  /** The text a <py-script> (or any element) printed. */
  output(selector: string): Locator {
    return this.page.locator(`${selector} .py-output`);
  }

  /** Error boxes, optionally those with a given code. */
  errors(code?: string): Locator {
    return this.page.locator(code ? `.py-error:not(.py-warning)[data-code="${code}"]` : ".py-error:not(.py-warning)");
  }

  /** Names of the lifecycle events seen so far, in order. */
  events(): Promise<string[]> {
    return this.page.evaluate(() => (window as any).__events.map((e: { name: string }) => e.name));
  }
}

export const test = base.extend<{ interpreter: string; py: Py }>({
  interpreter: ["micropython", { option: true }],
  py: async ({ page, interpreter, baseURL }, use) => {
    const uncaught: string[] = [];
    const foreign: string[] = [];
    page.on("pageerror", (error) => uncaught.push(error.message));
    const ours = [new URL(baseURL!).origin, isolatedOrigin(baseURL!)];
    page.on("request", (request) => {
      const url = request.url();
      if (!/^(data|blob):/.test(url) && !ours.includes(new URL(url).origin)) foreign.push(url);
    });
    await page.addInitScript((names) => {
      (window as any).__events = [];
      for (const name of names) document.addEventListener(name, (e) => (window as any).__events.push({ name, detail: (e as CustomEvent).detail }));
    }, EVENTS);
    const py = new Py(page, interpreter, baseURL!, { uncaught, foreign });
    await use(py);
    py.expectClean();
  },
});

/**
 * Drive a <py-repl>'s terminal as a person would: focus it, type and press
 * keys with real key events, paste through the clipboard (Ctrl+V), and read
 * what the screen shows: xterm's rows, as text.
 */
import { expect, type Locator, type Page } from "@playwright/test";

/** A page body with `body`, loading py-repl.js (pageHTML adds pyscript.js after it). */
export function withRepl(body: string): string {
  return `${body}\n<script type="module" src="/py-repl.js"></script>`;
}

export class Terminal {
  readonly tag: Locator;

  constructor(readonly page: Page, selector = "py-repl") {
    this.tag = page.locator(selector);
  }

  /** Wait until the session is open and its initial code has run. */
  async ready(): Promise<void> {
    // Python may take long to start on a busy machine: wait for it (bounded by the test's time), then for the session.
    await this.page.waitForFunction(() => window.PyScript?.isInterpreterReady || document.querySelector(".py-error"));
    await expect(this.tag).toHaveAttribute("data-py-state", "ready", { timeout: 30_000 });
  }

  async focus(): Promise<void> {
    await this.tag.locator(".xterm-helper-textarea").focus();
  }

  async type(text: string): Promise<void> {
    await this.focus();
    await this.page.keyboard.type(text);
  }

  /** Type a line, then Enter. */
  async enter(line = ""): Promise<void> {
    await this.type(line);
    await this.page.keyboard.press("Enter");
  }

  async press(...keys: string[]): Promise<void> {
    await this.focus();
    for (const key of keys) await this.page.keyboard.press(key);
  }

  /** Put `text` on the clipboard and paste it with Ctrl+V. */
  async paste(text: string): Promise<void> {
    await this.page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await this.page.evaluate((copied) => navigator.clipboard.writeText(copied), text);
    await this.press("ControlOrMeta+V");
  }

  /** The screen's rows, without trailing spaces. */
  lines(): Promise<string[]> {
    return this.tag.locator(".xterm-rows").evaluate((rows) =>
      [...rows.children].map((row) => (row.textContent ?? "").replace(/\u00a0/g, " ").trimEnd()));
  }

  /** The screen as text, without trailing blank rows. */
  async screen(): Promise<string> {
    return (await this.lines()).join("\n").trimEnd();
  }

  /** Wait until the screen shows these lines, one after the other. */
  async shows(...lines: string[]): Promise<void> {
    await expect.poll(() => this.screen(), { message: `the terminal shows ${JSON.stringify(lines)}` }).toContain(lines.join("\n"));
  }

  /** Wait until the screen ends with these lines (the last is usually the prompt). */
  async endsWith(...lines: string[]): Promise<void> {
    await expect.poll(() => this.screen(), { message: `the terminal ends with ${JSON.stringify(lines)}` }).toMatch(
      new RegExp(`(^|\\n)${lines.map(escape).join("\\n")}$`));
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The terminal a `<py-repl>` shows: xterm.js (bundled into `py-repl.js`,
 * with its stylesheet), as wide as its tag and a fixed number of rows tall,
 * light text on a dark background. It reports what people do in two kinds:
 * keys as the terminal encodes them, and pasted text, which xterm marks
 * ("bracketed paste") so a REPL can tell a pasted block from typing.
 */
import { Terminal } from "@xterm/xterm";
import { FitAddon } from "@xterm/addon-fit";
import xtermCSS from "@xterm/xterm/css/xterm.css";
import type { Stream } from "../interpreters/interpreter.js";
import { addStyleSheet } from "../styles.js";

/** A terminal on the page, as `<py-repl>` uses it. */
export interface TerminalView {
  /** Show Python's text (VT100; `\n` is a new line); stderr shows in red. */
  write(text: string, stream?: Stream): void;
  /** Send typed keys to `keys` and pasted text (newlines as `\n`) to `paste`. */
  listen(keys: (data: string) => void, paste: (text: string) => void): void;
  focus(): void;
  dispose(): void;
}

const CSS = `${xtermCSS}
py-repl{display:block;margin:.75em 0}
py-repl:not([data-py-state]){visibility:hidden}
.py-repl-terminal{padding:.5em .6em;border-radius:6px;background:#1e2030}
`;

/** Colours with good contrast on the dark background (WCAG AA for normal text). */
const THEME = {
  background: "#1e2030",
  foreground: "#e4e7ef",
  cursor: "#f5c542",
  selectionBackground: "#3d4470",
  red: "#ff7b7b",
  brightRed: "#ff9e9e",
};

const PASTE_START = "\x1b[200~";
const PASTE_END = "\x1b[201~";
/** Bracketed paste (pastes arrive marked), and reverse wrap-around (backspace moves up across a wrapped row). */
const MODES = "\x1b[?2004h\x1b[?45h";

/** Open a terminal `rows` rows tall in `host`. */
export function openTerminal(host: HTMLElement, rows: number): TerminalView {
  injectReplStyles();
  const box = document.createElement("div");
  box.className = "py-repl-terminal";
  host.append(box);
  const terminal = new Terminal({
    rows,
    convertEol: true, // MicroPython ends its own output's lines with a bare \n
    cursorBlink: true,
    fontSize: 14,
    lineHeight: 1.15,
    fontFamily: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace',
    scrollback: 5000,
    theme: THEME,
  });
  const fit = new FitAddon();
  terminal.loadAddon(fit);
  terminal.attachCustomKeyEventHandler((event) => !isClipboardKey(event, terminal));
  terminal.open(box);
  terminal.write(MODES);
  fitWidth(terminal, fit, rows);
  const resizing = new ResizeObserver(() => fitWidth(terminal, fit, rows));
  resizing.observe(box);

  return {
    write: (text, stream = "stdout") => terminal.write(stream === "stderr" ? `\x1b[31m${text}\x1b[39m` : text),
    listen: (keys, paste) => terminal.onData((data) => splitPastes(data, keys, paste)),
    focus: () => terminal.focus(),
    dispose: () => (resizing.disconnect(), terminal.dispose(), box.remove()),
  };
}

/**
 * Ctrl+V pastes and Ctrl+C with text selected copies, as people expect in a
 * page (a terminal would send ^V and ^C): the browser handles those keys.
 */
function isClipboardKey(event: KeyboardEvent, terminal: Terminal): boolean {
  if (event.type !== "keydown" || !(event.ctrlKey || event.metaKey) || event.altKey) return false;
  const key = event.key.toLowerCase();
  return key === "v" || (key === "c" && terminal.hasSelection());
}

/** As many columns as fit the tag's width (at least 20); the rows stay as asked. */
function fitWidth(terminal: Terminal, fit: FitAddon, rows: number): void {
  const cols = fit.proposeDimensions()?.cols; // undefined while the tag is hidden
  if (cols && !Number.isNaN(cols) && cols !== terminal.cols) terminal.resize(Math.max(20, cols), rows);
}

/** Route typed keys and bracketed pastes; xterm turned a paste's newlines into \r. */
function splitPastes(data: string, keys: (data: string) => void, paste: (text: string) => void): void {
  let rest = data;
  while (rest) {
    const start = rest.indexOf(PASTE_START);
    if (start === -1) return keys(rest);
    if (start > 0) keys(rest.slice(0, start));
    const end = rest.indexOf(PASTE_END, start);
    paste(rest.slice(start + PASTE_START.length, end === -1 ? undefined : end).replace(/\r/g, "\n"));
    rest = end === -1 ? "" : rest.slice(end + PASTE_END.length);
  }
}

/** Add xterm's stylesheet and ours to the page (once); it also hides tags until they are claimed. */
export function injectReplStyles(): void {
  addStyleSheet("py-repl-styles", CSS);
}

/**
 * A small line editor for REPLs whose runtime has none (Pyodide's console
 * takes whole lines): the text after the prompt, a cursor in it, and a
 * history. Each edit is drawn with the fewest terminal moves: backspace
 * characters to go left (they cross wrapped rows when the terminal has
 * reverse wrap-around on), rewriting the text to go right.
 * Text is held as code points, so an emoji is one character.
 */
import { KEY, isPrintable } from "./keys.js";

/**
 * The line being typed at a prompt. The REPL owns the prompt and Enter;
 * the editor draws everything between them through `write`.
 */
export class LineEditor {
  private chars: string[] = [];
  private cursor = 0;
  private history: string[] = [];
  private recalled = 0; // how far back in history ↑ has gone (0: the line being typed)
  private draft = ""; // the line being typed, kept while browsing history

  constructor(private write: (text: string) => void) {}

  /** The line so far. */
  get text(): string {
    return this.chars.join("");
  }

  /** The text left of the cursor (what Tab completes). */
  get beforeCursor(): string {
    return this.chars.slice(0, this.cursor).join("");
  }

  /** Apply an editing key; returns false if it isn't one. */
  edit(key: string): boolean {
    const { chars, cursor } = this;
    switch (key) {
      case KEY.left: return this.show(chars, Math.max(0, cursor - 1));
      case KEY.right: return this.show(chars, Math.min(chars.length, cursor + 1));
      case KEY.home: case KEY.ctrlA: return this.show(chars, 0);
      case KEY.end: return this.show(chars, chars.length);
      case KEY.backspace: return this.backspace();
      case KEY.delete: case KEY.ctrlD: return this.show(without(chars, cursor, cursor + 1), cursor);
      case KEY.ctrlK: return this.show(chars.slice(0, cursor), cursor);
      case KEY.ctrlU: return this.show(chars.slice(cursor), 0);
      case KEY.up: return this.recall(this.recalled + 1);
      case KEY.down: return this.recall(this.recalled - 1);
      default:
        if (!isPrintable(key)) return false;
        this.insert(key);
        return true;
    }
  }

  /** Insert text at the cursor (a paste, a completion, an indent). */
  insert(text: string): void {
    this.replaceBefore(0, text);
  }

  /** Replace the `count` characters left of the cursor with `text` (a completion). */
  replaceBefore(count: number, text: string): void {
    const start = this.cursor - count;
    this.show([...this.chars.slice(0, start), ...text, ...this.chars.slice(this.cursor)], start + [...text].length);
  }

  /** Take the finished line (Enter): clears the editor and remembers the line. */
  take(): string {
    const line = this.text;
    if (line.trim() && line !== this.history[this.history.length - 1]) this.history.push(line);
    this.reset();
    return line;
  }

  /** Forget the line without drawing anything (after Ctrl-C, or once it was entered). */
  reset(text = ""): void {
    this.chars = [...text];
    this.cursor = this.chars.length;
    this.recalled = 0;
  }

  /**
   * Move the terminal's cursor past the end of the line, before writing
   * below it (Enter, a completion list). The editor keeps its own cursor:
   * follow with reset() or redraw().
   */
  leave(): void {
    const rest = this.chars.slice(this.cursor).join("");
    if (rest) this.write(rest);
  }

  /** Draw the whole line again after the prompt (after a completion list, a cleared screen). */
  redraw(): void {
    this.write(this.text + "\b".repeat(this.chars.length - this.cursor));
  }

  /** Backspace; inside leading spaces it removes a whole indent level, as MicroPython's does. */
  private backspace(): boolean {
    const before = this.beforeCursor;
    if (!before) return true;
    const width = /^ +$/.test(before) ? (before.length - 1) % 4 + 1 : 1;
    return this.show(without(this.chars, this.cursor - width, this.cursor), this.cursor - width);
  }

  private recall(depth: number): boolean {
    if (depth < 0 || depth > this.history.length) return true;
    if (this.recalled === 0) this.draft = this.text;
    this.recalled = depth;
    const line = depth === 0 ? this.draft : this.history[this.history.length - depth]!;
    return this.show([...line], [...line].length);
  }

  /**
   * Make the screen show `chars` with the cursor at `cursor`: step back to
   * the first changed character, rewrite from there, blank out what is left
   * of the old line, and step back to the cursor.
   */
  private show(next: string[], cursor: number): true {
    const old = this.chars;
    let same = 0;
    while (same < old.length && same < next.length && old[same] === next[same]) same++;
    if (same === old.length && same === next.length) return this.moveTo(cursor); // only the cursor moves
    let out = this.cursor > same ? "\b".repeat(this.cursor - same) : old.slice(this.cursor, same).join("");
    const extra = Math.max(0, old.length - next.length);
    out += next.slice(same).join("") + " ".repeat(extra) + "\b".repeat(next.length - cursor + extra);
    this.chars = next;
    this.cursor = cursor;
    if (out) this.write(out);
    return true;
  }

  /** Move the cursor along the unchanged line: back with \b, forward by rewriting what it passes. */
  private moveTo(cursor: number): true {
    const out = cursor < this.cursor ? "\b".repeat(this.cursor - cursor) : this.chars.slice(this.cursor, cursor).join("");
    this.cursor = cursor;
    if (out) this.write(out);
    return true;
  }
}

function without(chars: string[], from: number, to: number): string[] {
  return [...chars.slice(0, from), ...chars.slice(to)];
}

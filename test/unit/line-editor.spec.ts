// LineEditor (the line after a prompt, for REPLs whose runtime has no editor) and the key helpers it relies on.
import { test, expect } from "@playwright/test";
import { LineEditor } from "../../src/interpreters/repl/line-editor.js";
import { KEY, isPrintable, normalizeKey, splitKeys } from "../../src/interpreters/repl/keys.js";

/**
 * An editor, everything it wrote, and a one-row terminal replaying what it
 * wrote since the last Enter: "\b" steps left, any other character
 * overwrites the cell under the cursor and steps right. Only for one-cell
 * characters.
 */
function setup() {
  const writes: string[] = []; // what the editor wrote; tests may clear it
  let drawn: string[] = []; // what the editor wrote on the current row
  const editor = new LineEditor((text) => (writes.push(text), drawn.push(text)));
  const screen = () => {
    const cells: string[] = [];
    let cursor = 0;
    for (const char of drawn.join("")) {
      if (char === "\b") cursor = Math.max(0, cursor - 1);
      else cells[cursor++] = char;
    }
    return { line: cells.join("").trimEnd(), cursor };
  };
  /** Send terminal input the way a REPL does: key by key, in the usual spelling. */
  const type = (data: string) => {
    for (const key of splitKeys(data)) editor.edit(normalizeKey(key) ?? "");
  };
  /** Enter, as the REPL does it: take the line, and go on drawing on a fresh row. */
  const enter = () => {
    const line = editor.take();
    drawn = [];
    return line;
  };
  return { editor, writes, screen, type, enter };
}

test("typing adds characters at the cursor and echoes them", () => {
  const { editor, writes, screen, type } = setup();
  type("print(1)");
  expect(editor.text).toBe("print(1)");
  expect(editor.beforeCursor).toBe("print(1)");
  expect(writes.join("")).toBe("print(1)");
  expect(screen()).toEqual({ line: "print(1)", cursor: 8 });
});

test("left, right, home and end move the cursor with backspaces and rewritten text", () => {
  const { editor, writes, screen, type } = setup();
  type("abc");
  writes.length = 0;
  editor.edit(KEY.left);
  expect(writes).toEqual(["\b"]);
  editor.edit(KEY.right);
  expect(writes).toEqual(["\b", "c"]);
  editor.edit(KEY.home);
  expect(writes.at(-1)).toBe("\b\b\b");
  expect(editor.beforeCursor).toBe("");
  editor.edit(KEY.end);
  expect(writes.at(-1)).toBe("abc");
  expect(editor.beforeCursor).toBe("abc");
  editor.edit(KEY.ctrlA);
  expect(editor.beforeCursor).toBe("");
  expect(editor.text).toBe("abc");
  expect(screen()).toEqual({ line: "abc", cursor: 0 });
});

test("moving the cursor left from the middle, or home, writes only backspaces", () => {
  const { editor, writes, screen, type } = setup();
  type("abc");
  editor.edit(KEY.left);
  writes.length = 0;
  editor.edit(KEY.left);
  expect(writes).toEqual(["\b"]);
  editor.edit(KEY.end);
  editor.edit(KEY.left);
  writes.length = 0;
  editor.edit(KEY.home);
  expect(writes).toEqual(["\b\b"]);
  writes.length = 0;
  editor.edit(KEY.left); // already at the start: nothing to draw
  expect(writes).toEqual([]);
  expect(screen()).toEqual({ line: "abc", cursor: 0 });
});

test("moving past either end of the line leaves the line and the cursor where they are", () => {
  const { editor, writes, screen, type } = setup();
  type("ab");
  writes.length = 0;
  expect(editor.edit(KEY.right)).toBe(true);
  expect(writes).toEqual([]); // already at the end: nothing to draw
  editor.edit(KEY.home);
  editor.edit(KEY.left);
  expect(editor.text).toBe("ab");
  expect(editor.beforeCursor).toBe("");
  expect(screen()).toEqual({ line: "ab", cursor: 0 });
});

test("typing in the middle of the line redraws the rest and steps back", () => {
  const { editor, writes, screen, type } = setup();
  type("ac");
  editor.edit(KEY.left);
  writes.length = 0;
  type("b");
  expect(editor.text).toBe("abc");
  expect(editor.beforeCursor).toBe("ab");
  expect(writes).toEqual(["bc\b"]);
  expect(screen()).toEqual({ line: "abc", cursor: 2 });
});

test("backspace removes the character left of the cursor and blanks the freed cell", () => {
  const { editor, writes, screen, type } = setup();
  type("abc");
  writes.length = 0;
  editor.edit(KEY.backspace);
  expect(writes).toEqual(["\b \b"]);
  editor.edit(KEY.left);
  writes.length = 0;
  editor.edit(KEY.backspace);
  expect(editor.text).toBe("b");
  expect(writes).toEqual(["\bb \b\b"]);
  expect(screen()).toEqual({ line: "b", cursor: 0 });
  editor.edit(KEY.backspace); // nothing left of the cursor
  expect(editor.text).toBe("b");
});

test("backspace inside leading spaces removes one indent level of four", () => {
  const { editor, type } = setup();
  type("      "); // six spaces
  editor.edit(KEY.backspace);
  expect(editor.text).toBe("    ");
  editor.edit(KEY.backspace);
  expect(editor.text).toBe("");
  type("x    ");
  editor.edit(KEY.backspace);
  expect(editor.text).toBe("x   "); // spaces after text go one at a time
});

test("delete, Ctrl-D, Ctrl-K and Ctrl-U edit around the cursor", () => {
  const { editor, screen, type } = setup();
  type("hello world");
  editor.edit(KEY.home);
  editor.edit(KEY.delete);
  expect(editor.text).toBe("ello world");
  editor.edit(KEY.ctrlD);
  expect(editor.text).toBe("llo world");
  editor.edit(KEY.end);
  editor.edit(KEY.delete); // at the end: nothing to delete
  expect(editor.text).toBe("llo world");
  for (let i = 0; i < 5; i++) editor.edit(KEY.left);
  editor.edit(KEY.ctrlK);
  expect(editor.text).toBe("llo ");
  expect(screen()).toEqual({ line: "llo", cursor: 4 });
  editor.edit(KEY.left);
  editor.edit(KEY.ctrlU);
  expect(editor.text).toBe(" ");
  expect(editor.beforeCursor).toBe("");
  expect(screen()).toEqual({ line: "", cursor: 0 });
});

test("edit() refuses keys that are not editing keys, leaving the line alone", () => {
  const { editor, writes, type } = setup();
  type("x");
  writes.length = 0;
  for (const key of [KEY.enter, KEY.tab, KEY.ctrlC, KEY.ctrlL, "\x1b[5~", "\x1b"]) expect(editor.edit(key)).toBe(false);
  expect(editor.edit("y")).toBe(true);
  expect(editor.edit(KEY.left)).toBe(true);
  expect(editor.text).toBe("xy");
  expect(writes).toEqual(["y", "\b"]);
});

test("history: up recalls older lines, down comes back to the unfinished draft", () => {
  const { editor, screen, type, enter } = setup();
  type("a = 1");
  expect(enter()).toBe("a = 1");
  type("b = 2");
  enter();
  type("dra");
  editor.edit(KEY.up);
  expect(editor.text).toBe("b = 2");
  expect(screen()).toEqual({ line: "b = 2", cursor: 5 });
  editor.edit(KEY.up);
  expect(editor.text).toBe("a = 1");
  editor.edit(KEY.up); // no older line
  expect(editor.text).toBe("a = 1");
  editor.edit(KEY.down);
  expect(editor.text).toBe("b = 2");
  editor.edit(KEY.down);
  expect(editor.text).toBe("dra");
  expect(screen()).toEqual({ line: "dra", cursor: 3 });
  editor.edit(KEY.down); // already at the draft
  expect(editor.text).toBe("dra");
});

test("take() clears the line without drawing and skips blank lines and repeats in history", () => {
  const { editor, writes, type } = setup();
  type("x");
  writes.length = 0;
  expect(editor.take()).toBe("x");
  expect(writes).toEqual([]);
  expect(editor.text).toBe("");
  type("   ");
  expect(editor.take()).toBe("   ");
  type("x");
  editor.take();
  type("y");
  editor.take();
  editor.edit(KEY.up);
  editor.edit(KEY.up);
  expect(editor.text).toBe("x");
  editor.edit(KEY.up); // "x" was kept once, the blank line not at all
  expect(editor.text).toBe("x");
});

test("an emoji is one character for the cursor, backspace and history", () => {
  const { editor, writes, type } = setup();
  type("a😀b");
  expect(writes).toEqual(["a", "😀", "b"]);
  editor.edit(KEY.left);
  editor.edit(KEY.left);
  expect(editor.beforeCursor).toBe("a");
  editor.edit(KEY.right);
  expect(editor.beforeCursor).toBe("a😀");
  editor.edit(KEY.backspace);
  expect(editor.text).toBe("ab");
  expect(editor.beforeCursor).toBe("a");
  editor.insert("🐍🐍");
  expect(editor.text).toBe("a🐍🐍b");
  expect(editor.beforeCursor).toBe("a🐍🐍");
});

test("replaceBefore swaps the text left of the cursor for a completion and draws only the change", () => {
  const { editor, writes, screen, type } = setup();
  type("x = pri");
  writes.length = 0;
  editor.replaceBefore(3, "print(");
  expect(editor.text).toBe("x = print(");
  expect(editor.beforeCursor).toBe("x = print(");
  expect(writes).toEqual(["nt("]);
  expect(screen()).toEqual({ line: "x = print(", cursor: 10 });
});

test("leave() moves the terminal cursor past the line and redraw() draws it again with the cursor in place", () => {
  const { editor, writes, type } = setup();
  type("abcd");
  editor.edit(KEY.left);
  editor.edit(KEY.left);
  writes.length = 0;
  editor.leave();
  expect(writes).toEqual(["cd"]);
  expect(editor.beforeCursor).toBe("ab"); // the editor keeps its own cursor
  writes.length = 0;
  editor.redraw();
  expect(writes).toEqual(["abcd\b\b"]);
  editor.edit(KEY.end);
  writes.length = 0;
  editor.leave(); // nothing right of the cursor
  expect(writes).toEqual([]);
});

test("reset() replaces the line without drawing and puts the cursor at its end", () => {
  const { editor, writes } = setup();
  editor.reset("for x in y:");
  expect(writes).toEqual([]);
  expect(editor.text).toBe("for x in y:");
  expect(editor.beforeCursor).toBe("for x in y:");
  editor.reset();
  expect(editor.text).toBe("");
});

test("splitKeys cuts terminal input into keys, keeping escape sequences and astral characters whole", () => {
  expect(splitKeys("ab\x1b[A😀\r")).toEqual(["a", "b", KEY.up, "😀", "\r"]);
  expect(splitKeys("\x1b[3~\x1bOA\x1b[1;5C\x1bx")).toEqual([KEY.delete, "\x1bOA", "\x1b[1;5C", "\x1bx"]);
  expect(splitKeys("\x1b")).toEqual(["\x1b"]);
  expect(splitKeys("")).toEqual([]);
});

test("normalizeKey maps other spellings to the usual ones and drops escape sequences the REPLs don't use", () => {
  expect(normalizeKey("\x1bOA")).toBe(KEY.up);
  expect(normalizeKey("\x1bOD")).toBe(KEY.left);
  expect(normalizeKey("\x1b[1~")).toBe(KEY.home);
  expect(normalizeKey("\x1b[8~")).toBe(KEY.end);
  expect(normalizeKey("\b")).toBe(KEY.backspace);
  expect(normalizeKey(KEY.delete)).toBe(KEY.delete);
  expect(normalizeKey("\x1b[1;5C")).toBeUndefined(); // Ctrl+→
  expect(normalizeKey("\x1b[15~")).toBeUndefined(); // F5
  expect(normalizeKey("\x1b")).toBeUndefined();
  expect(normalizeKey("é")).toBe("é");
  expect(normalizeKey(KEY.ctrlC)).toBe(KEY.ctrlC);
});

test("isPrintable accepts text, including astral characters, and rejects control characters", () => {
  expect(["a", " ", "é", "😀"].map(isPrintable)).toEqual([true, true, true, true]);
  expect(["", "\r", "\t", "\x7f", "\x1b[A", KEY.ctrlC].map(isPrintable)).toEqual([false, false, false, false, false, false]);
});

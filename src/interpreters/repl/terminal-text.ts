/**
 * Text a REPL draws besides the line being typed: the indent after a line,
 * and Tab completion's common prefix and its list of choices.
 */

/** The next line starts as indented as this one, one level more after a colon. */
export function indentAfter(line: string): string {
  if (!line.trim()) return "";
  const indent = /^\s*/.exec(line)![0];
  return line.trimEnd().endsWith(":") ? indent + "    " : indent;
}

export function commonPrefix(words: string[]): string {
  if (!words.length) return "";
  let prefix = words[0]!;
  for (const word of words) while (!word.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/** Names in 16-character columns, at most 64 characters a row (MicroPython's layout). */
export function columns(names: string[]): string {
  const rows: string[] = [];
  let row = "";
  for (const name of names) {
    const cell = name.padEnd(Math.ceil((name.length + 1) / 16) * 16);
    if (row && row.length + cell.length > 64) rows.push(row.trimEnd()), (row = "");
    row += cell;
  }
  return [...rows, row.trimEnd()].join("\r\n");
}

/**
 * Pasting code into a REPL "as if typed" fails in well-known ways: a blank
 * line inside a function ends it early, and a line back at the left margin
 * right after an indented block is a syntax error until a blank line has
 * closed the block. So before a paste is typed, we cut it into top-level
 * statements, the unit a REPL runs: blank and comment-only lines between
 * and inside statements are dropped (except inside strings), and each
 * statement is then typed and closed on its own.
 */

/** A top-level statement, as its source lines. */
export type Statement = string[];

/** Clauses that continue the statement above them at the left margin. */
const CONTINUES = /^(else|elif|except|finally)\b/;
const BLANK_OR_COMMENT = /^\s*(#.*)?$/;
const DEFINES = /^(async\s+def|def|class)\b/;

/** Cut code into top-level statements (see the file comment). */
export function splitStatements(code: string): Statement[] {
  const statements: Statement[] = [];
  const scanner = new Scanner();
  let current: Statement | undefined;
  for (const line of code.split("\n")) {
    if (!scanner.isOpen()) {
      if (BLANK_OR_COMMENT.test(line)) continue;
      if (!current || startsStatement(line, current)) statements.push((current = []));
    }
    current!.push(line);
    scanner.scan(line);
  }
  return statements;
}

function startsStatement(line: string, current: Statement): boolean {
  const atMargin = !/^\s/.test(line);
  // Decorators (even ones spanning lines) belong to the def or class below them.
  const decorating = current[0]!.startsWith("@") && !current.some((previous) => DEFINES.test(previous));
  return atMargin && !CONTINUES.test(line) && !decorating;
}

/**
 * Follows brackets, strings and backslash continuations from line to line,
 * to tell whether the next line is still inside the same logical line.
 */
class Scanner {
  private depth = 0;
  private quote = ""; // the open string's delimiter: ', ", ''' or """
  private continued = false;

  isOpen(): boolean {
    return this.depth > 0 || this.quote.length === 3 || this.continued;
  }

  scan(line: string): void {
    this.continued = false;
    let comment = false;
    for (let i = 0; i < line.length; i++) {
      const char = line[i]!;
      if (this.quote) {
        if (char === "\\") i++; // an escaped character never closes the string
        else if (line.startsWith(this.quote, i)) (i += this.quote.length - 1), (this.quote = "");
      } else if (char === "#") {
        comment = true; // a backslash ending a comment continues nothing
        break;
      } else if (char === "'" || char === '"') {
        this.quote = line.startsWith(char.repeat(3), i) ? char.repeat(3) : char;
        i += this.quote.length - 1;
      } else if ("([{".includes(char)) {
        this.depth++;
      } else if (")]}".includes(char)) {
        this.depth = Math.max(0, this.depth - 1);
      }
    }
    if (this.quote.length === 1) this.quote = ""; // a one-quote string can't span lines
    this.continued = !this.quote && !comment && line.endsWith("\\");
  }
}

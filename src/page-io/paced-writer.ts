/**
 * Output that arrives faster than a page can show it (a worker printing in a
 * loop) is shown a frame at a time: at most FRAME_CHARS are written to the
 * page per frame, and at most HELD_CHARS wait. Past that the oldest waiting
 * text is skipped, and a note in the output says how much, so the page
 * keeps drawing and answering clicks (Stop among them) whatever the rate.
 */
import type { Stream, Writer } from "../interpreters/interpreter.js";

const FRAME_CHARS = 65_536;
const HELD_CHARS = 1_048_576;

export interface PacedWriter {
  /** Show `text` soon; `skipped` counts characters the sender already dropped before it. */
  write(text: string, stream: Stream, skipped?: number): void;
  /** Show everything still waiting, now. */
  flush(): void;
}

/** Held output: text of one stream, or a note of how much was skipped at that point. */
type Held = { text: string; stream: Stream } | { skipped: number };

export function pacedWriter(show: Writer): PacedWriter {
  const held: Held[] = [];
  let heldChars = 0;
  let scheduled = false;

  /** Note `count` skipped characters at the start or the end of what is held. */
  const noteSkipped = (count: number, at: "start" | "end") => {
    const edge = at === "start" ? held[0] : held[held.length - 1];
    if (edge && "skipped" in edge) edge.skipped += count;
    else if (at === "start") held.unshift({ skipped: count });
    else held.push({ skipped: count });
  };
  /** Drop the oldest pieces past HELD_CHARS: whole ones (cutting into a long string would copy it), never the newest half. */
  const trim = () => {
    for (let i = 0; heldChars > HELD_CHARS && i < held.length; ) {
      const entry = held[i]!;
      if ("skipped" in entry || heldChars - entry.text.length < HELD_CHARS / 2) {
        i++;
        continue;
      }
      held.splice(i, 1);
      heldChars -= entry.text.length;
      noteSkipped(entry.text.length, "start");
      i = 1; // a note now leads
    }
  };
  const showSome = (budget: number) => {
    while (held.length && budget > 0) {
      const first = held[0]!;
      if ("skipped" in first) {
        show(`\n[… ${describe(first.skipped)} of output skipped: it came faster than the page can show it …]\n`, "stderr");
        held.shift();
        continue;
      }
      const text = first.text.slice(0, budget);
      show(text, first.stream);
      first.text = first.text.slice(text.length);
      heldChars -= text.length;
      budget -= text.length;
      if (!first.text) held.shift();
    }
  };
  const frame = () => {
    scheduled = false;
    showSome(FRAME_CHARS);
    if (held.length) schedule();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    if (globalThis.document?.hidden) setTimeout(frame, 100); // a hidden tab draws no frames: show it anyway, for when it's back
    else requestAnimationFrame(frame);
  };

  return {
    write(text, stream, skipped = 0) {
      if (skipped) noteSkipped(skipped, "end");
      if (text) held.push({ text, stream });
      heldChars += text.length;
      trim();
      schedule();
    },
    flush: () => showSome(Infinity),
  };
}

function describe(chars: number): string {
  return chars >= 1e6 ? `${(chars / 1e6).toFixed(1)} MB` : chars >= 1e3 ? `${Math.round(chars / 1e3)} kB` : `${chars} characters`;
}

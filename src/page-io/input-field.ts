/**
 * `input()` answered in the page: an input field at the end of the script's
 * output (where Python can wait for it), or the browser's own dialog.
 */
import { outputEnd } from "./output.js";

/** An input field at the end of the target's output; resolves on Enter, or undefined on Escape. */
export function askInline(target: Element | undefined, prompt: string): Promise<string | undefined> {
  if (!target) return Promise.resolve(window.prompt(prompt) ?? undefined);
  return new Promise((resolve) => {
    const field = Object.assign(document.createElement("input"), { className: "py-input", type: "text" });
    field.setAttribute("aria-label", prompt.trim() || "Input for Python");
    field.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" && event.key !== "Escape") return;
      field.remove();
      resolve(event.key === "Enter" ? field.value : undefined);
    });
    outputEnd(target).append(field);
    field.focus();
  });
}

/**
 * The loading overlay. It appears only if start-up takes longer than a
 * blink (MicroPython usually doesn't), shows real download progress from
 * `py-progress`, and is removed when setup finishes or fails.
 */
import type { Config } from "./config.js";
import type { Progress } from "./events.js";

/** Don't flash an overlay for start-ups faster than this. */
const SHOW_AFTER_MS = 100;

const DEFAULT_SPLASH =
  '<div class="py-splash-box"><div>🐍 Starting Python…</div>' +
  '<progress data-py-progress-bar></progress><div data-py-progress></div></div>';

/** Show the splash described by `config.splash`; call `remove()` when done. */
export function showSplash(config: Config): { remove(): void } {
  if (config.splash === false) return { remove() {} };
  const splash = document.createElement("div");
  splash.className = "py-splash";
  splash.setAttribute("role", "status");
  // The splash is HTML written by the page author in <py-config>: trusted.
  splash.innerHTML = typeof config.splash === "string" ? config.splash : DEFAULT_SPLASH;
  const onProgress = (event: CustomEvent<Progress>) => showProgress(splash, event.detail);
  document.addEventListener("py-progress", onProgress);
  const timer = setTimeout(() => document.body.append(splash), SHOW_AFTER_MS);
  return {
    remove() {
      clearTimeout(timer);
      splash.remove();
      document.removeEventListener("py-progress", onProgress);
    },
  };
}

function showProgress(splash: Element, { stage, loaded, total }: Progress): void {
  const bar = splash.querySelector<HTMLProgressElement>("[data-py-progress-bar]");
  if (bar) Object.assign(bar, { max: total, value: loaded });
  const text = splash.querySelector("[data-py-progress]");
  if (text) text.textContent = `${stage} ${megabytes(loaded)} / ${megabytes(total)} MB`;
}

const megabytes = (bytes: number) => (bytes / 1e6).toFixed(1);

/**
 * The loading card (it doesn't cover the page), in two parts. This one, in pyscript.js, only waits:
 * fast start-ups (MicroPython's, usually) finish before the splash is due,
 * so they never download or draw it. If start-up takes longer than a blink,
 * the view (`dist/splash-view.js`) is loaded and shown with
 * the latest progress. It is removed when setup finishes or fails.
 */
import type { Assets } from "./assets.js";
import type { Config } from "./config.js";
import type { Progress } from "./events.js";

/** Don't flash an overlay for start-ups faster than this. */
const SHOW_AFTER_MS = 100;

/** Show the splash described by `config.splash` if start-up is slow; call `remove()` when done. */
export function showSplashSoon(config: Config, assets: Assets): { remove(): void } {
  if (config.splash === false) return { remove() {} };
  let latest: Progress | undefined;
  let view: { remove(): void } | undefined;
  let removed = false;
  const onProgress = (event: CustomEvent<Progress>) => (latest = event.detail);
  document.addEventListener("py-progress", onProgress);
  const timer = setTimeout(async () => {
    const { showSplash } = await assets.import<typeof import("./splash-view.js")>("splash-view.js");
    if (!removed) view = showSplash(config, latest);
  }, SHOW_AFTER_MS);
  return {
    remove() {
      removed = true;
      clearTimeout(timer);
      document.removeEventListener("py-progress", onProgress);
      view?.remove();
    },
  };
}

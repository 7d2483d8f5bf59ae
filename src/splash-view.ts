/**
 * The loading card itself (`dist/splash-view.js`): ours, or the page author's
 * HTML from `config.splash`. An element with `data-py-progress` in it shows
 * real download progress from `py-progress`; `data-py-progress-bar` on a
 * <progress> element fills it.
 */
import type { Config } from "./config.js";
import type { Progress } from "./events.js";

const DEFAULT_SPLASH =
  '<div class="py-splash-box"><div>🐍 Starting Python…</div>' +
  '<progress data-py-progress-bar></progress><div data-py-progress></div></div>';

// A card in the top corner, not an overlay: the page can be read and used while
// Python loads (Pyodide may take 20 s on a slow network). Clicks pass through it.
const CSS = ".py-splash{position:fixed;top:.5em;right:.5em;z-index:9999;max-width:calc(100% - 1em);box-sizing:border-box;" +
  "padding:.5em .8em;border-radius:6px;background:#fffe;box-shadow:0 1px 6px #0004;font:14px system-ui,sans-serif;pointer-events:none}" +
  ".py-splash-box{display:grid;gap:.3em;text-align:center}";

/** Show the splash now, starting from `latest` progress. */
export function showSplash(config: Config, latest?: Progress): { remove(): void } {
  const splash = document.createElement("div");
  splash.className = "py-splash";
  splash.setAttribute("role", "status");
  // The splash is HTML written by the page author in <py-config>: trusted.
  splash.innerHTML = typeof config.splash === "string" ? config.splash : DEFAULT_SPLASH;
  splash.prepend(Object.assign(document.createElement("style"), { textContent: CSS }));
  if (latest) showProgress(splash, latest);
  const onProgress = (event: CustomEvent<Progress>) => showProgress(splash, event.detail);
  document.addEventListener("py-progress", onProgress);
  document.body.append(splash);
  return {
    remove() {
      splash.remove();
      document.removeEventListener("py-progress", onProgress);
    },
  };
}

function showProgress(splash: Element, { stage, loaded, total, file }: Progress): void {
  const bar = splash.querySelector<HTMLProgressElement>("[data-py-progress-bar]");
  if (bar) Object.assign(bar, { max: total, value: loaded });
  const text = splash.querySelector("[data-py-progress]");
  if (text) text.textContent = stage === "installing" ? `installing ${file} ${loaded}/${total}` : `${stage} ${megabytes(loaded)} / ${megabytes(total)} MB`;
}

const megabytes = (bytes: number) => (bytes / 1e6).toFixed(1);

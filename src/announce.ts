/**
 * The one place lifecycle events are announced. Each announcement is
 * timed (`PyScript.timings`), marked for the browser's performance panel
 * (`performance.mark("micropyscript:<event>")`), logged when `debug` is on,
 * and dispatched on `document`. The kernel and its plugin registry both
 * announce through it, so all eight events look the same everywhere.
 */
import { dispatch, type PyScriptEventDetails, type PyScriptEventName } from "./events.js";

/** Announce one lifecycle event. */
export type Announce = <K extends PyScriptEventName>(name: K, detail: PyScriptEventDetails[K]) => void;

/**
 * An announcer writing into `timings` (ms since navigation start).
 * `isDebug` is asked each time, since the config arrives after the first event is due.
 */
export function createAnnouncer(timings: Record<string, number>, isDebug: () => boolean): Announce {
  return (name, detail) => {
    // Repeated events (one per plugin, per file) keep the time of the latest.
    const now = (timings[name] = performance.now());
    performance.mark(`micropyscript:${name}`);
    if (isDebug()) console.log(`🐍 ${name} at ${now.toFixed(1)} ms`);
    dispatch(name, detail);
  };
}

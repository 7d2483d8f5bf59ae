/**
 * `import pyscript.web`: its code (`python/pyscript-web.json` in the build
 * output, made by the build) is fetched and written then, on the page and
 * in workers alike. Python's import can't wait for a promise, so this one
 * download waits synchronously; it is about 9 kB gzip, once, and only where
 * pyscript.web is used.
 */
import type { Interpreter } from "../interpreters/interpreter.js";

const loaded = new WeakSet<Interpreter>();

/** Write pyscript.web's modules into `interpreter`'s pyscript package, downloading them from `url` the first time. */
export function loadWeb(interpreter: Interpreter, url: string): void {
  if (loaded.has(interpreter)) return;
  const request = new XMLHttpRequest();
  request.open("GET", url, false);
  request.send();
  if (request.status !== 200) throw new Error(`pyscript.web could not be downloaded from ${url} (${request.status}): serve the whole build folder`);
  for (const [name, source] of Object.entries(JSON.parse(request.responseText) as Record<string, string>)) {
    interpreter.writeFile(`${interpreter.libraryPath}/pyscript/${name}`, source);
  }
  loaded.add(interpreter);
}

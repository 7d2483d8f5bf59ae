/**
 * One way to download anything the page asked for (config, files, script
 * sources), so every failure becomes the same clear error naming the URL.
 */
import { PyScriptError, reasonOf, type ErrorCode } from "./errors.js";

/**
 * Fetch `url` (relative to the page, or to the worker's script) and return the response if it is OK.
 * @param what - what the file is for, e.g. `the file "data.csv"`, used in messages.
 */
export async function fetchURL(url: string, code: ErrorCode, what: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(new URL(url, globalThis.document?.baseURI ?? location.href)); // a worker has no document
  } catch (error) {
    throw new PyScriptError(code, `Could not download ${what} from "${url}": ${reasonOf(error)}.`, {
      hint: "Check the URL and that the web server is running. Files from another site also need CORS headers.",
      cause: error,
    });
  }
  if (!response.ok) {
    throw new PyScriptError(code, `Could not download ${what} from "${url}": the server answered ${response.status} ${response.statusText}.`, {
      hint: response.status === 404
        ? "Check the URL: nothing is there. Relative URLs are relative to the page."
        : "Check the URL and the web server's log.",
    });
  }
  return response;
}

/** Download `url` as exact bytes. */
export async function fetchBytes(url: string, code: ErrorCode, what: string): Promise<Uint8Array> {
  return new Uint8Array(await (await fetchURL(url, code, what)).arrayBuffer());
}

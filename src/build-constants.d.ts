/** Filled in by scripts/build.mjs from the installed npm packages. */
declare const __MICROPYTHON_VERSION__: string;
declare const __MICROPYTHON_FILES__: Record<string, number>;
declare const __PYODIDE_VERSION__: string;
declare const __PYODIDE_FILES__: Record<string, number>;
declare const __CPYTHON_VERSION__: string;
declare const __CPYTHON_FILES__: Record<string, number>;
declare const __MICROPYSCRIPT_VERSION__: string;

/** Python sources are bundled as text (esbuild's "text" loader). */
declare module "*.py" {
  const source: string;
  export default source;
}

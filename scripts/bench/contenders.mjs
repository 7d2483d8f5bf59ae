// Who runs in the benchmark. Every contender is one page under bench/pages/
// that prints "Hello from Python" into its output element, and a way to run
// the Python suite in that page once it is ready. All of them load the SAME
// interpreter files (our dist/micropython/, dist/pyodide/ and dist/cpython/), so the
// differences measured are the frameworks', not the interpreters' versions.

/** How each kind of page runs a piece of Python after start-up. */
const RUNNERS = {
  // Our kernel: its public API.
  ours: (code) => window.PyScript.runPython(code),
  // The raw pages keep their runtime object in window.benchRuntime.
  raw: (code) => window.benchRuntime.runPython(code),
  // PyScript: the way its users add code later, a new <script type="mpy|py">.
  pyscript: (code, type) => {
    const script = document.createElement("script");
    script.type = type;
    script.textContent = code;
    document.body.append(script);
  },
};

const INTERPRETERS = {
  micropython: { label: "MicroPython", pyscriptType: "mpy" },
  pyodide: { label: "Pyodide", pyscriptType: "py" },
  cpython: { label: "CPython", pyscriptType: "py", frameworks: ["ours", "raw"] }, // PyScript has no upstream CPython
};

const FRAMEWORKS = {
  // Booted the plain way, as on a first visit (see ours-pyodide-snapshot for repeat visits).
  ours: { label: "ours", page: (name) => `/bench/pages/ours.html?interpreter=${name}&snapshot=0` },
  raw: { label: "raw", page: (name) => `/bench/pages/raw-${name}.html` },
  pyscript: { label: "PyScript", page: (name) => `/bench/pages/pyscript-${name}.html` },
};

/**
 * Every contender, e.g. `{id: "ours-micropython", framework: "ours",
 * interpreter: "micropython", label: "ours · MicroPython", path, runner, scriptType}`.
 */
export const CONTENDERS = Object.keys(INTERPRETERS).flatMap((interpreter) =>
  Object.entries(FRAMEWORKS).filter(([framework]) => INTERPRETERS[interpreter].frameworks?.includes(framework) ?? true).map(([framework, { label, page }]) => ({
    id: `${framework}-${interpreter}`,
    framework,
    interpreter,
    label: `${label} · ${INTERPRETERS[interpreter].label}`,
    path: page(interpreter),
    runner: RUNNERS[framework],
    scriptType: INTERPRETERS[interpreter].pyscriptType,
  }))).concat({
  // Pyodide as a repeat visitor gets it: the cold load makes a memory
  // snapshot in the background; the warm load (timed once it is stored) boots from it.
  id: "ours-pyodide-snapshot",
  framework: "ours",
  variant: "snapshot",
  interpreter: "pyodide",
  label: "ours · Pyodide (snapshot)",
  path: "/bench/pages/ours.html?interpreter=pyodide",
  runner: RUNNERS.ours,
  scriptType: "py",
  beforeWarm: async (page) => {
    const stored = () => page.evaluate(async () => {
      const cache = await caches.open("micropyscript-snapshots");
      const [key] = await cache.keys(); // listed while it is still being written: wait until it can be read
      return Boolean(key && await cache.match(key));
    });
    for (const start = Date.now(); !(await stored()); await new Promise((wait) => setTimeout(wait, 250))) {
      if (Date.now() - start > 180_000) throw new Error("no Pyodide snapshot was stored within 3 minutes");
    }
  },
});

/**
 * The contenders named in `list` ("ours-micropython,raw-pyodide"; `*` works
 * as a wildcard, e.g. "ours-*"), in the order given; all when `list` is empty.
 */
export function selectContenders(list) {
  if (!list) return CONTENDERS;
  const patterns = list.split(",").map((name) => name.trim()).filter(Boolean);
  const chosen = patterns.flatMap((pattern) => {
    const regex = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);
    const found = CONTENDERS.filter((c) => regex.test(c.id));
    if (!found.length) throw new Error(`No contender matches "${pattern}". Known: ${CONTENDERS.map((c) => c.id).join(", ")}.`);
    return found;
  });
  return [...new Set(chosen)];
}

// The report pages' own plugin: it shows which interpreter (and version)
// ran the page, and offers a switcher that reloads it with ?interpreter=.
// It uses only the public API (window.PyScript), like any third-party plugin.
const reportPlugin = {
  name: "report",
  onInterpreterReady(config, interpreter) {
    const label = document.querySelector("#ran-with");
    if (label) label.textContent = `${interpreter.info.label} ${interpreter.info.version} (Python ${interpreter.version.match(/^[\d.]+/)?.[0]})`;
    const select = document.querySelector(".switcher select");
    if (select) select.value = config.interpreter;
  },
};

function addSwitcher() {
  const holder = document.querySelector(".switcher");
  if (!holder) return;
  const select = document.createElement("select");
  select.setAttribute("aria-label", "Interpreter");
  for (const [name, info] of Object.entries(window.PyScript.availableInterpreters)) {
    select.append(new Option(`${info.label} ${info.version}`, name));
  }
  select.value = new URLSearchParams(location.search).get("interpreter") ?? "micropython";
  select.addEventListener("change", () => {
    const url = new URL(location.href);
    url.searchParams.set("interpreter", select.value);
    location.href = url.href;
  });
  holder.append(select);
}

// Works whether this file loads before or after pyscript.js.
function register() {
  addSwitcher();
  window.PyScript.registerPlugin(reportPlugin);
}
if (window.PyScript) register();
else document.addEventListener("py-configured", register, { once: true });

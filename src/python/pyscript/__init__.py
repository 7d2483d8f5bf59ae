"""
pyscript: one Python API for the page, the same on MicroPython and Pyodide.

    from pyscript import document, window, display, when, HTML

    display("Hello", HTML("<b>bold</b>"))     # into this tag's output

    @when("click", "#go")
    def go(event):
        document.querySelector("#out").innerText = input("Your name? ")

MicroPyScript puts this package on every interpreter's path; it costs
nothing until a script imports it, and then only what is used: `display`,
`when`, `fetch`, `storage` and the worker helpers each live in their own
module, loaded on first use (as are the submodules `pyscript.ffi`,
`pyscript.util` and `pyscript.events`). The
work that needs JavaScript (drawing output, listening to events, asking for
input) is done by `_pyscript`, which the kernel registers
(dist/page-bridge.js on the page, worker-bridge.ts in a worker); these
modules decide what to do.
"""

import json
import sys

import js
import _pyscript

#: True inside a Web Worker (`<py-script worker>`).
RUNNING_IN_WORKER = bool(_pyscript.in_worker)

class _NotIsolated:
    """The page's `window` or `document` in a worker on a page that isn't
    cross-origin isolated: the worker can't wait for the page, so using it
    says why, and how to fix that (importing it is fine)."""

    def __init__(self, name):
        object.__setattr__(self, "_name", name)

    def _refuse(self, *args, **kwargs):
        raise RuntimeError(_pyscript.cannot_reach_dom_reason % self._name)

    __getattr__ = __setattr__ = __call__ = __iter__ = __len__ = __getitem__ = _refuse

    def __repr__(self):
        return "<the page's %s, out of this worker's reach>" % self._name


def _page(name):
    reached = getattr(_pyscript, "page_" + name)
    return _NotIsolated(name) if reached is None else reached


#: The page's `window` (in a worker: the page's, reached through the channel).
window = _page("window") if RUNNING_IN_WORKER else js.window

#: The page's `document` (in a worker: the page's, reached through the channel).
document = _page("document") if RUNNING_IN_WORKER else js.document

#: The page's config (`<py-config>` over the defaults), as a dict. Its
#: "type" is PyScript's name for the interpreter: "mpy" or "py".
config = json.loads(_pyscript.config_json())
config["type"] = "mpy" if sys.implementation.name == "micropython" else "py"


def current_target():
    """The id of the element this code's output goes to (its `<py-script>`
    tag, or the tag's `output=` element), or None outside a tag (REPL)."""
    return _pyscript.current_target_id()


# Names defined in their own modules, imported the first time they're used.
_LAZY = {
    "display": "_display",
    "HTML": "_display",
    "when": "events",
    "Event": "events",
    "fetch": "_fetch",
    "Response": "_fetch",
    "storage": "_storage",
    "Storage": "_storage",
    "export": "_workers",
    "workers": "_workers",
    "main": "_workers",
    "sync": "_workers",
    "create_named_worker": "_workers",
    "install": "_install",
}

# Submodules `from pyscript import ffi` gives. (`import pyscript.web` finds
# their files because the package's folder is filled on Python's first look:
# see lazy-folder.ts.)
_SUBMODULES = ("ffi", "util", "events", "web", "js_modules")

__all__ = ["RUNNING_IN_WORKER", "config", "current_target", "document", "window"] + list(_LAZY) + list(_SUBMODULES)


def __getattr__(name):
    if name not in _LAZY and name not in _SUBMODULES:
        raise AttributeError("module 'pyscript' has no attribute '%s'" % name)
    _pyscript.load_package()  # the package's other files are written on first use
    module = __import__("pyscript." + _LAZY.get(name, name), None, None, [name])
    value = module if name in _SUBMODULES else getattr(module, name)
    globals()[name] = value
    return value

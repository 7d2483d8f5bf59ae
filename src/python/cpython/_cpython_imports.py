"""`import js` (the page's global scope) and `import <name>` for the modules
JavaScript registered (`_pyscript`, `_pyscript_js_modules`), on the page's
CPython: each is a module whose attributes are the JavaScript object's,
reached through _cpython_js."""

import importlib.util
import sys
import types

import _cpython_js as js_rpc


class _JsModule(types.ModuleType):
    """`import js` (globalThis) or a module registered from JavaScript: its attributes are the object's."""

    def __init__(self, name, proxy):
        super().__init__(name)
        object.__setattr__(self, "_proxy", proxy)

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return getattr(self._proxy, name)

    def __setattr__(self, name, value):
        if name.startswith("__"):
            return object.__setattr__(self, name, value)
        setattr(self._proxy, name, value)

    def __dir__(self):
        return js_rpc.request({"op": "keys", "id": self._proxy._id})


class _JsModuleFinder:
    """Finds `import js` and the modules JavaScript registered (registerJsModule)."""

    @staticmethod
    def find_spec(name, path=None, target=None):
        if "." in name:
            return None
        proxy = js_rpc.request({"op": "module", "name": name})
        if proxy is None:
            return None
        return importlib.util.spec_from_loader(name, _JsModuleLoader(proxy))


class _JsModuleLoader:
    def __init__(self, proxy):
        self.proxy = proxy

    def create_module(self, spec):
        return _JsModule(spec.name, self.proxy)

    def exec_module(self, module):
        pass


sys.meta_path.append(_JsModuleFinder)

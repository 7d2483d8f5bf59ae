"""`from pyscript.js_modules import name`: the JavaScript modules named in
the config's `js_modules` ("main" on the page, "worker" in a worker),
loaded before any script ran. Registered by the kernel as `_pyscript_js_modules`."""

import _pyscript_js_modules


def __getattr__(name):
    if name.startswith("__"):  # the import system asks for __path__ and the like
        raise AttributeError(name)
    failure = getattr(_pyscript_js_modules.failed, name, None)
    if failure is not None:
        raise ImportError("the JavaScript module %r could not be loaded: %s" % (name, failure))
    module = getattr(_pyscript_js_modules.loaded, name, None)
    if module is None:
        raise ImportError(
            "there is no JavaScript module called %r in the config's js_modules. "
            'Add it, e.g. "js_modules": {"main": {"./lib/%s.js": "%s"}}' % (name, name, name)
        )
    return module

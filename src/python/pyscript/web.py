"""pyscript.web: the page's elements as Python objects, as in PyScript (see
_web.py). Its code is downloaded the first time it is imported, so pages
that don't use it don't pay for it. (Workers have a web.py of their own.)"""

import _pyscript

_pyscript.load_web()

from pyscript._web import *  # noqa: E402, F401, F403
from pyscript._web import __all__, __getattr__  # noqa: E402, F401

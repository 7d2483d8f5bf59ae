"""install(): add packages to this interpreter while the page runs.

    from pyscript import install
    await install("humanize")                     # a name, looked up in package_index
    await install(["./wheels/mylib-1.0-py3-none-any.whl", "arrr>=1.0"])

Each entry is what the config's "packages" takes: a wheel URL, or a
requirement looked up in the config's "package_index" (on Pyodide, also a
name from Pyodide's own packages). Dependencies come too. What is installed
already stays: a requirement it doesn't meet is an error, not an upgrade.
The work is done by `_pyscript` (dist/packages.js), on the page and in workers.
"""

import json

import _pyscript

__all__ = ["install"]


async def install(packages):
    """Install `packages` (a str or a list of str); raises ValueError saying
    what went wrong and how to fix it, having installed none of them."""
    if isinstance(packages, str):
        packages = [packages]
    packages = list(packages)
    for entry in packages:
        if not isinstance(entry, str):
            raise TypeError("install() takes wheel URLs and package names as str, not %s" % type(entry).__name__)
    error = await _pyscript.install_packages(json.dumps(packages))
    if error:
        raise ValueError(error)

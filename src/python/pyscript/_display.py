"""display() and HTML: showing Python values in the page.

A value shows through the richest form it offers (IPython's convention):
`_repr_mimebundle_`, else the first of `savefig` (matplotlib), `_repr_png_`,
`_repr_jpeg_`, `_repr_svg_`, `_repr_html_`, `_repr_json_`,
`_repr_javascript_`, `_repr_markdown_` that gives something, else `repr()`.
Each may return its data or `(data, metadata)`; image metadata (width,
height, alt…) become the image's attributes. Strings are always text.
"""

import json

import _pyscript

__all__ = ["HTML", "display"]


class HTML:
    """Trusted HTML: `display(HTML("<b>hi</b>"))` shows it as HTML, not text."""

    def __init__(self, html):
        self.html = str(html)

    def _repr_html_(self):
        return self.html

    def __repr__(self):
        return "HTML(%r)" % self.html


# Representation methods and their MIME types, best first.
_METHODS = (
    ("savefig", "image/png"),
    ("_repr_png_", "image/png"),
    ("_repr_jpeg_", "image/jpeg"),
    ("_repr_svg_", "image/svg+xml"),
    ("_repr_html_", "text/html"),
    ("_repr_json_", "application/json"),
    ("_repr_javascript_", "application/javascript"),
    ("_repr_markdown_", "text/markdown"),
)
# What a mimebundle may offer, in the order we prefer (dicts have no order on MicroPython).
_BUNDLE_ORDER = tuple(mime for method, mime in _METHODS[1:]) + ("text/plain",)
_IMAGES = ("image/png", "image/jpeg")


def _split(data):
    """`(data, metadata)` or plain data, as a pair."""
    if isinstance(data, tuple) and len(data) == 2 and isinstance(data[1], dict):
        return data[0], data[1]
    return data, {}


def _savefig(value):
    """A matplotlib figure's PNG bytes."""
    import io

    buffer = io.BytesIO()
    value.savefig(buffer, format="png")
    return buffer.getvalue()


def _from_bundle(bundle):
    data, metadata = _split(bundle)
    if not isinstance(data, dict):
        return None
    for mime in _BUNDLE_ORDER:
        if mime in data and data[mime] is not None:
            item, own = _split(data[mime])
            meta = dict(metadata.get(mime) or {})
            meta.update(own)
            return mime, item, meta
    return None


def _representation(value):
    """(MIME type, data, metadata) for one value."""
    if isinstance(value, str):
        return "text/plain", value, {}
    bundle = getattr(value, "_repr_mimebundle_", None)
    found = _from_bundle(bundle()) if bundle is not None else None
    if found:
        return found
    for method, mime in _METHODS:
        render = getattr(value, method, None)
        if render is None:
            continue
        data = _savefig(value) if method == "savefig" else render()
        if data is not None:
            data, meta = _split(data)
            return mime, data, meta
    return "text/plain", repr(value), {}


def _as_text(mime, data):
    """The data as the text that crosses to JavaScript (never a Python object)."""
    if mime in _IMAGES:
        if isinstance(data, (bytes, bytearray, memoryview)):
            import binascii

            return binascii.b2a_base64(bytes(data)).decode().strip()
        if not isinstance(data, str):
            raise TypeError("display(): %s data must be bytes or base64 text, not %s." % (mime, type(data).__name__))
        return data
    if mime == "application/json" and not isinstance(data, str):
        return json.dumps(data)
    return data if isinstance(data, str) else str(data)


def _attributes(mime, meta):
    """Image metadata as `<img>` attributes (simple names and values only), as JSON."""
    if mime not in _IMAGES:
        return "{}"
    chosen = {}
    for name, item in meta.items():
        if _attribute_name(name) and isinstance(item, (str, int, float)):
            chosen[name] = str(item)
    return json.dumps(chosen)


def _attribute_name(name):
    """A plain attribute name: a letter, then letters, digits, "-" or "_"."""
    return isinstance(name, str) and name[:1].isalpha() and all(c.isalpha() or c.isdigit() or c in "-_" for c in name)


def _target_id(target):
    if target is None:
        return None
    if not isinstance(target, str):
        raise TypeError("display(target=...) takes an element's id (a string), not %s." % type(target).__name__)
    element_id = target[1:] if target.startswith("#") else target
    if not element_id:
        raise ValueError('display(target=%r): give the id of an element, e.g. target="output", '
                         "or leave out target= to show output in this tag." % target)
    return element_id


def display(*values, target=None, append=True):
    """Show each value in the page: in this tag's output, or in the element
    with id `target` ("#id" works too). Strings show as text (never HTML),
    other values as their richest representation. Empty or blank text adds
    nothing. `append=False` replaces what the target showed (with several
    values, the last one stays)."""
    element_id = _target_id(target)
    # Where to draw: an element (or, in a worker, its id); "" when there is
    # no tag to draw in; None when element_id names no element.
    where = _pyscript.display_target(element_id)
    if where is None:
        raise ValueError(
            'display(target="%s"): there is no element with id="%s" on the page. '
            "Add one, or leave out target= to show output in this tag." % (target, element_id)
        )
    if isinstance(where, str) and where == "":
        for value in values:  # no tag to draw in (the REPL, for example): text will do
            print(value if isinstance(value, str) else repr(value))
        return
    if not append:
        _pyscript.clear(where)
    for value in values:
        mime, data, meta = _representation(value)
        text = _as_text(mime, data)
        if not text.strip():
            continue
        if not append:
            _pyscript.clear(where)
        error = _pyscript.display(where, mime, text, _attributes(mime, meta))
        if error:
            raise RuntimeError("display(): the page could not show a %s value: %s" % (mime, error))

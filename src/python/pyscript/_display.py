"""display() and HTML: showing Python values in the page."""

import _pyscript


class HTML:
    """Trusted HTML: `display(HTML("<b>hi</b>"))` shows it as HTML, not text."""

    def __init__(self, html):
        self.html = str(html)

    def _repr_html_(self):
        return self.html

    def __repr__(self):
        return "HTML(%r)" % self.html


# How rich objects say how to show themselves (the Jupyter convention), best first.
_REPRS = (
    ("_repr_html_", "text/html"),
    ("_repr_svg_", "image/svg+xml"),
    ("_repr_png_", "image/png"),
    ("_repr_jpeg_", "image/jpeg"),
    ("_repr_markdown_", "text/markdown"),
)


def _mime_and_data(value):
    if isinstance(value, str):
        return "text/plain", value
    for method, mime in _REPRS:
        render = getattr(value, method, None)
        data = render() if render is not None else None
        if data is None:
            continue
        if isinstance(data, (bytes, bytearray)):
            import binascii

            data = binascii.b2a_base64(data).decode().strip()
        return mime, data
    return "text/plain", repr(value)


def display(*values, target=None, append=True):
    """Show each value in the page: in this tag's output, or in the element
    with id `target`. Strings show as text (never HTML); objects with
    `_repr_html_`, `_repr_svg_`, `_repr_png_` or `_repr_jpeg_` show richly;
    anything else shows as its `repr()`. `append=False` replaces what the
    target showed before."""
    element_id = None if target is None else str(target).lstrip("#")
    # Where to draw: an element (or, in a worker, its id); "" when there is
    # no tag to draw in; None when element_id names no element.
    where = _pyscript.display_target(element_id)
    if where is None:
        raise ValueError(
            'display(target="%s"): there is no element with id="%s" on the page. '
            "Add one, or leave out target= to show output in this tag." % (target, element_id)
        )
    if isinstance(where, str) and where == "":
        # No tag to draw in (the REPL, for example): plain text will do.
        for value in values:
            print(value if isinstance(value, str) else repr(value))
        return
    if not append:
        _pyscript.clear(where)
    for value in values:
        mime, data = _mime_and_data(value)
        _pyscript.display(where, mime, data)

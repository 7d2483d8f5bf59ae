"""pyscript.web: the page's elements as Python objects, as in PyScript.

    from pyscript import web

    web.page.append(web.div(web.h1("Title"), web.p("Text", classes=["intro"]), id="box"))
    web.page["box"].style["color"] = "red"
    for item in web.page.find(".item"):
        item.classes.add("seen")
    web.page["go"].on_click.add_listener(lambda event: print("clicked"))

`page` is the page (`find`, `[id]`, `body`, `head`, `html`, `title`,
`append`); there is a class for each HTML element (`web.div`, `web.input_`
or `web.input`…): positional arguments are children, named ones attributes.
Strings become text, never HTML: use `innerHTML=` or `pyscript.HTML(...)`
for markup. The Element, its classes and style, and ElementCollection live in
the package's `_web_*` modules; this one puts them together, and `web.py`
(which is all `import pyscript` writes) imports it, so pages that never use
`pyscript.web` never download this code.
"""

import _pyscript

_pyscript.load_package()  # the package's other modules, written when first needed

from pyscript import document, when  # noqa: E402
from pyscript._display import HTML  # noqa: E402
from pyscript._web_collection import ElementCollection, wrap_all as _wrap_all  # noqa: E402
from pyscript._web_element import ContainerElement, Element  # noqa: E402
from pyscript._web_element import by_id as _by_id, classes_by_tag as _classes_by_tag, select as _select  # noqa: E402
from pyscript._web_parts import Classes, Style  # noqa: E402

#: Tags whose elements hold others (the first arguments of `web.div(...)` are children).
CONTAINER_TAGS = (
    "a abbr address article aside audio b bdi bdo blockquote body button canvas caption cite code "
    "colgroup data datalist dd del details dfn dialog div dl dt em fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 head header hgroup html i iframe ins kbd label legend li main map mark "
    "menu meter nav noscript object ol optgroup option output p picture pre progress q rp rt ruby s "
    "samp script search section select slot small span strong style sub summary sup table tbody td "
    "template textarea tfoot th thead time title tr u ul var video"
).split()
#: Tags whose elements can't have children (`web.img(src=...)`).
VOID_TAGS = "area base br col embed hr img input link meta param source track wbr".split()
# Tags that are Python keywords or builtins get a "_" (web.input_); web.input, web.map… work too.
_UNDERSCORED = ("del", "input", "map", "object")


class Options:
    """The options of a select, datalist or optgroup: `add(value=, html=,
    text=, before=, **attributes)`, `remove(index)`, `clear()`, `selected`,
    `[index]`, `len`, iteration."""

    def __init__(self, element):
        self._element = element

    @property
    def options(self):
        return [Element.wrap_dom_element(dom) for dom in _select(self._element._dom_element, "option", "options")]

    @property
    def selected(self):
        """The selected option, or None."""
        for option in self.options:
            if option.selected:
                return option
        return None

    def add(self, value=None, html=None, text=None, before=None, **attributes):
        """Add an option (`html` is markup, `text` is text), at the end or before
        `before` (an option, or its index)."""
        new = _classes_by_tag["option"](**attributes)
        for name, given in (("value", value), ("innerHTML", html), ("text", text)):
            if given is not None:
                setattr(new, name, given)
        if isinstance(before, int) and not isinstance(before, bool):
            before = self.options[before]
        if before is None:
            return self._element.append(new)
        before._dom_element.parentNode.insertBefore(new._dom_element, before._dom_element)

    def remove(self, index):
        self.options[index]._dom_element.remove()

    def clear(self):
        for option in self.options:
            option._dom_element.remove()

    def __getitem__(self, key):
        return self.options[key]

    def __iter__(self):
        return iter(self.options)

    def __len__(self):
        return len(self.options)

    def __repr__(self):
        return "Options(%r)" % self.options


class HasOptions:
    """For select, datalist and optgroup: their `options`."""

    @property
    def options(self):
        return Options(self)


class canvas(ContainerElement):
    """A <canvas>, with `draw(image, width=None, height=None)` and `download(filename)`."""

    _tag = "canvas"

    def draw(self, what, width=None, height=None):
        """Draw an image source (img, video, canvas: Element or DOM) at the top left, scaled if asked."""
        source = what._dom_element if isinstance(what, Element) else what
        context = self._dom_element.getContext("2d")
        if width or height:
            context.drawImage(source, 0, 0, width or self.width, height or self.height)
        else:
            context.drawImage(source, 0, 0)

    def download(self, filename="snapped.png"):
        """Save the picture as a PNG file named `filename`."""
        link = _classes_by_tag["a"](download=filename, href=self._dom_element.toDataURL())
        link._dom_element.click()


class video(ContainerElement):
    """A <video>, with `snap(to=None, width=None, height=None)`: its frame drawn on a canvas."""

    _tag = "video"

    def snap(self, to=None, width=None, height=None):
        """Draw the current frame on `to` (a canvas Element, DOM canvas or
        selector; a new canvas when None) and return that canvas."""
        width, height = width or self.videoWidth, height or self.videoHeight
        if to is None:
            to = canvas(width=width, height=height)
        elif isinstance(to, str):
            found = _select(document, to, "video.snap")
            to = Element.wrap_dom_element(found[0]) if found else None
        elif not isinstance(to, Element):
            to = Element.wrap_dom_element(to)
        if not isinstance(to, canvas):
            raise TypeError("video.snap(to=...): give a canvas (an Element, a DOM canvas or a selector)")
        to.draw(self, width, height)
        return to


def _make_classes():
    """A class for every tag, registered for wrapping, and named in this module."""
    made = {"canvas": canvas, "video": video}
    for tag in ("select", "datalist", "optgroup"):
        made[tag] = type(tag, (ContainerElement, HasOptions), {"_tag": tag, "__doc__": "A <%s>, with its options." % tag})
    for tags, base in ((CONTAINER_TAGS, ContainerElement), (VOID_TAGS, Element)):
        for tag in tags:
            if tag not in made:
                made[tag] = type(tag, (base,), {"_tag": tag, "__doc__": "A <%s> element." % tag})
    _classes_by_tag.update(made)
    names = globals()
    for tag, element_class in made.items():
        names[tag + "_" if tag in _UNDERSCORED else tag] = element_class


class Page:
    """The page: `page["id"]` (or `"#id"`) gives that Element or None,
    `find(selector)` an ElementCollection; `body`, `head`, `html`; `title`
    reads and sets the title; `append(...)` adds to the body."""

    @property
    def html(self):
        return Element.wrap_dom_element(document.documentElement)

    @property
    def head(self):
        return Element.wrap_dom_element(document.head)

    @property
    def body(self):
        return Element.wrap_dom_element(document.body)

    @property
    def title(self):
        return document.title

    @title.setter
    def title(self, value):
        document.title = str(value)

    def __getitem__(self, key):
        return _by_id(document, key, "page")

    def find(self, selector):
        """Every element on the page matching the CSS `selector`, as an ElementCollection."""
        return _wrap_all(_select(document, selector, "page.find"))

    def append(self, *items):
        self.body.append(*items)


_make_classes()

#: The page this code runs in.
page = Page()


def find(selector):
    """Every element on the page matching the CSS `selector` (`page.find`)."""
    return page.find(selector)


def __getattr__(name):
    # web.input, web.map, web.object: not globals, so that `import *` can't hide the builtins.
    if name in _UNDERSCORED[1:]:
        return _classes_by_tag[name]
    if name.startswith("_"):
        raise AttributeError(name)
    raise AttributeError(
        "pyscript.web has no %r. Elements are named by their HTML tag, in lower case (web.div, web.button, "
        "web.input_); for another tag, wrap one: web.Element(dom_element=document.createElement(...))" % name
    )


__all__ = ["page", "find", "when", "HTML", "Page", "Element", "ContainerElement", "ElementCollection", "Classes",
           "Style", "Options", "HasOptions", "CONTAINER_TAGS", "VOID_TAGS"]
__all__ += [tag + "_" if tag in _UNDERSCORED else tag for tag in _classes_by_tag]

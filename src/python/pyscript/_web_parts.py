"""pyscript.web's views of one element's CSS: its classes, as a set, and
its inline style, as a dict. What you change shows on the page at once."""

from pyscript.ffi import is_none


def _class_names(values, where):
    """Class names from strings (split at spaces) and iterables of them."""
    names = []
    for value in values:
        if isinstance(value, str):
            names.extend(value.split())
        elif isinstance(value, (list, tuple, set, Classes)):
            names.extend(_class_names(value, where))
        else:
            raise TypeError("%s: class names are strings, not %s" % (where, type(value).__name__))
    return names


class Classes:
    """An element's CSS classes, as a set: what you change shows at once.
    `add`, `remove` (KeyError when absent), `discard`, `toggle`, `replace`,
    `contains`, `clear`, `in`, `len`, iteration, and `==` with any set."""

    def __init__(self, dom_element):
        self._dom = dom_element

    def _names(self):
        names = self._dom.getAttribute("class")
        return [] if is_none(names) else names.split()

    def add(self, *names):
        for name in _class_names(names, "classes.add()"):
            self._dom.classList.add(name)

    def remove(self, *names):
        names = _class_names(names, "classes.remove()")
        for name in names:
            if name not in self:
                raise KeyError("classes.remove(%r): the element has no class %r (discard() removes "
                               "a class only if it is there)" % (name, name))
        self.discard(*names)

    def discard(self, *names):
        for name in _class_names(names, "classes.discard()"):
            self._dom.classList.remove(name)

    def toggle(self, *names):
        for name in _class_names(names, "classes.toggle()"):
            self._dom.classList.toggle(name)

    def replace(self, old, new):
        self.remove(old)
        self.add(new)

    def contains(self, name):
        return name in self

    def clear(self):
        self._dom.removeAttribute("class")

    def __contains__(self, name):
        return name in self._names()

    def __iter__(self):
        return iter(self._names())

    def __len__(self):
        return len(self._names())

    def __eq__(self, other):
        if isinstance(other, str):
            other = other.split()
        try:
            return set(self._names()) == set(other)
        except TypeError:
            return False

    def __str__(self):
        return " ".join(self._names())

    def __repr__(self):
        return "Classes(%r)" % self._names()


def css_name(key):
    """A CSS property's name: `backgroundColor` and `background_color` become `background-color`."""
    if key.startswith("--"):
        return key  # a custom property: keep it exactly
    name = ""
    for char in key.replace("_", "-"):
        name += "-" + char.lower() if "A" <= char <= "Z" else char
    return name


class Style:
    """An element's inline style, as a dict of CSS properties (`"font-size"`,
    or `"fontSize"`): `style[name]`, `style[name] = value`, `del style[name]`,
    `get`, `set(**props)`, `update`, `remove`, `pop`, `keys`, `items`, `in`."""

    def __init__(self, dom_element):
        self._css = dom_element.style

    def __getitem__(self, key):
        value = self._css.getPropertyValue(css_name(key))
        if not value:
            raise KeyError("style[%r]: the element's style doesn't set it (style.get(%r) gives None "
                           "instead of raising)" % (key, key))
        return value

    def get(self, key, default=None):
        return self._css.getPropertyValue(css_name(key)) or default

    def __setitem__(self, key, value):
        if value is None:
            return self.remove(key)
        name, text = css_name(key), str(value)
        old, priority = self._css.getPropertyValue(name), self._css.getPropertyPriority(name)
        self._css.removeProperty(name)  # so that a value the browser rejects reads back empty
        self._css.setProperty(name, text)
        if text and not self._css.getPropertyValue(name):
            self._css.setProperty(name, old, priority)
            raise ValueError("style[%r] = %r: the browser ignored it, as it doesn't know that CSS property "
                             "or value. Check both (no '!important' or ';' in the value)." % (key, text))

    def __delitem__(self, key):
        self.remove(key)

    def remove(self, key):
        """Remove one property (nothing happens if it isn't set)."""
        self._css.removeProperty(css_name(key))

    def pop(self, key, default=None):
        value = self.get(key, default)
        self.remove(key)
        return value

    def set(self, **props):
        """style.set(color="red", font_size="2em"): underscores stand for hyphens."""
        self.update(props)

    def update(self, props=None, **more):
        for source in (props or {}, more):
            for key in source:
                self[key] = source[key]

    def clear(self):
        self._css.cssText = ""

    def keys(self):
        return [self._css.item(index) for index in range(self._css.length)]

    def items(self):
        return [(key, self._css.getPropertyValue(key)) for key in self.keys()]

    def values(self):
        return [value for _, value in self.items()]

    def __contains__(self, key):
        return bool(self._css.getPropertyValue(css_name(key)))

    def __iter__(self):
        return iter(self.keys())

    def __len__(self):
        return self._css.length

    def __eq__(self, other):
        return isinstance(other, (dict, Style)) and dict(self.items()) == dict(other.items())

    def __repr__(self):
        return "Style(%r)" % dict(self.items())

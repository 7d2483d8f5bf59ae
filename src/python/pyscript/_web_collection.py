"""pyscript.web's ElementCollection: several elements (what `find` gives)
as a list that also acts on all of them at once."""

import js


def wrap_all(dom_elements):
    """A collection of the Elements wrapping each of `dom_elements`."""
    from pyscript._web_element import Element

    return ElementCollection([Element.wrap_dom_element(dom) for dom in dom_elements])


class ElementCollection:
    """Elements as a list: `len`, iteration, `[index]`, `[start:stop]` (a
    collection), `["id"]` (the element with that id in it or under it, or
    None), `find(selector)`. Setting an attribute sets it on every element
    (`items.innerHTML = "x"`), reading one gives the list of their values;
    `classes` and `style` act on every element; `update_all(**attributes)`."""

    def __init__(self, elements):
        self._elements = list(elements)

    @classmethod
    def wrap_dom_elements(cls, dom_elements):
        return wrap_all(dom_elements)

    @property
    def elements(self):
        """The elements, as a list."""
        return self._elements

    def __getitem__(self, key):
        if isinstance(key, slice):
            return ElementCollection(self._elements[key])
        if isinstance(key, str):
            return self._by_id(key.lstrip("#"))
        if isinstance(key, int) and not isinstance(key, bool):
            if not -len(self) <= key < len(self):
                raise IndexError("collection[%d]: the collection has %d element(s)" % (key, len(self)))
            return self._elements[key]
        raise TypeError("collection[%r]: use an int, a slice or an id (str), not %s" % (key, type(key).__name__))

    def _by_id(self, element_id):
        for element in self._elements:
            if element.id == element_id:
                return element
            found = element[element_id]
            if found is not None:
                return found
        return None

    def __iter__(self):
        return iter(self._elements)

    def __len__(self):
        return len(self._elements)

    def __eq__(self, other):
        return isinstance(other, ElementCollection) and self._elements == other._elements

    def __repr__(self):
        return "ElementCollection(%r)" % self._elements

    def find(self, selector):
        """Every element under any of these matching the CSS `selector`, each once."""
        found, seen = [], js.Set.new()
        for element in self._elements:
            for match in element.find(selector):
                if not seen.has(match._dom_element):
                    seen.add(match._dom_element)
                    found.append(match)
        return ElementCollection(found)

    def update_all(self, **attributes):
        """Set these attributes on every element (as `element.update` does)."""
        for element in self._elements:
            element.update(**attributes)

    @property
    def classes(self):
        """Every element's classes at once: `add`, `remove` and `discard`
        (skip elements without the class), `toggle`, `replace`; `in` is
        True when any element has the class; iteration gives each class once."""
        return _AllClasses(self._elements)

    @property
    def style(self):
        """Every element's style at once: `style[name] = value` sets it on all,
        `style[name]` gives the list of their values; `del`, `remove`, `set`."""
        return _AllStyles(self._elements)

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return [getattr(element, name) for element in self._elements]

    def __setattr__(self, name, value):
        if name.startswith("_"):
            super().__setattr__(name, value)
        else:
            for element in self._elements:
                setattr(element, name, value)


class _AllClasses:
    def __init__(self, elements):
        self._elements = elements

    def _each(self, method, *args):
        for element in self._elements:
            getattr(element.classes, method)(*args)

    def add(self, *names):
        self._each("add", *names)

    def remove(self, *names):
        self._each("discard", *names)

    discard = remove

    def toggle(self, *names):
        self._each("toggle", *names)

    def replace(self, old, new):
        for element in self._elements:
            if old in element.classes:
                element.classes.replace(old, new)

    def clear(self):
        self._each("clear")

    def contains(self, name):
        return name in self

    def __contains__(self, name):
        return any(name in element.classes for element in self._elements)

    def __iter__(self):
        seen = []
        for element in self._elements:
            for name in element.classes:
                if name not in seen:
                    seen.append(name)
        return iter(seen)

    def __len__(self):
        return len(list(iter(self)))

    def __repr__(self):
        return "AllClasses(%r)" % list(self)


class _AllStyles:
    def __init__(self, elements):
        self._elements = elements

    def __getitem__(self, key):
        return [element.style.get(key) for element in self._elements]

    def __setitem__(self, key, value):
        for element in self._elements:
            element.style[key] = value

    def __delitem__(self, key):
        self.remove(key)

    def remove(self, key):
        for element in self._elements:
            element.style.remove(key)

    def set(self, **props):
        for element in self._elements:
            element.style.set(**props)

    def __repr__(self):
        return "AllStyles(%r)" % [element.style for element in self._elements]

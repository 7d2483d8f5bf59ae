"""pyscript.web's Element: one element of the page, made by Python
(`web.div(...)`) or found on it, with its attributes (the DOM's own),
classes, style, children and `on_<event>` events."""

import js
import _pyscript
from pyscript import document, window
from pyscript._display import HTML
from pyscript.ffi import is_none
from pyscript._web_collection import ElementCollection, wrap_all
from pyscript._web_event import element_event
from pyscript._web_parts import Classes, Style

#: Element classes by tag name, so an element found on the page gets its own (web.div…).
classes_by_tag = {}
_same = getattr(js.Object, "is")
# CSS.escape is the page's (a worker has no CSS of its own).
_css_escape = (js.CSS if hasattr(js, "CSS") else window.CSS).escape if not _pyscript.in_worker or _pyscript.can_block else None


def nodes(js_list):
    """A JavaScript list (array, NodeList, HTMLCollection) as a Python list, copied now."""
    return [js_list[index] for index in range(js_list.length)]


def select(root, selector, where):
    """The DOM elements under `root` that match the CSS `selector`."""
    if not isinstance(selector, str):
        raise TypeError("%s(%r): a selector is a str, such as \"div\" or \".item\"" % (where, selector))
    found = _pyscript.select(root, selector)
    if isinstance(found, str):
        raise ValueError("%s(%r): that is not a valid CSS selector (the browser says: %s). "
                         "Write one such as \"div\", \".item\" or \"#main > p\"." % (where, selector, found.rstrip(".")))
    return nodes(found)


def by_id(root, element_id, where):
    """The Element with this id ("#" in front is optional) under `root`, or None."""
    if not isinstance(element_id, str):
        raise TypeError("%s[%r]: look elements up by id (a str), by index or by slice" % (where, element_id))
    element_id = element_id[1:] if element_id.startswith("#") else element_id
    found = select(root, "#" + _css_escape(element_id), where) if element_id else []
    return Element.wrap_dom_element(found[0]) if found else None


def _dom_name(name):
    """The DOM's name for an attribute: `for_` is `htmlFor`, `class_` is `className`."""
    name = name[:-1] if name.endswith("_") else name
    return {"for": "htmlFor", "class": "className"}.get(name, name)


class Element:
    """An element of the page. Its DOM attributes read and write as Python
    attributes (`el.id`, `el.value`, `el.innerHTML`, `el.focus()`); `classes`
    is a set, `style` a dict, `on_click` (any `on_<event>`) an Event; the DOM
    element itself is `_dom_element`. `web.Element(dom_element=node)` wraps one."""

    _tag = None  # the tag this class makes (a subclass of your own: its name, less any "_")

    @classmethod
    def get_tag_name(cls):
        if cls in (Element, ContainerElement):
            return None
        return cls._tag or cls.__name__.replace("_", "")

    @classmethod
    def register_element_classes(cls, element_classes):
        """Wrap elements found on the page with these classes (by their tag names)."""
        for element_class in element_classes:
            classes_by_tag[element_class.get_tag_name()] = element_class

    @classmethod
    def unregister_element_classes(cls, element_classes):
        for element_class in element_classes:
            classes_by_tag.pop(element_class.get_tag_name(), None)

    @classmethod
    def wrap_dom_element(cls, dom_element):
        """The Element for a DOM element, of the class for its tag."""
        return classes_by_tag.get(dom_element.tagName.lower(), Element)(dom_element=dom_element)

    def __init__(self, *args, children=None, dom_element=None, classes=None, style=None, **attributes):
        if is_none(dom_element):
            tag = self.get_tag_name()
            if tag is None:
                raise TypeError("Element() needs dom_element=: to make a new element, call its own "
                                "class, such as web.div(...) or web.button(...)")
            dom_element = document.createElement(tag)
        self._dom_element = dom_element
        if classes is not None or style is not None or attributes:
            self.update(classes=classes, style=style, **attributes)
        if args or children:
            self._add_children(list(args) + list(children or []))

    def _add_children(self, children):
        tag = self.get_tag_name()
        raise TypeError("web.%s(%r): <%s> is a void element and can't have children; give its attributes "
                        "by name, such as web.img(src=..., alt=...)" % (tag, children[0], tag))

    def __getattr__(self, name):
        if name.startswith("on_"):
            return self.get_event(name)
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            value = getattr(self._dom_element, _dom_name(name))
        except AttributeError:
            raise AttributeError("%r has no attribute %r (nor has its DOM element)" % (self, name)) from None
        return None if is_none(value) else value

    def __setattr__(self, name, value):
        if name.startswith("_"):
            super().__setattr__(name, value)
        elif name.startswith("on_"):
            self.get_event(name).add_listener(value)
        elif name in ("classes", "style"):
            getattr(self, name).clear()
            self.update(**{name: value})
        elif value is None or isinstance(value, (str, int, float)):
            problem = _pyscript.set_property(self._dom_element, _dom_name(name), value)
            if problem:
                raise AttributeError("%r.%s = %r: %s" % (self, name, value, problem))
        else:  # a JavaScript object, or a Python one JavaScript must keep (a function, a list…)
            setattr(self._dom_element, _dom_name(name), value)

    def __getitem__(self, key):
        """`el[0]`, `el[1:3]`: children; `el["id"]`: the element with that id under this one, or None."""
        if isinstance(key, (int, slice)):
            return self.children[key]
        return by_id(self._dom_element, key, repr(self))

    def __eq__(self, other):
        return isinstance(other, Element) and _same(self._dom_element, other._dom_element)

    def __repr__(self):
        element_id = self._dom_element.id
        return "<%s%s>" % (self._dom_element.tagName.lower(), ' id="%s"' % element_id if element_id else "")

    @property
    def children(self):
        """The child elements (not text), as an ElementCollection."""
        return wrap_all(nodes(self._dom_element.children))

    @property
    def parent(self):
        """The parent Element, or None."""
        parent = self._dom_element.parentElement
        return None if is_none(parent) else Element.wrap_dom_element(parent)

    @property
    def classes(self):
        return Classes(self._dom_element)

    @property
    def style(self):
        return Style(self._dom_element)

    def get_event(self, name):
        """The Event for `name` ("on_click", "on_input"…): its listeners run when the page fires it."""
        if not isinstance(name, str) or not name.startswith("on_"):
            raise ValueError("get_event(%r): event names are on_ and the DOM event's name, such as on_click" % (name,))
        if not js.Reflect.has(self._dom_element, "on" + name[3:]):
            raise ValueError("%r has no %r event: names are on_ and the DOM event's name, such as on_click, "
                             "on_input or on_keydown (for other events, use @when)" % (self, name))
        return element_event(self._dom_element, name[3:])

    def append(self, *items):
        """Add children at the end: Elements, collections, lists, DOM nodes, or
        strings (as text in a <span>; `HTML(...)` for markup)."""
        for item in items:
            self._insert(item, True)

    def _insert(self, item, text_in_span):
        if isinstance(item, HTML):
            return self._dom_element.insertAdjacentHTML("beforeend", item.html)
        if isinstance(item, (ElementCollection, list, tuple)):
            for each in item:
                self._insert(each, text_in_span)
            return
        problem = _pyscript.append_child(self._dom_element, self._node(item, text_in_span))
        if problem:
            raise ValueError("%r.append(%r): %s" % (self, item, problem))

    def _node(self, item, text_in_span):
        if isinstance(item, Element):
            return item._dom_element
        if isinstance(item, (str, int, float)) and not isinstance(item, bool):
            if not text_in_span:
                return document.createTextNode(str(item))
            span = document.createElement("span")
            span.textContent = str(item)
            return span
        if hasattr(item, "nodeType"):
            return item
        if hasattr(item, "length"):  # a NodeList or HTMLCollection: add its nodes, copied first
            fragment = document.createDocumentFragment()
            for node in nodes(item):
                fragment.appendChild(node)
            return fragment
        raise TypeError("%r.append(%r): can't add a %s; add Elements, strings, DOM nodes, collections "
                        "or lists of these" % (self, item, type(item).__name__))

    def find(self, selector):
        """Every element under this one matching the CSS `selector`, as an ElementCollection."""
        return wrap_all(select(self._dom_element, selector, "find"))

    def clone(self, clone_id=None):
        """A deep copy, not on the page yet, with id `clone_id` (no id when None)."""
        copy = Element.wrap_dom_element(self._dom_element.cloneNode(True))
        if clone_id is None:
            copy._dom_element.removeAttribute("id")
        else:
            copy.id = clone_id
        return copy

    def show_me(self):
        """Scroll the page to this element."""
        self._dom_element.scrollIntoView()

    def update(self, classes=None, style=None, **attributes):
        """Set attributes by name (`on_click=handler` adds a listener), add
        `classes` (a str or a list), and set `style` (a dict, or CSS text)."""
        for name in attributes:
            setattr(self, name, attributes[name])
        if classes is not None:
            self.classes.add(classes)
        if isinstance(style, str):
            self._dom_element.style.cssText = style
        elif style is not None:
            self.style.update(style)


class ContainerElement(Element):
    """An element that holds others: positional arguments (and `children=`)
    become its children, strings and numbers as text (`HTML(...)` for markup).
    Iterating it gives its child elements."""

    def _add_children(self, children):
        for child in children:
            self._insert(child, False)

    def __iter__(self):
        return iter(self.children)

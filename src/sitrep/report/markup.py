"""A tiny escaping HTML layer: every string is escaped unless it is already ``Markup``.

The report shows untrusted text (titles, outlets, quotes, URLs), so no page fragment is ever built
by pasting raw text into a string. Tags and attribute names come from code, never from data.

    >>> str(el("p", {"class": "note"}, "1 < 2"))
    '<p class="note">1 &lt; 2</p>'
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import urlsplit

# HTML void elements have no closing tag; empty SVG shapes close themselves.
_VOID = {"br", "hr", "img", "input", "meta", "link", "col", "wbr"}
_SVG_EMPTY = {"circle", "ellipse", "rect", "line", "path", "polygon", "polyline"}


class Markup(str):
    """A string that is already safe HTML (built by this module, or a fixed literal)."""

    __slots__ = ()


def escape(value) -> Markup:
    """Escape any value for HTML text or a quoted attribute; ``Markup`` passes through."""
    if isinstance(value, Markup):
        return value
    return Markup(html.escape("" if value is None else str(value), quote=True))


def render(child) -> str:
    """Render a child: Markup as is, lists flattened, None/False dropped, anything else escaped."""
    if child is None or child is False:
        return ""
    if isinstance(child, Markup):
        return child
    if isinstance(child, (list, tuple)):
        return "".join(render(c) for c in child)
    return escape(child)


def attrs_html(attrs: dict | None) -> str:
    """`` name="value"`` pairs; True -> bare attribute, None/False -> left out."""
    if not attrs:
        return ""
    out = []
    for name, value in attrs.items():
        if value is None or value is False:
            continue
        name, is_url = _attr_name(name)
        if is_url:
            value = value if isinstance(value, Markup) else safe_href(value)
            if value is None:
                continue
        out.append(f" {name}" if value is True else f' {name}="{escape(value)}"')
    return "".join(out)


@lru_cache(maxsize=512)
def _attr_name(name: str) -> tuple[str, bool]:
    """Checked attribute name (``class_`` -> ``class``) and whether its value is a URL."""
    name = name.rstrip("_").replace("_", "-")
    if not name.replace("-", "").isalnum() or name.lower().startswith("on"):
        raise ValueError(f"attribute name not allowed: {name!r}")
    return name, name.lower() in ("href", "src", "action", "formaction")


def el(tag: str, attrs: dict | None = None, *children) -> Markup:
    """One element with escaped attributes and children: ``el("td", None, "5")``."""
    if tag in _VOID:
        return Markup(f"<{tag}{attrs_html(attrs)}>")
    if tag in _SVG_EMPTY and not children:
        return Markup(f"<{tag}{attrs_html(attrs)}/>")
    return Markup(f"<{tag}{attrs_html(attrs)}>{render(list(children))}</{tag}>")


def join(parts: Iterable, sep: str = "") -> Markup:
    """Join rendered parts with a literal separator."""
    return Markup(sep.join(render(p) for p in parts))


def safe_href(url) -> str | None:
    """The URL if it is an absolute http(s) link or an in-page/relative file link, else None.

    >>> safe_href("javascript:alert(1)") is None
    True
    """
    if url is None:
        return None
    url = str(url).strip()
    if url.startswith("#"):
        return url
    scheme = urlsplit(url).scheme.lower()
    if scheme in ("http", "https"):
        return url
    # A relative link to a file beside the report (rejected.json) has no scheme and no host.
    if not scheme and not url.startswith("//") and ":" not in url.split("/")[0]:
        return url
    return None


def external_href(url) -> str | None:
    """Only absolute http(s) URLs: article links from data never become relative or script links."""
    if url is None:
        return None
    url = str(url).strip()
    parts = urlsplit(url)
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def json_script(element_id: str, data) -> Markup:
    """Data for the page's script, in ``<script type="application/json">`` that text cannot end.

    ``<``, ``>`` and ``&`` are written as ``\\u003c`` etc., so "</script>" or "<!--" in the data
    stays inside the JSON string; U+2028/9 are escaped for old parsers.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )
    return Markup(f'<script type="application/json" id="{escape(element_id)}">{text}</script>')


def dom_id(prefix: str, value) -> str:
    """A safe, stable element id for a record id: ``dom_id("art", "000_x")`` -> ``art-000_x``.

    Characters outside ``[A-Za-z0-9_-]`` are replaced, and a short hash keeps two ids that differ
    only there apart.
    """
    import hashlib
    import re

    raw = str(value)
    clean = re.sub(r"[^A-Za-z0-9_-]", "_", raw)[:80]
    if clean != raw:
        clean += "-" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:6]
    return f"{prefix}-{clean}"

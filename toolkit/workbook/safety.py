"""What a workbook may publish, read and embed: the rules every exporter shares.

Provides

* :func:`inside` and :func:`real_inside`: whether a path stays in the workbook folder,
  by path arithmetic and after following symlinks;
* :func:`publishable_asset`: whether a file a chapter names may be copied into an output
  (a known image type, no hidden file or folder on the way);
* :func:`read_regular`: the bytes of a regular file, bounded (a symlink to ``/dev/zero``
  or a FIFO is refused instead of read forever);
* :func:`sanitise_svg`: an SVG reduced to an allow-list of drawing elements and
  attributes (no script, no event handler, no foreign content, no outside reference);
* :func:`sanitise_html`: the allow-list sanitiser every page's chapter HTML passes as a
  second line of defence after the renderer (see :data:`HTML_TAGS`);
* :func:`page_href`: a page path as a relative URL that can never be read as a scheme.

The workbook's folder is the boundary: nothing outside it is read for publishing, and
nothing inside it is copied unless a chapter shows it.
"""

from __future__ import annotations

import functools
import os
import posixpath
import re
import stat
from pathlib import Path
from typing import Any
from urllib.parse import quote

#: image files a chapter may show; everything else a chapter names stays out of the output
ASSET_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg"})

#: an image in a workbook is a photo of a flip chart, not a film
MAX_ASSET_BYTES = 32 * 1024 * 1024


def inside(root: str, path: str) -> bool:
    """Whether ``path`` is ``root`` or below it (both absolute and normalised)."""
    return path == root or path.startswith(os.path.join(root, ""))


def real_inside(root: Path | str, path: Path | str) -> bool:
    """Whether ``path`` stays inside ``root`` once every symlink is followed."""
    return inside(os.path.realpath(root), os.path.realpath(path))


def publishable_asset(rel: str) -> bool:
    """Whether the book-relative ``rel`` names a file of a known image type that is not
    hidden (no part of the path starts with ``.``) and does not leave the book."""
    rel = rel.replace("\\", "/")
    if not rel or rel.startswith("/") or posixpath.normpath(rel).startswith(".."):
        return False
    if any(part.startswith(".") for part in rel.split("/") if part):
        return False
    return posixpath.splitext(rel)[1].lower() in ASSET_SUFFIXES


class UnsafeFile(Exception):
    """A file that must not be read for publishing; the message says why."""


def read_regular(path: Path | str, limit: int = MAX_ASSET_BYTES) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them; :class:`UnsafeFile`
    for devices, FIFOs, folders and files that are too large. The type is checked on the
    open file itself, so a file swapped in between check and read is caught too."""
    # O_NONBLOCK: opening a FIFO must not wait for a writer before fstat can refuse it
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise UnsafeFile(exc.strerror or str(exc)) from exc
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise UnsafeFile("not a regular file")
        if st.st_size > limit:
            raise UnsafeFile(f"larger than {limit // (1024 * 1024)} MiB")
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise UnsafeFile(f"larger than {limit // (1024 * 1024)} MiB")
        return b"".join(chunks)
    finally:
        os.close(fd)


# --- SVG -------------------------------------------------------------------------------

_SVG_NS = "http://www.w3.org/2000/svg"
_XLINK_NS = "http://www.w3.org/1999/xlink"
SVG_ELEMENTS = frozenset({
    "svg", "g", "defs", "title", "desc", "symbol", "use", "path", "rect", "circle", "ellipse", "line",
    "polyline", "polygon", "text", "tspan", "textPath", "linearGradient", "radialGradient", "stop",
    "clipPath", "mask", "pattern", "marker", "style", "a",
})
SVG_ATTRIBUTES = frozenset({
    "id", "class", "viewBox", "width", "height", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry",
    "d", "points", "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity",
    "stroke-linecap", "stroke-linejoin", "stroke-dasharray", "stroke-dashoffset", "stroke-miterlimit",
    "opacity", "transform", "font-family", "font-size", "font-weight", "font-style", "text-anchor",
    "dominant-baseline", "dx", "dy", "rotate", "offset", "stop-color", "stop-opacity", "gradientUnits",
    "gradientTransform", "spreadMethod", "fx", "fy", "clip-path", "clip-rule", "mask", "marker-start",
    "marker-mid", "marker-end", "markerWidth", "markerHeight", "refX", "refY", "orient", "markerUnits",
    "patternUnits", "patternContentUnits", "patternTransform", "preserveAspectRatio", "version",
    "visibility", "display", "color", "href", "role", "aria-label", "lang", "xml:space", "letter-spacing",
    "textLength", "lengthAdjust",
})
# what a style sheet or presentation attribute could use to reach out or run something
_SVG_BAD_VALUE = re.compile(r"url\s*\(\s*['\"]?\s*(?!#)|@import|expression\s*\(|javascript:|data:", re.I)


#: how deep an SVG's elements may nest (drawings nest a few groups; 100,000 would overflow
#: the stack of the cleaner and the writer)
MAX_SVG_DEPTH = 200


class UnsafeSvg(Exception):
    """An SVG that cannot be read as XML (or declares entities)."""


def _local(name: str) -> tuple[str, str]:
    if name.startswith("{"):
        ns, _sep, local = name[1:].partition("}")
        return ns, local
    return "", name


def sanitise_svg(data: bytes) -> bytes:
    """``data`` (an SVG file) rebuilt from allowed elements and attributes only: scripts,
    event handlers, ``foreignObject``, images and references to anything but the file's own
    ``#ids`` are dropped. :class:`UnsafeSvg` for files that are not well-formed XML, that
    declare a DTD (entities can expand without bound) or nest too deeply."""
    from xml.etree import ElementTree  # only when a book shows an SVG file

    from toolkit.i18n import _

    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise UnsafeSvg(_("SVG with a DTD or entities"))
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise UnsafeSvg(_("not well-formed XML: {error}").format(error=exc)) from exc
    ns, local = _local(root.tag)
    if local != "svg" or ns not in ("", _SVG_NS):
        raise UnsafeSvg(_("not an SVG document"))

    def clean(element: Any, depth: int = 0) -> None:
        if depth > MAX_SVG_DEPTH:  # cleaning and writing recurse per level
            raise UnsafeSvg(_("elements nested more than {n} levels deep").format(n=MAX_SVG_DEPTH))
        for child in list(element):
            cns, clocal = _local(child.tag) if isinstance(child.tag, str) else ("?", "?")
            if cns not in ("", _SVG_NS) or clocal not in SVG_ELEMENTS:
                element.remove(child)
                continue
            if clocal == "style" and child.text and _SVG_BAD_VALUE.search(child.text):
                element.remove(child)
                continue
            clean(child, depth + 1)
        for name in list(element.attrib):
            ans, alocal = _local(name)
            value = element.attrib[name]
            allowed = (ans == "" and alocal in SVG_ATTRIBUTES) or (ans == _XLINK_NS and alocal == "href")
            if alocal == "href" and not value.strip().startswith("#"):
                allowed = False
            if not allowed or _SVG_BAD_VALUE.search(value):
                del element.attrib[name]

    clean(root)
    ElementTree.register_namespace("", _SVG_NS)
    ElementTree.register_namespace("xlink", _XLINK_NS)
    data_out: bytes = ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)
    return data_out


# --- HTML ------------------------------------------------------------------------------

#: what the renderer (CommonMark, tables, task lists, footnotes, heading anchors) produces;
#: anything else a plugin's rule emits is removed
HTML_TAGS = frozenset({
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "s", "del", "code", "pre",
    "blockquote", "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tr", "th", "td", "input",
    "section", "sup", "sub", "span", "div", "figure", "figcaption", "dl", "dt", "dd", "kbd", "mark", "small",
    "svg",
})
HTML_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start", "reversed"},
    "li": {"value"},
    "input": {"type", "checked", "disabled"},
    "th": {"colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
#: the scheme at the start of a URL (``javascript:``), if it has one
URL_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):", re.I)
# browsers ignore these inside a scheme ("java\tscript:" is javascript:)
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f-\x9f]+")


def safe_url(url: str) -> bool:
    """Whether ``url`` may appear in a link or image: one of :data:`URL_SCHEMES` or no scheme
    at all."""
    from urllib.parse import unquote

    cleaned = _IGNORED_IN_URL.sub("", unquote(url))
    match = URL_SCHEME.match(cleaned)
    if match is None:
        return True  # relative, or protocol-relative (which is http or https)
    return match.group(1).lower() in URL_SCHEMES


def sanitise_html(fragment: str) -> str:
    """``fragment`` through nh3's allow-list (tags, attributes, URL schemes); comments and
    everything inside ``script``/``style`` are dropped."""
    import nh3

    return nh3.clean(fragment, tags=set(HTML_TAGS - {"svg"}), attributes=HTML_ATTRIBUTES,
                     url_schemes=set(URL_SCHEMES), link_rel=None, strip_comments=True)


@functools.lru_cache(maxsize=65536)  # pure, and called for every chapter on every rebuild
def page_href(page: str) -> str:
    """The relative URL of the book-relative ``page``: every segment percent-encoded, so a
    file named ``javascript:alert(1).md`` links to ``javascript%3Aalert(1).html``."""
    return quote(page, safe="/()!*,;=~'")

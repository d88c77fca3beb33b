"""The HTML print page that every format here starts from, built with the toolkit's own
safe ``html`` exporter into a folder inside the build."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from toolkit.errors import CimisError

SITE_DIR = ".site"

_REMOTE_IMG = re.compile(r'<img src="(?:https?:)?//[^"]*" alt="([^"]*)"[^>]*>')
_IMG = re.compile(r'<img\b[^>]*>')
_ATTR = re.compile(r'\s([a-zA-Z-]+)="([^"]*)"')


def build_print_page(book: Any, out_dir: Path) -> Path:
    """Build the HTML site under ``out_dir/.site`` and return its ``print.html``."""
    from toolkit.workbook.html import build_site

    site = Path(out_dir) / SITE_DIR
    site.mkdir(parents=True, exist_ok=True)
    build_site(book, site)
    return site / "print.html"


def without_remote_images(html: str) -> str:
    """``html`` with images on other servers replaced by their alternative text, so that
    no converter reaches out to the network."""
    return _REMOTE_IMG.sub(lambda m: m.group(1), html)


def require(module: str, what: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except (ImportError, OSError) as exc:  # OSError: WeasyPrint without Pango
        from toolkit import translate

        raise CimisError(translate("{what} is not available ({error}); see the README of cimis-pandoc").format(
            what=what, error=exc)) from exc


def confined_images(html: str, root: Path) -> str:
    """``html`` with every ``<img>`` whose source is not a file inside ``root`` (after
    following symlinks) replaced by its alternative text: pandoc embeds whatever file an
    image names, ``/etc/passwd`` included, so only the build's own copies may remain.
    (The renderer already drops such images; this is the converter's own guard.)"""
    import html as htmllib
    import os
    from urllib.parse import unquote

    from toolkit.workbook.safety import inside

    base = os.path.realpath(root)

    def sub(match: re.Match[str]) -> str:
        attrs: dict[str, str] = dict(_ATTR.findall(match.group(0)))
        src = htmllib.unescape(attrs.get("src", ""))
        alt = attrs.get("alt", "")
        if not src or ":" in src.split("/", 1)[0] or src.startswith(("/", "\\")):
            return alt
        path = os.path.realpath(os.path.join(base, unquote(src.split("#", 1)[0].split("?", 1)[0])))
        if not inside(base, path) or not os.path.isfile(path):
            return alt
        return match.group(0)

    return _IMG.sub(sub, html)

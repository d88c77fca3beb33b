"""The HTML print page that every format here starts from, built with the toolkit's own
safe ``html`` exporter into a folder inside the build."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from toolkit.errors import CimisError

SITE_DIR = ".site"

_REMOTE_IMG = re.compile(r'<img src="(?:https?:)?//[^"]*" alt="([^"]*)"[^>]*>')


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
        raise CimisError(f"{what} is not available ({exc}); see the README of cimis-pandoc") from exc

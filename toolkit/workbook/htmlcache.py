"""The HTML exporter's build cache: rendered chapters by path, and the manifest of the
last output (so that unchanged files are linked instead of written again).

Kept as a record log (:mod:`toolkit.recordlog`) whose header holds the format version and
the renderer's fingerprint: an incremental build appends only what changed, so saving
costs next to nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from toolkit.workbook.logmemo import open_log, saved

CACHE_FILE = "html.cache"
VERSION = 4  # 4: a page title (mdBook's {{#title}}) with every entry


class BuildCache:
    """Rendered chapters (``entry`` records by chapter path) and the last ``manifest``."""

    def __init__(self, folder: Path | None, fingerprint: str):
        self.folder = folder
        self.log = open_log(folder / CACHE_FILE, ("cimis-html", VERSION, fingerprint)) if folder is not None else None
        values = self.log.values if self.log is not None else {}
        self.entries: dict[str, tuple[Any, ...]] = {key[1]: value for key, value in values.items() if key[0] == "entry"}
        self.manifest: dict[str, tuple[Any, ...]] = values.get(("manifest",), {})

    def save(self, entries: dict[str, tuple[Any, ...]], manifest: dict[str, tuple[Any, ...]]) -> None:
        """Record ``entries`` (every chapter of this build) and the new ``manifest``."""
        if self.log is None:
            return
        # chapters gone from the book are dropped, so the log does not grow without end
        self.log.values = {("entry", rel): entry for rel, entry in entries.items()}
        self.log.values[("manifest",)] = manifest
        self.log.save()
        saved(self.log)
        self.entries = dict(entries)
        self.manifest = manifest

    def get(self, rel: str) -> Any:
        return self.entries.get(rel)

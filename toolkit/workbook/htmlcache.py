"""The HTML exporter's build cache: rendered chapters by path, and the manifest of the
last output (so that unchanged files are linked instead of written again).

One append-only file of pickled records: a header (format version and renderer
fingerprint), then ``("entry", path, entry)`` and ``("manifest", files)`` records; a later
record wins. An incremental build appends only what changed, so saving costs next to
nothing; the file is rewritten whole when the fingerprint changed or it has grown to
hold mostly dead records. A truncated tail (a build killed while appending) is ignored:
a cache only ever saves work, it never decides what a page says.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import Any

CACHE_FILE = "html.cache"
VERSION = 3


class BuildCache:
    def __init__(self, folder: Path | None, fingerprint: str):
        self.folder = folder
        self.fingerprint = fingerprint
        self.entries: dict[str, tuple] = {}
        self.manifest: dict[str, tuple] = {}
        self._records = 0
        self._valid = False
        if folder is not None:
            self._load(folder / CACHE_FILE)

    def _load(self, path: Path) -> None:
        try:
            fh = open(path, "rb")
        except OSError:
            return
        with fh:
            try:
                header = pickle.load(fh)
            except Exception:
                return
            if header != ("cimis-html", VERSION, self.fingerprint):
                return
            self._valid = True
            while True:
                try:
                    record = pickle.load(fh)
                except EOFError:
                    break
                except Exception:  # a torn last record: what came before is still good
                    break
                self._records += 1
                if record[0] == "entry":
                    self.entries[record[1]] = record[2]
                elif record[0] == "manifest":
                    self.manifest = record[1]

    def save(self, entries: dict[str, tuple], manifest: dict[str, tuple]) -> None:
        """Record ``entries`` (every chapter of this build) and the new ``manifest``."""
        if self.folder is None:
            return
        changed = [(rel, entry) for rel, entry in entries.items() if self.entries.get(rel) is not entry]
        rewrite = not self._valid or self._records + len(changed) > 2 * len(entries) + 50
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / CACHE_FILE
        dump = pickle.dumps
        if rewrite:
            # no fsync: losing the cache costs one full build, never a wrong page
            tmp = self.folder / f".{CACHE_FILE}.{os.getpid()}.tmp"
            with open(tmp, "wb") as fh:
                fh.write(dump(("cimis-html", VERSION, self.fingerprint)))
                for rel, entry in entries.items():
                    fh.write(dump(("entry", rel, entry), pickle.HIGHEST_PROTOCOL))
                fh.write(dump(("manifest", manifest), pickle.HIGHEST_PROTOCOL))
            os.replace(tmp, path)
            self._records = len(entries) + 1
        else:
            with open(path, "ab") as fh:
                for rel, entry in changed:
                    fh.write(dump(("entry", rel, entry), pickle.HIGHEST_PROTOCOL))
                fh.write(dump(("manifest", manifest), pickle.HIGHEST_PROTOCOL))
            self._records += len(changed) + 1
        self._valid = True
        self.entries = dict(entries)
        self.manifest = manifest

    def get(self, rel: str) -> Any:
        return self.entries.get(rel)

"""A cache kept as an append-only file of pickled records, so that saving after a small
change writes only what changed.

Provides :class:`RecordLog`: a header (format and whatever the cached values depend on),
then ``(key, value)`` records; a later record for a key wins. :meth:`RecordLog.save` appends
the keys whose value changed and rewrites the whole file (atomically) only when the header
changed or dead records outnumber live ones. A torn tail (a process killed while appending)
is ignored: a cache only ever saves work, it never decides a result. Nothing is flushed to
disk: a lost cache costs time, never correctness.
"""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

_PROTOCOL = pickle.HIGHEST_PROTOCOL


class RecordLog:
    """``key -> value`` loaded from ``path`` when its header equals ``header``."""

    def __init__(self, path: Path, header: Any):
        self.path = path
        self.header = header
        self.values: dict[Any, Any] = {}
        self._saved: dict[Any, Any] = {}
        self._records = 0
        self._valid = False
        try:
            fh = open(path, "rb")  # noqa: SIM115 - a missing file is an empty log; closed by the with below
        except OSError:
            return
        with fh:
            try:
                if pickle.load(fh) != header:
                    return
            except Exception:  # noqa: BLE001 - not ours, or torn at the start
                return
            self._valid = True
            while True:
                try:
                    key, value = pickle.load(fh)
                except EOFError:
                    break
                except Exception:  # noqa: BLE001 - a torn last record: what came before is good
                    break
                self._records += 1
                self.values[key] = value
        self._saved = dict(self.values)

    def save(self) -> None:
        """Write what changed since loading (or the last save)."""
        changed = [(k, v) for k, v in self.values.items() if self._saved.get(k, _MISSING) is not v]
        if not changed and self._valid:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if not self._valid or self._records + len(changed) > 2 * len(self.values) + 50:
                from toolkit.paths import write_atomic

                write_atomic(self.path, b"".join([pickle.dumps(self.header, _PROTOCOL), *(
                    pickle.dumps(item, _PROTOCOL) for item in self.values.items())]), durable=False)
                self._records = len(self.values)
            else:
                with open(self.path, "ab") as fh:
                    for item in changed:
                        fh.write(pickle.dumps(item, _PROTOCOL))
                self._records += len(changed)
        except OSError:
            return  # a read-only cache folder only costs speed
        self._valid = True
        self._saved = dict(self.values)


_MISSING = object()

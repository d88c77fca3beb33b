"""Writing a build's files into its new output folder.

Unchanged files are hard-linked from the previous output instead of written again:
creating hundreds of new files costs far more than rendering one changed chapter, and a
link is as good as a copy because no build ever changes a file in place. A previous file
is only linked when its size and modification time are still what the last build
recorded (someone may have edited it), and where linking is impossible (another file
system, no hard links) the file is written. New files are written by two threads so
that the disk works while the next chapter renders.

In place (``in_place=True``, the rebuild of an earlier output): unchanged files are simply
left where they are, so a one-chapter rebuild touches a handful of files instead of
linking every page anew. New contents are staged as hidden temporary files beside their
targets and renamed over them only in :meth:`OutputWriter.close`, after every write
succeeded; :meth:`OutputWriter.discard` (a failed build) removes what was staged, so the
previous output stays as it was. Files the last build made and this one did not are
removed at the end.
"""

from __future__ import annotations

import hashlib
import os
import queue
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any


class _Writers:
    """Two threads that run the submitted writes (``concurrent.futures`` would cost a
    small book's build more to import than the writes themselves)."""

    def __init__(self, count: int = 2):
        self.count = count
        self.results: list[Any] = []
        self.errors: list[BaseException] = []
        self._jobs: queue.SimpleQueue[tuple[Callable[..., Any], tuple[Any, ...]] | None] = queue.SimpleQueue()
        self._threads: list[threading.Thread] = []

    def submit(self, fn: Callable[..., Any], *args: Any) -> None:
        if not self._threads:
            self._threads = [threading.Thread(target=self._work, name="cimis-write", daemon=True)
                             for _ in range(self.count)]
            for thread in self._threads:
                thread.start()
        self._jobs.put((fn, args))

    def _work(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            if self.errors:
                continue  # one failed: the build fails, the rest need not be written
            try:
                self.results.append(job[0](*job[1]))
            except BaseException as exc:  # noqa: BLE001 - reported by join()
                self.errors.append(exc)

    def join(self) -> None:
        """Wait until every submitted write has run."""
        for _thread in self._threads:
            self._jobs.put(None)
        for thread in self._threads:
            thread.join()
        self._threads = []


class OutputWriter:
    def __init__(self, out: Path, previous: Path | None = None, manifest: dict[str, tuple[Any, ...]] | None = None,
                 in_place: bool = False):
        self.out = str(out)
        self.in_place = in_place
        self.previous = str(previous) if previous is not None else (self.out if in_place else None)
        self._staged: list[tuple[str, str]] = []  # (temporary file, target) renamed in close()
        self.old = manifest or {}
        self.manifest: dict[str, tuple[Any, ...]] = {}
        self._made: set[str] = set()
        self._pool = _Writers()

    def _path(self, rel: str) -> str:
        path = os.path.join(self.out, rel)
        folder = os.path.dirname(path)
        if folder not in self._made:
            os.makedirs(folder, exist_ok=True)
            self._check_folder(folder)
            self._made.add(folder)
        return path

    def _check_folder(self, folder: str) -> None:
        """In place, an existing folder of the output might have been replaced by a symlink:
        writing (or removing) through it would happen outside the output."""
        if not self.in_place:
            return  # a fresh folder: every folder in it was made by this build
        from toolkit.errors import CimisError
        from toolkit.i18n import _

        root = os.path.realpath(self.out)
        real = os.path.realpath(folder)
        if real != root and not real.startswith(os.path.join(root, "")):
            raise CimisError(_("the output folder {path} is inside the workbook but a symlink leads it to {target}; "
                               "remove the symlink or choose another output folder").format(path=folder, target=real))

    def reuse(self, rel: str, key: str) -> bool:
        """Link ``rel`` from the previous output if it was made from the same inputs
        (``key``), without even making its text; ``False`` when it must be written."""
        old = self.old.get(rel)
        if old is None or old[3] != key or self.previous is None:
            return False
        if self._link(rel, self._path(rel), old):
            self.manifest[rel] = old
            return True
        return False

    def write(self, rel: str, text: str | bytes, key: str = "") -> None:
        """Write ``rel`` (or link it, when the previous output has the same content);
        ``key`` names the inputs it was made from, for :meth:`reuse` next time."""
        data = text.encode("utf-8") if isinstance(text, str) else text
        path = self._path(rel)
        old = self.old.get(rel)
        if old is None:
            # nothing to compare with: the writer thread makes the digest (hashlib lets go
            # of the interpreter lock for it, so it runs beside the next page's making)
            self._pool.submit(self._write, rel, path, data, None, key)
            return
        if key and old[3] != key:
            digest = b""  # made from other inputs: no need to compare contents
        else:
            digest = hashlib.blake2b(data, digest_size=16).digest()
        if old is not None and digest and old[0] == digest and self.previous is not None and self._link(rel, path, old):
            self.manifest[rel] = (*old[:3], key)
            return
        self._pool.submit(self._write, rel, path, data, digest, key)

    def _link(self, rel: str, path: str, old: tuple[Any, ...]) -> bool:
        source = os.path.join(self.previous, rel)  # type: ignore[arg-type]
        try:
            st = os.stat(source)
            if (st.st_size, st.st_mtime_ns) != (old[1], old[2]):
                return False
            if not self.in_place:
                os.link(source, path)
        except OSError:
            return False
        return True

    def _write(self, rel: str, path: str, data: bytes, digest: bytes | None,
               key: str) -> tuple[str, tuple[Any, ...]]:
        if digest is None:
            digest = hashlib.blake2b(data, digest_size=16).digest()
        target = path
        if self.in_place:
            folder, name = os.path.split(path)
            path = os.path.join(folder, f".{name}.{os.getpid()}.cimis-tmp")
        try:
            with open(path, "wb") as fh:
                fh.write(data)
        except BaseException:
            if self.in_place:  # a half-written staged file (a full disk) must not stay in the output
                try:
                    os.unlink(path)
                except OSError:
                    pass
            raise
        st = os.stat(path)
        if self.in_place:
            self._staged.append((path, target))
        return rel, (digest, st.st_size, st.st_mtime_ns, key)

    def close(self) -> dict[str, tuple[Any, ...]]:
        """Wait for every write (raising the first failure); the manifest of the output."""
        self._pool.join()
        if self._pool.errors:
            self.discard()
            raise self._pool.errors[0]
        for rel, entry in self._pool.results:
            self.manifest[rel] = entry
        if self.in_place:
            for staged, target in self._staged:
                os.replace(staged, target)
            self._staged = []
            for rel in self.old.keys() - self.manifest.keys():
                path = os.path.join(self.out, rel)
                try:
                    self._check_folder(os.path.dirname(path))
                    os.unlink(path)
                except OSError:
                    pass  # already gone
        return self.manifest

    def discard(self) -> None:
        """Give up: wait for the writes under way, remove every staged file."""
        self._pool.join()
        for staged, _target in self._staged:
            try:
                os.unlink(staged)
            except OSError:
                pass
        self._staged = []

"""Building a workbook into an output format: :func:`build` (what ``cimis workbook build``
calls), :func:`available_formats` and :func:`get_exporter`.

Formats come from exporters registered through the ``register_exporters`` hook (the
built-in ``md`` and ``html`` too). The output is built into a temporary sibling folder and
swapped in only when the exporter succeeded, so a failed build leaves the previous output
as it was. An exporter whose ``build`` accepts a ``cache_dir`` keyword gets a folder that
survives between builds, and one accepting ``previous_dir`` gets the last output folder
(to reuse unchanged files); both are optional keywords beyond the hook's
``build(book, out_dir)``. An exporter with an ``update(book, out_dir, cache_dir)`` method
may instead bring an earlier output of its format up to date in place (staging its new
files and renaming them only once all are written, so a failure still leaves the previous
output as it was); it returns ``False`` when it cannot, and the full build runs.

One build at a time writes an output folder (a lock file beside it; a second build stops
with a message instead of mixing its files in). Holding the lock, a build removes what a
killed one left beside the output (its temporary folder). While an exporter updates an
output in place, the marker file says so: if that build is killed, the next one builds the
whole output afresh instead of trusting the half-updated folder. A write that fails (a
full disk, a read-only place) ends in one message naming the file, the previous output
left as it was.
"""

from __future__ import annotations

import errno
import gc
import inspect
import json
import os
import re
from pathlib import Path
from typing import Any

from toolkit.errors import CimisError
from toolkit.i18n import _
from toolkit.workbook.layout import CHAPTERS_DIR

#: written into every output folder; only a folder holding it is ever replaced
MARKER_FILE = ".cimis-build"


def available_formats() -> dict[str, str]:
    """``{name: title}`` of every registered output format, sorted by name."""
    from toolkit.registry import exporters

    return {name: str(getattr(exp, "title", name)) for name, exp in sorted(exporters().items())}


def get_exporter(fmt: str) -> Any:
    """The exporter for ``fmt``; :class:`CimisError` listing the known formats otherwise."""
    from toolkit.registry import exporters

    found = exporters()
    if fmt not in found:
        raise CimisError(_("unknown format '{format}'; available formats: {formats}").format(
            format=fmt, formats=", ".join(sorted(found)) or "-"))
    return found[fmt]


def default_out_dir(book_folder: Path | str, fmt: str) -> Path:
    return Path(book_folder) / "build" / fmt


def cache_dir_for(out_dir: Path) -> Path:
    """Where an exporter keeps its cache for ``out_dir``: a hidden sibling folder."""
    return out_dir.parent / f".{out_dir.name}.cache"


def build(book_folder: Path | str, fmt: str, out_dir: Path | str | None = None) -> Path:
    """Build the workbook in ``book_folder`` as ``fmt`` into ``out_dir`` (default
    ``book_folder/build/<fmt>``) and return that folder."""
    exporter = get_exporter(fmt)
    folder = Path(book_folder)
    # a build makes many short-lived objects without reference cycles; collecting
    # cycles meanwhile only re-scans the growing book again and again
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _build(exporter, fmt, folder, out_dir)
    finally:
        if gc_was_enabled:
            gc.enable()


def _build(exporter: Any, fmt: str, folder: Path, out_dir: Path | str | None) -> Path:
    from toolkit.workbook.book import load_book

    book = load_book(folder, unlisted=False)
    out = Path(out_dir) if out_dir is not None else default_out_dir(folder, fmt)
    out = out.absolute()
    kept = (out / MARKER_FILE).is_file()
    try:
        _check_replaceable(out, folder)
        _check_outside_chapters(out, book, folder, fmt)
        out.parent.mkdir(parents=True, exist_ok=True)
        lock = _lock(out)
        try:
            _remove_leftovers(out)
            added = _added_files(out)
            # an update in place could write over a file someone added; a full build finds
            # that out before anything of the previous output is touched
            if not added and _update(exporter, fmt, book, out):
                return out
            tmp = _fresh_folder(out, ".tmp")
            try:
                _run(exporter, fmt, book, tmp, cache_dir_for(out), out)
                _write_marker(tmp, fmt)
                _carry_over(out, tmp, added)
                _swap(tmp, out)
            finally:
                if tmp.exists():
                    import shutil

                    shutil.rmtree(tmp, ignore_errors=True)
        finally:
            os.close(lock)
    except OSError as exc:
        raise _write_failed(exc, out, kept) from None
    return out


#: errors of writing that a full or limited disk causes; the file they name is not the point
_DISK_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


def _write_failed(exc: OSError, out: Path, kept: bool) -> CimisError:
    """One message for a write that failed: which file, why, and that the previous output
    (if there was one) is unchanged."""
    from toolkit.paths import os_error_reason

    reason = os_error_reason(exc)
    path = exc.filename if exc.filename and exc.errno not in _DISK_FULL else out
    if kept:
        return CimisError(_("cannot write {path}: {reason}; the previous output in {out} is unchanged").format(
            path=path, reason=reason, out=out))
    return CimisError(_("cannot write {path}: {reason}; nothing was written to {out}").format(
        path=path, reason=reason, out=out))


def _lock(out: Path) -> int:
    """An open lock file beside ``out``, locked for this build (the lock ends with the
    process, even a killed one); :class:`CimisError` when another build holds it."""
    fd = os.open(out.parent / f".{out.name}.lock", os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o666)
    try:
        import fcntl
    except ImportError:  # no POSIX locks (Windows): builds are not guarded against each other
        return fd
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        os.close(fd)
        if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
            raise CimisError(_("another build is writing {path} right now; try again when it has finished").format(
                path=out)) from None
        raise
    return fd


def _remove_leftovers(out: Path) -> None:
    """Remove the temporary and old folders a killed build left beside ``out`` (the lock
    is held, so no running build owns them). A build killed between the two renames of
    :func:`_swap` left no output but the previous one as ``.old``: that is put back first."""
    pattern = re.compile(re.escape(f".{out.name}.") + r"[0-9]+-[0-9]+\.(tmp|old)")
    try:
        names = sorted(name for name in os.listdir(out.parent) if pattern.fullmatch(name))
    except OSError:
        return
    if names:
        import shutil  # only then: with its archive modules it costs a rebuild a few ms
    for name in names:
        path = out.parent / name
        if name.endswith(".old") and not os.path.lexists(out) and (path / MARKER_FILE).is_file():
            os.rename(path, out)
            continue
        shutil.rmtree(path, ignore_errors=True)


def _write_marker(folder: Path, fmt: str, complete: bool = True, files: list[str] | None = None) -> None:
    """Mark ``folder`` as a build output of ``fmt`` made of ``files`` (see
    :func:`_added_files`); ``complete=False`` while it is being updated in place (written
    beside and renamed, so the marker is never half-written)."""
    data: dict[str, Any] = {"format": fmt} if complete else {"format": fmt, "updating": True}
    if complete:
        data["files"] = sorted(_output_files(folder)) if files is None else files
    tmp = folder / f"{MARKER_FILE}.{os.getpid()}.tmp"
    try:
        tmp.write_text(json.dumps(data) + "\n", "utf-8")
        os.replace(tmp, folder / MARKER_FILE)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise


def _update(exporter: Any, fmt: str, book: Any, out: Path) -> bool:
    """Let an exporter with an ``update(book, out_dir, cache_dir) -> bool`` method bring the
    earlier output of the same format up to date in place (a rebuild then touches only what
    changed); ``False`` when there is none or the exporter declines."""
    update = getattr(exporter, "update", None)
    if update is None or out.is_symlink() or not (out / MARKER_FILE).is_file():
        return False
    marker = _read_marker(out)
    if marker.get("format") != fmt or marker.get("updating"):
        return False  # another format, or an update that was killed: build afresh
    # until the update is done the marker says so: should it fail or be killed halfway,
    # the next build starts afresh instead of trusting a folder that may be half updated
    _write_marker(out, fmt, complete=False)
    try:
        done = bool(update(book, out, cache_dir_for(out)))
    except CimisError:
        raise
    except OSError as exc:
        error = _unless_written(exc, fmt, out)
        if error is exc:
            raise
        raise error from exc
    except Exception as exc:
        raise CimisError(_("building '{format}' failed: {error}").format(
            format=fmt, error=f"{type(exc).__name__}: {exc}")) from exc
    # declined or done: either way the folder is a whole output again
    listed = marker.get("files")
    _write_marker(out, fmt, files=None if done or not isinstance(listed, list) else listed)
    return done


def _read_marker(out: Path) -> dict[str, Any]:
    """What the marker file of the output ``out`` says (empty when there is none)."""
    try:
        marker = json.loads((out / MARKER_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return marker if isinstance(marker, dict) else {}


def _output_files(folder: Path) -> set[str]:
    """The files below ``folder`` as ``/``-separated relative paths, without the marker and
    the temporary files of builds (a symlinked folder is not followed: removing the link
    loses nothing, and an update refuses to write through it)."""
    found: set[str] = set()
    for root, _dirs, files in os.walk(folder):
        rel = os.path.relpath(root, folder).replace(os.sep, "/")
        prefix = "" if rel == "." else rel + "/"
        for name in files:
            if name == MARKER_FILE or (name.endswith((".cimis-tmp", ".tmp")) and name.startswith(".")):
                continue
            found.add(prefix + name)
    return found


def _added_files(out: Path) -> list[str]:
    """The files someone added to the earlier output ``out`` (a CNAME for the web host, a
    ``.nojekyll``, notes): those its marker does not list. Only an output whose marker lists
    its files can tell (earlier ones cannot)."""
    listed = _read_marker(out).get("files")
    if not isinstance(listed, list) or not out.is_dir():
        return []
    return sorted(_output_files(out) - set(listed))


def _carry_over(out: Path, new: Path, added: list[str]) -> None:
    """Put the files someone added to the earlier output ``out`` into the ``new`` one
    (linked, else copied: the originals stay where they are until the swap), so that a build
    never deletes them; a file the build itself makes now stops the build instead."""
    clashes = [rel for rel in added if os.path.lexists(new / rel)
               or any((new / parent).is_file() for parent in Path(rel).parents if str(parent) != ".")]
    if clashes:
        shown = ", ".join(clashes[:5]) + (", …" if len(clashes) > 5 else "")
        raise CimisError(_("{path} holds files that no build made and that this build would replace ({files}); "
                           "move them elsewhere first").format(path=out, files=shown))
    for rel in added:
        source, target = out / rel, new / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():
            os.symlink(os.readlink(source), target)
            continue
        try:
            os.link(source, target)
        except OSError:
            import shutil

            shutil.copy2(source, target)


def _run(exporter: Any, fmt: str, book: Any, tmp: Path, cache_dir: Path, previous: Path) -> None:
    kwargs: dict[str, Any] = {}
    accepted: Any
    try:
        accepted = inspect.signature(exporter.build).parameters
    except (TypeError, ValueError):  # a builtin or C callable: no signature to look at
        accepted = {}
    if "cache_dir" in accepted:
        kwargs["cache_dir"] = cache_dir
    if "previous_dir" in accepted and (previous / MARKER_FILE).is_file():
        kwargs["previous_dir"] = previous
    try:
        exporter.build(book, tmp, **kwargs)
    except CimisError:
        raise
    except OSError as exc:
        error = _unless_written(exc, fmt, previous)
        if error is exc:
            raise
        raise error from exc
    except Exception as exc:
        # an exporter's bug or a missing tool: one clear message, the previous output kept
        raise CimisError(_("building '{format}' failed: {error}").format(
            format=fmt, error=f"{type(exc).__name__}: {exc}")) from exc


def _unless_written(exc: OSError, fmt: str, out: Path) -> OSError | CimisError:
    """``exc`` itself when writing the output (beside ``out``) failed, which :func:`_build`
    reports as such; else an exporter's failure (a missing tool, a file it could not read)."""
    if exc.errno in _DISK_FULL or (exc.filename and _inside(str(out.parent), os.path.abspath(exc.filename))):
        return exc
    return CimisError(_("building '{format}' failed: {error}").format(format=fmt, error=f"{type(exc).__name__}: {exc}"))


def _check_replaceable(out: Path, book_folder: Path) -> None:
    """Refuse to replace a folder that is not an earlier build (a typo in ``--out`` must
    never delete the user's files), or the workbook itself."""
    resolved = out.resolve()
    book = book_folder.resolve()
    if resolved == book or resolved in book.parents:
        raise CimisError(_("the output folder must not be the workbook folder or contain it: {path}").format(
            path=out))
    if _inside(os.path.abspath(book_folder), str(out)) and not _inside(str(book), str(resolved)):
        # e.g. build/ is a symlink: writing (and deleting the old output) would happen elsewhere
        raise CimisError(_("the output folder {path} is inside the workbook but a symlink leads it to {target}; "
                           "remove the symlink or choose another output folder").format(path=out, target=resolved))
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise CimisError(_("the output path exists and is not a folder: {path}").format(path=out))
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER_FILE).is_file():
        raise CimisError(_("'{path}' is not empty and not an earlier build output; choose another folder").format(
            path=out))


def _check_outside_chapters(out: Path, book: Any, folder: Path, fmt: str) -> None:
    """Refuse an output folder among the chapters (in ``chapters/``, beside a chapter in a
    subfolder, in an mdBook's ``src``): its pages would be read back as chapters or
    published as part of the source."""
    real_out = os.path.realpath(out)
    root = os.path.realpath(folder)
    sources = {os.path.realpath(book.folder), os.path.join(root, CHAPTERS_DIR)}
    # one realpath per folder, not per chapter: a rebuild of a large book would feel each one
    folders = {os.path.dirname(c.path) for c in book.chapters if c.path is not None}
    sources.update(os.path.realpath(f) for f in folders)
    sources.discard(root)  # a workbook's own folder holds its build/ folder too
    for source in sorted(sources):
        if _inside(source, real_out):
            raise CimisError(_("the output folder {path} is inside {source}, where the book's chapters are; "
                               "choose a folder outside it (the default is {default})").format(
                path=out, source=source, default=default_out_dir(folder, fmt)))


def _inside(root: str, path: str) -> bool:
    from toolkit.workbook.safety import inside

    return inside(os.path.normpath(root), os.path.normpath(path))


def _fresh_folder(out: Path, suffix: str) -> Path:
    """A new, empty, hidden sibling folder of ``out`` (``tempfile.mkdtemp`` without
    importing ``tempfile`` and ``random``)."""
    import itertools

    for n in itertools.count():
        path = out.parent / f".{out.name}.{os.getpid()}-{n}{suffix}"
        try:
            os.mkdir(path)  # the umask decides, as for any folder a command creates
        except FileExistsError:
            continue
        return path
    raise AssertionError("unreachable")


def _swap(new: Path, out: Path) -> None:
    """Put ``new`` where ``out`` is: readers see the old folder until the rename, then the
    new one; the old one is deleted afterwards."""
    if not out.exists():
        os.rename(new, out)
        return
    old = _fresh_folder(out, ".old")
    os.rmdir(old)
    os.rename(out, old)
    try:
        os.rename(new, out)
    except OSError:
        os.rename(old, out)
        raise
    import shutil  # here: with bz2 and lzma, shutil costs a small book's build a tenth of its time

    shutil.rmtree(old, ignore_errors=True)

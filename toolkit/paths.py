"""Where cimis keeps its cache and reads its user configuration, and the one way cimis
writes a file (:func:`write_atomic`, :func:`write_many`).

``CIMIS_CACHE_DIR`` and ``CIMIS_CONFIG`` override the platform's usual locations (tests
use them to stay out of the real home directory). Paths are plain strings because this
module is on every start-up path, where even ``pathlib`` costs measurable time.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Sequence
from typing import Any

from toolkit.errors import CimisError


def _user_dir(kind: str) -> str:
    """The platform's per-user cache or config folder for cimis.

    On Linux and other XDG systems this is the XDG base directory, computed here because
    importing platformdirs costs more than all of click; elsewhere platformdirs decides.
    """
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        var, default = {"cache": ("XDG_CACHE_HOME", ".cache"), "config": ("XDG_CONFIG_HOME", ".config")}[kind]
        base = os.environ.get(var, "").strip()
        if not os.path.isabs(base):  # the spec says relative values are invalid
            base = os.path.join(os.path.expanduser("~"), default)
        return os.path.join(base, "cimis")
    import platformdirs

    finder = platformdirs.user_cache_dir if kind == "cache" else platformdirs.user_config_dir
    return finder("cimis", appauthor=False)


def cache_dir() -> str:
    """Folder for caches that can be deleted at any time."""
    return os.environ.get("CIMIS_CACHE_DIR") or _user_dir("cache")


def config_file() -> str:
    """The user's configuration file (TOML)."""
    return os.environ.get("CIMIS_CONFIG") or os.path.join(_user_dir("config"), "config.toml")


class NotARegularFile(CimisError, OSError):
    """A path names a device, FIFO, socket or folder where a file was expected (reading one
    could block for ever or never end)."""


def open_regular(path: str | os.PathLike[str]) -> Any:
    """``path`` opened for reading in binary mode, refusing anything but a regular file
    (without blocking on a FIFO while checking)."""
    from toolkit.i18n import _

    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotARegularFile(errno.EINVAL, _("{path} is not a regular file").format(path=os.fspath(path)))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_bounded(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of the regular file ``path``, or :class:`FileTooLarge` past ``limit`` bytes."""
    from toolkit.i18n import _

    with open_regular(path) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise FileTooLarge(errno.EFBIG, _("{path} is larger than {n} bytes").format(path=os.fspath(path), n=limit))
    return data


class FileTooLarge(CimisError, OSError):
    """A file is larger than what cimis reads of its kind."""


class WriteError(CimisError, OSError):
    """A file could not be written (disk full, read-only file system, no permission, too
    large); the message names the file and the reason, and nothing was half-written."""

    def __str__(self) -> str:
        # the message alone: OSError would put "[Errno 30]" before it for the user to read
        return str(self.strerror)


def os_error_reason(exc: OSError) -> str:
    """Why a file could not be written, in the user's language: the reasons people meet
    (full disk, read-only place, no permission, a file where a folder should be) in words,
    any other in the system's own."""
    from toolkit.i18n import _

    reasons = {
        errno.ENOSPC: _("the disk is full"),
        errno.EDQUOT: _("the disk quota is used up"),
        errno.EROFS: _("the file system is read-only"),
        errno.EACCES: _("permission denied"),
        errno.EPERM: _("permission denied"),
        errno.EFBIG: _("the file is larger than this file system or a limit allows"),
        errno.ENOTDIR: _("a part of the path is a file, not a folder"),
        errno.EEXIST: _("a part of the path is a file, not a folder"),
        errno.ENOENT: _("it cannot be created there"),
    }
    return reasons.get(exc.errno or 0) or exc.strerror or str(exc)


def os_error_message(exc: OSError) -> str:
    """One line for a write that failed: the file (if the error names one) and why."""
    from toolkit.i18n import _

    reason = os_error_reason(exc)
    if not exc.filename:  # standard output, or a file already open
        return _("cannot write: {reason}").format(reason=reason)
    return _("cannot create or write {path}: {reason}").format(path=exc.filename, reason=reason)


def _write_error(path: str, exc: OSError) -> WriteError:
    from toolkit.i18n import _

    reason = os_error_reason(exc)
    error = WriteError(exc.errno or 0, _("cannot write {path}: {reason}; nothing was changed").format(
        path=path, reason=reason))
    return error


def _check_replaceable(path: str) -> None:
    """Refuse to put a file where a device, pipe, socket or folder is: the rename would
    replace it (``-o /dev/full`` as root replaced the device with a text file)."""
    from toolkit.i18n import _

    try:
        st = os.lstat(path)
    except OSError:
        return  # nothing there yet (or unreadable: the write itself will say so)
    if not (stat.S_ISREG(st.st_mode) or stat.S_ISLNK(st.st_mode)):
        raise WriteError(errno.EEXIST, _("cannot write {path}: it is not a regular file (a device, pipe or "
                                         "folder); nothing was changed").format(path=path))


def _fsync_folder(folder: str) -> None:
    """Make a rename in ``folder`` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _temp_for(path: str) -> str:
    folder = os.path.dirname(path) or "."
    return os.path.join(folder, f".{os.path.basename(path)}.{os.getpid()}.{os.urandom(4).hex()}.tmp")


def _put(path: str, tmp: str, data: bytes, durable: bool) -> None:
    """Write ``data`` into the new file ``tmp``: created with the umask's permissions, or
    with those of the file it will replace."""
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        mode = None
    with open(tmp, "xb") as fh:
        if mode is not None:
            os.fchmod(fh.fileno(), mode)
        fh.write(data)
        if durable:
            fh.flush()
            os.fsync(fh.fileno())


def write_atomic(path: str | os.PathLike[str], data: bytes, durable: bool = True) -> None:
    """Write ``data`` to ``path`` so that readers see the old or the new file, never half.

    The one helper every file write of cimis goes through: a temporary file in the same
    folder (created with the permissions the umask gives, or those of the file it replaces),
    flushed to disk, renamed over ``path``, and the folder flushed so that the rename itself
    survives a crash. ``durable=False`` skips both flushes, for caches: after a crash they may
    be lost, which only costs time, but never half-written. A full disk, a read-only file
    system or a missing permission raise :class:`WriteError` (a :class:`CimisError` and an
    ``OSError``) naming the file; the temporary file is removed and ``path`` is unchanged.
    """
    write_many([(path, data)], durable=durable)


def write_many(files: Sequence[tuple[str | os.PathLike[str], bytes]], durable: bool = True) -> None:
    """Write each file as :func:`write_atomic` does, flushing the temporary files in
    parallel (hundreds of chapters: one fsync after another costs more than the rest of the
    work) and renaming them into place in the order given, after all of them are on disk."""
    items = [(os.fspath(path), data) for path, data in files]
    if not items:
        return
    for path, _data in items:
        _check_replaceable(path)
    temps = [_temp_for(path) for path, _data in items]
    try:
        for folder in {os.path.dirname(path) or "." for path, _data in items}:
            try:
                os.makedirs(folder, exist_ok=True)
            except OSError as exc:
                raise _write_error(folder, exc) from None

        def put(index: int) -> None:
            path, data = items[index]
            try:
                _put(path, temps[index], data, durable)
            except OSError as exc:
                raise _write_error(path, exc) from None

        if len(items) == 1 or not durable:
            for index in range(len(items)):
                put(index)
        else:
            from concurrent.futures import ThreadPoolExecutor

            with ThreadPoolExecutor(max_workers=min(16, len(items))) as pool:
                list(pool.map(put, range(len(items))))
        for (path, _data), tmp in zip(items, temps):
            try:
                os.replace(tmp, path)
            except OSError as exc:
                raise _write_error(path, exc) from None
        if durable:
            for folder in {os.path.dirname(path) or "." for path, _data in items}:
                _fsync_folder(folder)
    finally:
        for tmp in temps:
            try:
                os.unlink(tmp)
            except OSError:
                pass

"""What happens when the terminal UI meets an exception nobody expected:
:func:`write_crash_log` keeps the traceback in a log file and :func:`crash_message` tells
the facilitator, in plain words, where it is.

Nothing needs saving at that moment: every capture is committed to the session store
before the UI shows it, and every agenda change is written (atomically) as it is made.
"""

from __future__ import annotations

import datetime as dt
import os
import traceback

from toolkit.i18n import _


def log_dir() -> str:
    """Folder of the crash logs (``CIMIS_LOG_DIR``, else ``logs`` in cimis' cache folder)."""
    from toolkit.paths import cache_dir

    return os.environ.get("CIMIS_LOG_DIR") or os.path.join(cache_dir(), "logs")


def write_crash_log(error: BaseException) -> str | None:
    """Write ``error``'s traceback to a new log file; its path, or ``None`` if even that
    failed (a full disk must not hide the original error behind a second one)."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    text = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    try:
        folder = log_dir()
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, f"crash-{stamp}-{os.getpid()}.log")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
        return path
    except OSError:
        return None


def crash_message(error: BaseException, path: str | None) -> str:
    """The words shown after the UI closed because of ``error``."""
    what = f"{type(error).__name__}: {error}"
    lines = [_("cimis stopped because of an unexpected error: {error}").format(error=what),
             _("Everything captured is saved in the session store, and the plan on disk is complete.")]
    if path:
        lines.append(_("The details for a bug report are in {path}.").format(path=path))
    else:
        lines.append(_("The details could not be written to a log file."))
    return "\n".join(lines)

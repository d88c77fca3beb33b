"""The user's configuration file (``config.toml`` in the platform's config folder).

Read on start-up by the plugin host, so it is checked by hand rather than with pydantic,
which would cost more than the rest of ``cimis --help``. Unknown keys are errors, as in
every file a person writes.
"""

from __future__ import annotations

import os
from typing import Any

from toolkit.errors import CimisError
from toolkit.i18n import _
from toolkit.paths import config_file

#: key -> (type, description); the UI adds its sections (keys, theme) here.
KEYS: dict[str, tuple[type, str]] = {
    "plugins_dir": (str, "folder of local plugin modules (*.py) to load"),
    "theme": (str, "the terminal UI's theme"),
    "keys": (dict, "key binding overrides: binding id -> keys"),
}


def load_config(path: str | None = None) -> dict[str, Any]:
    """The configuration as a dict; an absent file is an empty configuration."""
    path = path or config_file()
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise CimisError(_("{path}: cannot read configuration: {error}").format(
            path=path, error=exc.strerror)) from None
    import tomllib

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise CimisError(_("{path}: broken configuration: {error}").format(path=path, error=exc)) from None
    for key, value in data.items():
        if key not in KEYS:
            raise CimisError(_("{path}: unknown setting '{key}' (known: {known})").format(
                path=path, key=key, known=", ".join(KEYS)))
        kind = KEYS[key][0]
        if not isinstance(value, kind):
            raise CimisError(_("{path}: setting '{key}' must be of type {kind}").format(
                path=path, key=key, kind=kind.__name__))
    if "plugins_dir" in data:
        folder = os.path.expanduser(data["plugins_dir"])
        data["plugins_dir"] = os.path.join(os.path.dirname(os.path.abspath(path)), folder)
    return data


def save_config(updates: dict[str, Any], path: str | None = None) -> None:
    """Set top-level settings (``theme = "..."``) or whole tables (``keys``) in the
    configuration file, atomically. A setting already in the file is replaced on its own
    line, so the person's comments and layout stay; ``None`` removes a setting."""
    import json
    import re

    from toolkit.paths import write_atomic

    path = path or config_file()
    try:
        with open(path, encoding="utf-8") as fh:
            lines = fh.read().splitlines()
    except FileNotFoundError:
        lines = []
    for key, value in updates.items():
        if key not in KEYS:
            raise CimisError(_("{path}: unknown setting '{key}' (known: {known})").format(
                path=path, key=key, known=", ".join(KEYS)))
        if isinstance(value, dict):
            lines = _drop_table(lines, key)
            if value:
                lines += ["", f"[{key}]"] + [f"{json.dumps(str(k))} = {json.dumps(v, ensure_ascii=False)}"
                                             for k, v in value.items()]
            continue
        pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
        first_table = next((i for i, line in enumerate(lines) if line.lstrip().startswith("[")), len(lines))
        index = next((i for i, line in enumerate(lines[:first_table]) if pattern.match(line)), None)
        new = None if value is None else f"{key} = {json.dumps(value, ensure_ascii=False)}"
        if index is not None:
            if new is None:
                del lines[index]
            else:
                lines[index] = new
        elif new is not None:
            lines.insert(first_table, new)
    write_atomic(path, ("\n".join(lines).strip("\n") + "\n").encode("utf-8"))


def _drop_table(lines: list[str], name: str) -> list[str]:
    """``lines`` without the table ``[name]`` (header to the next table)."""
    out: list[str] = []
    skipping = False
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("["):
            skipping = stripped == f"[{name}]"
        if not skipping:
            out.append(line)
    while out and not out[-1].strip():
        out.pop()
    return out

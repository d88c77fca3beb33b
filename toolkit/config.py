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
#: A configuration file is a few lines; anything larger is not one.
MAX_BYTES = 1024 * 1024

KEYS: dict[str, tuple[type, str]] = {
    "plugins_dir": (str, "folder of local plugin modules (*.py) to load"),
    "theme": (str, "the terminal UI's theme"),
    "keys": (dict, "key binding overrides: binding id -> keys"),
}


def load_config(path: str | None = None) -> dict[str, Any]:
    """The configuration as a dict; an absent file is an empty configuration."""
    from toolkit.paths import FileTooLarge, NotARegularFile, read_bounded

    path = path or config_file()
    try:
        raw = read_bounded(path, MAX_BYTES)
    except FileNotFoundError:
        return {}
    except (NotARegularFile, FileTooLarge) as exc:
        raise CimisError(_("{path}: cannot read configuration: {error}").format(path=path, error=exc)) from None
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
    configuration file, atomically. The file is edited as a TOML document (tomlkit, imported
    only here), so comments, layout and quoted keys (``"theme" = ...``) stay as the person
    wrote them; ``None`` or an empty table removes a setting. A file that is not valid TOML
    is left alone and reported."""
    import tomlkit
    from tomlkit.exceptions import TOMLKitError

    from toolkit.paths import write_atomic

    path = path or config_file()
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except FileNotFoundError:
        text = ""
    except (OSError, UnicodeDecodeError) as exc:
        raise CimisError(_("{path}: cannot read configuration: {error}").format(
            path=path, error=getattr(exc, "strerror", None) or exc)) from None
    try:
        document = tomlkit.parse(text)
    except TOMLKitError as exc:
        raise CimisError(_("{path}: broken configuration: {error}").format(path=path, error=exc)) from None
    for key, value in updates.items():
        if key not in KEYS:
            raise CimisError(_("{path}: unknown setting '{key}' (known: {known})").format(
                path=path, key=key, known=", ".join(KEYS)))
        if value is None or (isinstance(value, dict) and not value):
            document.pop(key, None)
        elif isinstance(value, dict):
            table = tomlkit.table()
            for name, entry in value.items():
                table[str(name)] = entry
            document[key] = table
        else:
            document[key] = value
    write_atomic(path, (tomlkit.dumps(document).strip("\n") + "\n").encode("utf-8"))

"""German for click's own texts ("Usage:", "Show this message and exit.", error messages).

click looks its messages up through the gettext functions it imported by name; pointing
those names at our catalogue makes click speak the active language without a compiled
``.mo`` file. Messages click has that our catalogue lacks stay English.
"""

from __future__ import annotations

import sys

from toolkit.i18n import _, ngettext

_CLICK_MODULES = (
    "click.core",
    "click.decorators",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.termui",
    "click.types",
    "click.shell_completion",
    "click._termui_impl",
    "click.utils",
)


def install() -> None:
    for name in _CLICK_MODULES:
        module = sys.modules.get(name)
        if module is None:
            continue
        if hasattr(module, "_"):
            module._ = _  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]

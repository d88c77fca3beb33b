"""The German catalogue: English message -> German, one module per area of the code so
that areas are translated independently.

Every module in this package that defines ``MESSAGES`` is merged; a new area needs no line
here (a test fails when a msgid is defined in two modules).
"""

import importlib
import pkgutil

MESSAGES: dict[str, str] = {}
for _module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
    MESSAGES.update(getattr(importlib.import_module(f"{__name__}.{_module.name}"), "MESSAGES", {}))
del _module

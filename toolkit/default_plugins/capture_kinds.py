"""Registers the built-in capture kinds."""

from __future__ import annotations

from toolkit import hookimpl


@hookimpl
def register_capture_kinds(register):
    from toolkit.capture.kinds import BUILTIN_KINDS

    for kind_class in BUILTIN_KINDS:
        register(kind_class())

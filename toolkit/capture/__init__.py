"""Capture kinds: the kinds of output a room produces, and how each becomes a result.

Import :class:`CaptureKind` from here to write a new kind in a plugin.
"""

from toolkit.capture.base import CaptureContext, CaptureKind, Person

__all__ = ["CaptureContext", "CaptureKind", "Person"]

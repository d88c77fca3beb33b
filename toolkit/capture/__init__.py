"""Capture kinds: the kinds of output a room produces, and how each becomes a result.

Import :class:`CaptureKind` from here to write a new kind in a plugin.
"""

from toolkit.capture.base import CaptureContext, Captured, CaptureKind, KindModel, Person, ResultModel

__all__ = ["CaptureContext", "CaptureKind", "Captured", "KindModel", "Person", "ResultModel"]

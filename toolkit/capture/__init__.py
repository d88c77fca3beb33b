"""Capture kinds: the kinds of output a room produces, and how each becomes a result.

Import :class:`CaptureKind` from here to write a new kind in a plugin.
"""

from toolkit.capture.base import Captured, CaptureContext, CaptureKind, KindModel, Person, ResultModel

__all__ = ["Captured", "CaptureContext", "CaptureKind", "KindModel", "Person", "ResultModel"]

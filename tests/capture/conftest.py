"""Fixtures of the capture kind tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def de():
    from toolkit.i18n import set_language

    set_language("de")
    yield
    set_language("en")

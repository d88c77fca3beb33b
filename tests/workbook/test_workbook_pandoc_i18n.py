"""cimis-pandoc speaks German through the register_translations hook: its formats' titles
and its own messages follow the active language like cimis's."""

from __future__ import annotations

import pytest


def test_pandoc_formats_are_titled_in_the_active_language():
    pytest.importorskip("cimis_pandoc", reason="the cimis-pandoc plugin is not installed")
    from toolkit.i18n import set_language
    from toolkit.registry import exporters

    formats = exporters()
    assert {"epub", "docx", "pdf"} <= set(formats)
    try:
        set_language("de")
        assert formats["epub"].title == "EPUB-E-Book (pandoc)"
        assert formats["docx"].title == "Word-Dokument (pandoc)"
        set_language("en")
        assert formats["docx"].title == "Word document (pandoc)"
    finally:
        set_language("en")


def test_a_missing_converter_is_reported_in_german():
    pytest.importorskip("cimis_pandoc", reason="the cimis-pandoc plugin is not installed")
    from cimis_pandoc.site import require

    from toolkit.errors import CimisError
    from toolkit.i18n import set_language
    from toolkit.plugins import get_host

    get_host()  # as every command does before a book is built: the plugins' translations load
    try:
        set_language("de")
        with pytest.raises(CimisError, match=r"ist nicht verfügbar .*README von cimis-pandoc"):
            require("no_such_converter_module", "Pandoc")
    finally:
        set_language("en")

"""The hooks of cimis-pandoc: three exporters and the German translation of the plugin's own
messages. Kept light: this module loads on every ``cimis`` start, so pandoc and WeasyPrint
are imported only when a book is built."""

from __future__ import annotations

from toolkit import hookimpl


class PandocExporter:
    """``epub`` or ``docx``, converted by pandoc from the HTML print page."""

    def __init__(self, name: str, title: str):
        self.name = name
        self._title = title

    @property
    def title(self) -> str:
        from toolkit import translate

        return translate(self._title)

    def build(self, book, out_dir):
        from cimis_pandoc.pandoc import build_with_pandoc

        build_with_pandoc(book, out_dir, self.name)


class PdfExporter:
    """``pdf``, rendered by WeasyPrint from the HTML print page."""

    name = "pdf"

    @property
    def title(self) -> str:
        from toolkit import translate

        return translate("PDF (WeasyPrint)")

    def build(self, book, out_dir):
        from cimis_pandoc.pdf import build_pdf

        build_pdf(book, out_dir)


@hookimpl
def register_exporters(register):
    register(PandocExporter("epub", "EPUB e-book (pandoc)"))
    register(PandocExporter("docx", "Word document (pandoc)"))
    register(PdfExporter())


#: German for every message of this plugin (cimis shows them through ``toolkit.translate``)
GERMAN = {
    "EPUB e-book (pandoc)": "EPUB-E-Book (pandoc)",
    "Word document (pandoc)": "Word-Dokument (pandoc)",
    "PDF (WeasyPrint)": "PDF (WeasyPrint)",
    "{what} is not available ({error}); see the README of cimis-pandoc":
        "{what} ist nicht verfügbar ({error}); siehe die README von cimis-pandoc",
}


@hookimpl
def register_translations(register):
    register("de", GERMAN)

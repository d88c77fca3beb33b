"""The hooks of cimis-pandoc: three exporters. Kept light: this module loads on every
``cimis`` start, so pandoc and WeasyPrint are imported only when a book is built."""

from __future__ import annotations

from toolkit import hookimpl


class PandocExporter:
    """``epub`` or ``docx``, converted by pandoc from the HTML print page."""

    def __init__(self, name: str, title: str):
        self.name = name
        self.title = title

    def build(self, book, out_dir):
        from cimis_pandoc.pandoc import build_with_pandoc

        build_with_pandoc(book, out_dir, self.name)


class PdfExporter:
    """``pdf``, rendered by WeasyPrint from the HTML print page."""

    name = "pdf"
    title = "PDF (WeasyPrint)"

    def build(self, book, out_dir):
        from cimis_pandoc.pdf import build_pdf

        build_pdf(book, out_dir)


@hookimpl
def register_exporters(register):
    register(PandocExporter("epub", "EPUB e-book (pandoc)"))
    register(PandocExporter("docx", "Word document (pandoc)"))
    register(PdfExporter())

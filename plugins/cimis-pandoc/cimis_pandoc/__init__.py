"""cimis-pandoc: EPUB and DOCX export through pandoc, PDF export through WeasyPrint."""

__version__ = "0.1.0"

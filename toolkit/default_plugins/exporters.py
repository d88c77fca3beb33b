"""Registers the built-in workbook formats ``md`` and ``html`` (their modules load only
when a book is built)."""

from __future__ import annotations

from toolkit import hookimpl
from toolkit.i18n import N_


class _Lazy:
    """An exporter whose implementation is imported on the first build."""

    def __init__(self, name: str, target: str, title: str):
        self.name = name
        self._target = target
        self._title = title

    @property
    def title(self) -> str:
        from toolkit.i18n import _

        return _(self._title)

    def _load(self):
        import importlib

        module, _sep, attr = self._target.partition(":")
        return getattr(importlib.import_module(module), attr)()

    def build(self, book, out_dir, cache_dir=None, previous_dir=None):
        import inspect

        exporter = self._load()
        accepted = inspect.signature(exporter.build).parameters
        options = {key: value for key, value in (("cache_dir", cache_dir), ("previous_dir", previous_dir))
                   if key in accepted}
        return exporter.build(book, out_dir, **options)

    def update(self, book, out_dir, cache_dir):
        """The exporter's in-place update of an earlier output, if it has one (else ``False``)."""
        update = getattr(self._load(), "update", None)
        return bool(update(book, out_dir, cache_dir)) if update is not None else False


@hookimpl
def register_exporters(register):
    register(_Lazy("md", "toolkit.workbook.exporters_md:MarkdownExporter", N_("Markdown, one file")))
    register(_Lazy("html", "toolkit.workbook.html:HtmlExporter", N_("HTML website with search")))

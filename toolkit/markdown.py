"""The Markdown renderer for workbook chapters: CommonMark with tables, task lists and
footnotes, raw HTML disabled (participants' text is untrusted), extended by plugins
through the ``configure_markdown`` hook."""

from __future__ import annotations

from typing import Any


def make_markdown() -> Any:
    """A fresh ``MarkdownIt`` with the built-in extensions and every plugin's additions."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin
    from mdit_py_plugins.tasklists import tasklists_plugin

    from toolkit.plugins import get_host

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable("table").enable("strikethrough")
    md.use(front_matter_plugin).use(footnote_plugin).use(tasklists_plugin)
    get_host().call_each("configure_markdown", lambda _name: {"md": md})
    return md

"""The offline search index of the HTML site: one JSON fragment per chapter (cached with
the chapter) assembled into ``search-index.js``, a script that sets
``window.cimisSearchIndex`` so that the search box works from ``file://`` too (browsers
refuse to fetch a JSON file there, but load a script).

The index holds participants' text: it is JSON with ``<``, ``>``, ``&`` and the JavaScript
line separators escaped, and the search box shows it with ``textContent`` only.
"""

from __future__ import annotations

import json

#: the longest text kept per section: enough for snippets and matching, bounded size
MAX_SECTION_TEXT = 20_000

def js_json(value: object) -> str:
    """``value`` as JSON that is also safe inside a script file or an HTML page."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    # str.replace is many times faster than str.translate on megabytes of text
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def sections_json(sections: list[tuple[str, str, str]]) -> str:
    """A chapter's sections ``(anchor, heading, text)`` as a JSON array (cacheable)."""
    return js_json([[slug, heading, text[:MAX_SECTION_TEXT]] for slug, heading, text in sections])


def chapter_entry(title: str, number: str | None, url: str, sections: str) -> str:
    """One chapter of the index: its title, number, page and the cached sections."""
    return f'{{"t":{js_json(title)},"n":{js_json(number or "")},"u":{js_json(url)},"s":{sections}}}'


def index_script(entries: list[str]) -> str:
    """The text of ``search-index.js``."""
    return "window.cimisSearchIndex=[" + ",\n".join(entries) + "];\n"

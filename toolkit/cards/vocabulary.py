"""Fixed card vocabularies (purposes, roles) named the way a user types them, in either language.

``cimis methods list --purpose entscheiden`` and ``--purpose decide`` mean the same: a value is
matched against the id, the English name and the German name, ignoring case, spaces, hyphens
and German umlaut spellings.
"""

from __future__ import annotations

import unicodedata


def _norm(text: str) -> str:
    text = text.casefold().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if ch.isalnum())


def names(key: str, titles: dict[str, str]) -> tuple[str, str, str]:
    """The id, English name and German name of ``key``."""
    from toolkit.i18n.de import MESSAGES

    english = titles.get(key, key)
    return key, english, MESSAGES.get(english, english)


def resolve(value: str, titles: dict[str, str]) -> str | None:
    """The id that ``value`` names (id, English or German name), or None."""
    needle = _norm(value)
    if not needle:
        return None
    for key in titles:
        if needle in {_norm(name) for name in names(key, titles)}:
            return key
    # the German names of roles carry gender forms ('Autorin/Autor'): each half counts
    for key in titles:
        if any(needle == _norm(part) for name in names(key, titles)[1:] for part in name.split("/")):
            return key
    return None


def purpose_titles() -> dict[str, str]:
    from toolkit.cards.labels import PURPOSE_TITLES

    return PURPOSE_TITLES


def role_titles() -> dict[str, str]:
    from toolkit.cards.labels import ROLE_TITLES

    return ROLE_TITLES

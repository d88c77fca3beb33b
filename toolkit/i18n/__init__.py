"""Languages: which one is active and how a message is translated.

Messages are written in English in the code, wrapped in :func:`_` (gettext style); the
German catalogue lives in :mod:`toolkit.i18n.de`. A test fails when a wrapped string has no
German translation. The active language comes from ``--lang``, else ``CIMIS_LANG``, else
the system locale, else English.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping

LANGUAGES = ("de", "en")
DEFAULT_LANGUAGE = "en"

_current: str | None = None
_catalogue: dict[str, str] | None = None


def detect_language(environ: dict[str, str] | None = None) -> str:
    """The language the environment asks for: ``CIMIS_LANG``, then the locale variables."""
    env = os.environ if environ is None else environ
    explicit = env.get("CIMIS_LANG", "").strip().lower()
    if explicit:
        return explicit[:2] if explicit[:2] in LANGUAGES else DEFAULT_LANGUAGE
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(var, "")
        if value:
            code = value.split(":")[0][:2].lower()
            return code if code in LANGUAGES else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


def set_language(lang: str | None) -> str:
    """Make ``lang`` (or the detected language when ``None``) the active one."""
    global _current, _catalogue
    lang = (lang or detect_language()).lower()
    if lang not in LANGUAGES:
        raise ValueError(lang)
    _current = lang
    _catalogue = None
    return lang


def get_language() -> str:
    """The active language, detecting it on first use."""
    return _current or set_language(None)


_source: Callable[[str], Mapping[str, str]] | None = None
_loading = False


def set_translation_source(source: Callable[[str], Mapping[str, str]] | None) -> None:
    """Where plugins' translations come from: ``source(lang)`` gives ``{english: translated}``
    (the plugin host sets it once its plugins have loaded; ``None`` forgets it)."""
    global _source, _catalogue
    _source = source
    _catalogue = None


def _load() -> dict[str, str]:
    """The one catalogue of the active language: cimis's own messages, then what plugins
    add through ``register_translations`` for messages cimis does not define."""
    global _catalogue, _loading
    if _catalogue is not None:
        return _catalogue
    lang = get_language()
    own: dict[str, str] = {}
    if lang == "de":
        from toolkit.i18n.de import MESSAGES

        own = MESSAGES
    if _source is None or _loading:
        if _source is None:
            _catalogue = own
        return own  # while plugins are asked for theirs, their own messages stay English
    _loading = True
    try:
        extra = _source(lang)
    finally:
        _loading = False
    _catalogue = {**extra, **own} if extra else own
    return _catalogue


def _(message: str) -> str:
    """Translate ``message`` into the active language."""
    return _load().get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message whose English form depends on a count."""
    return _(singular if n == 1 else plural)


def pick(texts: dict[str, str]) -> str:
    """Pick the active language's entry from ``{"de": ..., "en": ...}``."""
    lang = get_language()
    return texts.get(lang) or texts.get(DEFAULT_LANGUAGE) or next(iter(texts.values()), "")


def N_(message: str) -> str:
    """Mark ``message`` for translation where it is defined; translate it with :func:`_` where
    it is shown (for tables of labels built before the language is known)."""
    return message

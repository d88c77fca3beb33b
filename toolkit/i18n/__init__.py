"""Languages: which one is active and how a message is translated.

Messages are written in English in the code, wrapped in :func:`_` (gettext style); the
German catalogue lives in :mod:`toolkit.i18n.de`. A test fails when a wrapped string has no
German translation. The active language comes from ``--lang``, else ``CIMIS_LANG``, else
the system locale, else English.
"""

from __future__ import annotations

import os

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


def _load() -> dict[str, str]:
    global _catalogue
    if _catalogue is None:
        if get_language() == "de":
            from toolkit.i18n.de import MESSAGES

            _catalogue = MESSAGES
        else:
            _catalogue = {}
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

"""Readable ASCII ids and file names from titles people type: ``"Grußwort"`` -> ``grusswort``.

German letters are spelt out (ä -> ae, ß -> ss) as German readers expect; other accents are
dropped (é -> e). The result matches the id pattern of plans and cards (``[a-z0-9-]``).
"""

from __future__ import annotations

import re
import unicodedata

_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def slugify(text: str, *, max_length: int = 60, fallback: str = "item") -> str:
    """``text`` as lower-case ASCII words joined by ``-``, at most ``max_length`` long."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(_GERMAN)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:max_length].strip("-") or fallback

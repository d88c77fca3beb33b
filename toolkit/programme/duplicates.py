"""Proposals of people in the register who may be one person, for the office to review
before ``cimis programme people merge`` (nothing here merges anything).

Provides :class:`Proposal`, :func:`find` (the proposals, strongest first), :data:`REASONS`
(each rule's explanation, translated where shown), :func:`fold_name` and :func:`fold_email`.

The rules, each a reason shown with the proposal:

- ``email``: the same e-mail address, ignoring letter case;
- ``email-plus``: the same address apart from a ``+tag`` in the local part
  (``anna+kickoff@studio.example`` is ``anna@studio.example``);
- ``name``: the same name, ignoring letter case and spacing;
- ``name-folded``: the same name once umlauts, accents and ß are folded
  ("Müller" = "Mueller" = "Muller", "Weiß" = "Weiss", "José" = "Jose"), hyphens count as
  spaces;
- ``name-swapped``: the same words in another order ("Müller, Anna" = "Anna Müller");
- ``name-typo``: folded names (of at least five letters) one edit apart ("Hofmann" /
  "Hoffmann").

The typo rule is the weakest and guarded against false positives: one letter also tells
"Anna" from "Hanna" and "Jan" from "Jana". It proposes a pair only when nothing else tells
the two apart: when both have an organisation and the organisations differ (after the same
folding), or both have e-mail addresses and they differ, the pair is two people and is not
proposed. The stronger name rules propose a pair whatever the organisations (the same name
at two organisations is worth a look; the reviewer sees both).

Candidates are found through keys (the folded address, the folded name, its sorted words,
and every variant of it with one character deleted, which two names one edit apart share),
so a register of thousands of people is not compared pair by pair.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from toolkit.i18n import N_

#: Each rule's explanation (translated where shown), strongest first.
REASONS: dict[str, str] = {
    "email": N_("same e-mail address"),
    "email-plus": N_("same e-mail address apart from a +tag"),
    "name": N_("same name"),
    "name-folded": N_("same name apart from umlauts, accents or ß"),
    "name-swapped": N_("same name with first and last name swapped"),
    "name-typo": N_("names one letter apart (a typo?)"),
}
_ORDER = {code: n for n, code in enumerate(REASONS)}
#: Folded names shorter than this are never matched by the typo rule.
TYPO_MIN_LENGTH = 5

_NOT_LETTERS = re.compile(r"[^\w\s]|_")


def _plain(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def fold_name(name: str) -> str:
    """``name`` with letter case, spacing, punctuation, accents, umlaut spellings and ß
    folded: "Müller", "Mueller" and "MULLER" all give ``muller``."""
    text = unicodedata.normalize("NFKC", name).casefold()  # casefold turns ß into ss
    text = _NOT_LETTERS.sub(" ", text.replace("-", " "))
    text = _strip_accents(text)
    # ae, oe, ue are how ä, ö, ü are written without umlauts; folded on both sides, so the
    # only cost is that "Michael" meets "Michal" (a proposal a reviewer turns down)
    text = re.sub(r"([aou])e", r"\1", text)
    return " ".join(text.split())


def fold_email(email: str) -> str:
    """``email`` in lower case without a ``+tag`` in its local part."""
    plain = _plain(email)
    local, at, domain = plain.rpartition("@")
    if not at:
        return plain
    return local.split("+", 1)[0] + "@" + domain


def _deletions(text: str) -> Iterable[str]:
    yield text
    for i in range(len(text)):
        yield text[:i] + text[i + 1:]


def _within_one_edit(a: str, b: str) -> bool:
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:]  # one substitution
    return a[i:] == b[i + 1:]  # one insertion into the shorter


@dataclass(frozen=True)
class Proposal:
    """Two people of the register who may be one, and why (rule codes, strongest first)."""

    first: Any  # toolkit.programme.people.Person
    second: Any
    reasons: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"keep": self.first.id, "drop": self.second.id, "reasons": list(self.reasons),
                "first": {"id": self.first.id, "name": self.first.name, "email": self.first.email,
                          "organisation": self.first.organisation},
                "second": {"id": self.second.id, "name": self.second.name, "email": self.second.email,
                           "organisation": self.second.organisation}}


def _reasons(a: Any, b: Any) -> list[str]:
    reasons = []
    if a.email and b.email:
        if _plain(a.email) == _plain(b.email):
            reasons.append("email")
        elif fold_email(a.email) == fold_email(b.email):
            reasons.append("email-plus")
    name_a, name_b = fold_name(a.name), fold_name(b.name)
    if _plain(a.name) == _plain(b.name):
        reasons.append("name")
    elif name_a and name_a == name_b:
        reasons.append("name-folded")
    elif name_a and sorted(name_a.split()) == sorted(name_b.split()):
        reasons.append("name-swapped")
    elif (min(len(name_a), len(name_b)) >= TYPO_MIN_LENGTH
          and _within_one_edit(" ".join(sorted(name_a.split())), " ".join(sorted(name_b.split())))
          and not _told_apart(a, b)):
        reasons.append("name-typo")
    return reasons


def _told_apart(a: Any, b: Any) -> bool:
    """Whether the register itself says these are two people (the typo rule's guard)."""
    if a.organisation and b.organisation and fold_name(a.organisation) != fold_name(b.organisation):
        return True
    return bool(a.email and b.email and fold_email(a.email) != fold_email(b.email))


def find(people: Sequence[Any]) -> list[Proposal]:
    """Every pair of ``people`` that one of the rules proposes, in register order, each
    pair once with all its reasons."""
    keys: dict[str, list[int]] = defaultdict(list)
    for n, person in enumerate(people):
        if person.email:
            keys["e:" + fold_email(person.email)].append(n)
        name = fold_name(person.name)
        if not name:
            continue
        ordered = " ".join(sorted(name.split()))
        keys["n:" + ordered].append(n)
        if len(ordered) >= TYPO_MIN_LENGTH - 1:
            for variant in set(_deletions(ordered)):
                keys["d:" + variant].append(n)
    pairs: set[tuple[int, int]] = set()
    for members in keys.values():
        if len(members) > 1:
            unique = sorted(set(members))
            for i, x in enumerate(unique):
                for y in unique[i + 1:]:
                    pairs.add((x, y))
    out = []
    for x, y in sorted(pairs):
        reasons = _reasons(people[x], people[y])
        if reasons:
            out.append(Proposal(people[x], people[y], tuple(sorted(reasons, key=_ORDER.__getitem__))))
    return out

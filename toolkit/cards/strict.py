"""The strict checks of ``cimis methods check --strict``: what a valid card can still get wrong.

A card that parses is well-formed; these checks read it the way a practitioner would and
report, each as ``file:line: message``:

* timings that do not add up: a step whose instructions speak of more minutes than the step
  has (unless that is the length of another step or of the whole method, which a briefing may
  announce), and rotation rounds that leave no time to change tables;
* a step with next to no instructions;
* a card that adapts a published method (its id or a tag is listed in ``adapted.yaml``) but
  does not credit it in ``source``;
* a step that captures personal data (a capture kind that records people, or a word such as
  "photo" in its text, listed in ``glossary.yaml``) without a ``privacy`` note;
* words outside the glossary (``glossary.yaml``: "Arbeitsbuch" where the programme says
  "Workbook");
* a card without ``purposes``, which the library's purpose filter could never find.

The data files ship inside the package, so a plugin's cards are held to the same words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from toolkit.cards.card import PURPOSES, MethodCard
from toolkit.errors import Problem
from toolkit.i18n import _

HERE = Path(__file__).resolve().parent

#: Fewest words of instructions a step must have: one sentence of what to say, one of what to do.
MIN_WORDS = 12

#: Minutes a rotation needs between two rounds to change tables.
CHANGEOVER_MINUTES = 1

#: Built-in capture kinds whose records name people (who met whom, whom one wants to work with,
#: the teams). A plugin kind says the same with the class attribute ``personal_data = True``.
PERSONAL_KINDS = frozenset({"rotation", "interests", "matching"})

_NUMBER_WORDS = {
    "en": {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
           "forty-five": 45, "sixty": 60, "ninety": 90},
    "de": {"ein": 1, "eine": 1, "einer": 1, "einen": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
           "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "fünfzehn": 15, "zwanzig": 20,
           "dreißig": 30, "vierzig": 40, "fünfundvierzig": 45, "sechzig": 60, "neunzig": 90},
}
_MINUTE_WORDS = {"en": r"minutes?|mins?\b\.?", "de": r"Minuten?|Min\b\.?"}
_ROUND_WORDS = {"en": r"rounds?", "de": r"Runden?"}
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^##[ \t]+(.*?)[ \t#]*$")
_STEP_ID = re.compile(r"^[ \t]*-[ \t]*id:[ \t]*['\"]?([a-z0-9][a-z0-9-]*)['\"]?[ \t]*$")
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def glossary() -> dict[str, Any]:
    """The glossary: ``terms`` (preferred and forbidden words per language) and ``personal_data``."""
    import yaml

    return yaml.safe_load((HERE / "glossary.yaml").read_text("utf-8"))


@lru_cache(maxsize=1)
def adapted() -> dict[str, Any]:
    """Method ids and tags known to adapt a published method (``adapted.yaml``)."""
    import yaml

    return yaml.safe_load((HERE / "adapted.yaml").read_text("utf-8"))


def _number(token: str, lang: str) -> int | None:
    if token.isdigit():
        return int(token)
    return _NUMBER_WORDS.get(lang, {}).get(token.casefold())


@lru_cache(maxsize=4)
def _amount(lang: str, unit: str) -> re.Pattern[str]:
    words = "|".join(sorted(map(re.escape, _NUMBER_WORDS.get(lang, {})), key=len, reverse=True))
    return re.compile(rf"(?<![\w.,])(\d{{1,3}}|{words})[ \t]*(?:-[ \t]*)?(?:{unit})", re.IGNORECASE)


@lru_cache(maxsize=8)
def _word_pattern(word: str, lang: str) -> re.Pattern[str]:
    # German writes compounds as one word: 'Arbeitsbuchkapitel' contains the forbidden term
    end = "" if lang == "de" else r"(?![\w-])"
    return re.compile(rf"(?<![\w-]){re.escape(word)}{end}", re.IGNORECASE)


class CardLines:
    """Where things are in a card's file: step ids in the front matter, sections in the body,
    and the lines outside code blocks (also usable for any Markdown with front matter)."""

    def __init__(self, text: str):
        self.lines = text.splitlines()
        self.step_line: dict[str, int] = {}
        self.section_line: dict[str, int] = {}
        #: (1-based line number, text) of every line outside code blocks
        self.prose: list[tuple[int, str]] = []
        end = next((i for i in range(1, len(self.lines)) if self.lines[i].strip() in {"---", "..."}), 0)
        in_steps = False
        for i in range(1, end):
            line = self.lines[i]
            if line and not line[0].isspace() and not line.startswith("-"):
                in_steps = line.startswith("steps:")
            elif in_steps and (m := _STEP_ID.match(line)):
                self.step_line.setdefault(m.group(1), i + 1)
            self.prose.append((i + 1, line))
        fence: str | None = None
        for i in range(end + 1, len(self.lines)):
            line = self.lines[i]
            marker = _FENCE.match(line)
            if marker:
                token = marker.group(1)
                if fence is None:
                    fence = token
                elif token[0] == fence[0] and len(token) >= len(fence):
                    fence = None
                continue
            if fence is not None:
                continue
            if m := _HEADING.match(line):
                self.section_line.setdefault(m.group(1).strip().casefold(), i + 1)
            self.prose.append((i + 1, line))

    def step(self, step_id: str) -> int:
        return self.step_line.get(step_id, 2)

    def section(self, title: str, step_id: str) -> int:
        return self.section_line.get(title.casefold(), self.step(step_id))


def strict_problems(card: MethodCard, kinds: Mapping[str, Any] | None = None, text: str | None = None) -> list[Problem]:
    """Every strict finding for one valid card; ``text`` is the file's text (read if not given)."""
    path = card.path
    if text is None:
        try:
            text = Path(path).read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            return [Problem.at(path, 0, _("cannot read file: {error}").format(error=exc))]
    where = CardLines(text)
    lang = card.language
    m = card.meta
    problems: list[Problem] = []

    def add(line: int, message: str) -> None:
        problems.append(Problem.at(path, line, message))

    if not m.purposes:
        add(2, _("the card has no purposes: add e.g. 'purposes: [generate-ideas]' (one of: {known})").format(
            known=", ".join(PURPOSES)))

    known = adapted()
    credit = (known.get("methods") or {}).get(m.id)
    tagged = sorted({t for t in m.tags if t.casefold() in {k.casefold() for k in known.get("tags") or ()}})
    if m.source is None and (credit or tagged):
        add(2, _("method '{id}' adapts a published method ({credit}) but has no 'source': "
                 "add source: {{author, work, licence, link}}").format(
                     id=m.id, credit=credit or _("tag '{tag}'").format(tag=tagged[0])))

    personal_words = (glossary().get("personal_data") or {}).get(lang) or []
    for step in m.steps:
        instructions = card.instructions.get(step.id, "")
        section = where.section(step.title, step.id)
        words = len(_WORD.findall(instructions))
        if words < MIN_WORDS:
            add(section, _("step '{id}' has almost no instructions ({n} words): say what the facilitator says "
                           "and does (at least {min} words)").format(id=step.id, n=words, min=MIN_WORDS))
        problems.extend(_timing(card, step, instructions, section, lang))
        if not step.privacy:
            why = _personal(step, f"{step.title}\n{instructions}", personal_words, lang, kinds)
            if why:
                add(where.step(step.id), _(
                    "step '{id}' captures personal data ({why}) but has no data-protection note: "
                    "add 'privacy: ...' to the step (how consent is asked, what is stored)"
                ).format(id=step.id, why=why))

    problems.extend(glossary_problems(path, where, lang))
    return sorted(problems)


def _timing(card: MethodCard, step: Any, instructions: str, line: int, lang: str) -> list[Problem]:
    problems = []
    longest = 0
    for match in _amount(lang, _MINUTE_WORDS.get(lang, _MINUTE_WORDS["en"])).finditer(instructions):
        value = _number(match.group(1), lang)
        if value is not None and value > longest:
            longest = value
    # a briefing may announce the length of a later step or of the whole method
    if longest > step.minutes and longest != card.meta.duration and all(longest != s.minutes for s in card.meta.steps):
        problems.append(Problem.at(card.path, line, _(
            "step '{id}': the instructions speak of {n} minutes, but the step has {minutes}").format(
                id=step.id, n=longest, minutes=step.minutes)))
    if step.capture is not None and step.capture.kind == "rotation":
        round_minutes = int(step.capture.options.get("round_minutes", 5) or 5)
        rounds = step.capture.options.get("rounds")
        if rounds is None:
            mentioned = [_number(m.group(1), lang)
                         for m in _amount(lang, _ROUND_WORDS.get(lang, _ROUND_WORDS["en"])).finditer(instructions)]
            # 'eine Runde' / 'one round' is an article more often than a count
            rounds = max((n for n in mentioned if n and n > 1), default=None)
        if rounds is None:
            fit = (step.minutes + CHANGEOVER_MINUTES) // (round_minutes + CHANGEOVER_MINUTES)
            if step.minutes // round_minutes > fit:
                # the step's minutes were worked out as rounds x round length: nobody changes tables
                problems.append(Problem.at(card.path, line, _(
                    "step '{id}': {minutes} minutes are {naive} rounds of {round} minutes with no time to change "
                    "tables; with {change} minute(s) between rounds they hold {fit}: set 'rounds' in the capture "
                    "options").format(id=step.id, minutes=step.minutes, naive=step.minutes // round_minutes,
                                      round=round_minutes, change=CHANGEOVER_MINUTES, fit=fit)))
        else:
            need = rounds * round_minutes + (rounds - 1) * CHANGEOVER_MINUTES
            if need > step.minutes:
                problems.append(Problem.at(card.path, line, _(
                    "step '{id}': {rounds} rounds of {round} minutes and {change} minute(s) to change tables "
                    "between them need {need} minutes, but the step has {minutes}").format(
                        id=step.id, rounds=rounds, round=round_minutes, change=CHANGEOVER_MINUTES, need=need,
                        minutes=step.minutes)))
    return problems


def _personal(step: Any, text: str, words: list[str], lang: str, kinds: Mapping[str, Any] | None) -> str | None:
    """Why a step captures personal data, or None."""
    if step.capture is not None:
        kind = (kinds or {}).get(step.capture.kind)
        if step.capture.kind in PERSONAL_KINDS or getattr(kind, "personal_data", False):
            return _("capture kind '{kind}'").format(kind=step.capture.kind)
    for word in words:
        if _word_pattern(word, lang).search(text):
            return _("the text mentions '{word}'").format(word=word)
    return None


def glossary_problems(path: str, where: CardLines, lang: str) -> list[Problem]:
    """A problem per line of ``where`` (outside code blocks) that uses a forbidden variant of a
    glossary term; the message names the preferred word in ``lang``."""
    problems = []
    # a German word in an English card is just as wrong, so every language's variants count
    checks = [(_word_pattern(word, word_lang), term.get(lang, term.get("en")))
              for term in glossary().get("terms") or []
              for word_lang, words in (term.get("forbidden") or {}).items() for word in words or ()]
    for number, line in where.prose:
        if not line.strip():
            continue
        for pattern, preferred in checks:
            match = pattern.search(line)
            if match:
                problems.append(Problem.at(path, number, _(
                    "'{word}' is not the programme's term: write '{term}' (glossary: {file})").format(
                        word=match.group(0), term=preferred, file="toolkit/cards/glossary.yaml")))
    return problems

"""The commented starter ``workshop.yaml`` that ``cimis new`` writes when no example is chosen.

The comments are part of the user's file, so the template exists once per plan language.
"""

from __future__ import annotations

import datetime as dt
import json

_TEMPLATES = {
    "en": """\
# Workshop plan. Plain text: edit it by hand; comments and order are kept when the
# terminal UI changes the plan. Check it at any time with:   cimis check FOLDER

title: {title}
date: {date}
start: "09:00"       # when the first agenda item starts (HH:MM)
end: "17:00"         # when the day must be over; 'cimis check' reports an overrun
place: ""
language: en         # language of the workshop and of the method cards: de or en
seed: 0              # seed for shuffles (e.g. pitch order), so that reruns agree

# Who takes part. 'role' is one of: facilitator, participant, creative, company, jury,
# speaker, author, reviewer.
people:
  - {{id: facilitator, name: Your Name, role: facilitator}}

# The agenda, in order. Each item is either
#   a method run:  id, method (a method card's id; see 'cimis methods list'),
#                  optional title, minutes: {{step-id: minutes}}, options: {{step-id: {{option: value}}}}
#   or a free item: id, type (talk, break or free), title, minutes, optional speaker (a person's id)
agenda:
  - id: welcome
    type: free
    title: Welcome
    minutes: 15
""",
    "de": """\
# Workshop-Plan. Reiner Text: bearbeiten Sie ihn von Hand; Kommentare und Reihenfolge bleiben
# erhalten, wenn die Oberfläche den Plan ändert. Prüfen Sie ihn jederzeit mit:   cimis check ORDNER

title: {title}
date: {date}
start: "09:00"       # Beginn des ersten Programmpunkts (HH:MM)
end: "17:00"         # Ende des Tages; 'cimis check' meldet, wenn die Agenda länger dauert
place: ""
language: de         # Sprache des Workshops und der Methodenkarten: de oder en
seed: 0              # Startwert für Zufallsreihenfolgen (z. B. Pitches), damit Wiederholungen gleich ausfallen

# Wer dabei ist. 'role' ist eine von: facilitator, participant, creative, company, jury,
# speaker, author, reviewer.
people:
  - {{id: moderation, name: Ihr Name, role: facilitator}}

# Die Agenda, in zeitlicher Reihenfolge. Jeder Punkt ist entweder
#   ein Methodenlauf: id, method (Id einer Methodenkarte; siehe 'cimis methods list'),
#                     optional title, minutes: {{Schritt-Id: Minuten}}, options: {{Schritt-Id: {{Option: Wert}}}}
#   oder ein freier Punkt: id, type (talk, break oder free), title, minutes, optional speaker (Id einer Person)
agenda:
  - id: begruessung
    type: free
    title: Begrüßung
    minutes: 15
""",
}

DEFAULT_TITLES = {"en": "New workshop", "de": "Neuer Workshop"}


def render_template(language: str, title: str | None = None, date: dt.date | None = None) -> str:
    """The starter plan in ``language`` (de or en)."""
    title = title or DEFAULT_TITLES[language]
    # A JSON string is a valid double-quoted YAML scalar: any title is written safely.
    return _TEMPLATES[language].format(title=json.dumps(title, ensure_ascii=False),
                                       date=(date or dt.date.today()).isoformat())

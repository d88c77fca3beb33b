"""German messages of method cards, the library and validation (English msgid -> German)."""

MESSAGES: dict[str, str] = {
    # toolkit/cards/parse.py
    "file is empty: a method card starts with YAML front matter between '---' lines":
        "Datei ist leer: Eine Methodenkarte beginnt mit YAML-Kopfdaten zwischen '---'-Zeilen",
    "no front matter: the first line of a method card must be '---'":
        "Keine Kopfdaten: Die erste Zeile einer Methodenkarte muss '---' sein",
    "front matter is not closed: add a line '---' after it":
        "Kopfdaten sind nicht abgeschlossen: Fügen Sie danach eine Zeile '---' ein",
    "front matter must be a mapping of fields (key: value)":
        "Kopfdaten müssen aus Feldern bestehen (Schlüssel: Wert)",
    "the card has no introduction before its first '##' section":
        "Die Karte hat keine Einleitung vor ihrem ersten '##'-Abschnitt",
    "file is too large for a method card ({size:.1f} MiB; at most 1 MiB)":
        "Datei ist zu groß für eine Methodenkarte ({size:.1f} MiB; höchstens 1 MiB)",
    "{problem} ({context} that starts on line {line})": "{problem} ({context}, beginnend in Zeile {line})",
    "broken YAML in front matter: {reason}": "fehlerhaftes YAML in den Kopfdaten: {reason}",
    "duration: the steps add up to {total} minutes, but duration is {duration}":
        "duration: die Schritte ergeben {total} Minuten, aber die Dauer ist {duration}",
    "steps[{i}].id: duplicate step id '{id}' (first used by steps[{first}])":
        "steps[{i}].id: doppelte Schritt-ID '{id}' (zuerst verwendet von steps[{first}])",
    "steps[{i}].capture.kind: unknown capture kind '{kind}' (known: {known})":
        "steps[{i}].capture.kind: unbekannte Erfassungsart '{kind}' (bekannt: {known})",
    "step '{id}' has no instructions: add a section '## {title}'":
        "Schritt '{id}' hat keine Anleitung: Fügen Sie einen Abschnitt '## {title}' hinzu",
    "front matter": "Kopfdaten",
    "section '## {title}' matches no step title (steps: {titles}); other sections must be 'Checklist' or 'Shortcuts'":
        "Abschnitt '## {title}' passt zu keinem Schritttitel (Schritte: {titles}); andere Abschnitte müssen "
        "'Checkliste' oder 'Shortcuts' heißen",
    "section '## {title}' appears twice": "Abschnitt '## {title}' kommt doppelt vor",
    "section '## {title}' has no instructions": "Abschnitt '## {title}' enthält keine Anleitung",
    # toolkit/cards/library.py
    "steps differ from the {lang} twin {path} (ids, minutes and capture kinds must match)":
        "Schritte weichen vom {lang}-Gegenstück {path} ab (IDs, Minuten und Erfassungsarten müssen übereinstimmen)",
    "data-protection notes differ from the {lang} twin {path} (steps with a note: {a}; here: {b})":
        "Datenschutzhinweise weichen vom {lang}-Gegenstück {path} ab (Schritte mit Hinweis: {a}; hier: {b})",
    "{field} differs from the {lang} twin {path}": "{field} weicht vom {lang}-Gegenstück {path} ab",
    "id '{id}' ({lang}) is already used by {other}": "ID '{id}' ({lang}) wird bereits von {other} verwendet",
    "method '{id}' has no {other} twin: add a card with 'id: {id}' and 'language: {other}'":
        "Methode '{id}' hat kein Gegenstück in {other}: Legen Sie eine Karte mit 'id: {id}' und "
        "'language: {other}' an",
    # toolkit/cards/strict.py and cimis methods check --strict
    "Also check timings in the text, instructions, source credits, data-protection notes, purposes "
    "and the glossary's terms.":
        "Zusätzlich Zeitangaben im Text, Anleitungen, Quellenangaben, Datenschutzhinweise, Zwecke und "
        "die Begriffe des Glossars prüfen.",
    "the card has no purposes: add e.g. 'purposes: [generate-ideas]' (one of: {known})":
        "Die Karte hat keine Zwecke: Ergänzen Sie z. B. 'purposes: [generate-ideas]' (einer von: {known})",
    "method '{id}' adapts a published method ({credit}) but has no 'source': "
    "add source: {{author, work, licence, link}}":
        "Methode '{id}' greift eine veröffentlichte Methode auf ({credit}), hat aber keine 'source': "
        "Ergänzen Sie source: {{author, work, licence, link}}",
    "tag '{tag}'": "Schlagwort '{tag}'",
    "step '{id}' has almost no instructions ({n} words): say what the facilitator says and does "
    "(at least {min} words)":
        "Schritt '{id}' hat kaum Anleitung ({n} Wörter): Beschreiben Sie, was die Moderation sagt und tut "
        "(mindestens {min} Wörter)",
    "step '{id}' captures personal data ({why}) but has no data-protection note: "
    "add 'privacy: ...' to the step (how consent is asked, what is stored)":
        "Schritt '{id}' erfasst personenbezogene Daten ({why}), hat aber keinen Datenschutzhinweis: "
        "Ergänzen Sie 'privacy: ...' am Schritt (wie die Einwilligung eingeholt wird, was gespeichert wird)",
    "step '{id}': the instructions speak of {n} minutes, but the step has {minutes}":
        "Schritt '{id}': Die Anleitung spricht von {n} Minuten, der Schritt hat aber {minutes}",
    "step '{id}': {minutes} minutes are {naive} rounds of {round} minutes with no time to change "
    "tables; with {change} minute(s) between rounds they hold {fit}: set 'rounds' in the capture "
    "options":
        "Schritt '{id}': {minutes} Minuten sind {naive} Runden zu {round} Minuten ohne Zeit für den "
        "Tischwechsel; mit {change} Minute(n) zwischen den Runden passen {fit}: Setzen Sie 'rounds' in den "
        "Optionen der Erfassung",
    "step '{id}': {rounds} rounds of {round} minutes and {change} minute(s) to change tables "
    "between them need {need} minutes, but the step has {minutes}":
        "Schritt '{id}': {rounds} Runden zu {round} Minuten und {change} Minute(n) für den Tischwechsel "
        "dazwischen brauchen {need} Minuten, der Schritt hat aber {minutes}",
    "capture kind '{kind}'": "Erfassungsart '{kind}'",
    "the text mentions '{word}'": "der Text nennt '{word}'",
    "'{word}' is not the programme's term: write '{term}' (glossary: {file})":
        "'{word}' ist nicht der Begriff des Programms: Schreiben Sie '{term}' (Glossar: {file})",
    # toolkit/cli/methods.py (list filters)
    "'{value}' is unknown as a {kind}; use one of: {known}":
        "'{value}' ist als {kind} unbekannt; möglich sind: {known}",
    "purpose": "Zweck",
    "role": "Rolle",
    "Only methods for this purpose (id, English or German name, e.g. decide or entscheiden).":
        "Nur Methoden für diesen Zweck (ID, englischer oder deutscher Name, z. B. decide oder entscheiden).",
    "Only methods that involve this role (id, English or German name, e.g. jury or Kreative).":
        "Nur Methoden mit dieser Rolle (ID, englischer oder deutscher Name, z. B. jury oder Kreative).",
    "Any purpose": "Jeder Zweck",
    "Any role": "Jede Rolle",
    # toolkit/capture/kinds/scorecard.py (teams as candidates, for the jury of the kickoff)
    "{person} leads no team; score a team by its company.":
        "{person} leitet kein Team; bewerten Sie ein Team über sein Unternehmen.",
    # toolkit/cli/demo.py (--example)
    "Which bundled example to play (see 'cimis new --help').":
        "Welches mitgelieferte Beispiel gespielt wird (siehe 'cimis new --help').",
    # toolkit/cards/model.py
    "{value!r} is not a web address starting with http:// or https://":
        "{value!r} ist keine Webadresse, die mit http:// oder https:// beginnt",
    # toolkit/cards/labels.py (purposes) and toolkit/cards/render_text.py
    "Get to know each other": "Kennenlernen",
    "Share knowledge": "Wissen teilen",
    "Spread ideas": "Ideen verbreiten",
    "Generate ideas": "Ideen entwickeln",
    "Understand a problem": "Problem verstehen",
    "Decide": "Entscheiden",
    "Evaluate": "Bewerten",
    "Plan next steps": "Nächste Schritte planen",
    "Reflect": "Reflektieren",
    "Purposes": "Zwecke",
    "Source": "Quelle",
    "min ({min}) is larger than max ({max})": "min ({min}) ist größer als max ({max})",
    # toolkit/capture/kinds/options.py
    "scale_min ({low}) must be below scale_max ({high})": "scale_min ({low}) muss kleiner als scale_max ({high}) sein",
    "criterion ids must be unique": "Kriterien-IDs müssen eindeutig sein",
    "the two groups must have different roles": "die beiden Gruppen müssen verschiedene Rollen haben",
    "canvas field ids must be unique": "Canvas-Feld-IDs müssen eindeutig sein",
    # toolkit/validation.py
    "required field is missing": "Pflichtfeld fehlt",
    "unknown field (check the spelling)": "unbekanntes Feld (Schreibweise prüfen)",
    "must not be empty": "darf nicht leer sein",
    "expected text, got {value!r}": "Text erwartet, erhalten: {value!r}",
    "expected a whole number, got {value!r}": "ganze Zahl erwartet, erhalten: {value!r}",
    "expected a number, got {value!r}": "Zahl erwartet, erhalten: {value!r}",
    "expected true or false, got {value!r}": "true oder false erwartet, erhalten: {value!r}",
    "expected a list, got {value!r}": "Liste erwartet, erhalten: {value!r}",
    "expected a mapping of fields, got {value!r}": "Felder (Schlüssel: Wert) erwartet, erhalten: {value!r}",
    "{value!r} is not one of {expected}": "{value!r} ist keiner der Werte {expected}",
    "or": "oder",
    "{value!r} may hold only lower-case letters, digits and '-'":
        "{value!r} darf nur Kleinbuchstaben, Ziffern und '-' enthalten",
    "is longer than {n} characters": "ist länger als {n} Zeichen",
    "needs at least {n} entries": "braucht mindestens {n} Einträge",
    "allows at most {n} entries": "erlaubt höchstens {n} Einträge",
    "must be at least {limit}, got {value!r}": "muss mindestens {limit} sein, erhalten: {value!r}",
    "must be at most {limit}, got {value!r}": "darf höchstens {limit} sein, erhalten: {value!r}",
    "expected a date like 2026-03-14, got {value!r}": "Datum wie 2026-03-14 erwartet, erhalten: {value!r}",
    "expected a time like 09:30, got {value!r}": "Uhrzeit wie 09:30 erwartet, erhalten: {value!r}",
}

#: libyaml's most common diagnostics (they reach users inside "broken YAML" messages).
YAML_MESSAGES: dict[str, str] = {
    "did not find expected ',' or ']'": "erwartetes ',' oder ']' nicht gefunden",
    "did not find expected ',' or '}'": "erwartetes ',' oder '}' nicht gefunden",
    "did not find expected key": "erwarteter Schlüssel nicht gefunden",
    "did not find expected '-' indicator": "erwartetes '-' nicht gefunden",
    "did not find expected node content": "erwarteter Inhalt nicht gefunden",
    "mapping values are not allowed in this context": "Schlüssel-Wert-Paare sind hier nicht erlaubt",
    "could not find expected ':'": "erwarteter ':' nicht gefunden",
    "found character that cannot start any token": "Zeichen gefunden, mit dem nichts beginnen kann",
    "found undefined alias": "undefinierter Alias gefunden",
    "found unexpected end of stream": "unerwartetes Ende der Datei",
    "found unknown escape character": "unbekanntes Escape-Zeichen gefunden",
    "found a tab character that violates indentation": "Tabulator verletzt die Einrückung",
    "found a tab character where an indentation space is expected": "Tabulator statt Leerzeichen zur Einrückung",
    "while parsing a flow sequence": "beim Lesen einer Liste in eckigen Klammern",
    "while parsing a flow mapping": "beim Lesen einer Zuordnung in geschweiften Klammern",
    "while parsing a block mapping": "beim Lesen einer Zuordnung",
    "while parsing a block collection": "beim Lesen einer Liste",
    "while parsing a flow node": "beim Lesen eines Werts",
    "while parsing a block node": "beim Lesen eines Werts",
    "while scanning a simple key": "beim Lesen eines Schlüssels",
    "while scanning a quoted scalar": "beim Lesen eines Texts in Anführungszeichen",
    "while scanning a plain scalar": "beim Lesen eines Werts",
    "while scanning an alias": "beim Lesen eines Alias",
    "while scanning an anchor": "beim Lesen eines Ankers",
    "while scanning a tag": "beim Lesen eines Tags",
    "while scanning a directive": "beim Lesen einer Direktive",
    "while scanning a block scalar": "beim Lesen eines Textblocks",
    "while constructing a mapping": "beim Aufbau einer Zuordnung",
    "control characters are not allowed": "Steuerzeichen sind nicht erlaubt",
}

MESSAGES.update(YAML_MESSAGES)

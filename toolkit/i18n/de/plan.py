"""German messages of the plan area (English msgid -> German): workshop plans,
``cimis new`` and ``cimis check``."""

MESSAGES: dict[str, str] = {
    # toolkit/plan/model.py (validator messages, translated where they are shown)
    "an agenda item needs exactly one of 'method:' (a method run) or 'type:' (talk, break or free)":
        "ein Agendapunkt braucht genau eines von 'method:' (ein Methodenlauf) oder 'type:' (talk, break oder free)",
    "end must be later than start": "end muss später als start sein",
    # toolkit/plan/load.py
    "no {file} in this folder; create one with 'cimis new'":
        "in diesem Ordner gibt es keine {file}; legen Sie eine mit 'cimis new' an",
    "file is too large for a workshop plan ({size:.1f} MiB; at most 1 MiB)":
        "die Datei ist zu groß für einen Workshop-Plan ({size:.1f} MiB; höchstens 1 MiB)",
    "file is empty: a workshop plan needs at least title, date and language":
        "die Datei ist leer: ein Workshop-Plan braucht mindestens title, date und language",
    "the plan expands to too many values (are aliases nested too deeply?)":
        "der Plan wächst auf zu viele Werte an (sind Aliase zu tief verschachtelt?)",
    "broken YAML: {reason}": "fehlerhaftes YAML: {reason}",
    "a workshop plan must be a mapping of fields (key: value)":
        "ein Workshop-Plan muss eine Zuordnung von Feldern sein (schlüssel: wert)",
    "plan": "Plan",
    "the plan is nested too deeply": "der Plan ist zu tief verschachtelt",
    "people[{i}].id: duplicate person id '{id}' (first used by people[{first}])":
        "people[{i}].id: doppelte Personen-Id '{id}' (zuerst verwendet von people[{first}])",
    "agenda[{i}].id: duplicate item id '{id}' (first used by agenda[{first}])":
        "agenda[{i}].id: doppelte Id '{id}' (zuerst verwendet von agenda[{first}])",
    "agenda[{i}].speaker: no person with id '{id}' in 'people'":
        "agenda[{i}].speaker: in 'people' gibt es keine Person mit der Id '{id}'",
    # toolkit/plan/resolve.py
    "agenda[{i}].method: no method with id '{id}' in the library.":
        "agenda[{i}].method: in der Bibliothek gibt es keine Methode mit der Id '{id}'.",
    "agenda[{i}].method: method '{id}' has no card in '{lang}'; its '{other}' card is used":
        "agenda[{i}].method: die Methode '{id}' hat keine Karte in '{lang}'; ihre Karte in '{other}' wird verwendet",
    "agenda[{i}].{field}.{step}: method '{id}' has no step '{step}' (steps: {steps})":
        "agenda[{i}].{field}.{step}: die Methode '{id}' hat keinen Schritt '{step}' (Schritte: {steps})",
    "{loc}: step '{step}' captures nothing, so it has no options":
        "{loc}: der Schritt '{step}' erfasst nichts und hat daher keine Optionen",
    "agenda[{i}].method: step '{step}' uses capture kind '{kind}', which is not installed":
        "agenda[{i}].method: der Schritt '{step}' verwendet die Erfassungsart '{kind}', die nicht installiert ist",
    " (value from the method card {path})": " (Wert aus der Methodenkarte {path})",
    "{loc}: the options could not be checked: {error}":
        "{loc}: die Optionen konnten nicht geprüft werden: {error}",
    "'{ref}' names no step of this item (steps: {steps})":
        "'{ref}' nennt keinen Schritt dieses Agendapunkts (Schritte: {steps})",
    "'{ref}' is not an earlier step; a step can only build on steps before it":
        "'{ref}' ist kein früherer Schritt; ein Schritt kann nur auf vorangehenden Schritten aufbauen",
    "'{ref}' names no agenda item '{item}'": "'{ref}': es gibt keinen Agendapunkt '{item}'",
    "'{ref}' is a later agenda item; a step can only build on steps before it":
        "'{ref}' ist ein späterer Agendapunkt; ein Schritt kann nur auf vorangehenden Schritten aufbauen",
    "agenda item '{item}' has no step '{step}' (steps: {steps})":
        "der Agendapunkt '{item}' hat keinen Schritt '{step}' (Schritte: {steps})",
    # toolkit/plan/check.py
    "the agenda runs past midnight: it ends on {date} at {time}":
        "die Agenda läuft über Mitternacht hinaus: sie endet am {date} um {time}",
    "no 'end' is set: the agenda ends at {time} ({minutes} minutes from {start})":
        "kein 'end' gesetzt: die Agenda endet um {time} ({minutes} Minuten ab {start})",
    "end: the agenda ends at {time}, {over} minutes after the planned end {end}":
        "end: die Agenda endet um {time}, {over} Minuten nach dem geplanten Ende {end}",
    "the plan lists no people, so group sizes and roles are not checked":
        "der Plan nennt keine Personen, daher werden Gruppengrößen und Rollen nicht geprüft",
    "agenda[{i}] ({id}): the method needs someone with role '{role}', but the plan lists nobody with that role":
        "agenda[{i}] ({id}): die Methode braucht jemanden mit der Rolle '{role}', aber der Plan nennt niemanden "
        "mit dieser Rolle",
    "agenda[{i}] ({id}): {n} people take part, but the method works for {min} to {max}":
        "agenda[{i}] ({id}): {n} Personen nehmen teil, die Methode ist aber für {min} bis {max} gedacht",
    # toolkit/plan/edit.py
    "{path}: cannot read file: {error}": "{path}: Datei kann nicht gelesen werden: {error}",
    "no agenda item with id '{id}'": "kein Agendapunkt mit der Id '{id}'",
    "no person with id '{id}'": "keine Person mit der Id '{id}'",
    # toolkit/cli/workshop.py and the commands' short help
    "Create a workshop folder.": "Einen Workshop-Ordner anlegen.",
    "Check a workshop plan and print its timetable.": "Einen Workshop-Plan prüfen und seinen Zeitplan zeigen.",
    "Create a workshop folder with a plan (workshop.yaml) and a workbook/ folder.":
        "Einen Workshop-Ordner mit einem Plan (workshop.yaml) und einem Ordner workbook/ anlegen.",
    "Start from a bundled example plan.": "Mit einem mitgelieferten Beispielplan beginnen.",
    "Title of the workshop.": "Titel des Workshops.",
    "Language of the workshop and its method cards (default: the output language).":
        "Sprache des Workshops und seiner Methodenkarten (Standard: die Ausgabesprache).",
    "'{folder}' already exists and is not empty; choose a new folder.":
        "'{folder}' gibt es schon und ist nicht leer; wählen Sie einen neuen Ordner.",
    "the plan would not be valid; nothing was created.": "der Plan wäre nicht gültig; es wurde nichts angelegt.",
    "Created {folder}. Edit {plan}, then run 'cimis check {folder}'.":
        "{folder} angelegt. Bearbeiten Sie {plan} und führen Sie dann 'cimis check {folder}' aus.",
    "Check a workshop plan against the method library and print its timetable.":
        "Einen Workshop-Plan gegen die Methodenbibliothek prüfen und seinen Zeitplan zeigen.",
    "Print problems and timetable as JSON.": "Probleme und Zeitplan als JSON ausgeben.",
    "{errors} error(s), {warnings} warning(s).": "{errors} Fehler, {warnings} Warnung(en).",
    "warning": "Warnung",
    "Timetable of '{title}' ({date}):": "Zeitplan von '{title}' ({date}):",
    "({minutes} min)": "({minutes} Min.)",
    "  ends at {time} ({minutes} minutes in all)": "  Ende um {time} (insgesamt {minutes} Minuten)",
}

"""German messages of the tui area (English msgid -> German)."""

MESSAGES: dict[str, str] = {
    # cimis ui
    "Open the terminal UI.": "Die Terminal-Oberfläche öffnen.",
    "Show the projector view of the workshop in DIR (large, high contrast).":
        "Die Beamer-Ansicht des Workshops in DIR zeigen (groß, kontrastreich).",
    "--projector needs a workshop folder (DIR).": "--projector braucht einen Workshop-Ordner (DIR).",
    "The terminal UI needs Textual: {error}": "Die Terminal-Oberfläche braucht Textual: {error}",
    # app
    "Theme: {name}": "Farbschema: {name}",
    "Unknown key binding ids in the configuration: {ids}": "Unbekannte Tastenkürzel-Ids in der Konfiguration: {ids}",
    "The plan cannot run yet": "Der Plan kann noch nicht laufen",
    "Cannot open the plan": "Der Plan lässt sich nicht öffnen",
    "The theme could not be remembered: {error}": "Das Farbschema konnte nicht gespeichert werden: {error}",
    # bindings and their areas
    "Everywhere": "Überall",
    "Start screen": "Startbildschirm",
    "Method library": "Methodenbibliothek",
    "Running a workshop": "Workshop durchführen",
    "Keys": "Tasten",
    "Dialogs": "Dialoge",
    "Home": "Start",
    "Next theme": "Nächstes Farbschema",
    "Quit": "Beenden",
    "New workshop": "Neuer Workshop",
    "Open folder": "Ordner öffnen",
    "Demo workshop": "Demo-Workshop",
    "Edit agenda": "Agenda bearbeiten",
    "Run workshop": "Workshop starten",
    "Remove from list": "Aus der Liste entfernen",
    "Add to agenda": "Zur Agenda hinzufügen",
    "Next category": "Nächste Kategorie",
    "Switch card language": "Kartensprache wechseln",
    "Clear filters": "Filter zurücksetzen",
    "Add method": "Methode hinzufügen",
    "Add talk": "Vortrag hinzufügen",
    "Add break": "Pause hinzufügen",
    "Edit item": "Punkt bearbeiten",
    "5 minutes longer": "5 Minuten länger",
    "5 minutes shorter": "5 Minuten kürzer",
    "Move up": "Nach oben",
    "Move down": "Nach unten",
    "Remove item": "Entfernen",
    "Save": "Speichern",
    "Cancel": "Abbrechen",
    "Close": "Schließen",
    # command palette
    "Theme: dark": "Farbschema: dunkel",
    "Theme: light": "Farbschema: hell",
    "Theme: high contrast for projectors": "Farbschema: hoher Kontrast für Beamer",
    # start screen
    "What would you like to do?": "Was möchten Sie tun?",
    "New workshop…": "Neuer Workshop …",
    "Open a workshop folder…": "Workshop-Ordner öffnen …",
    "Try the demo workshop": "Den Demo-Workshop ausprobieren",
    "Browse the method library": "In der Methodenbibliothek stöbern",
    "Plan and run co-creation workshops": "Co-Creation-Workshops planen und durchführen",
    "No workshops yet: create one or open a folder.": "Noch keine Workshops: legen Sie einen an oder öffnen Sie einen Ordner.",
    "Created {folder}.": "{folder} angelegt.",
    "(folder missing)": "(Ordner fehlt)",
    "Recent workshops": "Zuletzt geöffnete Workshops",
    # method library
    "up to 15 minutes": "bis 15 Minuten",
    "up to 30 minutes": "bis 30 Minuten",
    "up to an hour": "bis eine Stunde",
    "up to 90 minutes": "bis 90 Minuten",
    "longer than 90 minutes": "länger als 90 Minuten",
    "Pick a method for the agenda": "Eine Methode für die Agenda wählen",
    "No method matches these filters.": "Keine Methode passt zu diesen Filtern.",
    "{n} of {total} method": "{n} von {total} Methode",
    "{n} of {total} methods": "{n} von {total} Methoden",
    "Enter: add": "Enter: hinzufügen",
    "Search title, summary, tags…": "Titel, Zusammenfassung, Schlagworte suchen …",
    "Any category": "Alle Kategorien",
    "Any length": "Jede Dauer",
    "Any group size": "Jede Gruppengröße",
    "for {n} people": "für {n} Personen",
    # agenda builder
    "End": "Ende",
    "Min": "Min",
    "Kind": "Art",
    "Step": "Schritt",
    "Captures": "Erfasst",
    "Talk": "Vortrag",
    "Free item": "Freier Punkt",
    "Method": "Methode",
    "The plan cannot be read: see the problems.": "Der Plan ist nicht lesbar: siehe die Probleme.",
    "{start}–{end} · {hours} h {minutes} min planned": "{start}–{end} · {hours} Std. {minutes} Min. geplant",
    "No problems: the plan is ready to run.": "Keine Probleme: der Plan ist bereit.",
    "error": "Fehler",
    "Add a talk": "Vortrag hinzufügen",
    "Add a break": "Pause hinzufügen",
    "Edit '{title}'": "„{title}“ bearbeiten",
    "This item has no steps to change.": "Dieser Punkt hat keine Schritte zum Ändern.",
    "unsaved changes": "ungespeicherte Änderungen",
    "Removed '{id}'. {key} undoes it.": "„{id}“ entfernt. {key} macht es rückgängig.",
    "Saved {path}.": "{path} gespeichert.",
    "Steps of the selected item": "Schritte des gewählten Punkts",
    "line {n}": "Zeile {n}",
    "Not saved": "Nicht gespeichert",
    "the day ends at {end}: {n} min to spare": "der Tag endet um {end}: {n} Min. Luft",
    "the day ends at {end}: {n} min too long": "der Tag endet um {end}: {n} Min. zu lang",
    "{n} warning": "{n} Warnung",
    "{n} warnings": "{n} Warnungen",
    "{n} error": "{n} Fehler",
    "{n} errors": "{n} Fehler",
    "{step}: minutes": "{step}: Minuten",
    # help
    "Where": "Wo",
    "What it does": "Was sie tut",
    "Id": "Id",
    "Change any key in the configuration file, e.g. [keys] \"run.next\" = \"n\".":
        "Jede Taste lässt sich in der Konfigurationsdatei ändern, z. B. [keys] \"run.next\" = \"n\".",
    # dialogs
    "OK": "OK",
    "Create": "Anlegen",
    "Open": "Öffnen",
    "Open a workshop folder": "Workshop-Ordner öffnen",
    "Minutes must be between 1 and 600.": "Die Minuten müssen zwischen 1 und 600 liegen.",
    "The agenda has unsaved changes.": "Die Agenda hat ungespeicherte Änderungen.",
    "Folder for the workshop (it is created):": "Ordner für den Workshop (wird angelegt):",
    "Title:": "Titel:",
    "Start from:": "Ausgangspunkt:",
    "Language of the workshop:": "Sprache des Workshops:",
    "Please name a folder.": "Bitte nennen Sie einen Ordner.",
    "Folder with a workshop.yaml (→ completes the name):": "Ordner mit einer workshop.yaml (→ ergänzt den Namen):",
    "Minutes:": "Minuten:",
    "Please give a title.": "Bitte geben Sie einen Titel an.",
    "Minutes must be a whole number.": "Die Minuten müssen eine ganze Zahl sein.",
    "Title (empty: the method's title):": "Titel (leer: der Titel der Methode):",
    "e.g. Kickoff: creatives meet companies": "z. B. Auftakt: Kreative treffen Unternehmen",
    "an empty plan": "einem leeren Plan",
    "Save them before leaving?": "Vor dem Verlassen speichern?",
    "No such folder: {path}": "Ordner nicht gefunden: {path}",
    "Stay": "Bleiben",
    "Discard": "Verwerfen",
    "Speaker (a person's id, optional; known: {ids}):": "Vortragende Person (Id, optional; bekannt: {ids}):",
    "Nobody in the plan has the id '{id}'.": "Niemand im Plan hat die Id „{id}“.",
    "German": "Deutsch",
    "English": "Englisch",
    "{label} is not a valid value.": "{label} ist kein gültiger Wert.",
    # workbook
    "Workbook": "Workbook",
    "Open the workbook": "Workbook öffnen",
    "Edit chapter": "Kapitel bearbeiten",
    "Change status": "Status ändern",
    "Back to the board": "Zurück zur Übersicht",
    "Reload from disk": "Neu von der Festplatte laden",
    "Enter or {agenda}: agenda · {run}: run · {workbook}: workbook":
        "Enter oder {agenda}: Agenda · {run}: starten · {workbook}: Workbook",
    "{folder} holds files but no book.yaml.": "{folder} enthält Dateien, aber keine book.yaml.",
    "Cannot open the workbook": "Das Workbook lässt sich nicht öffnen",
    "Created the workbook {folder}.": "Workbook {folder} angelegt.",
    "Open or select a workshop first.": "Öffnen oder wählen Sie zuerst einen Workshop.",
    "to do": "offen",
    "draft": "Entwurf",
    "in review": "im Review",
    "final": "fertig",
    "Status of '{title}'": "Status von „{title}“",
    "Set status": "Status setzen",
    "Choose a status.": "Wählen Sie einen Status.",
    "{file} changed on disk since you opened it.": "{file} wurde auf der Festplatte geändert, seit Sie sie geöffnet haben.",
    "Saving replaces the text on disk with yours. Overwrite it?":
        "Speichern ersetzt den Text auf der Festplatte durch Ihren. Überschreiben?",
    "Overwrite": "Überschreiben",
    "{file} has unsaved changes.": "{file} hat ungespeicherte Änderungen.",
    "The workbook cannot be read.": "Das Workbook ist nicht lesbar.",
    "Markdown": "Markdown",
    "Preview": "Vorschau",
    "Problems in the workbook": "Probleme im Workbook",
    "no file yet": "noch keine Datei",
    "No chapters yet: run 'cimis workbook sync {folder}' after a session.":
        "Noch keine Kapitel: führen Sie nach einer Sitzung 'cimis workbook sync {folder}' aus.",
    "{n} chapters · {words} words": "{n} Kapitel · {words} Wörter",
    "Enter or {key} on a chapter opens it in the editor.": "Enter oder {key} auf einem Kapitel öffnet es im Editor.",
    "'{title}' has no file yet: give it one in SUMMARY.md.":
        "„{title}“ hat noch keine Datei: tragen Sie eine in SUMMARY.md ein.",
    "Status not changed": "Status nicht geändert",
    "'{title}' is now {status}.": "„{title}“ ist jetzt {status}.",
    "cimis stopped because of an unexpected error: {error}":
        "cimis wurde wegen eines unerwarteten Fehlers beendet: {error}",
    "Everything captured is saved in the session store, and the plan on disk is complete.":
        "Alles Erfasste ist im Sitzungsspeicher gesichert, und der Plan auf der Festplatte ist vollständig.",
    "The details for a bug report are in {path}.":
        "Die Einzelheiten für eine Fehlermeldung stehen in {path}.",
    "The details could not be written to a log file.":
        "Die Einzelheiten konnten nicht in eine Protokolldatei geschrieben werden.",
    "Not changed":
        "Nicht geändert",
    "Open the terminal UI: the start screen, run mode for the workshop in DIR, or the sprint board of the workbook in DIR.":
        "Die Terminal-Oberfläche öffnen: den Startbildschirm, den Ablauf des Workshops in DIR oder das Sprint-Board des Workbooks in DIR.",
    "There is no workshop.yaml (nor a workbook's book.yaml) in {path}.":
        "In {path} gibt es keine workshop.yaml (und keine book.yaml eines Workbooks).",
    "There is no workshop.yaml in {path}.":
        "In {path} gibt es keine workshop.yaml.",
    "Esc":
        "Esc",
    "Enter":
        "Eingabe",
    "Del":
        "Entf",
    "Space":
        "Leertaste",
    "Tab":
        "Tab",
    "PgDn":
        "Bild↓",
    "PgUp":
        "Bild↑",
    "Ins":
        "Einfg",
    "Ctrl":
        "Strg",
    "Shift":
        "Umschalt",
    "Alt":
        "Alt",
    "This record cannot be edited here.":
        "Dieser Eintrag lässt sich hier nicht bearbeiten.",
    "Reveal/hide results":
        "Ergebnisse zeigen/verbergen",
    "Black screen":
        "Schwarzbild",
    "Open/close input":
        "Eingabe öffnen/schließen",
    "■ Black screen on the projector ({key} shows it again)":
        "■ Schwarzbild auf dem Beamer ({key} zeigt es wieder)",
    "The room sees the results ({key} hides them)":
        "Der Raum sieht die Ergebnisse ({key} verbirgt sie)",
    "Results hidden from the room ({key} reveals them)":
        "Ergebnisse für den Raum verborgen ({key} zeigt sie)",
    "input closed":
        "Eingabe geschlossen",
    "Start the session first.":
        "Starten Sie zuerst die Sitzung.",
    "Results revealed to the room.":
        "Die Ergebnisse sind für den Raum sichtbar.",
    "Results hidden from the room.":
        "Die Ergebnisse sind für den Raum verborgen.",
    "The projector is black.":
        "Der Beamer zeigt Schwarz.",
    "The projector shows the session again.":
        "Der Beamer zeigt die Sitzung wieder.",
    "Input closed for the room.":
        "Die Eingabe für den Raum ist geschlossen.",
    "Input open for the room.":
        "Die Eingabe für den Raum ist offen.",
    "The results follow.":
        "Die Ergebnisse folgen.",
    "Instructions":
        "Anleitung",
    "Nobody to score yet: the teams come from the step '{source}'.":
        "Noch niemand zu bewerten: die Teams kommen aus dem Schritt '{source}'.",
    "Type a score; Enter saves the cell and moves on, ↑/↓ change the row. Scores from {low} to {high}.":
        "Punktzahl eintippen; Enter speichert die Zelle und geht weiter, ↑/↓ wechseln die Zeile. Punkte von {low} bis {high}.",
    "Juror":
        "Jurymitglied",
    "Ranking":
        "Rangfolge",
    "* not every criterion scored yet":
        "* noch nicht jedes Kriterium bewertet",
    "Choose the juror first.":
        "Wählen Sie zuerst das Jurymitglied.",
    "Score saved":
        "Punktzahl gespeichert",
    "Sync the workbook with the session":
        "Workbook mit der Sitzung abgleichen",
    "Sync and build the workbook (HTML)":
        "Workbook abgleichen und bauen (HTML)",
    "Go to: {title}":
        "Gehe zu: {title}",
    "Sync failed":
        "Abgleich fehlgeschlagen",
    "Workbook synced: {created} new, {updated} updated chapters.":
        "Workbook abgeglichen: {created} neue, {updated} aktualisierte Kapitel.",
    "Build failed":
        "Bauen fehlgeschlagen",
    "Workbook built: {path}":
        "Workbook gebaut: {path}",
    "Now at: {title}":
        "Jetzt bei: {title}",
    "Sync with the sessions":
        "Mit den Sitzungen abgleichen",
    "Build (HTML)":
        "Bauen (HTML)",
    "Save the chapter first.":
        "Speichern Sie zuerst das Kapitel.",
    "the kickoff example (a whole day, in the workshop's language)":
        "dem Auftakt-Beispiel (ein ganzer Tag, in der Sprache des Workshops)",
    "No round started yet.":
        "Noch keine Runde gestartet.",
    "Round {number}: {time} left":
        "Runde {number}: noch {time}",
    "Round {number} is over: change tables!":
        "Runde {number} ist vorbei: Tische wechseln!",
    "Reopen the session":
        "Sitzung wieder öffnen",
    "The session is not finished.":
        "Die Sitzung ist nicht beendet.",
    "Reopen the finished session? The reopening is recorded in the session log.":
        "Die beendete Sitzung wieder öffnen? Das Wiederöffnen wird im Sitzungsprotokoll festgehalten.",
    "Session reopened.":
        "Sitzung wieder geöffnet.",
    "generated": "erzeugt",
    "end of generated text": "Ende des erzeugten Texts",
    "new version (conflict)": "neue Fassung (Konflikt)",
    "end of new version": "Ende der neuen Fassung",
    "{count} generated-text markers were deleted; the text they fenced is now your own.":
        "{count} Markierungen erzeugten Texts wurden gelöscht; der Text dazwischen gehört jetzt Ihnen.",
}

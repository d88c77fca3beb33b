"""German messages of the run area (English msgid -> German): run mode, the projector, the
capture panels and ``cimis demo``."""

MESSAGES: dict[str, str] = {
    "No terminal here: playing the whole day headless (--headless).":
        "Hier gibt es kein Terminal: Der ganze Tag wird ohne Oberfläche durchgespielt (--headless).",
    # keys of run mode (footer)
    "Next": "Weiter",
    "Back": "Zurück",
    "Pause": "Pause",
    "+1 min": "+1 Min",
    "−1 min": "−1 Min",
    "Edit": "Ändern",
    "Remove": "Entfernen",
    "Undo": "Rückgängig",
    "Projector": "Beamer",
    "Finish": "Beenden",
    # run mode
    "Agenda": "Agenda",
    "No instructions for this step.": "Für diesen Schritt gibt es keine Anleitung.",
    "Saved": "Gespeichert",
    "Session started.": "Sitzung gestartet.",
    "The session is finished.": "Die Sitzung ist beendet.",
    "One minute added.": "Eine Minute dazugegeben.",
    "One minute taken away.": "Eine Minute weggenommen.",
    "Highlight a record in the list first.": "Markieren Sie zuerst einen Eintrag in der Liste.",
    "Finish the session? Nothing can be captured afterwards.":
        "Sitzung beenden? Danach kann nichts mehr erfasst werden.",
    "Edit the record; Enter saves, Escape cancels.": "Eintrag ändern; Enter speichert, Escape bricht ab.",
    "agenda item {n} of {total}": "Programmpunkt {n} von {total}",
    "{minutes} min planned": "{minutes} Min geplant",
    "Time is up for this step.": "Die Zeit für diesen Schritt ist um.",
    "Timer running again.": "Der Timer läuft wieder.",
    "Timer paused.": "Timer angehalten.",
    "Session finished. Everything is saved.": "Sitzung beendet. Alles ist gespeichert.",
    "Yes": "Ja",
    "No": "Nein",
    "Not started yet: {key} starts the session with the first step.":
        "Noch nicht gestartet: {key} startet die Sitzung mit dem ersten Schritt.",
    "step {n} of {total}": "Schritt {n} von {total}",
    "{what} (#{seq}) – committed to the session store": "{what} (#{seq}) – fest im Sitzungsspeicher",
    "Not saved: {reason}": "Nicht gespeichert: {reason}",
    "Undone: {what} of record #{id}.": "Rückgängig gemacht: {what} von Eintrag #{id}.",
    "This was the last step. Finish the session?": "Das war der letzte Schritt. Sitzung beenden?",
    "Record #{id} removed (undo brings it back).": "Eintrag #{id} entfernt (Rückgängig holt ihn zurück).",
    "Record #{id} changed.": "Eintrag #{id} geändert.",
    "capture": "Erfassung",
    "edit": "Änderung",
    "removal": "Entfernen",
    # timer
    "PAUSED": "PAUSE",
    "over time": "überzogen",
    "{minutes:+g} min added": "{minutes:+g} Min dazu",
    # projector
    "Round {number} of {total}": "Runde {number} von {total}",
    "No notes yet.": "Noch keine Notizen.",
    "Session finished": "Sitzung beendet",
    "Welcome!": "Willkommen!",
    "{count} of {total} people have marked": "{count} von {total} Personen haben markiert",
    "{count} cards": "{count} Karten",
    "This result cannot be shown: {error}": "Dieses Ergebnis kann nicht angezeigt werden: {error}",
    # capture panels
    "Type a note and press Enter": "Notiz eingeben und Enter drücken",
    "Type an idea card and press Enter": "Ideenkarte eingeben und Enter drücken",
    "Space ticks cards · /group NAME · /ungroup · /rename OLD = NEW · /merge A + B = C":
        "Leertaste hakt Karten an · /gruppe NAME · /lösen · /umbenennen ALT = NEU · /zusammen A + B = C",
    "Name the cluster: /group NAME": "Nennen Sie das Cluster: /gruppe NAME",
    "Tick cards with the space bar first.": "Haken Sie zuerst Karten mit der Leertaste an.",
    "Write: /rename OLD = NEW": "Schreiben Sie: /umbenennen ALT = NEU",
    "Write: /merge A + B = C": "Schreiben Sie: /zusammen A + B = C",
    "Unknown command: /{command}": "Unbekannter Befehl: /{command}",
    "{count} not clustered": "{count} ohne Cluster",
    "Enter gives the highlighted item one dot from the voter.":
        "Enter gibt dem markierten Eintrag einen Punkt der abstimmenden Person.",
    "Enter gives the highlighted item one dot from the voter; a number and Enter in the "
    "room-count field sets the paper dots counted on it.":
        "Enter gibt dem markierten Eintrag einen Punkt der abstimmenden Person; eine Zahl und Enter im "
        "Feld Raumzählung setzen die darauf gezählten Papierpunkte.",
    "Room count for the highlighted item": "Raumzählung für den markierten Eintrag",
    "Room count": "Raumzählung",
    "{dots} ({room} in the room)": "{dots} ({room} im Raum)",
    "Highlight the item the room count is for.": "Markieren Sie den Eintrag, für den die Raumzählung gilt.",
    "The room count is a whole number of dots (0 or more).": "Die Raumzählung ist eine ganze Zahl von Punkten (0 oder mehr).",
    "Choose the voter first.": "Wählen Sie zuerst, wer abstimmt.",
    "Voter": "Wer abstimmt",
    "{name}: {left} of {total} dots left": "{name}: noch {left} von {total} Punkten",
    "A score must be a number.": "Eine Bewertung muss eine Zahl sein.",
    "Nobody pitches in this round.": "In dieser Runde pitcht niemand.",
    "Feedback for the highlighted pitch; Enter saves": "Feedback zum markierten Pitch; Enter speichert",
    "Start next round": "Nächste Runde starten",
    "Absent / present": "Abwesend / da",
    "Round {number} started": "Runde {number} gestartet",
    "Table {number}": "Tisch {number}",
    "Absent: {names}": "Abwesend: {names}",
    "Choose the person first.": "Wählen Sie zuerst die Person.",
    "Next: round {number}": "Danach: Runde {number}",
    "absent": "abwesend",
    "present": "da",
    "Space ticks people, most wanted first.": "Leertaste hakt Personen an, die liebste zuerst.",
    "Save marks": "Markierungen speichern",
    "Choose who marks first.": "Wählen Sie zuerst, wer markiert.",
    "Who marks": "Wer markiert",
    "At most {count}.": "Höchstens {count}.",
    "none yet": "noch keines",
    "pinned": "festgelegt",
    "excluded": "ausgeschlossen",
    "Pin": "Festlegen",
    "Exclude": "Ausschließen",
    "Choose both people first.": "Wählen Sie zuerst beide Personen.",
    "Without a team: {names}": "Ohne Team: {names}",
    "Enter on an item ticks it or takes the tick back.": "Enter auf einem Punkt hakt ihn ab oder nimmt den Haken zurück.",
    "added": "hinzugefügt",
    "ticked": "abgehakt",
    "unticked": "Haken entfernt",
    "New item; Enter adds it": "Neuer Punkt; Enter fügt ihn hinzu",
    "{done} of {total} done": "{done} von {total} erledigt",
    "Entry for the highlighted field; Enter saves": "Eintrag für das markierte Feld; Enter speichert",
    "Fill in the fields; Enter saves.": "Felder ausfüllen; Enter speichert.",
    "The capture panel of this step failed: {error}. Everything captured is saved; "
    "you can keep capturing with the form below.":
        "Der Erfassungsbereich dieses Schritts ist ausgefallen: {error}. Alles Erfasste ist gespeichert; "
        "mit dem Formular unten können Sie weiter erfassen.",
    "'{path}' is not of the form module:name": "'{path}' hat nicht die Form modul:name",
    "widget '{path}' is not a Textual widget": "Widget '{path}' ist kein Textual-Widget",
    "Capture kind '{kind}' is not installed; nothing can be captured here.":
        "Die Erfassungsart '{kind}' ist nicht installiert; hier kann nichts erfasst werden.",
    # cimis demo
    "Try cimis on a bundled example workshop.": "cimis an einem mitgelieferten Beispiel-Workshop ausprobieren.",
    "Copy the bundled kickoff workshop into a new folder (DIR, or a fresh one) and open it in run mode. "
    "With --headless, play the whole day with scripted input instead and print where the results are.":
        "Den mitgelieferten Auftakt-Workshop in einen neuen Ordner kopieren (DIR oder einen frischen) und im "
        "Moderationsmodus öffnen. Mit --headless stattdessen den ganzen Tag mit vorbereiteten Eingaben "
        "durchspielen und ausgeben, wo die Ergebnisse liegen.",
    "Play the whole agenda without a terminal UI.": "Die ganze Agenda ohne Terminal-Oberfläche durchspielen.",
    "Seed of the scripted input.": "Startwert der vorbereiteten Eingaben.",
    "Demo workshop: {folder}": "Demo-Workshop: {folder}",
    "Played {steps} steps with {captures} captures; the session is finished.":
        "{steps} Schritte mit {captures} Erfassungen gespielt; die Sitzung ist beendet.",
    "Results:": "Ergebnisse:",
    "session store: {path}": "Sitzungsspeicher: {path}",
    "Look at it with: cimis session status {folder}": "Ansehen mit: cimis session status {folder}",
}

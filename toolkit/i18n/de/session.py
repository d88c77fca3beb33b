"""German messages of the session area (English msgid -> German)."""

MESSAGES: dict[str, str] = {
    # store
    "workshop folder does not exist: {path}": "Workshop-Ordner gibt es nicht: {path}",
    "cannot write the session store {path}: the folder or file is read-only":
        "Der Sitzungsspeicher {path} kann nicht geschrieben werden: Ordner oder Datei ist schreibgeschützt",
    "cannot write the session store {path}: it was opened read-only":
        "Der Sitzungsspeicher {path} kann nicht geschrieben werden: er wurde nur zum Lesen geöffnet",
    "cannot write the session store {path}: it is read-only ({error})":
        "Der Sitzungsspeicher {path} kann nicht geschrieben werden: er ist schreibgeschützt ({error})",
    "{path} was written by a newer version of cimis (schema {found}, this version reads up to {known}); "
    "update cimis to open it":
        "{path} wurde von einer neueren cimis-Version geschrieben (Schema {found}, diese Version liest bis "
        "{known}); aktualisieren Sie cimis, um die Datei zu öffnen",
    "{path} was changed by a newer version of cimis while opening it":
        "{path} wurde beim Öffnen von einer neueren cimis-Version geändert",
    "{path} is damaged or not a session store ({error}); restore it from a backup or move it away to start "
    "a new session":
        "{path} ist beschädigt oder kein Sitzungsspeicher ({error}); stellen Sie die Datei aus einer "
        "Sicherung wieder her oder verschieben Sie sie, um eine neue Sitzung zu beginnen",
    "{path} needs an upgrade, which a read-only store cannot do":
        "{path} muss aktualisiert werden, was bei einem schreibgeschützten Speicher nicht geht",
    "the session store {path} stayed busy for {seconds} seconds; is another program holding it?":
        "Der Sitzungsspeicher {path} war {seconds} Sekunden lang belegt; hält ihn ein anderes Programm fest?",
    "cannot use the session store {path}: {error}": "Der Sitzungsspeicher {path} ist nicht nutzbar: {error}",
    # engine
    "the session is finished; nothing more can be changed":
        "Die Sitzung ist beendet; es kann nichts mehr geändert werden",
    "the agenda has no steps to run": "Die Agenda hat keine Schritte",
    "a record must be a mapping of fields": "Ein Eintrag muss eine Zuordnung von Feldern sein",
    "the session has not started yet": "Die Sitzung hat noch nicht begonnen",
    "a step cannot have less than no time": "Ein Schritt kann nicht weniger als keine Zeit haben",
    "step '{ref}' captures nothing": "Schritt '{ref}' erfasst nichts",
    "capture kind '{kind}' of step '{ref}' is not installed":
        "Erfassungsart '{kind}' von Schritt '{ref}' ist nicht installiert",
    "the session has not started yet; name the step to capture into":
        "Die Sitzung hat noch nicht begonnen; nennen Sie den Schritt, in den erfasst werden soll",
    "the agenda has no step '{ref}'": "Die Agenda hat keinen Schritt '{ref}'",
    "the record for step '{ref}' is not valid: {errors}": "Der Eintrag für Schritt '{ref}' ist ungültig: {errors}",
    "there is no record {id}": "Es gibt keinen Eintrag {id}",
    # exchange format
    "'at' must be an ISO 8601 time such as 2026-03-14T10:30:00Z":
        "'at' muss eine ISO-8601-Zeit wie 2026-03-14T10:30:00Z sein",
    "a line must be a JSON object with item, step and record":
        "Eine Zeile muss ein JSON-Objekt mit item, step und record sein",
    "'record' must be a JSON object": "'record' muss ein JSON-Objekt sein",
    "'id' must be a text of up to 128 characters without spaces (a unique id of this capture)":
        "'id' muss ein Text aus höchstens 128 Zeichen ohne Leerzeichen sein (eine eindeutige Kennung "
        "dieser Erfassung)",
    "unknown key(s) {keys}; allowed: {allowed}": "Unbekannte(r) Schlüssel {keys}; erlaubt: {allowed}",
    "missing key(s): {keys}": "Fehlende(r) Schlüssel: {keys}",
    "not valid JSON: {error}": "Kein gültiges JSON: {error}",
    "'{key}' must be a non-empty text": "'{key}' muss ein nicht leerer Text sein",
    "'{key}' must be a text": "'{key}' muss ein Text sein",
    # cli
    "Look at, script and export a workshop's session.":
        "Die Sitzung eines Workshops ansehen, per Skript füllen und exportieren.",
    "Show where the session stands: step, timer, records.":
        "Zeigen, wo die Sitzung steht: Schritt, Zeit, Einträge.",
    "Print JSON instead of text.": "JSON statt Text ausgeben.",
    "Add captures from a JSON Lines file (or - for standard input), one committed per line.":
        "Erfassungen aus einer JSON-Lines-Datei (oder - für die Standardeingabe) hinzufügen, jede Zeile "
        "einzeln gespeichert.",
    "Print one JSON line per capture once it is saved.":
        "Pro Erfassung eine JSON-Zeile ausgeben, sobald sie gespeichert ist.",
    "Author of lines that name none.": "Autor der Zeilen, die keinen nennen.",
    "Write every capture with its item, step, time and author.":
        "Jede Erfassung mit Agendapunkt, Schritt, Zeit und Autor ausgeben.",
    "Output format; what jsonl writes, import reads back.":
        "Ausgabeformat; was jsonl schreibt, liest import wieder ein.",
    "Write to this file (atomically) instead of standard output.":
        "In diese Datei (atomar) statt auf die Standardausgabe schreiben.",
    "Undo the most recent capture, edit or removal.":
        "Die letzte Erfassung, Änderung oder Löschung rückgängig machen.",
    "Who undoes it (kept in the session log).": "Wer es rückgängig macht (steht im Sitzungsprotokoll).",
    "Undid the capture of record {id}.": "Erfassung von Eintrag {id} rückgängig gemacht.",
    "Undid the edit of record {id}.": "Änderung von Eintrag {id} rückgängig gemacht.",
    "Undid the removal of record {id}.": "Löschung von Eintrag {id} rückgängig gemacht.",
    "Undid event {seq}.": "Ereignis {seq} rückgängig gemacht.",
    "Nothing to undo.": "Nichts rückgängig zu machen.",
    "finished": "beendet",
    "running": "läuft",
    "not started": "nicht gestartet",
    "paused": "pausiert",
    "Session: {state}": "Sitzung: {state}",
    "Step: {item} / {step} ({ref}), agenda item {n} of {total}":
        "Schritt: {item} / {step} ({ref}), Agendapunkt {n} von {total}",
    "Timer: {elapsed} of {allowed}": "Zeit: {elapsed} von {allowed}",
    "{time} over": "{time} überzogen",
    "{time} left": "noch {time}",
    "Records: {n} in {steps} step(s)": "Einträge: {n} in {steps} Schritt(en)",
    "Events: {n}": "Ereignisse: {n}",
    "line is not UTF-8": "Zeile ist nicht UTF-8",
    "cannot read {path}: {error}": "{path} kann nicht gelesen werden: {error}",
    "step '{ref}' captures '{kind}', not '{given}'": "Schritt '{ref}' erfasst '{kind}', nicht '{given}'",
    "stopped at line {line}; the {n} capture(s) before it are saved":
        "Bei Zeile {line} angehalten; die {n} Erfassung(en) davor sind gespeichert",
    "{n} capture(s) imported into {path}": "{n} Erfassung(en) in {path} importiert",
    "{n} capture(s) written to {path}": "{n} Erfassung(en) in {path} geschrieben",
}

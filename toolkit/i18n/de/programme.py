"""German messages of the programme and the shared session store (English msgid -> German)."""

MESSAGES: dict[str, str] = {
    # store backends
    "event {seq} has the unknown type '{type}'": "Ereignis {seq} hat den unbekannten Typ '{type}'",
    "a PostgreSQL store needs psycopg; install it with: pip install 'psycopg[binary]'":
        "Ein PostgreSQL-Speicher braucht psycopg; installieren Sie es mit: pip install 'psycopg[binary]'",
    "the {field} of an event contains a NUL character, which PostgreSQL cannot store":
        "Das Feld {field} eines Ereignisses enthält ein NUL-Zeichen, das PostgreSQL nicht speichern kann",
    "the session database {url} was written by a newer version of cimis (schema {found}, this version reads up to "
    "{known}); update cimis to use it":
        "Die Sitzungsdatenbank {url} wurde von einer neueren cimis-Version geschrieben (Schema {found}, diese "
        "Version liest bis {known}); aktualisieren Sie cimis, um sie zu nutzen",
    "cannot reach the session database {url}: {error}": "Die Sitzungsdatenbank {url} ist nicht erreichbar: {error}",
    "cannot use the session database {url}: {error}": "Die Sitzungsdatenbank {url} ist nicht nutzbar: {error}",
    "cannot write the session database {url}: it was opened read-only":
        "In die Sitzungsdatenbank {url} kann nicht geschrieben werden: sie wurde nur zum Lesen geöffnet",
    "lost the connection to the session database {url} ({error}); nothing unconfirmed was kept: send it again":
        "Die Verbindung zur Sitzungsdatenbank {url} ist abgebrochen ({error}); nichts Unbestätigtes wurde "
        "gespeichert: senden Sie es erneut",
    "the session database {url} is closed": "Die Sitzungsdatenbank {url} ist geschlossen",
    "the session of {url} was removed from the database": "Die Sitzung {url} wurde aus der Datenbank entfernt",
    "{path}: a session key is one line of at most 200 characters":
        "{path}: Ein Sitzungsschlüssel ist eine Zeile mit höchstens 200 Zeichen",
    "{source}: the store must be 'sqlite' or a postgresql:// URL, not '{value}'":
        "{source}: Der Speicher muss 'sqlite' oder eine postgresql://-URL sein, nicht '{value}'",
    "{target} already holds {n} event(s) that {source} does not have; a migration copies into an empty or identical "
    "store (use push or pull to merge)":
        "{target} enthält schon {n} Ereignis(se), die {source} nicht hat; eine Migration kopiert nur in einen leeren "
        "oder gleichen Speicher (zum Zusammenführen: push oder pull)",
    # cimis store
    "workshop": "Workshop",
    "database": "Datenbank",
    "to push": "zu senden",
    "to pull": "zu holen",
    "Push, pull and migrate sessions between session.db and PostgreSQL.":
        "Sitzungen zwischen session.db und PostgreSQL senden, holen und umziehen.",
    "Print JSON.": "JSON ausgeben.",
    "Copy local sessions (session.db) into the database; pushing again adds nothing.":
        "Lokale Sitzungen (session.db) in die Datenbank kopieren; erneutes Senden fügt nichts hinzu.",
    "postgresql:// URL (default: CIMIS_STORE or the programme file).":
        "postgresql://-URL (Vorgabe: CIMIS_STORE oder die Programmdatei).",
    "Copy the database's sessions into the local session.db; pulling again adds nothing.":
        "Die Sitzungen der Datenbank in die lokale session.db kopieren; erneutes Holen fügt nichts hinzu.",
    "Copy whole sessions from one backend to the other and verify them.":
        "Ganze Sitzungen von einem Speicher in den anderen kopieren und prüfen.",
    "Where to: 'sqlite' or a postgresql:// URL.": "Wohin: 'sqlite' oder eine postgresql://-URL.",
    "Where from (default: where the session is now).": "Woher (Vorgabe: wo die Sitzung jetzt liegt).",
    "Compare local sessions with the database: what is still to push or pull.":
        "Lokale Sitzungen mit der Datenbank vergleichen: was noch zu senden oder zu holen ist.",
    "{workshop}: {events} event(s) {verb} {target}: {added} added, {present} already there":
        "{workshop}: {events} Ereignis(se) {verb} {target}: {added} hinzugefügt, {present} schon vorhanden",
    "copied to": "kopiert nach",
    "pushed to": "gesendet an",
    "pulled into": "geholt nach",
    "no database for {folder}: give --url, set CIMIS_STORE=postgresql://... or add 'store:' to the programme file":
        "Keine Datenbank für {folder}: geben Sie --url an, setzen Sie CIMIS_STORE=postgresql://... oder tragen Sie "
        "'store:' in die Programmdatei ein",
    "--to must be 'sqlite' or a postgresql:// URL, not '{value}'":
        "--to muss 'sqlite' oder eine postgresql://-URL sein, nicht '{value}'",
    "the sessions are in {store} now; to work with them there set CIMIS_STORE={store}":
        "Die Sitzungen liegen jetzt in {store}; um dort mit ihnen zu arbeiten, setzen Sie CIMIS_STORE={store}",
    "'{value}' is not a postgresql:// URL": "'{value}' ist keine postgresql://-URL",
    "verified: all {n} event(s) there, checksum {sum}": "geprüft: alle {n} Ereignis(se) vorhanden, Prüfsumme {sum}",
    "NOT verified: {missing} missing, {different} different, checksum {mine} here, {theirs} there":
        "NICHT bestätigt: {missing} fehlen, {different} abweichend, Prüfsumme hier {mine}, dort {theirs}",
    "{folder}: the session is in {store} already; migrate copies between SQLite and PostgreSQL (give --from)":
        "{folder}: Die Sitzung liegt schon in {store}; migrate kopiert zwischen SQLite und PostgreSQL (geben Sie "
        "--from an)",
    "{path} is neither a workshop folder (workshop.yaml) nor a programme folder (programme.yaml)":
        "{path} ist weder ein Workshop-Ordner (workshop.yaml) noch ein Programmordner (programme.yaml)",
    "{workshop}: no local session to push": "{workshop}: keine lokale Sitzung zum Senden",
    "{workshop}: nothing in the database to pull": "{workshop}: nichts in der Datenbank zum Holen",
    # programme file
    "the period ends before it starts": "Der Zeitraum endet, bevor er beginnt",
    "file is too large for a programme file (at most 1 MiB)": "Die Datei ist zu groß für eine Programmdatei (höchstens 1 MiB)",
    "a programme file must be a mapping of fields (key: value)":
        "Eine Programmdatei muss eine Zuordnung von Feldern sein (Schlüssel: Wert)",
    "no {file} here; create a programme with 'cimis programme new'":
        "Hier gibt es keine {file}; legen Sie ein Programm mit 'cimis programme new' an",
    "regions[{n}].id: '{id}' is used twice": "regions[{n}].id: '{id}' kommt zweimal vor",
    "events[{n}].id: '{id}' is used twice": "events[{n}].id: '{id}' kommt zweimal vor",
    "events[{n}].region: no region '{id}' (regions: {known})":
        "events[{n}].region: Es gibt keine Region '{id}' (Regionen: {known})",
    "events[{n}].date: {date} is outside the programme's period":
        "events[{n}].date: {date} liegt außerhalb des Programmzeitraums",
    "call.deadline: the call ends after the first kickoff ({date})":
        "call.deadline: Der Aufruf endet nach dem ersten Auftakt ({date})",
    "store: must be 'sqlite' or a postgresql:// URL, not '{value}'":
        "store: muss 'sqlite' oder eine postgresql://-URL sein, nicht '{value}'",
    "programme": "Programm",
    "online": "online",
    "{event}: no example plan '{example}' is installed; the event starts from the starter plan":
        "{event}: Der Beispielplan '{example}' ist nicht installiert; die Veranstaltung beginnt mit dem Startplan",
    "{file} must map match ids to their entries": "{file} muss Match-Ids ihren Einträgen zuordnen",
    # cimis programme
    "whole programme": "ganzes Programm",
    "Run a programme: regions, events, people, matches and numbers.":
        "Ein Programm durchführen: Regionen, Veranstaltungen, Personen, Matches und Zahlen.",
    "Create a programme folder: programme.yaml and a workshop folder per event.":
        "Einen Programmordner anlegen: programme.yaml und je Veranstaltung einen Workshop-Ordner.",
    "Name of the programme.": "Name des Programms.",
    "Year the programme runs in.": "Jahr, in dem das Programm läuft.",
    "Language of the programme.": "Sprache des Programms.",
    "Check programme.yaml, the ledger, the register and the events' plans.":
        "programme.yaml, das Match-Buch, das Register und die Pläne der Veranstaltungen prüfen.",
    "every event has its workshop folder": "jede Veranstaltung hat ihren Workshop-Ordner",
    "Create the workshop folders of events added to programme.yaml.":
        "Die Workshop-Ordner neu in programme.yaml eingetragener Veranstaltungen anlegen.",
    "events": "Veranstaltungen",
    "participants": "Teilnehmende",
    "branches": "Branchen",
    "ideas": "Ideen",
    "matches": "Matches",
    "total": "gesamt",
    "The numbers: events, branches, participants, ideas, matches.":
        "Die Zahlen: Veranstaltungen, Branchen, Teilnehmende, Ideen, Matches.",
    "Print JSON (for the programme's website).": "JSON ausgeben (für die Website des Programms).",
    "Write one SVG chart per counter into this folder.": "Je Zähler ein SVG-Diagramm in diesen Ordner schreiben.",
    "Each region's matches and where each one stands.": "Die Matches jeder Region und wo jedes steht.",
    "Write the programme's chapters into its workbook.": "Die Kapitel des Programms in sein Workbook schreiben.",
    "The register of people and organisations (people.csv).": "Das Register der Personen und Organisationen (people.csv).",
    "Add applications from a CSV export, mapping its columns.":
        "Bewerbungen aus einem CSV-Export übernehmen, mit Zuordnung der Spalten.",
    "Which column holds a field: name, email, organisation, org_type, branch, region, status.":
        "Welche Spalte ein Feld enthält: name, email, organisation, org_type, branch, region, status.",
    "Status of rows that name none.": "Status für Zeilen ohne Status.",
    "Region of rows that name none.": "Region für Zeilen ohne Region.",
    "The register, or one status (the waiting list: --status waiting).":
        "Das Register oder ein Status (die Warteliste: --status waiting).",
    "Only people with this status.": "Nur Personen mit diesem Status.",
    "Merge person DROP into person KEEP (after reviewing them).":
        "Person DROP in Person KEEP zusammenführen (nach Prüfung).",
    "Delete a person's data from the register and the events' plans.":
        "Die Daten einer Person aus dem Register und den Plänen der Veranstaltungen löschen.",
    "Do not ask for confirmation.": "Nicht nachfragen.",
    "region": "Region",
    "no.": "Nr.",
    "name": "Name",
    "organisation": "Organisation",
    "type": "Art",
    "branch": "Branche",
    "status": "Status",
    "same e-mail address": "gleiche E-Mail-Adresse",
    "same name": "gleicher Name",
    "same e-mail address apart from a +tag": "gleiche E-Mail-Adresse bis auf einen +Zusatz",
    "same name apart from umlauts, accents or ß": "gleicher Name bis auf Umlaute, Akzente oder ß",
    "same name with first and last name swapped": "gleicher Name mit vertauschtem Vor- und Nachnamen",
    "names one letter apart (a typo?)": "Namen unterscheiden sich in einem Buchstaben (ein Tippfehler?)",
    "{n} proposal(s); review each before merging: nothing was changed":
        "{n} Vorschlag/Vorschläge; jeden vor dem Zusammenführen prüfen: nichts wurde geändert",
    "People who may be the same person, with the reasons, to review before merging (nothing is merged automatically).":
        "Personen, die dieselbe Person sein könnten, mit den Gründen, zur Prüfung vor dem Zusammenführen "
        "(nichts wird automatisch zusammengeführt).",
    "no duplicates found": "keine Doppelungen gefunden",
    "created {folder}: edit programme.yaml, then run 'cimis programme check {folder}'":
        "{folder} angelegt: bearbeiten Sie programme.yaml und rufen Sie dann 'cimis programme check {folder}' auf",
    "programme ok: {n} event(s)": "Programm in Ordnung: {n} Veranstaltung(en)",
    "{name}: {n} event(s), {m} match(es)": "{name}: {n} Veranstaltung(en), {m} Match(es)",
    "{n} programme chapter(s) in {workbook}, {created} new, {conflicts} conflict(s); the event reports come from "
    "'cimis workbook sync {workbook}'":
        "{n} Programmkapitel in {workbook}, {created} neu, {conflicts} Konflikt(e); die Berichte der Veranstaltungen "
        "schreibt 'cimis workbook sync {workbook}'",
    "nothing imported; fix the lines above and import again":
        "nichts übernommen; korrigieren Sie die Zeilen oben und importieren Sie erneut",
    "{added} added, {present} already in the register": "{added} hinzugefügt, {present} schon im Register",
    "merged {drop} into {keep} ({name})": "{drop} in {keep} zusammengeführt ({name})",
    "no matches yet": "noch keine Matches",
    "no region '{id}'": "keine Region '{id}'",
    "removed from {path}": "entfernt aus {path}",
    "merge with: cimis programme people merge {folder} {keep} {drop}":
        "zusammenführen mit: cimis programme people merge {folder} {keep} {drop}",
    "Delete {id} from the register and every event's plan?":
        "{id} aus dem Register und dem Plan jeder Veranstaltung löschen?",
    "event '{id}' has no workshop folder; create it with 'cimis programme events'":
        "Veranstaltung '{id}' hat keinen Workshop-Ordner; legen Sie ihn mit 'cimis programme events' an",
    "stage: {stage}": "Stand: {stage}",
    "question": "Fragestellung",
    "budget: {used} of {budget}": "Budget: {used} von {budget}",
    "cannot compute step '{ref}': {error}": "Schritt '{ref}' kann nicht ausgewertet werden: {error}",
    "formed": "gebildet",
    "decided": "entschieden",
    "working": "in Arbeit",
    "prototype": "Prototyp",
    "applicant": "beworben",
    "accepted": "aufgenommen",
    "waiting": "Warteliste",
    # people register
    "a person cannot be merged with itself": "Eine Person kann nicht mit sich selbst zusammengeführt werden",
    "{path}: not a people register (needs the columns {columns})":
        "{path}: kein Personenregister (es braucht die Spalten {columns})",
    "no person '{id}' in {path}": "keine Person '{id}' in {path}",
    "--map needs FIELD=COLUMN, got '{item}'": "--map braucht FELD=SPALTE, nicht '{item}'",
    "--map: unknown field '{field}' (fields: {known})": "--map: unbekanntes Feld '{field}' (Felder: {known})",
    "{path} is not UTF-8; export the file as UTF-8 CSV": "{path} ist nicht UTF-8; exportieren Sie die Datei als UTF-8-CSV",
    "no column '{column}' for {field}": "keine Spalte '{column}' für {field}",
    "{column}: the name is empty": "{column}: Der Name ist leer",
    "{column}: the name is longer than 120 characters": "{column}: Der Name ist länger als 120 Zeichen",
    "{column}: '{value}' is not an e-mail address": "{column}: '{value}' ist keine E-Mail-Adresse",
    "{column}: no region '{value}' (regions: {known})": "{column}: keine Region '{value}' (Regionen: {known})",
    "{column}: status must be one of {known}, not '{value}'": "{column}: Status muss einer von {known} sein, nicht '{value}'",
    "no column '{column}' for {field} (columns: {headers}); map one with --map {field}=COLUMN":
        "keine Spalte '{column}' für {field} (Spalten: {headers}); ordnen Sie eine zu mit --map {field}=SPALTE",
    "broken CSV: {error}": "fehlerhaftes CSV: {error}",
    "{column}: unknown organisation type '{value}' (known: {known})":
        "{column}: unbekannte Organisationsart '{value}' (bekannt: {known})",
    "{column}: unknown branch '{value}' (known: {known})": "{column}: unbekannte Branche '{value}' (bekannt: {known})",
    # workbook chapters
    "> **cimis:** the sessions say something new here; merge it with the text above and delete this block.":
        "> **cimis:** Die Sitzungen sagen hier etwas Neues; übernehmen Sie es in den Text darüber und löschen Sie "
        "diesen Block.",
    "The booksprint": "Der Booksprint",
    "The programme in numbers": "Das Programm in Zahlen",
    "Morning: agree on the outline and assign chapters to authors":
        "Vormittag: Gliederung vereinbaren und Kapitel an Autorinnen und Autoren verteilen",
    "Afternoon: write; the facilitator keeps the sprint board up to date":
        "Nachmittag: schreiben; die Moderation hält das Sprint-Board aktuell",
    "Morning: review in pairs, answer the comments": "Vormittag: Review zu zweit, Kommentare beantworten",
    "Afternoon: final edits, build the workbook, celebrate": "Nachmittag: letzte Änderungen, Workbook bauen, feiern",
    "_No question recorded yet._": "_Noch keine Fragestellung erfasst._",
    "_No jury decision yet._": "_Noch keine Juryentscheidung._",
    "_No status reports yet._": "_Noch keine Statusberichte._",
    "_Not shown yet._": "_Noch nicht gezeigt._",
    "Day 1": "Tag 1",
    "Day 2": "Tag 2",
    "Question": "Fragestellung",
    "Jury decision": "Juryentscheidung",
    "Prototype": "Prototyp",
    "chapter": "Kapitel",
    "authors": "Autorinnen und Autoren",
    "reviewers": "Review",
    "words": "Wörter",
    "{association} runs the programme in {region}.": "{association} führt das Programm in {region} durch.",
    "_No matches formed in this region yet._": "_In dieser Region haben sich noch keine Matches gebildet._",
    "Regional challenges: {region}": "Regionale Herausforderungen: {region}",
    "Budget": "Budget",
    "Match: {names}": "Match: {names}",
    "Stage: {stage}": "Stand: {stage}",
    "Rank {rank} with {total} points ({event}).": "Platz {rank} mit {total} Punkten ({event}).",
    "{event} ({date})": "{event} ({date})",
    "status at {event} ({date}): {status}": "Stand bei {event} ({date}): {status}",
    "status at {event}": "Stand bei {event}",
    "no status reported in peer learning ({n} contribution(s) at the event)":
        "kein Stand im Peer Learning berichtet ({n} Beitrag/Beiträge bei der Veranstaltung)",
    "No status reported in peer learning ({n} contribution(s) at the event).":
        "Kein Stand im Peer Learning berichtet ({n} Beitrag/Beiträge bei der Veranstaltung).",
    "{used} of {budget} {currency} used.": "{used} von {budget} {currency} verwendet.",
    "Sprint board": "Sprint-Board",
    "Jury: rank {rank}": "Jury: Platz {rank}",
    "Prototype: {text}": "Prototyp: {text}",
}

"""German messages of the platform: the plugin host and registry, ``cimis kinds``, reading
input files and the shared file-writing helpers."""

MESSAGES: dict[str, str] = {
    "called sys.exit({code})": "hat sys.exit({code}) aufgerufen",
    "the hook wrapper did not yield": "der Hook-Wrapper hat nicht mit yield übergeben",
    "the hook wrapper yielded twice": "der Hook-Wrapper hat zweimal yield aufgerufen",
    "{hook}: {error}": "{hook}: {error}",
    "did not finish session_event within {seconds} s; skipped from now on":
        "session_event nicht innerhalb von {seconds} s beendet; wird ab jetzt übersprungen",
    "{what} '{name}' of plugin '{plugin}' is already registered by plugin '{owner}'":
        "{what} '{name}' des Plugins '{plugin}' ist bereits vom Plugin '{owner}' registriert",
    "register() needs an instance of the capture kind, not the class {cls}":
        "register() braucht eine Instanz der Erfassungsart, nicht die Klasse {cls}",
    "register() got {value}, not a CaptureKind": "register() hat {value} erhalten, keine CaptureKind",
    "register() got {value}, not an exporter (it needs a 'name' and a 'build(book, out_dir)' method)":
        "register() hat {value} erhalten, keinen Exporter (er braucht einen 'name' und eine Methode "
        "'build(book, out_dir)')",
    "register() got {value}, not a path to a folder or file of cards":
        "register() hat {value} erhalten, keinen Pfad zu einem Ordner oder einer Datei mit Karten",
    "capture kind": "Erfassungsart",
    "exporter": "Exporter",
    "List capture kinds with their options, records and an example.":
        "Erfassungsarten mit ihren Optionen, Einträgen und einem Beispiel auflisten.",
    "Example record": "Beispieleintrag",
    # shared by every reader of hand-written files (cards, plans, workbook, config)
    'file contains a NUL character; is it a binary file?': 'Datei enthält ein NUL-Zeichen; ist es eine Binärdatei?',
    'cannot read file: {error}': 'Datei kann nicht gelesen werden: {error}',
    'file is not UTF-8 (invalid byte at position {pos}); save it as UTF-8':
        'Datei ist nicht UTF-8 (ungültiges Byte an Position {pos}); speichern Sie sie als UTF-8',
    '{field}: field is given twice': '{field}: Feld ist doppelt angegeben',
    'no such file or folder': 'Datei oder Ordner existiert nicht',
    ' Did you mean: {ids}?': ' Meinten Sie: {ids}?',
    "register() needs a language and a dict of English messages to translations, not {value}":
        "register() braucht eine Sprache und ein Wörterbuch von englischen Meldungen zu Übersetzungen, "
        "nicht {value}",
    "values are nested more than {n} levels deep": "Werte sind mehr als {n} Ebenen tief verschachtelt",
    "the YAML expands to more than {n} values (are aliases nested?)":
        "das YAML ergibt mehr als {n} Werte (sind Aliase verschachtelt?)",
    "needs the field '{field}' (which kind of entry this is)":
        "braucht das Feld '{field}' (welche Art von Eintrag dies ist)",
    "'{field}' is {value!r}, not one of {expected}": "'{field}' ist {value!r}, nicht eines von {expected}",
    "expected a finite number, got {value!r}": "endliche Zahl erwartet, erhalten: {value!r}",
    "expected a time like 2026-03-14T10:30:00Z, got {value!r}":
        "Zeitpunkt wie 2026-03-14T10:30:00Z erwartet, erhalten: {value!r}",
    "invalid value {value!r}": "ungültiger Wert {value!r}",
    "'at' is {value}, outside the plausible range 2000-01-01 to 2099-12-31":
        "'at' ist {value}, außerhalb des plausiblen Bereichs 2000-01-01 bis 2099-12-31",
    "line is longer than {n} bytes": "die Zeile ist länger als {n} Bytes",
    "{path} is not a regular file": "{path} ist keine normale Datei",
    "'seq' must be a positive whole number (the record's id in the exported session)":
        "'seq' muss eine positive ganze Zahl sein (die ID des Eintrags in der exportierten Sitzung)",
    "the disk is full": "der Datenträger ist voll",
    "cannot create or write {path}: {reason}": "{path} kann nicht angelegt oder geschrieben werden: {reason}",
    "cannot write: {reason}": "Schreiben nicht möglich: {reason}",
    "the disk quota is used up": "das Speicherkontingent ist aufgebraucht",
    "the file system is read-only": "das Dateisystem ist schreibgeschützt",
    "permission denied": "keine Berechtigung",
    "the file is larger than this file system or a limit allows":
        "die Datei ist größer, als dieses Dateisystem oder eine Grenze erlaubt",
    "cannot write {path}: {reason}; nothing was changed":
        "{path} kann nicht geschrieben werden: {reason}; nichts wurde verändert",
    "{path} is larger than {n} bytes": "{path} ist größer als {n} Bytes",
}

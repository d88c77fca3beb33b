"""German messages of the build area (English msgid -> German)."""

MESSAGES: dict[str, str] = {
    # toolkit/workbook/build.py
    "unknown format '{format}'; available formats: {formats}":
        "unbekanntes Format '{format}'; verfügbare Formate: {formats}",
    "the output folder must not be the workbook folder or contain it: {path}":
        "Der Ausgabeordner darf weder der Workbook-Ordner sein noch ihn enthalten: {path}",
    "the output path exists and is not a folder: {path}":
        "Der Ausgabepfad existiert und ist kein Ordner: {path}",
    "'{path}' is not empty and not an earlier build output; choose another folder":
        "'{path}' ist nicht leer und keine frühere Build-Ausgabe; wählen Sie einen anderen Ordner",
    "building '{format}' failed: {error}": "Erstellen von '{format}' fehlgeschlagen: {error}",
    "cannot write {path}: {reason}; the previous output in {out} is unchanged":
        "{path} kann nicht geschrieben werden: {reason}; die bisherige Ausgabe in {out} ist unverändert",
    "cannot write {path}: {reason}; nothing was written to {out}":
        "{path} kann nicht geschrieben werden: {reason}; nach {out} wurde nichts geschrieben",
    "the output folder {path} is inside {source}, where the book's chapters are; choose a folder outside it "
    "(the default is {default})":
        "der Ausgabeordner {path} liegt in {source}, wo die Kapitel des Buchs liegen; wählen Sie einen Ordner "
        "außerhalb (voreingestellt ist {default})",
    "not a regular file (a device, pipe or folder)": "keine gewöhnliche Datei (ein Gerät, eine Pipe oder ein Ordner)",
    "larger than {size} MiB": "größer als {size} MiB",
    "'{path}' and '{other}' (line {line}) would both be published as the page '{page}'; rename one of them":
        "'{path}' und '{other}' (Zeile {line}) würden beide als Seite '{page}' veröffentlicht; benennen Sie eine "
        "der beiden um",
    "{path} holds files that no build made and that this build would replace ({files}); move them elsewhere first":
        "{path} enthält Dateien, die kein Build angelegt hat und die dieser Build ersetzen würde ({files}); "
        "verschieben Sie sie zuerst an einen anderen Ort",
    "SVG with a DTD or entities": "SVG mit DTD oder Entities",
    "not well-formed XML: {error}": "kein wohlgeformtes XML: {error}",
    "not an SVG document": "kein SVG-Dokument",
    "elements nested more than {n} levels deep": "Elemente mehr als {n} Ebenen tief verschachtelt",
    # toolkit/paths.py (write_atomic, which every command's writes go through)
    "cannot write {path}: it is not a regular file (a device, pipe or folder); nothing was changed":
        "{path} kann nicht geschrieben werden: es ist keine gewöhnliche Datei (ein Gerät, eine Pipe oder ein "
        "Ordner); nichts wurde verändert",
    "a part of the path is a file, not a folder": "ein Teil des Pfads ist eine Datei, kein Ordner",
    "it cannot be created there": "dort kann sie nicht angelegt werden",
    "another build is writing {path} right now; try again when it has finished":
        "ein anderer Build schreibt gerade {path}; versuchen Sie es erneut, wenn er fertig ist",
    # toolkit/default_plugins/exporters.py, toolkit/workbook/html.py, exporters_md.py
    "HTML website with search": "HTML-Website mit Suche",
    "Markdown, one file": "Markdown, eine Datei",
    # toolkit/workbook/htmlpage.py (labels of the built site, in the book's language)
    "To do": "Offen",
    "Draft": "Entwurf",
    "In review": "In Prüfung",
    "Final": "Fertig",
    "Contents": "Inhalt",
    "Search": "Suche",
    "Previous": "Zurück",
    "Print version": "Druckversion",
    "No results": "Keine Treffer",
    "Skip to content": "Zum Inhalt springen",
    "(not written yet)": "(noch nicht geschrieben)",
    "the output folder {path} is inside the workbook but a symlink leads it to {target}; remove the symlink or choose another output folder":
        "der Ausgabeordner {path} liegt im Workbook, aber ein symbolischer Link führt ihn nach {target}; "
        "entfernen Sie den Link oder wählen Sie einen anderen Ausgabeordner",
}

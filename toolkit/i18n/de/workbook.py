"""German messages of the workbook area (English msgid -> German)."""

MESSAGES: dict[str, str] = {
    # reading the workbook
    "workbook folder does not exist": "der Workbook-Ordner existiert nicht",
    "no book.yaml here; create a workbook with 'cimis workbook init'":
        "hier gibt es keine book.yaml; legen Sie ein Workbook mit 'cimis workbook init' an",
    "'{path}' is outside the workbook folder": "'{path}' liegt außerhalb des Workbook-Ordners",
    "'{path}' is listed twice (first on line {line})": "'{path}' steht zweimal im Inhaltsverzeichnis (zuerst in Zeile {line})",
    "chapter file '{path}' does not exist": "die Kapiteldatei '{path}' existiert nicht",
    "chapter file '{path}' does not exist; a file whose name differs only in how its accents are encoded "
    "(Unicode NFC or NFD) is there: rename it or type the link again":
        "die Kapiteldatei '{path}' existiert nicht; dort liegt eine Datei, deren Name sich nur in der Kodierung "
        "der Akzente unterscheidet (Unicode NFC oder NFD): benennen Sie sie um oder tippen Sie den Link neu",
    "chapter file '{path}' is a symlink that leads to itself (a loop)":
        "die Kapiteldatei '{path}' ist ein symbolischer Link, der auf sich selbst verweist (eine Schleife)",
    "file does not exist": "die Datei existiert nicht",
    "file is empty: book.yaml needs at least title and language":
        "die Datei ist leer: book.yaml braucht mindestens title und language",
    "{what} must be a mapping of fields (key: value)": "{what} muss eine Zuordnung von Feldern sein (Schlüssel: Wert)",
    "file is too large ({size:.1f} MiB; at most 8 MiB)": "die Datei ist zu groß ({size:.1f} MiB; höchstens 8 MiB)",
    "cannot read this line of SUMMARY.md: expected '- [Title](chapters/file.md)', '[Title](file.md)', "
    "'# Part title' or '---'":
        "diese Zeile von SUMMARY.md ist unverständlich: erwartet wird '- [Titel](chapters/datei.md)', "
        "'[Titel](datei.md)', '# Teiltitel' oder '---'",
    "this line of SUMMARY.md is ignored, as mdBook ignores it: only '- [Title](file.md)', "
    "'[Title](file.md)', '# Part title' and '---' make the contents":
        "diese Zeile von SUMMARY.md wird übergangen, wie mdBook sie übergeht: nur '- [Titel](datei.md)', "
        "'[Titel](datei.md)', '# Teiltitel' und '---' bilden das Inhaltsverzeichnis",
    "only '# ' headings are part titles; this heading is ignored, as mdBook ignores it":
        "nur '# '-Überschriften sind Teiltitel; diese Überschrift wird übergangen, wie mdBook sie übergeht",
    "a prefix or suffix chapter cannot be a draft: give it a file":
        "ein Kapitel vor oder nach den nummerierten Kapiteln kann kein Entwurf sein: geben Sie ihm eine Datei",
    # init
    "unknown language '{language}': use de or en": "unbekannte Sprache '{language}': verwenden Sie de oder en",
    # sync
    "Who took part": "Wer dabei war",
    "The plan lists nobody.": "Der Plan nennt niemanden.",
    "Checklists and shortcuts": "Checklisten und Shortcuts",
    "**Sync conflict:** the session results changed after this passage was edited. This is the new generated "
    "version: merge what you need into the passage above, then delete this block.":
        "**Sync-Konflikt:** Die Ergebnisse der Sitzung haben sich geändert, nachdem dieser Abschnitt bearbeitet "
        "wurde. Dies ist die neu erzeugte Fassung: Übernehmen Sie, was Sie brauchen, in den Abschnitt darüber "
        "und löschen Sie dann diesen Block.",
    "no session yet in this workshop; nothing to sync from it":
        "in diesem Workshop gibt es noch keine Sitzung; nichts zu übernehmen",
    "source '{source}' is not a folder": "die Quelle '{source}' ist kein Ordner",
    "cannot render step '{ref}' ({kind}): {error}": "Schritt '{ref}' ({kind}) lässt sich nicht darstellen: {error}",
    "cannot read SUMMARY.md to add the new chapters; add them by hand":
        "SUMMARY.md lässt sich nicht lesen, um die neuen Kapitel einzutragen; tragen Sie sie von Hand ein",
    "conflict: '{ref}' was edited here and the session results changed; the new version is in the block below it":
        "Konflikt: '{ref}' wurde hier bearbeitet und die Ergebnisse der Sitzung haben sich geändert; die neue "
        "Fassung steht im Block darunter",
    # status and edits
    "a comment needs a name and a text": "ein Kommentar braucht einen Namen und einen Text",
    "line numbers start at 1": "Zeilennummern beginnen bei 1",
    "unknown status '{status}': use one of {statuses}": "unbekannter Status '{status}': verwenden Sie einen von {statuses}",
    "{path} has no comment {n} (it has {count})": "{path} hat keinen Kommentar {n} (es hat {count})",
    # check
    "chapter is not listed in SUMMARY.md; add it there or delete it":
        "das Kapitel steht nicht in SUMMARY.md; tragen Sie es dort ein oder löschen Sie es",
    "chapter is still todo": "das Kapitel hat noch den Status todo",
    "chapter is empty": "das Kapitel ist leer",
    "link to '{target}': the file does not exist": "Link auf '{target}': die Datei existiert nicht",
    "link to '{target}': that chapter has no heading with the anchor '{anchor}'":
        "Link auf '{target}': dieses Kapitel hat keine Überschrift mit dem Anker '{anchor}'",
    "link to '#{anchor}': this chapter has no heading with that anchor":
        "Link auf '#{anchor}': dieses Kapitel hat keine Überschrift mit diesem Anker",
    "image '{target}' does not exist": "das Bild '{target}' existiert nicht",
    "conflict block without its end marker; merge it by hand and delete the marker lines":
        "Konfliktblock ohne Endmarkierung; führen Sie ihn von Hand zusammen und löschen Sie die Markierungszeilen",
    "marker line without its partner: sync treats this passage as author text":
        "Markierungszeile ohne Gegenstück: sync behandelt diesen Abschnitt als Text der Autorinnen und Autoren",
    "unresolved sync conflict for '{ref}': merge the new version into the passage above and delete this block":
        "ungelöster Sync-Konflikt für '{ref}': übernehmen Sie die neue Fassung in den Abschnitt darüber und "
        "löschen Sie diesen Block",
    "'{title}' is a draft entry without a file": "'{title}' ist ein Entwurfseintrag ohne Datei",
    "{count} draft entries without a file: {titles}": "{count} Entwurfseinträge ohne Datei: {titles}",
    # the command
    "Create, sync, check and build the workbook.": "Das Workbook anlegen, abgleichen, prüfen und bauen.",
    "Create a workbook folder (book.yaml, SUMMARY.md, chapters/).":
        "Einen Workbook-Ordner anlegen (book.yaml, SUMMARY.md, chapters/).",
    "A workshop folder whose sessions feed the workbook (repeatable).":
        "Ein Workshop-Ordner, dessen Sitzungen ins Workbook eingehen (mehrfach möglich).",
    "Title of the workbook.": "Titel des Workbooks.",
    "Language of the workbook (default: the output language).": "Sprache des Workbooks (Standard: die Ausgabesprache).",
    "Write chapters from the sessions of the workbook's sources; author text is never lost.":
        "Kapitel aus den Sitzungen der Quellen des Workbooks schreiben; Text der Autorinnen und Autoren geht "
        "nie verloren.",
    "Show the sprint board: status, authors, reviewers, words and open comments per chapter.":
        "Die Sprint-Übersicht zeigen: Status, Autorinnen und Autoren, Gegenlesende, Wörter und offene Kommentare je Kapitel.",
    "Change a chapter's front matter.": "Den Kopfbereich (Front Matter) eines Kapitels ändern.",
    "Set a chapter's status: todo, draft, review or final.":
        "Den Status eines Kapitels setzen: todo, draft, review oder final.",
    "Add a review comment to a chapter.": "Einem Kapitel einen Review-Kommentar hinzufügen.",
    "Who writes the comment.": "Wer den Kommentar schreibt.",
    "Line of the chapter the comment refers to.": "Zeile des Kapitels, auf die sich der Kommentar bezieht.",
    "Mark a chapter's review comment N as resolved.": "Den Review-Kommentar N eines Kapitels als erledigt markieren.",
    "Check links, anchors, images, SUMMARY.md and chapter status; print file:line: message per problem.":
        "Links, Anker, Bilder, SUMMARY.md und Kapitelstatus prüfen; je Problem Datei:Zeile: Meldung ausgeben.",
    "Build the workbook as HTML, Markdown or another installed format.":
        "Das Workbook als HTML, Markdown oder in einem anderen installierten Format bauen.",
    "Output format.": "Ausgabeformat.",
    "Output folder (default: DIR/build/FORMAT).": "Ausgabeordner (Standard: ORDNER/build/FORMAT).",
    "Chapter": "Kapitel",
    "Words": "Wörter",
    "Open comments": "Offene Kommentare",
    "Authors": "Autorinnen und Autoren",
    "Reviewers": "Gegenlesende",  # the same word as the built book (build.py)
    "Created the workbook {folder}. Run 'cimis workbook sync {folder}' after a session.":
        "Workbook {folder} angelegt. Führen Sie nach einer Sitzung 'cimis workbook sync {folder}' aus.",
    "{created} chapter(s) created, {updated} updated; {replaced} passage(s) replaced, {inserted} added, "
    "{conflicts} conflict(s).":
        "{created} Kapitel angelegt, {updated} aktualisiert; {replaced} Abschnitt(e) ersetzt, {inserted} "
        "hinzugefügt, {conflicts} Konflikt(e).",
    "{file}: comment {n} added.": "{file}: Kommentar {n} hinzugefügt.",
    "{file}: comment {n} resolved.": "{file}: Kommentar {n} erledigt.",
    "{errors} error(s); nothing was written.": "{errors} Fehler; nichts wurde geschrieben.",
    "{errors} error(s).": "{errors} Fehler.",
    # publishing safely
    "not a regular file (a device, pipe or folder); refused":
        "keine gewöhnliche Datei (ein Gerät, eine Pipe oder ein Ordner); abgelehnt",
    "chapter file '{path}' is a symlink that leads outside the workbook folder; copy the file into the workbook instead":
        "die Kapiteldatei '{path}' ist ein symbolischer Link, der aus dem Workbook-Ordner hinausführt; "
        "kopieren Sie die Datei stattdessen ins Workbook",
    "chapter file '{path}' is not a regular file": "die Kapiteldatei '{path}' ist keine gewöhnliche Datei",
    "image '{target}' is outside the workbook folder (an absolute path); images must be files inside it":
        "das Bild '{target}' liegt außerhalb des Workbook-Ordners (ein absoluter Pfad); Bilder müssen Dateien "
        "darin sein",
    "image '{target}' is outside the workbook folder; images must be files inside it":
        "das Bild '{target}' liegt außerhalb des Workbook-Ordners; Bilder müssen Dateien darin sein",
    "image '{target}' is not published: only visible files of the types png, jpg, gif, webp, avif and svg are":
        "das Bild '{target}' wird nicht veröffentlicht: nur sichtbare Dateien der Typen png, jpg, gif, webp, "
        "avif und svg werden es",
    "image '{target}' is a symlink that leads outside the workbook folder":
        "das Bild '{target}' ist ein symbolischer Link, der aus dem Workbook-Ordner hinausführt",
    "image '{target}' is not a regular file": "das Bild '{target}' ist keine gewöhnliche Datei",
    "it leads outside the workbook folder": "es führt aus dem Workbook-Ordner hinaus",
    "warning: image '{path}' left out: {reason}": "Warnung: Bild '{path}' ausgelassen: {reason}",
    # mdBook books
    "Bring an mdBook book (book.toml, src/SUMMARY.md) in as a new workbook folder.":
        "Ein mdBook-Buch (book.toml, src/SUMMARY.md) als neuen Workbook-Ordner übernehmen.",
    "Imported the book into {folder}. Check it with 'cimis workbook check {folder}'.":
        "Das Buch wurde nach {folder} übernommen. Prüfen Sie es mit 'cimis workbook check {folder}'.",
    "{count} chapters are still todo: {chapters}": "{count} Kapitel sind noch offen: {chapters}",
    "[book] must be a table": "[book] muss eine Tabelle sein",
    "{path}: no book.toml here; not an mdBook book": "{path}: hier gibt es keine book.toml; kein mdBook-Buch",
    "{path}: the book has no SUMMARY.md": "{path}: das Buch hat keine SUMMARY.md",
    "include '{target}' is outside the book; not included":
        "include '{target}' liegt außerhalb des Buchs; nicht eingefügt",
    "include '{target}' nests too deep (a loop?); not included":
        "include '{target}' ist zu tief verschachtelt (eine Schleife?); nicht eingefügt",
    "include '{target}': no anchor '{anchor}' there": "include '{target}': dort gibt es keinen Anker '{anchor}'",
    "src '{src}' is outside the book folder": "src '{src}' liegt außerhalb des Buch-Ordners",
    "settings of book.toml that cimis does not support are ignored: {settings}":
        "Einstellungen der book.toml, die cimis nicht unterstützt, werden übergangen: {settings}",
    "src '{src}' is a symlink that leads outside the book folder":
        "src '{src}' ist ein symbolischer Link, der aus dem Buch-Ordner hinausführt",
    "include '{target}' cannot be read: {reason}": "include '{target}' kann nicht gelesen werden: {reason}",
    "broken TOML: {reason}": "fehlerhaftes TOML: {reason}",
    "[book] authors must be a list of names": "[book] authors muss eine Liste von Namen sein",
    "the file holds the control character U+{code:04X}, which no publication format allows; delete it (an editor "
    "shows it as ^{letter} or a box)":
        "die Datei enthält das Steuerzeichen U+{code:04X}, das kein Veröffentlichungsformat erlaubt; löschen Sie es "
        "(ein Editor zeigt es als ^{letter} oder als Kästchen)",
    "holds a control character, which no publication format allows; remove it":
        "enthält ein Steuerzeichen, das kein Veröffentlichungsformat erlaubt; entfernen Sie es",
    "[book] {field} holds a control character, which no publication format allows; remove it":
        "[book] {field} enthält ein Steuerzeichen, das kein Veröffentlichungsformat erlaubt; entfernen Sie es",
    "another sync of this workbook is running; try again when it has finished":
        "ein anderer Sync dieses Workbooks läuft gerade; versuchen Sie es erneut, wenn er fertig ist",
    "broken TOML: values are nested too deeply": "fehlerhaftes TOML: Werte sind zu tief verschachtelt",
    "[book] {field} must be text": "[book] {field} muss Text sein",
    "[book] {field} is longer than {limit} characters": "[book] {field} ist länger als {limit} Zeichen",
    # generated chapters: the event report and charts
    "Event report": "Veranstaltungsbericht",
    "Date": "Datum",
    "Place": "Ort",
    "Time": "Zeit",
    "Schedule": "Ablauf",
    "Agenda item": "Programmpunkt",
    "Talks": "Vorträge",
    "In numbers": "In Zahlen",
    "What": "Was",
    "Participants": "Teilnehmende",
    "Organisations": "Organisationen",
    "Ideas": "Ideen",
    "Matches": "Matches",
    "Sources": "Quellen",
    "Generated from session {session} of the workshop '{source}' (last capture {at}).":
        "Erzeugt aus der Sitzung {session} des Workshops '{source}' (letzte Erfassung {at}).",
    "Dots per idea": "Punkte je Idee",
    "Drawn from session {session} of the workshop '{workshop}', step {step} (last capture {at}).":
        "Gezeichnet aus der Sitzung {session} des Workshops '{workshop}', Schritt {step} (letzte Erfassung {at}).",
    "Upvotes per question": "Stimmen je Frage",
    "Word cloud: the larger a word, the more often it was given":
        "Wortwolke: Je größer ein Wort, desto öfter wurde es genannt",
    "{done} of {total} done ({percent} %)": "{done} von {total} erledigt ({percent} %)",
    "Checklist progress": "Fortschritt der Checkliste",
    "Total scores": "Gesamtwertungen",
    "Who was matched with whom": "Wer mit wem zusammengebracht wurde",
    "Feedback per pitch": "Rückmeldungen je Pitch",
    "Closing": "Abschluss",
    "min": "Min.",
}

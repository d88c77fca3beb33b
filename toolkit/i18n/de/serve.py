"""German messages of presenter state, ``cimis serve`` and the participants' pages."""

MESSAGES: dict[str, str] = {
    "input to step '{ref}' is closed": "Eingaben für Schritt '{ref}' sind geschlossen",
    "a presenter setting is on or off": "eine Präsentationseinstellung ist an oder aus",
    "Each person may ask at most {count} questions.": "Jede Person darf höchstens {count} Fragen stellen.",
    "Each person may give at most {count} answers.": "Jede Person darf höchstens {count} Antworten geben.",
    "The answer is {length} characters long; at most {max} are allowed.":
        "Die Antwort ist {length} Zeichen lang; erlaubt sind höchstens {max}.",
    "The question is {length} characters long; at most {max} are allowed.":
        "Die Frage ist {length} Zeichen lang; erlaubt sind höchstens {max}.",
    "There is no question {id}.": "Es gibt keine Frage {id}.",
    "You have upvoted this question already.": "Sie haben diese Frage schon unterstützt.",
    "No questions.": "Keine Fragen.",
    "No answers.": "Keine Antworten.",
    "Answer": "Antwort",
    "Count": "Anzahl",
    'Let the room join from its phones.':
        'Die Teilnehmenden mit ihren Handys mitmachen lassen.',
    'Serve the workshop in DIR to the phones in the room: participant pages, a browser projector and a facilitator page. Listens only on this computer unless --lan or --host is given.':
        'Den Workshop in DIR für die Handys im Raum bereitstellen: Seiten für Teilnehmende, ein Browser-Beamerbild und eine Moderationsseite. Nur auf diesem Rechner erreichbar, außer mit --lan oder --host.',
    'Listen on every network address, so that phones can join.':
        'Auf allen Netzwerkadressen lauschen, damit Handys teilnehmen können.',
    'Listen on this address only.':
        'Nur auf dieser Adresse lauschen.',
    'Port to listen on.':
        'Port, auf dem gelauscht wird.',
    'How many people are expected (to check the open-files limit).':
        'Wie viele Personen erwartet werden (zur Prüfung der Grenze offener Dateien).',
    'A further host name the pages may be opened under (repeatable).':
        'Ein weiterer Hostname, unter dem die Seiten geöffnet werden dürfen (wiederholbar).',
    'answers':
        'antwortet',
    'does not answer':
        'antwortet nicht',
    'Only this computer can open these pages. Start with --lan so that phones in the room can join.':
        'Nur dieser Rechner kann diese Seiten öffnen. Mit --lan starten, damit Handys im Raum teilnehmen können.',
    'Join at {url} with the code {code}':
        'Teilnehmen unter {url} mit dem Code {code}',
    'Projector: {url}':
        'Beamer: {url}',
    'Facilitator (keep this link to yourself): {url}':
        'Moderation (diesen Link nicht weitergeben): {url}',
    "No address of this computer can be reached from outside: phones cannot join. Connect to the venue network or open this laptop's own hotspot (see the README, 'Letting the room join').":
        "Keine Adresse dieses Rechners ist von außen erreichbar: Handys können nicht teilnehmen. Mit dem Netz des Veranstaltungsorts verbinden oder den eigenen Hotspot dieses Laptops öffnen (siehe README, 'Letting the room join').",
    "If phones cannot open the link, the network keeps guests apart: open this laptop's own hotspot instead (see the README, 'Letting the room join').":
        "Wenn Handys den Link nicht öffnen können, trennt das Netz die Gäste voneinander: stattdessen den eigenen Hotspot dieses Laptops öffnen (siehe README, 'Letting the room join').",
    'cimis serve needs the web stack: {error}':
        'cimis serve braucht die Web-Bibliotheken: {error}',
    "Warning: the open-files limit is {limit}, but {count} participants need about {needed}. Raise it with 'ulimit -n {needed}' before starting cimis serve.":
        "Warnung: Die Grenze offener Dateien ist {limit}, {count} Teilnehmende brauchen aber etwa {needed}. Vor dem Start von cimis serve mit 'ulimit -n {needed}' erhöhen.",
    'Raised the open-files limit to {limit} for {count} participants.':
        'Grenze offener Dateien für {count} Teilnehmende auf {limit} erhöht.',
    'The request is not valid JSON.':
        'Die Anfrage ist kein gültiges JSON.',
    'Requests from other sites are refused.':
        'Anfragen von anderen Websites werden abgelehnt.',
    'Too many submissions from this device; wait a moment and try again.':
        'Zu viele Eingaben von diesem Gerät; bitte kurz warten und erneut versuchen.',
    "This page needs the facilitator's link.":
        'Diese Seite braucht den Link der Moderation.',
    'There is no such page.':
        'Diese Seite gibt es nicht.',
    'This address does not take that kind of request.':
        'Diese Adresse nimmt diese Art von Anfrage nicht an.',
    'The server could not handle this request; it is not saved. Try again.':
        'Der Server konnte die Anfrage nicht bearbeiten; sie ist nicht gespeichert. Bitte erneut versuchen.',
    'The request is too large (at most {size} KiB).':
        'Die Anfrage ist zu groß (höchstens {size} KiB).',
    'This join code is not valid. Check the code on the screen.':
        'Dieser Code ist nicht gültig. Bitte den Code auf der Leinwand prüfen.',
    'The name must be text.':
        'Der Name muss Text sein.',
    "The name may not contain '#'.":
        "Der Name darf kein '#' enthalten.",
    'This invitation link is not valid.':
        'Dieser Einladungslink ist nicht gültig.',
    'The request must be a JSON object.':
        'Die Anfrage muss ein JSON-Objekt sein.',
    "The submission needs an id of 8 to 64 letters, digits, '-' or '_'.":
        "Die Eingabe braucht eine Kennung aus 8 bis 64 Buchstaben, Ziffern, '-' oder '_'.",
    'The submission must name its step.':
        'Die Eingabe muss ihren Schritt nennen.',
    'The record must be a JSON object.':
        'Der Eintrag muss ein JSON-Objekt sein.',
    'This id was already used for another submission.':
        'Diese Kennung wurde schon für eine andere Eingabe verwendet.',
    'The request must be a JSON object with an action.':
        'Die Anfrage muss ein JSON-Objekt mit einer Aktion sein.',
    'Results are hidden until the facilitator reveals them.':
        'Die Ergebnisse bleiben verborgen, bis die Moderation sie aufdeckt.',
    'This step is not open for input any more.':
        'Dieser Schritt nimmt keine Eingaben mehr an.',
    'This step takes no input.':
        'Dieser Schritt nimmt keine Eingaben an.',
    'The name is too long (at most {max} characters).':
        'Der Name ist zu lang (höchstens {max} Zeichen).',
    'The session has ended.':
        'Die Sitzung ist beendet.',
    'The session has not started yet.':
        'Die Sitzung hat noch nicht begonnen.',
    'Input to this step is closed.':
        'Eingaben für diesen Schritt sind geschlossen.',
    'Only devices invited as {role} can take part in this step.':
        'An diesem Schritt nehmen nur Geräte teil, die als {role} eingeladen sind.',
    'The text is too long (at most {max} characters).':
        'Der Text ist zu lang (höchstens {max} Zeichen).',
    'The value must be true or false.':
        'Der Wert muss true oder false sein.',
    "There is no step '{ref}'.":
        "Es gibt keinen Schritt '{ref}'.",
    'The record must be a number.':
        'Der Eintrag muss eine Zahl sein.',
    "Unknown action '{action}'.":
        "Unbekannte Aktion '{action}'.",
    'Deutsch':
        'English',
    'Join the workshop':
        'Am Workshop teilnehmen',
    'Join code':
        'Teilnahme-Code',
    'The code is shown on the screen in the room.':
        'Der Code steht auf der Leinwand im Raum.',
    'Display name (optional)':
        'Anzeigename (freiwillig)',
    'Leave it empty to take part anonymously.':
        'Leer lassen, um anonym teilzunehmen.',
    'Join':
        'Teilnehmen',
    'Data protection':
        'Datenschutz',
    "Your contributions are stored on the facilitator's laptop for this workshop's documentation only; nothing goes to the internet. You stay anonymous unless you give a name. A cookie keeps this device recognised during the workshop.":
        'Ihre Beiträge werden nur für die Dokumentation dieses Workshops auf dem Laptop der Moderation gespeichert; nichts geht ins Internet. Sie bleiben anonym, solange Sie keinen Namen angeben. Ein Cookie erkennt dieses Gerät während des Workshops wieder.',
    'Send':
        'Senden',
    'Sending…':
        'Wird gesendet…',
    'Not sent yet: waiting for the network. It will be sent automatically.':
        'Noch nicht gesendet: warte auf das Netz. Es wird automatisch gesendet.',
    'Saved; it appears once the facilitator accepts it.':
        'Gespeichert; erscheint, sobald die Moderation es annimmt.',
    'Offline: what you send is kept and sent when the connection is back.':
        'Offline: Was Sie senden, wird aufbewahrt und gesendet, sobald die Verbindung zurück ist.',
    'Connected':
        'Verbunden',
    'Time left':
        'Verbleibende Zeit',
    'This step takes no input from the room.':
        'Dieser Schritt nimmt keine Eingaben aus dem Raum an.',
    'Your idea':
        'Ihre Idee',
    'Your note':
        'Ihre Notiz',
    'Dots left':
        'Verbleibende Punkte',
    'Give a dot':
        'Punkt geben',
    'Dot for: {item}':
        'Punkt für: {item}',
    'There is nothing to vote on yet.':
        'Es gibt noch nichts, worüber abgestimmt werden kann.',
    'Ask':
        'Fragen',
    'Upvote':
        'Unterstützen',
    'Upvote: {question}':
        'Unterstützen: {question}',
    'votes':
        'Stimmen',
    'Questions':
        'Fragen',
    'Answers left':
        'Verbleibende Antworten',
    'Done':
        'Erledigt',
    'Not done':
        'Nicht erledigt',
    'Add an item':
        'Punkt hinzufügen',
    'New item':
        'Neuer Punkt',
    'Criterion':
        'Kriterium',
    'Score':
        'Bewertung',
    'must meet':
        'unbedingt treffen',
    'could meet':
        'könnte treffen',
    'no thanks':
        'nein danke',
    'no mark':
        'keine Angabe',
    'Marking interests needs your personal link; ask the facilitator.':
        'Für Interessen brauchen Sie Ihren persönlichen Link; fragen Sie die Moderation.',
    'Your table':
        'Ihr Tisch',
    'Round':
        'Runde',
    'Sitting out this round':
        'Pausieren in dieser Runde',
    'Contributions':
        'Beiträge',
    'Scan to join, or open {url} and enter the code {code}':
        'Scannen zum Teilnehmen, oder {url} öffnen und den Code {code} eingeben',
    'Input open':
        'Eingabe offen',
    'Moderation':
        'Moderation',
    'Results revealed':
        'Ergebnisse aufgedeckt',
    'Accept':
        'Annehmen',
    'Reject':
        'Ablehnen',
    'Waiting for moderation':
        'Wartet auf Moderation',
    'Next step':
        'Nächster Schritt',
    'Previous step':
        'Vorheriger Schritt',
    'Personal links (jurors and other invited people)':
        'Persönliche Links (Jury und weitere Eingeladene)',
    "Participants' link":
        'Link für Teilnehmende',
    'on':
        'an',
    'off':
        'aus',
    'Clusters':
        'Cluster',
    'Not clustered':
        'Nicht geclustert',
    'done':
        'erledigt',
    'Dots per item':
        'Punkte je Eintrag',
    'Total score per candidate':
        'Gesamtbewertung je Kandidat',
    'Word cloud of the answers':
        'Wortwolke der Antworten',
    'Something is wrong':
        'Etwas stimmt nicht',
    'Back to the start':
        'Zurück zum Anfang',
    'Join the workshop first.':
        'Bitte zuerst am Workshop teilnehmen.',
    'Submissions per second one device may send (bursts of four times as many).':
        'Eingaben pro Sekunde, die ein Gerät senden darf (kurzzeitig viermal so viele).',
    'Cannot listen on {host} port {port}: {error}. Choose another port with --port, or another address.':
        'Kann auf {host} Port {port} nicht lauschen: {error}. Mit --port einen anderen Port oder eine andere Adresse wählen.',
    'and {count} more':
        'und {count} weitere',
    "Please check your entry: {errors}":
        "Bitte prüfen Sie Ihre Eingabe: {errors}",
    "{field}, entry {n}":
        "{field}, Eintrag {n}",
    "Not saved: {error}. Send it again.":
        "Nicht gespeichert: {error}. Bitte erneut senden.",
    "Choose …":
        "Bitte wählen …",
    "{field}: '{value}' is not someone in this session; choose a person from the list.":
        "{field}: '{value}' gehört nicht zu dieser Sitzung; bitte eine Person aus der Liste wählen.",
    "With":
        "Mit",
    "Check in":
        "Einchecken",
    "Tap when you are in the room: the next round's table plan counts only people who are here.":
        "Tippen Sie, sobald Sie im Raum sind: Der Tischplan der nächsten Runde zählt nur, wer da ist.",
    "I am here":
        "Ich bin da",
    "You are checked in: the next round's table plan counts you.":
        "Sie sind eingecheckt: Der Tischplan der nächsten Runde zählt Sie mit.",
    "I am leaving":
        "Ich gehe",
    "Present":
        "Anwesend",
    "Not checked in":
        "Nicht eingecheckt",
    "{present} of {total} checked in":
        "{present} von {total} eingecheckt",
    "Checking in needs your personal link; ask the facilitator.":
        "Zum Einchecken brauchen Sie Ihren persönlichen Link; fragen Sie die Moderation.",
    "Checking which addresses the room can reach…":
        "Prüfe, welche Adressen der Raum erreicht …",
    "step '{ref}' is not the current step any more":
        "Schritt '{ref}' ist nicht mehr der aktuelle Schritt",
}

"""German messages of the room's phones in run mode (serving, moderation) and of the
programme screen of the terminal UI."""

MESSAGES: dict[str, str] = {
    "A programme folder (with a programme.yaml) opens on its matches: each region's matches and where each "
    "one stands.":
        "Ein Programmordner (mit einer programme.yaml) öffnet sich mit seinen Matches: die Matches jeder Region "
        "und wo jedes steht.",
    "not an import string (module:attribute): {spec}": "keine Importangabe (modul:attribut): {spec}",
    "The participant server is not available: {error}": "Der Teilnehmenden-Server ist nicht verfügbar: {error}",
    "{module} has no {name}": "{module} hat kein {name}",
    "The room's phones": "Die Handys im Raum",
    "Held cards": "Zurückgehaltene Karten",
    "Programme": "Programm",
    "Room's phones": "Handys im Raum",
    "Moderation on/off": "Moderation an/aus",
    "Serving on/off": "Bereitstellen an/aus",
    "Accept card": "Karte annehmen",
    "Reject card": "Karte ablehnen",
    "{events} of {planned} events · {participants} participants · {branches} branches · {ideas} ideas · "
    "{matches} matches":
        "{events} von {planned} Veranstaltungen · {participants} Teilnehmende · {branches} Branchen · "
        "{ideas} Ideen · {matches} Matches",
    "jury: rank {rank}, {total} points": "Jury: Rang {rank}, {total} Punkte",
    "status at {events}": "Stand bei {events}",
    "{n} event(s), {m} match(es)": "{n} Veranstaltung(en), {m} Match(es)",
    "In total: {numbers}": "Insgesamt: {numbers}",
    "Only this computer can open these pages: set lan = true in the [serve] section of the configuration so "
    "that phones in the room can join.":
        "Nur dieser Computer kann die Seiten öffnen: lan = true im Abschnitt [serve] der Konfiguration setzen, "
        "damit die Handys im Raum teilnehmen können.",
    "Join at {url}": "Teilnehmen unter {url}",
    "Join code: {code}": "Code zum Teilnehmen: {code}",
    "Held for moderation: {n}": "Zur Moderation zurückgehalten: {n}",
    "moderation on": "Moderation an",
    "moderation off": "Moderation aus",
    "No card is held.": "Keine Karte wird zurückgehalten.",
    "Moderation on: the room's cards wait until you accept them.":
        "Moderation an: Die Karten aus dem Raum warten, bis du sie annimmst.",
    "Moderation off: the room's cards show at once (held cards still wait).":
        "Moderation aus: Die Karten aus dem Raum erscheinen sofort (zurückgehaltene warten weiter).",
    "Switching the server…": "Der Server wird umgeschaltet …",
    "Nothing is held. Turn moderation on to hold the room's cards until you accept them.":
        "Nichts wird zurückgehalten. Schalte die Moderation ein, damit die Karten aus dem Raum warten, bis du "
        "sie annimmst.",
    "Card #{id} accepted: the room sees it.": "Karte #{id} angenommen: Der Raum sieht sie.",
    "Card #{id} rejected.": "Karte #{id} abgelehnt.",
    "The server could not start: {error}": "Der Server konnte nicht starten: {error}",
    "Not serving: the room cannot join. {key} starts serving.":
        "Nicht bereitgestellt: Der Raum kann nicht teilnehmen. {key} stellt bereit.",
    "Serving: the room can join. {key} stops serving.":
        "Bereitgestellt: Der Raum kann teilnehmen. {key} beendet das Bereitstellen.",
    "Stopped serving: the room's phones cannot send anything now.":
        "Bereitstellen beendet: Die Handys im Raum können jetzt nichts mehr senden.",
    "room joins at {url} with the code {code}": "Raum nimmt teil unter {url} mit dem Code {code}",
    "cannot listen on {host} port {port}: {error}; choose another port in the [serve] section of the "
    "configuration":
        "kann auf {host} Port {port} nicht lauschen: {error}; wähle einen anderen Port im Abschnitt [serve] der "
        "Konfiguration",
    "Serving: the room joins at {url} with the code {code}.":
        "Bereitgestellt: Der Raum nimmt teil unter {url} mit dem Code {code}.",
    "{n} held ({key})": "{n} zurückgehalten ({key})",
}

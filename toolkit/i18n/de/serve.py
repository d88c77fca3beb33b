"""German messages of presenter state, ``cimis serve`` and the participants' pages."""

MESSAGES: dict[str, str] = {
    "input to step '{ref}' is closed": "Eingaben für Schritt '{ref}' sind geschlossen",
    "a presenter setting is on or off": "eine Präsentationseinstellung ist an oder aus",
}

"""German messages of the session area (English msgid -> German)."""

MESSAGES: dict[str, str] = {
}

"""German messages of the cli area (English msgid -> German)."""

MESSAGES: dict[str, str] = {
}

"""German messages of the cards area (English msgid -> German)."""

MESSAGES: dict[str, str] = {
}

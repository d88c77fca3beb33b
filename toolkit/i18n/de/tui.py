"""German messages of the tui area (English msgid -> German)."""

MESSAGES: dict[str, str] = {
}

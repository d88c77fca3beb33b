"""German messages of the run area (English msgid -> German)."""

MESSAGES: dict[str, str] = {
}

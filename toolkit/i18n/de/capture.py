"""German messages of the capture area (English msgid -> German)."""

MESSAGES: dict[str, str] = {
}

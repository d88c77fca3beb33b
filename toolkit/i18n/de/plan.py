"""German messages of the plan area (English msgid -> German)."""

MESSAGES: dict[str, str] = {
}

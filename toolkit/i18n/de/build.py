"""German messages of the build area (English msgid -> German)."""

MESSAGES: dict[str, str] = {
}

"""German messages of the workbook area (English msgid -> German)."""

MESSAGES: dict[str, str] = {
}

"""Widgets of the start, library and agenda screens: dialogs (:mod:`.dialogs`),
the path input with folder completion (:mod:`.paths`), the card list (:mod:`.cards`) and
the agenda's problem list and budget bar (:mod:`.agenda`)."""

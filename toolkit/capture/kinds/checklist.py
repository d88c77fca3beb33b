"""A checklist: items known in advance or added by the room, ticked off as they are done."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pydantic import Field

from toolkit.capture.base import CaptureContext, Captured, CaptureKind, KindModel, ResultModel, RuleState
from toolkit.capture.common import Text, of_type, plain, union_record, unwrap
from toolkit.capture.kinds.options import ChecklistOptions
from toolkit.capture.markdown import escape_text, translator
from toolkit.i18n import _


class AddItem(KindModel):
    """Add an item to the list (when the step allows new items)."""

    op: Literal["add"] = "add"
    item: Text = Field(description="Text of the new item.")


class TickItem(KindModel):
    """Mark an item done."""

    op: Literal["tick"] = "tick"
    item: Text = Field(description="Text of the item.")


class UntickItem(KindModel):
    """Mark an item not done again."""

    op: Literal["untick"] = "untick"
    item: Text = Field(description="Text of the item.")


_RECORD_TYPES = (AddItem, TickItem, UntickItem)


class ChecklistRecord(union_record(*_RECORD_TYPES)):  # type: ignore[misc]  # base made at run time: a discriminated union of the shapes
    """One checklist record: ``{op: add|tick|untick, item}``."""


class ChecklistItem(ResultModel):
    text: str
    done: bool = False
    added: bool = Field(default=False, description="Added by the room rather than planned.")


class ChecklistResult(ResultModel):
    items: list[ChecklistItem] = []
    done: int = 0
    total: int = 0
    progress: float = Field(default=0.0, description="Share of items done, 0..1.")


def _key(text: str) -> str:
    # "Beamer" and "beamer " are the same item to a room ticking things off.
    return " ".join(text.split()).casefold()


def _items(options: ChecklistOptions) -> dict[str, ChecklistItem]:
    items: dict[str, ChecklistItem] = {}
    for text in options.items:
        if text.strip():
            items.setdefault(_key(text), ChecklistItem(text=text.strip()))
    return items


class ChecklistKind(CaptureKind[ChecklistOptions]):
    name = "checklist"
    widget = "toolkit.tui.widgets.capture.checklist:ChecklistPanel"
    demo = "toolkit.cli.demo:play_checklist"
    title = {"de": "Checkliste", "en": "Checklist"}
    #: field labels (the generic form and the participants' error messages name fields by these)
    labels = {
        "en": {"op": "Action", "item": "Checklist item"},
        "de": {"op": "Aktion", "item": "Punkt der Checkliste"},
    }
    Options = ChecklistOptions
    Record = ChecklistRecord
    #: one valid record, for ``cimis kinds`` and the export/import round-trip test
    example = {"op": "add", "item": "Book the room"}
    web_form = "toolkit.web.kinds:checklist_form"
    web_view = "toolkit.web.kinds:checklist_view"

    def rule_state(self, options, context):
        return _ChecklistRules(self, options)

    def check(self, record, records, options, context):
        return self._check(unwrap(record)[0], set(self._state(records, options)), options)

    def _check(self, data, known: set[str], options: ChecklistOptions) -> str | None:
        if isinstance(data, AddItem):
            if not options.allow_new:
                return _("This checklist takes no new items.")
            if _key(data.item) in known:
                return _("'{item}' is already on the list.").format(item=data.item)
        elif isinstance(data, (TickItem, UntickItem)) and _key(data.item) not in known:
            return _("'{item}' is not on the list.").format(item=data.item)
        return None

    def _state(self, records: Sequence[Captured], options: ChecklistOptions) -> dict[str, ChecklistItem]:
        items = _items(options)
        for _c, data in of_type(records, _RECORD_TYPES):
            key = _key(data.item)
            if isinstance(data, AddItem):
                # Added items are kept even when allow_new was switched off later: the room
                # wrote them, and the workbook should show them.
                items.setdefault(key, ChecklistItem(text=data.item, added=True))
            elif key in items:
                items[key] = items[key].model_copy(update={"done": isinstance(data, TickItem)})
        return items

    def result(self, records: Sequence[Captured], options: ChecklistOptions,
               context: CaptureContext) -> ChecklistResult:
        items = list(self._state(records, options).values())
        done = sum(item.done for item in items)
        return ChecklistResult(items=items, done=done, total=len(items), progress=done / len(items) if items else 0.0)

    def to_markdown(self, result: ChecklistResult, options: ChecklistOptions, lang: str) -> str:
        _ = translator(lang)
        if not result.items:
            return _("The checklist is empty.") + "\n"
        lines = [f"- [{'x' if item.done else ' '}] " + escape_text(item.text, "  ") for item in result.items]
        lines += ["", _("{done} of {total} done.").format(done=result.done, total=result.total)]
        return "\n".join(lines) + "\n"


class _ChecklistRules(RuleState):
    """:meth:`ChecklistKind.check` kept up to date: the set of items on the list."""

    def __init__(self, kind: ChecklistKind, options: ChecklistOptions):
        self.kind, self.options = kind, options
        self.known = set(_items(options))

    def add(self, captured: Captured) -> None:
        data = plain(captured.data)
        if isinstance(data, AddItem):
            self.known.add(_key(data.item))

    def check(self, record) -> str | None:
        return self.kind._check(unwrap(record)[0], self.known, self.options)

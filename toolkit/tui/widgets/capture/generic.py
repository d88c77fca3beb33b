"""The generic capture form: :class:`GenericForm`, built from a kind's ``Record`` model, for
capture kinds that bring no widget of their own (and as the fallback of a failed one).

Every pydantic field becomes an input (text, number, a choice for ``Literal`` fields, a
checkbox for ``bool``, comma-separated text for lists). A record that is a union told apart
by ``op`` gets a selector for the shape first. Pydantic validates what is typed, via the
engine; the form only turns text into the field's basic type.
"""

from __future__ import annotations

import types
import typing
from typing import Any, Literal, Union

from pydantic import BaseModel, RootModel
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Checkbox, Input, Label, Select

from toolkit.i18n import _
from toolkit.tui.literal import literal
from toolkit.tui.widgets.capture.base import CapturePanel


def record_shapes(record: type[BaseModel]) -> list[type[BaseModel]]:
    """The models a record can be: the union members of a RootModel, or the model itself."""
    if isinstance(record, type) and issubclass(record, RootModel):
        annotation = record.model_fields["root"].annotation
        while typing.get_origin(annotation) is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        if typing.get_origin(annotation) in (Union, types.UnionType):
            return [m for m in typing.get_args(annotation) if isinstance(m, type) and issubclass(m, BaseModel)]
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return [annotation]
        return []
    return [record]


def _op(model: type[BaseModel]) -> str | None:
    field = model.model_fields.get("op")
    if field is None:
        return None
    args = typing.get_args(field.annotation)
    return str(args[0]) if typing.get_origin(field.annotation) is Literal and args else None


def _base(annotation: Any) -> Any:
    """The field's basic type without Optional and Annotated."""
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    if typing.get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return _base(args[0])
    return annotation


def convert(annotation: Any, text: str) -> Any:
    """Typed text as the field's basic type (pydantic checks the rest)."""
    base = _base(annotation)
    origin = typing.get_origin(base)
    if origin in (list, tuple, set):
        inner = typing.get_args(base)[0] if typing.get_args(base) else str
        return [convert(inner, part) for part in text.split(",") if part.strip()]
    text = text.strip()
    if base is int:
        try:
            return int(text)
        except ValueError:
            return text
    if base is float:
        try:
            return float(text.replace(",", "."))
        except ValueError:
            return text
    return text


def shape_of(record: type[BaseModel], data: dict[str, Any]) -> type[BaseModel] | None:
    """The shape of ``record`` that ``data`` (a stored record) has: the union member with
    its ``op``, or the only shape."""
    shapes = record_shapes(record)
    op = data.get("op")
    return next((m for m in shapes if _op(m) == op), shapes[0] if shapes else None)


def as_typed(value: Any) -> str:
    """A stored value as a person types it into the form (lists comma-separated)."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(as_typed(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def kind_labels(kind: Any) -> dict[str, str]:
    """The kind's field labels (:attr:`CaptureKind.labels`) in the active language."""
    from toolkit.i18n import get_language

    labels = getattr(kind, "labels", None) or {}
    try:
        return dict(labels.get(get_language()) or labels.get("en") or {})
    except AttributeError:  # a plugin's labels in another shape: the field names then
        return {}


def field_widgets(shape: type[BaseModel] | None, values: dict[str, Any] | None = None,
                  labels: dict[str, str] | None = None) -> list[Any]:
    """Label and input for every field of ``shape`` (the ``op`` excepted), filled with
    ``values`` when a record is edited, labelled with the kind's localised ``labels`` (else
    the field's title or name, and its description). Every input can be reached with Tab."""
    widgets: list[Any] = []
    if shape is None:
        return widgets
    values = values or {}
    labels = labels or {}
    for name, field in shape.model_fields.items():
        if name == "op":
            continue
        base = _base(field.annotation)
        label = labels.get(name) or (field.title or name) + (f" – {field.description}" if field.description else "")
        widgets.append(Label(literal(label)))
        if base is bool:
            widgets.append(Checkbox(literal(name), value=bool(values.get(name, field.default)), id=f"field-{name}"))
        elif typing.get_origin(base) is Literal:
            choices = [(literal(v), v) for v in typing.get_args(base)]
            current = values.get(name, choices[0][1])
            widgets.append(Select(choices, value=current if current in typing.get_args(base) else choices[0][1],
                                  allow_blank=False, id=f"field-{name}"))
        else:
            kind: Literal["integer", "number", "text"] = (
                "integer" if base is int else "number" if base is float else "text")
            # the label above names the field: no internal field name inside the box
            widgets.append(Input(as_typed(values.get(name)), placeholder=labels.get(name) or field.title or "",
                                 type=kind, id=f"field-{name}"))
    return widgets


def field_values(container: Any, shape: type[BaseModel] | None) -> dict[str, Any]:
    """The record the inputs built by :func:`field_widgets` in ``container`` describe."""
    record: dict[str, Any] = {}
    if shape is None:
        return record
    op = _op(shape)
    if op is not None:
        record["op"] = op
    for name, field in shape.model_fields.items():
        if name == "op":
            continue
        widget = container.query_one(f"#field-{name}")
        if isinstance(widget, Input):
            if widget.value.strip() or field.is_required():
                record[name] = convert(field.annotation, widget.value)
        else:
            record[name] = widget.value
    return record


class GenericForm(CapturePanel):
    """A form for any record model."""

    DEFAULT_CSS = """
    GenericForm #generic-fields { height: auto; }
    GenericForm #generic-fields Label { color: $text-muted; }
    """

    def __init__(self, engine: Any, step: Any, *, id: str | None = None) -> None:
        super().__init__(engine, step, id=id)
        self.shapes = record_shapes(self.kind.Record) if self.kind is not None else []
        self.shape = self.shapes[0] if self.shapes else None

    def compose_controls(self) -> ComposeResult:
        if len(self.shapes) > 1:
            # a kind names its record shapes in its labels ("op:ask"); else the op itself
            names = kind_labels(self.kind)
            yield Select([(literal(names.get(f"op:{_op(m)}") or _op(m) or m.__name__), n)
                          for n, m in enumerate(self.shapes)], value=0,
                         allow_blank=False, id="generic-op")
        with Vertical(id="generic-fields"):
            yield from self._fields()
        yield Label(_("Fill in the fields; Enter saves."), classes="capture-hint")

    def _fields(self) -> list[Any]:
        return field_widgets(self.shape, labels=kind_labels(self.kind))

    async def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id != "generic-op" or not isinstance(event.value, int):
            return
        event.stop()
        self.shape = self.shapes[event.value]
        box = self.query_one("#generic-fields", Vertical)
        await box.remove_children()
        await box.mount_all(self._fields())

    def values(self) -> dict[str, Any]:
        return field_values(self, self.shape)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.commit(self.values()) is not None:
            for field in self.query("#generic-fields Input").results(Input):
                field.value = ""

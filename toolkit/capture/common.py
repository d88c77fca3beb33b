"""Helpers shared by the built-in kinds: field types for records, finding people by id or
name, and reading the result of a source step."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Annotated, Any, TypeVar, Union

from pydantic import BaseModel, ConfigDict, Field, RootModel, StringConstraints, ValidationError

from toolkit.capture.base import CaptureContext, Captured, Person, ResultModel

#: Text typed by the room: surrounding whitespace is dropped, empty text is an error.
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100_000)]
#: The JSON-schema mark of a field (or list item) that names a person of the plan: forms
#: offer a choice of the session's people for it instead of a free text field.
PERSON_REF = "x-cimis-ref"
#: A person by id, or by name where the room does not know ids.
PersonRef = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
                      Field(json_schema_extra={PERSON_REF: "person"})]

M = TypeVar("M", bound=BaseModel)


class PersonInfo(ResultModel):
    """A person as a result shows them."""

    id: str
    name: str
    role: str = ""


def plain(data: Any) -> Any:
    """The record inside a union :class:`~pydantic.RootModel` (kinds with several record
    shapes), or ``data`` itself."""
    return data.root if isinstance(data, RootModel) else data


def unwrap(record: BaseModel | Captured) -> tuple[Any, str | None]:
    """The record's data and author, whether the engine passed a bare record or a capture."""
    if isinstance(record, Captured):
        return plain(record.data), record.author
    return plain(record), None


def of_type(records: Sequence[Captured], model: type[M] | tuple[type, ...]) -> Iterator[tuple[Captured, Any]]:
    """``(capture, data)`` for the records whose data is a ``model``; foreign ones (a record
    of another kind stored by mistake) are skipped rather than crashing the result."""
    for captured in records:
        data = plain(captured.data)
        if isinstance(data, model):
            yield captured, data


def union_record(*models: type[BaseModel], discriminator: str = "op") -> type[RootModel]:
    """A record type for a kind with several record shapes: validates into the shape its
    ``discriminator`` names. Validate with ``Record.model_validate(data)``; the shape is in
    ``.root``."""
    # Union over a tuple built at run time: `|` cannot spell it. mypy cannot check a type made
    # from a runtime value (valid-type); pydantic validates the union.
    union = Annotated[Union[models], Field(discriminator=discriminator)]  # type: ignore[valid-type]  # noqa: UP007

    class Record(RootModel[union]):  # type: ignore[valid-type]
        model_config = ConfigDict(frozen=True)

    return Record


def resolve(ref: str, people: Sequence[Person]) -> str:
    """The id of the person ``ref`` names (by id, else by name ignoring case); ``ref`` itself
    when nobody matches, so that people missing from the plan still count as someone."""
    ref = ref.strip()
    for person in people:
        if person.id == ref:
            return person.id
    folded = ref.casefold()
    for person in people:
        if person.name.strip().casefold() == folded:
            return person.id
    return ref


def name_of(person_id: str, people: Sequence[Person]) -> str:
    for person in people:
        if person.id == person_id:
            return person.name
    return person_id


def info(person_id: str, people: Sequence[Person]) -> PersonInfo:
    for person in people:
        if person.id == person_id:
            return PersonInfo(id=person.id, name=person.name, role=person.role)
    return PersonInfo(id=person_id, name=person_id)


def source_result(context: CaptureContext, ref: str | None, model: type[M]) -> M | None:
    """The result of step ``ref`` as ``model``, or ``None`` when there is none (yet).

    The engine may hand over the result object itself or its JSON form (a resumed session,
    the projector); both are accepted. A result of the wrong shape counts as missing, because
    a plan pointing at the wrong step must not crash every later step.
    """
    if not ref:
        return None
    try:
        value = context.results(ref)
    except LookupError:
        return None
    if value is None or isinstance(value, model):
        return value
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json")
    try:
        return model.model_validate(value)
    except ValidationError:
        return None

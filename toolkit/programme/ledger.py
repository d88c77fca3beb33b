"""The programme office's ledger of the matches (``matches.yaml``): what the sessions do not
hold, such as the budget spent, or a question worded after the event.

Provides :class:`LedgerEntry` and :func:`read_ledger` (match id -> entry, or
``file:line: field: message`` problems). The file is optional; a match not in it has spent
nothing.

```yaml
dresden-kickoff-kretschmar:
  question: How does the job sheet get to the building site without paper?
  budget_used: 1800
```
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from toolkit.errors import Problem
from toolkit.i18n import _
from toolkit.validation import decode_text, describe, format_loc, node_line

LEDGER = "matches.yaml"


class LedgerEntry(BaseModel):
    """The office's notes on one match."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    question: str = Field(default="", max_length=2000, description="The match's question (overrides the captured one).")
    budget_used: float = Field(default=0.0, ge=0, description="Money spent so far, in the budget's currency.")
    notes: str = Field(default="", max_length=5000, description="Anything else the office keeps.")


def read_ledger(root: Path | str) -> tuple[dict[str, dict[str, Any]], list[Problem]]:
    """``(match id -> entry as a dict, problems)``; no file reads as an empty ledger."""
    from toolkit.yamlload import YamlError, load_yaml

    path = Path(root) / LEDGER
    if not path.exists():
        return {}, []
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return {}, [Problem.at(path, 0, _("cannot read file: {error}").format(error=exc.strerror or exc))]
    text, problem = decode_text(raw, path)
    if text is None:
        return {}, [problem]
    try:
        data, node, problems = load_yaml(text, path)
    except YamlError as exc:
        return {}, [Problem.at(path, exc.line, _("broken YAML: {reason}").format(reason=exc.reason))]
    if data is None:
        return {}, problems
    if not isinstance(data, dict):
        return {}, [Problem.at(path, 1, _("{file} must map match ids to their entries").format(file=LEDGER))]
    out: dict[str, dict[str, Any]] = {}
    for key, value in data.items():
        try:
            out[str(key)] = LedgerEntry.model_validate(value if value is not None else {}).model_dump()
        except ValidationError as exc:
            for err in exc.errors():
                loc = (key, *err.get("loc", ()))
                problems.append(Problem.at(path, node_line(node, loc), f"{format_loc(loc)}: {describe(dict(err))}"))
    return out, problems

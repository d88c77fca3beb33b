"""Participant forms and result views.

A capture kind supplies its own through ``web_form``/``web_view`` (``"module:name"`` of a
function taking a :class:`FormView` or :class:`ResultView` and returning HTML); a kind
without them gets a form generated from its record's JSON Schema, labelled with the kind's
``labels``, and a view rendered from its Markdown. The built-in kinds register theirs the
same way (:mod:`toolkit.web.kinds`): nothing here looks at a kind's name.

Forms follow one small convention that ``static/participant.js`` turns into a record:
``<form class="capture" data-step="item.step">``; each control's ``name`` is a record
field; ``data-type`` says how to read it (``int``, ``float``, ``bool``, ``lines`` for one
item per line, ``list`` for a group of checkboxes, ``level`` for radio groups whose value
names the list the control's ``data-key`` goes into, ``const`` for a fixed JSON value).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape
from typing import Any

from pydantic import BaseModel

from toolkit.i18n import N_


@dataclass(frozen=True)
class FormView:
    """What a kind's form function gets."""

    kind: Any
    options: Any
    #: ``item.step`` the form submits to
    step: str
    lang: str
    #: the device filling it in (``device.person`` is set for personal invitations)
    device: Any
    people: Sequence[Any] = ()
    #: result of the step ``options.source`` names, if any (items to vote on, pitches)
    source: Any = None
    #: this device's records in the step so far (their data), oldest first
    mine: Sequence[Mapping[str, Any]] = ()
    #: the step's current result (questions to upvote, checklist items); forms of kinds
    #: whose results stay hidden until revealed must not show it
    result: Any = None
    #: the page texts in ``lang`` (:func:`toolkit.web.texts.texts`)
    texts: Mapping[str, str] = field(default_factory=dict)
    #: the kind's labels in ``lang``
    labels: Mapping[str, str] = field(default_factory=dict)
    #: translate a message into ``lang``
    t: Callable[[str], str] = lambda s: s


@dataclass(frozen=True)
class ResultView:
    """What a kind's view function gets: the result, for the projector (large) or the
    facilitator's page."""

    kind: Any
    result: Any
    options: Any
    lang: str
    audience: str = "projector"
    context: Any = None
    t: Callable[[str], str] = lambda s: s


@lru_cache(maxsize=64)
def resolve(target: str) -> Callable[[Any], str]:
    module, _colon, name = target.partition(":")
    return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]


def form_html(view: FormView) -> str:
    target = getattr(view.kind, "web_form", None)
    if target:
        return str(resolve(target)(view))
    return generic_form(view)


def result_html(kind: Any, result: Any, options: Any, lang: str, *, audience: str = "projector",
                context: Any = None) -> str:
    from toolkit.capture.markdown import translator

    view = ResultView(kind=kind, result=result, options=options, lang=lang, audience=audience, context=context,
                      t=translator(lang))
    target = getattr(kind, "web_view", None)
    if target:
        return str(resolve(target)(view))
    return markdown_view(view)


def markdown_view(view: ResultView) -> str:
    """A kind's Markdown as HTML (raw HTML in it is escaped, not passed through)."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    body = str(md.render(view.kind.to_markdown(view.result, view.options, view.lang)))
    return '<div class="result markdown">' + body + "</div>"


# -- the generic form ------------------------------------------------------------------------

def _variants(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """The object schemas a record may take (one, or each member of a union)."""
    defs = schema.get("$defs", {})

    def deref(s: dict[str, Any]) -> dict[str, Any]:
        ref = s.get("$ref")
        if ref and ref.startswith("#/$defs/"):
            return deref(defs[ref.split("/")[-1]])
        return s

    schema = deref(schema)
    for key in ("oneOf", "anyOf"):
        if key in schema:
            return [deref(s) for s in schema[key]]
    return [schema]


def _person_choice(name: str, prop: dict[str, Any], required: bool, label: str, hint: str, uid: str,
                   people: Sequence[Any], t: Callable[[str], str]) -> str:
    """A person field as a choice of the session's people (names shown, never ids): a
    select for one person, a group of checkboxes for a list."""
    hint_html = f'<p class="hint" id="{uid}-hint">{escape(hint)}</p>' if hint else ""
    described = f' aria-describedby="{uid}-hint"' if hint else ""

    def shown(person: Any) -> str:
        org = getattr(person, "organisation", "")
        return f"{person.name} ({org})" if org else person.name

    if prop.get("type") == "array":
        boxes = "".join(
            f'<label class="choice" for="{uid}-{n}"><input type="checkbox" id="{uid}-{n}" name="{escape(name)}" '
            f'value="{escape(p.id)}">{escape(shown(p))}</label>' for n, p in enumerate(people))
        return (f'<fieldset class="field"{described}><legend>{escape(label)}</legend>{hint_html}{boxes}'
                f"</fieldset>")
    attrs = f'id="{uid}" name="{escape(name)}"' + (" required" if required else "") + described
    options = f'<option value="">{escape(t(N_("Choose …")))}</option>' + "".join(
        f'<option value="{escape(p.id)}">{escape(shown(p))}</option>' for p in people)
    return (f'<div class="field"><label for="{uid}">{escape(label)}</label>{hint_html}'
            f"<select {attrs}>{options}</select></div>")


def is_person_ref(prop: dict[str, Any]) -> bool:
    """Whether a JSON-schema property names a person (or a list of people) of the plan."""
    from toolkit.capture.common import PERSON_REF

    if prop.get(PERSON_REF) == "person":
        return True
    items = prop.get("items")
    if isinstance(items, dict) and items.get(PERSON_REF) == "person":
        return True
    return any(isinstance(p, dict) and is_person_ref(p) for p in prop.get("anyOf", []))


def _control(name: str, prop: dict[str, Any], required: bool, label: str, hint: str, uid: str,
             labels: Mapping[str, str] | None = None) -> str:
    attrs = f'id="{uid}" name="{escape(name)}"'
    if required:
        attrs += " required"
    hint_html = f'<p class="hint" id="{uid}-hint">{escape(hint)}</p>' if hint else ""
    if hint:
        attrs += f' aria-describedby="{uid}-hint"'
    label_html = f'<label for="{uid}">{escape(label)}</label>'
    kind = prop.get("type")
    if "anyOf" in prop:  # optional fields: the first non-null type
        kinds = [p for p in prop["anyOf"] if p.get("type") != "null"]
        if kinds:
            prop = {**kinds[0], **{k: v for k, v in prop.items() if k != "anyOf"}}
            kind = prop.get("type")
    if "const" in prop:
        return f'<input type="hidden" name="{escape(name)}" value="{escape(str(prop["const"]))}">'
    if "enum" in prop:
        # a choice's own label where the kind gives one ("type.like": "I like"), else its value
        shown = {str(v): (labels or {}).get(f"{name}.{v}") or str(v) for v in prop["enum"]}
        options = "".join(f'<option value="{escape(v)}">{escape(text)}</option>' for v, text in shown.items())
        return f'<div class="field">{label_html}{hint_html}<select {attrs}>{options}</select></div>'
    if kind == "boolean":
        return (f'<div class="field check"><input type="checkbox" data-type="bool" {attrs}>'
                f'{label_html}{hint_html}</div>')
    if kind in ("integer", "number"):
        bounds = ""
        for key, attr in (("minimum", "min"), ("maximum", "max")):
            if key in prop:
                bounds += f' {attr}="{prop[key]}"'
        data = "int" if kind == "integer" else "float"
        step = "1" if kind == "integer" else "any"
        return (f'<div class="field">{label_html}{hint_html}<input type="number" inputmode="decimal" step="{step}" '
                f'data-type="{data}"{bounds} {attrs}></div>')
    if kind == "array":
        return (f'<div class="field">{label_html}{hint_html}<textarea rows="3" data-type="lines" {attrs}>'
                f'</textarea></div>')
    limit = prop.get("maxLength")
    limit_attr = f' maxlength="{min(int(limit), 2000)}"' if limit else ' maxlength="2000"'
    if limit is not None and int(limit) <= 120:
        return f'<div class="field">{label_html}{hint_html}<input type="text"{limit_attr} {attrs}></div>'
    return f'<div class="field">{label_html}{hint_html}<textarea rows="3"{limit_attr} {attrs}></textarea></div>'


def generic_form(view: FormView) -> str:
    """One form per record shape, a labelled control per field (the field the server
    fills with the participant's identity left out)."""
    schema = view.kind.Record.model_json_schema()
    identity = getattr(view.kind, "web_identity", None)
    prompt = getattr(view.options, "prompt", None)
    forms = [f'<p class="prompt">{escape(prompt)}</p>'] if prompt else []
    for n, variant in enumerate(_variants(schema)):
        props: dict[str, Any] = variant.get("properties", {})
        required = set(variant.get("required", []))
        controls = []
        heading = variant.get("title", "") if len(_variants(schema)) > 1 else ""
        for name, prop in props.items():
            if name == identity:
                continue
            label = view.labels.get(name) or prop.get("title") or name
            hint = prop.get("description", "") if view.lang == "en" else ""
            if is_person_ref(prop) and view.people:
                choices = view.kind.web_choices(name, view.options, list(view.people))
                people = list(view.people) if choices is None else list(choices)
                if "anyOf" in prop:
                    prop = {**next(p for p in prop["anyOf"] if p.get("type") != "null"), "title": label}
                # the schema's description speaks of ids, which the choice hides: no hint
                controls.append(_person_choice(name, prop, name in required, label, "", f"f{n}-{name}", people,
                                               view.t))
                continue
            if any(key.startswith(f"{name}.") for key in view.labels):
                hint = ""  # the choices speak for themselves; the schema's hint names raw values
            controls.append(_control(name, prop, name in required, label, hint, f"f{n}-{name}", view.labels))
        legend = f"<h3>{escape(heading)}</h3>" if heading else ""
        forms.append(f'<form class="capture" data-step="{escape(view.step)}">{legend}{"".join(controls)}'
                     f'<button type="submit">{escape(view.texts.get("send", "Send"))}</button></form>')
    return "".join(forms)


def plain(value: Any) -> Any:
    """A result as JSON-ready data (templates read dicts, never models)."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    return value

"""``cimis methods``: list, show, check and describe method cards."""

from __future__ import annotations

import difflib
from pathlib import Path

import click

from toolkit.i18n import LANGUAGES, _, get_language


def complete_method_id(ctx: click.Context, param: click.Parameter, incomplete: str):
    """Shell completion of method ids from the library."""
    from click.shell_completion import CompletionItem

    from toolkit.registry import library

    lib = library()
    lang = get_language()
    items = []
    for method_id in lib.ids():
        if method_id.startswith(incomplete):
            card = lib.get(method_id, lang)
            items.append(CompletionItem(method_id, help=card.meta.title if card else None))
    return items


def _warn_library_problems(lib) -> None:
    errors = lib.errors()
    if errors:
        click.echo(_("warning: {n} problem(s) in the method library; run 'cimis methods check' to see them").format(
            n=len(errors)), err=True)


class VocabularyChoice(click.ParamType):
    """A purpose or role, given by id or by its English or German name."""

    def __init__(self, kind: str):
        self.kind = kind
        self.name = kind

    def _titles(self) -> dict[str, str]:
        from toolkit.cards.vocabulary import purpose_titles, role_titles

        return purpose_titles() if self.kind == "purpose" else role_titles()

    def get_metavar(self, param, *args) -> str:
        return "[" + "|".join(self._titles()) + "]"

    def convert(self, value, param, ctx):
        from toolkit.cards.vocabulary import names, resolve

        key = resolve(str(value), self._titles())
        if key is None:
            known = "; ".join(" / ".join(dict.fromkeys(names(k, self._titles()))) for k in self._titles())
            self.fail(_("'{value}' is unknown as a {kind}; use one of: {known}").format(
                value=value, kind=_("purpose") if self.kind == "purpose" else _("role"), known=known), param, ctx)
        return key

    def shell_complete(self, ctx, param, incomplete):
        from click.shell_completion import CompletionItem

        return [CompletionItem(key) for key in self._titles() if key.startswith(incomplete)]


def build() -> click.Group:
    from toolkit.cards.card import CATEGORIES

    @click.group(name="methods", help=_("Browse, show and check method cards."))
    def methods() -> None:
        pass

    @methods.command(name="list", help=_("List the methods in the library."))
    @click.option("--category", type=click.Choice(CATEGORIES), help=_("Only methods of this category."))
    @click.option("--tag", help=_("Only methods with this tag."))
    @click.option("--max-minutes", type=click.IntRange(min=1), help=_("Only methods that take at most this long."))
    @click.option("--min-minutes", type=click.IntRange(min=1), help=_("Only methods that take at least this long."))
    @click.option("--people", type=click.IntRange(min=1), help=_("Only methods that work for this many people."))
    @click.option("--purpose", type=VocabularyChoice("purpose"), help=_(
        "Only methods for this purpose (id, English or German name, e.g. decide or entscheiden)."))
    @click.option("--role", type=VocabularyChoice("role"), help=_(
        "Only methods that involve this role (id, English or German name, e.g. jury or Kreative)."))
    @click.option("--search", "text", help=_("Only methods whose id, title, summary or tags contain this text."))
    @click.option("--language", type=click.Choice([*LANGUAGES, "all"]),
                  help=_("Language of the cards to list (default: the output language)."))
    @click.option("--json", "as_json", is_flag=True, help=_("Print JSON instead of a table."))
    def list_(category, tag, max_minutes, min_minutes, people, purpose, role, text, language, as_json) -> None:
        from toolkit.cli.output import echo_json, table
        from toolkit.registry import library

        lib = library()
        _warn_library_problems(lib)
        lang = None if language == "all" else (language or get_language())
        cards = lib.select(lang=lang, category=category, tag=tag, max_minutes=max_minutes,
                           min_minutes=min_minutes, people=people, text=text, purpose=purpose, role=role)
        if as_json:
            echo_json([card.summary_dict() for card in cards])
            return
        rows = [(c.id, c.meta.title, category_title(c.meta.category), c.meta.duration,
                 f"{c.meta.group_size.min}–{c.meta.group_size.max}", c.language) for c in cards]
        table([_("ID"), _("Title"), _("Category"), _("Minutes"), _("People"), _("Language")], rows,
              title=_("{n} methods").format(n=len(rows)))

    @methods.command(name="show", help=_("Show one method card."))
    @click.argument("method_id", metavar="ID", shell_complete=complete_method_id)
    @click.option("--language", type=click.Choice(LANGUAGES),
                  help=_("Language of the card (default: the output language)."))
    @click.option("--json", "as_json", is_flag=True, help=_("Print JSON instead of the rendered card."))
    def show(method_id: str, language: str | None, as_json: bool) -> None:
        from toolkit.registry import library

        lib = library()
        card = lib.get(method_id, language or get_language())
        if card is None:
            close = difflib.get_close_matches(method_id, lib.ids(), n=3)
            hint = _(" Did you mean: {ids}?").format(ids=", ".join(close)) if close else ""
            raise click.ClickException(_("no method with id '{id}'.").format(id=method_id) + hint)
        if as_json:
            from toolkit.cli.output import echo_json

            echo_json(card_json(card))
            return
        from toolkit.cli.render import render_card

        render_card(card)

    @methods.command(name="schema", help=_("Print the JSON Schema of a method card's front matter."))
    def schema() -> None:
        from toolkit.cards.model import CardMeta
        from toolkit.cli.output import echo_json

        echo_json(CardMeta.model_json_schema())

    @methods.command(name="check", help=_("Check method cards; print file:line: message per problem."))
    @click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
    @click.option("--strict", is_flag=True, help=_(
        "Also check timings in the text, instructions, source credits, data-protection notes, purposes "
        "and the glossary's terms."))
    def check(paths: tuple[Path, ...], strict: bool) -> None:
        from toolkit.cards.library import load_paths
        from toolkit.cli.output import print_problems
        from toolkit.registry import capture_kinds

        kinds = capture_kinds()
        lib = load_paths([("cli", p) for p in paths], kinds, require_twins=True)
        problems = list(lib.problems)
        if strict:
            from toolkit.cards.strict import strict_problems

            for card in lib.cards.values():
                problems.extend(strict_problems(card, kinds))
            problems.sort()
        errors = print_problems(problems)
        count = len({c.path for c in lib.cards.values()})
        if errors:
            click.echo(_("{errors} problem(s) in the checked cards ({ok} valid).").format(errors=errors, ok=count),
                       err=True)
            raise SystemExit(1)
        click.echo(_("{n} card(s) valid.").format(n=count), err=True)

    return methods


def category_title(category: str) -> str:
    from toolkit.cards.labels import CATEGORY_TITLES

    return _(CATEGORY_TITLES.get(category, category))


def card_json(card) -> dict:
    data = card.summary_dict()
    data.update({
        "materials": list(card.meta.materials),
        "steps": [
            {"id": s.id, "title": s.title, "minutes": s.minutes,
             "capture": s.capture.as_dict() if s.capture else None,
             "privacy": s.privacy,
             "instructions": card.instructions.get(s.id, "")}
            for s in card.meta.steps
        ],
        "intro": card.intro,
        "checklist": list(card.checklist),
        "shortcuts": list(card.shortcuts),
    })
    return data

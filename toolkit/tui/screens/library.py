"""The method library: search as you type, filter by category, purpose, role, duration, group
size and language, the highlighted card rendered beside the list. Opened from the agenda builder it
picks a method (``a`` or Enter adds it) and dismisses with the method's id; there Enter in the search
field adds the highlighted method at once (↓ goes to the list to choose another).
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Header, Input, Label, Markdown, OptionList, Select
from textual.widgets.option_list import Option

from toolkit.i18n import LANGUAGES, _, get_language, ngettext
from toolkit.tui.bindings import binding
from toolkit.tui.literal import assemble
from toolkit.tui.screens import CimisScreen

#: (value, min minutes, max minutes) of the duration filter
DURATIONS = (("15", None, 15), ("30", None, 30), ("60", None, 60), ("90", None, 90), ("long", 91, None))
GROUP_SIZES = (4, 8, 12, 16, 20, 30, 50)


def _duration_label(value: str) -> str:
    labels = {"15": _("up to 15 minutes"), "30": _("up to 30 minutes"), "60": _("up to an hour"),
              "90": _("up to 90 minutes"), "long": _("longer than 90 minutes")}
    return labels[value]


class LibraryScreen(CimisScreen[Any]):
    """Browse the method cards."""

    BINDINGS = [
        binding("library.search"),
        binding("library.pick"),
        binding("library.next-category"),
        binding("library.next-language"),
        binding("library.clear"),
        binding("library.close"),
    ]
    # the search field has the focus from the first frame: keys typed the moment the screen
    # shows go into it (with no focus yet, "a" of a typed word picked the first card)
    AUTO_FOCUS = "#search"

    def __init__(self, *, pick: bool = False, language: str | None = None) -> None:
        super().__init__()
        self.pick = pick
        self.language = language if language in LANGUAGES else get_language()
        self.cards: list[Any] = []
        self._library: Any = None
        self._shown: str | None = None

    def compose(self) -> ComposeResult:
        from toolkit.cards.labels import CATEGORY_TITLES, PURPOSE_TITLES, ROLE_TITLES

        yield Header()
        with Horizontal(id="filters"):
            yield Input(placeholder=_("Search title, summary, tags…"), id="search")
            yield Select([(_("German"), "de"), (_("English"), "en")], value=self.language,
                         allow_blank=False, id="language")
        # a second row: seven filters do not fit beside the search field in 120 columns
        with Horizontal(id="filters-more"):
            yield Select([(_(title), key) for key, title in CATEGORY_TITLES.items()], prompt=_("Any category"),
                         id="category")
            yield Select([(_(title), key) for key, title in PURPOSE_TITLES.items()], prompt=_("Any purpose"),
                         id="purpose")
            yield Select([(_(title), key) for key, title in ROLE_TITLES.items()], prompt=_("Any role"), id="role")
            yield Select([(_duration_label(v), v) for v, *_rest in DURATIONS], prompt=_("Any length"), id="duration")
            yield Select([(_("for {n} people").format(n=n), n) for n in GROUP_SIZES], prompt=_("Any group size"),
                         id="people")
        with Horizontal(id="library-body"):
            with Vertical(id="card-column"):
                yield Label("", id="count")
                yield OptionList(id="cards")
            with VerticalScroll(id="card-view"):
                yield Markdown("", id="card")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = _("Pick a method for the agenda") if self.pick else _("Method library")
        from toolkit import registry

        self._library = registry.library()
        self.refresh_cards()
        self.query_one("#search", Input).focus()

    # -- filtering -------------------------------------------------------------------------

    def filters(self) -> dict[str, Any]:
        def value(widget_id: str) -> Any:
            selected = self.query_one(widget_id, Select).value
            return None if selected is Select.NULL else selected

        duration = value("#duration")
        low, high = next(((lo, hi) for v, lo, hi in DURATIONS if v == duration), (None, None))
        return {"lang": value("#language") or self.language, "category": value("#category"),
                "min_minutes": low, "max_minutes": high, "people": value("#people"),
                "purpose": value("#purpose"), "role": value("#role"),
                "text": self.query_one("#search", Input).value.strip() or None}

    def refresh_cards(self) -> None:
        from toolkit.cards.labels import CATEGORY_TITLES

        if self._library is None:
            return
        self.cards = self._library.select(**self.filters())
        cards = self.query_one("#cards", OptionList)
        cards.clear_options()
        for card in self.cards:
            m = card.meta
            category = _(CATEGORY_TITLES.get(m.category, m.category))
            cards.add_option(Option(assemble((m.title, "bold"), (f"\n{category} · {m.duration} min · "
                                                                 f"{m.group_size.min}–{m.group_size.max}", "dim")),
                                    id=card.id))
        total = len({key[0] for key in self._library.cards})
        count = ngettext("{n} of {total} method", "{n} of {total} methods", total).format(n=len(self.cards),
                                                                                      total=total)
        if self.pick and self.cards:
            count += " · " + _("Enter: add")
        self.query_one("#count", Label).update(count)
        if self.cards:
            cards.highlighted = 0
        self.show_card()

    def current(self) -> Any:
        cards = self.query_one("#cards", OptionList)
        index = cards.highlighted
        if index is None or not 0 <= index < len(self.cards):
            return None
        return self.cards[index]

    def show_card(self) -> None:
        from toolkit.cards.render_text import card_markdown

        card = self.current()
        key = None if card is None else f"{card.id}/{card.language}"
        if key == self._shown:
            return
        self._shown = key
        text = card_markdown(card) if card is not None else _("No method matches these filters.")
        self.query_one("#card", Markdown).update(text)
        self.query_one("#card-view", VerticalScroll).scroll_home(animate=False)

    @on(Input.Changed, "#search")
    @on(Select.Changed)
    def _filters_changed(self) -> None:
        self.refresh_cards()

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        # Picking, Enter adds the highlighted match (as a finder does). Moving the focus to
        # the list first raced with a quick second Enter: focus moves after the key queue,
        # so the second Enter reached the search field again and nothing was added.
        if self.pick and self.current() is not None:
            self.action_pick()
        else:
            self.query_one("#cards", OptionList).focus()

    def on_key(self, event: Any) -> None:
        # ↓ from the search field goes to the list (the field has no use for it)
        if event.key == "down" and self.focused is self.query_one("#search", Input):
            event.stop()
            event.prevent_default()
            self.query_one("#cards", OptionList).focus()

    @on(OptionList.OptionHighlighted, "#cards")
    def _highlighted(self) -> None:
        self.show_card()

    @on(OptionList.OptionSelected, "#cards")
    def _selected(self) -> None:
        if self.pick:
            self.action_pick()
        else:
            self.query_one("#card-view", VerticalScroll).focus()

    # -- actions ---------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "pick":
            # only on a chosen card: never with the focus nowhere (keys typed too early)
            return self.pick and self.current() is not None and self.focused is not None
        return True

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_pick(self) -> None:
        card = self.current()
        # a second quick Enter still reaches this screen's search field after the first
        # one dismissed it: dismissing again would close the agenda under it
        if self.pick and card is not None and self.is_current:
            self.dismiss(card.id)

    def action_next_category(self) -> None:
        from toolkit.cards.labels import CATEGORY_TITLES

        select = self.query_one("#category", Select)
        keys = list(CATEGORY_TITLES)
        current = select.value
        if not isinstance(current, str):  # Select.NULL: nothing chosen yet
            select.value = keys[0]
        elif keys.index(current) + 1 < len(keys):
            select.value = keys[keys.index(current) + 1]
        else:
            select.clear()

    def action_next_language(self) -> None:
        select = self.query_one("#language", Select)
        select.value = "en" if select.value == "de" else "de"

    def action_clear(self) -> None:
        for widget_id in ("#category", "#purpose", "#role", "#duration", "#people"):
            self.query_one(widget_id, Select).clear()
        self.query_one("#search", Input).value = ""

    def action_close(self) -> None:
        if self.is_current:
            self.dismiss(None)

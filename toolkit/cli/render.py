"""A method card rendered for the terminal with rich."""

from __future__ import annotations

from toolkit.cards.card import MethodCard


def render_card(card: MethodCard) -> None:
    """Print the card to the terminal as rendered Markdown."""
    from rich.markdown import Markdown

    from toolkit.cards.render_text import card_markdown
    from toolkit.cli.output import console

    console().print(Markdown(card_markdown(card)))

"""The German catalogue: English message -> German, one module per area of the code so
that areas are translated independently."""

from toolkit.i18n.de import capture, cards, cli, plan, session

MESSAGES: dict[str, str] = {
    **cards.MESSAGES,
    **capture.MESSAGES,
    **plan.MESSAGES,
    **session.MESSAGES,
    **cli.MESSAGES,
}

"""The German catalogue: English message -> German, one module per area of the code so
that areas are translated independently."""

from toolkit.i18n.de import build, capture, cards, cli, plan, programme, run, session, tui, workbook

MESSAGES: dict[str, str] = {
    **cards.MESSAGES,
    **capture.MESSAGES,
    **plan.MESSAGES,
    **session.MESSAGES,
    **workbook.MESSAGES,
    **build.MESSAGES,
    **tui.MESSAGES,
    **run.MESSAGES,
    **cli.MESSAGES,
    **programme.MESSAGES,
}

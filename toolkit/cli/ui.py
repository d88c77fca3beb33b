"""``cimis ui [DIR] [--projector]``: open the terminal UI (the start screen, run mode for the
workshop in DIR, the sprint board of the workbook in DIR, or the matches of the programme in DIR)."""

from __future__ import annotations

from pathlib import Path

import click

from toolkit.i18n import _


def build() -> click.Command:
    @click.command(name="ui", short_help=_("Open the terminal UI."),
                   help=_("Open the terminal UI: the start screen, run mode for the workshop in DIR, "
                          "or the sprint board of the workbook in DIR."),
                   epilog=_("A programme folder (with a programme.yaml) opens on its matches: each region's "
                            "matches and where each one stands."))
    @click.argument("folder", metavar="[DIR]", required=False,
                    type=click.Path(path_type=Path, file_okay=False, exists=True))
    @click.option("--projector", is_flag=True,
                  help=_("Show the projector view of the workshop in DIR (large, high contrast)."))
    def ui(folder: Path | None, projector: bool) -> None:
        run_ui(folder, projector=projector)

    return ui


def run_ui(folder: Path | None = None, *, projector: bool = False) -> None:
    """Start the app (also what ``cimis`` without arguments does)."""
    if projector and folder is None:
        raise click.UsageError(_("--projector needs a workshop folder (DIR)."))
    start = "home"
    if folder is not None and not (folder / "workshop.yaml").is_file():
        if not projector and (folder / "programme.yaml").is_file():
            start = "programme"
        elif projector or not (folder / "book.yaml").is_file():
            raise click.ClickException(_("There is no workshop.yaml (nor a workbook's book.yaml) in {path}.").format(
                path=folder))
        else:
            start = "workbook"
    from toolkit.config import load_config

    config = load_config()
    try:
        from toolkit.tui.app import CimisApp
    except ImportError as exc:  # pragma: no cover - Textual missing from the install
        raise click.ClickException(_("The terminal UI needs Textual: {error}").format(error=exc)) from None
    app = CimisApp(folder.resolve() if folder else None, projector=projector, config=config, start=start)
    app.run()
    if app.return_code:
        # the app printed what happened and where the traceback is
        raise SystemExit(app.return_code)

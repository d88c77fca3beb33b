"""The command palette offers every run-mode action in both languages, jumps to any agenda
item, and syncs and builds the workbook from inside the UI."""

from __future__ import annotations

from run_util import START, english_workshop, host_app, run_async
from toolkit.i18n import set_language
from toolkit.session.clock import FakeClock
from toolkit.tui.commands import palette_commands
from toolkit.tui.screens.run import RUN_BINDING_IDS


@run_async
async def test_palette_has_every_run_action_in_both_languages(tmp_path):
    folder = english_workshop(tmp_path)
    set_language("de")
    app = host_app(folder, FakeClock(START))
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            commands = {c.id: c for c in palette_commands(app, app.screen)}
            for binding_id in RUN_BINDING_IDS:
                if binding_id == "run.remove" or binding_id == "run.edit":
                    continue  # need a highlighted record
                assert binding_id in commands, binding_id
            assert commands["run.next"].names == ("Weiter", "Next")
            assert commands["run.reveal"].names[1] == "Reveal/hide results"
            assert commands["run.blackout"].names == ("Schwarzbild", "Black screen")
            assert "goto.jury" in commands and commands["goto.jury"].names[0].startswith("Gehe zu:")
            await commands["goto.jury"].run()
            await pilot.pause()
            assert app.screen.engine.state.position[0] == "jury"
            # the workbook: created with the workshop, synced and built from the palette
            app.open_workbook(folder / "workbook", workshop=folder)
            await pilot.pause()
            commands = {c.id: c for c in palette_commands(app, app.screen)}
            build = next(c for key, c in commands.items() if key.startswith("workbook.Sync and build"))
            build.run()
            await pilot.pause()
            assert (folder / "workbook" / "_build" / "html" / "index.html").is_file() or \
                list((folder / "workbook").rglob("index.html"))
    finally:
        set_language("en")

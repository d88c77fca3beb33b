"""Saving the configuration edits the TOML document in place: comments, layout and quoted
keys stay, the result reads back, and the TOML writer is imported only when saving."""

from __future__ import annotations

import subprocess
import sys

import pytest

from toolkit.config import load_config, save_config
from toolkit.errors import CimisError


def test_quoted_key_is_replaced_not_duplicated(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('# my settings\n"theme" = "textual-dark"  # the look\n\n[keys]\n"run.next" = "n"  # next\n',
                    "utf-8")
    save_config({"theme": "cimis-projector"}, str(path))
    text = path.read_text("utf-8")
    assert text.count("theme") == 1 and "# my settings" in text and "# the look" in text and "# next" in text
    assert load_config(str(path)) == {"theme": "cimis-projector", "keys": {"run.next": "n"}}


def test_new_setting_goes_before_the_tables_and_tables_are_replaced(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('[keys]\n"run.next" = "n"\n', "utf-8")
    save_config({"theme": "x"}, str(path))
    save_config({"keys": {"run.back": "b"}}, str(path))
    assert load_config(str(path)) == {"theme": "x", "keys": {"run.back": "b"}}
    save_config({"theme": None, "keys": {}}, str(path))
    assert load_config(str(path)) == {}


def test_broken_file_is_reported_and_left_alone(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("theme = \n", "utf-8")
    with pytest.raises(CimisError, match="broken configuration"):
        save_config({"theme": "x"}, str(path))
    assert path.read_text("utf-8") == "theme = \n"


def test_tomlkit_only_when_saving(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('theme = "x"\n', "utf-8")
    code = (f"import sys; from toolkit.config import load_config; load_config({str(path)!r}); "
            "print('tomlkit' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"

"""``cimis plugin new``: write a new plugin package from the bundled template.

The template under ``template/`` uses ``{{name}}`` (plugin name, e.g. ``museum-tools``),
``{{module}}`` (import name, ``cimis_museum_tools``), ``{{dist}}`` (distribution name,
``cimis-museum-tools``) and ``{{title}}``; a folder named ``__module__`` becomes the module.
``plugins/cimis-example`` in the repository is this template filled in for ``example``.
"""

from __future__ import annotations

import re
from pathlib import Path

from toolkit.errors import CimisError
from toolkit.i18n import _

NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
TEMPLATE = Path(__file__).parent / "template"


def names(name: str) -> dict[str, str]:
    if not NAME_PATTERN.match(name):
        raise CimisError(_("'{name}' is not a valid plugin name: use lower-case letters, digits and single '-'").format(
            name=name))
    return {
        "name": name,
        "module": "cimis_" + name.replace("-", "_"),
        "dist": "cimis-" + name,
        "title": name.replace("-", " ").title(),
    }


def render(text: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", value)
    return text


def plan_files(name: str) -> dict[Path, str]:
    """Relative path -> content of every file of the new package."""
    values = names(name)
    files: dict[Path, str] = {}
    for source in sorted(TEMPLATE.rglob("*")):
        if source.is_dir() or "__pycache__" in source.parts:
            continue
        relative = Path(*(values["module"] if part == "__module__" else part
                          for part in source.relative_to(TEMPLATE).parts))
        if relative.name.endswith(".tmpl"):
            relative = relative.with_name(relative.name[: -len(".tmpl")])
        relative = Path(render(str(relative), values))
        files[relative] = render(source.read_text("utf-8"), values)
    return files


def create(name: str, parent: Path) -> Path:
    """Write the package ``cimis-NAME`` into ``parent``; refuses to touch an existing folder."""
    target = parent / names(name)["dist"]
    if target.exists():
        raise CimisError(_("{path} already exists; choose another name or folder").format(path=target))
    files = plan_files(name)
    staging = parent / f".{target.name}.partial"
    try:
        for relative, content in files.items():
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, "utf-8")
        staging.rename(target)  # the package appears whole or not at all
    except OSError as exc:
        import shutil

        shutil.rmtree(staging, ignore_errors=True)
        raise CimisError(_("cannot write {path}: {error}").format(path=target, error=exc.strerror or exc)) from None
    return target

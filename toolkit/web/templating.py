"""The Jinja2 environment of the web pages: templates from ``toolkit/web/templates``,
autoescaping on for everything (participants' text is untrusted), and the helpers the
templates use (SVG charts)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"


@lru_cache(maxsize=1)
def environment() -> Any:
    import jinja2

    from toolkit.web import svg

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(bar_chart=svg.bar_chart, word_cloud=svg.word_cloud)
    return env


def render(name: str, **values: Any) -> str:
    """Render template ``name`` with ``values`` (escaped unless marked safe)."""
    return str(environment().get_template(name).render(**values))

"""The projector's step title: :class:`BigTitle`, drawn in the block font of
:mod:`toolkit.tui.bigfont` when it fits the width (wrapped by words, up to
:attr:`BigTitle.max_lines` lines), else as the ordinary bold text it holds."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import Static

from toolkit.tui.bigfont import block_lines


class BigTitle(Static):
    """A title readable from the back of the room. It holds the title as literal text (what
    :meth:`update` was given); only the drawing differs."""

    #: lines of block text allowed; the projector sets it from the terminal's height
    max_lines = 1

    def plain(self) -> str:
        content = self.content
        return content.plain if isinstance(content, Text) else str(content)

    def big(self, width: int) -> list[str] | None:
        return block_lines(self.plain(), width, self.max_lines)

    def set_max_lines(self, lines: int) -> None:
        if lines != self.max_lines:
            self.max_lines = lines
            self.refresh(layout=True)

    def update(self, content: Any = "", *, layout: bool = True) -> None:
        super().update(content, layout=True)  # the height follows the drawing

    def render(self) -> Any:
        lines = self.big(self.content_region.width)
        if lines is None:
            return super().render()
        return Text("\n".join(lines), no_wrap=True, overflow="crop")

    def get_content_height(self, container: Any, viewport: Any, width: int) -> int:
        lines = self.big(width)
        if lines is not None:
            return len(lines)
        return super().get_content_height(container, viewport, width)

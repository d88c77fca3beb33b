"""Fair rankings: standard competition ranking ("1, 2, 2, 4")."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import TypeVar

K = TypeVar("K", bound=Hashable)

#: Scores closer than this count as equal, so that float noise in weighted means never
#: decides a rank.
TIE_DIGITS = 9


def competition_ranking(entries: Sequence[tuple[K, float]]) -> list[tuple[int, K, float]]:
    """``(rank, key, score)`` best first. Equal scores share a rank and the next rank skips
    (1, 2, 2, 4). Tied entries keep their order in ``entries``, so the caller decides the
    tie order (by item id, plan order) and it never depends on who voted first."""
    indexed = sorted(enumerate(entries), key=lambda e: (-round(e[1][1], TIE_DIGITS), e[0]))
    ranked: list[tuple[int, K, float]] = []
    previous: float | None = None
    rank = 0
    for position, (_, (key, score)) in enumerate(indexed, start=1):
        rounded = round(score, TIE_DIGITS)
        if previous is None or rounded != previous:
            rank = position
            previous = rounded
        ranked.append((rank, key, score))
    return ranked

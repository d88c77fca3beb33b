"""Stable many-to-one matching (hospitals/residents) by deferred acceptance.

"Residents" take one partner each (creatives), "hospitals" up to a capacity (companies).
Either side may propose; the result is stable for the proposing side's best. A pair is
acceptable only when each lists the other and it is not ``forbidden`` (a "no thanks" on
either side); unlisted and forbidden partners are never matched.

Stable means there is no *blocking pair* (r, h): both acceptable to each other, r is
unmatched or prefers h to its partner, and h has a free place or prefers r to one of its
residents. :func:`blocking_pairs` checks exactly that.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Mapping, Sequence
from typing import TypeVar

R = TypeVar("R", bound=Hashable)
H = TypeVar("H", bound=Hashable)


def acceptable_preferences(
    residents: Mapping[R, Sequence[H]], hospitals: Mapping[H, Sequence[R]],
    forbidden: Collection[tuple[R, H]] = (),
) -> tuple[dict[R, list[H]], dict[H, list[R]]]:
    """Both preference lists reduced to mutually acceptable partners (first mention wins),
    without the ``forbidden`` pairs ``(resident, hospital)``."""
    banned = set(forbidden)
    r_prefs = {r: list(dict.fromkeys(h for h in prefs if h in hospitals and r in hospitals[h]
                                     and (r, h) not in banned))
               for r, prefs in residents.items()}
    h_prefs = {h: list(dict.fromkeys(r for r in prefs if r in residents and h in residents[r]
                                     and (r, h) not in banned))
               for h, prefs in hospitals.items()}
    return r_prefs, h_prefs


def stable_matching(
    residents: Mapping[R, Sequence[H]],
    hospitals: Mapping[H, Sequence[R]],
    capacity: Mapping[H, int],
    residents_propose: bool = True,
    forbidden: Collection[tuple[R, H]] = (),
) -> dict[R, H]:
    """Partner of every matched resident. ``residents``/``hospitals`` map each to its
    preference list (best first); missing capacity counts as 0; ``forbidden`` pairs are
    never matched."""
    r_prefs, h_prefs = acceptable_preferences(residents, hospitals, forbidden)
    if residents_propose:
        return _residents_propose(r_prefs, h_prefs, capacity)
    return _hospitals_propose(r_prefs, h_prefs, capacity)


def _residents_propose(r_prefs, h_prefs, capacity):
    rank = {h: {r: i for i, r in enumerate(prefs)} for h, prefs in h_prefs.items()}
    held: dict = {h: [] for h in h_prefs}
    next_choice = {r: 0 for r in r_prefs}
    free = [r for r in r_prefs]
    free.reverse()  # pop() from the end proposes in the given order
    while free:
        r = free.pop()
        prefs = r_prefs[r]
        if next_choice[r] >= len(prefs):
            continue
        h = prefs[next_choice[r]]
        next_choice[r] += 1
        cap = capacity.get(h, 0)
        if cap <= 0:
            free.append(r)
            continue
        held[h].append(r)
        if len(held[h]) > cap:
            held[h].sort(key=lambda x: rank[h][x])
            free.append(held[h].pop())
    return {r: h for h, rs in held.items() for r in rs}


def _hospitals_propose(r_prefs, h_prefs, capacity):
    rank = {r: {h: i for i, h in enumerate(prefs)} for r, prefs in r_prefs.items()}
    partner: dict = {}
    count = {h: 0 for h in h_prefs}
    next_choice = {h: 0 for h in h_prefs}
    active = list(h_prefs)
    while active:
        h = active.pop(0)
        while count[h] < capacity.get(h, 0) and next_choice[h] < len(h_prefs[h]):
            r = h_prefs[h][next_choice[h]]
            next_choice[h] += 1
            current = partner.get(r)
            if current is None or rank[r][h] < rank[r][current]:
                partner[r] = h
                count[h] += 1
                if current is not None:
                    count[current] -= 1
                    active.append(current)
    return partner


def blocking_pairs(
    residents: Mapping[R, Sequence[H]],
    hospitals: Mapping[H, Sequence[R]],
    capacity: Mapping[H, int],
    matching: Mapping[R, H],
) -> list[tuple[R, H]]:
    """Every pair that would rather be together than with their partners in ``matching``."""
    r_prefs, h_prefs = acceptable_preferences(residents, hospitals)
    members: dict = {h: [r for r, x in matching.items() if x == h] for h in h_prefs}
    found = []
    for r, prefs in r_prefs.items():
        current = matching.get(r)
        better = prefs if current is None else prefs[: prefs.index(current)] if current in prefs else prefs
        for h in better:
            order = h_prefs[h]
            mine = members.get(h, [])
            if len(mine) < capacity.get(h, 0) or any(order.index(r) < order.index(x) for x in mine if x in order):
                found.append((r, h))
    return found

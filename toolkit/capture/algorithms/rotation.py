"""Speed-dating schedules between two groups.

:func:`schedule` builds a full schedule from scratch with these guarantees, for any group
sizes and table count:

* no pair meets twice, and no one sits at two tables in a round;
* at most ``tables`` pairs per round;
* over the schedule, the sit-outs of any two people of the same group differ by at most 1;
* with enough rounds (``needed_rounds``), every pair meets.

Construction: list all ``n*m`` pairs as ``k -> (k mod n, (k + k // lcm(n, m)) mod m)`` for
``k < n*m``. Within a block of ``lcm`` consecutive ``k`` this walks the pairs whose index
difference is constant modulo ``gcd(n, m)``; each block shifts that constant by one, so the
``gcd`` blocks cover every pair exactly once. Round ``r`` takes the pairs
``k in [r*T, (r+1)*T)``. These are a matching: ``T <= n`` consecutive values of ``k mod n``
differ, and so do the second indices (consecutive mod ``m`` within a block; across a block
boundary they skip one value, which still fits when ``T < m``, and when ``T == m`` the
boundaries fall between rounds). Every prefix of the list uses each index of either group
``floor`` or ``ceil`` times its share, which is why sit-outs stay balanced however many rounds
are played.

:func:`continue_schedule` plans the remaining rounds after people came or went mid-session,
avoiding pairs that already met (best effort: greedy maximum matchings that favour people
with many unmet partners, then those who sat out most).
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Sequence
from typing import TypeVar

P = TypeVar("P", bound=Hashable)

#: One round: the pairs ``(a, b)`` in table order (table 1 first).
Round = list[tuple[P, P]]


def table_count(n: int, m: int, tables: int | None) -> int:
    """Tables in use: one per pair of the smaller group, fewer when the room has fewer."""
    count = min(n, m)
    return count if tables is None else min(count, tables)


def needed_rounds(n: int, m: int, tables: int | None = None) -> int:
    """Rounds until every pair has met (``max(n, m)`` when tables suffice)."""
    t = table_count(n, m, tables)
    return 0 if t == 0 else -(-n * m // t)


def pair_sequence(n: int, m: int) -> list[tuple[int, int]]:
    """Every index pair of an ``n`` x ``m`` grid once, in the order described above."""
    if n == 0 or m == 0:
        return []
    lcm = n * m // math.gcd(n, m)
    return [(k % n, (k + k // lcm) % m) for k in range(n * m)]


def _table_order(pairs: list[tuple[int, int]], n: int, m: int) -> list[tuple[int, int]]:
    # Sorting by the smaller group's index keeps that group at the same table whenever the
    # whole group is seated, which is the usual "one side stays, the other moves" routine.
    side = 0 if n < m else 1
    return sorted(pairs, key=lambda pair: pair[side])


def schedule(a: Sequence[P], b: Sequence[P], tables: int | None = None, rounds: int | None = None) -> list[Round]:
    """The rounds in which ``a`` and ``b`` meet; ``rounds`` beyond :func:`needed_rounds` are
    dropped because no new pair could meet in them."""
    n, m = len(a), len(b)
    t = table_count(n, m, tables)
    total = needed_rounds(n, m, tables)
    count = total if rounds is None else min(rounds, total)
    seq = pair_sequence(n, m)
    plan: list[Round] = []
    for r in range(count):
        chunk = _table_order(seq[r * t:(r + 1) * t], n, m)
        plan.append([(a[i], b[j]) for i, j in chunk])
    return plan


def continue_schedule(
    a: Sequence[P],
    b: Sequence[P],
    met: set[tuple[P, P]],
    sat_out: dict[P, int],
    tables: int | None = None,
    rounds: int | None = None,
) -> list[Round]:
    """Rounds for ``a`` x ``b`` after some pairs already ``met``: until every unmet pair met,
    or ``rounds`` rounds. ``sat_out`` counts earlier sit-outs, so that those who waited most
    are seated first."""
    t = table_count(len(a), len(b), tables)
    open_pairs = {(x, y) for x in a for y in b if (x, y) not in met}
    waits = {p: sat_out.get(p, 0) for p in (*a, *b)}
    order = {p: i for i, p in enumerate((*a, *b))}
    plan: list[Round] = []
    while open_pairs and t > 0 and (rounds is None or len(plan) < rounds):
        pairs = _greedy_matching(a, b, open_pairs, waits, order, t)
        if not pairs:
            break
        plan.append(pairs)
        seated = {p for pair in pairs for p in pair}
        for p in waits:
            if p not in seated:
                waits[p] += 1
        open_pairs -= set(pairs)
    return plan


def _greedy_matching(a, b, open_pairs, waits, order, limit):
    degree: dict = {}
    for x, y in open_pairs:
        degree[x] = degree.get(x, 0) + 1
        degree[y] = degree.get(y, 0) + 1

    def priority(p):
        return (-degree.get(p, 0), -waits[p], order[p])

    partners = {x: sorted((y for y in b if (x, y) in open_pairs), key=priority) for x in a}
    match_of_b: dict = {}

    def augment(x, seen) -> bool:
        # Kuhn's augmenting path: people already seated stay seated, so trying the most
        # urgent people first means they are the ones who get a table.
        for y in partners[x]:
            if y in seen:
                continue
            seen.add(y)
            if y not in match_of_b or augment(match_of_b[y], seen):
                match_of_b[y] = x
                return True
        return False

    for x in sorted(a, key=priority):
        if len(match_of_b) >= limit:
            break
        augment(x, set())
    pairs = [(x, y) for y, x in match_of_b.items()]
    return sorted(pairs, key=lambda pair: (order[pair[0]], order[pair[1]]))

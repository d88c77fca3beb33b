"""Four laptops push their logs of the same event into one PostgreSQL database at the same
time, while the office captures into that session: every push is verified, nothing
is lost or doubled, seqs stay gapless, and pushing again adds nothing. Real server."""

from __future__ import annotations

import threading
from pathlib import Path

from toolkit.session.pgstore import PgStore
from toolkit.session.store import Store
from toolkit.session.transfer import transfer

KEY = "cross-2026/dresden-kickoff"
LAPTOPS = ("dresden", "meissen", "lausitz", "erzgebirge")


def laptop_log(folder: Path, name: str, n: int) -> None:
    """A laptop's offline log: captures, an edit and an undo (references to rewrite)."""
    folder.mkdir(parents=True)
    with Store(folder) as store, store.writing() as tx:
        tx.insert("started", item="forge", step="ideas", at=0.0)
        first = None
        for i in range(n):
            event, _new = tx.insert("captured", item="forge", step="ideas", at=float(i), author=name,
                                    payload={"kind": "notes", "record": {"text": f"{name} {i}"}})
            first = first or event
        assert first is not None
        tx.insert("edited", item="forge", step="ideas", at=float(n),
                  payload={"record_id": first.seq, "record": {"text": f"{name} 0 (edited)"}})
        tx.insert("undone", item="forge", step="ideas", at=float(n + 1), payload={"target": event.seq})


def test_four_laptops_push_at_once_while_the_office_captures(tmp_path, pg_url):
    for name in LAPTOPS:
        laptop_log(tmp_path / name, name, 400)
    PgStore(pg_url, KEY).close()  # the session exists, as after the first push
    reports: dict[str, list] = {name: [] for name in LAPTOPS}
    errors: list[BaseException] = []
    start = threading.Barrier(len(LAPTOPS) + 1)

    def push(name: str) -> None:
        try:
            start.wait(30)
            for _round in range(2):
                with Store(tmp_path / name, readonly=True) as local, PgStore(pg_url, KEY, origin=name) as remote:
                    reports[name].append(transfer(local, remote, workshop=KEY))
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)

    threads = [threading.Thread(target=push, args=(name,)) for name in LAPTOPS]
    for t in threads:
        t.start()
    # the office captures into the same session meanwhile
    office = []
    with PgStore(pg_url, KEY, origin="office") as store:
        start.wait(30)
        for i in range(50):
            office.append(store.append("captured", item="forge", step="ideas", author="office",
                                       payload={"kind": "notes", "record": {"text": f"office {i}"}}))
    for t in threads:
        t.join(300)
    assert errors == []
    for name in LAPTOPS:
        first, second = reports[name]
        assert first.verified and second.verified, (first.as_dict(), second.as_dict())
        assert first.added == 403 and second.added == 0 and second.present == 403
    with PgStore(pg_url, KEY, readonly=True) as check:
        events = check.events()
        assert [e.seq for e in events] == list(range(1, len(events) + 1))
        assert len(events) == 4 * 403 + 50
        assert len({e.client_id for e in events}) == len(events)
        assert check.integrity_check() == "ok"
        from toolkit.session.state import fold

        state = fold(events)
        texts = sorted(r.data["text"] for r in state.all_records())
        # each laptop's last capture undone (its own, wherever the others' events landed),
        # its first one edited; the office's captures all there
        expected = sorted([f"{n} 0 (edited)" for n in LAPTOPS] + [f"{n} {i}" for n in LAPTOPS for i in range(1, 399)]
                          + [f"office {i}" for i in range(50)])
        assert texts == expected

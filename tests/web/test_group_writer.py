"""The single writer's group commit: submissions that arrive while a commit runs share the
next transaction, none is answered before the transaction holding it returned, a failed
commit reaches every submission of its batch, and a phone that hangs up does not cancel the
commit of the others. Against the real room: a burst of concurrent submissions through the
app is stored once each in fewer transactions than submissions."""

from __future__ import annotations

import asyncio
import threading

import pytest

from toolkit.web.writer import GroupWriter


def test_batches_form_while_a_commit_runs_and_nothing_is_answered_before_it():
    committed: list[list[int]] = []
    release = threading.Event()
    answered: list[int] = []

    def commit(jobs):
        if not committed:
            release.wait(5)  # the first commit is slow: the others queue up meanwhile
        committed.append(list(jobs))
        return [job * 10 for job in jobs]

    async def main():
        writer = GroupWriter(commit)

        async def one(n):
            result = await writer.submit(n)
            # answered only once the batch holding it was committed
            assert any(n in batch for batch in committed)
            answered.append(n)
            return result

        first = asyncio.create_task(one(0))
        await asyncio.sleep(0.05)
        rest = [asyncio.create_task(one(n)) for n in range(1, 30)]
        await asyncio.sleep(0.05)
        assert answered == []
        release.set()
        results = await asyncio.gather(first, *rest)
        return writer, results

    writer, results = asyncio.run(main())
    assert results == [n * 10 for n in range(30)]
    assert committed[0] == [0] and sorted(n for batch in committed[1:] for n in batch) == list(range(1, 30))
    assert writer.batches == len(committed) <= 3 and writer.jobs == 30


def test_a_failed_commit_reaches_every_submission_of_its_batch_and_the_writer_goes_on():
    calls = []

    def commit(jobs):
        calls.append(list(jobs))
        if len(calls) == 1:
            raise OSError("disk full")
        return ["ok" for _ in jobs]

    async def main():
        writer = GroupWriter(commit)
        with pytest.raises(OSError, match="disk full"):
            await writer.submit("a")
        return await writer.submit("b")

    assert asyncio.run(main()) == "ok"


def test_a_cancelled_submission_is_still_committed():
    committed = []

    def commit(jobs):
        committed.extend(jobs)
        return jobs

    async def main():
        writer = GroupWriter(commit)
        task = asyncio.create_task(writer.submit("gone"))
        await asyncio.sleep(0)
        task.cancel()
        await asyncio.sleep(0.2)
        assert await writer.submit("next") == "next"

    asyncio.run(main())
    assert committed == ["gone", "next"]


def test_a_burst_through_the_app_is_stored_once_each_in_few_transactions(room):
    import httpx

    from toolkit.web.app import create_app

    app = create_app(room, hosts=["127.0.0.1"], public_url="http://127.0.0.1:8300")
    cookies = []

    async def main():
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            for _ in range(40):
                r = await client.post("/api/join", json={"code": room.code})
                cookies.append(r.cookies["cimis_device"])
                client.cookies.clear()

            async def send(n):
                return await client.post("/api/submit", json={
                    "id": f"burst-{n:04d}", "step": "room.ideas", "record": {"op": "card", "text": f"idea {n}"}},
                    headers={"cookie": f"cimis_device={cookies[n % 40]}"})

            first = await asyncio.gather(*(send(n) for n in range(120)))
            again = await asyncio.gather(*(send(n) for n in range(0, 120, 7)))  # resends
            return first, again

    writer = app.app.state.writer
    first, again = asyncio.run(main())
    assert all(r.status_code == 200 and r.json()["saved"] and not r.json()["duplicate"] for r in first)
    assert all(r.status_code == 200 and r.json()["duplicate"] for r in again)
    seqs = [r.json()["seq"] for r in first]
    assert len(set(seqs)) == 120
    with room.lock:
        room.engine.refresh()
        texts = sorted(r.data.root.text for r in room.engine.records("room", "ideas"))
    assert texts == sorted(f"idea {n}" for n in range(120))
    assert writer.jobs == 120 + len(again) and writer.batches < 120


def test_a_step_moved_by_another_process_is_seen_without_catching_up_first(room):
    """The room does not read the log before each submission: the capture checks the
    current step inside its transaction, and a refusal makes the room look again."""
    from toolkit.session.engine import Engine

    device = room.join(room.code, "", "en")

    def card(cid, step="room.ideas"):
        return room.submit_many([(device, {"id": cid, "step": step, "record": {"op": "card", "text": cid}}, "en")])[0]

    assert card("first-card")["saved"]
    with Engine(room.folder) as tui:  # the terminal UI, another connection, moves on
        tui.go_to("room", "vote")
    late = card("late-card1")
    assert late.status == 409 and "not open" in late.message
    with Engine(room.folder) as tui:
        tui.go_to("room", "ideas")
    assert card("back-again")["saved"]  # the room's stale state said "vote": it looked again
    with room.lock:
        room.engine.refresh()
        texts = [r.data.root.text for r in room.engine.records("room", "ideas")]
    assert texts == ["first-card", "back-again"]

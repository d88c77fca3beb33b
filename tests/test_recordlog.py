"""The append-only cache file: later records win, a torn tail or another header loses
nothing but time, and small changes append instead of rewriting."""

from __future__ import annotations

from toolkit.recordlog import RecordLog


def test_round_trip_and_append(tmp_path):
    path = tmp_path / "c.log"
    log = RecordLog(path, ("h", 1))
    log.values.update({"a": 1, "b": [2]})
    log.save()
    size = path.stat().st_size
    again = RecordLog(path, ("h", 1))
    assert again.values == {"a": 1, "b": [2]}
    again.values["a"] = 10
    again.save()
    assert size < path.stat().st_size < 2 * size  # appended one record, not rewritten
    assert RecordLog(path, ("h", 1)).values == {"a": 10, "b": [2]}


def test_other_header_starts_empty_and_rewrites(tmp_path):
    path = tmp_path / "c.log"
    log = RecordLog(path, ("h", 1))
    log.values["a"] = 1
    log.save()
    newer = RecordLog(path, ("h", 2))
    assert newer.values == {}
    newer.values["b"] = 2
    newer.save()
    assert RecordLog(path, ("h", 2)).values == {"b": 2}
    assert RecordLog(path, ("h", 1)).values == {}


def test_torn_tail_keeps_what_came_before(tmp_path):
    path = tmp_path / "c.log"
    log = RecordLog(path, ("h", 1))
    log.values.update({"a": 1})
    log.save()
    log.values["b"] = "x" * 1000
    log.save()
    path.write_bytes(path.read_bytes()[:-10])  # killed while appending
    assert RecordLog(path, ("h", 1)).values == {"a": 1}


def test_garbage_file_is_an_empty_cache(tmp_path):
    path = tmp_path / "c.log"
    path.write_bytes(b"\x00garbage")
    assert RecordLog(path, ("h", 1)).values == {}


def test_many_changes_compact_the_file(tmp_path):
    path = tmp_path / "c.log"
    log = RecordLog(path, ("h", 1))
    for n in range(200):
        log.values["k"] = n
        log.save()
    assert path.stat().st_size < 4000
    assert RecordLog(path, ("h", 1)).values == {"k": 199}

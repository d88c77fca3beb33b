"""The one atomic-write helper: readers see the old or the new file, never half; a full
disk, a read-only file system or a size limit give a clear error naming the file, leave the
old file as it was and no temporary file behind; new files follow the umask, replaced files
keep their permissions. Commands that write (import with -o, new, workbook build, sync) go
through it, so the same holds for them."""

from __future__ import annotations

import os
import resource
import stat
import subprocess
import sys
import uuid

import pytest

from toolkit.errors import CimisError
from toolkit.paths import WriteError, write_atomic, write_many


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_and_replaces(tmp_path):
    target = tmp_path / "sub" / "f.txt"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two" and leftovers(target.parent) == []


def test_new_files_follow_the_umask_and_replaced_files_keep_their_mode(tmp_path):
    old = os.umask(0o027)
    try:
        write_atomic(tmp_path / "new.txt", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o640
    (tmp_path / "kept.txt").write_bytes(b"x")
    os.chmod(tmp_path / "kept.txt", 0o604)
    write_atomic(tmp_path / "kept.txt", b"y")
    assert stat.S_IMODE((tmp_path / "kept.txt").stat().st_mode) == 0o604


@pytest.fixture
def small_disk(tmp_path):
    """A 64 KiB tmpfs: a real full disk (needs root and mount; skipped with the reason else)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    run = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)], capture_output=True)
    if run.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {run.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_full_disk(small_disk):
    (small_disk / "book.md").write_bytes(b"the old text")
    with pytest.raises(WriteError) as info:
        write_atomic(small_disk / "book.md", b"x" * 200_000)
    assert "book.md" in str(info.value) and "the disk is full" in str(info.value)
    assert isinstance(info.value, CimisError) and isinstance(info.value, OSError)
    assert (small_disk / "book.md").read_bytes() == b"the old text"
    assert leftovers(small_disk) == []


def test_full_disk_in_write_many(small_disk):
    files = [(small_disk / f"c{i}.md", b"y" * 30_000) for i in range(4)]
    with pytest.raises(WriteError, match="the disk is full"):
        write_many(files)
    assert sorted(p.name for p in small_disk.iterdir()) == []  # none renamed into place


def test_read_only_file_system(small_disk):
    (small_disk / "book.md").write_bytes(b"old")
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    with pytest.raises(WriteError, match="read-only"):
        write_atomic(small_disk / "book.md", b"new")
    assert (small_disk / "book.md").read_bytes() == b"old"


def test_file_size_limit(tmp_path):
    """RLIMIT_FSIZE (a quota-like limit) in a child process: the same clear error."""
    code = (
        "import resource, sys\n"
        "from toolkit.paths import write_atomic, WriteError\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (10_000, 10_000))\n"
        "try:\n"
        f"    write_atomic({str(tmp_path / 'big.bin')!r}, b'x' * 100_000)\n"
        "except WriteError as exc:\n"
        "    print(exc); sys.exit(1)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 1, run.stderr
    assert "big.bin" in run.stdout and "limit" in run.stdout
    assert not (tmp_path / "big.bin").exists() and leftovers(tmp_path) == []
    assert resource.getrlimit(resource.RLIMIT_FSIZE)  # the limit only applied to the child


def test_export_to_a_full_disk_is_a_clear_error(cli, tmp_path, small_disk):
    folder = tmp_path / "ws"
    assert cli("new", str(folder), "--example", "kickoff", "--language", "de").exit_code == 0
    line = '{"item": "ankommen", "step": "expectations", "record": {"text": "%s"}}\n'
    lines = "".join(line % (uuid.uuid4().hex * 8) for _ in range(300))
    imported = cli("session", "import", str(folder), "-", input=lines)
    assert imported.exit_code == 0, imported.output
    result = cli("session", "export", str(folder), "--format", "json", "-o", str(small_disk / "out.json"))
    assert result.exit_code == 1
    assert "out.json" in result.output and "the disk is full" in result.output
    assert "Traceback" not in result.output
    assert list(small_disk.iterdir()) == []

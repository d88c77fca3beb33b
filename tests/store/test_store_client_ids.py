"""Client ids the stores generate for events written without one: unique within a process,
in a forked child (whose random part is drawn anew) and between processes."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from toolkit.session.store import new_client_id


def test_unique_and_shaped_like_a_uuid_hex():
    ids = [new_client_id() for _ in range(10_000)]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"[0-9a-f]{32}", i) for i in ids)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_a_forked_child_draws_its_own_random_part():
    parent = new_client_id()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: report one id and leave at once
        os.write(write, new_client_id().encode())
        os._exit(0)
    os.close(write)
    child = os.read(read, 64).decode()
    os.close(read)
    os.waitpid(pid, 0)
    assert len(child) == 32 and child[:20] != parent[:20]
    assert new_client_id()[:20] == parent[:20]


def test_two_processes_differ():
    code = "from toolkit.session.store import new_client_id; print(new_client_id())"
    first, second = (subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
                     .stdout.strip() for _ in range(2))
    assert first != second and first[:20] != second[:20]

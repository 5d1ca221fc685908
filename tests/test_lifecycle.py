"""Process lifetime (issue 17): workers die with a killed parent; SIGTERM stops a run like
Ctrl-C does (recorded ``interrupted``, exit 143). Real processes and signals, no model."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from dateline.store import Store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

CHILD = (
    "from dateline.lifecycle import die_with_parent; die_with_parent(); "
    "print('ready', flush=True); import time; time.sleep(120)"
)
PARENT = (
    "import subprocess, sys, time; "
    f"child = subprocess.Popen([sys.executable, '-c', {CHILD!r}]); "
    "print(child.pid, flush=True); time.sleep(120)"
)


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split()[2] != "Z"  # a zombie has exited
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="needs /proc")
def test_a_worker_dies_when_its_parent_is_killed_9():
    parent = subprocess.Popen([sys.executable, "-c", PARENT], stdout=subprocess.PIPE, text=True)
    try:
        child = int(parent.stdout.readline())
        assert parent.stdout.readline().strip() == "ready"  # die_with_parent has run
        assert alive(child)
        parent.kill()  # SIGKILL: no cleanup code of the parent runs
        parent.wait(10)
        deadline = time.monotonic() + 5
        while alive(child) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not alive(child), "the worker outlived its killed parent"
    finally:
        parent.kill()


def test_sigterm_is_recorded_as_interrupted_and_exits_143(tmp_path):
    fifo, db = tmp_path / "feed", tmp_path / "s.duckdb"
    os.mkfifo(fifo)
    run = subprocess.Popen(
        [sys.executable, "-m", "dateline", "run", str(fifo), "--db", str(db), "--no-progress"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    opened = threading.Event()

    def writer() -> None:
        with open(fifo, "wb"):  # returns once the run has opened the pipe; then never writes
            opened.set()
            time.sleep(30)

    threading.Thread(target=writer, daemon=True).start()
    try:
        assert opened.wait(60), "the run never opened its input"
        time.sleep(0.3)
        run.send_signal(signal.SIGTERM)
        out, err = run.communicate(timeout=30)
    finally:
        run.kill()
    assert run.returncode == 143, (out, err)
    assert "Interrupted" in err and "Traceback" not in err
    with Store(db, read_only=True) as store:
        assert store.sql("SELECT status FROM runs")["status"].tolist() == ["interrupted"]

"""Crash safety: `dateline run` killed with SIGKILL at random moments converges on re-run,
and a second process reading while a run writes gets good data or "database busy"."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dateline.errors import StoreBusy
from dateline.store import Store

pytestmark = [pytest.mark.slow, pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL")]

TRIALS = int(os.environ.get("DATELINE_CRASH_TRIALS", "4"))
SEED = int(os.environ.get("DATELINE_CRASH_SEED", "20240531"))
#: Our own short wire items (not from the shared material), each with an event or two.
ARTICLES = [
    "Ruritania's foreign minister criticised Freedonia on Monday over the border dispute.",
    "French police arrested forty protesters outside the parliament in Paris on Tuesday.",
    "Germany and Poland signed an agreement on energy cooperation in Warsaw.",
    "The United Nations condemned the shelling of a hospital in northern Syria.",
    "Japanese officials met their South Korean counterparts in Seoul to discuss trade.",
    "Rebels attacked an army base near the capital of Mali, killing six soldiers.",
    "The European Union imposed new sanctions on Belarus after the disputed election.",
    "Kenya's president promised aid to farmers hit by the drought in the north.",
    "Brazilian prosecutors charged a former minister with corruption on Wednesday.",
    "India accused Pakistan of violating the ceasefire along the line of control.",
    "Turkey threatened to expel ten ambassadors who had called for a prisoner's release.",
    "Canada and Mexico agreed to share intelligence on drug trafficking networks.",
    "Israeli troops fired tear gas at Palestinian demonstrators in Hebron on Friday.",
    "Australia's prime minister praised Indonesia for its help after the earthquake.",
    "Chinese diplomats rejected criticism from Britain over the Hong Kong elections.",
]
RUN = [sys.executable, "-m", "dateline", "run"]
EVENT_KEY = "SELECT * EXCLUDE (id, group_id) FROM events ORDER BY article_id, event_index"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("crash") / "wire.jsonl"
    rows = [{"id": f"w{i:02}", "date": f"2024-03-{i + 1:02}", "text": t}
            for i, t in enumerate(ARTICLES)]  # fmt: skip
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def command(corpus: Path, db: Path) -> list[str]:
    return [*RUN, str(corpus), "--db", str(db), "--no-progress", "--batch-size", "2"]


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONUNBUFFERED": "1", "COLUMNS": "200"}


def snapshot(db: Path) -> dict:
    """What a store holds, by content: articles, events (ids aside), quotes, duplicates."""
    with Store(db, read_only=True) as store:
        return {
            "articles": store.sql(
                "SELECT id, title, published, text, duplicate_of FROM articles ORDER BY id"
            ).to_dict("records"),  # fmt: skip
            "events": store.sql(EVENT_KEY).to_json(
                orient="records", date_format="iso", default_handler=str
            ),
            "quotes": store.sql(
                "SELECT * EXCLUDE (id) FROM quotes ORDER BY article_id, quote_index"
            ).to_json(orient="records"),  # fmt: skip
            "dup_events": store.sql(
                "SELECT article_id, event_index FROM events GROUP BY ALL HAVING count(*) > 1"
            ).to_dict("records"),  # fmt: skip
            "errors": store.sql("SELECT count(*) AS n FROM errors").iloc[0]["n"],
        }


@pytest.fixture(scope="module")
def uninterrupted(corpus, tmp_path_factory) -> tuple[dict, float]:
    db = tmp_path_factory.mktemp("base") / "base.duckdb"
    started = time.monotonic()
    done = subprocess.run(command(corpus, db), capture_output=True, text=True, env=env(),
                          timeout=120)  # fmt: skip
    seconds = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    result = snapshot(db)
    assert len(result["articles"]) == len(ARTICLES)
    assert result["events"] != "[]"
    return result, seconds


def kill_at(cmd: list[str], rng: random.Random, seconds: float, mid_write: bool) -> bool:
    """Start ``cmd`` and SIGKILL it: during start-up (a random delay), or just after a random
    number of articles were stored (plus a few ms, to land inside the next write)."""
    proc = subprocess.Popen([*cmd, "--verbose"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, env=env())  # fmt: skip
    try:
        if mid_write:
            wanted, stored = rng.randrange(len(ARTICLES) - 1), 0
            for line in proc.stderr:
                stored += "stored" in line
                if stored > wanted:
                    break
            time.sleep(rng.uniform(0.0, 0.03))
        else:
            time.sleep(rng.uniform(0.2, seconds * 0.8))
        killed = proc.poll() is None
        if killed:
            proc.send_signal(signal.SIGKILL)
        return killed
    finally:
        proc.wait(timeout=30)
        proc.stderr.close()


def test_killed_runs_converge_to_the_uninterrupted_result(corpus, uninterrupted, tmp_path):
    expected, seconds = uninterrupted
    rng = random.Random(SEED)
    kills = partial = 0
    for trial in range(TRIALS):
        db = tmp_path / f"trial{trial}.duckdb"
        # trial 0: killed while starting up; then 1-2 kills in the middle of writing
        plan = [False] if trial % 4 == 0 else [True] * (1 + trial % 2)
        for mid_write in plan:
            kills += kill_at(command(corpus, db), rng, seconds, mid_write)
            if db.exists():  # the file always opens after a kill
                with Store(db) as store:
                    stored = store.stats()["articles"]
                assert stored <= len(ARTICLES)
                partial += 0 < stored < len(ARTICLES)
        done = subprocess.run(command(corpus, db), capture_output=True, text=True, env=env(),
                              timeout=120)  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert snapshot(db) == expected, f"trial {trial} (seed {SEED}) diverged"
    report = os.environ.get("DATELINE_CRASH_REPORT")
    if report:
        with open(report, "a", encoding="utf-8") as fh:
            fh.write(json.dumps({"trials": TRIALS, "kills": kills, "partial": partial}) + "\n")
    assert kills >= TRIALS
    assert partial >= 1, "no kill left a half-written store; the test did not test much"


def test_readers_during_a_run_get_data_or_database_busy(corpus, tmp_path):
    db = tmp_path / "busy.duckdb"
    with Store(db) as store:  # an existing store, so readers never see "no such file"
        store.stats()
    log = (tmp_path / "run.log").open("w+", encoding="utf-8")
    proc = subprocess.Popen(command(corpus, db), stdout=subprocess.DEVNULL, stderr=log,
                            env=env())  # fmt: skip
    outcomes = {"busy": 0, "read": 0}
    cli = None
    try:
        deadline = time.monotonic() + 60
        while proc.poll() is None and time.monotonic() < deadline:
            try:
                with Store(db, read_only=True) as store:
                    stats = store.stats()
                    ids = set(store.sql("SELECT DISTINCT article_id FROM events")["article_id"])
                    assert ids <= store.article_ids()
                    assert stats["articles"] <= len(ARTICLES)
                outcomes["read"] += 1
            except StoreBusy as exc:
                assert "database busy" in str(exc)
                outcomes["busy"] += 1
                if cli is None:  # the CLI says the same in one line, without a traceback
                    cli = subprocess.run([sys.executable, "-m", "dateline", "events", "--db",
                                          str(db)], capture_output=True, text=True, env=env(),
                                         timeout=60)  # fmt: skip
            time.sleep(0.05)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)
    log.seek(0)
    if proc.returncode != 0:  # a reader held the file as the run started: it says so, cleanly
        message = log.read()
        assert "database busy" in message and "Traceback" not in message, message
        outcomes["busy"] += 1  # the writer met the busy file, and said so cleanly
        done = subprocess.run(command(corpus, db), capture_output=True, text=True, env=env(),
                              timeout=120)  # fmt: skip
        assert done.returncode == 0, done.stderr
    log.close()
    assert outcomes["busy"] >= 1, outcomes
    if cli is not None and cli.returncode != 0:
        output = cli.stdout + cli.stderr
        assert "database busy" in output and "Traceback" not in output
    with Store(db, read_only=True) as store:
        assert store.stats()["articles"] == len(ARTICLES)

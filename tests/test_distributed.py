"""The Dask engine: partitions, Parquet output, and the same events as the local engine."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.ingest.slices import FileSlice
from dateline.runs.dask import Partition, partition_inputs, read_partition, write_parquet
from dateline.settings import Settings
from test_batch import Recorder  # a RunProgress that writes down what it was told

# Our own short wire-style articles (not taken from any shared material).
ARTICLES = [
    ("2021-03-01", "Kenyan police arrested twelve protesters in Nairobi on Monday."),
    ("2021-03-02", "The United Nations condemned the shelling of a hospital in Aleppo."),
    ("2021-03-03", "Germany pledged 50 million euros in aid to Jordan on Tuesday."),
    ("2021-03-04", "Rebels attacked an army convoy near Goma, the Congolese army said."),
    ("2021-03-05", "Japan and South Korea agreed to resume talks on trade next month."),
    ("2021-03-06", "The Brazilian government expelled two Venezuelan diplomats on Friday."),
    ("2021-03-07", "Thousands of workers protested in Paris against the pension reform."),
    ("2021-03-08", "Russia accused Ukraine of violating the ceasefire near Donetsk."),
]
PAGES = [
    ("https://example.org/a", "<html><head><title>Talks</title></head><body><article><p>"
     "Egypt hosted talks between Israeli and Palestinian negotiators in Cairo on Sunday, "
     "officials said. The talks ended without an agreement.</p></article></body></html>"),
    ("https://example.org/b", "<html><head><title>Sanctions</title></head><body><article><p>"
     "The European Union imposed sanctions on Belarus over the crackdown on the opposition, "
     "ministers said on Monday.</p></article></body></html>"),
]  # fmt: skip


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    from dateline.ingest import write_warc

    root = tmp_path_factory.mktemp("corpus")
    lines = [json.dumps({"id": f"a{i}", "date": d, "text": t}) for i, (d, t) in enumerate(ARTICLES)]
    (root / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    write_warc(root / "pages.warc.gz", [(u, body, "text/html") for u, body in PAGES])
    return root


def test_partitions_split_record_files_and_warcs(corpus):
    parts = partition_inputs([corpus], items_per_partition=3)
    names = [Path(p.path).name for p in parts]
    assert names == ["pages.warc.gz", "wire.jsonl", "wire.jsonl", "wire.jsonl"]
    assert [p.name for p in parts] == [f"part-{i:05d}" for i in range(4)]
    assert (parts[0].slice.start, parts[0].slice.stop) == (0, 3)  # the WARC: by page
    jsonl = [
        p.slice for p in parts[1:]
    ]  # JSONL: byte ranges of 3 lines each, so a worker reads only its own
    assert [p.first_line for p in jsonl] == [1, 4, 7]
    assert [p.offset for p in jsonl] == [0, jsonl[0].length, jsonl[0].length + jsonl[1].length]
    assert sum(p.length for p in jsonl) == (corpus / "wire.jsonl").stat().st_size
    one = partition_inputs([corpus / "pages.warc.gz"], items_per_partition=1)
    assert [(p.slice.start, p.slice.stop) for p in one] == [(0, 1), (1, 2)]


def test_jsonl_ranges_name_items_by_their_line_in_the_file(tmp_path):
    from dateline.errors import InputError
    from dateline.ingest import iter_articles

    lines = [json.dumps({"text": t}) for _, t in ARTICLES[:4]]
    path = tmp_path / "gappy.jsonl"
    path.write_text("\n".join([lines[0], "", lines[1], "{broken", "", lines[2], lines[3]]) + "\n")
    settings = Settings.load()
    whole = [(type(x).__name__, x.item if isinstance(x, InputError) else x.origin)
             for x in iter_articles([path], settings)]  # fmt: skip
    for size in (1, 2, 3, 10):
        parts = partition_inputs([path], items_per_partition=size)
        split = [(type(x).__name__, x.item if isinstance(x, InputError) else x.origin)
                 for p in parts for x in read_partition(p, settings)]  # fmt: skip
        assert split == whole, size
    assert ("InputError", f"{path}:4") in whole


def test_partition_reads_the_same_articles_as_iter_articles(corpus):
    from dateline.ingest import iter_articles

    settings = Settings.load()
    whole = [a.id for a in iter_articles([corpus], settings)]
    parts = partition_inputs([corpus], items_per_partition=3)
    split = [a.id for p in parts for a in read_partition(p, settings)]
    assert split == whole and len(whole) == len(ARTICLES) + len(PAGES)


def test_partition_of_a_missing_path_is_an_input_error(tmp_path):
    from dateline.errors import InputError

    with pytest.raises(InputError, match="no such file"):
        partition_inputs([tmp_path / "nope.jsonl"])
    bad = Partition(0, FileSlice(str(tmp_path / "gone.csv"), "csv", 0, 5))
    (item,) = list(read_partition(bad, Settings.load()))
    assert isinstance(item, InputError) and "cannot read" in str(item)


def test_parquet_has_the_store_columns(tmp_path, pipeline):
    import duckdb

    from dateline.store import schema

    result = pipeline.code_text(ARTICLES[0][1], date=ARTICLES[0][0])
    paths = write_parquet([result], tmp_path, "part-00000", run_id="r1")
    con = duckdb.connect()
    events = con.execute(f"SELECT * FROM '{paths['events']}'").fetchdf()
    assert tuple(events.columns) == schema.EVENT_COLUMNS
    assert len(events) == len(result.events) > 0
    articles = con.execute(f"SELECT id, run_id FROM '{paths['articles']}'").fetchall()
    assert articles == [(result.article.id, "r1")]


def _events(store) -> list[tuple]:
    rows = store.sql(
        "SELECT article_id, event_index, event, source_name, target_name, trigger_start, "
        "sentence FROM events ORDER BY article_id, event_index"
    )
    return [tuple(r) for r in rows.itertuples(index=False)]


@pytest.mark.slow
def test_dask_engine_stores_the_same_events_as_the_local_engine(corpus, tmp_path):
    from distributed import LocalCluster

    from dateline.runs.dask import run_dask
    from dateline.runs.local import run_corpus
    from dateline.store import Store

    settings = Settings.load()
    with Store() as local:
        expected = run_corpus([corpus], local, settings)
        local_events = _events(local)
    assert expected.coded == len(ARTICLES) + len(PAGES) and local_events

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                           dashboard_address=":0")  # fmt: skip
    try:
        with Store(tmp_path / "dask.duckdb") as store:
            recorder = Recorder()
            summary = run_dask([corpus], store, settings, scheduler=cluster,
                               parquet_dir=tmp_path / "lake", items_per_partition=3,
                               progress=recorder)  # fmt: skip
            assert _events(store) == local_events
            assert recorder.calls[0] == ("start", 10) and recorder.calls[-1] == ("finish", 10, 0)
            assert sum(c[1] for c in recorder.calls if c[0] == "advance") == 10
            assert (summary.read, summary.coded, summary.errors) == (expected.read, 10, 0)
            assert summary.events == expected.events
            assert store.runs()["status"].tolist() == ["finished"]
        lake = run_dask([corpus / "wire.jsonl"], None, settings, scheduler=cluster,
                        parquet_dir=tmp_path / "lake2", items_per_partition=4)  # fmt: skip
    finally:
        cluster.close()
    import duckdb

    files = sorted(p.name for p in (tmp_path / "lake" / "events").iterdir())
    assert files == [f"part-{i:05d}.parquet" for i in range(4)]
    n = duckdb.connect().execute(f"SELECT count(*) FROM '{tmp_path}/lake/events/*.parquet'")
    assert n.fetchone()[0] == len(local_events)
    assert lake.coded == len(ARTICLES) and lake.events > 0
    assert len(list((tmp_path / "lake2" / "articles").glob("*.parquet"))) == 2


def test_cli_rejects_dask_options_that_do_not_fit(corpus):
    from typer.testing import CliRunner

    from dateline.cli import app

    runner = CliRunner()
    only = runner.invoke(app, ["run", str(corpus), "--engine", "dask", "--parquet-only"])
    assert only.exit_code == 2 and "--parquet DIR" in only.output
    nodb = runner.invoke(app, ["run", str(corpus)])
    assert nodb.exit_code == 2 and "--db" in nodb.output
    bad = runner.invoke(app, ["run", str(corpus), "--db", "x.duckdb", "--engine", "spark"])
    assert bad.exit_code == 2 and "unknown --engine" in bad.output


@pytest.mark.slow
def test_cli_dask_parquet_only(corpus, tmp_path):
    import duckdb
    from typer.testing import CliRunner

    from dateline.cli import app

    out = tmp_path / "lake"
    args = ["run", str(corpus / "wire.jsonl"), "--engine", "dask", "--workers", "1",
            "--parquet", str(out), "--parquet-only"]  # fmt: skip
    done = CliRunner().invoke(app, args)
    assert done.exit_code == 0, done.output
    assert "coded" in done.output and "8" in done.output
    n = duckdb.connect().execute(f"SELECT count(DISTINCT article_id) FROM '{out}/events/*.parquet'")
    assert n.fetchone()[0] >= 6


def test_small_inputs_get_smaller_partitions(corpus):
    from dateline.runs.dask import auto_partitions

    parts = partition_inputs([corpus])  # 64 items a partition: one per file
    assert [p.items for p in parts] == [2, 8]
    small = auto_partitions(parts, slots=2)  # 10 items, 16 slots' worth -> 1 item each
    assert [(Path(p.path).name, p.items) for p in small] == [("pages.warc.gz", 1)] * 2 + [
        ("wire.jsonl", 1)
    ] * 8
    assert auto_partitions(small, slots=1) == small  # already eight per worker
    assert [p.items for p in auto_partitions(parts, slots=1)] == [2] * 5


def test_each_partition_tells_progress_its_items_and_its_errors_by_name():
    from dateline.runs.dask import PartitionResult, _collect
    from dateline.runs.local import RunSummary

    part = PartitionResult("part-00000", read=3, coded=2, events=4, errors=[
        ("not valid JSON", "wire.jsonl:2", "input", None),
        ("coding failed: ValueError", "wire.jsonl:3", "coding", "a3"),
    ])  # fmt: skip
    summary, recorder = RunSummary("r"), Recorder()
    _collect(part, None, summary, recorder)
    assert [c[:2] for c in recorder.calls] == [
        ("error", "wire.jsonl:2"), ("error", "wire.jsonl:3"), ("advance", 4)
    ]  # fmt: skip
    assert (summary.read, summary.coded, summary.errors) == (3, 2, 2)

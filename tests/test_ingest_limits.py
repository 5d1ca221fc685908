"""Hostile inputs from issue 17, each reproduced: deep JSON, one bad byte in a UTF-8 corpus,
cut-off and damaged WARCs, gzip bombs, /dev/zero and endless pipes, NUL bytes past the first
8 KB, text of invisible characters only. Each must be an InputError naming the item while the
rest of the batch goes on; none may take more than a few seconds or much memory."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import time

import pytest

from dateline.errors import InputError
from dateline.ingest import iter_articles, write_warc
from dateline.ingest.jsonparse import MAX_JSON_DEPTH
from dateline.model import Article
from dateline.settings import Settings

SETTINGS = Settings(skip_non_english=False)
STORY = (
    "The foreign minister of Arlen said on Monday that talks with Besmar would resume next "
    "week, after a meeting in the capital that officials called \u201cfrank and useful\u201d. "
    "The minister\u2019s deputy will lead the delegation."
)


def run(*inputs, settings=SETTINGS):
    return list(iter_articles([str(i) for i in inputs], settings))


def split(outcomes):
    return (
        [o for o in outcomes if isinstance(o, Article)],
        [o for o in outcomes if isinstance(o, InputError)],
    )


def story(n: int) -> str:
    return f"Report {n}. " + STORY


# --- deep JSON ------------------------------------------------------------------------------


def test_deeply_nested_jsonl_line_is_one_error_and_the_batch_goes_on(tmp_path):
    deep = '{"text": ' + "[" * 1000 + "]" * 1000 + "}"
    lines = [json.dumps({"text": story(1)}), deep, json.dumps({"text": story(3)})]
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    good, bad = split(run(path))
    assert [a.text[:8] for a in good] == ["Report 1", "Report 3"]
    [error] = bad
    assert error.item == f"{path}:2" and "nested 1001 levels deep" in str(error)


@pytest.mark.parametrize("name", ["deep.json", "deep.data"])  # by extension and sniffed
def test_deeply_nested_json_file_is_an_error(tmp_path, name):
    path = tmp_path / name
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    [error] = run(path)
    assert isinstance(error, InputError) and error.item == str(path)
    assert f"more than {MAX_JSON_DEPTH}" in str(error)


def test_brackets_inside_strings_do_not_count_as_nesting(tmp_path):
    text = story(1) + " [" * 500 + " {" * 500 + ' \\" ]'
    path = tmp_path / "brackets.jsonl"
    path.write_text(json.dumps({"text": text}) + "\n", encoding="utf-8")
    [article] = run(path)
    assert isinstance(article, Article), article


# --- one bad byte -----------------------------------------------------------------------------


def test_one_invalid_byte_in_a_jsonl_file_costs_one_line_not_the_file(tmp_path):
    lines = [json.dumps({"id": f"r{i}", "text": story(i)}, ensure_ascii=False) for i in range(6)]
    data = "\n".join(lines).encode("utf-8") + b"\n"
    bad_at = data.index(b"Report 3.") + 2  # inside line 4
    data = data[:bad_at] + b"\xff" + data[bad_at:]
    path = tmp_path / "wire.jsonl"
    path.write_bytes(data)
    good, bad = split(run(path))
    assert [a.text[:8] for a in good] == [
        "Report 0",
        "Report 1",
        "Report 2",
        "Report 4",
        "Report 5",
    ]
    assert all("minister\u2019s" in a.text and "\u201cfrank" in a.text for a in good)  # no mojibake
    [error] = bad
    assert error.item == f"{path}:4"
    assert f"line 4 is not valid UTF-8 (byte 0xff at byte offset {bad_at:,}" in str(error)


def test_one_invalid_byte_in_a_csv_row_with_multiline_cells(tmp_path):
    rows = ["id,text"]
    for i in range(4):
        rows.append(f'r{i},"{story(i)}\n\nSecond paragraph of {i}, \u201cquoted\u201d."')
    data = "\n".join(rows).encode("utf-8") + b"\n"
    bad_at = data.index(b"Second paragraph of 2") + 3  # inside the cell of row r2
    data = data[:bad_at] + b"\x92" + data[bad_at:]
    path = tmp_path / "wire.csv"
    path.write_bytes(data)
    good, bad = split(run(path))
    assert [a.text[:8] for a in good] == ["Report 0", "Report 1", "Report 3"]
    assert all("\u201cquoted\u201d" in a.text for a in good)
    [error] = bad
    assert error.item == f"{path}:8" and "line 10 is not valid UTF-8 (byte 0x92" in str(error)


def test_one_invalid_byte_in_a_text_file_is_replaced_not_guessed(tmp_path):
    data = (STORY * 3).encode("utf-8")
    path = tmp_path / "story.txt"
    path.write_bytes(data[:50] + b"\xe9" + data[50:])
    [article] = run(path)
    assert isinstance(article, Article)
    assert "\ufffd" in article.text and "minister\u2019s" in article.text


def test_a_legacy_encoding_is_still_detected_for_the_whole_file(tmp_path):
    path = tmp_path / "cp1252.jsonl"
    lines = [json.dumps({"text": f"Caf\u00e9 {i}. " + STORY}, ensure_ascii=False) for i in range(3)]
    path.write_bytes("\n".join(lines).encode("cp1252"))
    good, bad = split(run(path))
    assert len(good) == 3 and not bad
    assert all(a.text.startswith("Caf\u00e9") for a in good)


# --- WARC -------------------------------------------------------------------------------------


def warc_pages(n=3):
    body = "<html><head><title>T{0}</title></head><body><article><p>{1}</p></article></body></html>"
    return [(f"https://news.example.org/{i}", body.format(i, story(i) * 3), "text/html")
            for i in range(n)]  # fmt: skip


def test_a_warc_cut_inside_a_record_is_an_error_naming_the_record(tmp_path):
    data = write_warc(tmp_path / "crawl.warc", warc_pages()).read_bytes()
    third = data.index(b"WARC/1.0", data.index(b"https://news.example.org/2") - 600)
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: third + (len(data) - third) // 2])
    good, bad = split(run(cut))
    assert [a.url for a in good] == ["https://news.example.org/0", "https://news.example.org/1"]
    [error] = bad
    assert error.item == f"{cut} record 3 (https://news.example.org/2)"
    assert "record cut off" in str(error) and "Content-Length" in str(error)


def test_a_gzipped_warc_cut_anywhere_inside_a_record_is_an_error(tmp_path):
    data = write_warc(tmp_path / "crawl.warc.gz", warc_pages()).read_bytes()
    last_member = data.rindex(b"\x1f\x8b\x08")  # one gzip member per record
    cut = tmp_path / "cut.warc.gz"
    for end in range(last_member + 10, len(data) - 1, 40):
        cut.write_bytes(data[:end])
        good, bad = split(run(cut))
        assert len(good) == 2 and len(bad) == 1, (end, bad)
        assert str(cut) in bad[0].item and "cut" in str(bad[0]), (end, bad)


def test_a_warc_record_with_a_wrong_digest_is_an_error(tmp_path):
    data = bytearray(write_warc(tmp_path / "crawl.warc", warc_pages()).read_bytes())
    at = data.index(b"Report 1.")
    data[at : at + 6] = b"Rep0rt"
    path = tmp_path / "damaged.warc"
    path.write_bytes(bytes(data))
    good, bad = split(run(path))
    assert len(good) == 2
    [error] = bad
    assert "record 2" in error.item and "digest failed" in str(error)


def test_html_in_a_warc_gets_the_raw_html_size_check(tmp_path):
    big = "<html><body><p>" + "word " * 30_000 + "</p></body></html>"
    path = write_warc(tmp_path / "big.warc", [("https://x.example/big", big, "text/html")])
    started = time.monotonic()
    [error] = run(path, settings=Settings(max_chars=10_000))
    assert isinstance(error, InputError) and "10 x max_chars" in str(error)
    assert "record 1" in error.item and time.monotonic() - started < 5


# --- bounded reading ---------------------------------------------------------------------------


def test_a_gzip_bomb_stops_at_max_input_bytes(tmp_path):
    path = tmp_path / "zeros.txt.gz"
    with gzip.open(path, "wb", compresslevel=9) as fh:
        for _ in range(30):
            fh.write(b"\0" * 1_000_000)
    started = time.monotonic()
    [error] = run(path, settings=Settings(max_input_bytes=5_000_000))
    assert isinstance(error, InputError) and error.item == str(path)
    assert "larger than max_input_bytes=5,000,000" in str(error)
    assert time.monotonic() - started < 5


def test_max_input_bytes_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("DATELINE_MAX_INPUT_BYTES", "1234")
    assert Settings.load().max_input_bytes == 1234


@pytest.fixture
def proc():
    if not os.path.exists("/proc/self/status"):
        pytest.skip("needs /proc")


def child_run(code: str, env: dict[str, str], stdin=None, timeout: float = 30):
    """Run ``code`` in a fresh interpreter; returns its stdout and peak RSS (MB)."""
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec from a forked (big) pytest
    script = code + (
        "\nfor line in open('/proc/self/status'):\n"
        "    if line.startswith('VmHWM'): print('PEAK', int(line.split()[1]) // 1024)"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env={**os.environ, **env}, stdin=stdin, timeout=timeout)  # fmt: skip
    assert done.returncode == 0, done.stderr
    peak = int(done.stdout.rsplit("PEAK", 1)[1])
    return done.stdout, peak


READ_ALL = (
    "import sys\nfrom dateline.ingest import iter_articles\n"
    "for o in iter_articles(sys.argv[1:] or ['-']): print(type(o).__name__, o)\n"
)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
@pytest.mark.parametrize("source", ["file", "stdin"])
def test_dev_zero_is_an_error_within_bounded_memory(source, proc):
    code = READ_ALL.replace(
        "sys.argv[1:] or ['-']", "['/dev/zero']" if source == "file" else "['-']"
    )
    with open("/dev/zero", "rb") as zero:
        out, peak = child_run(code, {"DATELINE_MAX_INPUT_BYTES": "50000000"},
                              stdin=zero if source == "stdin" else None)  # fmt: skip
    assert "InputError" in out and "larger than max_input_bytes=50,000,000" in out
    assert peak < 600, f"peak RSS {peak} MB"


def test_a_4_gb_gzip_bomb_stays_under_the_default_cap_and_memory_bound(tmp_path, proc):
    path = tmp_path / "bomb.txt.gz"
    block = gzip.compress(b"\0" * 50_000_000, compresslevel=9)  # 50 MB of zeros in ~50 kB
    path.write_bytes(block * 90)  # 90 gzip members: 4.5 GB decompressed
    code = READ_ALL.replace("sys.argv[1:] or ['-']", repr([str(path)]))
    out, peak = child_run(code, {})
    assert "larger than max_input_bytes=100,000,000" in out
    assert peak < 700, f"peak RSS {peak} MB"


def test_an_endless_pipe_is_stopped_by_timeout_s(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)  # nobody ever writes: reading would wait forever
    started = time.monotonic()
    [error] = run(fifo, settings=Settings(timeout_s=1.0))
    assert isinstance(error, InputError) and "reading took longer than timeout_s=1" in str(error)
    assert time.monotonic() - started < 5


# --- NUL bytes and invisible text ------------------------------------------------------------


def test_a_nul_byte_after_the_first_8_kb_is_an_error(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(((STORY + "\n") * 60).encode() + b"\x00" + STORY.encode())
    [error] = run(path)
    assert isinstance(error, InputError) and "NUL byte" in str(error)


def test_a_nul_in_one_record_costs_that_record(tmp_path):
    path = tmp_path / "wire.jsonl"
    lines = [json.dumps({"text": story(1)}), json.dumps({"text": story(2) + "\u0000"})]
    path.write_text("\n".join(lines), encoding="utf-8")
    good, bad = split(run(path))
    assert len(good) == 1 and bad[0].item == f"{path}:2" and "NUL byte" in str(bad[0])


@pytest.mark.parametrize(
    "text",
    ["\u3164" * 300, "\u2800 " * 300, "\u202e\u202d\u2066\u2069" * 50, "\u200b\u00a0\u115f\n" * 80],
)
def test_text_of_invisible_characters_only_is_an_error(tmp_path, text):
    path = tmp_path / "blank.txt"
    path.write_text(text, encoding="utf-8")
    [error] = run(path)
    assert isinstance(error, InputError), error
    assert "no visible text" in str(error) or "empty document" in str(error)


def test_the_dask_partitions_read_a_damaged_file_like_iter_articles(tmp_path):
    from dateline.runs.dask import partition_inputs, read_partition

    lines = [json.dumps({"text": story(i)}, ensure_ascii=False) for i in range(7)]
    data = "\n".join(lines).encode("utf-8")
    bad_at = data.index(b"Report 5.") + 1
    path = tmp_path / "wire.jsonl"
    path.write_bytes(data[:bad_at] + b"\xc3\x28" + data[bad_at:])
    local = [(type(o).__name__, getattr(o, "item", None) or o.origin) for o in run(path)]
    parts = partition_inputs([path], items_per_partition=3)
    dask = [(type(o).__name__, getattr(o, "item", None) or o.origin)
            for part in parts for o in read_partition(part, SETTINGS)]  # fmt: skip
    assert dask == local
    assert ("InputError", f"{path}:6") in local


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_dateline_run_on_dev_zero_records_an_input_error(tmp_path):
    from typer.testing import CliRunner

    from dateline.cli import app
    from dateline.store import Store

    db = tmp_path / "s.duckdb"
    args = ["run", "/dev/zero", "--db", str(db), "--max-input-bytes", "1000000", "--no-progress"]
    res = CliRunner().invoke(app, args)
    assert res.exit_code == 2, res.output
    assert "larger than max_input_bytes=1,000,000" in res.output and "Traceback" not in res.output
    with Store(db, read_only=True) as store:
        rows = store.sql("SELECT item, kind FROM errors").to_dict("records")
    assert rows == [{"item": "/dev/zero", "kind": "input"}]


# --- symlinks and repeated errors ---------------------------------------------------------------


def test_symlink_loops_and_broken_links_are_reported_not_skipped_silently(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "sub" / "a.txt").write_text(STORY, encoding="utf-8")
    (corpus / "sub" / "up").symlink_to("..")  # a folder loop
    (corpus / "self").symlink_to("self")  # a file link to itself
    (corpus / "gone").symlink_to("nothere")
    good, bad = split(run(corpus))
    assert [a.origin for a in good] == [str(corpus / "sub" / "a.txt")]
    messages = {e.item: str(e) for e in bad}
    assert set(messages) == {str(corpus / n) for n in ("sub/up", "self", "gone")}
    assert "symlink loop" in messages[str(corpus / "sub/up")]
    assert "symlink loop" in messages[str(corpus / "self")]
    assert "broken symlink" in messages[str(corpus / "gone")]
    [direct] = run(corpus / "self")
    assert "symlink loop" in str(direct)


def test_an_input_error_is_recorded_once_across_resumes(tmp_path):
    from typer.testing import CliRunner

    from dateline.cli import app
    from dateline.store import Store

    bad = tmp_path / "blank.txt"
    bad.write_text("\u3164" * 50, encoding="utf-8")
    db = tmp_path / "s.duckdb"
    for _ in range(3):
        res = CliRunner().invoke(app, ["run", str(bad), "--db", str(db), "--no-progress"])
        assert res.exit_code == 2, res.output
    with Store(db, read_only=True) as store:
        errors = store.sql("SELECT item, run_id FROM errors")
        runs = store.sql("SELECT id FROM runs ORDER BY started")
    assert errors["item"].tolist() == [str(bad)]  # one row, not three
    assert errors["run_id"].tolist() == [runs["id"].tolist()[-1]]  # the latest run's

"""The command line, driven through a real subprocess as a user would."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from dateline.model import validate

pytestmark = pytest.mark.slow


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dateline", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_version_and_help_teach_by_example():
    out = run("--version")
    assert out.returncode == 0 and out.stdout.startswith("dateline ")
    helped = run("code", "--help")
    assert helped.returncode == 0
    assert "dateline code article.txt" in helped.stdout and "--format" in helped.stdout


def test_sample_article_prints_tables():
    out = run("code", "--sample")
    assert out.returncode == 0, out.stderr
    assert "Events (" in out.stdout and "Actors (" in out.stdout and "Quotes (" in out.stdout
    assert "Justin Trudeau" in out.stdout and "CONSULT" in out.stdout


def test_json_output_follows_the_contract(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Border deal</title></head><body><article><h1>Border deal</h1>"
        "<p>Chile and Peru agreed on Monday to reopen their border crossings, officials said.</p>"
        "<p>Bolivia criticized the decision.</p></article></body></html>",
        encoding="utf-8",
    )
    out = run("code", str(page), "--format", "json", "--date", "2021-05-04")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    validate(data)
    assert {e["event"] for e in data["events"]} >= {"AGREE"}
    assert data["article"]["published"] == "2021-05-04"


def test_stdin_with_date():
    out = run(
        "code",
        "-",
        "--date",
        "2017-01-28",
        "--format",
        "json",
        stdin="Chile accused Peru of spying on Friday.",
    )
    assert out.returncode == 0, out.stderr
    (event,) = json.loads(out.stdout)["events"]
    assert (event["event"], event["source"]["country"], event["target"]["country"], event["date"]) == (
        "ACCUSE", "CHL", "PER", "2017-01-27",
    )  # fmt: skip


def test_jsonl_in_jsonl_out_and_bad_lines_named(tmp_path):
    corpus = tmp_path / "sentences.jsonl"
    corpus.write_text(
        '{"id": "a", "text": "Kenya praised Uganda.", "date": "2020-01-01"}\n'
        "this is not json\n"
        '{"id": "b", "text": "Japan expelled two Chinese diplomats.", "date": null}\n',
        encoding="utf-8",
    )
    out = run("code", str(corpus), "--format", "jsonl")
    assert out.returncode == 1  # one item was skipped
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(lines) == 3  # output line N answers input line N
    for line in (lines[0], lines[2]):
        validate(line)
    assert [lines[0]["article"]["record_id"], lines[2]["article"]["record_id"]] == ["a", "b"]
    assert lines[1]["id"] is None and lines[1]["error"]["item"].endswith("sentences.jsonl:2")
    assert "sentences.jsonl:2" in out.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty document"), (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00" * 40, "binary")],
)
def test_bad_single_input_gives_one_line_and_non_zero_exit(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    out = run("code", str(path))
    assert out.returncode == 1
    assert message in out.stderr
    assert "Traceback" not in out.stderr


def test_missing_file_and_bad_date():
    out = run("code", "no/such/file.txt")
    assert out.returncode == 1 and "no such file" in out.stderr and "Traceback" not in out.stderr
    out = run("code", "-", "--date", "yesterday", stdin="Chile praised Peru.")
    assert out.returncode == 1 and "YYYY-MM-DD" in out.stderr


def test_actors_command_explains_each_mention(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(
        "German Chancellor Angela Merkel met French President Francois Hollande. Merkel said they agreed."
    )
    out = run("actors", str(article), "--date", "2016-05-01", "--json")
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    merkel = [r for r in rows if r["name"] == "Angela Merkel"]
    assert {r["rule"] for r in merkel} >= {"surname"}
    assert all(r["country"] == "DEU" for r in merkel)


def test_seed_article_prints_the_trump_putin_call(seed_path):
    out = run("code", str(seed_path), "--format", "json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["article"]["title"] == "Trump, Putin Agree to Cooperate on Fighting Terrorism"
    assert data["article"]["authors"] == ["Mary Alice Salinas"]
    assert "Join the mailing list" not in data["article"]["text"]
    consult = [
        e for e in data["events"]
        if e["event"] == "CONSULT" and e["source"] and e["source"]["name"] == "Donald Trump"
        and e["target"] and e["target"]["name"] == "Vladimir Putin"
    ]  # fmt: skip
    assert (
        consult
        and consult[0]["source"]["country"] == "USA"
        and consult[0]["source"]["sector"] == "GOV"
    )
    assert consult[0]["target"]["country"] == "RUS" and consult[0]["target"]["sector"] == "GOV"
    assert consult[0]["date"] == "2017-01-28"


def test_eval_gold_file_codes_every_record_without_error(eval_path):
    out = run("code", str(eval_path), "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    assert len(out.stdout.splitlines()) == sum(1 for line in eval_path.open() if line.strip())


def test_user_dictionaries_change_who_is_who(tmp_path, data_dir):
    article = tmp_path / "a.txt"
    article.write_text(
        "Zara Testova criticised Moldova on Monday. Later, Bob Example met reporters."
    )
    out = run(
        "actors", str(article), "--date", "2030-06-01", "--json",
        "--actors", str(data_dir / "actors" / "user_people.yaml"),
        "--actors", str(data_dir / "actors" / "petrarch_sample.txt"),
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    rows = {json.loads(line)["name"]: json.loads(line) for line in out.stdout.splitlines()}
    assert (rows["Zara Testova"]["country"], rows["Zara Testova"]["sector"]) == ("UKR", "GOV")

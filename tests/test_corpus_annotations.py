"""Hand-coded corpus annotations: keys and offsets joined with the corpus, checked, scored."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
import spacy

from dateline.evaluation.articles import load_articles, score_articles
from dateline.evaluation.corpus import (
    HELD_BACK,
    as_predictions,
    check_annotation,
    compact,
    double_coded,
    expand,
    read_annotations,
    read_corpus,
    read_rows,
    sentence_spans,
    write_jsonl,
)
from dateline.events.ontology import Ontology

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TEXT = (
    "Rebels shelled the town of Kelvar on Monday. The governor condemned the attack. "
    "Nobody else spoke."
)
ONTO = Ontology.load()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.csv"
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["", "date", "text", "source"])
        writer.writerow(["900", "2019-01-02", TEXT, "Guardian"])
        writer.writerow(["11", "2019-01-03", TEXT, "Guardian"])
    return path


def annotation(annotator: str, event: str = "ACCUSE") -> dict:
    return {
        "key": "900",
        "annotator": annotator,
        "spans": [[0, 44], [45, 79], [80, 98]],
        "events": [
            {
                "sent": 0,
                "event": "ASSAULT",
                "source": {"text": "Rebels", "country": None, "sector": "REB"},
                "target": None,
                "modality": "asserted",
                "trigger": "shelled",
                "location": {"place": "Kelvar", "country": "XKX", "precision": "city"},
            },
            {
                "sent": 1,
                "event": event,
                "source": {"text": "The governor", "country": "XKX", "sector": "GOV"},
                "target": None,
                "modality": "asserted",
                "trigger": "condemned",
            },
        ],
    }


def test_spans_are_the_sentences_without_their_spaces():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    spans = sentence_spans("  One thing happened.  Then another.\n", nlp)
    assert [("  One thing happened.  Then another.\n")[a:b] for a, b in spans] == [
        "One thing happened.",
        "Then another.",
    ]


def test_a_valid_annotation_has_no_problems(corpus: Path):
    assert check_annotation(annotation("a"), read_corpus(corpus), ONTO) == []


def test_check_names_each_problem(corpus: Path):
    rows = read_corpus(corpus)
    held = dict(annotation("a"), key="11")
    assert "held back" in check_annotation(held, rows, ONTO)[0]
    assert "coded in ../shared already" in check_annotation(annotation("a"), rows, ONTO, {"900"})[0]
    bad = annotation("a", event="SHOUT")
    bad["spans"][1] = [45, 9999]
    bad["events"][0]["trigger"] = "bombed"
    bad["events"][0]["source"]["country"] = "Syria"
    bad["events"][0]["mode"] = "picnic"
    problems = " | ".join(check_annotation(bad, rows, ONTO))
    assert "span 1" in problems
    assert "not one of the 16 PLOVER types" in problems
    assert "'bombed' is not words of its sentence" in problems
    assert "'Syria' is not ISO alpha-3" in problems
    assert "'picnic' is not a mode of ASSAULT" in problems


def test_records_join_offsets_with_the_corpus_and_load_as_gold(corpus: Path, tmp_path: Path):
    folder = tmp_path / "ann"
    folder.mkdir()
    (folder / "a.jsonl").write_text(json.dumps(annotation("a")) + "\n")
    (folder / "b.jsonl").write_text(json.dumps(annotation("b", "REJECT")) + "\n")
    records = read_annotations(folder, corpus)
    assert len(records) == 1 and records[0]["annotator"] == "a"
    assert records[0]["sents"][1] == "The governor condemned the attack."
    gold_path = tmp_path / "gold.jsonl"
    write_jsonl(records, gold_path)
    gold = load_articles(gold_path)
    assert [e.event for e in gold[0].events] == ["ASSAULT", "ACCUSE"]


def test_agreement_scores_one_coder_against_the_other(corpus: Path, tmp_path: Path):
    folder = tmp_path / "ann"
    folder.mkdir()
    (folder / "a.jsonl").write_text(json.dumps(annotation("a")) + "\n")
    (folder / "b.jsonl").write_text(json.dumps(annotation("b", "REJECT")) + "\n")
    later = {**annotation("c"), "spans": [[80, 98]], "events": []}  # another block of 900
    (folder / "0c.jsonl").write_text(json.dumps(later) + "\n")
    ((first, second),) = double_coded(folder, corpus)  # blocks pair only with their own copy
    gold_path = tmp_path / "first.jsonl"
    write_jsonl([first], gold_path)
    same = score_articles(load_articles(gold_path), {first["id"]: as_predictions(first)})
    assert same.types.f1 == 1.0
    assert same.locations["right_place"] == same.locations["places"] == 1
    differ = score_articles(load_articles(gold_path), {first["id"]: as_predictions(second)})
    assert differ.types.precision == 0.5 and differ.types.recall == 0.5


def test_held_back_rows_are_the_eval_readme_s():
    readme = SHARED / "eval" / "README.md"
    if not readme.is_file():
        pytest.skip("../shared is absent")
    text = readme.read_text("utf-8")
    assert all(f" {key}," in text or f" {key}:" in text or f" {key}." in text for key in HELD_BACK)


@pytest.mark.parametrize("kind", [[], ["--stories"], ["--more"]])
def test_the_repository_s_annotations_are_valid(kind: list[str]):
    if not (SHARED / "corpus" / "guardian_sample_249.csv").is_file():
        pytest.skip("../shared/corpus is absent")
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "corpus_annotations.py"), *kind, "check"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_stories_are_coded_like_articles_and_validation_stories_are_refused(tmp_path: Path):
    stories = tmp_path / "stories.jsonl"
    story = {"id": "syn-7", "title": "Rebels Shell Kelvar", "text": TEXT, "events": []}
    stories.write_text(json.dumps(story) + "\n")
    rows = read_rows(stories)
    item = dict(annotation("a"), key="syn-7")
    assert check_annotation(item, rows, ONTO) == []
    assert "set aside for validation" in check_annotation(item, rows, ONTO, {"syn-7"})[0]
    folder = tmp_path / "ann"
    folder.mkdir()
    (folder / "a.jsonl").write_text(json.dumps(item) + "\n")
    (record,) = read_annotations(folder, stories)
    assert record["id"] == "syn-7" and record["title"] == "Rebels Shell Kelvar"


def test_compact_keeps_offsets_not_words_and_expands_back(corpus: Path):
    row = read_corpus(corpus)["900"]
    item = annotation("a")
    item["events"][1]["target"] = {"text": "the town (implied)", "country": "XKX", "sector": None}
    item["hard"] = ["[1] 'condemned the attack' read as criticism"]
    small = compact(item, row)
    assert small["events"][0]["trigger_at"] == [7, 14] and "trigger" not in small["events"][0]
    assert small["events"][0]["source"] == {"text_at": [0, 6], "country": None, "sector": "REB"}
    assert small["events"][1]["target"]["text"] == "the town (implied)"  # the coder's own words
    assert "condemned the attack" not in json.dumps(small)
    assert expand(small, row) == {
        **item,
        "events": [dict(e, trigger=e["trigger"]) for e in item["events"]],
    }
    assert check_annotation(small, read_corpus(corpus), ONTO) == []

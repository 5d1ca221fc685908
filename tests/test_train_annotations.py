"""Training reads the hand-coded corpus rows (keys and offsets) beside the shared training data."""

from __future__ import annotations

import csv
import json

from dateline.evaluation.corpus import MORE_FOLDER
from dateline.train import ANNOTATION_WEIGHT, extend_texts, read_corpus_annotations

TEXT = (
    "Rebel fighters shelled the northern town on Tuesday. "
    "The governor asked the army for help. Nothing else happened."
)


def _corpus(path, rows: dict[str, str]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["key", "date", "text", "source"])
        for key, text in rows.items():
            writer.writerow([key, "2020-05-01", text, "test"])


def _line(key: str, annotator: str, trigger: str = "shelled") -> str:
    first = TEXT.index("The governor")
    return json.dumps(
        {
            "key": key,
            "annotator": annotator,
            "spans": [[0, first - 1], [first, TEXT.index(" Nothing")]],
            "events": [_event(0, "ASSAULT", trigger), _event(1, "REQUEST", "asked")],
        }
    )


def _event(sent: int, event: str, trigger: str) -> dict:
    return {"sent": sent, "event": event, "mode": None, "source": None, "target": None,
            "modality": "asserted", "background": False, "trigger": trigger}  # fmt: skip


def test_annotations_join_the_corpus_as_real_news_one_group_per_article(tmp_path):
    folder = tmp_path / "ann"
    folder.mkdir()
    _corpus(tmp_path / "corpus.csv", {"900": TEXT, "901": TEXT, "902": TEXT, "11": TEXT})
    (folder / "a.jsonl").write_text(
        "\n".join([_line("900", "a"), _line("901", "a", trigger="bombed"), _line("11", "a")]),
        "utf-8",
    )
    (folder / "b.jsonl").write_text("\n".join([_line("900", "b"), _line("902", "b")]), "utf-8")
    notes: list[str] = []
    texts = read_corpus_annotations(
        folder, tmp_path / "corpus.csv", known={"guardian-902"}, log=notes.append
    )
    # 901: its trigger is not words of the sentence; 11: held back; 902: the training folder
    # codes it already; 900 is double-coded and counts once, in the first file's coding
    assert [t.id for t in texts] == ["guardian-900"]
    (text,) = texts
    assert text.group == text.id and text.weight == ANNOTATION_WEIGHT
    assert text.meta["annotator"] == "a"
    assert text.sents == [
        "Rebel fighters shelled the northern town on Tuesday.",
        "The governor asked the army for help.",
    ]
    assert [e["event"] for e in text.events] == ["ASSAULT", "REQUEST"]
    assert any("901" in n and "trigger" in n for n in notes)
    assert any("row 11" in n and "held back" in n for n in notes)


def test_missing_corpus_or_annotations_train_without_them_and_say_so(tmp_path):
    folder = tmp_path / "ann"
    folder.mkdir()
    (folder / "a.jsonl").write_text(_line("900", "a"), "utf-8")
    notes: list[str] = []
    assert read_corpus_annotations(folder, tmp_path / "nope.csv", log=notes.append) == []
    assert read_corpus_annotations(tmp_path / "none", tmp_path / "x.csv", log=notes.append) == []
    assert read_corpus_annotations(None, None, log=notes.append) == []  # --no-annotations
    assert len(notes) == 2
    assert "nope.csv" in notes[0] and "none" in notes[1]


def test_sentences_after_the_first_part_extend_their_article_in_one_text(tmp_path):
    long_text = TEXT + " Later the army arrested two rebels. The rebels denied everything."
    _corpus(tmp_path / "corpus.csv", {"900": long_text, "903": long_text})
    (tmp_path / "ann").mkdir()
    (tmp_path / "ann" / "a.jsonl").write_text(_line("900", "a"), "utf-8")
    more = tmp_path / MORE_FOLDER
    more.mkdir()
    later = long_text.index("Later")
    good = {
        "key": "900",
        "annotator": "c",
        "spans": [[later, long_text.index(" The rebels")]],
        "events": [_event(0, "COERCE", "arrested")],
    }
    overlap = {**good, "spans": [[TEXT.index("help"), later + 35]]}  # inside the first part
    stranger = {**good, "key": "903"}  # its first part is coded nowhere
    denied = long_text.index("The rebels")
    after = {  # the block after `good` (sentences 31-45 in a real article): chained behind it
        "key": "900",
        "annotator": "c",
        "spans": [[denied, len(long_text)]],
        "events": [_event(0, "REJECT", "denied")],
    }
    copy = {**good, "annotator": "d"}  # a second coder's copy of `good`: the agreement sample
    lines = [json.dumps(x) for x in (overlap, stranger, after, good, copy)]
    (more / "m.jsonl").write_text("\n".join(lines), "utf-8")
    notes: list[str] = []
    texts = read_corpus_annotations(tmp_path / "ann", tmp_path / "corpus.csv", log=notes.append)
    assert extend_texts(texts, tmp_path / "ann", tmp_path / "corpus.csv", notes.append) == 1
    (text,) = texts
    assert text.sents[2:] == [
        "Later the army arrested two rebels.",
        "The rebels denied everything.",
    ]
    assert len(text.sents) == 4 and text.group == "guardian-900"
    assert [(e["sent"], e["event"]) for e in text.events] == [
        (0, "ASSAULT"),
        (1, "REQUEST"),
        (2, "COERCE"),
        (3, "REJECT"),
    ]
    assert any("line 1" in n and "after the first part" in n for n in notes)
    assert any("row 903" in n and "not a coded training article" in n for n in notes)
    # without the annotations (--no-annotations) nothing grows
    assert extend_texts(texts, None, tmp_path / "corpus.csv") == 0

"""Article- and story-level gold: readers, the coding guide's counting (exact numbers), the CLI."""

from __future__ import annotations

import json

import pytest

from dateline.errors import EvaluationError
from dateline.evaluation import Report
from dateline.evaluation.articles import (
    ARTICLE,
    STORY,
    actor_key,
    detect_level,
    load_articles,
    load_stories,
    location_scores,
    place_matches,
    score_articles,
    score_stories,
)


@pytest.fixture(scope="module")
def articles(data_dir):
    return load_articles(data_dir / "eval" / "articles.jsonl")


def pred(article, event, trigger, src=None, tgt=None, modality="asserted", negated=False,
         location=None, nth=0) -> dict:  # fmt: skip
    """A prediction as Event.to_dict writes it, its trigger at the nth occurrence of ``trigger``."""

    def actor(key):
        if key is None:
            return None
        if key in ("IGO", "NGO"):
            return {"text": key, "name": key, "country": None, "sector": key}
        return {"text": key, "name": key, "country": key, "sector": None}

    start = -1
    for _ in range(nth + 1):
        start = article.text.index(trigger, start + 1)
    return {"event": event, "source": actor(src), "target": actor(tgt), "modality": modality,
            "negated": negated, "location": location, "cameo": None,
            "trigger": {"text": trigger, "start": start, "end": start + len(trigger)}}  # fmt: skip


@pytest.fixture(scope="module")
def report(articles) -> Report:
    a1, a2 = articles
    predicted = {
        "A-1": [
            pred(a1, "COERCE", "arrested", "CHL", "CHL",
                 location={"name": "Valparaíso", "country": "CHL"}),
            pred(a1, "CONSULT", "met", "ARG", "URY",
                 location={"name": "Buenos Aires", "country": "ARG"}),
            pred(a1, "AGREE", "signed", "URY", "ARG"),  # the type is right, the dyad reversed
            pred(a1, "CONSULT", "host", "URY", None, modality="future"),  # not counted
            pred(a1, "ACCUSE", "host", "URY", None, modality="hypothetical"),  # not counted
            pred(a1, "ASSAULT", "shelled", "COD", "COD"),
            pred(a1, "ASSAULT", "shelled", None, "COD", nth=1),
            pred(a1, "ASSAULT", "shelled", "COD", "COD", nth=1),  # one act coded twice
            pred(a1, "ASSAULT", "shelled", "COD", "COD", negated=True),  # not counted
        ],
        "A-2": [pred(a2, "ACCUSE", "condemned", "IGO", "RUS")],
    }  # fmt: skip
    return score_articles(articles, predicted)


def test_detect_level():
    assert detect_level('\n{"id": "a", "sents": ["x"], "text": "x", "events": []}\n') == ARTICLE
    assert detect_level('{"id": "s", "text": "x", "level": "story", "events": []}') == STORY
    assert detect_level('{"id": "t", "text": "x", "events": []}') is None
    assert detect_level("[]") is None


def test_reader(articles):
    a1, a2 = articles
    assert (a1.id, a1.date, len(a1.sents), len(a1.events)) == ("A-1", "2024-05-02", 4, 6)
    assert a1.sentence_starts() == [0, 65, 175, 226]
    assert a1.events[4].source is None and a1.events[4].target.country == "COD"
    assert a2.date is None and a2.events[0].source.sector == "IGO"


def test_bad_article_files_say_where(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "sents": ["One."], "text": "One.", '
                   '"events": [{"sent": 3, "event": "ASSAULT"}]}\n')  # fmt: skip
    with pytest.raises(EvaluationError, match=r"bad.jsonl line 1 \(x\): event sentence 3"):
        load_articles(bad)
    bad.write_text('{"id": "y", "sents": ["One.", "Two."], "text": "One. Three.", "events": []}\n')
    with pytest.raises(EvaluationError, match="y: sentence 1 is not in the article's text"):
        load_articles(bad)
    bad.write_text('{"id": "z", "sents": ["One."], "text": "One.", '
                   '"events": [{"sent": 0, "event": "PRAISE"}]}\n')  # fmt: skip
    with pytest.raises(EvaluationError, match="unknown PLOVER event type 'PRAISE'"):
        load_articles(bad)


def test_types_are_multisets_per_sentence(report):
    # gold counted: 6 asserted events (the future CONSULT is not); predictions counted: 7
    assert (report.gold_events, report.predicted_events) == (6 + 1, 7)
    assert (report.types.tp, report.types.fp, report.types.fn) == (6, 1, 1)
    assert report.per_type["ASSAULT"].to_dict()["fp"] == 1  # the restated shelling
    assert report.per_type["REQUEST"].fn == 1
    assert "CONSULT" in report.per_type and report.per_type["CONSULT"].fp == 0


def test_dyads_null_gold_side_matches_anything(report):
    # COERCE, CONSULT, 2 x ASSAULT (one with no gold source), ACCUSE (IGO, no gold target)
    assert (report.triples.tp, report.triples.fp, report.triples.fn) == (5, 2, 2)
    assert report.per_type_triples["AGREE"].to_dict() == {
        "tp": 0, "fp": 1, "fn": 1, "precision": 0.0, "recall": 0.0, "f1": 0.0,
    }  # fmt: skip
    assert report.per_type_triples["ACCUSE"].tp == 1
    misses = {(e.event, e.source, e.target) for e in report.errors if e.kind == "miss"}
    assert ("AGREE", "ARG", "URY") in misses and ("REQUEST", "IGO", "*") in misses
    assert all(e.id.startswith(("A-1#", "A-2#")) for e in report.errors)


def test_matching_is_not_greedy(articles):
    """The first prediction fits both gold events; a greedy match would lose one of them."""
    a1 = articles[0]
    predicted = {"A-1": [pred(a1, "ASSAULT", "shelled", "COD", "COD", nth=1),
                         pred(a1, "ASSAULT", "shelled", "RWA", "COD")]}  # fmt: skip
    r = score_articles(articles[:1], predicted)
    assert (r.triples.tp, r.triples.fp) == (2, 0)
    predicted["A-1"][1] = pred(a1, "ASSAULT", "shelled", "RWA", "RWA")
    r = score_articles(articles[:1], predicted)
    assert (r.triples.tp, r.triples.fp, r.triples.fn) == (1, 1, 3 + 1)


def test_event_belongs_to_the_sentence_of_its_trigger(articles):
    a1 = articles[0]
    moved = pred(a1, "COERCE", "students", "CHL", "CHL")  # sentence 0, wherever 'sentence' says
    moved["sentence"] = 3
    later = pred(a1, "COERCE", "host", "CHL", "CHL")  # sentence 2: a false event there
    r = score_articles(articles[:1], {"A-1": [moved, later]})
    assert (r.types.tp, r.types.fp) == (1, 1)
    assert [e.id for e in r.errors if e.kind == "false" and e.level == "type"] == ["A-1#2"]


def test_locations(report):
    # pairs with a gold country: COERCE, CONSULT, 2 x ASSAULT (AGREE's gold has none)
    assert report.locations == {
        "pairs": 4, "located": 2, "right_country": 1, "places": 3, "right_place": 1,
    }  # fmt: skip
    assert location_scores(report.locations) == {
        "coverage": 0.5, "country_accuracy": 0.5, "place_accuracy": 0.3333,
    }  # fmt: skip
    assert place_matches("al-Hol camp", "Hol camp") and place_matches("Valparaiso", "VALPARAÍSO")
    assert not place_matches("Goma", None) and not place_matches("Goma", "Bukavu")


def test_actor_key():
    assert actor_key({"country": "FRA", "sector": "GOV"}) == "FRA"
    assert actor_key({"country": None, "sector": "NGO"}) == "NGO"
    assert actor_key({"country": None, "sector": "CVL"}) is None
    assert actor_key(None) is None


def test_report_round_trip_and_markdown(report):
    again = Report.from_dict(json.loads(json.dumps(report.to_dict())))
    assert again.locations == report.locations and again.meta["level"] == "article"
    md = report.to_markdown()
    assert "Locations over 4 matched events" in md and "| event types | 0.857 |" in md


def test_stories(data_dir):
    stories = load_stories(data_dir / "eval" / "stories.jsonl")
    assert [(s.id, s.labels) for s in stories] == [("S-1", ["PROTEST"]), ("S-2", ["AID"])]
    ev = {"trigger": {"text": "x", "start": 0, "end": 1}}
    predicted = {
        "S-1": [dict(ev, event="PROTEST"), dict(ev, event="REQUEST")],
        "S-2": [dict(ev, event="ASSAULT"), dict(ev, event="AID", negated=True)],
    }
    r = score_stories(stories, predicted)
    assert (r.types.tp, r.types.fn, r.types.fp) == (1, 1, 0)
    assert r.per_type["AID"].recall == 0.0 and r.per_type["PROTEST"].recall == 1.0
    md = r.to_markdown()
    assert "| all | 0.500 | 1 | 2 |" in md and "| AID | 0.000 | 0 | 1 |" in md


@pytest.mark.slow
def test_cli_detects_article_and_story_gold(pipeline, data_dir, tmp_path):
    from typer.testing import CliRunner

    from dateline.cli import app

    runner = CliRunner()
    result = runner.invoke(app, ["eval", str(data_dir / "eval" / "articles.jsonl"), "--format",
                                 "json"])  # fmt: skip
    assert result.exit_code == 0, result.output
    saved = json.loads(result.output)
    assert saved["meta"]["level"] == "article" and saved["records"] == 6
    assert saved["gold_events"] == 7 and saved["types"]["tp"] >= 3
    result = runner.invoke(app, ["eval", str(data_dir / "eval" / "articles.jsonl")])
    assert result.exit_code == 0 and "2 articles · 6 sentences" in result.output
    result = runner.invoke(app, ["eval", str(data_dir / "eval" / "stories.jsonl")])
    assert result.exit_code == 0, result.output
    assert "labelled type" in result.output and "Stories: 2" in result.output

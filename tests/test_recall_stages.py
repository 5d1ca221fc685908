"""The recall-stage tracer codes what the coder codes and names the stage that lost an event."""

from __future__ import annotations

import pytest

from dateline.evaluation import stages
from dateline.evaluation.articles import article_gold
from dateline.events.ontology import Ontology

pytestmark = pytest.mark.slow

SENTS = [
    "Rebel fighters shelled the village of Tel Hamra on Monday, local officials said.",
    "If the army attacks the village, the rebels will retaliate, a commander warned.",
    "The weather was mild and the markets were busy.",
    "The foreign minister met his Iraqi counterpart in Baghdad to discuss the border.",
]


def _gold(events: list[dict]):
    record = {"id": "own-1", "text": " ".join(SENTS), "sents": SENTS, "date": "2024-03-04",
              "events": events}  # fmt: skip
    return article_gold(record, "own-1", Ontology.load())


def _key(e) -> tuple:
    return (e.event, e.trigger.text, e.modality, e.source and e.source.name,
            e.target and e.target.name)  # fmt: skip


def test_the_trace_codes_the_events_the_coder_codes(pipeline):
    gold = _gold([])
    article = stages.article_of_gold(gold)
    traced = stages.trace_article(pipeline, article)
    coded = pipeline.code(article).events
    assert [_key(e) for e in traced.events] == [_key(e) for e in coded]
    assert "ASSAULT" in traced.coded[next(t.i for t in traced.doc if t.text == "shelled")]


def test_each_missed_event_is_put_at_the_stage_that_lost_it(pipeline):
    gold = _gold(
        [
            {"sent": 0, "event": "ASSAULT", "trigger": "shelled"},  # found: not missed
            {"sent": 0, "event": "ASSAULT", "trigger": "shelled"},  # a second record
            {"sent": 0, "event": "COERCE", "trigger": "shelled"},
            {"sent": 1, "event": "ASSAULT", "trigger": "attacks"},  # a condition
            {"sent": 2, "event": "PROTEST", "trigger": "markets"},
            {"sent": 2, "event": "PROTEST", "trigger": "a march on parliament"},
            {"sent": 3, "event": "ASSAULT", "trigger": "attacks", "modality": "future"},
        ]
    )
    article = stages.article_of_gold(gold)
    predicted = [e.to_dict() for e in pipeline.code(article).events]
    missed = stages.missed_events(gold, predicted)
    assert [(n, e.event, e.trigger) for n, e in missed] == [
        (0, "ASSAULT", "shelled"),
        (0, "COERCE", "shelled"),
        (1, "ASSAULT", "attacks"),
        (2, "PROTEST", "markets"),
        (2, "PROTEST", "a march on parliament"),
    ]  # the planned attack does not count as happened, so it is not missed
    report = stages.StageReport()
    stages.add_article(report, pipeline, gold, predicted)
    assert report.stages == {
        stages.FEWER: 1,
        stages.OTHER_TYPE: 1,
        stages.CLAUSES: 1,
        stages.MODEL_LOW: 1,
        stages.NOT_FOUND: 1,
    }
    assert "| 5 |" not in report.markdown() and "5 missed gold events" in report.markdown()


def test_a_blanked_sentence_is_the_cheap_pass(pipeline):
    import spacy

    doc = spacy.blank("en")("Troops fired on marchers.      ")
    trace = stages.Trace(doc)
    assert stages.stage_of(trace, 26, 31, "ASSAULT", "fired") == stages.SKIPPED
    assert stages.stage_of(trace, 0, 25, "ASSAULT", "stormed") == stages.NOT_FOUND

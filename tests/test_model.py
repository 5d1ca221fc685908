"""The JSON output contract: the shipped schema, and results that follow it."""

from __future__ import annotations

import json
from datetime import date

import jsonschema
import pytest

from dateline.model import (
    SCHEMA_VERSION,
    Actor,
    ActorRef,
    Article,
    Event,
    Location,
    Mention,
    Quote,
    Result,
    Span,
    json_schema,
    validate,
)


def _result() -> Result:
    article = Article(id="abc", text="Chile praised Peru.", title="T", published=date(2020, 1, 2))
    chile = Actor(id="A1", name="Chile", country="CHL", kind="country",
                  mentions=[Mention(text="Chile", start=0, end=5, sentence=0, rule="kb")])  # fmt: skip
    event = Event(
        event="SUPPORT", sentence=0, trigger=Span("praised", 6, 13),
        source=ActorRef("Chile", "Chile", "CHL", None), target=ActorRef("Peru", "Peru", "PER", "GOV"),
        cameo="051", quad_class=1, goldstein=3.4, date="2020-01-02", date_precision="day",
        location=Location(name="Lima", country="PER", lat=-12.0, lon=-77.0, precision="city"),
    )  # fmt: skip
    negated = Event(
        event="ASSAULT", sentence=0, trigger=Span("x", 0, 1), negated=True, modality="negated"
    )
    quote = Quote(text="good", start=1, end=5, speaker=ActorRef("Chile", "Chile", "CHL", None))
    return Result(article=article, events=[event, negated], quotes=[quote], actors=[chile])


def test_schema_is_shipped_and_valid_json_schema():
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["properties"]["schema_version"]["pattern"].startswith("^1")


def test_result_validates_and_leaves_out_negated_events():
    data = _result().to_dict()
    validate(data)
    assert data["schema_version"] == SCHEMA_VERSION
    assert [e["event"] for e in data["events"]] == ["SUPPORT"]
    assert data["events"][0]["trigger"] == {"text": "praised", "start": 6, "end": 13}
    assert data["article"]["published"] == "2020-01-02"
    with_negated = _result().to_dict(include_negated=True)
    assert [e["negated"] for e in with_negated["events"]] == [False, True]


def test_schema_rejects_bad_country_and_unknown_event():
    data = _result().to_dict()
    data["events"][0]["source"]["country"] = "Chile"
    with pytest.raises(jsonschema.ValidationError):
        validate(data)
    data = _result().to_dict()
    data["events"][0]["event"] = "HUG"
    with pytest.raises(jsonschema.ValidationError):
        validate(data)


def test_to_json_round_trips():
    text = _result().to_json()
    assert json.loads(text)["id"] == "abc"

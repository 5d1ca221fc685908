"""Round 18, recall (issue 13, recall18): measures the coder did not propose.

- A measure noun whose "of" phrase names who or what place underwent it ("the siege of the
  town", "the blockade of the enclave", "the jailing of the activists") reports the act, as
  "the assault on the town" does (triggers._undergoer_of); acts of force stay as they were.
- A measure ordered in the passive ("ordered her citizenship to be revoked", "ordered that the
  envoy be expelled") is imposed by the order, by whoever gave it (clauses.decided_measure,
  arguments._ordered), not a request of anyone.
- A measure someone had done to them ("had her citizenship revoked", "had his assets frozen by
  Kenya") is the measure, undergone by the subject of "have" (triggers.had_done).

Sentences of our own, never from the evaluation sets.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _events(pipeline, text: str, event: str) -> list:
    events = pipeline.code_text(text, date="2024-03-14").events
    return [
        e
        for e in events
        if e.event == event and not e.negated and e.modality in {"asserted", "historical"}
    ]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The siege of Kadugli lasted two years.", "Kadugli"),
        ("Thousands died during the siege of Kadugli by Sudanese forces.", "Kadugli"),
        ("The blockade of Gaza is now the most crippling in the region.", "Gaza"),
    ],
)
def test_a_measure_of_a_place_is_reported(coder, text, target):
    got = _events(coder, text, "COERCE")
    assert [(e.mode, e.target.text if e.target else None) for e in got] == [("restrict", target)], (
        text
    )


def test_a_place_freed_is_left_to_the_model(lexicon_only):
    # of acts of force only attacks aimed at someone are licensed by their "of" phrase
    text = "The liberation of Kadugli was celebrated in Khartoum."
    assert _events(lexicon_only, text, "ASSAULT") == []


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The targeting of hospitals in Darfur has become routine.", "SDN"),
        ("Residents of the region still remember the bombing of Kadugli.", "SDN"),
    ],
)
def test_an_attack_of_someone_is_reported(lexicon_only, text, target):
    got = _events(lexicon_only, text, "ASSAULT")
    assert [e.target.country for e in got] == [target], text


def test_a_measure_of_a_thing_is_not_reported(lexicon_only):
    text = "The blockade of the talks by the delegates annoyed the mediators."
    assert _events(lexicon_only, text, "COERCE") == []


@pytest.mark.parametrize(
    "text",
    [
        "The Danish interior minister ordered his citizenship to be revoked.",
        "The Danish interior minister ordered that her citizenship be revoked.",
    ],
)
def test_an_ordered_revocation_is_imposed_by_whoever_ordered_it(coder, text):
    got = _events(coder, text, "SANCTION")
    assert [(e.mode, e.source.country, e.modality) for e in got] == [
        ("expel", "DNK", "asserted")
    ], text
    assert _events(coder, text, "REQUEST") == []


def test_an_ordered_expulsion_asks_nothing_of_the_expelled(coder):
    text = "The Kenyan president ordered that the Somali envoy be expelled."
    got = _events(coder, text, "SANCTION")
    assert [(e.source.country, e.target.country) for e in got] == [("KEN", "SOM")]
    assert _events(coder, text, "REQUEST") == []


def test_an_order_to_someone_to_act_stays_a_request(coder):
    text = "The Kenyan president ordered the Somali envoy to leave the country."
    got = _events(coder, text, "REQUEST")
    assert [(e.source.country, e.target.country) for e in got] == [("KEN", "SOM")]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The Somali-born activist had her Danish citizenship revoked last year.", "SOM"),
        ("The Somali-born man, who has had his passport revoked, could be tried.", "SOM"),
    ],
)
def test_a_revocation_someone_had_done_to_them(coder, text, target):
    got = _events(coder, text, "SANCTION")
    assert [(e.mode, e.target.country) for e in got] == [("expel", target)], text


def test_assets_someone_had_frozen_by_a_state(coder):
    text = "The Somali businessman had his assets frozen by Kenya."
    got = _events(coder, text, "SANCTION")
    assert [(e.source.country, e.target.country) for e in got] == [("KEN", "SOM")]


def test_a_thing_someone_had_repaired_is_no_measure(lexicon_only):
    text = "The Somali businessman had his car repaired in Nairobi."
    assert _events(lexicon_only, text, "SANCTION") == []
    assert _events(lexicon_only, text, "COERCE") == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The Sudanese army had laid siege to the town of Kadugli since 2014.", "SDN"),
        ("The Sudanese army has used sieges as a weapon of war.", "SDN"),
        ("Sieges have been used as a weapon of war most often by the Sudanese army.", "SDN"),
    ],
)
def test_laying_siege_or_using_sieges_restricts(coder, text, source):
    got = _events(coder, text, "COERCE")
    assert [(e.mode, e.source.country) for e in got] == [("restrict", source)], text


@pytest.mark.parametrize(
    ("text", "source", "acts"),
    [
        # one record per act named: "rape and torture" are two acts since round 22 (recall22b)
        ("The Eritrean regime practised rape and torture against its opponents.", "ERI", 2),
        ("The Ugandan rebels employed rape and torture as systematic means of terror.", "UGA", 2),
        ("The Burundian police used torture against the detained opposition activists.", "BDI", 1),
    ],
)
def test_violence_used_as_a_method_is_an_assault(coder, text, source, acts):
    got = _events(coder, text, "ASSAULT")
    assert [e.source.country for e in got] == [source] * acts, text


def test_laying_a_wreath_or_using_a_report_is_no_siege(lexicon_only):
    text = "The Sudanese minister laid a wreath and used the report on the siege as evidence."
    assert _events(lexicon_only, text, "COERCE") == []


@pytest.mark.parametrize(
    "text",
    [
        "Three days of heavy shelling and airstrikes had displaced 8,000 people in the Sudanese"
        " town of Kadugli.",
        "Some 20,000 villagers in Darfur have been uprooted by Sudanese airstrikes and shelling.",
        "Many Kurds in the Eritrean town have been forcibly displaced, residents said.",
    ],
)
def test_people_driven_out_by_attacks_or_forcibly(coder, text):
    got = _events(coder, text, "SANCTION")
    assert [e.mode for e in got] == ["expel"], text


@pytest.mark.parametrize(
    "text",
    [
        "The floods displaced 5,000 families in southern Sudan.",
        "Fighting in Darfur has driven 160,000 people from their homes.",
        "The fire displaced dozens of families in Nairobi.",
    ],
)
def test_people_displaced_by_floods_fires_or_fighting_are_no_expulsion(coder, text):
    assert _events(coder, text, "SANCTION") == [], text


@pytest.mark.parametrize(
    "text",
    [
        "Please stay away from the militants.",
        "Take our hands, please surrender.",
        "Please don't believe the rebels' empty promises.",
    ],
)
def test_a_plea_with_please_is_a_request_even_with_nobody_named(coder, text):
    got = _events(coder, text, "REQUEST")
    assert [(e.modality, e.negated) for e in got] == [("asserted", False)], text


def test_a_plea_after_a_verb_of_saying_is_the_speakers(coder):
    text = 'The Kenyan envoy said: "Please let the Somali refugees back into the country."'
    got = _events(coder, text, "REQUEST")
    assert [e.source.country for e in got] == ["KEN"]


def test_pleasing_someone_asks_nothing(coder):
    assert _events(coder, "They please their voters with promises of aid.", "REQUEST") == []


def test_coerce_has_no_confidence_floor():
    # a low-scored restriction or detention by a state at home (one country) is kept
    from types import SimpleNamespace

    from dateline.events.extract.coder import DOUBTFUL_BELOW, doubtful

    token = SimpleNamespace(dep_="ROOT", head=None)
    cand = SimpleNamespace(confidence=0.2, nominal=False, support=None, token=token)
    side = (SimpleNamespace(country="SDN"), None)
    assert "COERCE" not in DOUBTFUL_BELOW
    assert not doubtful(cand, "COERCE", [side], [side])

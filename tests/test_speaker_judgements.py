"""A speaker's judgement of someone is an ACCUSE by the speaker against whom it judges (PLOVER:
"criticize, defame, denigrate responsible parties"), with the lexicon alone and with the trained
model: "X said Y posed a threat to Z", "X branded Y terrorists", "X described Y as a danger",
"X said Y was responsible for the bombing".
A danger with nobody judged, a judgement denied and a danger told in the narrative's own voice
accuse nobody (sentences of our own; events/extract/triggers.py, ``_judgement``)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _dyads(pipeline, text: str, kind: str) -> list[tuple]:
    events = pipeline.code_text(text, date="2024-03-14").events
    return [
        (e.source.country if e.source else None, e.target.country if e.target else None)
        for e in events
        if e.event == kind and not e.negated
    ]


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        ("Putin said the militants represented a threat to the city.", ("RUS", "RUS")),
        ("Macron said the Syrian regime was a danger to its own people.", ("FRA", "SYR")),
        (
            "The Chinese foreign ministry said Washington remained the biggest menace to Asia.",
            ("CHN", "USA"),
        ),
        ("Zelensky told reporters that Russian soldiers were war criminals.", ("UKR", "RUS")),
        ("The Venezuelan government said the opposition leader was a traitor.", ("VEN", "VEN")),
        ("Erdogan branded the YPG a terrorist group.", ("TUR", "SYR")),
        ("Iran's supreme leader called the United States the great enemy.", ("IRN", "USA")),
        (
            "The Iranian foreign minister described Israel as the main threat to peace.",
            ("IRN", "ISR"),
        ),
        (
            "The Kenyan government said al-Shabaab was responsible for the bombing in Garissa.",
            ("KEN", "SOM"),
        ),
        ("The Afghan president said Pakistan was complicit in the killings.", ("AFG", "PAK")),
    ],
)
def test_a_speaker_who_judges_someone_accuses_them(coder, text, dyad):
    assert dyad in _dyads(coder, text, "ACCUSE"), text


@pytest.mark.parametrize(
    "text",
    [
        "The report said the drought posed a threat to Kenyan farmers.",  # a hazard judged
        "Merkel said Russia posed no threat to Poland.",  # the judgement denied
        "The Russian militants posed a threat to the Ukrainian city.",  # a danger, no speech
        "Trump called the Iranian nuclear deal a danger.",  # a thing judged, nobody accused
        # a duty, not blame; blame denied
        "The Nigerian minister said the Nigerian army was responsible for security in the north.",
        "Ukraine said Russia was not responsible for the blast in Kyiv.",
    ],
)
def test_a_danger_nobody_is_accused_of_is_no_accusation(coder, text):
    assert not _dyads(coder, text, "ACCUSE"), text


def test_a_danger_someone_poses_is_no_threat_they_made(coder):
    """ "posed a threat to the city": the lexicon's stance noun "threat" is a judgement here,
    not a THREATEN by the speaker or by the militants."""
    text = "Putin said the militants represented a threat to the city."
    assert not _dyads(coder, text, "THREATEN"), text


def test_a_reported_accusation_keeps_its_own_actors(coder):
    """The clause's own act of accusing is coded with its own actors, not the speaker's."""
    text = "Merkel said Putin had called the Ukrainian leaders criminals."
    assert _dyads(coder, text, "ACCUSE") == [("RUS", "UKR")], text


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        ("The Greek minister said Turkey would pay dearly for the incursion.", ("GRC", "TUR")),
        ('"Hezbollah will pay dearly," an Israeli general said.', ("ISR", "LBN")),
        ("The Kenyan president said the protesters would pay the price.", ("KEN", "KEN")),
    ],
)
def test_a_speaker_who_says_someone_will_pay_threatens_them(coder, text, dyad):
    """A warning of what someone will suffer is the speaker's THREATEN, whoever will pay."""
    assert _dyads(coder, text, "THREATEN") == [dyad]


@pytest.mark.parametrize(
    "text",
    [
        "Civilians paid the price for the war, the report said.",
        "The Kenyan president said farmers would pay the price of the drought.",
        "Nigeria said the oil companies will not pay the price.",
    ],
)
def test_a_price_paid_or_a_cost_is_no_threat(coder, text):
    assert _dyads(coder, text, "THREATEN") == []

"""Round 13, story recall (issue 13): kinds of act the coder read as another type.

- A promised or announced concession stays a CONCEDE (PLOVER manual, CONCEDE: future
  concessions "do not reduce to AGREE"): "will lift the curfew" (events/modality.py,
  ``retype``); a promised cooperative act is still an AGREE, and an announced withdrawal a
  CONCEDE that happened (``coder._announced_withdrawal`` also reads a CONCEDE now).
- Cyber attacks and hacking are COERCE, mode cyber (PLOVER COERCE): an attack with a cyber
  modifier or author ("a cyber attack", "hackers attacked the website"), "hacked the website",
  "a cyberattack" (events/extract/coder.py, ``cyber_attack``; lexicon coerce-hack,
  coerce-cyberattack); "hacked to death" and attacks by troops stay what they were.
- "cease-fire" is one token (nlp.WHOLE_WORDS): split, its "fire" read as shooting.

Sentences of our own, never from the evaluation sets.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

DATE = "2021-05-10"


def _events(pipeline, text: str) -> list:
    return [e for e in pipeline.code_text(text, date=DATE).events if not e.negated]


def _types(pipeline, text: str) -> list[str]:
    return sorted(e.event for e in _events(pipeline, text))


@pytest.mark.parametrize(
    "text",
    [
        "The Thai government will lift the curfew in Bangkok next week.",
        "The Nepalese government will ease restrictions on foreign journalists next month.",
    ],
)
def test_a_promised_concession_stays_a_concession(pipeline, text):
    events = _events(pipeline, text)
    assert [e.event for e in events] == ["CONCEDE"], [(e.event, e.modality) for e in events]
    assert events[0].modality == "future"


def test_a_promised_cooperative_act_is_still_an_agreement(pipeline):
    assert "AGREE" in _types(pipeline, "Ghana will cooperate with Togo on border security.")
    assert "CONCEDE" not in _types(pipeline, "Iran will release the British sailors.")


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        ("Iranian hackers hacked the website of the Saudi foreign ministry.", ("IRN", "SAU")),
        ("Russia launched a cyberattack on Estonia's banks.", ("RUS", "EST")),
        ("Chinese hackers attacked the websites of the Taiwanese government.", ("CHN", "TWN")),
        ("The Russian military carried out a cyber attack on Georgian websites.", ("RUS", "GEO")),
        ("The ministry's website was attacked by hackers on Monday.", (None, None)),
    ],
)
def test_a_cyber_attack_is_coercion(pipeline, text, dyad):
    events = _events(pipeline, text)
    assert [(e.event, e.mode) for e in events] == [("COERCE", "cyber")], [
        (e.event, e.mode) for e in events
    ]
    got = events[0]
    want_source, want_target = dyad
    if want_source:
        assert got.source is not None and got.source.country == want_source
    if want_target:
        assert got.target is not None and got.target.country == want_target


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Syrian troops attacked the rebel-held town of Douma.", "ASSAULT"),
        ("Russian troops attacked the Georgian internet exchange with tanks.", "ASSAULT"),
    ],
)
def test_an_attack_with_no_cyber_word_stays_an_assault(pipeline, text, kind):
    assert _types(pipeline, text) == [kind]


def test_hacked_to_death_is_no_cyber_attack(pipeline):
    assert "COERCE" not in _types(pipeline, "Villagers were hacked to death in eastern Congo.")


def test_cease_fire_is_one_word(pipeline):
    doc = pipeline.nlp("The Malian government declared a cease-fire. Cease-fires rarely hold.")
    words = [t.text for t in doc]
    assert "cease-fire" in words and "Cease-fires" in words and "fire" not in words
    types = _types(pipeline, "The Malian government has declared a humanitarian cease-fire.")
    assert types == ["CONCEDE"]
    assert "ASSAULT" in _types(pipeline, "Russian troops opened fire on the crowd in Kyiv.")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # suspending demonstrations concedes, as suspending protests does (concede-abandon)
        ("The Kenyan opposition suspended the demonstrations for a week.", "CONCEDE"),
        # a promise of concessions (concede-concession)
        ("The Peruvian government pledged concessions to the striking miners.", "CONCEDE"),
        # a promise to disarm is a promised retreat (concede-promise)
        ("The Congolese rebels agreed to disarm by the end of the month.", "CONCEDE"),
        # expanding diplomatic ties (PLOVER SUPPORT; support-establish-ties)
        ("Serbia and Montenegro expanded diplomatic ties on Friday.", "SUPPORT"),
    ],
)
def test_more_wordings_of_concessions_and_ties(pipeline, text, kind):
    assert kind in _types(pipeline, text), _types(pipeline, text)


def test_strengthened_forces_stay_a_mobilisation(pipeline):
    types = _types(pipeline, "The Indian army strengthened its forces along the border.")
    assert types == ["MOBILIZE"]


@pytest.mark.parametrize(
    ("text", "kind", "mode"),
    [
        # accepting or meeting demands yields to them (concede-accept-demand)
        ("The Peruvian government accepted the demands of the striking miners.", "CONCEDE", None),
        (
            "The Bolivian government met the miners' demands after a week of strikes.",
            "CONCEDE",
            None,
        ),
        # deception (PLOVER COERCE, mode misinformation)
        (
            "Russian agents spread disinformation about the Lithuanian elections.",
            "COERCE",
            "misinformation",
        ),
        ("Russia launched a disinformation campaign against Estonia.", "COERCE", "misinformation"),
    ],
)
def test_yielding_to_demands_and_deception(pipeline, text, kind, mode):
    events = _events(pipeline, text)
    assert [(e.event, e.mode) for e in events] == [(kind, mode)], [
        (e.event, e.mode) for e in events
    ]


def test_an_accepted_invitation_and_a_military_campaign_keep_their_types(pipeline):
    assert _types(pipeline, "The Kenyan minister accepted the invitation to visit Uganda.") == [
        "AGREE"
    ]
    text = "The Syrian army launched a military campaign against the rebels in Idlib."
    assert _types(pipeline, text) == ["ASSAULT"]


@pytest.mark.parametrize(
    "text",
    [
        # moving armed units (mobilize-move)
        "The Indian government dispatched hundreds of soldiers to Kashmir.",
        "The Nigerian army rushed troops to the border with Cameroon.",
        # raising the readiness of security units (mobilize-security, mobilize-step-up)
        "Thai authorities tightened security in Bangkok ahead of the protests.",
        "Kenyan police stepped up patrols in Nairobi ahead of the vote.",
    ],
)
def test_moves_and_readiness_of_armed_units_mobilise(pipeline, text):
    assert _types(pipeline, text) == ["MOBILIZE"], _types(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        "Ghana and Togo strengthened security cooperation on Monday.",
        "The Kenyan government moved the refugees to a new camp.",
    ],
)
def test_security_ties_and_moving_civilians_are_no_mobilisation(pipeline, text):
    assert "MOBILIZE" not in _types(pipeline, text)

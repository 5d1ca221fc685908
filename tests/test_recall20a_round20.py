"""Round 20, recall of judgements, demands and threats (recall20a; issue 13): gold ACCUSE and
THREATEN events the coder missed out of fold with no candidate at their words.

- A verb of naming whose "as" the parser hangs under the object ("described the move by Uganda
  as a betrayal") judges as one with "as" under the verb does (``triggers._naming_parts``).
- More words that condemn what they judge (``condemnation_words``: "a blunder", "an
  embarrassment", "ridiculous"), "liken" and "smear" as verbs of disapproval, "raised
  accusations" as "raised concerns" (triggers.yaml).
- "(X said) Y would face consequences" warns Y as "would pay the price" does
  (``retribution_verbs``), and such a warning is made when it is said, whatever its modal.
- A verdict that something breaks the law ("it is against international law", "would be in
  breach of the convention") condemns as "is illegal" does, and so does what something amounts
  to ("amounts to a betrayal", "tantamount to a farce": ``triggers._verdict_phrases``,
  ``law_nouns``, ``breach_nouns``).
- A mistake laid at someone's door in a reported or quoted clause ("said the envoy had made a
  serious mistake") is the speaker's ACCUSE, unless the speaker's own side or kin erred
  (``triggers._mistake_of``).
- Whom someone is likened to is no target ("likened the president to a dictator": the entry
  accuse-liken takes no "to" phrase).
- "called out Togo for its silence" criticises (accuse-call-out; "called out the army" does
  not), and "defame", "slander", "demonise" disapprove.
- "egged Uganda on" urges it (request-egg-on).

Sentences of our own.
"""

from __future__ import annotations

import pytest

from coded import happened_pairs

pytestmark = pytest.mark.slow


def test_naming_with_as_under_the_object(coder):
    text = "Kenya and Tanzania described the move by Uganda as a “blatant betrayal”."
    assert ("KEN", "UGA") in happened_pairs(coder, text, "ACCUSE")


@pytest.mark.parametrize(
    "text",
    [
        "Ugandan officials called the Kenyan plan a blunder.",
        "A senior Kenyan official said the Ugandan proposal was plainly ridiculous.",
    ],
)
def test_more_words_of_condemnation(coder, text):
    assert any(s in {"UGA", "KEN"} for s, _ in happened_pairs(coder, text, "ACCUSE"))


def test_a_neutral_verdict_condemns_nothing(coder):
    text = "Ugandan officials called the Kenyan plan a compromise."
    assert not happened_pairs(coder, text, "ACCUSE")


def test_likening_someone_to_a_dictator(coder):
    text = "The Kenyan president likened the Ugandan leader to a dictator."
    assert ("KEN", "UGA") in happened_pairs(coder, text, "ACCUSE")


def test_raised_accusations(coder):
    text = "The Kenyan government raised accusations that Uganda had armed the rebels."
    assert any(s == "KEN" for s, _ in happened_pairs(coder, text, "ACCUSE"))


def test_would_face_consequences_is_a_threat_made(coder):
    text = "The Ugandan president said Kenya would face consequences if it closed the border."
    assert ("UGA", "KEN") in happened_pairs(coder, text, "THREATEN")


def test_a_cost_forecast_for_a_thing_threatens_nobody(coder):
    text = "The Ugandan finance minister said the economy would face consequences."
    assert not happened_pairs(coder, text, "THREATEN")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("“It is against international law to strip someone of citizenship,” the Kenyan senator"
         " said.", "KEN"),
        ("The Ugandan minister said the Kenyan expulsions would be in breach of the refugee"
         " convention.", "UGA"),
        ("The Somali minister said the Kenyan decision amounted to a betrayal of the refugees.",
         "SOM"),
    ],
)  # fmt: skip
def test_a_verdict_of_unlawfulness_condemns(coder, text, source):
    assert source in {s for s, _ in happened_pairs(coder, text, "ACCUSE")}


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan minister said Uganda was against the plan.",
        "The Kenyan minister said the refugees were in the camp.",
    ],
)
def test_a_preposition_that_breaks_no_law_condemns_nothing(coder, text):
    assert not happened_pairs(coder, text, "ACCUSE")


@pytest.mark.parametrize(
    "text",
    [
        "The Ugandan president said the Kenyan envoy had made a serious mistake.",
        "“The Kenyans would be making a grave mistake to join this offensive,” the Ugandan"
        " minister said.",
    ],
)
def test_a_mistake_laid_at_someones_door(coder, text):
    assert ("UGA", "KEN") in happened_pairs(coder, text, "ACCUSE")


@pytest.mark.parametrize(
    "text",
    [
        "The Ugandan minister said his government had made mistakes.",
        "“Everybody makes mistakes,” the Kenyan minister said.",
        "The Ugandan minister said Kenya had made no mistake.",
    ],
)
def test_a_mistake_admitted_or_denied_accuses_nobody(coder, text):
    assert not happened_pairs(coder, text, "ACCUSE")


def test_whom_someone_is_likened_to_is_no_target(coder):
    text = (
        "In a scathing editorial, the Nation newspaper likened the Kenyan president to Idi Amin,"
        " a Ugandan dictator who thrived on chaos."
    )
    assert [t for _, t in happened_pairs(coder, text, "ACCUSE")] == ["KEN"]


def test_calling_someone_out(coder):
    text = "The Ghanaian president called out Togo for its silence on the border closure."
    assert ("GHA", "TGO") in happened_pairs(coder, text, "ACCUSE")


def test_calling_out_the_army_accuses_nobody(coder):
    text = "The Kenyan government called out the army to restore order."
    assert not happened_pairs(coder, text, "ACCUSE")


def test_defaming_a_country(coder):
    text = "The Ugandan minister said the Kenyan report was defaming his country."
    assert happened_pairs(coder, text, "ACCUSE")


def test_egging_someone_on(coder):
    text = "Rwanda egged Uganda on against the rebels."
    assert ("RWA", "UGA") in happened_pairs(coder, text, "REQUEST")

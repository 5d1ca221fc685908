"""Round 22, recall of verbal conflict (recall22a; issue 13): gold THREATEN and REQUEST events
the coder missed out of fold, in constructions of their own.

- "threats of possible military action", "the threat to withhold funds": a threat of a hostile
  act is a threat made, though no verb carries the noun (``triggers._threat_of_act``,
  ``threatened_acts``); one posed, faced, feared or exposed to is a danger.
- "said it was vital that Uganda withdraw its troops": an act of someone else called needed
  (``necessity_adjectives``) is asked of them, as "Uganda must" is
  (``modality.urged_as_vital``); not the speaker's own side, not a thing, not denied.
- "claimed that the Ugandan government is pushing them out": the clause of a claim that says
  what someone named is doing is a charge against them, as a warning of it is
  (``charging_verbs``, ``triggers._warned_conduct``); not what ordinary people did, not a
  forecast, not the claimer's own side.

Sentences of our own.
"""

from __future__ import annotations

import pytest

from coded import happened, happened_pairs

pytestmark = pytest.mark.slow


def test_threats_of_military_action_are_threats(coder):
    text = "Chad and Niger responded with threats of possible military action."
    assert {"TCD", "NER"} <= {s for s, _ in happened_pairs(coder, text, "THREATEN")}


def test_a_threat_to_withhold_funds_is_a_threat(coder):
    text = "Kenya's threat to withhold reconstruction funds from Uganda angered Kampala."
    assert "KEN" in {s for s, _ in happened_pairs(coder, text, "THREATEN")}


def test_a_threat_posed_or_faced_is_a_danger(lexicon_only):
    for text in (
        "Uganda faces the threat of an invasion by Kenyan troops.",
        "Kenyan villagers were exposed to the threat of a Ugandan attack.",
        "Kenyan officials fear the threat of attacks by Ugandan rebels.",
    ):
        assert happened(lexicon_only, text, "THREATEN") == [], text


def test_a_threat_of_no_hostile_act_is_none(lexicon_only):
    text = "Kenya's diplomats spoke of the threat of famine in Uganda."
    assert happened(lexicon_only, text, "THREATEN") == []


def test_an_act_called_vital_is_asked(coder):
    text = "The Kenyan foreign minister said it was vital that Uganda withdraw its troops."
    assert ("KEN", "UGA") in happened_pairs(coder, text, "REQUEST")


def test_an_act_called_essential_with_for_is_asked(coder):
    text = "Kenya said it was essential for Uganda to release the prisoners."
    assert "KEN" in {s for s, _ in happened_pairs(coder, text, "REQUEST")}


def test_vital_for_oneself_or_for_a_thing_asks_nothing(lexicon_only):
    for text in (
        "The Kenyan minister said it was vital that we act now.",
        "The Kenyan minister said it was vital that the use of force did not go unpunished.",
        "The Kenyan minister said it was not important that Uganda attend the talks.",
    ):
        assert happened(lexicon_only, text, "REQUEST") == [], text


def test_a_claim_of_conduct_is_a_charge(coder):
    text = (
        "Kenyan refugees have increasingly claimed that the Ugandan government is attempting "
        "to push them back to Sudan."
    )
    assert "UGA" in {t for _, t in happened_pairs(coder, text, "ACCUSE")}


def test_a_claim_of_what_people_did_or_will_do_charges_nobody(lexicon_only):
    for text in (
        "Kenyan officials claimed that all women and children had left the Ugandan town.",
        "Kenyan leaders claimed the Ugandan rebels could return.",
        "Kenya claimed that its troops had entered the town.",
    ):
        assert happened(lexicon_only, text, "ACCUSE") == [], text

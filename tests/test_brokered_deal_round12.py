"""Round 12, last precision (docs/accuracy.md, "Round 12: last precision"): a deal brokered by
its parties is an AGREE, not a CONSULT, where the deal is the noun the brokering verb describes
or its passive subject ("a truce brokered by Chad and Niger"); talks brokered by someone stay a
CONSULT. Parties named by a passive's "by" ("the plan was agreed by Chad and Niger") make one
record from the first to the other, as a noun's parties do. An invitation to act, not to meet, is
a REQUEST of the invited side. Sentences of our own."""

from __future__ import annotations

import pytest

from coded import happened

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        "The rebels broke a truce brokered by Chad and Niger last year.",
        "The truce, which was negotiated by Qatar, collapsed on Monday.",
        "The ceasefire was mediated by Egypt in March.",
    ],
)
def test_a_brokered_deal_is_an_agree(lexicon_only, text):
    agreed = happened(lexicon_only, text, "AGREE")
    consulted = happened(lexicon_only, text, "CONSULT")
    assert [e.trigger.text for e in agreed] and not [
        e for e in consulted if e.trigger.text in {"brokered", "negotiated", "mediated"}
    ], (agreed, consulted)


def test_brokered_talks_stay_a_consult(lexicon_only):
    text = "The talks, brokered by Norway, collapsed and the army shelled the rebel villages."
    assert "brokered" in {e.trigger.text for e in happened(lexicon_only, text, "CONSULT")}
    assert not happened(lexicon_only, text, "AGREE")


def test_a_deal_brokered_by_two_parties_is_one_record(lexicon_only):
    text = "The rebels broke a truce brokered by Chad and Niger last year."
    records = [e for e in happened(lexicon_only, text, "AGREE") if e.trigger.text == "brokered"]
    assert [(e.source.country, e.target.country) for e in records] == [("TCD", "NER")]


def test_a_plan_agreed_by_two_parties_is_one_record(lexicon_only):
    text = "The plan was agreed on Monday by the presidents of Chad and Niger in Niamey."
    records = happened(lexicon_only, text, "AGREE")
    assert len(records) == 1, [(e.source, e.target) for e in records]


def test_two_subjects_that_agreed_stay_both_ways(lexicon_only):
    text = "Chad and Niger agreed on Monday to reopen their border."
    pairs = {(e.source.country, e.target.country) for e in happened(lexicon_only, text, "AGREE")}
    assert pairs == {("TCD", "NER"), ("NER", "TCD")}


@pytest.mark.parametrize(
    "text",
    [
        "Chad invited the Sudanese government to withdraw its troops from the border.",
        "We invite the government of Niger to protect its border with Libya.",
    ],
)
def test_an_invitation_to_act_is_a_request(lexicon_only, text):
    asked = [
        e for e in happened(lexicon_only, text, "REQUEST") if e.trigger.text.startswith("invit")
    ]
    offered = [
        e for e in happened(lexicon_only, text, "AGREE") if e.trigger.text.startswith("invit")
    ]
    assert asked and not offered, (asked, offered)


@pytest.mark.parametrize(
    "text",
    [
        "Ghana invited Togo to attend the summit in Accra.",
        "Mali invited two leaders of the rebel alliance to Bamako to discuss the ceasefire.",
        "Kenya invited the Somali president to a meeting in Nairobi.",
    ],
)
def test_an_invitation_to_meet_stays_an_agree(lexicon_only, text):
    offered = [e for e in happened(lexicon_only, text, "AGREE") if e.trigger.text == "invited"]
    assert offered and not happened(lexicon_only, text, "REQUEST")

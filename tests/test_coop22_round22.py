"""Round 22, the cooperative types (coop22; issue 13): general constructions that name a
cooperative act without telling it. Sentences of our own.

- A talks, summit or support noun under a noun or adjective of setting or topic ("on the eve
  of the summit", "the outcome of the talks", "an official familiar with the talks") is where
  or what about, no act told (``coder._setting_of``, ``setting_nouns``).
- Help asked "for" ("calls for Kenyan support were rebuffed") is asked, not given
  (``coder._requested_help``).
- A vow with an infinitive made to nobody ("promised to try to make it better") is a
  unilateral pledge, no AGREE (``coder._unilateral_vow``); a pledge to someone stays.
- Cooperation with no partner named ("was coordinating the response") is no COOPERATE.
- A time clause in the simple past under a future main clause ("will arrive after Uganda
  brokered a deal") tells a past act, not a future one (``modality._time_clause_modality``).
- A verb of purpose in the passive over an event noun ("airstrikes were intended to provide
  reassurance", "a phone call aimed at convincing him") says what the act was for, not that
  it is planned (``modality._purpose_told``); "talks planned for next month" stay future.
- A cooperative noun under "despite" is the background of the clause (``setting_prepositions``).
- "Met" with armed units on both sides is an encounter in the field, no talks
  (``coder._forces_encounter``, ``unit_nouns``).
- Backing that one "still" or "actively" does is a standing relation, no act
  (``standing_adverbs``).
"""

from __future__ import annotations

import pytest

from coded import coded_types, country_pairs, happened, happened_pairs

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        "On the eve of the Kenyan summit, the minister asked if the rule would change.",
        "The Kenyan envoy said he would report the outcome of the talks with Uganda to the UN.",
        "A western official familiar with the Kenya-Uganda talks said the deal was close.",
    ],
)
def test_a_talks_noun_as_setting_or_topic_is_no_consult(coder, text):
    assert "CONSULT" not in coded_types(coder, text)


def test_talks_held_stay_talks(coder):
    text = "Kenya held talks with Uganda in Nairobi on Monday."
    assert ("KEN", "UGA") in country_pairs(coder, text, "CONSULT")


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan president promised to try to make it better.",
        "The Ugandan army vowed to win back control of the entire country.",
    ],
)
def test_a_vow_made_to_nobody_is_no_agreement(coder, text):
    assert "AGREE" not in coded_types(coder, text)


def test_a_pledge_to_someone_stays_an_agreement(coder):
    text = "Kenya pledged a support package for Uganda on Monday."
    assert ("KEN", "UGA") in country_pairs(coder, text, "AGREE")


def test_cooperation_with_no_partner_is_no_cooperate(coder):
    text = "The Kenyan foreign ministry was coordinating the response."
    assert "COOPERATE" not in coded_types(coder, text)


def test_cooperation_with_a_partner_stays(coder):
    text = "Kenya cooperated with Uganda on border security."
    assert ("KEN", "UGA") in country_pairs(coder, text, "COOPERATE")


def test_support_asked_for_is_not_given(pipeline):
    """The rule itself, on the parse (the shipped model does not propose the noun here)."""
    from dateline.events.candidate import Candidate
    from dateline.events.extract.coder import _requested_help
    from dateline.events.lexicon import Lexicon, TriggerEntry

    lexicon = Lexicon.load()
    entry = TriggerEntry(id="test:support", event="SUPPORT")
    doc = pipeline.nlp(
        "When the town was under attack, the rebels' calls for Kenyan support were rebuffed."
    )
    asked = [t for t in doc if t.lower_ == "support"][0]
    assert _requested_help(Candidate(asked, entry, "SUPPORT", None, nominal=True), lexicon)
    doc = pipeline.nlp("Kenya gave military support to the Somali army.")
    given = [t for t in doc if t.lower_ == "support"][0]
    assert not _requested_help(Candidate(given, entry, "SUPPORT", None, nominal=True), lexicon)


def test_a_past_act_in_a_time_clause_of_a_future_one_was_done(coder):
    text = (
        "A Kenyan delegation will arrive in Geneva on Wednesday for the talks after Uganda "
        "brokered a deal with Tanzania."
    )
    assert ("UGA", "TZA") in happened_pairs(coder, text, "AGREE")


def test_a_present_time_clause_of_a_future_act_stays_future(coder):
    text = "Kenya will send aid to Somalia when the rains come."
    assert not happened(coder, text, "AID")


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "Airstrikes by Kenyan forces on Somali militant camps were intended to provide "
            "reassurance to Nairobi.",
            "ASSAULT",
        ),
        (
            "Sources said there was a phone call between the Kenyan president and the Ugandan "
            "president aimed at convincing Kampala.",
            "CONSULT",
        ),
    ],
)
def test_an_act_whose_purpose_is_told_happened(coder, text, event):
    assert happened(coder, text, event)


def test_talks_planned_stay_future(coder):
    text = "Talks between Kenya and Uganda are planned for next month."
    assert not happened(coder, text, "CONSULT")


def test_an_agreement_despite_which_fighting_goes_on_is_background(coder):
    text = "Despite de-escalation agreements, a Kenyan air force onslaught has continued."
    assert "AGREE" not in coded_types(coder, text)


def test_armed_units_meeting_in_the_field_is_no_consult(coder):
    text = "Last year US-backed Kenyan troops met Ugandan government forces near the border."
    assert "CONSULT" not in coded_types(coder, text)


def test_commanders_meeting_ministers_stay_talks(coder):
    text = "The Kenyan army chief met the Ugandan defence minister in Kampala."
    assert ("KEN", "UGA") in country_pairs(coder, text, "CONSULT")


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan government still supports the Somali army.",
        "The Kenyan government actively supports the Somali army, regarding it as an ally.",
    ],
)
def test_backing_still_or_actively_done_is_a_standing_relation(coder, text):
    assert "SUPPORT" not in coded_types(coder, text)


def test_backing_told_as_done_stays(coder):
    text = "The Kenyan government supported the Somali army in Kismayo."
    assert ("KEN", "SOM") in country_pairs(coder, text, "SUPPORT")


def test_no_data_file_repeats_a_top_level_key():
    """YAML keeps the last of two equal keys, so a list added under a name already taken
    silently replaces the first (round 22: a second ``belief_verbs`` emptied held_true's)."""
    import re
    from collections import Counter
    from pathlib import Path

    import dateline.data

    root = Path(dateline.data.__file__).parent
    for path in sorted(root.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        keys = Counter(re.findall(r"^([A-Za-z_][A-Za-z0-9_]*):", text, flags=re.M))
        assert not [k for k, n in keys.items() if n > 1], path.name

"""Round 22, recall of material acts (recall22b; issue 13): acts of force, coercion and
resignation the coder lost out of fold to the clause rules and the deduplication, not for want
of a lexicon word. Sentences of our own.

- Acts conjoined to the act a verb of doing carries ("practised rape and torture", "employed
  rape, torture and murder") are acts of their own, one record each
  (``triggers._conjoined_acts``, ``coder._carries_conjunct``); a conjoined word that names no
  act adds none.
- A clause that describes a noun inside what another trigger asks or says, and tells a done
  act with its own named subject or agent ("to take back the fighters that Kenyan troops
  captured"), is that act told, not the content asked for (``clauses.told_act`` in
  ``clauses.drop_absorbed``), as is a relative clause in the past whose subject is a personal
  pronoun ("the fighters we captured": ``clauses._told_in_relative``); a clause whose subject
  is the relative word, or a modal one, stays content.
- A time clause in the simple past with its own subject ("as the president clamped down on
  the protests") tells a past act whatever the main clause wants or plans
  (``modality._time_clause_modality``); one in the present ("as forces storm the town") still
  takes the main clause's modality.
- A resignation someone decided ("his decision to quit the cabinet") is given
  (``clauses.decided_measure``, ``resignation_verbs``); a decided attack is still to come.
- "In the past week" or "in the past three days" is a recent span, not the background marker
  "in the past" (``modality._marks_past``, ``recent_span_words``).
"""

from __future__ import annotations

import pytest

from coded import country_pairs, happened, happened_pairs

pytestmark = pytest.mark.slow


def test_conjoined_acts_of_a_verb_of_doing_are_each_coded(lexicon_only):
    text = "In response, the Ugandan army practised rape and torture against the Kenyan villagers."
    assert happened_pairs(lexicon_only, text, "ASSAULT") == [("UGA", "KEN"), ("UGA", "KEN")]


def test_three_conjoined_acts_are_three_records(lexicon_only):
    text = "Somali militants reportedly employed rape, torture and murder against Kenyan civilians."
    assert happened_pairs(lexicon_only, text, "ASSAULT") == [("SOM", "KEN")] * 3


def test_a_conjoined_word_that_is_no_act_adds_no_record(lexicon_only):
    text = "Somali militants employed rape and propaganda against Kenyan civilians."
    assert happened_pairs(lexicon_only, text, "ASSAULT") == [("SOM", "KEN")]


def test_a_capture_told_in_a_request_happened(lexicon_only):
    text = (
        "The Kenyan president urged Uganda to take back 800 fighters that Kenyan troops "
        "captured in Somalia."
    )
    assert [e.source.country for e in happened(lexicon_only, text, "ASSAULT")] == ["KEN"]


def test_a_relative_clause_of_the_request_without_its_own_subject_stays_content(lexicon_only):
    text = "Kenya urged Uganda to free the fighters who attacked the border post."
    assert happened(lexicon_only, text, "ASSAULT") == []


def test_a_past_time_clause_is_told_whatever_the_main_clause_wants(lexicon_only):
    text = (
        "As the Ugandan president clamped down on the initial protests, the activist wanted "
        "to record every abuse."
    )
    assert happened_pairs(lexicon_only, text, "COERCE") == [("UGA", "UGA")]
    assert country_pairs(lexicon_only, text, "THREATEN") == []


def test_a_present_time_clause_takes_the_main_clause_modality(lexicon_only):
    text = "Thousands may die as Ugandan forces storm the town."
    assert happened(lexicon_only, text, "ASSAULT") == []


def test_a_decided_resignation_is_given(lexicon_only):
    text = (
        "Kamau's decision to quit the Kenyan government came after the president confirmed "
        "the withdrawal."
    )
    assert len(happened(lexicon_only, text, "RETREAT")) == 1


def test_a_decided_attack_is_still_to_come(lexicon_only):
    text = "The Kenyan parliament's decision to attack Somali militants was criticised."
    assert happened(lexicon_only, text, "ASSAULT") == []


def test_the_past_week_is_news_not_background(lexicon_only):
    text = "In the past week, Somali militants attacked three Kenyan villages."
    events = happened(lexicon_only, text, "ASSAULT")
    assert [e.modality for e in events] == ["asserted"]


def test_in_the_past_alone_is_background(lexicon_only):
    text = "In the past, Somali militants attacked three Kenyan villages."
    events = happened(lexicon_only, text, "ASSAULT")
    assert [e.modality for e in events] == ["historical"]


def test_a_capture_by_a_pronoun_in_a_relative_clause_of_a_request_happened(pipeline):
    # the shipped model proposes "captured" here (the lexicon's capture frames want a captive)
    text = "Kenya urged Uganda to take back the fighters we captured."
    assert len(happened(pipeline, text, "ASSAULT")) == 1


def test_an_act_a_pronoun_would_do_in_a_relative_clause_stays_content(lexicon_only):
    text = "Kenya urged Uganda to stop the attacks they would launch."
    assert happened(lexicon_only, text, "ASSAULT") == []

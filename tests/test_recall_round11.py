"""Acts the coder used to miss (round 11, recall): someone told, persuaded or encouraged to do
something (PLOVER REQUEST: "ask, urge, persuade"), and an act set beside a demand by "after" or
"before", which is no part of what is demanded. Each with sentences of our own that must be
coded and look-alikes that must not, with the lexicon alone (the trained model is not asked)."""

from __future__ import annotations

import pytest

from coded import dyads, happened

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        ("The Kenyan president told Somalia to withdraw its troops.", ("KEN", "SOM")),
        ("Ghana persuaded Togo to reopen the border.", ("GHA", "TGO")),
        ("The Chinese government encouraged North Korea to return to the talks.", ("CHN", "PRK")),
        ("Uganda was persuaded by Kenya to reopen the border.", ("KEN", "UGA")),
        ("Paris tried to convince Algeria to release the journalist.", ("FRA", "DZA")),
    ],
)
def test_someone_told_or_persuaded_to_act_is_asked(lexicon_only, text, dyad):
    assert dyad in dyads(happened(lexicon_only, text, "REQUEST")), text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # what someone is told or persuaded to do has not happened
        ("The Kenyan president told Somalia to withdraw its troops.", "RETREAT"),
        ("Ghana persuaded Togo to reopen the border.", "RETREAT"),
    ],
)
def test_what_is_asked_is_not_coded_as_done(lexicon_only, text, kind):
    assert not happened(lexicon_only, text, kind), text


@pytest.mark.parametrize(
    "text",
    [
        # an audience told what to expect, something told to them, a thing encouraged
        "The Kenyan president told reporters to expect a deal soon.",
        "The Kenyan president told reporters that the talks had failed.",
        "The Ghanaian minister encouraged investment in the region.",
        # a cause is no one asking; by whom, the sentence does not say
        "The Somali attack persuaded Kenya to close the border.",
        "The Ugandan soldiers had been told to stand down.",
    ],
)
def test_a_look_alike_is_no_request(lexicon_only, text):
    assert not happened(lexicon_only, text, "REQUEST"), text


@pytest.mark.parametrize(
    "text",
    [
        "After bombing the rebel camp, the Chadian army demanded that the rebels surrender.",
        "Before invading the Somali town of Kismayo, the Kenyan president urged Somalia to act.",
    ],
)
def test_an_act_before_or_after_a_demand_is_not_its_content(pipeline, text):
    from dateline.events.extract.clauses import drop_absorbed
    from dateline.events.extract.triggers import find_candidates

    doc = pipeline.nlp(text)
    cands = find_candidates(next(iter(doc.sents)), pipeline.lexicon)
    assert {c.event for c in cands} >= {"ASSAULT", "REQUEST"}, [(c.token, c.event) for c in cands]
    assert "ASSAULT" in {c.event for c in drop_absorbed(cands)}


def test_what_a_demand_asks_is_still_its_content(pipeline):
    from dateline.events.extract.clauses import drop_absorbed
    from dateline.events.extract.triggers import find_candidates

    doc = pipeline.nlp("The Chadian army demanded that the rebels stop attacking the town.")
    cands = find_candidates(next(iter(doc.sents)), pipeline.lexicon)
    assert "ASSAULT" in {c.event for c in cands}
    assert "ASSAULT" not in {c.event for c in drop_absorbed(cands)}


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        (
            "The Ugandan minister said the Congolese army needed to leave the border area.",
            ("UGA", "COD"),
        ),
        ("The Chadian general said the rebels had to surrender.", ("TCD", "TCD")),
    ],
)
def test_a_necessity_said_of_others_is_a_demand(lexicon_only, text, dyad):
    assert dyad in dyads(happened(lexicon_only, text, "REQUEST")), text


@pytest.mark.parametrize(
    "text",
    [
        # the speaker's own side: a plan or a duty
        "The Kenyan president said he needed to rest.",
        "The minister said that we need to work harder.",
        # a forecast, a warning, something not yet met
        "The Ghanaian minister said the treaty would have to be ratified first.",
        "The Kenyan minister said the rebels will have to pay the price.",
        "The Kenyan envoy said the new president has yet to be tested by a crisis.",
    ],
)
def test_a_look_alike_necessity_is_no_demand(lexicon_only, text):
    assert not happened(lexicon_only, text, "REQUEST"), text


def test_what_is_needed_of_others_is_not_coded_as_done(lexicon_only):
    text = "The opposition said the government has to release the prisoners."
    assert happened(lexicon_only, text, "REQUEST")
    assert not happened(lexicon_only, text, "RETREAT")


@pytest.mark.parametrize(
    ("text", "kind", "dyad"),
    [
        # a bounty put on someone's head
        (
            "Somali militants placed a bounty on the head of the Kenyan governor.",
            "THREATEN",
            ("SOM", "KEN"),
        ),
        # armed forces taking over a place
        ("Rwandan troops took over Goma in November.", "ASSAULT", ("RWA", None)),
    ],
)
def test_an_act_the_lexicon_now_names_is_coded(lexicon_only, text, kind, dyad):
    source, target = dyad
    found = dyads(happened(lexicon_only, text, kind))
    assert any(s == source and target in {None, t} for s, t in found), (text, found)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a bounty offered for information threatens nobody
        ("The Kenyan police offered a bounty for information on the killers.", "THREATEN"),
        # a minister taking over a ministry, an army taking over the running of a hospital
        ("The Kenyan minister took over the finance ministry.", "ASSAULT"),
        ("The Kenyan army took over the running of the hospital.", "ASSAULT"),
    ],
)
def test_a_look_alike_is_not_coded(lexicon_only, text, kind):
    assert not happened(lexicon_only, text, kind), text


@pytest.mark.parametrize(
    "text",
    [
        "The attack was confirmed by the Kenyan foreign ministry.",
        "Kenyan officials confirmed the capture of the Shabaab commander.",
    ],
)
def test_an_act_of_force_reported_as_done_is_coded(lexicon_only, text):
    assert happened(lexicon_only, text, "ASSAULT"), text


@pytest.mark.parametrize(
    "text",
    [
        # denied, not confirmed, planned: no act reported as done
        "The Kenyan ministry denied the attack.",
        "The Kenyan ministry did not confirm the attack.",
        "Kenyan officials reported a planned attack on the embassy.",
    ],
)
def test_an_act_of_force_not_reported_as_done_is_not_coded(lexicon_only, text):
    assert not happened(lexicon_only, text, "ASSAULT"), text


def test_telling_ones_own_forces_to_withdraw_concedes(lexicon_only):
    text = "The American president told the Pentagon to extricate its troops as soon as possible."
    assert ("USA", "USA") in dyads(happened(lexicon_only, text, "CONCEDE"))
    assert not happened(lexicon_only, text, "REQUEST")


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        (
            "The Russian foreign minister described the American move as provocative.",
            ("RUS", "USA"),
        ),
        (
            "The Nigerian government described the Chadian decision as deeply disturbing.",
            ("NGA", "TCD"),
        ),
    ],
)
def test_an_act_described_in_words_that_condemn_is_accused(lexicon_only, text, dyad):
    assert dyad in dyads(happened(lexicon_only, text, "ACCUSE")), text


def test_an_act_described_in_words_of_praise_is_not_accused(lexicon_only):
    text = "The Kenyan minister described the talks with Somalia as constructive."
    assert not happened(lexicon_only, text, "ACCUSE")


@pytest.mark.parametrize(
    "text",
    [
        "The European Union placed the Sudanese militia on its terror list.",
        "The Kenyan group was added to the American sanctions blacklist.",
    ],
)
def test_someone_put_on_a_terror_or_sanctions_list_is_sanctioned(lexicon_only, text):
    assert happened(lexicon_only, text, "SANCTION"), text


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan minister was added to the list of speakers.",
        "The Kenyan government put the border issue on the agenda.",
    ],
)
def test_a_list_of_speakers_sanctions_no_one(lexicon_only, text):
    assert not happened(lexicon_only, text, "SANCTION"), text

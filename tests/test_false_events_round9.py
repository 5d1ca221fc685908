"""False events on real articles, out of fold (round 9). Sentences of our own; each rule next
to a sentence it must leave alone."""

from __future__ import annotations

import pytest

from coded import happened

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        "The Malian army pushed the refugees back to the border on Monday.",
        "Mali tried to push through a deal with the rebels at the summit.",
        "Malian troops prepared for a final ground push on the town.",
    ],
)
def test_pushing_without_for_is_no_request(pipeline, text):
    assert not happened(pipeline, text, "REQUEST")


@pytest.mark.parametrize(
    "text",
    [
        "Norway pushed for new talks with Sweden on the fishing quotas.",
        "Norway pushed Sweden to reopen the talks on the fishing quotas.",
        "Norway made a fresh push for talks with Sweden.",
    ],
)
def test_pushing_for_something_is_a_request(pipeline, text):
    assert happened(pipeline, text, "REQUEST")


@pytest.mark.parametrize(
    "text",
    [
        "The Ghanaian student said she deeply regrets travelling to Mali to join the militia.",
        "Many Togolese voters regretted the long feud between the two parties.",
    ],
)
def test_a_regret_is_no_accusation(pipeline, text):
    assert not happened(pipeline, text, "ACCUSE")


def test_a_condemnation_stays_an_accusation(pipeline):
    text = "Ghana condemned Togo's decision to close the border."
    assert happened(pipeline, text, "ACCUSE")


@pytest.mark.parametrize(
    "text",
    [
        "Ghana's president hit back at comments made by Togo's foreign minister on Monday.",
        "The Ghanaian senator attacked the Togolese government's handling of the crisis.",
    ],
)
def test_attacking_words_or_decisions_is_criticism(pipeline, text):
    assert happened(pipeline, text, "ACCUSE")
    assert not happened(pipeline, text, "ASSAULT")


@pytest.mark.parametrize(
    "text",
    [
        "Ghanaian jets attacked rebel positions near the border on Monday.",
        "Gunmen attacked the Togolese minister's convoy on Monday.",
    ],
)
def test_an_attack_on_forces_or_people_stays_an_assault(pipeline, text):
    assert happened(pipeline, text, "ASSAULT")


def test_a_projected_attack_has_not_happened(pipeline):
    text = "Why was nothing said by our envoy about the Malian army's projected attack on Gao?"
    assert not happened(pipeline, text, "ASSAULT")


@pytest.mark.parametrize(
    "text",
    [
        "Crowding has led to fires caused by cooking stoves, which have killed two children in the camp.",
        "The boy was buried with two other children who were burned in a fire on Thursday night.",
    ],
)
def test_a_death_a_hazard_caused_is_no_attack(pipeline, text):
    assert not happened(pipeline, text, "ASSAULT")


def test_a_death_in_an_ambush_stays_an_attack(pipeline):
    text = "Two Malian soldiers were killed in an ambush near Gao on Monday."
    assert happened(pipeline, text, "ASSAULT")


@pytest.mark.parametrize(
    "text",
    [
        "Now, more than ever, the Malian villagers require the support of the international community.",
        "Many donors accept that the army's successes require the president to be allowed to stand again.",
    ],
)
def test_a_need_or_a_condition_is_no_request(pipeline, text):
    assert not happened(pipeline, text, "REQUEST")


def test_someone_requiring_someone_to_act_is_a_request(pipeline):
    assert happened(pipeline, "Ghana required Togo to hand over the suspects.", "REQUEST")


@pytest.mark.parametrize(
    "text",
    [
        "Ghana promised a strong response to any campaign that violated the truce.",
        "Chad had vowed that any use of poison gas by the rebels would warrant direct military intervention.",
    ],
)
def test_a_vow_of_force_is_a_threat(pipeline, text):
    assert happened(pipeline, text, "THREATEN")
    assert not happened(pipeline, text, "AGREE")


def test_a_vow_of_relief_stays_a_pledge(pipeline):
    text = "Ghana pledged a humanitarian response to the floods in the north."
    assert not happened(pipeline, text, "THREATEN")


@pytest.mark.parametrize(
    "text",
    [
        "He has abandoned any influence over Mali and handed the territory to dictators and terrorists.",
        "A young Malian man at the station took off his coat and handed it to her mother.",
    ],
)
def test_handing_something_to_someone_is_no_release(pipeline, text):
    assert not happened(pipeline, text, "RETREAT")


@pytest.mark.parametrize(
    "text",
    [
        "Somali police handed over two Kenyan suspects to Kenya on Monday.",
        "The Malian defence minister handed in his resignation on Thursday.",
    ],
)
def test_handing_over_or_in_is_a_release(pipeline, text):
    assert happened(pipeline, text, "RETREAT")


def test_a_sentence_handed_down_is_a_sanction(pipeline):
    text = "Many are housed with mothers who have been handed death sentences by Iraqi courts."
    assert happened(pipeline, text, "SANCTION")
    assert not happened(pipeline, text, "RETREAT")


def test_conditions_met_are_no_meeting(pipeline):
    text = "Few of the preconditions set by the UN chief have been met by the Malian delegation."
    assert not happened(pipeline, text, "CONSULT")


@pytest.mark.parametrize(
    "text",
    [
        "In truth, the Malian president called the elections early because he feared rising prices.",
        "The family is relieved that at last she has recognised the error of her ways.",
        "They arrived with the crowds that fled Gao in early May.",
    ],
)
def test_a_word_in_another_sense_is_no_diplomacy(pipeline, text):
    for event in ("CONSULT", "SUPPORT"):
        assert not happened(pipeline, text, event)


def test_a_leader_arriving_somewhere_is_a_visit(pipeline):
    text = "The Egyptian president arrived in Sudan for a two-day visit."
    assert happened(pipeline, text, "CONSULT")


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "Two Malian men were filmed in a cafe, charging their phones and sitting on couches.",
            "ACCUSE",
        ),
        (
            "Relatives say they are seeking at least 700 women from countries such as Mali and Niger.",
            "REQUEST",
        ),
        ("The militants' so-called state is ready to fall.", "AGREE"),
    ],
)
def test_a_word_in_its_everyday_sense_is_no_event(pipeline, text, event):
    assert not happened(pipeline, text, event)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Ghana charged two Togolese nationals with spying on Monday.", "ACCUSE"),
        ("Sri Lanka sought emergency loans from India.", "REQUEST"),
    ],
)
def test_the_political_sense_stays(pipeline, text, event):
    assert happened(pipeline, text, event)


@pytest.mark.parametrize(
    "text",
    [
        "Malian jets renewed their bombardment of the north, intensively attacking the town of Kidal.",
        "The Nigerien army invaded the rebel enclave on Monday, ousting the militia from the town.",
    ],
)
def test_a_participle_that_goes_on_telling_an_attack_is_the_same_attack(pipeline, text):
    assert len(happened(pipeline, text, "ASSAULT")) == 1


def test_a_participle_after_no_attack_is_an_attack_of_its_own(pipeline):
    assert happened(pipeline, "The booby trap detonated, killing the Malian soldier.", "ASSAULT")


@pytest.mark.parametrize(
    "text",
    ["Its calls for a ceasefire are ignored.", "Mali's appeals for help have been ignored."],
)
def test_a_request_ignored_by_nobody_named_is_no_refusal(pipeline, text):
    assert not happened(pipeline, text, "REJECT")


def test_a_request_ignored_by_someone_is_a_refusal(pipeline):
    text = "Mali's appeals for help have been ignored by the junta in Niger."
    assert happened(pipeline, text, "REJECT")

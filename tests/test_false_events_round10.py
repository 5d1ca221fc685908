"""False events on real articles, out of fold (round 10). Sentences of our own; each rule next
to a sentence it must leave alone."""

from __future__ import annotations

import pytest

from coded import happened

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        "The Pakistani army test-fired a nuclear-capable cruise missile on Thursday.",
        "Iran test-launched a new long-range rocket from a desert base.",
    ],
)
def test_a_weapon_fired_as_a_test_is_no_attack(pipeline, text):
    assert not happened(pipeline, text, "ASSAULT")
    assert happened(pipeline, text, "MOBILIZE")


def test_a_missile_fired_at_someone_stays_an_attack(pipeline):
    text = "Houthi rebels fired two missiles at a Saudi airport on Thursday."
    assert happened(pipeline, text, "ASSAULT")


@pytest.mark.parametrize(
    "text",
    [
        "The Ivorian president pardoned three jailed opposition leaders on Monday.",
        "The Bolivian government declared an amnesty for deserters of the army.",
    ],
)
def test_a_pardon_or_amnesty_is_a_concession(pipeline, text):
    assert happened(pipeline, text, "CONCEDE")
    assert not happened(pipeline, text, "SUPPORT")


def test_an_apology_stays_a_support(pipeline):
    # CAMEO 055 and the sentence gold code an apology as SUPPORT
    text = "Japan apologized to South Korea for the remarks of its envoy."
    assert happened(pipeline, text, "SUPPORT")


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "Ethiopian troops shelled the Eritrean town of Senafe and the Sudanese town of "
            "Kassala on Monday.",
            "ASSAULT",
        ),
        ("Kenyan police arrested a Ugandan activist and a Tanzanian lawyer in Nairobi.", "COERCE"),
        ("Kenya revoked the citizenship of a Ugandan cleric and a Somali preacher.", "SANCTION"),
    ],
)
def test_one_act_of_force_on_several_parties_is_one_record(pipeline, text, event):
    assert len(happened(pipeline, text, event)) == 1


def test_a_request_to_several_states_stays_one_record_each(pipeline):
    text = "Ghana urged Togo and Benin to reopen the border."
    assert len(happened(pipeline, text, "REQUEST")) == 2


def test_a_mention_names_several_parties_only_with_words_of_its_own(pipeline):
    from dateline.events.extract.coder import _names_several

    doc = pipeline.nlp("Jets pounded Russian and Syrian positions. Police questioned the two men.")
    positions = next(t for t in doc if t.lower_ == "positions")
    men = next(t for t in doc if t.lower_ == "men")
    assert _names_several(positions)
    assert not _names_several(men)


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan army closed the remaining gap with the militants near Lamu.",
        "The Ugandan commander ignored the questions, closing his eyes.",
        "The two Somali prisoners cracked jokes during the hearing.",
        "Kenya's policy now aims at preventing Somalia from gaining influence in the region.",
        "As all Kenyan consular services are suspended in Somalia, families cannot get help.",
    ],
)
def test_stopping_or_closing_nobody_is_no_restriction(pipeline, text):
    assert not happened(pipeline, text, "COERCE")


@pytest.mark.parametrize(
    "text",
    [
        "The Ugandan government suspended two opposition newspapers on Monday.",
        "Egyptian police prevented journalists from entering the court in Cairo.",
        "Iranian police suppressed the protests in Tehran on Friday.",
    ],
)
def test_stopping_a_voice_or_a_movement_is_a_restriction(pipeline, text):
    assert happened(pipeline, text, "COERCE")


def test_an_act_someone_would_like_done_has_not_happened(pipeline):
    text = "The Kenyan minister said he would like the Somali militants to be arrested in Nairobi."
    assert not happened(pipeline, text, "COERCE")


@pytest.mark.parametrize(
    "text",
    [
        "Eastern Congo was the scene of a long conflict that killed 5 million people.",
        "The civil war, which has killed more than 300,000 people, entered its eighth year.",
    ],
)
def test_a_war_toll_is_a_count(pipeline, text):
    assert not happened(pipeline, text, "ASSAULT")


def test_a_killing_by_someone_named_stays_an_attack(pipeline):
    text = "Kenyan troops killed 20 al-Shabaab fighters near the border on Monday."
    assert happened(pipeline, text, "ASSAULT")


@pytest.mark.parametrize(
    "text",
    [
        "The first Kenyan killed fighting al-Shabaab in Somalia was buried on Monday.",
        "Two Kenyan soldiers were killed fighting al-Shabaab near the border on Monday.",
    ],
)
def test_what_the_dead_were_doing_is_the_same_act(pipeline, text):
    assert len(happened(pipeline, text, "ASSAULT")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Backed by Rwanda, the Congolese rebels are preparing to hold talks with Kinshasa.",
        "The Congolese militia is supported in its fight by the Rwandan government.",
    ],
)
def test_who_backs_whom_as_a_description_is_no_support(pipeline, text):
    assert not happened(pipeline, text, "SUPPORT")


def test_a_backing_reported_as_done_stays_a_support(pipeline):
    text = "The Kenyan offensive was backed by Uganda on Monday."
    assert happened(pipeline, text, "SUPPORT")


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan opposition fought the election on a promise of land reform.",
        "The Ugandan activist fought the extradition in the courts.",
    ],
)
def test_fighting_an_election_or_a_case_is_no_attack(pipeline, text):
    assert not happened(pipeline, text, "ASSAULT")


def test_fighting_an_enemy_stays_an_attack(pipeline):
    text = "Kenyan troops fought al-Shabaab militants near the border on Monday."
    assert happened(pipeline, text, "ASSAULT")


@pytest.mark.parametrize(
    "text",
    [
        "The Chadian rebels seized the town of Abeche with Sudanese backing on Monday.",
        "The Malian opposition has enjoyed broad Algerian backing for years.",
        "The Congolese militia receives significant support from the Rwandan army.",
    ],
)
def test_backing_someone_has_or_acts_with_is_no_support(pipeline, text):
    assert not happened(pipeline, text, "SUPPORT")


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan president expressed support for the Somali government on Monday.",
        "Uganda announced its backing for the Kenyan offensive on Monday.",
    ],
)
def test_backing_given_as_an_act_stays_a_support(pipeline, text):
    assert happened(pipeline, text, "SUPPORT")


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan senator Moses Wetangula clashed with the president over the budget on Monday.",
        "William Ruto and Raila Odinga clashed in public over the budget on Monday.",
        "The Kenyan opposition leader clashed with William Ruto over the budget on Monday.",
    ],
)
def test_a_quarrel_between_people_is_no_clash_of_forces(pipeline, text):
    assert not happened(pipeline, text, "ASSAULT")


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan troops clashed with al-Shabaab fighters near the border on Monday.",
        "Police clashed with protesters in Nairobi on Monday.",
    ],
)
def test_forces_that_clash_still_fight(pipeline, text):
    assert happened(pipeline, text, "ASSAULT")


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of foreign volunteers joined the fight against al-Shabaab in Somalia in 2012.",
        "The Kenyan student joined the war in Somalia on the side of al-Shabaab.",
    ],
)
def test_joining_a_war_as_a_fighter_is_no_attack(pipeline, text):
    assert not happened(pipeline, text, "ASSAULT")


def test_a_state_that_joins_a_war_still_fights(pipeline):
    text = "Kenya joined the war against al-Shabaab in October 2011."
    assert happened(pipeline, text, "ASSAULT")

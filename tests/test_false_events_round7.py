"""False events on real articles, out of fold (round 7). Sentences of our own; each rule next
to a sentence it must leave alone."""

from __future__ import annotations

import pytest

from coded import happened

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        "It’s one thing to shell a barracks, the Ghanaian colonel said.",
        "It’s another thing to launch an attack on a school, the Ghanaian colonel said.",
        "It's one thing to shell a barracks, the Ghanaian colonel said.",
    ],
)
def test_an_act_named_as_a_kind_after_a_curly_contraction_is_no_event(pipeline, text):
    assert not happened(pipeline, text, "ASSAULT")


def test_an_event_noun_an_infinitive_talks_about_is_real(pipeline):
    text = "It’s vital to understand the attack of the Malian army on the village, she said."
    assert happened(pipeline, text, "ASSAULT")


def test_a_party_named_inside_the_target_phrase_is_no_second_target(pipeline):
    for text in (
        "Malian troops were shelling Ivorian and Ghanaian positions near the border on Monday.",
        "Rebels were targeting the Tuareg people of the north on Monday.",
    ):
        assert len(happened(pipeline, text, "ASSAULT")) == 1, text


def test_targets_joined_by_and_stay_two(pipeline):
    urged = happened(pipeline, "Kenya urged Ghana and Togo to release the prisoners.", "REQUEST")
    assert {e.target.country for e in urged} == {"GHA", "TGO"}


def test_one_mention_that_stands_for_both_parties_is_one_reciprocal_act(pipeline):
    text = (
        "Nana Akufo-Addo met his Togolese counterpart, Faure Gnassingbé, in Accra on Monday. "
        "The border will be reopened by May, the two leaders agreed."
    )
    assert len([e for e in happened(pipeline, text, "AGREE") if e.sentence == 1]) == 1
    # a mention that names each party ("Ghanaian and Togolese delegations") stays both ways
    named = happened(pipeline, "The Ghanaian and Togolese delegations agreed on Monday.", "AGREE")
    assert len(named) == 2


def test_two_named_parties_that_agree_stay_both_ways(pipeline):
    agreed = happened(pipeline, "Ghana and Togo agreed on Monday to reopen the border.", "AGREE")
    assert {(e.source.country, e.target.country) for e in agreed} == {
        ("GHA", "TGO"),
        ("TGO", "GHA"),
    }


def test_they_standing_for_named_parties_agree_both_ways(pipeline):
    """A pronoun resolved to parties named before names each of them, like "X and Y agreed"."""
    text = (
        "Kenyan President William Ruto and Ugandan President Yoweri Museveni spoke by phone on "
        "Monday, and officials in both capitals said they agreed to reopen the border."
    )
    pairs = {(e.source.country, e.target.country) for e in happened(pipeline, text, "AGREE")}
    assert pairs == {("KEN", "UGA"), ("UGA", "KEN")}


@pytest.mark.parametrize(
    ("text", "event", "addressed"),
    [
        ("Kenya urged Ghana to put pressure on Togo over the border.", "REQUEST", {"GHA"}),
        ("Mali warned Niger that it risked a clash with Chad.", "THREATEN", {"NER"}),
        ("Mali warned that it would attack Niger if provoked.", "THREATEN", {"NER"}),
    ],
)
def test_an_act_addresses_its_object_not_the_parties_of_its_content(
    pipeline, text, event, addressed
):
    coded = happened(pipeline, text, event)
    assert {e.target.country for e in coded if e.target} == addressed


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The new terms were hard to accept, Togolese officials said.", "AGREE"),
        ("Ghana has so far been unwilling to instruct its ally to pull back.", "REQUEST"),
        ("Kenya has been reluctant to attack the militants in Somalia.", "ASSAULT"),
    ],
)
def test_an_act_someone_is_unwilling_or_finds_hard_to_do_is_not_done(pipeline, text, event):
    assert not happened(pipeline, text, event)


def test_terms_hard_to_accept_are_not_accepted_though_the_offer_was_made(pipeline):
    # PLOVER codes an offer as AGREE: the offer by Mali happened, Togo's acceptance did not
    text = "The terms offered by Mali were hard to accept, Togolese officials said."
    assert {e.source.country for e in happened(pipeline, text, "AGREE") if e.source} == {"MLI"}


def test_an_offer_accepted_stays_an_agreement(pipeline):
    assert happened(pipeline, "Kenya accepted the terms offered by Somalia on Monday.", "AGREE")


@pytest.mark.parametrize(
    "text",
    [
        "Chadian troops, who have fought alongside Malian forces since 2013, went home on Monday.",
        "The militia is fighting on the side of the Libyan government, officials said.",
    ],
)
def test_fighting_on_someones_side_is_no_attack_on_them(pipeline, text):
    assert not happened(pipeline, text, "ASSAULT")


def test_a_fight_alongside_an_ally_against_an_enemy_is_an_attack(pipeline):
    text = "Chadian troops fought alongside Malian forces against the rebels near Gao on Monday."
    assert happened(pipeline, text, "ASSAULT")

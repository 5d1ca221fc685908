"""Demands and threats the coder used to miss (round 12, recall): a call for a ceasefire (a
REQUEST, as the coding guide codes "X called for Y"), a military operation launched or announced
(an attack or a threat, never a joint exercise), and what a resolution, a report or a letter
demands (its author's REQUEST). Each with sentences of our own that must be coded and
look-alikes that must not, with the lexicon alone."""

from __future__ import annotations

import pytest

from coded import dyads, happened

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        "The Nigerian president called for a ceasefire in the Niger Delta.",
        "The African Union's resolution called for an immediate truce.",
    ],
)
def test_a_call_for_a_ceasefire_asks_for_one(lexicon_only, text):
    assert happened(lexicon_only, text, "REQUEST"), text
    assert not happened(lexicon_only, text, "CONCEDE"), text


def test_a_side_that_calls_a_truce_declares_it(lexicon_only):
    text = "Sudanese rebels called a three-day truce."
    assert happened(lexicon_only, text, "CONCEDE") and not happened(lexicon_only, text, "REQUEST")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a military operation launched is an attack, one announced a threat (the coding guide:
        # plans and threats of hostile acts), not a joint exercise
        ("The Kenyan army launched a military operation against the Shabaab on Monday.", "ASSAULT"),
        (
            "The Kenyan president said that Kenya will launch a military operation against the"
            " Shabaab within days.",
            "THREATEN",
        ),
        (
            '"We will begin our operation against the militants within a few days," the Chadian'
            " president told MPs.",
            "THREATEN",
        ),
    ],
)
def test_an_operation_launched_is_no_cooperation(lexicon_only, text, kind):
    assert happened(lexicon_only, text, kind), text
    assert not happened(lexicon_only, text, "COOPERATE"), text
    assert not happened(lexicon_only, text, "AGREE"), text


def test_joint_patrols_stay_a_cooperation(lexicon_only):
    text = "Kenyan and Ugandan troops launched joint patrols along the border."
    assert happened(lexicon_only, text, "COOPERATE"), text


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a text speaks for whoever passed, issued or wrote it
        (
            "The UN security council passed a resolution that demanded an immediate end to the"
            " fighting.",
            None,
        ),
        ("A resolution passed by the African Union called for an end to the fighting.", None),
        ("Amnesty International published a report which urges Kenya to close the camps.", None),
        (
            "A letter from the Ugandan opposition calls on the prime minister to release the"
            " prisoners.",
            "UGA",
        ),
    ],
)
def test_a_text_that_demands_speaks_for_its_author(lexicon_only, text, source):
    found = happened(lexicon_only, text, "REQUEST")
    assert found and all(e.source is not None for e in found), (text, found)
    if source is not None:
        assert source in {s for s, _ in dyads(found)}, text


def test_a_text_condemned_still_asked(lexicon_only):
    text = "The families condemned a report urging the government to close the camps."
    assert happened(lexicon_only, text, "REQUEST") and happened(lexicon_only, text, "ACCUSE")


@pytest.mark.parametrize(
    "text",
    [
        # a text's clause that says no verbal act, and a speaker's relative clause in the present
        # (what someone does as a rule), stay as they were
        "Amnesty International published a report which runs to 80 pages.",
        "Ghana, which urges restraint in every crisis, stayed silent.",
    ],
)
def test_no_text_no_demand(lexicon_only, text):
    assert not happened(lexicon_only, text, "REQUEST"), text


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        # a penalty is imposed by deciding it: the decision reports the SANCTION, not an aim
        (
            "The interior minister faces a legal challenge over his decision to revoke the"
            " journalist's Kenyan citizenship.",
            ("KEN", "KEN"),
        ),
        (
            "The Kenyan party chairman defended the minister's decision to strip the activist of"
            " her citizenship.",
            ("KEN", "KEN"),
        ),
        ("The Ugandan president's decision to expel the Kenyan diplomats surprised observers.",
         ("UGA", "KEN")),
    ],
)  # fmt: skip
def test_a_decided_penalty_is_imposed(lexicon_only, text, dyad):
    found = happened(lexicon_only, text, "SANCTION")
    assert dyad in dyads(found), (text, found)
    assert not happened(lexicon_only, text, "THREATEN"), text


@pytest.mark.parametrize(
    "text",
    [
        # an attack decided is still to come; a penalty only planned or sought is no penalty
        "The minister's decision to attack the rebels was criticised.",
        "The Ugandan president's plan to expel the Kenyan diplomats surprised observers.",
    ],
)
def test_an_undecided_penalty_is_not_imposed(lexicon_only, text):
    assert not happened(lexicon_only, text, "SANCTION"), text
    assert not happened(lexicon_only, text, "ASSAULT"), text


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        # what a party is expected or wanted to do by another is asked of it
        ("Moscow expected Turkey to hand over the town to the Syrian government.", ("RUS", "TUR")),
        (
            "The Kenyan foreign minister said he expected the United States to show goodwill"
            " towards Kenya.",
            ("KEN", "USA"),
        ),
        (
            "The Sudanese president wants the Chadian government to close the border.",
            ("SDN", "TCD"),
        ),
    ],
)
def test_what_a_party_is_wanted_to_do_is_asked(lexicon_only, text, dyad):
    assert dyad in dyads(happened(lexicon_only, text, "REQUEST")), text


@pytest.mark.parametrize(
    "text",
    [
        # a forecast, a wish about a pronoun or about people, a wish denied
        "The Kenyan army expects the city to be taken within days.",
        "We want her to come back so that she can be re-educated.",
        "The Ugandan president does not want the refugees to come back.",
        "The Ugandan officials were only expecting 2,000 people to leave during the evacuations.",
        "Everyone expected this to happen.",
    ],
)
def test_a_wish_or_forecast_is_no_request(lexicon_only, text):
    assert not happened(lexicon_only, text, "REQUEST"), text

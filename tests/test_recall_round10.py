"""Acts the coder used to miss (round 10, recall): an accusation followed by "a charge X
denies" (the parser makes it the denial's content), grievances (an act that angers someone, an
actor angry or fuming about someone: PLOVER ACCUSE), weapons handed to another's forces
(PLOVER AID, military), backing down and giving in (PLOVER CONCEDE) and views exchanged
(PLOVER CONSULT). Each with sentences of our own that must be coded and look-alikes that must
not, with the lexicon alone (the trained model is not asked)."""

from __future__ import annotations

import pytest

from coded import dyads, happened

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "kind", "dyad"),
    [
        # an actor angry, furious, fuming about someone
        ("Egypt is angry at Ethiopia's support for the rebels.", "ACCUSE", ("EGY", "ETH")),
        ("Pakistan was furious over the Indian strikes.", "ACCUSE", ("PAK", "IND")),
        ("The Chilean minister was angry with Bolivia.", "ACCUSE", ("CHL", "BOL")),
        ("The Algerian government seethed over the French remarks.", "ACCUSE", ("DZA", "FRA")),
        (
            "Bogota fumed over the Venezuelan decision to close the border.",
            "ACCUSE",
            ("COL", "VEN"),
        ),
        # fire exchanged, people put or thrown in prison
        (
            "Armenian and Azerbaijani troops exchanged fire on the border.",
            "ASSAULT",
            ("ARM", "AZE"),
        ),
        ("The Burmese junta put the opposition leader in prison.", "COERCE", ("MMR", "MMR")),
        ("The Iranian regime threw the activists into jail.", "COERCE", ("IRN", "IRN")),
        # weapons handed over: military aid to whom receives them
        ("Iran supplied drones to Russia.", "AID", ("IRN", "RUS")),
        ("Poland delivered tanks and artillery to Ukraine.", "AID", ("POL", "UKR")),
        ("China provided Pakistan with fighter jets.", "AID", ("CHN", "PAK")),
        # money given "in" aid or funding (the parser makes "in" the verb's particle)
        ("Britain gave £50m in humanitarian aid to Yemen.", "AID", ("GBR", "YEM")),
        ("Norway has given $20m in emergency funding to Sudan.", "AID", ("NOR", "SDN")),
        # a loan approved or a tranche released, a government bailed out
        ("The World Bank approved a $500m loan to Kenya.", "AID", (None, "KEN")),
        ("The IMF released the latest tranche of its loan to Pakistan.", "AID", (None, "PAK")),
        ("The European Union bailed out the Greek government in 2010.", "AID", (None, "GRC")),
        # backing down, rowing back, giving in
        ("The Kenyan government backed down over the fuel tax.", "CONCEDE", ("KEN", None)),
        (
            "The Ghanaian minister rowed back on the plan to tax remittances.",
            "CONCEDE",
            ("GHA", None),
        ),
        ("The Peruvian government caved in to the miners' demands.", "CONCEDE", ("PER", None)),
        # a deal backed out of is rejected; support sought is asked for
        ("Ottawa backed out of the deal with Kenya.", "REJECT", ("CAN", None)),
        ("Uganda sought Kenya's backing for the plan.", "REQUEST", ("UGA", "KEN")),
        ("Egypt is seeking Saudi support against Ethiopia.", "REQUEST", ("EGY", "SAU")),
        # someone designated or listed as a terrorist; a concession in other words
        (
            "The United States designated the Houthis as a terrorist organisation.",
            "SANCTION",
            ("USA", "YEM"),
        ),
        ("Britain listed the Wagner group as terrorists.", "SANCTION", ("GBR", "RUS")),
        ("The Peruvian government acquiesced to the miners' demands.", "CONCEDE", ("PER", None)),
        # forces closing in on a place
        ("Ethiopian troops closed in on the Tigrayan capital.", "ASSAULT", ("ETH", None)),
        # views exchanged are talks
        (
            "The Nigerian foreign minister exchanged views with his Ghanaian counterpart.",
            "CONSULT",
            ("NGA", "GHA"),
        ),
    ],
)
def test_an_act_the_lexicon_now_names_is_coded(lexicon_only, text, kind, dyad):
    events = happened(lexicon_only, text, kind)
    assert events, text
    source, target = dyad
    assert any(s == source and (target is None or t == target) for s, t in dyads(events)), (
        text,
        dyads(events),
    )


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # an angry crowd, officials upset about nothing named: no grievance against anyone
        ("An angry crowd gathered outside the Kenyan embassy in Kampala.", "ACCUSE"),
        ("Officials in Lagos were upset.", "ACCUSE"),
        # tanks sent into a town are a deployment, not aid; a present is no weapon
        ("Russia sent tanks into the Georgian town of Gori.", "AID"),
        ("The Ugandan president gave a speech to the Kenyan parliament.", "AID"),
        # terrorist attacks listed, a view held, a deadline closing in
        ("The Kenyan report listed three terrorist attacks in Mombasa.", "SANCTION"),
        ("Turkey views the YPG as a terrorist group.", "SANCTION"),
        ("The deadline closed in on the Kenyan negotiators.", "ASSAULT"),
        # a truck backing out of a yard; support obtained is no request
        ("The Kenyan army truck backed out of the yard.", "REJECT"),
        ("Turkey obtained Russia's blessing for the offensive.", "REQUEST"),
        # views, gifts, prisoners exchanged: no fighting; a plan put on hold: no detention
        ("Armenia and Azerbaijan exchanged prisoners on Monday.", "ASSAULT"),
        ("The Kenyan government put the proposal on hold.", "COERCE"),
        # a law passed, a deal left: no aid
        ("The Egyptian parliament approved the new aid law.", "AID"),
        ("Britain bailed out of the Kenyan deal.", "AID"),
        # money given "in" aid, a team giving in, rowers rowing back: no concession
        ("Britain gave £50m in humanitarian aid to Yemen.", "CONCEDE"),
        ("The Chilean team gave in after ten minutes.", "CONCEDE"),
        ("The Mexican rowers rowed back to the harbour.", "CONCEDE"),
        # refusing to back down is no concession
        ("The Serbian president refused to back down over Kosovo.", "CONCEDE"),
        # gifts exchanged are no talks
        ("The Nigerian and Ghanaian presidents exchanged gifts in Abuja.", "CONSULT"),
    ],
)
def test_a_look_alike_is_not_coded(lexicon_only, text, kind):
    assert not happened(lexicon_only, text, kind), text


@pytest.mark.parametrize(
    "text",
    [
        "Chad accused Sudan of backing the rebels, a charge Khartoum denies.",
        "Chad accused Sudan of backing the rebels, a charge Khartoum rejected.",
    ],
)
def test_an_accusation_restated_as_a_denied_charge_is_made(lexicon_only, text):
    assert ("TCD", "SDN") in dyads(happened(lexicon_only, text, "ACCUSE")), text


def test_what_a_denial_says_did_not_happen_stays_out(lexicon_only):
    text = "Kenya denied that its troops had shelled the Somali town."
    assert not happened(lexicon_only, text, "ASSAULT")


def test_an_act_acquiesced_in_is_coded_besides_the_consent(lexicon_only):
    text = "Moscow acquiesced in the Turkish offensive against the Kurdish militia."
    assert happened(lexicon_only, text, "CONCEDE")
    assert happened(lexicon_only, text, "ASSAULT")

"""Who did it to whom, round 10 (docs/accuracy-history.md, "Round 10: actors"), on sentences of our own:
a piece of a hyphened place name is no town, a town is not the politician who shares its name,
the unnamed victims of a state's forces are not that state's, and a backed force is not its
backer's."""

from __future__ import annotations

from datetime import date

import pytest

from coded import coded_events, first_event
from dateline.model import Article


def _countries(events) -> set[str | None]:
    return {s.country for e in events for s in (e.source, e.target) if s is not None}


@pytest.mark.slow
def test_a_piece_of_a_hyphened_place_name_is_no_town_of_its_own(nlp):
    from dateline.events.extract.inference import place_name

    doc = nlp("A mortar round hit a bakery in Deir ez-Zor province on Tuesday.")
    zor = next(t for t in doc if t.text == "Zor")
    assert place_name(zor) == "Deir ez-Zor"
    # a hyphened name the gazetteer does not know gives no town from its pieces
    doc = nlp("A shell hit a bakery in Tell al-Nasr on Tuesday.")
    assert place_name(next(t for t in doc if t.text == "Tell")) is None
    assert place_name(next(t for t in doc if t.text == "Nasr")) is None
    doc = nlp("A shell hit a bakery in Hama on Tuesday.")
    assert place_name(next(t for t in doc if t.text == "Hama")) == "Hama"
    # two names hyphened together stay two names
    doc = nlp("A drone hit a lorry near the Syria-Jordan border on Tuesday.")
    assert place_name(next(t for t in doc if t.text == "Jordan")) == "Jordan"


@pytest.mark.slow
def test_an_attack_in_a_hyphened_province_is_not_placed_abroad(pipeline):
    events = coded_events(
        pipeline,
        "Air raids on the village of Mayadin in Deir ez-Zor province killed nine civilians on "
        "Sunday.",
    )
    assert events
    assert "KWT" not in _countries(events)


@pytest.mark.slow
def test_people_in_a_town_are_not_of_the_politician_named_like_it(pipeline):
    # "Lagos" is also the surname of a Chilean president
    shot = first_event(
        coded_events(pipeline, "Riot police shot dead four students in Lagos on Friday."), "ASSAULT"
    )
    assert shot.target is not None and shot.target.country == "NGA"


@pytest.mark.slow
def test_the_unnamed_victims_of_a_states_forces_are_not_that_states(pipeline):
    events = coded_events(
        pipeline,
        "Fighting flared around Raqqa and Hasakah in north-eastern Syria this week. More than "
        "60 pro-government fighters were killed by French forces on Monday, activists said.",
    )
    hit = first_event(events, "ASSAULT")
    assert hit.source is not None and hit.source.country == "FRA"
    assert hit.target is not None and hit.target.country == "SYR"


@pytest.mark.slow
def test_police_still_act_on_their_own_people(pipeline):
    shot = first_event(
        coded_events(pipeline, "Ethiopian police shot dead two protesters on Sunday."), "ASSAULT"
    )
    assert shot.target is not None and shot.target.country == "ETH"


@pytest.mark.slow
def test_a_backed_force_is_not_its_backers(pipeline):
    hit = first_event(
        coded_events(
            pipeline,
            "Saudi-backed fighters stormed the harbour of Mokha on Thursday, the Saudi defence "
            "ministry said.",
        ),
        "ASSAULT",
    )
    assert hit.source is not None and hit.source.country != "SAU"


@pytest.mark.slow
def test_a_counted_nationality_killed_fighting_a_group_acts_for_the_other_side(pipeline):
    events = coded_events(
        pipeline,
        "Kurdish forces pushed into Raqqa in northern Syria. Two Irish men killed fighting "
        "Islamic State were buried on Monday.",
    )
    dead = [e.target for e in events if e.event == "ASSAULT" and e.target is not None]
    men = [t for t in dead if "men" in t.text]
    assert men and men[0].country == "SYR" and men[0].sector == "REB"


@pytest.mark.slow
def test_a_plural_nationality_noun_killed_fighting_a_group_acts_for_the_other_side(pipeline):
    events = coded_events(
        pipeline,
        "Kurdish forces pushed into Raqqa in northern Syria. Other Canadians killed fighting "
        "Isis in the past year include a medic from Toronto.",
    )
    sides = [s for e in events for s in (e.source, e.target) if s is not None]
    canadians = [s for s in sides if "Canadians" in s.text]
    assert canadians and all(s.country == "SYR" for s in canadians)


@pytest.mark.slow
def test_a_plural_nationality_noun_with_no_fight_keeps_its_country(pipeline):
    held = first_event(
        coded_events(pipeline, "Police arrested two Britons in Spain on Monday."), "COERCE"
    )
    assert held.target is not None and held.target.country == "GBR"


@pytest.mark.slow
def test_islamic_state_acting_in_a_town_of_its_other_country_is_that_countrys(pipeline):
    events = coded_events(
        pipeline,
        "Islamic State still holds villages near Raqqa and Deir ez-Zor in Syria. Isis fighters "
        "stormed a police post in Tikrit on Friday, killing five officers. The group also "
        "shelled Kurdish positions near Raqqa.",
    )
    by_sentence = {e.sentence: e for e in events if e.event == "ASSAULT"}
    assert by_sentence[1].source is not None and by_sentence[1].source.country == "IRQ"
    assert by_sentence[2].source is not None and by_sentence[2].source.country == "SYR"


def _person(pipeline, text: str, name: str):
    result = pipeline.code(Article(id="t", text=text, published=date(2018, 3, 1)))
    found = [a for a in result.actors if a.kind == "person" and a.name == name]
    assert found, [(a.name, a.kind) for a in result.actors]
    return found[0]


@pytest.mark.slow
def test_a_person_at_a_listed_rights_group_acts_for_it_not_for_the_storys_country(pipeline):
    keller = _person(
        pipeline,
        "Government troops shelled Idlib in Syria. Tom Keller, a researcher at Amnesty "
        "International, accused the army of war crimes.",
        "Tom Keller",
    )
    assert (keller.country, keller.sector) == (None, "NGO")


@pytest.mark.slow
def test_a_person_of_an_unlisted_body_named_like_a_charity_acts_for_it(pipeline):
    haddad = _person(
        pipeline,
        "Government troops shelled Idlib in Syria. Rana Haddad, the director of the Syria "
        "Relief Campaign, accused the army of war crimes.",
        "Rana Haddad",
    )
    assert (haddad.country, haddad.sector) == (None, "NGO")


@pytest.mark.slow
def test_a_member_of_an_armed_group_named_in_apposition_stays_the_fighters_rule(pipeline):
    roe = _person(
        pipeline,
        "Kurdish forces pushed into Raqqa in northern Syria. Jo Roe, an Isis member from "
        "Leeds, was killed in a drone strike.",
        "Jo Roe",
    )
    assert roe.sector != "NGO"

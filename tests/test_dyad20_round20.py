"""Round 20, the dyad lane (dyad20): sides the argument and actor stages used to miss or give
the wrong party, on sentences of our own: a pronoun of a relative clause is not the noun the
clause hangs on; a person of no office dealing with their own state's rulers is a dyad; an
attack someone is defended from is aimed at what is defended."""

from __future__ import annotations

from coded import coded_events, sides


def test_they_of_a_relative_clause_is_not_its_head(pipeline):
    events = coded_events(
        pipeline,
        "Villagers see the raid as an outrage against the Ugandan army, which they accuse of "
        "burning homes.",
    )
    accusations = [e for e in events if e.event == "ACCUSE"]
    assert accusations, [(e.event, e.source, e.target) for e in events]
    assert accusations[0].target is not None and accusations[0].target.sector == "MIL"
    assert accusations[0].source is None or accusations[0].source.sector != "MIL"


def test_a_person_of_no_office_deals_with_their_own_rulers(pipeline):
    events = coded_events(pipeline, "Ahmet Kaya negotiated a truce with Ankara's new rulers.")
    assert ("TUR", "TUR") in sides(events, "AGREE")


def test_a_state_organ_agreeing_with_its_own_capital_is_no_dyad(pipeline):
    events = coded_events(
        pipeline, "The Turkish interior minister agreed with Ankara's new rulers on Monday."
    )
    assert ("TUR", "TUR") not in sides(events, "AGREE")


def test_the_attack_is_aimed_at_what_is_defended_from_it(pipeline):
    events = coded_events(
        pipeline, "He died defending Kurdish-held villages from a Turkish assault."
    )
    assaults = [e for e in events if e.event == "ASSAULT" and e.source is not None]
    assert assaults and assaults[0].source.country == "TUR"
    assert assaults[0].target is not None and "villages" in assaults[0].target.text


def test_a_stance_defended_against_criticism_is_no_attack_target(pipeline):
    events = coded_events(
        pipeline, "The minister defended the decision against criticism from Uganda."
    )
    assert not [e for e in events if e.event == "ASSAULT"]


def test_whose_killing_at_the_hands_of_names_the_victim(pipeline):
    events = coded_events(
        pipeline,
        "The rebel leader, whose killing at the hands of Houthi rebels shocked the country, "
        "was buried on Friday.",
    )
    assaults = [e for e in events if e.event == "ASSAULT"]
    assert assaults and assaults[0].source is not None and assaults[0].source.country == "YEM"
    assert assaults[0].target is not None and "leader" in assaults[0].target.text


def test_the_owner_of_an_office_in_apposition_gives_an_igo_or_ngo(pipeline):
    events = coded_events(
        pipeline,
        "Syrian forces shelled the town on Monday. Nadia Karim, Amnesty International's "
        "regional director, urged the government to stop the attacks.",
    )
    requests = [e for e in events if e.event == "REQUEST"]
    assert requests and requests[0].source is not None
    assert (requests[0].source.country, requests[0].source.sector) == (None, "NGO")


def test_a_state_owning_the_office_keeps_its_country(pipeline):
    events = coded_events(
        pipeline,
        "Syrian forces shelled the town on Monday. Javad Zarif, Iran's foreign minister, urged "
        "the government to stop the attacks.",
    )
    requests = [e for e in events if e.event == "REQUEST"]
    assert requests and requests[0].source is not None and requests[0].source.country == "IRN"


def test_jihadis_and_photojournalists_are_role_nouns(pipeline):
    events = coded_events(
        pipeline, "A group of jihadis captured Pedro Alvarez, the Spanish photojournalist."
    )
    assaults = [e for e in events if e.event == "ASSAULT"]
    assert assaults, [(e.event, e.source, e.target) for e in events]
    assert assaults[0].source is not None and assaults[0].source.sector == "REB"
    assert assaults[0].target is not None and assaults[0].target.country == "ESP"


def test_a_name_a_date_phrase_swallowed_is_the_subject(pipeline):
    # parsed as "In [September Turkey]": the name is the object of "in", the verb subjectless
    events = coded_events(pipeline, "In September Turkey asked Russia to delay the offensive.")
    assert ("TUR", "RUS") in sides(events, "REQUEST")


def test_a_subject_the_parser_found_stays(pipeline):
    # parsed as "In [September] Kenya persuaded": the subject is the parser's
    events = coded_events(pipeline, "In September Kenya persuaded Uganda to reopen the border.")
    assert ("KEN", "UGA") in sides(events, "REQUEST")

"""Who did it to whom, on sentences of our own: the victim of a nominal or participial act, the
people a domestic act is done to, topics of talks, sources placed where the act happens, and
persons whose country only the story tells (events/extract/arguments.py, actors/home.py)."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.model import Article


def _code(pipeline, text: str):
    return pipeline.code(Article(id="t", text=text, published=date(2019, 3, 1))).events


def _dyads(events, kind: str):
    return [
        (
            e.source.country if e.source else None,
            e.target.country if e.target else None,
            e.target.text if e.target else None,
        )
        for e in events
        if e.event == kind
    ]


@pytest.mark.slow
def test_people_arrested_are_the_target_not_the_police(pipeline):
    events = _code(pipeline, "Zambian police detained six women outside the court.")
    coerce = [e for e in events if e.event == "COERCE"]
    assert coerce, events
    assert coerce[0].source.country == "ZMB"
    assert coerce[0].target.text == "six women"
    assert (coerce[0].target.country, coerce[0].target.sector) == ("ZMB", "CVL")


@pytest.mark.slow
def test_the_noun_of_an_act_of_force_names_who_underwent_it(pipeline):
    events = _code(
        pipeline, "The execution of three Nigerian aid workers by Boko Haram drew condemnation."
    )
    assault = [e for e in events if e.event == "ASSAULT"]
    assert assault, events
    assert assault[0].source.text == "Boko Haram"
    assert assault[0].target is not None and assault[0].target.country == "NGA"


@pytest.mark.slow
def test_a_noun_modified_by_a_past_participle_is_the_target(pipeline):
    events = _code(
        pipeline, "Relatives of three Kenyan soldiers killed by al-Shabaab gathered in Nairobi."
    )
    assert _dyads(events, "ASSAULT") == [("SOM", "KEN", "three Kenyan soldiers")]


@pytest.mark.slow
def test_what_talks_are_about_is_no_party(pipeline):
    events = _code(
        pipeline, "The Finnish minister held talks on Venezuela with his Chilean counterpart."
    )
    consult = _dyads(events, "CONSULT")
    assert consult, events
    assert all("VEN" not in (s, t) for s, t, _ in consult)
    assert any(t == "CHL" for _s, t, _ in consult)


@pytest.mark.slow
def test_an_unnamed_source_belongs_where_the_act_happens_not_to_its_victims(pipeline):
    events = _code(pipeline, "Gunmen kidnapped two Italian engineers in Nigeria on Monday.")
    found = [e for e in events if e.event in {"ASSAULT", "COERCE"} and e.source is not None]
    assert found, events
    assert found[0].source.country == "NGA"
    beheading = _code(
        pipeline, "The beheading of two Japanese journalists by militants shocked us."
    )
    assert _dyads(beheading, "ASSAULT") == [(None, "JPN", "two Japanese journalists")]


@pytest.mark.slow
def test_a_person_known_by_name_only_acts_in_the_country_of_the_story(pipeline):
    events = _code(
        pipeline,
        "Fighting raged in the Yemeni port of Hodeidah and around Taiz on Sunday. "
        "Residents of Aden and Sanaa said the shelling went on all night. "
        "Abu Karrar threatened to shell the airport in Hodeidah.",
    )
    sources = [e.source for e in events if e.source is not None and "Karrar" in e.source.text]
    assert sources, [(e.event, e.source, e.target) for e in events]
    assert sources[0].country == "YEM"


@pytest.mark.slow
def test_we_in_a_quotation_is_its_speaker(pipeline):
    events = _code(
        pipeline,
        '"We will launch an offensive against the rebels within days," the Malian president '
        "told reporters in Bamako.",
    )
    threats = [e for e in events if e.event == "THREATEN"]
    assert threats, [(e.event, e.source, e.target) for e in events]
    assert (threats[0].source.text, threats[0].source.country) == ("We", "MLI")


@pytest.mark.slow
def test_the_n_year_old_is_the_person_last_named(pipeline):
    events = _code(
        pipeline,
        "Tom Example, a British student, travelled to Syria in 2015. "
        "The 23-year-old was captured by Kurdish forces near Raqqa last week.",
    )
    captured = [e for e in events if e.target is not None and "year-old" in e.target.text]
    assert captured, [(e.event, e.source, e.target) for e in events]
    assert captured[0].target.country == "GBR"


@pytest.mark.slow
def test_an_igo_office_in_the_title_makes_the_person_act_for_the_igo(pipeline):
    events = _code(pipeline, "UN envoy Staffan de Mistura met Bashar al-Assad in Damascus.")
    consult = [e for e in events if e.event == "CONSULT"]
    assert consult, events
    assert (consult[0].source.country, consult[0].source.sector) == (None, "IGO")
    own = _code(pipeline, "Russia's UN ambassador Vassily Nebenzia rejected the plan.")
    assert [e.source.country for e in own if e.event == "REJECT"] == ["RUS"]


@pytest.mark.slow
def test_it_in_a_reported_clause_is_the_body_that_said_it(pipeline):
    events = _code(
        pipeline,
        "Talks in Geneva stalled. The Venezuelan opposition said it would not attend the talks "
        "planned for later this month.",
    )
    sources = [e.source for e in events if e.source is not None and e.source.text == "it"]
    assert sources, [(e.event, e.source, e.target) for e in events]
    assert sources[0].country == "VEN"


@pytest.mark.slow
def test_a_town_in_front_of_an_attack_is_where_it_happened_not_who_did_it(pipeline):
    events = _code(pipeline, "The Kandahar bombing killed twelve people on Friday.")
    assault = [e for e in events if e.event == "ASSAULT"]
    assert assault, events
    assert assault[0].source is None
    assert assault[0].target is not None and assault[0].target.country == "AFG"


@pytest.mark.slow
def test_the_party_of_an_act_inside_an_in_phrase_is_the_target(pipeline):
    events = _code(
        pipeline,
        "Ecuadorian troops engaged in heavy fighting with Peruvian soldiers near the border.",
    )
    found = [e for e in events if e.event == "ASSAULT"]
    assert found, [(e.event, e.source, e.target) for e in events]
    assert (found[0].source.country, found[0].target.country) == ("ECU", "PER")


@pytest.mark.slow
def test_unnamed_police_belong_to_the_country_where_they_act(pipeline):
    """A story told between Britain and Turkey has no one country, so "police" take the country
    of the place their own act is in, event by event (issue 13, item 4)."""
    text = (
        "A charity worker from Leeds was detained in Turkey last week while his family in London "
        "campaigned for his release.\n\n"
        "He was on holiday in the town of Didim in Turkey when armed police raided the hotel "
        "where he was staying."
    )
    raids = [e for e in _code(pipeline, text) if e.source and e.source.text == "armed police"]
    assert raids, _code(pipeline, text)
    assert raids[0].source.country == "TUR"


@pytest.mark.slow
def test_a_withdrawal_is_aimed_at_the_place_left_not_the_troops_that_leave(pipeline):
    announced = _code(pipeline, "Donald Trump announced that US troops would withdraw from Syria.")
    assert _dyads(announced, "CONCEDE") == [("USA", "SYR", "Syria")]
    # an ordered withdrawal is a CONCEDE (coder._ordered_withdrawal); the test is about its target
    ordered = _code(pipeline, "The president ordered the withdrawal of Norwegian troops from Mali.")
    assert _dyads(ordered, "CONCEDE") == [("NOR", "MLI", "Mali")]


@pytest.mark.slow
def test_a_resignation_over_a_withdrawal_is_not_aimed_at_the_place(pipeline):
    events = _code(
        pipeline, "The Danish defence minister resigned over the decision to withdraw from Mali."
    )
    resign = [e for e in events if e.event == "RETREAT" and e.trigger.text == "resigned"]
    assert resign, events
    assert resign[0].target is None


@pytest.mark.slow
def test_a_speaker_who_calls_someone_a_threat_accuses_them(pipeline):
    events = _code(pipeline, "Putin said the militants represented a threat to the city.")
    accuse = [e for e in events if e.event == "ACCUSE"]
    assert accuse, events
    assert (accuse[0].source.country, accuse[0].target.text) == ("RUS", "militants")


@pytest.mark.slow
def test_a_speaker_who_says_a_state_will_pay_threatens_it(pipeline):
    events = _code(
        pipeline, '"The Syrian regime will have to pay the price," a Turkish spokesman said.'
    )
    assert _dyads(events, "THREATEN") == [("TUR", "SYR", "Syrian regime")]


@pytest.mark.slow
def test_a_reported_accusation_keeps_its_own_actors(pipeline):
    events = _code(pipeline, "Merkel said Putin had accused Ukraine of sabotage.")
    assert _dyads(events, "ACCUSE") == [("RUS", "UKR", "Ukraine")]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "dummy"),
    [
        ('"It is against the constitution to strip someone of citizenship," she said.', True),
        ('"It is time for the old quarrels to end," he said.', True),
        ("“It’s time for the old quarrels to end,” he said.", True),
        ("It was of vital interest for Chile to keep good ties with Peru, Pinera added.", True),
        ("It is a shame that the talks failed, she said.", True),
        ("The army said it was ready to attack the town.", False),
        ("The group said it was a movement that defends farmers.", False),
    ],
)
def test_an_extraposing_it_stands_for_no_actor(nlp, text, dummy):
    from dateline.actors.resolve.pronouns import _expletive

    assert [_expletive(t) for t in nlp(text) if t.lower_ == "it"] == [dummy]


@pytest.mark.slow
def test_a_reported_clause_with_no_actor_of_its_own_is_its_speakers(pipeline):
    from dateline.actors.resolve import resolve_actors
    from dateline.events.candidate import Candidate
    from dateline.events.extract.arguments import _speakers
    from dateline.model import Article

    text = '"It is time for the old quarrels to end," the Chilean foreign minister said.'
    doc = pipeline.nlp(text)
    actors = resolve_actors(doc, Article(id="t", text=text), pipeline.kb)
    time = next(t for t in doc if t.lower_ == "time")
    cand = Candidate(token=time, entry=pipeline.lexicon.entries[0], event="REQUEST", mode=None)
    assert [a.country for a, _ in _speakers(cand, actors)] == ["CHL"]
    # outside a reported clause nobody is the speaker
    plain = pipeline.nlp("It is time for the old quarrels to end.")
    plain_actors = resolve_actors(plain, Article(id="u", text=plain.text), pipeline.kb)
    time = next(t for t in plain if t.lower_ == "time")
    cand = Candidate(token=time, entry=pipeline.lexicon.entries[0], event="REQUEST", mode=None)
    assert _speakers(cand, plain_actors) == []


def _sides(pipeline, text: str, word: str, event: str, nominal: bool = False):
    """The sides ``arguments`` gives ``word`` read as an ``event`` candidate (whatever the event
    model proposes): (source countries, target names)."""
    from dateline.actors.resolve import resolve_actors
    from dateline.events.candidate import Candidate
    from dateline.events.extract.arguments import arguments
    from dateline.events.lexicon import TriggerEntry
    from dateline.model import Article

    doc = pipeline.nlp(text)
    actors = resolve_actors(doc, Article(id="t", text=text), pipeline.kb)
    tok = next(t for t in doc if t.text == word)
    cand = Candidate(tok, TriggerEntry(id="own", event=event), event, None, nominal=nominal)
    sources, targets = arguments(cand, actors)
    return [a.country for a, _ in sources], [a.name for a, _ in targets]


@pytest.mark.slow
def test_a_campaigns_own_clause_names_whom_it_is_waged_against(pipeline):
    text = "Nigerian troops have lost dozens of soldiers in the campaign to drive Boko Haram from the forest."
    assert _sides(pipeline, text, "campaign", "ASSAULT", nominal=True)[1] == ["Boko Haram"]
    text = "The Kenyan offensive that drove al-Shabaab out of the port ended."
    assert _sides(pipeline, text, "offensive", "ASSAULT", nominal=True) == (["KEN"], ["al-Shabaab"])
    # a mission to protect people is not waged against them
    text = "The Kenyan mission to protect Somali civilians ended."
    assert _sides(pipeline, text, "mission", "ASSAULT", nominal=True)[1] == []


@pytest.mark.slow
def test_who_launched_an_act_a_relative_clause_names_is_its_source(pipeline):
    text = "Kenyan troops fled the offensive that Ethiopia launched on Sunday."
    assert _sides(pipeline, text, "offensive", "ASSAULT", nominal=True)[0] == ["ETH"]
    # who condemned it did not do it
    text = "Kenyan troops fled the offensive that Ethiopia condemned on Sunday."
    assert "ETH" not in _sides(pipeline, text, "offensive", "ASSAULT", nominal=True)[0]


@pytest.mark.slow
def test_a_participle_opening_the_sentence_was_done_to_its_subject(pipeline):
    events = _code(
        pipeline,
        "Kidnapped by gunmen in 2014, the two Italian aid workers spent a year in captivity.",
    )
    assault = [e for e in events if e.event == "ASSAULT"]
    assert assault and assault[0].target.country == "ITA", events
    assert assault[0].source.text == "gunmen"
    events = _code(pipeline, "When attacked by Boko Haram, the Nigerian soldiers fled.")
    assert [(e.source.text, e.target.text) for e in events if e.event == "ASSAULT"] == [
        ("Boko Haram", "Nigerian soldiers")
    ]


@pytest.mark.slow
def test_an_attack_that_is_the_subject_comes_from_its_by_phrase(pipeline):
    events = _code(pipeline, "Airstrikes by Saudi jets killed twelve Yemeni civilians on Monday.")
    assert _dyads(events, "ASSAULT") == [("SAU", "YEM", "twelve Yemeni civilians")]
    text = "A series of airstrikes by Russian jets killed forty Syrian rebels near Hama."
    assert _sides(pipeline, text, "killed", "ASSAULT")[0] == ["RUS"]


@pytest.mark.slow
def test_killed_in_days_of_shelling_by_an_army(pipeline):
    text = "Ten Syrian soldiers were killed during three days of shelling by Turkish artillery."
    assert _sides(pipeline, text, "killed", "ASSAULT") == (["TUR"], ["Syria soldiers"])
    text = "Forty Somali civilians were killed in one of the airstrikes by Kenyan jets."
    assert _sides(pipeline, text, "killed", "ASSAULT")[0] == ["KEN"]


@pytest.mark.slow
def test_a_place_that_fell_to_an_army_was_taken_by_it(pipeline):
    text = "The Syrian city of Raqqa fell to Kenyan troops last week after months of fighting."
    sources, targets = _sides(pipeline, text, "fell", "ASSAULT")
    assert sources == ["KEN"] and targets, (sources, targets)
    text = "Boko Haram lost the forest to Nigerian troops in March."
    assert _sides(pipeline, text, "lost", "ASSAULT") == (["NGA"], ["Boko Haram"])


@pytest.mark.slow
def test_a_passive_agent_the_parser_hangs_on_a_phrase_is_the_source(pipeline):
    text = "The raids are carried out with impunity by Syrian forces."
    assert _sides(pipeline, text, "carried", "ASSAULT") == (["SYR"], [])
    # a "by" inside a clause of its own names someone else
    text = "The two Malian officials were detained in a town held by rebels."
    assert _sides(pipeline, text, "detained", "COERCE")[0] == []


@pytest.mark.slow
def test_who_answers_for_an_attack_carried_it_out(pipeline):
    # "claimed responsibility for", "took credit for", "held X responsible for": the one who
    # answers for the attack is its source
    text = "Boko Haram claimed responsibility for the bombing of a market in Maiduguri."
    assert _sides(pipeline, text, "bombing", "ASSAULT", nominal=True)[0] == ["NGA"]
    text = "Al-Shabaab took credit for the attack on the Kenyan convoy."
    assert _sides(pipeline, text, "attack", "ASSAULT", nominal=True)[0] == ["SOM"]
    text = "Kenyan officials hold al-Shabaab responsible for the bombing in Mombasa."
    assert _sides(pipeline, text, "bombing", "ASSAULT", nominal=True)[0] == ["SOM"]


@pytest.mark.slow
def test_who_led_an_act_a_hyphened_participle_names_is_its_source(pipeline):
    text = "The Ethiopian-led offensive in the south began on Sunday."
    assert _sides(pipeline, text, "offensive", "ASSAULT", nominal=True)[0] == ["ETH"]
    # a backer stands behind the act, it does not carry it out
    text = "The Ethiopian-backed offensive in the south began on Sunday."
    assert "ETH" not in _sides(pipeline, text, "offensive", "ASSAULT", nominal=True)[0]


@pytest.mark.slow
def test_who_led_an_attack_is_not_where_it_happened(pipeline):
    # "US" in "a US-led bombing of Mosul" leads the bombing; the place hit is Mosul
    events = _code(pipeline, "He was killed in a Kenyan-led bombing of the Somali town of Kismayo.")
    assault = [e for e in events if e.event == "ASSAULT"]
    assert assault, events
    assert all(e.target is None or e.target.country != "KEN" for e in assault), assault


@pytest.mark.slow
def test_whom_the_dead_were_fighting_killed_them(pipeline):
    text = "A Danish volunteer was killed while fighting against al-Shabaab in Somalia."
    sources, targets = _sides(pipeline, text, "killed", "ASSAULT")
    assert sources == ["SOM"] and targets == ["Denmark"], (sources, targets)
    # the parser makes "killed" the main verb of its noun phrase's sentence: the same reading
    text = "The parents of two Dutch men killed fighting Boko Haram in Nigeria have spoken out."
    sources, targets = _sides(pipeline, text, "killed", "ASSAULT")
    assert sources == ["NGA"] and "Boko Haram" not in targets, (sources, targets)
    # fighting beside a group names no enemy, and the dead did not kill anyone
    text = "She was one of eight Canadian nationals killed fighting alongside the Kurdish militia."
    sources, _targets = _sides(pipeline, text, "killed", "ASSAULT")
    assert "CAN" not in sources, sources


@pytest.mark.slow
def test_a_clause_of_when_it_happened_names_who_did_a_passive_act(pipeline):
    text = "Twelve Yemeni civilians were killed on Monday when Saudi jets bombed a market."
    assert _sides(pipeline, text, "killed", "ASSAULT")[0] == ["SAU"]
    events = _code(pipeline, text)
    assert _dyads(events, "ASSAULT") == [("SAU", "YEM", "Twelve Yemeni civilians")]
    text = "Dozens of Malian soldiers were wounded after French forces carried out airstrikes."
    assert _sides(pipeline, text, "wounded", "ASSAULT")[0] == ["FRA"]
    # no act of force in the clause, or one the victims did themselves, or one not yet done
    text = (
        "Five Kenyan workers were killed when the building collapsed after Ugandan officials left."
    )
    assert _sides(pipeline, text, "killed", "ASSAULT")[0] == []
    text = "A former Kenyan soldier was arrested after he fought against al-Shabaab in Somalia."
    assert "KEN" not in _sides(pipeline, text, "arrested", "COERCE")[0]
    text = "Thousands of Yemenis may be displaced as Saudi forces storm the port."
    assert _sides(pipeline, text, "displaced", "COERCE")[0] == []


@pytest.mark.slow
def test_a_participle_telling_the_act_further_names_its_victims(pipeline):
    text = "Kenyan jets bombed the camp on Monday, killing twelve Somali fighters."
    assert _sides(pipeline, text, "bombed", "ASSAULT")[1] == ["Somalia fighters"]
    # a participle with a subject or a conjunction of its own tells something else
    text = "Kenyan jets bombed the camp while Somali fighters were killing the hostages."
    assert _sides(pipeline, text, "bombed", "ASSAULT")[1] == []

"""Round 17 (geo35) of where events happened (issue 18): sentences of our own."""

from __future__ import annotations

from dateline.actors.index import ActorIndex
from dateline.model import Actor, ActorRef, Event, Mention, Span
from dateline.places import find_mentions, locate_events
from located import locate, one_side


def test_a_town_naming_a_gathering_is_where_it_met(nlp):
    # "the Vienna energy conference" met in Vienna, as "a conference in Vienna" did.
    for text, trigger, town in [
        ("Ministers attended the Vienna energy conference on Friday.", "conference", "Vienna"),
        ("Envoys left the Geneva peace talks early.", "talks", "Geneva"),
        ("The Minsk summit brought the two leaders together.", "summit", "Minsk"),
    ]:
        place = locate(nlp, text, trigger, "CONSULT", actors=one_side())
        assert place is not None and place.name == town, text


def test_a_country_or_talks_to_come_name_no_venue(nlp):
    # A country on talks names a party ("the US-Russia talks"), and talks still to come have
    # met nowhere yet.
    for text, trigger in [
        ("The Turkey talks ended without a deal on Friday.", "talks"),
        ("The Vienna conference will open next month.", "conference"),
    ]:
        assert locate(nlp, text, trigger, "CONSULT", actors=one_side()) is None, text


def _as_person(nlp, text: str, name: str) -> ActorIndex:
    """The actor index the actor stage builds when it takes the town ``name`` of ``text`` for a
    person (the NER's PERSON), beside a state side of Syria."""
    doc = nlp(text)
    actors = one_side()
    first = next(t.i for t in doc if t.text == name.split()[0])
    start = text.index(name)
    person = Actor(id="P1", name=name, kind="person")
    actors.actors.append(person)
    span = Mention(name, start, start + len(name), 1, "ner-person")
    actors.add_mention(person, first, first + len(name.split()), span)
    return actors


def test_a_town_taken_for_a_person_after_a_locative_word_is_the_town(nlp):
    # The NER calls "Khan Sheikhun" a person and the actor stage follows it; after "in", or
    # naming an attack, a town of the story's country so spelt is the place.
    for text, trigger in [
        (
            "Syrian jets bombed Idlib. A barrel bomb killed four children in Khan Sheikhun.",
            "killed",
        ),
        ("Syrian jets bombed Idlib. The Khan Sheikhun gas attack shocked the world.", "attack"),
    ]:
        place = locate(nlp, text, trigger, actors=_as_person(nlp, text, "Khan Sheikhun"))
        assert place is not None and place.name == "Khan Sheikhun", text


def test_a_person_who_is_no_town_stays_a_person(nlp):
    # "confidence in Hassan Rouhani": no town of the story's countries is so spelt.
    text = "Syrian jets bombed Idlib. Voters lost confidence in Hassan Rouhani, he said."
    assert [m.text for m in find_mentions(nlp(text), _as_person(nlp, text, "Hassan Rouhani"))] == [
        "Idlib"
    ]


def _said_by(nlp, text: str, trigger: str, country: str, event_type: str = "ACCUSE"):
    """Where words of ``text`` at ``trigger`` are placed when their speaker is of ``country``."""
    doc = nlp(text)
    start = text.index(trigger)
    sentence = next(i for i, s in enumerate(doc.sents) if s.start_char <= start < s.end_char)
    event = Event(
        event=event_type, sentence=sentence, trigger=Span(trigger, start, start + len(trigger)),
        quad_class=3, source=ActorRef(text="the minister", country=country, sector="GOV"),
    )  # fmt: skip
    locate_events([event], doc, ActorIndex(), text)
    return event.location


def test_words_told_to_the_speaker_s_own_legislature_are_said_at_its_capital(nlp):
    for text, trigger, country, town in [
        ("The foreign secretary told MPs that the deal was dead.", "told", "GBR", "London"),
        (
            "The president, in a speech to parliament, accused the rebels of lying.",
            "accused",
            "TUR",
            "Ankara",
        ),
    ]:
        place = _said_by(nlp, text, trigger, country)
        assert place is not None and place.name == town, text


def test_words_to_another_legislature_or_an_audience_anywhere_are_not_placed(nlp):
    for text, trigger, country in [
        ("The chancellor told the Knesset that the deal was dead.", "told", "DEU"),
        (
            "The minister accused the rebels of lying in a speech to the European parliament.",
            "accused",
            "TUR",
        ),  # fmt: skip
        ("The minister urged lawmakers to reject the deal.", "urged", "TUR"),
    ]:
        assert _said_by(nlp, text, trigger, country, "REQUEST") is None, text


def test_two_towns_joined_on_talks_are_their_parties(nlp):
    text = "An official close to the Ankara–Moscow talks said a deal was near."
    assert locate(nlp, text, "talks", "CONSULT", actors=one_side()) is None


def test_a_meeting_is_where_the_people_met_or_the_gathering_met(nlp):
    for text, trigger, town in [
        # the parser hangs the place on the people met
        ("He said he had met the Greek foreign minister in Oslo on Tuesday.", "met", "Oslo"),
        (
            "The defence minister met his counterpart on the sidelines of the Vienna security "
            "conference.",
            "met",
            "Vienna",
        ),
        ("The two ministers met at the Minsk summit.", "met", "Minsk"),
        # a trip coded as a meeting is where it went
        ("Iranian officials travelled to Ankara last week.", "travelled", "Ankara"),
    ]:
        place = locate(nlp, text, trigger, "CONSULT", actors=one_side())
        assert place is not None and place.name == town, text


def test_a_meeting_to_come_at_a_gathering_is_not_placed(nlp):
    text = "The envoy said he would meet rebel leaders at the Geneva talks next month."
    assert locate(nlp, text, "meet", "CONSULT", actors=one_side()) is None

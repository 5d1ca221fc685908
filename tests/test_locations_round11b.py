"""Late in round 11 of where events happened (issue 18): sentences of our own for each rule."""

from __future__ import annotations

from dateline.actors.index import ActorIndex
from dateline.model import Actor, Event, Mention, Span
from dateline.places import locate_events


def _locate(nlp, text, trigger, event_type="APPEAL"):
    quad = {"APPEAL": 1, "CONSULT": 1}.get(event_type, 4)
    doc = nlp(text)
    start = text.index(trigger)
    sentence = next(i for i, s in enumerate(doc.sents) if s.start_char <= start < s.end_char)
    event = Event(
        event=event_type, sentence=sentence, trigger=Span(trigger, start, start + len(trigger)),
        quad_class=quad,
    )  # fmt: skip
    actors = ActorIndex(actors=[Actor(id="A1", name="French government", country="FRA")])
    locate_events([event], doc, actors, text)
    return event.location


def test_a_speech_venue_interrupted_by_a_participle_is_where_the_words_were_said(nlp):
    # the opening phrase belongs to the main clause, not to the participle set off after it
    text = (
        "In a long speech delivered in Lyon, billed as the high point of her tour, "
        "the minister called for an end to the strikes."
    )
    place = _locate(nlp, text, "called")
    assert place is not None and (place.name, place.precision) == ("Lyon", "city")
    assert place.basis == "clause"
    # without the participle, as before
    text = "In a long speech delivered in Lyon, the minister called for an end to the strikes."
    place = _locate(nlp, text, "called")
    assert place is not None and place.name == "Lyon"


def test_a_report_published_elsewhere_is_not_where_the_words_were_said(nlp):
    # not a venue: a report printed in a town says nothing of where its authors spoke
    text = (
        "In a report published in Lyon, described as the fullest yet, "
        "the union called for an end to the strikes."
    )
    place = _locate(nlp, text, "called")
    assert place is None or place.name != "Lyon"


#: A story about one Syrian town, named twice before the sentence under test.
_IDLIB_STORY = (
    "Fighting went on in Idlib on Monday. Aid convoys arrived in Idlib on Tuesday. "
    "The United Nations called for calm. "
)


def _syrian(extra=()):
    return ActorIndex(actors=[Actor(id="A1", name="Syrian army", country="SYR"), *extra])


def _locate_act(nlp, text, trigger, actors):
    doc = nlp(text)
    start = text.index(trigger)
    sentence = next(i for i, s in enumerate(doc.sents) if s.start_char <= start < s.end_char)
    event = Event(
        event="ASSAULT", sentence=sentence, trigger=Span(trigger, start, start + len(trigger)),
        quad_class=4,
    )  # fmt: skip
    locate_events([event], doc, actors, text)
    return event.location


def test_an_incident_named_for_another_place_does_not_borrow_the_story_s_town(nlp):
    # a name the gazetteer does not know: the act was there, not in the story's Idlib
    text = _IDLIB_STORY + "Survivors of the Bataclan attack marched in protest."
    assert _locate_act(nlp, text, "attack", _syrian()) is None
    # a town of another country, whatever the NER made of it
    text = _IDLIB_STORY + "The Halabja massacre was recalled by the speakers."
    place = _locate_act(nlp, text, "massacre", _syrian())
    assert place is None or place.country != "SYR"


def test_an_incident_named_for_a_side_or_a_weapon_still_borrows_the_story_s_town(nlp):
    # named for a side the actor stage knows: the story's act, in the story's town
    text = _IDLIB_STORY + "Survivors of the Tarvash attack marched in protest."
    doc = nlp(text)
    i = next(t.i for t in doc if t.text == "Tarvash")
    actors = _syrian()
    group = Actor(id="A2", name="Tarvash", kind="organisation", sector="REB", country="SYR")
    actors.actors.append(group)
    actors.add_mention(group, i, i + 1, Mention("Tarvash", doc[i].idx, doc[i].idx + 7, 1, "alias"))
    start = text.index("attack")
    event = Event(event="ASSAULT", sentence=3, trigger=Span("attack", start, start + 6),
                  quad_class=4)  # fmt: skip
    locate_events([event], doc, actors, text)
    assert event.location is not None and event.location.name == "Idlib"
    # named for its weapon
    text = _IDLIB_STORY + "The IED explosion wounded two farmers."
    place = _locate_act(nlp, text, "explosion", _syrian())
    assert place is not None and place.name == "Idlib"
    # named for a town of the story's country: nothing contradicts the story's place
    text = _IDLIB_STORY + "Survivors of the Tartus attack marched in protest."
    place = _locate_act(nlp, text, "attack", _syrian())
    assert place is not None and place.country == "SYR"


def test_a_pledge_given_at_a_venue_is_placed_there_whatever_the_parser_hung_it_on(nlp):
    # the venue hangs on what was promised, but the promise was given there
    text = "Spain vowed to rebuild the harbour in March at a summit in the port of Lisbon."
    place = _locate(nlp, text, "vowed")
    assert place is not None and (place.name, place.basis) == ("Lisbon", "clause")
    text = "The donors agreed to send more grain at a conference in Brussels, officials said."
    place = _locate(nlp, text, "agreed")
    assert place is not None and place.name == "Brussels"
    # a meeting to come, and talks to be held, are not where the words were given
    text = "Spain pledged to meet again at a summit in Lisbon."
    place = _locate(nlp, text, "pledged")
    assert place is None or place.name != "Lisbon"
    text = "Spain promised to hold talks in Lisbon."
    place = _locate(nlp, text, "promised")
    assert place is None or place.name != "Lisbon"

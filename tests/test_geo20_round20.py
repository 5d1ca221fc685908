"""Round 20 (geo20) of where events happened (issue 18): sentences of our own."""

from __future__ import annotations

from dateline.actors.index import ActorIndex
from dateline.model import Actor, Event, Mention, Span
from dateline.places import _delegates, area_modifier, locate_events
from located import locate, one_side

#: Talks in one town, then a delegate first named after the opening (``TALKS_LEAD``).
_TALKS = (
    "UN-sponsored talks in Vienna to end the war in Norland broke down on Friday. "
    "The UN mediator blamed both sides for the collapse. "
    "Officials said the mood had been tense all week. "
    "The rebels' chief negotiator, Tomas Varga, spoke to reporters after the last session. "
    "Varga accused the government of sabotaging the process."
)


def _locate(nlp, text: str, trigger: str, who: str, delegate: str | None = None):
    """The place of an accusation at ``trigger`` by ``who`` (an actor the actor stage found at
    each occurrence of its name); ``delegate``: a word the actor's first mention begins with
    ("negotiator, Tomas Varga" is one mention)."""
    doc = nlp(text)
    actor = Actor(id="P1", name=who, country="XNL", kind="person")
    actors = ActorIndex(actors=[actor])
    for tok in doc:
        if tok.text == who:
            start = tok.i
            if delegate is not None and start >= 3 and doc[start - 3].text == delegate:
                start -= 3  # "negotiator , Tomas Varga"
                delegate = None
            mention = Mention(doc[start : tok.i + 1].text, doc[start].idx, tok.idx + len(tok), 0)
            actors.add_mention(actor, start, tok.i + 1, mention)
    at = text.index(trigger)
    sentence = next(i for i, s in enumerate(doc.sents) if s.start_char <= at < s.end_char)
    event = Event(
        event="ACCUSE", sentence=sentence, trigger=Span(trigger, at, at + len(trigger)),
        quad_class=3, source=actor.ref(who),
    )  # fmt: skip
    locate_events([event], doc, actors, text)
    return event.location, _delegates(doc, actors)


def test_a_delegate_named_after_the_opening_speaks_at_the_talks(nlp):
    place, delegates = _locate(nlp, _TALKS, "accused", "Varga", delegate="negotiator")
    assert delegates == {"P1"}
    assert place is not None and (place.name, place.basis) == ("Vienna", "talks"), place


def test_a_late_speaker_who_is_no_delegate_is_not_placed_at_the_talks(nlp):
    text = _TALKS.replace("The rebels' chief negotiator, Tomas Varga,", "A farmer, Tomas Varga,")
    place, delegates = _locate(nlp, text, "accused", "Varga")
    assert delegates == set()
    assert place is None or place.basis != "talks", place


def test_a_delegate_back_home_is_not_placed_at_the_talks(nlp):
    # Another town named in the sentence or the one before: the delegate spoke there.
    text = _TALKS.replace("after the last session", "on his return to Budapest")
    place, _ = _locate(nlp, text, "accused", "Varga", delegate="negotiator")
    assert place is None or place.basis != "talks", place


def test_a_delegate_of_talks_to_come_is_not_placed_there(nlp):
    text = _TALKS.replace(
        "UN-sponsored talks in Vienna to end the war in Norland broke down on Friday.",
        "UN-sponsored talks in Vienna to end the war in Norland will open next month.",
    )
    place, _ = _locate(nlp, text, "accused", "Varga", delegate="negotiator")
    assert place is None or place.basis != "talks", place


def test_the_pipeline_places_a_named_delegation_at_the_talks(pipeline):
    text = (
        "UN-sponsored talks in Vienna to end the Yemeni war broke down on Friday. "
        "The UN envoy blamed the Houthi delegation for the collapse. "
        "Officials said the mood had been tense all week. "
        "Observers expect a long pause. "
        "The government's delegation rejected the charge."
    )
    result = pipeline.code_text(text, date="2018-12-14")
    rejected = [e for e in result.events if e.trigger.text == "rejected"]
    assert rejected, [e.trigger.text for e in result.events]
    place = rejected[0].location
    assert place is not None and (place.name, place.basis) == ("Vienna", "talks"), place


def test_a_town_named_before_an_area_noun_is_the_place(nlp):
    # "the Douma district": the tagger makes the name a modifier of "district" and the NER
    # finds no place; it is the town the area belongs to.
    place = locate(nlp, "Government jets bombed the Douma district on Saturday.", "bombed",
                   actors=one_side())  # fmt: skip
    assert place is not None and place.name == "Douma", place
    place = locate(nlp, "Syrian jets pounded the Hajin pocket on Saturday.", "pounded",
                   actors=one_side())  # fmt: skip
    assert place is not None and place.name == "Hajin", place


def test_the_suburb_of_a_town_is_that_town_not_the_city_named_before_it(nlp):
    text = "Regime forces shelled the Damascus suburb of Harasta on Monday."
    place = locate(nlp, text, "shelled", actors=one_side())
    assert place is not None and place.name == "Harasta", place
    text = "Regime forces shelled the neighbourhood of Jobar on Monday."
    place = locate(nlp, text, "shelled", actors=one_side())
    assert place is not None and place.name == "Jobar", place


def test_an_area_noun_with_its_own_of_phrase_is_not_read_as_the_modifier(nlp):
    doc = nlp("Regime forces shelled the Damascus suburb of Harasta on Monday.")
    damascus = next(t for t in doc if t.text == "Damascus")
    assert not area_modifier(damascus)
    doc = nlp("Regime forces shelled the Harasta district on Monday.")
    harasta = next(t for t in doc if t.text == "Harasta")
    assert area_modifier(harasta) == (harasta.dep_ in ("compound", "amod", "nmod"))

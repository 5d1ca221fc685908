"""Round 12, late lane of where events happened (issue 18): sentences of our own for each rule."""

from __future__ import annotations

from dateline.actors.index import ActorIndex
from dateline.model import Actor, Event, Mention, Span
from dateline.places import _talks_there, locate_events
from located import locate

#: Quad classes the location rules read: words (1, 3) and deeds (4).
_QUAD = {"CONSULT": 1, "REJECT": 3, "ACCUSE": 3, "REQUEST": 3, "ASSAULT": 4}


def _code(nlp, text, acts, names=("Norland", "Estavia")):
    """Locate ``acts`` (triples of trigger, type and the name of its source), each the first such
    trigger of ``text``; every name of ``names`` is a state the actor stage found at each of its
    occurrences."""
    doc = nlp(text)
    known = {
        n: Actor(id=f"S{i}", name=n, country=f"X{i}", kind="state") for i, n in enumerate(names)
    }
    actors = ActorIndex(actors=list(known.values()))
    for tok in doc:
        if tok.text in known:
            mention = Mention(tok.text, tok.idx, tok.idx + len(tok), 0)
            actors.add_mention(known[tok.text], tok.i, tok.i + 1, mention)
    sents = list(doc.sents)
    events = []
    for trigger, event_type, who in acts:
        start = text.index(trigger)
        sentence = next(i for i, s in enumerate(sents) if s.start_char <= start < s.end_char)
        events.append(
            Event(
                event=event_type,
                sentence=sentence,
                trigger=Span(trigger, start, start + len(trigger)),
                quad_class=_QUAD[event_type],
                source=known[who].ref(who),
            )  # fmt: skip
        )
    locate_events(events, doc, actors, text)
    return [e.location for e in events]


def _at_talks(place, town: str) -> bool:
    return place is not None and (place.name, place.basis) == (town, "talks")


def test_the_words_of_the_talks_participants_were_said_at_the_talks(nlp):
    text = (
        "Talks in Geneva on the future of the border collapsed on Thursday. "
        "Norland and Estavia blamed each other for the failure. "
        "Norland rejected a proposal to share the river's water. "
        "Estavia accused its neighbour of bad faith."
    )
    rejected, accused = _code(
        nlp, text, [("rejected", "REJECT", "Norland"), ("accused", "ACCUSE", "Estavia")]
    )
    assert _at_talks(rejected, "Geneva")
    assert _at_talks(accused, "Geneva")


def test_talks_named_by_a_compound_or_an_agreement_reached_there(nlp):
    text = (
        "The Geneva talks on the border ended on Thursday with Norland and Estavia apart. "
        "Norland rejected a proposal to share the river's water."
    )
    (rejected,) = _code(nlp, text, [("rejected", "REJECT", "Norland")])
    assert _at_talks(rejected, "Geneva")
    text = (
        "Norland and Estavia reached an agreement in Vienna on Tuesday. "
        "Norland rejected a proposal to share the river's water."
    )
    (rejected,) = _code(nlp, text, [("rejected", "REJECT", "Norland")])
    assert _at_talks(rejected, "Vienna")


def test_talks_to_come_place_no_words(nlp):
    text = (
        "Norland will host talks in Geneva on the future of the border next month. "
        "Estavia accused its neighbour of bad faith."
    )
    (accused,) = _code(nlp, text, [("accused", "ACCUSE", "Estavia")])
    assert not _at_talks(accused, "Geneva")
    doc = nlp("Norland is set to host talks in Geneva next month.")
    geneva = next(t for t in doc if t.text == "Geneva")
    assert _talks_there(geneva) is None


def test_talks_in_two_towns_place_no_words(nlp):
    text = (
        "Talks in Geneva on the border collapsed on Thursday. "
        "A summit in Vienna on trade ended the same day. "
        "Norland and Estavia blamed each other for the failure. "
        "Norland rejected a proposal to share the river's water."
    )
    (rejected,) = _code(nlp, text, [("rejected", "REJECT", "Norland")])
    assert not _at_talks(rejected, "Geneva")


def test_words_with_a_town_of_their_own_or_not_of_a_participant_stay_put(nlp):
    text = (
        "Talks in Geneva on the future of the border collapsed on Thursday. "
        "Norland and Estavia blamed each other for the failure. "
        "Back in Lisbon, Norland rejected a proposal to share the river's water. "
        "Later, Ruritania accused both of bad faith."
    )
    rejected, accused = _code(
        nlp,
        text,
        [("rejected", "REJECT", "Norland"), ("accused", "ACCUSE", "Ruritania")],
        names=("Norland", "Estavia", "Ruritania"),
    )
    assert not _at_talks(rejected, "Geneva")
    assert not _at_talks(accused, "Geneva")


def test_a_place_named_only_in_the_talks_topic_is_no_venue(nlp):
    text = (
        "Talks on the future of Geneva collapsed on Thursday. "
        "Norland and Estavia blamed each other for the failure. "
        "Norland rejected a proposal to share the river's water."
    )
    (rejected,) = _code(nlp, text, [("rejected", "REJECT", "Norland")])
    assert not _at_talks(rejected, "Geneva")


def test_talks_named_as_a_time_or_a_speaker_elsewhere_place_no_words(nlp):
    text = "Hours after talks in Geneva on the border, Norland rejected a proposal to share water."
    (rejected,) = _code(nlp, text, [("rejected", "REJECT", "Norland")])
    assert not _at_talks(rejected, "Geneva")
    text = (
        "Talks in Geneva on the future of the border collapsed on Thursday. "
        "Norland and Estavia blamed each other for the failure. "
        "Speaking at a forum in Lisbon, Norland's envoy spoke of the river. "
        "Norland rejected a proposal to share the river's water."
    )
    (rejected,) = _code(nlp, text, [("rejected", "REJECT", "Norland")])
    assert not _at_talks(rejected, "Geneva")


def test_efforts_of_weeks_before_the_talks_are_not_placed_there(nlp):
    text = (
        "Talks in Geneva on the future of the border collapsed on Thursday. "
        "Norland and Estavia blamed each other for the failure. "
        "Norland had for weeks urged Estavia to share the river's water. "
        "Norland said Estavia had refused to share the river's water."
    )
    urged, refused = _code(
        nlp, text, [("urged", "REQUEST", "Norland"), ("refused", "REJECT", "Estavia")]
    )
    assert not _at_talks(urged, "Geneva")
    assert _at_talks(refused, "Geneva")


def test_a_place_a_blow_or_a_raid_came_from_is_not_its_scene(nlp):
    for text, trigger in (
        ("Rebels fired rockets from Lebanon into the valley.", "fired"),
        ("The militants attacked the border villages from Jordan on Sunday.", "attacked"),
        ("Fighting went on amid heavy artillery bombardment from Turkey's border towns.",
         "bombardment"),
        ("The militants stormed across the border from Iraq.", "stormed"),
    ):  # fmt: skip
        place = locate(nlp, text, trigger)
        assert place is None or place.country not in ("LBN", "JOR", "TUR", "IRQ"), text
    # where the act lands is still its scene
    place = locate(nlp, "Rebels fired rockets from the hills into Kirkuk.", "fired")
    assert place is not None and place.name == "Kirkuk"


def test_a_place_people_or_ground_were_taken_from_is_the_scene(nlp):
    for text, trigger, town in (
        ("The army drove the militants from Mosul last week.", "drove", "Mosul"),
        ("Dozens of villagers were abducted from Kirkuk on Friday.", "abducted", "Kirkuk"),
    ):
        place = locate(nlp, text, trigger)
        assert place is not None and place.name == town, text

"""Where a test sentence's act is placed, shared by the location test files."""

from __future__ import annotations

from dateline.actors.index import ActorIndex
from dateline.model import Actor, Event, Mention, Span
from dateline.places import locate_events

#: Words are quad class 1, acts of force 4 (the location rules read the class, not the type).
_WORD_TYPES = {"APPEAL": 1, "CONSULT": 1}


def locate(nlp, text: str, trigger: str, event_type: str = "ASSAULT", actors=None, target=None):
    """The location `locate_events` gives an event of ``event_type`` at the first ``trigger`` of
    ``text``, with ``actors`` known (none if None)."""
    doc = nlp(text)
    start = text.index(trigger)
    sentence = next(i for i, s in enumerate(doc.sents) if s.start_char <= start < s.end_char)
    event = Event(
        event=event_type, sentence=sentence, trigger=Span(trigger, start, start + len(trigger)),
        quad_class=_WORD_TYPES.get(event_type, 4), target=target,
    )  # fmt: skip
    locate_events([event], doc, actors if actors is not None else ActorIndex(), text)
    return event.location


def one_side(name: str = "Syrian army", country: str = "SYR", extra=()) -> ActorIndex:
    """An actor index that knows one state side (the story's country), and ``extra`` actors."""
    return ActorIndex(actors=[Actor(id="A1", name=name, country=country), *extra])


def known_group(actors: ActorIndex, doc, name: str, country: str = "SYR") -> None:
    """Make the one-word ``name`` of ``doc`` a rebel group the actor stage knows."""
    i = next(t.i for t in doc if t.text == name)
    group = Actor(id="A2", name=name, kind="organisation", sector="REB", country=country)
    actors.actors.append(group)
    span = Mention(name, doc[i].idx, doc[i].idx + len(name), 1, "alias")
    actors.add_mention(group, i, i + 1, span)

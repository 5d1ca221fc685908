"""Round 12 of where events happened (issue 18): sentences of our own for each new rule."""

from __future__ import annotations

from datetime import date

from dateline.actors.index import ActorIndex
from dateline.model import Actor, Event, Mention, Span
from dateline.places import _compared, _likened, _names_medium, find_mentions, locate_events
from located import locate, one_side

#: Quad classes the location rules read: words (1, 3) and deeds (4).
_QUAD = {"CONSULT": 1, "REQUEST": 3, "ACCUSE": 3, "AGREE": 1, "ASSAULT": 4}


def _code(nlp, text, acts, kind="person", name="Dubois", published=None, dates=None):
    """Locate ``acts`` (pairs of trigger and type, each the first such trigger of ``text``),
    all said or done by one actor called ``name`` of ``kind`` that the actor stage found at
    every occurrence of ``name`` (and of "She")."""
    doc = nlp(text)
    speaker = Actor(id="P1", name=name, country="FRA", sector="GOV", kind=kind)
    actors = ActorIndex(actors=[speaker])
    for tok in doc:
        if tok.text in (name, "She", "she"):
            actors.add_mention(
                speaker, tok.i, tok.i + 1, Mention(tok.text, tok.idx, tok.idx + len(tok), 0)
            )
    sents = list(doc.sents)
    events = []
    for trigger, event_type in acts:
        start = text.index(trigger)
        sentence = next(i for i, s in enumerate(sents) if s.start_char <= start < s.end_char)
        events.append(
            Event(
                event=event_type,
                sentence=sentence,
                trigger=Span(trigger, start, start + len(trigger)),
                quad_class=_QUAD[event_type],
                source=speaker.ref(name),
                date=(dates or {}).get(trigger),
            )  # fmt: skip
        )
    locate_events(events, doc, actors, text, published=published)
    return [e.location for e in events]


def _no_venue(place) -> bool:
    """Not placed at a venue (the story's country may still place words of its own speaker)."""
    return place is None or (place.basis != "venue" and place.precision == "country")


def test_a_speaker_s_other_words_were_said_at_the_one_venue_the_article_gives(nlp):
    text = (
        "Dubois urged unions to end the strike. "
        "In a speech delivered in Lyon, Dubois called for calm. "
        "She accused the unions of lying to their members."
    )
    urged, called, accused = _code(
        nlp, text, [("urged", "REQUEST"), ("called", "REQUEST"), ("accused", "ACCUSE")]
    )
    assert called is not None and (called.name, called.basis) == ("Lyon", "clause")
    # before the venue is named and after it, words with no place of their own
    for place in (urged, accused):
        assert place is not None and (place.name, place.precision) == ("Lyon", "city")
        assert place.basis == "venue"


def test_a_speaker_speaking_at_a_venue_places_his_words_there(nlp):
    text = (
        "Dubois was speaking at a forum in Lyon on Monday. "
        "She accused the unions of lying to their members."
    )
    (accused,) = _code(nlp, text, [("accused", "ACCUSE")])
    assert accused is not None and (accused.name, accused.basis) == ("Lyon", "venue")
    # a forum she did not speak at says nothing of where she was
    text = "A forum was held in Lyon on Monday. She accused the unions of lying to their members."
    (accused,) = _code(nlp, text, [("accused", "ACCUSE")])
    assert _no_venue(accused)


def test_two_venues_of_one_speaker_place_no_other_words(nlp):
    text = (
        "In a speech in Lyon, Dubois called for calm. "
        "Later, in a speech in Nantes, Dubois demanded new talks. "
        "She accused the unions of lying to their members."
    )
    *_, accused = _code(
        nlp, text, [("called", "REQUEST"), ("demanded", "REQUEST"), ("accused", "ACCUSE")]
    )
    assert _no_venue(accused)


def test_a_state_carries_no_venue(nlp):
    # "France called for calm in Lyon" puts no speaker anywhere for its other words
    text = (
        "In a speech delivered in Lyon, Dubois called for calm. "
        "Dubois accused the unions of lying to their members."
    )
    _, accused = _code(nlp, text, [("called", "REQUEST"), ("accused", "ACCUSE")], kind="country")
    assert _no_venue(accused)


def test_words_given_through_a_medium_are_not_said_at_the_venue(nlp):
    text = (
        "In a speech delivered in Lyon, Dubois called for calm. "
        "\u201cThe unions are lying,\u201d Dubois said in a message on Twitter."
    )
    _, lying = _code(nlp, text, [("called", "REQUEST"), ("lying", "ACCUSE")])
    assert _no_venue(lying)
    text = (
        "In a speech delivered in Lyon, Dubois called for calm. "
        "In a statement, Dubois accused the unions of lying."
    )
    _, accused = _code(nlp, text, [("called", "REQUEST"), ("accused", "ACCUSE")])
    assert _no_venue(accused)


def test_words_of_another_time_and_a_told_agreement_are_not_at_the_venue(nlp):
    text = (
        "In a speech delivered in Lyon, Dubois called for calm. "
        "Dubois denounced an agreement signed last year with the unions."
    )
    _, agreement = _code(nlp, text, [("called", "REQUEST"), ("agreement", "AGREE")])
    assert _no_venue(agreement)
    # a word act dated long before the story keeps no venue; the same undated does
    text = (
        "In a speech delivered in Lyon, Dubois called for calm. "
        "In 2015, Dubois accused the unions of lying."
    )
    acts = [("called", "REQUEST"), ("accused", "ACCUSE")]
    _, accused = _code(nlp, text, acts, published=date(2019, 5, 1), dates={"accused": "2015"})
    assert _no_venue(accused)
    _, accused = _code(nlp, text, acts, published=date(2019, 5, 1))
    assert accused is not None and accused.basis == "venue"


def test_a_deed_does_not_take_the_speaker_s_venue(nlp):
    text = (
        "In a speech delivered in Lyon, Dubois called for calm. "
        "Dubois ordered strikes on the rebels."
    )
    _, ordered = _code(nlp, text, [("called", "REQUEST"), ("ordered", "ASSAULT")])
    assert ordered is None or ordered.basis != "venue"  # the sentence before's, as ever


def test_a_venue_named_only_late_in_the_article_places_nothing_else(nlp):
    # a stop of a tour told after the opening: the earlier words were not said there
    filler = "Strikes went on across the region. " * 6
    text = (
        "Dubois accused the unions of lying. "
        + filler
        + "In a speech delivered in Lyon, Dubois called for calm."
    )
    accused, called = _code(nlp, text, [("accused", "ACCUSE"), ("called", "REQUEST")])
    assert called is not None and called.name == "Lyon"
    assert _no_venue(accused)
    # the same venue in the opening places them
    text = (
        "Dubois accused the unions of lying. "
        "In a speech delivered in Lyon, Dubois called for calm. " + filler
    )
    accused, _ = _code(nlp, text, [("accused", "ACCUSE"), ("called", "REQUEST")])
    assert accused is not None and accused.basis == "venue"


def test_a_meeting_takes_no_venue_of_the_speaker(nlp):
    # a meeting happens where its own text says, not where its side spoke
    text = "In a speech delivered in Lyon, Dubois called for calm. Dubois met the union leaders."
    _, met = _code(nlp, text, [("called", "REQUEST"), ("met", "CONSULT")])
    assert met is None or met.basis != "venue"


def test_words_told_as_going_on_before_the_occasion_take_no_venue(nlp):
    text = (
        "In a speech delivered in Lyon, Dubois called for calm. "
        "Dubois had for weeks been trying to persuade the unions to return to work."
    )
    _, persuade = _code(nlp, text, [("called", "REQUEST"), ("persuade", "REQUEST")])
    assert _no_venue(persuade)
    text = text.replace("had for weeks been trying", "was trying")
    _, persuade = _code(nlp, text, [("called", "REQUEST"), ("persuade", "REQUEST")])
    assert persuade is not None and persuade.basis == "venue"


def test_a_place_that_names_who_gave_a_statement_is_no_venue(nlp):
    # "the White House readout": whose account it is, not where anyone spoke
    doc = nlp("Trump raised concerns, according to the White House readout of the call.")
    (found,) = [m for m in find_mentions(doc, ActorIndex()) if m.text == "White House"]
    assert _names_medium(doc, found)
    doc = nlp("Trump raised concerns at a meeting in the White House on Monday.")
    (found,) = [m for m in find_mentions(doc, ActorIndex()) if m.text == "White House"]
    assert not _names_medium(doc, found)


def test_a_town_named_as_a_figure_of_speech_is_not_a_scene(nlp):
    # "another Aleppo", "a new Srebrenica", "Syria's Srebrenica": what a town may become or
    # resembles, not a place where anything happens (nor one the article is about)
    for text, name in (
        ("Aid workers fear that Idlib could become another Aleppo.", "Aleppo"),
        ("Officials warned of a new Srebrenica in the valley.", "Srebrenica"),
        ("The besieged suburb is turning into Syria's Srebrenica.", "Srebrenica"),
        ("The siege made Homs Syria's Stalingrad.", "Stalingrad"),
    ):
        root = next(t for t in nlp(text) if t.text == name)
        assert _likened(root) and _compared(root), text
    # a town of the country that owns it, and a plain name, are places
    for text, name in (
        ("Jets bombed Syria's Aleppo again.", "Aleppo"),
        ("Jets bombed Aleppo again.", "Aleppo"),
        ("Aid workers fled to Aleppo on Monday.", "Aleppo"),
        ("They called it a US plot.", "US"),
    ):
        root = next(t for t in nlp(text) if t.text == name)
        assert not _likened(root) and not _compared(root), text


def test_a_town_in_apposition_to_the_ground_left_is_where_the_act_happened(nlp):
    # "driven out of its stronghold, Tabqa": the stronghold the town names is the ground
    actors = one_side()
    text = (
        "Aid workers from Canada and Britain said the camp was full. "
        "The families have waited since the militants were driven out of their "
        "stronghold, Tabqa, in 2017."
    )
    place = locate(nlp, text, "driven", actors=actors)
    assert place is not None and place.name == "Tabqa" and place.basis == "clause"

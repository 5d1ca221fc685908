"""Round 13 of where events happened (issue 18): sentences of our own for each new rule."""

from __future__ import annotations

from dateline.actors.index import ActorIndex
from dateline.gazetteer import gazetteer
from dateline.model import Actor, Event, Mention, Span
from dateline.places import (
    PlaceMention,
    _article_place,
    _many_acts,
    _names_incident,
    find_mentions,
    locate_events,
)
from located import locate, one_side


def _with_actor(nlp, text: str, name: str, kind: str, after: int = 0):
    """The parse of ``text`` and an actor index with an actor of ``kind`` called ``name`` found
    at each occurrence of ``name`` from token ``after`` on (one token or more)."""
    doc = nlp(text)
    actors = one_side()
    actor = Actor(id="P9", name=name, country="SYR", kind=kind)
    actors.actors.append(actor)
    words = name.split()
    for tok in doc:
        n = len(words)
        if tok.i >= after and [t.text for t in doc[tok.i : tok.i + n]] == words:
            mention = Mention(name, tok.idx, doc[tok.i + n - 1].idx + len(words[-1]), 0)
            actors.add_mention(actor, tok.i, tok.i + n, mention)
    return doc, actors


def test_a_town_named_as_a_place_is_that_place_where_its_name_comes_back_as_a_person(nlp):
    text = (
        "The army besieged the town of Kafr Nabl for months. "
        "Soldiers finally stormed Kafr Nabl on Sunday."
    )
    doc, actors = _with_actor(nlp, text, "Kafr Nabl", "person", after=9)
    found = [(m.text, m.place.name) for m in find_mentions(doc, actors)]
    again = [name for words, name in found if words == "Kafr Nabl"]
    assert again and again[0] == next(name for words, name in found if words.endswith("Nabl"))
    place = locate(nlp, text, "stormed", actors=actors)
    assert (place.text, place.basis) == ("Kafr Nabl", "clause")


def test_a_group_or_a_full_personal_name_is_no_place_named_again(nlp):
    text = (
        "The army besieged the town of Kafr Nabl for months. "
        "Ahmed Kafr Nabl, a teacher, said the soldiers stormed the market."
    )
    doc = nlp(text)
    found = [m for m in find_mentions(doc, one_side()) if m.start >= 9]
    assert not any("Kafr" in m.text for m in found)
    text = "Rebels held the town of Saraqib for years. Saraqib said it would fight on."
    doc, actors = _with_actor(nlp, text, "Saraqib", "organisation", after=7)
    assert not [m for m in find_mentions(doc, actors) if m.start >= 7]


def _mentions(doc, names: dict[str, str]) -> list[PlaceMention]:
    """A mention at each token of ``doc`` whose text is a key of ``names`` (its country)."""
    g = gazetteer()
    return [
        PlaceMention(t.i, t.i + 1, t.text, g.resolve(t.text, [names[t.text]]))
        for t in doc
        if t.text in names
    ]


def test_a_town_that_only_names_an_incident_is_not_the_story_s_place(nlp):
    doc = nlp("He was angered by the Norwich bomb attack. The Aleppo offensive went on.")
    roots = {t.text: t for t in doc}
    assert _names_incident(roots["Norwich"])
    assert not _names_incident(roots["Aleppo"])  # a campaign is a story's scene
    text = (
        "A British volunteer was wounded in Raqqa. He joined the Kurds after the Norwich "
        "attack. The Norwich attack had changed him, he said. Friends said the Norwich "
        "bombing shaped his life. He went back to Raqqa in May."
    )
    doc = nlp(text)
    found = _mentions(doc, {"Raqqa": "SYR", "Norwich": "GBR"})
    assert len(found) == 5
    place = _article_place(doc, found, ActorIndex(), text)
    assert place is not None and (place.country, place.name) == ("SYR", "Raqqa")


def test_many_acts_are_not_placed_at_the_story_s_town(nlp):
    doc = nlp(
        "There have been dozens of chemical attacks by the regime. "
        "Rebels suffered repeated defeats. The attack killed ten."
    )
    words = [t for t in doc if t.lower_ in ("attacks", "defeats", "attack")]
    assert [_many_acts(t) for t in words] == [True, True, False]
    first = "Syrian troops attacked the town of Saraqib on Monday. "
    for then, trigger in (
        # (a town that saw or suffered them is their place: test_locations_round14)
        ("Syrian troops have carried out dozens of attacks.", "attacks"),
        ("The army has launched repeated airstrikes.", "airstrikes"),
    ):
        place = locate(nlp, first + then, trigger, actors=one_side())
        assert (place.country, place.precision) == ("SYR", "country")
    place = locate(nlp, first + "Saraqib has suffered an airstrike by the army.", "airstrike")
    assert place is not None and place.name == "Saraqib"  # one act stays at the town


def test_the_index_holds_no_person_for_the_town_s_first_naming(nlp):
    doc, actors = _with_actor(nlp, "Kafr Nabl fell. The town of Kafr Nabl burned.", "X Y", "person")
    assert isinstance(actors, ActorIndex)
    assert any(m.text.endswith("Kafr Nabl") for m in find_mentions(doc, actors))


def _two_sides(nlp, text: str, trigger: str, source, target, event_type="ASSAULT"):
    """Locate the act at ``trigger`` of ``text`` done by ``source`` to ``target`` (each a
    triple of its words, country and sector: the first occurrence of the source's words and
    the last of the target's are the actors the actor stage found)."""
    doc = nlp(text)
    actors = ActorIndex(actors=[])
    refs = []
    for i, (words, country, sector) in enumerate((source, target)):
        actor = Actor(id=f"A{i}", name=words, country=country, sector=sector, kind="organisation")
        actors.actors.append(actor)
        start = text.rindex(words) if i else text.index(words)
        toks = [t for t in doc if start <= t.idx < start + len(words)]
        mention = Mention(words, start, start + len(words), 0)
        actors.add_mention(actor, toks[0].i, toks[-1].i + 1, mention)
        refs.append(actor.ref(words))
    start = text.index(trigger)
    sentence = next(i for i, s in enumerate(doc.sents) if s.start_char <= start < s.end_char)
    event = Event(
        event=event_type, sentence=sentence, trigger=Span(trigger, start, start + len(trigger)),
        quad_class=4, source=refs[0], target=refs[1],
    )  # fmt: skip
    locate_events([event], doc, actors, text)
    return event.location


#: A story set in another country than the domestic acts told in its last sentence.
_ELSEWHERE = (
    "Kurdish fighters clashed with Turkish troops near Afrin. Turkish jets bombed Afrin "
    "again. The war has many fronts. "
)
_ARMY, _PESHMERGA = ("Iraqi army", "IRQ", "MIL"), ("Kurdish peshmerga forces", "IRQ", "MIL")


def test_a_domestic_act_is_at_the_one_town_of_its_country_the_sentence_names(nlp):
    text = _ELSEWHERE + (
        "Kurdish peshmerga forces, who had held Kirkuk since 2014, were pushed out by the "
        "Iraqi army."
    )
    place = _two_sides(nlp, text, "pushed", _ARMY, _PESHMERGA)
    assert (place.name, place.precision, place.basis) == ("Kirkuk", "city", "actors")
    # no town named: the country; a town they come from is no scene
    police, press = ("Iraqi police", "IRQ", "COP"), ("Iraqi journalists", "IRQ", "MED")
    for then in (
        "Iraqi police arrested two Iraqi journalists on Monday.",
        "Iraqi police arrested two Iraqi journalists, who were from Basra, on Monday.",
        "Iraqi police arrested two Iraqi journalists over Basra's protest on Monday.",
    ):
        place = _two_sides(nlp, _ELSEWHERE + then, "arrested", police, press)
        assert (place.name, place.precision, place.basis) == ("Iraq", "country", "actors")


def test_the_name_beside_a_country_s_capital_is_that_town(nlp):
    text = (
        "The war began long ago. The insurgents seized Yemen\u2019s capital, Sana\u2019a, in 2015."
    )
    place = locate(nlp, text, "seized", actors=one_side())
    assert (place.name, place.precision) == ("Sana\u2019a", "city")
    assert place.country == "YEM"
    # a name that is not the capital's stays what the NER and the gazetteer made of it
    doc = nlp("The war began long ago. The insurgents seized Yemen's capital, Hodeidah, in May.")
    assert not [m for m in find_mentions(doc, one_side()) if m.place.name == "Sanaa"]

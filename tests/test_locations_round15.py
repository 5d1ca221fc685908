"""Round 15 (geo32) of where events happened (issue 18): sentences of our own."""

from __future__ import annotations

from spacy.tokens import Span as DocSpan

from dateline.actors.index import ActorIndex
from dateline.model import Event, Span
from dateline.places import find_mentions, locate_events, unparsed_towns
from dateline.select import blank_unselected
from located import locate, one_side


def _fast(nlp, sentences: list[str], skip: set[int]):
    """The article of ``sentences``, the doc of its text with the sentences ``skip`` blanked
    as the cheap pass blanks sentences with no candidate event, and that text."""
    text = " ".join(sentences)
    ranges, pos = [], 0
    for i, s in enumerate(sentences):
        if i not in skip:
            ranges.append((pos, pos + len(s)))
        pos += len(s) + 1
    blanked = blank_unselected(text, ranges)
    return text, nlp(blanked), blanked


def _place(nlp, sentences, skip, trigger, event_type="ASSAULT"):
    text, doc, _ = _fast(nlp, sentences, skip)
    start = text.rindex(trigger)
    sentence = next(i for i, s in enumerate(doc.sents) if s.start_char <= start < s.end_char)
    event = Event(
        event=event_type, sentence=sentence, trigger=Span(trigger, start, start + len(trigger)),
        quad_class=4,
    )  # fmt: skip
    locate_events([event], doc, ActorIndex(), text)
    return event.location


_SIEGE = [
    "Fighting across north-west Syria has driven thousands from their homes.",
    "On Sunday night a blast sent shockwaves through Saraqib and lit up the sky.",
    "The army has pressed on towards this hilltop town for weeks.",
    "Residents said that food was running short.",
    "Many families have left.",
    "Government jets bombed a market on Monday, killing nine people.",
]


def test_a_town_named_only_in_a_sentence_the_pipeline_did_not_parse_is_seen(nlp):
    text, doc, blanked = _fast(nlp, _SIEGE, skip={1})
    assert "Saraqib" in text and "Saraqib" not in blanked  # the cheap pass blanked it
    found = unparsed_towns(doc, blanked, text, ("SYR",))
    assert [(r.text, r.place.country, r.place.kind) for r in found] == [("Saraqib", "SYR", "city")]
    assert text[found[0].idx : found[0].idx + 7] == "Saraqib"
    assert unparsed_towns(doc, blanked, blanked, ("SYR",)) == []  # a full parse: nothing blank


def test_the_story_s_town_may_be_named_in_an_unparsed_sentence_and_then_called_the_town(nlp):
    # Named once, where no event is coded, then "this hilltop town": the story's town, which
    # places the bombing told four sentences on with no place of its own.
    place = _place(nlp, _SIEGE, {1}, "bombed")
    assert place is not None and (place.name, place.basis) == ("Saraqib", "article")
    # Without "the town" pointing back it is named once: the story's country only.
    plain = [*_SIEGE[:2], "The army has pressed on for weeks.", *_SIEGE[3:]]
    place = _place(nlp, plain, {1}, "bombed")
    assert place is not None and (place.name, place.precision) == ("Syria", "country")


def test_the_sentence_before_lends_a_town_named_after_through_when_it_was_not_parsed(nlp):
    sentences = [
        "Fighting across north-west Syria has driven thousands from their homes.",
        "A blast sent shockwaves through Saraqib on Sunday night.",
        "Then the shelling started again.",
    ]
    place = _place(nlp, sentences, {1}, "shelling")
    assert place is not None and (place.name, place.basis) == ("Saraqib", "before")


def test_no_unparsed_town_after_words_of_talking_nor_one_the_parsed_text_calls_a_person(nlp):
    sentences = [
        "Fighting across north-west Syria has driven thousands from their homes.",
        "The minister told reporters in Saraqib that aid would come.",
        "Aid workers have left for Idlib.",
    ]
    text, doc, blanked = _fast(nlp, sentences, skip={1})
    assert unparsed_towns(doc, blanked, text, ("SYR",)) == []  # where words were said
    sentences[1] = "The convoy drove on through Aleppo at dawn."
    text, doc, blanked = _fast(nlp, sentences, skip={1})
    assert [r.text for r in unparsed_towns(doc, blanked, text, ("SYR",))] == ["Aleppo"]
    # A parsed sentence where the same word is a person's name ("Aleppo" as a surname here):
    # the blanked sentence's word is not taken for the town either.
    sentences[2] = "Aleppo said that aid workers have left."
    text, doc, blanked = _fast(nlp, sentences, skip={1})
    name = next(t for t in doc if t.text == "Aleppo")
    doc.ents = [DocSpan(doc, name.i, name.i + 1, label="PERSON")]
    assert unparsed_towns(doc, blanked, text, ("SYR",)) == []


def test_it_as_what_a_blow_hits_points_back_at_the_town_named_just_before(nlp):
    text = "Kurdish forces attacked Raqqa. Two days after it was surrounded by the troops, it fell."
    place = locate(nlp, text, "surrounded", actors=one_side())
    assert place is not None and (place.name, place.basis, place.text) == ("Raqqa", "clause", "it")
    text = "Troops reached Aleppo on Monday. They stormed it at dawn."
    place = locate(nlp, text, "stormed", actors=one_side())
    assert place is not None and (place.name, place.basis) == ("Aleppo", "clause")


def test_it_after_a_nearer_singular_noun_is_no_town(nlp):
    # "the group", "the militia": "it" may mean them, not the town named before.
    for text, trigger in [
        ("Isis fighters held Aleppo. Kurdish forces attacked the group and surrounded it.",
         "surrounded"),
        ("Turkey shelled Aleppo. The Kurdish militia said it was besieged by the army.",
         "besieged"),
    ]:  # fmt: skip
        doc = nlp(text)
        refs = [m for m in find_mentions(doc, one_side()) if m.text == "it"]
        assert refs == []
        place = locate(nlp, text, trigger, actors=one_side())
        assert place is None or place.text != "it"


def _pair(nlp, text, deed, word, deed_type="COERCE", word_type="ACCUSE"):
    """The locations of a deed and of words (QuadClass 3) told in ``text``."""
    doc = nlp(text)
    events = []
    for trigger, event_type, quad in ((deed, deed_type, 4), (word, word_type, 3)):
        start = text.index(trigger)
        events.append(
            Event(
                event=event_type,
                sentence=0,
                quad_class=quad,
                trigger=Span(trigger, start, start + len(trigger)),
            )  # fmt: skip
        )
    locate_events(events, doc, one_side(), text)
    return [e.location for e in events]


def test_words_joined_to_a_deed_by_one_doer_were_given_where_the_deed_was_done(nlp):
    deed, words = _pair(
        nlp, "Police arrested him in Antalya and charged him with terrorism offences.",
        "arrested", "charged",
    )  # fmt: skip
    assert deed is not None and deed.name == "Antalya"
    assert words is not None and (words.name, words.basis) == ("Antalya", "sentence")
    deed, words = _pair(
        nlp, "Troops stormed the village near Aleppo and demanded the surrender of the fighters.",
        "stormed", "demanded", "ASSAULT", "DEMAND",
    )  # fmt: skip
    assert words is not None and words.name == "Aleppo"


def test_words_of_another_doer_through_a_medium_or_as_topics_stay_unplaced(nlp):
    for text, deed, word in [
        ("Police arrested him in Antalya and his lawyer denied the charges.", "arrested",
         "denied"),
        ("Police arrested him in Antalya and said in a statement that he was a spy.",
         "arrested", "said"),
        ("Trump has tweeted about firing missiles into Syria and clashing with Russia.",
         "firing", "clashing"),
    ]:  # fmt: skip
        placed, words = _pair(nlp, text, deed, word)
        assert placed is not None  # the deed is placed ...
        assert words is None  # ... the words are not

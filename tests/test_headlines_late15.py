"""Round 15, late lane: headlines. A headline's surnames of known people stay names when it is
re-cased; a headline is parsed even with no trigger word. Headlines of our own."""

from __future__ import annotations

import pytest

from dateline.ingest import article_from_text
from dateline.recase import name_lookup, recase_text


class _KB:
    """The two questions :func:`name_lookup` asks of people's surnames, and no country."""

    surnames = {"putin", "erdogan", "rice"}

    def people_with_surname(self, surname):
        return ["someone"] if surname in self.surnames else []

    def country_of(self, word):
        return None

    def lookup(self, phrase, on=None):
        return None


def test_a_known_surname_that_is_no_common_word_stays_a_name():
    common = frozenset({"agree", "meet", "in"})
    words = frozenset({"rice", "agree", "meet", "cold"})  # verbs, adjectives, adverbs
    title = name_lookup(_KB(), common, words)
    body = name_lookup(_KB(), common)
    line = "Police Meet Putin And Rice In Moscow Hall"
    assert recase_text(line, title) == "Police meet Putin and rice in Moscow hall"
    assert recase_text(line, body) == "Police meet putin and rice in Moscow hall"
    assert title("Erdogan") == "Erdogan" and title("Smith") is None


@pytest.mark.slow
def test_body_lines_do_not_learn_surnames(pipeline):
    # the body's headline lines are training text: re-cased as before
    line = "Erdogan Meets Merkel in Berlin over Migrants"
    assert pipeline._recase(line) == "Erdogan meets merkel in Berlin over migrants"
    assert pipeline._recase(line, title=True) == "Erdogan meets Merkel in Berlin over migrants"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("title", "sides"),
    [
        ("Erdogan Meets Merkel in Berlin over Migrants", {"TUR", "DEU"}),
    ],
)
def test_both_people_of_a_title_case_headline_are_found(pipeline, title, sides):
    article = article_from_text(
        "Officials spoke on Monday.", published="2018-01-22", title=title, detect_header=False
    )
    events = [e for e in pipeline.code(article).events if e.part == "title"]
    found = {a.country for e in events for a in (e.source, e.target) if a is not None}
    assert sides <= found


@pytest.mark.slow
@pytest.mark.parametrize(
    ("title", "event", "source", "target"),
    [
        # a headline's bare "-ed" form of a verb acting on someone is a passive
        ("Students Abducted by Gunmen in Kano", "ASSAULT", "gunmen", "Students"),
        ("Opposition Leader Jailed for Five Years", "COERCE", None, "Opposition leader"),
        # a verb of one's own act stays active: the subject resigned, marched
        ("Minister Resigned over Bribery Scandal", "RETREAT", "Minister", None),
    ],
)
def test_a_bare_past_form_of_a_verb_acting_on_someone_is_a_passive(
    pipeline, title, event, source, target
):
    article = article_from_text(
        "Officials spoke on Monday.", published="2018-01-22", title=title, detect_header=False
    )
    events = [e for e in pipeline.code(article).events if e.part == "title"]
    sides = {(e.event, e.source and e.source.text, e.target and e.target.text) for e in events}
    assert (event, source, target) in sides


@pytest.mark.slow
def test_the_passive_reading_needs_a_verb_acting_on_someone(pipeline):
    from dateline import nlp as nlp_mod
    from dateline.recase import headline_passive

    def parse(line):
        return nlp_mod.annotate(pipeline.nlp, line)

    doc = parse("Journalists detained in Ankara.")
    assert doc[1].tag_ == "VBD" and doc[0].dep_ == "nsubj"
    assert headline_passive(doc, pipeline.acts_on) == 1
    assert (doc[0].dep_, doc[1].tag_) == ("nsubjpass", "VBN")
    doc = parse("Journalists detained in Ankara.")
    assert headline_passive(doc) is None and doc[0].dep_ == "nsubj"  # no verb class given
    doc = parse("Police detained journalists in Ankara.")  # an object: active
    assert headline_passive(doc, pipeline.acts_on) is None and doc[0].dep_ == "nsubj"
    assert pipeline.acts_on("detain") and not pipeline.acts_on("resign")
    assert not pipeline.acts_on("protest")  # one of its entries is an act of one's own


@pytest.mark.slow
@pytest.mark.parametrize(
    ("title", "event", "sides"),
    [
        ("Trump, Putin Agree to Cooperate on Fighting Terrorism", "AGREE", {"USA", "RUS"}),
        ("Turkey, Russia Sign Deal on Idlib Buffer Zone", "SUPPORT", {"TUR", "RUS"}),
        ("Chile, Peru, Hold Joint Naval Drills off Arica", "COOPERATE", {"CHL", "PER"}),
    ],
)
def test_names_joined_by_commas_are_all_the_subject(pipeline, title, event, sides):
    article = article_from_text(
        "Officials spoke on Monday.", published="2018-01-22", title=title, detect_header=False
    )
    events = [e for e in pipeline.code(article).events if e.part == "title"]
    sources = {e.source.country for e in events if e.event == event and e.source is not None}
    assert sides <= sources


@pytest.mark.slow
def test_a_list_subject_needs_names_before_the_verb(pipeline):
    from dateline import nlp as nlp_mod
    from dateline.recase import headline_list_subject

    doc = nlp_mod.annotate(pipeline.nlp, "Trump, Putin agree to cooperate on terrorism.")
    assert headline_list_subject(doc) == 3
    assert (doc[0].dep_, doc[0].head.i, doc[2].dep_, doc[2].head.i) == ("nsubj", 3, "conj", 0)
    doc = nlp_mod.annotate(pipeline.nlp, "Turkey, Russia sign deal on buffer zone.")
    assert headline_list_subject(doc) == 3 and doc[3].dep_ == "ROOT"
    assert (doc[0].dep_, doc[4].dep_, doc[4].head.i) == ("nsubj", "dobj", 3)
    for line in ("In Syria, rebels agree to talks.", "Iran, Iraq.", "Kenya agrees to talks."):
        doc = nlp_mod.annotate(pipeline.nlp, line)
        before = [(t.dep_, t.head.i) for t in doc]
        assert headline_list_subject(doc) is None
        assert [(t.dep_, t.head.i) for t in doc] == before

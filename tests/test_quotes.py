"""Quotes: pairing quotation marks and finding speakers, on hand-written sentences."""

from __future__ import annotations

import pytest

from dateline.actors.index import ActorIndex
from dateline.model import Article
from dateline.quotes import find_quotes, quote_spans


def _quotes(nlp, text):
    return find_quotes(nlp(text), Article(id="t", text=text), ActorIndex())


def _speaker(quotes, fragment):
    quote = next(q for q in quotes if fragment in q.text)
    return quote.speaker.text if quote.speaker else None


def test_offsets_exclude_the_marks_and_trailing_comma():
    text = 'The mayor said, "We will rebuild the bridge," and left.'
    [(start, end, _)] = quote_spans(text)
    assert text[start:end] == "We will rebuild the bridge"


def test_curly_quotes_and_apostrophes():
    text = "The envoys\u2019 talks ended. \u201cIt went well,\u201d the diplomat\u2019s aide said."
    assert [text[s:e] for s, e, _ in quote_spans(text)] == ["It went well"]


def test_plural_possessive_is_not_a_quote():
    text = "The ministers' meeting and the generals' plans were discussed in the farmers' hall."
    assert quote_spans(text) == []


def test_single_quotes_in_headline_and_after_said():
    text = "'Fragile' truce holds\n\nThe general said 'the line will hold' on Monday. Officers' pay rose."
    assert [text[s:e] for s, e, _ in quote_spans(text)] == ["Fragile", "the line will hold"]


def test_attribution_after(nlp):
    quotes = _quotes(nlp, '"Our doors remain open to dialogue," Mayor Lindqvist told the council.')
    assert _speaker(quotes, "doors") == "Mayor Lindqvist"
    assert quotes[0].sentence == 0


def test_attribution_before(nlp):
    quotes = _quotes(
        nlp, 'Finance ministry officials said, "The budget will be balanced by next spring."'
    )
    assert _speaker(quotes, "budget") == "Finance ministry officials"


def test_split_quote_shares_the_speaker(nlp):
    text = '"Both delegations are optimistic," union leaders said, "that the strike can end this week."'
    quotes = _quotes(nlp, text)
    assert len(quotes) == 2
    assert {q.speaker.text for q in quotes} == {"union leaders"}


def test_partial_quote_speaker_is_the_subject(nlp):
    quotes = _quotes(
        nlp, 'The senator promised a "full and fair investigation" into the contracts.'
    )
    assert _speaker(quotes, "investigation") == "senator"


def test_partial_quote_in_reported_clause(nlp):
    quotes = _quotes(
        nlp, 'The council said the agreement was "a turning point for the whole region."'
    )
    assert _speaker(quotes, "turning point") == "council"


def test_statement_owner_possessive(nlp):
    text = 'The talks "went further than expected," Ottawa\'s statement said, adding: "Both sides will meet again."'
    quotes = _quotes(nlp, text)
    assert _speaker(quotes, "further") == "Ottawa"
    assert _speaker(quotes, "Both sides") == "Ottawa"


def test_statement_by_first_named(nlp):
    text = '"The ministers agreed to share intelligence on smuggling routes," the statement by Rutte and Sanchez said.'
    assert _speaker(_quotes(nlp, text), "ministers") == "Rutte"


def test_according_to_statement_from(nlp):
    text = 'Talks on the border "must resume without conditions," according to a statement from the Quirinal Palace.'
    assert _speaker(_quotes(nlp, text), "must resume") == "Quirinal Palace"


def test_speech_verb_beats_according_to(nlp):
    text = '"We cannot wait any longer," Ramaphosa told Modi, according to a statement from his office.'
    assert _speaker(_quotes(nlp, text), "wait") == "Ramaphosa"


def test_institution_speaker(nlp):
    text = 'The foreign ministry said the visit had been "productive and frank in every respect."'
    assert _speaker(_quotes(nlp, text), "productive") == "foreign ministry"


def test_scare_quotes_have_no_speaker(nlp):
    quotes = _quotes(
        nlp, 'Critics of the plan have long dismissed it as a "gimmick" aimed at voters.'
    )
    assert len(quotes) == 1 and quotes[0].speaker is None


def test_pronoun_speaker_falls_back_to_named_person(nlp):
    text = 'Rutte met the farmers on Monday, and he vowed a "fair deal for every village."'
    assert _speaker(_quotes(nlp, text), "fair deal") == "Rutte"


def test_multi_paragraph_quote(nlp):
    text = (
        '"The harvest failed in three provinces. We need help now.\n\n'
        '"Without seed, there will be no planting next season," the agriculture minister said.'
    )
    quotes = _quotes(nlp, text)
    assert [q.text for q in quotes][0].startswith("The harvest failed")
    assert len(quotes) == 2
    assert all(q.speaker is not None and q.speaker.text == "agriculture minister" for q in quotes)
    for q in quotes:
        assert text[q.start : q.end] == q.text


def test_no_quotes(nlp):
    assert _quotes(nlp, "The parliament passed the law on Tuesday.") == []


def _has_resolver() -> bool:
    try:
        from dateline.actors.resolve import resolve_actors  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.mark.slow
@pytest.mark.skipif(not _has_resolver(), reason="dateline.actors.resolve is not written yet")
def test_seed_article_speakers(nlp, seed_path):
    from dateline.actors.kb import KnowledgeBase
    from dateline.actors.resolve import resolve_actors

    text = seed_path.read_text("utf-8")
    doc = nlp(text)
    article = Article(id="seed", text=text)
    quotes = find_quotes(doc, article, resolve_actors(doc, article, KnowledgeBase.load()))

    def speaker(fragment):
        return next(q.speaker for q in quotes if fragment in q.text)

    assert speaker("a significant start to improving the relationship").text == "White House"
    assert speaker("a significant start to improving the relationship").country == "USA"
    assert "Hollande" in speaker("turning inward would be a dead-end").name
    assert "Trump" in speaker("quite early").name
    assert speaker("It was agreed to establish a partnership").text in ("Moscow", "Kremlin")
    assert speaker("It was agreed to establish a partnership").country == "RUS"
    assert speaker("critical for peace, stability and prosperity").text == "White House"
    for q in quotes:
        assert text[q.start : q.end] == q.text

"""The cheap pass: sentence splitting, lemma guesses, which sentences the full pipeline sees."""

from __future__ import annotations

import pytest

from dateline.ingest import article_from_text
from dateline.pipeline import Pipeline
from dateline.select import blank_unselected
from dateline.settings import Settings


@pytest.fixture(scope="module")
def selector(pipeline):
    return pipeline.selector


def _kept(selector, text: str) -> list[str]:
    return [text[s:e] for s, e in selector.select(text)]


@pytest.mark.parametrize(
    ("word", "lemma"),
    [("met", "meet"), ("fought", "fight"), ("imposed", "impose"), ("sanctions", "sanction"),
     ("stopped", "stop"), ("talks", "talk"), ("accusing", "accuse"), ("carried", "carry")],
)  # fmt: skip
def test_lemma_guesses_cover_regular_and_irregular_forms(selector, word, lemma):
    assert lemma in selector.lemmas(word)


def test_sentences_split_at_final_punctuation_and_line_breaks(selector, nlp):
    text = 'The U.S. envoy arrived. "We will talk," he said.\nTalks began!  Nothing else'
    doc = nlp.make_doc(text)
    sents = [doc[s:e].text for s, e in selector.sentences(doc)]
    assert sents == [
        "The U.S. envoy arrived.",
        '"We will talk," he said.',
        "Talks began!",
        "Nothing else",
    ]


def test_only_sentences_that_can_matter_are_kept(selector):
    text = (
        "The weather in the capital was mild. Russia imposed sanctions on Ukraine. "
        "The convoy reached the town. Mali and Niger reached an agreement on patrols. "
        "Crowds filled the square. German Chancellor Angela Merkel arrived late."
    )
    kept = _kept(selector, text)
    assert "Russia imposed sanctions on Ukraine." in kept  # a trigger
    assert "Mali and Niger reached an agreement on patrols." in kept  # trigger + required object
    assert "The convoy reached the town." not in kept  # "reach" needs "agreement", "deal", ...
    assert "The weather in the capital was mild." not in kept
    assert "German Chancellor Angela Merkel arrived late." in kept  # introduces a person


def test_quotes_new_names_and_antecedents_are_kept(selector):
    text = (
        "Ahmed Jarba spent the week in the north. He later attacked the rebels. "
        'The stadium was full. "It was a good day," the coach told reporters. '
        "Ahmed Jarba returned home."
    )
    kept = _kept(selector, text)
    assert "Ahmed Jarba spent the week in the north." in kept  # names someone new; antecedent
    assert "He later attacked the rebels." in kept
    assert '"It was a good day," the coach told reporters.' in kept
    assert "The stadium was full." not in kept
    assert "Ahmed Jarba returned home." not in kept  # named before, nothing to code


def test_nouns_of_an_act_have_their_verb_among_their_lemmas(selector):
    # the coder gives "the executions of" the verb's plain entries (Lexicon.derived_entries)
    assert "execute" in selector.lemmas("executions")
    assert "indict" in selector.lemmas("indictment")
    assert "govern" not in selector.lemmas("government")  # not_derived: no act of its verb


def test_sentences_naming_a_country_are_kept_and_opening_words_are_no_name(selector):
    text = (
        "The family later moved to Syria. The family later moved to the coast. "
        "The Iraqi border was quiet. In Winter the roads were empty."
    )
    kept = _kept(selector, text)
    assert "The family later moved to Syria." in kept  # a place vote for the story's country
    assert "The Iraqi border was quiet." in kept
    assert "The family later moved to the coast." not in kept
    assert "In Winter the roads were empty." not in kept  # "In Winter" names no one


def test_blanking_keeps_offsets_and_line_breaks():
    text = "One two.\nThree four. Five six."
    ranges = [(9, 20)]
    blanked = blank_unselected(text, ranges)
    assert len(blanked) == len(text)
    assert blanked[9:20] == "Three four."
    assert blanked.strip() == "Three four."
    assert blanked[8] == "\n"


@pytest.mark.slow
def test_fast_and_full_parse_code_the_same_events(pipeline):
    text = (
        "OTTAWA — Canada and Mexico signed a trade agreement on Tuesday. The ceremony was brief "
        "and the weather was cold. Prime Minister Justin Trudeau praised the deal. Mexican "
        'officials said they welcomed it. "This is a good day," Trudeau told reporters. The '
        "snow kept falling. Protesters later clashed with police outside parliament."
    )
    article = article_from_text(text, published="2017-01-31", detect_header=False)
    full = Pipeline(Settings.load(full_parse=True)).code(article)
    fast = pipeline.code(article)
    assert "weather" not in pipeline.annotation_text(article)
    key = lambda r: sorted(  # noqa: E731
        (e.event, e.trigger.start, e.source and e.source.country, e.target and e.target.country)
        for e in r.events
    )
    assert key(fast) == key(full)
    assert key(fast)
    assert [(q.start, q.speaker and q.speaker.name) for q in fast.quotes] == [
        (q.start, q.speaker and q.speaker.name) for q in full.quotes
    ]
    for event in fast.events:  # evidence offsets are the article's own
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text


@pytest.mark.slow
def test_fast_mode_agrees_with_full_parse_on_real_articles(corpus_path, pipeline):
    """On real news the cheap pass changes few records: the events of the default mode are
    those of --full-parse for at least 95% of them (97.7% measured on these 20 articles with
    the shipped model, 97.3% with a retrain of round 8; 98.8-99.3% on the next 60:
    ``benchmarks/fast_agreement.py``, docs/performance.md "Round 9: the cheap pass")."""
    import itertools

    from dateline.errors import InputError
    from dateline.ingest import iter_articles

    items = iter_articles([str(corpus_path)], Settings.load())
    articles = [a for a in itertools.islice(items, 20) if not isinstance(a, InputError)]
    full = Pipeline(Settings.load(full_parse=True))

    def events(result):
        return {
            (e.event, e.trigger.start, e.source and e.source.country, e.target and e.target.country)
            for e in result.events
        }

    same = total = 0
    kept = chars = 0
    for article, fast_result, full_result in zip(
        articles, pipeline.pipe(articles), full.pipe(articles), strict=True
    ):
        total += len(events(full_result))
        same += len(events(full_result) & events(fast_result))
        text = pipeline.annotation_text(article)
        kept += sum(1 for ch in text if not ch.isspace())
        chars += sum(1 for ch in article.text if not ch.isspace())
    assert total > 100
    assert same / total >= 0.95
    assert kept < chars  # something was skipped


@pytest.mark.slow
def test_sentence_numbers_count_the_articles_sentences(pipeline):
    text = (
        "The weather was mild. The stadium was full. The trains ran late. "
        "Russia imposed sanctions on Ukraine. The snow kept falling."
    )
    article = article_from_text(text, published="2024-02-03", detect_header=False)
    full = Pipeline(Settings.load(full_parse=True)).code(article)
    fast = pipeline.code(article)
    assert "weather" not in pipeline.annotation_text(article)  # three sentences were skipped
    assert [e.sentence for e in fast.events] == [e.sentence for e in full.events] == [3]
    mentions = [m.sentence for a in fast.actors for m in a.mentions]
    assert mentions and set(mentions) == {3}

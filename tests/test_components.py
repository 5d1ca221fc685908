"""dateline.components: the fast attribute ruler and lemmatizer annotate exactly as spaCy's own."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest
import spacy
from spacy.attrs import DEP, LEMMA, MORPH, NORM, POS, TAG
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from dateline.components import (
    FastAttributeRuler,
    FastLemmatizer,
    lemmatizer_fallback_reason,
    speed_up,
)
from dateline.settings import DEFAULT_MODEL

pytestmark = pytest.mark.slow

CHECKED = [POS, MORPH, LEMMA, TAG, DEP]

TEXTS = [
    # Quotes, titles and abbreviations.
    "WASHINGTON (Reuters) - U.S. Secretary of State Antony Blinken said on Tuesday that "
    '"nothing is off the table" after Mr. Lavrov\'s remarks, adding: "We\'re not gonna '
    "let 'em walk away.\" The St. Louis-based firm, Acme Corp., declined to comment.",
    # Numbers, dates, money and percentages.
    "On 3 March 2021 the IMF cut its forecast to 2.5%, from 3.1% in January; $4.2bn "
    "(£3bn) was pledged by 17 countries, and about 1,200 troops - some 40 per cent - left.",
    # Contractions and informal speech.
    "\"I ain't going,\" she said. \"You can't make me, and they won't either. Y'all "
    "should've known. C'mon, let's go - I'd rather be doin' nothin' than sittin' here.\"",
    # Odd casing, headlines and line breaks.
    "BREAKING: PRESIDENT VOWS TO VETO BILL\n\nthe senate voted 51-49 late on friday. "
    "NATO and the eu said They Would Respond.  Mps in the UK were Not consulted.",
    # Existentials, auxiliaries, wh-words and pronouns in every case.
    "There is no doubt that it was him who did it, and there are reasons to believe that "
    "those who had been warned did nothing. What did you tell them? Whom does it concern? "
    "It's theirs, not ours; we gave it to her and she gave it to us herself.",
    # Modals, negation and passives.
    "The talks could have been delayed, but officials insist they must not be; the plan "
    "wasn't approved and hasn't been debated, although ministers may yet revisit it.",
    # Lists, brackets, dashes and repeated punctuation.
    "Sanctions (on oil, gas and steel) were imposed -- again!! -- by the E.U., Japan and "
    "Canada... Is that enough?! Analysts said: 'Probably not.' #Ukraine @UN_News 10am GMT",
    # Whitespace-only runs and tabs between tokens.
    'Kyiv\t\tMoscow   Beijing\n \nWashington\n\n\n"Yes."',
    "",
]


def _load() -> Language:
    return spacy.load(DEFAULT_MODEL)


@pytest.fixture(scope="module")
def stock() -> Language:
    return _load()


@pytest.fixture(scope="module")
def fast() -> Language:
    return speed_up(_load())


def _annotations(doc: Doc) -> list[tuple[str, ...]]:
    return [(t.text, t.tag_, t.dep_, t.pos_, str(t.morph), t.lemma_) for t in doc]


def _assert_same(stock: Language, fast: Language, texts: list[str]) -> int:
    """Every token's tag, dep, POS, morph and lemma agree; returns the number of tokens."""
    n = 0
    for a, b in zip(stock.pipe(texts), fast.pipe(texts), strict=True):
        assert _annotations(a) == _annotations(b)
        assert (a.to_array(CHECKED) == b.to_array(CHECKED)).all()
        n += len(a)
    return n


def test_speed_up_keeps_names_and_positions(stock: Language, fast: Language) -> None:
    assert fast.pipe_names == stock.pipe_names
    ruler, lemmatizer = fast.get_pipe("attribute_ruler"), fast.get_pipe("lemmatizer")
    assert isinstance(ruler, FastAttributeRuler) and ruler.fallback_reason is None
    assert isinstance(lemmatizer, FastLemmatizer) and lemmatizer.fallback_reason is None
    assert "lemma_index" in lemmatizer.lookups.tables  # other code reads the tables through it


def test_same_annotations_on_written_texts(stock: Language, fast: Language) -> None:
    assert _assert_same(stock, fast, TEXTS) > 300
    assert _assert_same(stock, fast, TEXTS) > 300  # again, now from the warm caches


def test_same_annotations_on_guardian_sample(fast: Language, corpus_path: Path) -> None:
    # The tagger and parser run once; each doc then goes through the original components
    # (which the fast ones wrap) and through the fast ones, on two copies.
    csv.field_size_limit(sys.maxsize)
    with corpus_path.open(newline="", encoding="utf-8") as f:
        texts = [row["text"] for _, row in zip(range(30), csv.DictReader(f), strict=False)]
    ruler, lemmatizer = fast.get_pipe("attribute_ruler"), fast.get_pipe("lemmatizer")
    n = 0
    for doc in fast.pipe(texts, disable=["attribute_ruler", "lemmatizer", "ner"]):
        a = lemmatizer.lemmatizer(ruler.ruler(doc.copy()))
        b = lemmatizer(ruler(doc.copy()))
        assert _annotations(a) == _annotations(b)
        assert (a.to_array(CHECKED) == b.to_array(CHECKED)).all()
        n += len(doc)
    assert n > 20_000


def test_same_lemmas_inside_memory_zones(stock: Language, fast: Language) -> None:
    # Strings first seen in a zone are dropped at its end; cached lemma hashes must still
    # resolve in the next one (made-up words, so that "zorble" is new to the vocab).
    text = "The zorbles were flurbing the grindlets, which had quoxed twice."
    for _ in range(2):
        with stock.memory_zone(), fast.memory_zone():
            assert _annotations(stock(text)) == _annotations(fast(text))


def test_saved_pipeline_loads_fast_components(fast: Language, tmp_path: Path) -> None:
    fast.to_disk(tmp_path)
    loaded = spacy.load(tmp_path)
    assert isinstance(loaded.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert isinstance(loaded.get_pipe("lemmatizer"), FastLemmatizer)
    assert _annotations(loaded(TEXTS[0])) == _annotations(fast(TEXTS[0]))


# Hand-built docs: the rule semantics, without the model.

RULES = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": "NN", "LOWER": "nothing"}]], "attrs": {"POS": "PRON"}},
    {
        "patterns": [[{"LOWER": {"IN": ["gon", "got"]}}, {"LOWER": {"REGEX": "^[nt]a$"}}]],
        "attrs": {"LEMMA": "go"},
    },
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": -1},
    {
        "patterns": [[{"DEP": {"NOT_IN": ["det", ""]}, "TAG": {"IN": ["DT", "WDT"]}}]],
        "attrs": {"POS": "PRON"},
    },
    {
        "patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "'s"]}}]],
        "attrs": {"POS": "VERB", "TAG": "VBZ"},
        "index": 1,
    },
    {
        "patterns": [[{"IS_SPACE": True}]],
        "attrs": {"TAG": "_SP", "POS": "SPACE", "MORPH": "_", "DEP": "dep"},
    },
    {"patterns": [[{"TAG": "VBZ"}], [{"TAG": "VBD", "TEXT": "got"}]], "attrs": {"LEMMA": "get"}},
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"MORPH": "Number=Plur"}},
    {"patterns": [[{"lower": "a"}, {"LOWER": "a"}]], "attrs": {"LEMMA": "aa"}, "index": 1},
    {"patterns": [[{"POS": "PRON"}]], "attrs": {"LEMMA": "pron"}},  # reads the state before
]

WORDS = ["Nothing", "'s", "gon", "na", "stop", "the", "dog", "\n\n", "There", "'s", "that"]
WORDS += ["got", "ta", "a", "a", "a", "dog", "Gon", "NA"]
TAGS = ["NN", "VBZ", "VBG", "TO", "VB", "DT", "NN", "_SP", "EX", "VBZ", "DT"]
TAGS += ["VBD", "TO", "DT", "DT", "DT", "NN", "VBG", "TO"]
DEPS = ["nsubj", "aux", "ROOT", "aux", "xcomp", "det", "dobj", "", "expl", "ROOT", "attr"]
DEPS += ["ROOT", "aux", "det", "det", "dep", "dobj", "ROOT", "aux"]


def _ruler(vocab, rules: list[dict]) -> AttributeRuler:
    ruler = AttributeRuler(vocab)
    ruler.add_patterns(rules)
    return ruler


@pytest.mark.parametrize("annotated", ["tags+deps", "tags", "nothing"])
def test_rule_semantics_match_attribute_ruler(annotated: str) -> None:
    vocab = spacy.blank("en").vocab
    doc = Doc(
        vocab,
        words=WORDS,
        tags=TAGS if annotated != "nothing" else None,
        deps=DEPS if annotated == "tags+deps" else None,
        heads=list(range(len(WORDS))) if annotated == "tags+deps" else None,
    )
    ruler = _ruler(vocab, RULES)
    twin = FastAttributeRuler(_ruler(vocab, RULES))
    assert twin.fallback_reason is None
    for _ in range(2):  # cold, then warm
        a, b = ruler(doc.copy()), twin(doc.copy())
        assert (a.to_array(CHECKED) == b.to_array(CHECKED)).all()
    twin.add([[{"LOWER": "dog"}]], {"LEMMA": "hound"})
    ruler.add([[{"LOWER": "dog"}]], {"LEMMA": "hound"})
    a, b = ruler(doc.copy()), twin(doc.copy())
    assert (a.to_array(CHECKED) == b.to_array(CHECKED)).all()
    assert a[6].lemma_ == "hound"


def test_words_no_pattern_names_share_one_analysis() -> None:
    """A word no check of any pattern tells apart is analysed once per (TAG, DEP, ...), not once
    per word; the words the checks name (by equality, IN or REGEX) keep their own keys."""
    vocab = spacy.blank("en").vocab
    words = ["alpha", "beta", "gamma", "na", "ta", "Got", "delta"]
    doc = Doc(vocab, words=words, tags=["NN"] * len(words))
    ruler = _ruler(vocab, RULES)
    twin = FastAttributeRuler(_ruler(vocab, RULES))
    a, b = ruler(doc.copy()), twin(doc.copy())
    assert (a.to_array(CHECKED) == b.to_array(CHECKED)).all()
    # alpha, beta, gamma, delta: one key; "na" and "ta" (REGEX), "got" (IN): one each
    assert len(twin._cache) == 4


@pytest.mark.parametrize(
    ("rule", "reason"),
    [
        ({"patterns": [[{"LOWER": "dog", "OP": "+"}]], "attrs": {"LEMMA": "x"}}, "OP"),
        ({"patterns": [[{"LOWER": {"FUZZY": "dgo"}}]], "attrs": {"LEMMA": "x"}}, "FUZZY"),
        (
            {"patterns": [[{"MORPH": {"IS_SUBSET": ["Number=Sing"]}}]], "attrs": {"LEMMA": "x"}},
            "IS_SUBSET",
        ),
        ({"patterns": [[{}]], "attrs": {"LEMMA": "x"}}, "token pattern"),
        ({"patterns": [[{"LOWER": "dog"}]], "attrs": {"NORM": "hound"}}, "NORM"),
    ],
)
def test_unsupported_pattern_falls_back(rule: dict, reason: str) -> None:
    nlp = spacy.blank("en")
    rules = [*RULES, rule]
    nlp.add_pipe("attribute_ruler").add_patterns(rules)
    speed_up(nlp)
    assert type(nlp.get_pipe("attribute_ruler")) is AttributeRuler  # left as it was
    twin = FastAttributeRuler(_ruler(nlp.vocab, rules))
    assert twin.fallback_reason is not None and reason in twin.fallback_reason
    doc = Doc(nlp.vocab, words=WORDS, tags=TAGS, deps=DEPS, heads=list(range(len(WORDS))))
    a, b = nlp.get_pipe("attribute_ruler")(doc.copy()), twin(doc.copy())
    assert (a.to_array([*CHECKED, NORM]) == b.to_array([*CHECKED, NORM])).all()


def test_supported_ruler_is_swapped_on_a_blank_pipeline() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add_patterns(RULES)
    speed_up(nlp)
    assert isinstance(nlp.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert nlp.pipe_names == ["attribute_ruler"]


def test_lemmatizer_subclass_falls_back(stock: Language) -> None:
    class Picky(EnglishLemmatizer):
        def is_base_form(self, token) -> bool:
            return token.dep_ == "ROOT"

    picky = Picky(stock.vocab, None, mode="rule")
    assert "is_base_form" in (lemmatizer_fallback_reason(picky) or "")
    assert lemmatizer_fallback_reason(stock.get_pipe("lemmatizer")) is None

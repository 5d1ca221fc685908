"""Annotating many articles quickly: spaCy batches sized by text length, not by article count.

spaCy's parser and NER step through a batch in lockstep, so one long article keeps a batch
busy while the short ones are done, and memory grows with the longest batch. Grouping
articles into batches of about :data:`CHARS_PER_BATCH` characters gives big batches of short
texts (sentences, headlines) and small batches of long articles. The annotations are the
same as with any other batching; only speed and memory change (see docs/performance.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from dateline.model import Article

T = TypeVar("T")

#: About five news articles of 800 words; measured best on the Guardian sample (2 cores).
CHARS_PER_BATCH = 25_000


def _article_text(article: Article) -> str:
    return article.text


def sized_batches(
    items: Iterable[T],
    max_articles: int = 64,
    max_chars: int = CHARS_PER_BATCH,
    text_of: Callable[[T], str] = _article_text,
) -> Iterator[list[T]]:
    """Consecutive groups of ``items`` (articles, or anything ``text_of`` reads a text from):
    at most ``max_articles``, and about ``max_chars`` characters."""
    batch: list[T] = []
    chars = 0
    for item in items:
        batch.append(item)
        chars += len(text_of(item))
        if len(batch) >= max_articles or chars >= max_chars:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def pipe_docs(
    nlp: Language,
    items: Iterable[T],
    max_articles: int = 64,
    max_chars: int = CHARS_PER_BATCH,
    text_of: Callable[[T], str] = _article_text,
) -> Iterator[tuple[Doc, T]]:
    """``(doc, item)`` for every item, in order, annotated in length-sized batches; ``text_of``
    gives the text spaCy sees (an article's, or one with sentences blanked)."""
    from dateline.nlp import annotate_batch, remember_text

    for batch in sized_batches(items, max(1, max_articles), max_chars, text_of):
        texts = [text_of(item) for item in batch]
        for doc, text, item in zip(annotate_batch(nlp, texts), texts, batch, strict=True):
            yield remember_text(doc, text), item

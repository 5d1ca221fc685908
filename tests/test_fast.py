"""Length-sized spaCy batches: grouping, order, and the same annotations as plain nlp.pipe."""

from __future__ import annotations

import pytest

from dateline.fast import pipe_docs, sized_batches
from dateline.model import Article


def _article(i: int, chars: int) -> Article:
    return Article(id=f"a{i}", text=("word " * (chars // 5)).strip())


def test_batches_are_cut_by_characters_and_by_count():
    articles = [_article(i, n) for i, n in enumerate([100, 100, 900, 50, 50, 50, 50])]
    sizes = [[a.id for a in b] for b in sized_batches(articles, max_articles=3, max_chars=1000)]
    assert sizes == [["a0", "a1", "a2"], ["a3", "a4", "a5"], ["a6"]]
    long = [_article(i, 5000) for i in range(3)]
    assert [len(b) for b in sized_batches(long, max_articles=64, max_chars=1000)] == [1, 1, 1]
    assert list(sized_batches([], 4, 10)) == []


@pytest.mark.slow
def test_pipe_docs_keeps_order_and_annotations(nlp):
    texts = [
        "Kenyan police arrested twelve protesters in Nairobi on Monday.",
        "Germany pledged aid to Jordan. The money will fund schools in Amman.",
        "Rebels attacked an army convoy near Goma, the army said.",
    ]
    articles = [Article(id=str(i), text=t) for i, t in enumerate(texts)]
    pairs = list(pipe_docs(nlp, articles, max_articles=2, max_chars=60))
    assert [a.id for _, a in pairs] == ["0", "1", "2"]
    for (doc, article), plain in zip(pairs, nlp.pipe(texts), strict=True):
        assert doc.text == article.text
        assert [(t.tag_, t.dep_, t.head.i, t.lemma_) for t in doc] == [
            (t.tag_, t.dep_, t.head.i, t.lemma_) for t in plain
        ]
        assert [(e.start_char, e.label_) for e in doc.ents] == [
            (e.start_char, e.label_) for e in plain.ents
        ]
        assert [s.start for s in doc.sents] == [s.start for s in plain.sents]


@pytest.mark.slow
def test_pipeline_pipe_matches_code(pipeline):
    texts = ["Japan and South Korea agreed to resume talks on trade.", "Russia accused Ukraine."]
    articles = [Article(id=str(i), text=t) for i, t in enumerate(texts)]
    piped = [r.to_dict() for r in pipeline.pipe(articles, batch_size=1)]
    assert piped == [pipeline.code(a).to_dict() for a in articles]
    assert any(r["events"] for r in piped)

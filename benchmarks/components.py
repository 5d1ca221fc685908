"""CPU time of spaCy's attribute ruler + lemmatizer against dateline.components' twins.

Runs the model up to the parser once over the first Guardian articles, then times each
component on fresh copies of those docs (``time.process_time``): one cold pass (all caches
empty) and the best of ``--repeat`` warm passes. Also times the whole ``nlp.pipe`` both ways
(best of ``--pipe-repeat`` alternating passes; the stock lemmatizer's cache is warm by then)
and checks that every token's POS, MORPH, LEMMA, TAG and DEP come out the same::

    python benchmarks/components.py --limit 60 --repeat 5
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import spacy
from corpus import open_rows
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
from spacy.tokens import Doc

from dateline.components import FastAttributeRuler, FastLemmatizer, speed_up
from dateline.settings import DEFAULT_MODEL

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "guardian_sample_249.csv"
CHECKED = [POS, MORPH, LEMMA, TAG, DEP]


def read_texts(path: Path, limit: int) -> list[str]:
    """The ``text`` column of the first ``limit`` rows of the corpus CSV (held-back rows left
    out)."""
    return [row["text"] for row in open_rows(path, limit)]


def cpu(run: Callable[[Doc], object], docs: Sequence[object]) -> float:
    """CPU seconds for ``run`` over every item of ``docs``."""
    started = time.process_time()
    for doc in docs:
        run(doc)
    return time.process_time() - started


def time_pair(
    ruler: Callable[[Doc], object],
    lemmatizer: Callable[[Doc], object],
    parsed: Sequence[Doc],
    repeat: int,
    reset: Callable[[], None],
) -> tuple[list[float], list[float], list[Doc]]:
    """(cold, best warm) seconds of the ruler and the lemmatizer, and the annotated docs."""
    reset()
    cold_docs = [doc.copy() for doc in parsed]
    cold = [cpu(ruler, cold_docs), cpu(lemmatizer, cold_docs)]
    warm = [float("inf"), float("inf")]
    for _ in range(repeat):
        docs = [doc.copy() for doc in parsed]
        warm = [min(warm[0], cpu(ruler, docs)), min(warm[1], cpu(lemmatizer, docs))]
    return cold, warm, cold_docs


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--limit", type=int, default=60, help="articles to use (default 60)")
    parser.add_argument("--repeat", type=int, default=5, help="warm passes (default 5)")
    parser.add_argument(
        "--pipe-repeat", type=int, default=2, help="whole-pipeline passes each (default 2)"
    )
    parser.add_argument("--model", default=DEFAULT_MODEL)
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"skipped: {args.corpus} is not here", file=sys.stderr)
        return 0
    texts = read_texts(args.corpus, args.limit)
    nlp = spacy.load(args.model)
    ruler, lemmatizer = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
    parsed = list(nlp.pipe(texts, disable=["attribute_ruler", "lemmatizer", "ner"]))
    n_tokens = sum(len(doc) for doc in parsed)

    fast: list[Callable[[Doc], object]] = []

    def reset_stock() -> None:
        lemmatizer.cache.clear()

    def reset_fast() -> None:
        lemmatizer.cache.clear()
        fast[:] = [FastAttributeRuler(ruler), FastLemmatizer(lemmatizer)]

    stock_cold, stock_warm, stock_docs = time_pair(
        ruler, lemmatizer, parsed, args.repeat, reset_stock
    )
    fast_cold, fast_warm, fast_docs = time_pair(
        lambda doc: fast[0](doc), lambda doc: fast[1](doc), parsed, args.repeat, reset_fast
    )
    same = all(
        (a.to_array(CHECKED) == b.to_array(CHECKED)).all()
        for a, b in zip(stock_docs, fast_docs, strict=True)
    )

    sped_up = speed_up(spacy.load(args.model))
    list(nlp.pipe(texts[:5]))  # warm both pipelines up before timing them
    list(sped_up.pipe(texts[:5]))
    stock_pipe = fast_pipe = float("inf")
    for _ in range(args.pipe_repeat):  # alternate, and keep the best of each
        stock_pipe = min(stock_pipe, cpu(lambda _: list(nlp.pipe(texts)), [None]))
        fast_pipe = min(fast_pipe, cpu(lambda _: list(sped_up.pipe(texts)), [None]))

    print(f"{len(texts)} articles, {n_tokens:,} tokens; CPU seconds (time.process_time)")
    print(f"{'':26}{'stock':>9}{'fast':>9}{'ratio':>8}")
    rows = [
        ("attribute_ruler, cold", stock_cold[0], fast_cold[0]),
        ("lemmatizer, cold", stock_cold[1], fast_cold[1]),
        ("attribute_ruler, warm", stock_warm[0], fast_warm[0]),
        ("lemmatizer, warm", stock_warm[1], fast_warm[1]),
        ("both, cold", sum(stock_cold), sum(fast_cold)),
        ("both, warm", sum(stock_warm), sum(fast_warm)),
        ("whole nlp.pipe", stock_pipe, fast_pipe),
    ]
    for label, before, after in rows:
        print(f"{label:26}{before:9.3f}{after:9.3f}{before / after:7.1f}x")
    print(f"identical POS/MORPH/LEMMA/TAG/DEP on all {n_tokens:,} tokens: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())

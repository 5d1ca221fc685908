"""Does Dateline's numpy NER decoder (dateline.ner.FastNER) give spaCy's own entities?

Runs the texts through ``dateline.nlp.load``'s pipeline without its entity recognizer, in the
batches ``dateline.fast.pipe_docs`` makes, then decodes each batch twice: with spaCy's own
component and with :class:`dateline.ner.FastNER`. Counts the documents and tokens whose
entity tag or label differ, and the CPU seconds of each decoder. Prints counts only::

    python benchmarks/ner_identity.py --shared /work/wt/shared
    python benchmarks/ner_identity.py --sets corpus_kept --limit 60
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from gemm_identity import SETS, texts_of


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).parents[2] / "shared")
    parser.add_argument("--sets", default="corpus_kept,corpus_raw,glt", help=f"of {SETS}")
    parser.add_argument("--limit", type=int, default=None, help="texts per set")
    args = parser.parse_args()

    from spacy.attrs import ENT_IOB, ENT_TYPE

    from dateline.fast import sized_batches
    from dateline.ner import FastNER
    from dateline.pipeline import Pipeline

    pipeline = Pipeline()
    nlp = pipeline.nlp
    stock = nlp.get_pipe("ner")
    fast = FastNER(stock)
    if fast.reason:
        raise SystemExit(f"FastNER cannot decode this model: {fast.reason}")
    for name in args.sets.split(","):
        texts = texts_of(name, args.shared, pipeline, args.limit)
        docs_differ = tokens_differ = tokens = 0
        t_stock = t_fast = 0.0
        for batch in sized_batches(texts, 16, text_of=lambda text: text):
            docs = list(nlp.pipe(batch, batch_size=len(batch), disable=["ner"]))
            ref = [doc.copy() for doc in docs]
            start = time.process_time()
            for _ in stock.pipe(ref, batch_size=len(ref)):
                pass
            t_stock += time.process_time() - start
            start = time.process_time()
            fast(docs)
            t_fast += time.process_time() - start
            for a, b in zip(ref, docs, strict=True):
                x, y = a.to_array([ENT_IOB, ENT_TYPE]), b.to_array([ENT_IOB, ENT_TYPE])
                tokens += len(a)
                differ = int((x != y).any(axis=1).sum()) if len(a) else 0
                tokens_differ += differ
                docs_differ += bool(differ)
        print(
            f"{name}: {len(texts)} texts, {tokens} tokens; differing: {docs_differ} texts, "
            f"{tokens_differ} tokens; NER decode CPU s: spaCy {t_stock:.2f}, FastNER {t_fast:.2f}"
        )


if __name__ == "__main__":
    main()

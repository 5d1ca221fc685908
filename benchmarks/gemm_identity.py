"""Do spaCy's annotations stay the same with Dateline's numpy-BLAS products (use_numpy_gemm)?

Runs the same texts through ``dateline.nlp.load``'s pipeline and through the same pipeline on
thinc's stock blis ops, and counts the tokens whose tag, dependency, head, entity, lemma or
sentence start differ, and the documents whose stock tensor ``classifier.doc_tensor`` does
not give bit for bit (and, to show the fast ops ran, those whose ``doc.tensor`` differs).
Prints counts only::

    python benchmarks/gemm_identity.py --shared /work/shared
    python benchmarks/gemm_identity.py --sets corpus_kept,gsr --limit 60
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from corpus import open_corpus

SETS = ("corpus_raw", "corpus_kept", "glt", "ngec_sents", "ngec_train", "gsr", "gld")


def texts_of(name: str, shared: Path, pipeline, limit: int | None) -> list[str]:
    def jsonl(path: Path) -> list[dict]:
        with path.open(encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]

    if name.startswith("corpus"):
        from dateline.errors import InputError
        from dateline.ingest import iter_articles

        csv = open_corpus(shared / "corpus" / "guardian_sample_249.csv")
        items = iter_articles([str(csv)], pipeline.settings)
        articles = [a for a in items if not isinstance(a, InputError)]
        if name == "corpus_raw":
            out = [a.text for a in articles]
        else:
            out = [pipeline.annotation_text(a) for a in articles]
    elif name == "glt":
        out = [" ".join(d["sents"]) for d in jsonl(shared / "train" / "guardian_lead_train.jsonl")]
    else:
        path = {
            "ngec_sents": shared / "train" / "ngec_synthetic_sentences.jsonl",
            "ngec_train": shared / "train" / "ngec_synthetic_train.jsonl",
            "gsr": shared / "eval" / "plover_gsr_dev.jsonl",
            "gld": shared / "eval" / "guardian_lead_dev.jsonl",
        }[name]
        out = [d["text"] for d in jsonl(path)]
    return out[:limit] if limit else out


def annotations(doc) -> list[tuple]:
    return [
        (t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.lemma_, t.is_sent_start) for t in doc
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    parser.add_argument("--sets", default=",".join(SETS), help=f"comma-separated, of {SETS}")
    parser.add_argument("--limit", type=int, default=None, help="first N texts of each set")
    args = parser.parse_args()

    import dateline.nlp as nlp_mod
    from dateline.components import speed_up
    from dateline.events.classifier import doc_tensor
    from dateline.pipeline import Pipeline
    from dateline.settings import Settings

    pipeline = Pipeline(Settings.load())
    fast = pipeline.nlp
    import spacy

    stock = spacy.load(pipeline.settings.model)  # thinc's NumpyOps (blis) everywhere
    speed_up(stock)
    stock.add_pipe("dateline_paragraphs", before="parser")
    assert nlp_mod.load(pipeline.settings.model) is fast
    for name in args.sets.split(","):
        texts = texts_of(name, Path(args.shared), pipeline, args.limit)
        tokens = differ = docs_differ = tensors = raw = 0
        for a, b in zip(
            stock.pipe(texts, batch_size=16), fast.pipe(texts, batch_size=16), strict=True
        ):
            left, right = annotations(a), annotations(b)
            n = sum(x != y for x, y in zip(left, right, strict=True))
            tokens += len(left)
            differ += n
            docs_differ += n > 0
            tensors += not np.array_equal(a.tensor, doc_tensor(b))
            raw += not np.array_equal(a.tensor, b.tensor)  # the numpy-BLAS tok2vec's own
        print(
            f"{name}: {len(texts)} texts, {tokens} tokens, {differ} tokens differ "
            f"({docs_differ} texts), {tensors} stock tensors not reproduced "
            f"(doc.tensor itself differs in the last bits in {raw})",
            flush=True,
        )


if __name__ == "__main__":
    main()

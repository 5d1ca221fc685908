"""CPU cost of the re-casing step and of the actor passes for months, gender and the story's
country, against spaCy's own time on the same articles (docs/accuracy.md)::

    python benchmarks/actor_passes.py --limit 60
"""

from __future__ import annotations

import argparse
import itertools
import time
from pathlib import Path

from corpus import open_corpus

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "guardian_sample_249.csv"


def main() -> None:
    from dateline import nlp as nlp_mod
    from dateline.actors.resolve import passes
    from dateline.errors import InputError
    from dateline.ingest import iter_articles
    from dateline.pipeline import Pipeline
    from dateline.recase import recase_text
    from dateline.settings import Settings

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=str(CORPUS))
    ap.add_argument("--limit", type=int, default=60)
    args = ap.parse_args()
    settings = Settings.load()
    items = iter_articles([str(open_corpus(args.corpus))], settings)
    articles = [a for a in itertools.islice(items, args.limit) if not isinstance(a, InputError)]
    pipeline = Pipeline(settings)
    prepared = [pipeline._prepare(a)[0] for a in articles]
    t0 = time.process_time()
    for a in articles:
        recase_text(a.text, pipeline._names)
    recase_s = time.process_time() - t0
    t0 = time.process_time()
    docs = [nlp_mod.annotate(pipeline.nlp, text) for text in prepared]
    spacy_s = time.process_time() - t0

    def resolve_all() -> float:
        start = time.process_time()
        for doc, article in zip(docs, articles, strict=True):
            passes.resolve_actors(doc, article, pipeline.kb)
        return time.process_time() - start

    resolve_all()  # warm the caches
    full = min(resolve_all() for _ in range(3))
    passes.person_genders = lambda doc, index: {}
    passes._home_country = lambda ctx: None
    passes.is_date_word = lambda span: False
    bare = min(resolve_all() for _ in range(3))
    print(
        f"{len(articles)} articles: spaCy {spacy_s:.2f} s CPU; re-casing {recase_s:.3f} s; "
        f"actor resolution {full:.2f} s, of which months/gender/home country {full - bare:.3f} s"
    )


if __name__ == "__main__":
    main()

"""How many of the ``--full-parse`` events the default mode (the cheap pass) codes the same.

An event counts as kept when the default mode codes one with the same type, trigger offset and
source and target country: the measure of ``tests/test_select.py``
(``test_fast_mode_agrees_with_full_parse_on_real_articles``, the first 20 articles). The events
lost are listed with the reason the cheap pass can give for them: their sentence was blanked,
or it was kept and the parse, NER or the article-level stages (where the story is set) changed
with the sentences blanked around it::

    python benchmarks/fast_agreement.py                        # the test's 20 articles
    python benchmarks/fast_agreement.py --skip 20 --limit 60   # the next 60
    DATELINE_EVENT_MODEL_FILE=/tmp/other.npz python benchmarks/fast_agreement.py --quiet
"""

from __future__ import annotations

import argparse
import itertools
from pathlib import Path

from corpus import open_corpus

SHARED = Path(__file__).resolve().parents[2] / "shared"


def event_keys(result) -> dict[tuple, object]:
    """The events of a result by (type, trigger offset, source country, target country)."""
    return {
        (e.event, e.trigger.start, e.source and e.source.country, e.target and e.target.country): e
        for e in result.events
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared data folder")
    parser.add_argument("--limit", type=int, default=20, help="articles to code (default 20)")
    parser.add_argument("--skip", type=int, default=0, help="open articles to skip first")
    parser.add_argument("--quiet", action="store_true", help="only the summary line")
    args = parser.parse_args(argv)

    from dateline.errors import InputError
    from dateline.ingest import iter_articles
    from dateline.pipeline import Pipeline
    from dateline.settings import Settings

    corpus = open_corpus(args.shared / "corpus" / "guardian_sample_249.csv")
    items = iter_articles([str(corpus)], Settings.load())
    articles = [a for a in items if not isinstance(a, InputError)]
    articles = list(itertools.islice(articles, args.skip, args.skip + args.limit))
    fast, full = Pipeline(Settings.load()), Pipeline(Settings.load(full_parse=True))
    same = total = coded = kept_chars = chars = 0
    lost = {"blanked": 0, "kept": 0}
    for article, fast_result, full_result in zip(
        articles, fast.pipe(articles), full.pipe(articles), strict=True
    ):
        mine, theirs = event_keys(fast_result), event_keys(full_result)
        total += len(theirs)
        coded += len(mine)
        same += len(theirs.keys() & mine.keys())
        text = fast.annotation_text(article)
        kept_chars += sum(1 for ch in text if not ch.isspace())
        chars += sum(1 for ch in article.text if not ch.isspace())
        for key in sorted(theirs.keys() - mine.keys(), key=lambda k: k[1]):
            event = theirs[key]
            where = "kept" if text[event.trigger.start : event.trigger.end].strip() else "blanked"
            lost[where] += 1
            if not args.quiet:
                sentence = " ".join(event.sentence_text.split())[:100]
                print(f"lost ({where}) {article.id} {key} {event.trigger.text!r}: {sentence}")
    share = same / total if total else 1.0
    print(
        f"{len(articles)} articles: default mode keeps {same}/{total} = {share:.3f} of the "
        f"full-parse events (lost in blanked sentences {lost['blanked']}, in kept ones "
        f"{lost['kept']}; default mode codes {coded}); spaCy sees {kept_chars / max(chars, 1):.3f} "
        "of the non-space characters"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

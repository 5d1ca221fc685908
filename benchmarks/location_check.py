"""Hand check of located events: a deterministic sample to read, and the score of its verdicts.

    PYTHONPATH=src python benchmarks/locations.py --corpus ../shared/corpus/guardian_sample_249.csv \
        --events-out events.jsonl
    python benchmarks/location_check.py sheet events.jsonl --n 200 --basis=-speaker > sheet.md
    python benchmarks/location_check.py score events.jsonl benchmarks/location_verdicts.jsonl \
        --n 200 --basis=-speaker

The sample: every located event of ``events.jsonl`` ranked by the SHA-1 of its key (article,
sentence, event type, trigger), the first ``n`` taken. The rank does not depend on the run, so
a later run keeps the events it still locates in the sample and a verdict carries over while
the event keeps the same location (``score`` lists the events it has no verdict for). Verdicts,
one JSON object a line (keys and a short note, never the article's text):
``{"key": [...], "where": "Raqqa|SYR|city", "verdict": "R", "note": "..."}``; R the act
happened there at the stated precision, L the location is wrong, A wrong because the actor
stage gave a side a wrong country, U the article does not say where (words whose venue it
never gives), E no event that happened (the event coder's error). Accuracy is R / (R + L);
also with U and with A counted wrong.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import Counter, defaultdict
from pathlib import Path


def event_key(rec: dict) -> list:
    return [rec["article"], rec["sentence"], rec["event"], rec["trigger"]]


def where(loc: dict) -> str:
    return f"{loc.get('name')}|{loc.get('country')}|{loc.get('precision')}"


def rank(key: list) -> str:
    return hashlib.sha1(json.dumps(key).encode("utf-8")).hexdigest()


def located(path: Path) -> list[dict]:
    out, seen = [], set()
    for line in path.read_text("utf-8").splitlines():
        rec = json.loads(line)
        loc = rec.get("location") or {}
        key = json.dumps(event_key(rec))
        if loc.get("country") and key not in seen:  # the same words twice: one event
            seen.add(key)
            out.append(rec)
    return out


def sample(path: Path, n: int, basis: str | None = None) -> list[dict]:
    """The first ``n`` located events by rank; ``basis``: only those placed by that rule, or
    with a leading "-" all but those ("-speaker": the located events of the default rules
    from a run with ``DATELINE_WORDS_AT_SPEAKER_COUNTRY=1``)."""
    events = located(path)
    if basis:
        keep = basis.removeprefix("-")
        events = [
            r for r in events if (r["location"].get("basis") == keep) != basis.startswith("-")
        ]
    return sorted(events, key=lambda r: rank(event_key(r)))[:n]


def sheet(path: Path, n: int, basis: str | None = None) -> str:
    rows = []
    for i, rec in enumerate(sample(path, n, basis)):
        loc = rec["location"]
        rows.append(
            f"## {i} {json.dumps(event_key(rec), ensure_ascii=False)} q={rec.get('quad')} "
            f"src={rec.get('source')} ({rec.get('source_text')}) tgt={rec.get('target')}\n"
            f"WHERE: {where(loc)} basis={loc.get('basis')} text={loc.get('text')!r}\n"
            f"BEFORE: {(rec.get('before') or '')[-300:]}\nSENT: {rec['evidence']}\n"
        )
    return "\n".join(rows)


def score(path: Path, verdicts_path: Path, n: int, basis: str | None = None) -> dict:
    verdicts = {}  # one verdict per event and location: a file can judge several runs
    for line in verdicts_path.read_text("utf-8").splitlines():
        v = json.loads(line)
        verdicts[json.dumps([v["key"], v["where"]])] = v
    counts: dict[str, Counter] = defaultdict(Counter)
    unjudged = []
    for rec in sample(path, n, basis):
        loc = rec["location"]
        v = verdicts.get(json.dumps([event_key(rec), where(loc)]))
        if v is None:
            unjudged.append(event_key(rec))
            continue
        for group in ("all", f"basis {loc.get('basis')}", f"quad {rec.get('quad')}"):
            counts[group][v["verdict"]] += 1
    out = {}
    for group, c in sorted(counts.items()):
        judged = c["R"] + c["L"]
        out[group] = dict(c) | {
            "events": sum(c.values()),
            "right": round(c["R"] / judged, 3) if judged else None,
            "right_with_actor_errors": round(c["R"] / (judged + c["A"]), 3) if judged else None,
            "right_with_unknown": round(c["R"] / (judged + c["U"]), 3) if judged else None,
        }
    return out | {"unjudged": unjudged}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    s = sub.add_parser("sheet", help="the sample, one block an event, to read and judge")
    s.add_argument("events", type=Path)
    s.add_argument("--n", type=int, default=200)
    s.add_argument("--basis", help="only events placed by this rule; '-RULE': all but those")
    c = sub.add_parser("score", help="accuracy of the sample from a verdicts file")
    c.add_argument("events", type=Path)
    c.add_argument("verdicts", type=Path)
    c.add_argument("--n", type=int, default=200)
    c.add_argument("--basis", help="only events placed by this rule; '-RULE': all but those")
    args = ap.parse_args()
    if args.command == "sheet":
        print(sheet(args.events, args.n, args.basis))
    else:
        print(json.dumps(score(args.events, args.verdicts, args.n, args.basis), indent=2))


if __name__ == "__main__":
    main()

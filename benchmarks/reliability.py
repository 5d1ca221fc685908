"""Reliability of event confidence: predicted probability vs observed precision, by bin.

Codes a gold file (article-level like ``guardian_lead_dev.jsonl`` or sentence-level like
``plover_gsr_dev.jsonl``) with the default pipeline and counts, per confidence bin, how many
coded events are right: an event is right when its type is among the gold types of its sentence
still unmatched (multiset matching, most confident first), as ``dateline eval`` counts types::

    python benchmarks/reliability.py ../shared/eval/guardian_lead_dev.jsonl ../shared/eval/plover_gsr_dev.jsonl
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path


def judged_events(path: Path, pipeline) -> list[tuple[float, bool]]:
    """(confidence, right) for every counted event the pipeline codes in the gold file."""
    from dateline.evaluation import articles, load_gold
    from dateline.events.ontology import Ontology

    head = path.read_text("utf-8")[: 1 << 16]
    out: list[tuple[float, bool]] = []
    if articles.detect_level(head) == articles.ARTICLE:
        gold = articles.load_articles(path)
        predicted = articles.code_texts(((a.id, a.text, a.date) for a in gold), pipeline)
        onto = Ontology.load()
        for art in gold:
            by_sent = art.predictions_by_sentence(predicted.get(art.id, []), onto)
            gold_types: dict[int, Counter] = defaultdict(Counter)
            for e in art.events:
                if e.modality in articles.GOLD_COUNTED:
                    gold_types[e.sent][e.event] += 1
            for n, preds in by_sent.items():
                out += _judge(preds, gold_types[n])
    else:
        gold = load_gold(path)
        predicted = articles.code_texts(((r.id, r.text, r.date) for r in gold), pipeline)
        for rec in gold:
            preds = [p for p in predicted.get(rec.id, []) if not p.get("negated")]
            out += _judge(preds, Counter(e.event for e in rec.events))
    return out


def _judge(preds: list[dict], gold: Counter) -> list[tuple[float, bool]]:
    left = Counter(gold)
    out = []
    for p in sorted(preds, key=lambda p: -p["confidence"]):
        right = left[p["event"]] > 0
        left[p["event"]] -= right
        out.append((float(p["confidence"]), right))
    return out


def table(judged: list[tuple[float, bool]], edges=(0.0, 0.2, 0.4, 0.6, 0.8, 1.0001)) -> list[dict]:
    rows = []
    for lo, hi in zip(edges, edges[1:], strict=False):
        inside = [(c, r) for c, r in judged if lo <= c < hi]
        if inside:
            rows.append({
                "bin": f"{lo:.1f}-{min(hi, 1.0):.1f}", "events": len(inside),
                "mean_confidence": round(sum(c for c, _ in inside) / len(inside), 3),
                "observed_precision": round(sum(r for _, r in inside) / len(inside), 3),
            })  # fmt: skip
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+", type=Path)
    parser.add_argument("--json", dest="json_out", type=Path)
    args = parser.parse_args()
    from dateline.pipeline import get_pipeline

    pipeline = get_pipeline()
    result = {}
    for path in args.gold:
        judged = judged_events(path, pipeline)
        result[path.name] = table(judged)
        print(f"\n{path.name}: {len(judged)} events")
        print("| confidence | events | mean confidence | observed precision |")
        print("| --- | ---: | ---: | ---: |")
        for row in result[path.name]:
            print(f"| {row['bin']} | {row['events']} | {row['mean_confidence']:.3f} | "
                  f"{row['observed_precision']:.3f} |")  # fmt: skip
    if args.json_out:
        args.json_out.write_text(json.dumps(result, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()

"""Tally the coder's modality against hand-coded modality on article-level gold.

Pairs each gold event with a predicted event of the same type in the same sentence (whatever
either's modality), then counts (gold modality, predicted modality) pairs and lists the
disagreements. For error analysis on the TRAINING articles; dev sets are only for final figures.

    python scripts/modality_audit.py ../shared/train/guardian_lead_train.jsonl [--examples 40]
"""

from __future__ import annotations

import argparse
from collections import Counter

from dateline.evaluation.articles import code_texts, load_articles
from dateline.events.ontology import Ontology
from dateline.pipeline import get_pipeline
from dateline.settings import Settings


def predicted_modality(p: dict) -> str:
    return "negated" if p.get("negated") else p.get("modality") or "asserted"


def gold_modality(e) -> str:
    return "background" if e.modality == "asserted" and e.background else e.modality


def audit(path: str) -> tuple[Counter, list[tuple]]:
    onto = Ontology.load()
    gold = load_articles(path)
    predicted = code_texts(((a.id, a.text, a.date) for a in gold), get_pipeline(Settings.load()))
    pairs: Counter = Counter()
    wrong: list[tuple] = []
    for art in gold:
        by_sent = art.predictions_by_sentence(predicted.get(art.id, []), onto, counted_only=False)
        for e in art.events:
            same = [p for p in by_sent[e.sent] if p["_type"] == e.event and not p.get("_used")]
            if not same:
                pairs[(gold_modality(e), "(missed)")] += 1
                continue
            # prefer a prediction whose modality agrees, then the first
            fit = next(
                (p for p in same if predicted_modality(p) == e.modality),
                same[0],
            )
            fit["_used"] = True
            g, m = gold_modality(e), predicted_modality(fit)
            pairs[(g, m)] += 1
            if (g in {"asserted", "background"}) != (m in {"asserted", "historical"}):
                wrong.append((art.id, e.sent, e.event, g, m, fit["trigger"]["text"],
                              art.sents[e.sent]))  # fmt: skip
        for preds in by_sent.values():
            for p in preds:
                if not p.get("_used"):
                    pairs[("(no gold)", predicted_modality(p))] += 1
    return pairs, wrong


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold")
    ap.add_argument("--examples", type=int, default=30)
    args = ap.parse_args()
    pairs, wrong = audit(args.gold)
    print("| gold modality | predicted | n |\n| --- | --- | ---: |")
    for (g, m), n in sorted(pairs.items()):
        print(f"| {g} | {m} | {n} |")
    print(f"\n{len(wrong)} paired events where the two disagree on whether it happened:")
    for row in wrong[: args.examples]:
        print(" ", *row[:6], "::", row[6][:220])


if __name__ == "__main__":
    main()

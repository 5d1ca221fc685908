"""Where events happened, measured on the article-level gold (``guardian_lead_dev.jsonl``).

Counts as ``../shared/eval/CODING_GUIDE.md`` says: predicted events (not negated, asserted or
historical) are paired with gold events (asserted) of the same type in the same gold sentence;
over the pairs whose gold location has a country: coverage (located at all), country accuracy
(of the located), place accuracy (of the gold city/point places, the share named: same GeoNames
place or the same name up to spelling). Also by the rule (``basis``) that placed the event.

    PYTHONPATH=src python benchmarks/locations.py ../shared/eval/guardian_lead_dev.jsonl
    PYTHONPATH=src python benchmarks/locations.py --corpus ../shared/corpus/guardian_sample_249.csv \
        --sample-out located-sample.jsonl
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

from corpus import open_rows


def gold_sentence(starts: list[int], offset: int) -> int:
    """Gold sentence number (0-based, as ``sent``) holding an offset of the joined text."""
    n = 0
    for i, start in enumerate(starts):
        if offset >= start:
            n = i
    return n


def same_place(pred: dict, gold: dict) -> bool:
    from dateline.gazetteer import gazetteer, skeleton

    if not pred.get("name") or not gold.get("place"):
        return False
    names = {pred["name"], pred.get("text") or pred["name"]}
    if any(skeleton(n) == skeleton(gold["place"]) for n in names):
        return True
    place = gazetteer().resolve(gold["place"], [gold["country"]] if gold.get("country") else [])
    return bool(place and place.feature_id and place.feature_id == pred.get("feature_id"))


def measure(path: Path, full_parse: bool = False) -> dict:
    from dateline.pipeline import get_pipeline
    from dateline.settings import Settings

    pipe = get_pipeline(Settings.load(full_parse=full_parse) if full_parse else Settings.load())
    counts: Counter = Counter()
    by_basis: dict[str, Counter] = defaultdict(Counter)
    misses = []
    for line in path.read_text("utf-8").splitlines():
        rec = json.loads(line)
        starts, pos = [], 0
        for s in rec["sents"]:
            starts.append(rec["text"].index(s, pos) if s in rec["text"][pos:] else pos)
            pos = starts[-1] + len(s)
        result = pipe.code_text(rec["text"], date=rec.get("date"))
        preds: dict[tuple[int, str], list[dict]] = defaultdict(list)
        for e in result.events:
            if e.negated or e.modality not in ("asserted", "historical"):
                continue
            sent = gold_sentence(starts, e.trigger.start)
            preds[(sent, e.event)].append(e.location.to_dict() if e.location else {})
        for g in rec["events"]:
            if g.get("modality") != "asserted":
                continue
            pool = preds.get((g["sent"], g["event"]))
            if not pool:
                continue
            pred = pool.pop(0)
            gold = g.get("location") or {}
            if not gold.get("country"):
                if gold.get("precision") in ("none", None):  # the coder placed it nowhere
                    counts["gold_none"] += 1
                    if pred.get("country"):
                        counts["gold_none_located"] += 1
                        misses.append((rec["id"], g["sent"], g["event"], "GOLD_NONE", pred))
                continue
            counts["pairs"] += 1
            basis = pred.get("basis") or "none"
            by_basis[basis]["pairs"] += 1
            if not pred.get("country"):
                misses.append((rec["id"], g["sent"], g["event"], gold, "UNLOCATED"))
            if pred.get("country"):
                counts["located"] += 1
                right = pred["country"] == gold["country"]
                counts["country_right"] += right
                by_basis[basis]["country_right"] += right
                if not right:
                    misses.append((rec["id"], g["sent"], g["event"], gold, pred))
            if gold.get("precision") in ("city", "point") and gold.get("place"):
                counts["gold_places"] += 1
                hit = same_place(pred, gold)
                counts["place_right"] += hit
                if not hit:
                    misses.append(
                        (
                            rec["id"],
                            g["sent"],
                            "PLACE",
                            gold.get("place"),
                            gold.get("basis"),
                            pred.get("name"),
                            pred.get("basis"),
                        )
                    )
    out = {
        "pairs": counts["pairs"],
        "coverage": counts["located"] / max(counts["pairs"], 1),
        "country_accuracy": counts["country_right"] / max(counts["located"], 1),
        "place_accuracy": counts["place_right"] / max(counts["gold_places"], 1),
        "gold_places": counts["gold_places"],
        "gold_none": counts["gold_none"],
        "located_where_gold_none": counts["gold_none_located"] / max(counts["gold_none"], 1),
        "by_basis": {k: dict(v) for k, v in sorted(by_basis.items())},
    }
    return out | {"wrong_country": misses}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path, help="article-level gold, or a corpus CSV with --corpus")
    ap.add_argument("--full-parse", action="store_true")
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--corpus", action="store_true", help="shares on a corpus CSV instead")
    ap.add_argument("--sample-out", type=Path, help="with --corpus: located events to check")
    ap.add_argument("--events-out", type=Path, help="with --corpus: every event that happened")
    args = ap.parse_args()
    if args.corpus:
        print(
            json.dumps(
                corpus_shares(args.gold, args.sample_out, events_out=args.events_out), indent=2
            )
        )
        return
    report = measure(args.gold, args.full_parse)
    misses = report.pop("wrong_country")
    print(json.dumps(report, indent=2))
    if args.show_misses:
        for m in misses:
            print(m)


def corpus_shares(
    path: Path, sample_out: Path | None, sample_size: int = 160, events_out: Path | None = None
) -> dict:
    """On a corpus CSV (``"",date,text,source``; held-back rows skipped): of the events that
    happened (not negated; asserted, reported or historical), the share with any location,
    with a city or finer, with coordinates, by basis; the share placed at a city, site or
    division among the events whose sentence or the one before names one (found by running
    the full spaCy model and :func:`dateline.places.find_mentions` on those two sentences
    alone, independent of the sentences the pipeline chose to parse; a place that acts or
    that someone comes from does not count); and a seeded random
    sample of located events, with their evidence, written to ``sample_out`` for checking by
    hand (``events_out``: every event that happened, for error analysis). The same shares
    for deeds (QuadClass 2 and 4) and words (1 and 3: placed where the text says they were
    said, else at the country of an article about one country when the speaker is of it)
    apart."""
    import csv
    import random
    import sys

    from dateline.ingest import article_from_text
    from dateline.pipeline import get_pipeline
    from dateline.settings import Settings

    csv.field_size_limit(sys.maxsize)
    pipe = get_pipeline(Settings.load())
    counts: Counter = Counter()
    located, everything = [], []
    for row in open_rows(path):
        key, day, text = row[""], row["date"], row["text"]
        counts["articles"] += 1
        art = article_from_text(text, published=day, detect_header=False)
        art.id = f"guardian-{key}"
        try:
            events = pipe.code(art).events
        except Exception as exc:  # a bug elsewhere costs its article, not the measurement
            counts["errors"] += 1
            print(f"{art.id}: {type(exc).__name__}: {exc}", file=sys.stderr)
            continue
        starts = pipe.selector.plan(art.text).starts
        for e in events:
            if e.negated or e.modality not in ("asserted", "reported", "historical"):
                continue
            counts["events"] += 1
            loc = e.location
            here, before = _sentence_pair(art.text, starts, e.sentence)
            named = _named_local(pipe.nlp, before, here)
            fine = bool(loc and loc.precision in ("point", "city", "admin1"))
            words = e.quad_class in (1, 3)  # words: where said, else a one-country story's country
            kind = "words" if words else "deeds"
            counts[f"{kind}"] += 1
            counts[f"{kind}_located"] += bool(loc and loc.country)
            if named:
                counts["named_nearby"] += 1
                counts["named_nearby_fine"] += fine
                counts[f"{kind}_named_nearby"] += 1
                counts[f"{kind}_named_nearby_fine"] += fine
            record = {"article": art.id, "sentence": e.sentence, "event": e.event,
                      "quad": e.quad_class, "trigger": e.trigger.text,
                      "source": e.source.country if e.source else None,
                      "source_text": e.source.text if e.source else None,
                      "source_sector": e.source.sector if e.source else None,
                      "target": e.target.country if e.target else None,
                      "evidence": e.sentence_text, "before": before, "named_nearby": named,
                      "location": loc.to_dict() if loc else None}  # fmt: skip
            everything.append(record)
            if loc is None or not loc.country:
                continue
            counts["located"] += 1
            counts[f"basis:{loc.basis}"] += 1
            counts[f"precision:{loc.precision}"] += 1
            if loc.precision in ("point", "city"):
                counts["city_or_finer"] += 1
            if fine:
                counts["city_or_admin1"] += 1
            if loc.lat is not None:
                counts["coordinates"] += 1
            located.append({"article": art.id, "sentence": e.sentence, "event": e.event,
                            "trigger": e.trigger.text, "evidence": e.sentence_text,
                            "location": loc.to_dict()})  # fmt: skip
    n = max(counts["events"], 1)
    out = dict(counts) | {
        "share_located": round(counts["located"] / n, 3),
        "share_city_or_finer": round(counts["city_or_finer"] / n, 3),
        "share_city_or_admin1": round(counts["city_or_admin1"] / n, 3),
        "share_coordinates": round(counts["coordinates"] / n, 3),
        "share_fine_where_named_nearby": round(
            counts["named_nearby_fine"] / max(counts["named_nearby"], 1), 3
        ),
    }
    for kind in ("deeds", "words"):  # deeds: QuadClass 2 and 4; words: 1 and 3
        out[f"share_{kind}_located"] = round(counts[f"{kind}_located"] / max(counts[kind], 1), 3)
        out[f"share_{kind}_fine_where_named_nearby"] = round(
            counts[f"{kind}_named_nearby_fine"] / max(counts[f"{kind}_named_nearby"], 1), 3
        )
    if sample_out is not None:
        rng = random.Random(18)
        sample = rng.sample(located, min(sample_size, len(located)))
        sample_out.write_text("".join(json.dumps(s, ensure_ascii=False) + "\n" for s in sample))
    if events_out is not None:
        events_out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in everything))
    return out


def _sentence_pair(text: str, starts: list[int], index: int) -> tuple[str, str]:
    """The article's sentence ``index`` and the one before it ("" for the first)."""
    bounds = [*starts, len(text)]
    if not 0 <= index < len(starts):
        return "", ""
    here = text[bounds[index] : bounds[index + 1]].strip()
    before = text[bounds[index - 1] : bounds[index]].strip() if index > 0 else ""
    return here, before


def _named_local(nlp, before: str, here: str) -> str | None:
    """A town, site or division named as a place in a sentence or the one before it, or None:
    not as one who acts or owns ("Moscow said", "Damascus's forces"), nor as where someone
    comes from ("a man from Birmingham")."""
    from dateline.actors.index import ActorIndex
    from dateline.places import find_mentions

    for sentence in (here, before):
        if not sentence:
            continue
        doc = nlp(sentence)
        for m in find_mentions(doc, ActorIndex()):
            root = doc[m.start : m.end].root
            if root.dep_ in ("nsubj", "poss") or (
                root.dep_ == "pobj" and root.head.lower_ in ("from", "by")
            ):
                continue
            if m.place.kind in ("point", "city", "admin1"):
                return m.text
    return None


if __name__ == "__main__":
    main()

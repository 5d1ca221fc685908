"""Score sentence gold: count types, (type, source, target) triples, CAMEO roots and actor
countries of the coded events against each gold sentence; the article scorer reuses the counts."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from dateline.evaluation.gold import GoldEvent, GoldRecord, detect_format, load_gold
from dateline.evaluation.report import NONE, ErrorItem, Report, Scores
from dateline.events.ontology import Ontology
from dateline.model import Article

# --------------------------------------------------------------------------- counting

Triple = tuple[str, str | None, str | None]
_ANY = object()  # a gold triple with no target matches any predicted target


def gold_triples(event: GoldEvent) -> list[tuple[str, Any, Any]]:
    """Expand one gold event into (type, source country, target country) triples.

    Sources x targets; with no target and two or more sources, a reciprocal event: every ordered
    pair of distinct sources; with no target and one source, (type, source, ANY).
    """
    srcs = [a.country for a in event.source]
    tgts = [a.country for a in event.target]
    if srcs and tgts:
        return [(event.event, s, t) for s in srcs for t in tgts]
    if tgts:
        return [(event.event, None, t) for t in tgts]
    if len(srcs) >= 2:
        return [
            (event.event, s, t) for i, s in enumerate(srcs) for j, t in enumerate(srcs) if i != j
        ]
    if srcs:
        return [(event.event, srcs[0], _ANY)]
    return [(event.event, None, _ANY)]


def pred_type(onto: Ontology, name: str) -> str:
    try:
        return onto.normalise(name)[0]
    except KeyError:
        return str(name).upper()


def _country(actor: Any) -> str | None:
    return actor.get("country") if isinstance(actor, dict) else None


def _label(actor: Any) -> str | None:
    if not isinstance(actor, dict):
        return None
    return actor.get("country") or actor.get("sector") or actor.get("name") or actor.get("text")


def _gold_label(country: Any) -> str | None:
    return "*" if country is _ANY else country


def score(gold: list[GoldRecord], predicted: dict[str, list[dict[str, Any]]]) -> Report:
    """Score predictions (record id -> event dicts as ``Event.to_dict`` writes them) against gold."""
    onto = Ontology.load()
    report = Report(records=len(gold))
    per_type: dict[str, Scores] = defaultdict(Scores)
    per_triple: dict[str, Scores] = defaultdict(Scores)
    confusion: dict[str, Counter] = defaultdict(Counter)
    for rec in gold:
        preds = [
            dict(p, _type=pred_type(onto, p.get("event", "")))
            for p in predicted.get(rec.id, [])
            if not p.get("negated")
        ]
        report.gold_events += len(rec.events)
        report.predicted_events += len(preds)
        g_types = {e.event for e in rec.events}
        p_types = {p["_type"] for p in preds}
        _count_types(rec, g_types, p_types, preds, per_type, report)
        _count_triples(rec, preds, per_triple, report)
        count_cameo(rec, g_types, preds, onto, report)
        count_actors(rec, preds, report)
        if len(g_types) <= 1:
            row = next(iter(g_types), NONE)
            for t in sorted(p_types or {NONE}):
                confusion[row][t] += 1
    report.per_type = dict(per_type)
    report.per_type_triples = dict(per_triple)
    report.confusion = {g: dict(c) for g, c in confusion.items()}
    return report


def count_actors(rec, preds, report) -> None:
    """Per gold event whose type was predicted: is a gold source (target) country among the
    predicted sources (targets) of that type? Actors with no country (IGOs) count as None."""
    for e in rec.events:
        same = [p for p in preds if p["_type"] == e.event]
        if not same:
            continue
        if e.source:
            report.source_country[1] += 1
            gold = {a.country for a in e.source}
            if {_country(p.get("source")) for p in same} & gold:
                report.source_country[0] += 1
        if e.target:
            report.target_country[1] += 1
            gold = {a.country for a in e.target}
            if {_country(p.get("target")) for p in same} & gold:
                report.target_country[0] += 1


def _count_types(rec, g_types, p_types, preds, per_type, report) -> None:
    for t in sorted(g_types | p_types):  # sorted: the error list's order is the same every run
        if t in g_types and t in p_types:
            report.types.tp += 1
            per_type[t].tp += 1
        elif t in p_types:
            report.types.fp += 1
            per_type[t].fp += 1
            p = next(p for p in preds if p["_type"] == t)
            report.errors.append(
                ErrorItem(rec.id, "false", "type", t, _label(p.get("source")), _label(p.get("target")),
                          rec.text, (p.get("trigger") or {}).get("text"))
            )  # fmt: skip
        else:
            report.types.fn += 1
            per_type[t].fn += 1
            g = next(e for e in rec.events if e.event == t)
            report.errors.append(
                ErrorItem(rec.id, "miss", "type", t, None, None, rec.text, g.event_text)
            )


def _count_triples(rec, preds, per_triple, report) -> None:
    gold: dict[tuple, GoldEvent] = {}
    for e in rec.events:
        for triple in gold_triples(e):
            gold.setdefault(triple, e)
    pred: dict[Triple, dict[str, Any]] = {}
    for p in preds:
        pred.setdefault((p["_type"], _country(p.get("source")), _country(p.get("target"))), p)

    def matches(g: tuple, p: Triple) -> bool:
        return g[0] == p[0] and g[1] == p[1] and (g[2] is _ANY or g[2] == p[2])

    for g, e in gold.items():
        if any(matches(g, p) for p in pred):
            report.triples.tp += 1
            per_triple[g[0]].tp += 1
        else:
            report.triples.fn += 1
            per_triple[g[0]].fn += 1
            report.errors.append(
                ErrorItem(
                    rec.id, "miss", "triple", g[0], g[1], _gold_label(g[2]), rec.text, e.event_text
                )
            )
    for p, ev in pred.items():
        if not any(matches(g, p) for g in gold):
            report.triples.fp += 1
            per_triple[p[0]].fp += 1
            report.errors.append(
                ErrorItem(
                    rec.id,
                    "false",
                    "triple",
                    p[0],
                    p[1],
                    p[2],
                    rec.text,
                    (ev.get("trigger") or {}).get("text"),
                )
            )


def count_cameo(rec, g_types, preds, onto, report) -> None:
    seen: set[tuple[str, str]] = set()
    for p in preds:
        t, code = p["_type"], p.get("cameo")
        if t not in g_types or not code or (t, code[:2]) in seen:
            continue
        seen.add((t, code[:2]))
        report.cameo_total += 1
        report.cameo_agree += code[:2] == expected_cameo_root(rec, t, onto)


def expected_cameo_root(rec: GoldRecord, event: str, onto: Ontology) -> str:
    """The gold event's CAMEO root, else the ontology's code for its type and mode."""
    g = next(e for e in rec.events if e.event == event)
    if g.cameo:
        return g.cameo[:2]
    return onto.cameo_for(g.event, g.mode)[:2]


def evaluate_sentences(path: str | Path, pipeline: Any, batch_size: int = 32) -> Report:
    """Code every gold sentence of ``path`` with ``pipeline`` and score the result."""
    gold = load_gold(path)
    articles = [article_of(rec) for rec in gold]
    predicted = {
        result.article.id: [e.to_dict() for e in result.events]
        for result in pipeline.pipe(articles, batch_size=batch_size)
    }
    report = score(gold, predicted)
    report.meta.update(
        {"gold": str(path), "format": detect_format(Path(path).read_text("utf-8")[:64])}
    )
    return report


def article_of(rec: GoldRecord) -> Article:
    published = _parse_date(rec.date)
    try:
        from dateline.ingest import article_from_text
    except ImportError:  # ingest not installed yet: a bare article is enough to score
        return Article(id=rec.id, text=rec.text, published=published, origin=rec.id)
    article = article_from_text(rec.text, published=published, detect_header=False)
    return replace(article, id=rec.id, origin=rec.id)


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None

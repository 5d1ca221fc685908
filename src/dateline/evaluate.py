"""Score coded events against a gold standard: readers for three gold formats, counts, reports."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from dateline.errors import EvaluationError
from dateline.events.ontology import Ontology
from dateline.model import Article

NONE = "NONE"  # the confusion table's "no event" row/column

# --------------------------------------------------------------------------- gold records


@dataclass(slots=True)
class GoldActor:
    """One actor of a gold event: the words, the country (ISO alpha-3) and the PLOVER sector."""

    text: str | None = None
    country: str | None = None
    sector: str | None = None


@dataclass(slots=True)
class GoldEvent:
    """One gold event; ``source``/``target`` are lists (compound and reciprocal actors)."""

    event: str
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    source: list[GoldActor] = field(default_factory=list)
    target: list[GoldActor] = field(default_factory=list)
    cameo: str | None = None
    original_event: str | None = None
    event_text: str | None = None


@dataclass(slots=True)
class GoldRecord:
    """One gold sentence with its events."""

    id: str
    text: str
    date: str | None = None
    events: list[GoldEvent] = field(default_factory=list)


def load_gold(path: str | Path) -> list[GoldRecord]:
    """Read a gold file, detecting its format: Dateline JSONL, PLOVER gold JSON or PETRARCH XML."""
    path = Path(path)
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(
            f"{path}: cannot read the gold file ({exc}); give a UTF-8 file"
        ) from None
    fmt = detect_format(text)
    if fmt == "petrarch-xml":
        records = _read_petrarch_xml(text, path)
    else:
        records = _read_json_records(text, path, fmt)
    if not records:
        raise EvaluationError(
            f"{path}: no gold records found; check the file is one of the documented formats"
        )
    return records


def detect_format(text: str) -> str:
    """``"petrarch-xml"``, ``"plover-json"`` (one JSON list) or ``"jsonl"``, from the first character."""
    head = text.lstrip("\ufeff \t\r\n")[:1]
    if head == "<":
        return "petrarch-xml"
    if head == "[":
        return "plover-json"
    return "jsonl"


def _read_json_records(text: str, path: Path, fmt: str) -> list[GoldRecord]:
    if fmt == "plover-json":
        try:
            items = json.loads(text)
        except json.JSONDecodeError as exc:
            raise EvaluationError(
                f"{path}: not valid JSON ({exc.msg} at line {exc.lineno})"
            ) from None
        numbered = [(i + 1, item) for i, item in enumerate(items)]
    else:
        numbered = []
        for line_no, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                numbered.append((line_no, json.loads(line)))
            except json.JSONDecodeError as exc:
                raise EvaluationError(
                    f"{path} line {line_no}: not valid JSON ({exc.msg}); one object a line"
                ) from None
    onto = Ontology.load()
    records: dict[str, GoldRecord] = {}
    for where, item in numbered:
        if not isinstance(item, dict):
            raise EvaluationError(
                f"{path} record {where}: expected a JSON object, got {type(item).__name__}"
            )
        rid = str(item.get("id") or f"record-{where}")
        text_ = item.get("text")
        if not isinstance(text_, str) or not text_.strip():
            raise EvaluationError(
                f"{path} record {where} ({rid}): no 'text'; every gold record needs its sentence"
            )
        if "events" in item:  # Dateline JSONL
            events = [_dateline_event(e, onto, path, where) for e in item.get("events") or []]
        elif "event" in item:  # PLOVER gold-standard record: one event per record
            events = _plover_events(item, onto, path, where)
        else:
            raise EvaluationError(
                f"{path} record {where} ({rid}): neither 'events' (Dateline) nor 'event' (PLOVER)"
            )
        record = records.setdefault(
            rid, GoldRecord(id=rid, text=text_, date=_date(item.get("date")))
        )
        record.events.extend(events)
    return list(records.values())


def _date(value: Any) -> str | None:
    """ISO date text; PETRARCH's ``20230105`` becomes ``2023-01-05``."""
    if not value:
        return None
    text = str(value).strip()
    if len(text) == 8 and text.isdigit():
        return f"{text[:4]}-{text[4:6]}-{text[6:]}"
    return text[:10]


def _norm_event(onto: Ontology, name: str, mode: str | None, where: str) -> tuple[str, str | None]:
    """Type strictly (unknown -> error), mode leniently (an unknown mode becomes None)."""
    try:
        name, _ = onto.normalise(name)
    except KeyError as exc:
        raise EvaluationError(f"{where}: {exc.args[0]}") from None
    try:
        return onto.normalise(name, mode)
    except KeyError:
        return onto.normalise(name)


def _contexts(onto: Ontology, value: Any) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, list) else str(value).replace(";", ",").split(",")
    out = []
    for item in items:
        if str(item).strip():
            ctx = onto.normalise_context(str(item))
            out.append(ctx or str(item).strip())
    return out


def _dateline_event(e: dict[str, Any], onto: Ontology, path: Path, where: int) -> GoldEvent:
    original = e.get("original_event") or e.get("event")
    name, mode = _norm_event(
        onto, str(e.get("event") or ""), e.get("mode"), f"{path} record {where}"
    )

    def actors(items: Any) -> list[GoldActor]:
        return [GoldActor(a.get("text"), a.get("country"), a.get("sector")) for a in items or []]

    return GoldEvent(
        event=name,
        mode=mode,
        context=_contexts(onto, e.get("context")),
        source=actors(e.get("source")),
        target=actors(e.get("target")),
        cameo=e.get("cameo"),
        original_event=original,
        event_text=e.get("event_text"),
    )


def _plover_events(item: dict[str, Any], onto: Ontology, path: Path, where: int) -> list[GoldEvent]:
    names = item["event"] if isinstance(item["event"], list) else [item["event"]]
    modes = item.get("mode")
    mode = (modes[0] if modes else None) if isinstance(modes, list) else modes

    def actors(items: Any) -> list[GoldActor]:
        out = []
        for a in items or []:
            country, sector = onto.actor_code(a.get("code") or "")
            out.append(
                GoldActor(a.get("actorText") or a.get("text"), country, a.get("sector") or sector)
            )
        return out

    events = []
    for raw in names:
        name, m = _norm_event(onto, str(raw), mode or None, f"{path} record {where}")
        events.append(
            GoldEvent(
                event=name,
                mode=m,
                context=_contexts(onto, item.get("context")),
                source=actors(item.get("source") or item.get("actor")),
                target=actors(item.get("target") or item.get("recipient")),
                original_event=str(raw),
                event_text=item.get("event_text")
                if isinstance(item.get("event_text"), str)
                else None,
            )
        )
    return events


def _read_petrarch_xml(text: str, path: Path) -> list[GoldRecord]:
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        raise EvaluationError(f"{path}: not well-formed XML ({exc})") from None
    onto = Ontology.load()
    records = []
    for n, sent in enumerate(root.iter("Sentence"), start=1):
        rid = sent.get("id") or f"sentence-{n}"
        text_el = sent.find("Text")
        sentence = " ".join((text_el.text or "").split()) if text_el is not None else ""
        if not sentence:
            raise EvaluationError(
                f"{path} sentence {rid}: no <Text>; every sentence needs its text"
            )
        events = []
        for coding in sent.iter("EventCoding"):
            code = (coding.get("eventcode") or "").strip()
            try:
                name, mode, contexts = onto.from_cameo(code)
            except KeyError:
                continue  # statements/appeals (01, 02) have no PLOVER type
            src = onto.actor_code(coding.get("sourcecode") or "")
            tgt = onto.actor_code(coding.get("targetcode") or "")
            events.append(
                GoldEvent(
                    event=name,
                    mode=mode,
                    context=contexts,
                    source=[GoldActor(coding.get("sourcecode"), *src)]
                    if coding.get("sourcecode")
                    else [],
                    target=[GoldActor(coding.get("targetcode"), *tgt)]
                    if coding.get("targetcode")
                    else [],
                    cameo=code,
                    original_event=code,
                )
            )
        records.append(
            GoldRecord(id=rid, text=sentence, date=_date(sent.get("date")), events=events)
        )
    return records


# --------------------------------------------------------------------------- scores


@dataclass(slots=True)
class Scores:
    """True positives, false positives, misses and the ratios they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Scores:
        return cls(tp=int(d["tp"]), fp=int(d["fp"]), fn=int(d["fn"]))


@dataclass(slots=True)
class ErrorItem:
    """One miss (gold not found) or false event (predicted, not in gold)."""

    id: str
    kind: str  # "miss" | "false"
    level: str  # "type" | "triple"
    event: str
    source: str | None
    target: str | None
    text: str
    trigger: str | None


@dataclass
class Report:
    """Everything :func:`score` measured. ``to_dict``/``from_dict`` round-trip it as JSON."""

    records: int = 0
    gold_events: int = 0
    predicted_events: int = 0
    types: Scores = field(default_factory=Scores)
    triples: Scores = field(default_factory=Scores)
    per_type: dict[str, Scores] = field(default_factory=dict)
    per_type_triples: dict[str, Scores] = field(default_factory=dict)
    cameo_agree: int = 0
    cameo_total: int = 0
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)
    errors: list[ErrorItem] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    # actor accuracy on gold events whose type was found: [correct, total]
    source_country: list[int] = field(default_factory=lambda: [0, 0])
    target_country: list[int] = field(default_factory=lambda: [0, 0])
    # article-level gold only: pairs / located / right_country / places / right_place counts
    locations: dict[str, int] = field(default_factory=dict)

    @property
    def cameo_root_agreement(self) -> float:
        return self.cameo_agree / self.cameo_total if self.cameo_total else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "meta": dict(self.meta),
            "records": self.records,
            "gold_events": self.gold_events,
            "predicted_events": self.predicted_events,
            "types": self.types.to_dict(),
            "triples": self.triples.to_dict(),
            "per_type": {k: v.to_dict() for k, v in sorted(self.per_type.items())},
            "per_type_triples": {k: v.to_dict() for k, v in sorted(self.per_type_triples.items())},
            "actors": {
                "source_country": {
                    "correct": self.source_country[0],
                    "total": self.source_country[1],
                },
                "target_country": {
                    "correct": self.target_country[0],
                    "total": self.target_country[1],
                },
            },
            "cameo_root": {
                "agree": self.cameo_agree,
                "total": self.cameo_total,
                "share": round(self.cameo_root_agreement, 4),
            },
            "confusion": {
                g: dict(sorted(row.items())) for g, row in sorted(self.confusion.items())
            },
            "locations": dict(self.locations),
            "errors": [asdict(e) for e in self.errors],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Report:
        """Rebuild a report saved with :meth:`to_dict` (``dateline eval --save``)."""
        try:
            return cls(
                records=d["records"],
                gold_events=d["gold_events"],
                predicted_events=d["predicted_events"],
                types=Scores.from_dict(d["types"]),
                triples=Scores.from_dict(d["triples"]),
                per_type={k: Scores.from_dict(v) for k, v in d["per_type"].items()},
                per_type_triples={k: Scores.from_dict(v) for k, v in d["per_type_triples"].items()},
                source_country=[
                    d.get("actors", {}).get("source_country", {}).get("correct", 0),
                    d.get("actors", {}).get("source_country", {}).get("total", 0),
                ],
                target_country=[
                    d.get("actors", {}).get("target_country", {}).get("correct", 0),
                    d.get("actors", {}).get("target_country", {}).get("total", 0),
                ],
                cameo_agree=d["cameo_root"]["agree"],
                cameo_total=d["cameo_root"]["total"],
                confusion=d.get("confusion", {}),
                errors=[ErrorItem(**e) for e in d.get("errors", [])],
                meta=d.get("meta", {}),
                locations=d.get("locations", {}),
            )
        except (KeyError, TypeError) as exc:
            raise EvaluationError(
                f"not a saved evaluation report (missing {exc}); save one with --save"
            ) from None

    def to_markdown(self, errors: bool = False) -> str:
        """Markdown tables: micro scores, per type, CAMEO agreement, confusion (and errors)."""
        if self.meta.get("level") == "story":
            return self._story_markdown(errors)
        lines = [
            f"Records: {self.records} · gold events: {self.gold_events} · predicted events: {self.predicted_events}",
            "",
            "| level | P | R | F1 | tp | fp | fn |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
            _row("event types", self.types),
            _row("(type, source, target)", self.triples),
            "",
            f"CAMEO root agreement: {self.cameo_root_agreement:.3f} ({self.cameo_agree}/{self.cameo_total})",
            "",
            "Actor accuracy on gold events whose type was found: source country "
            f"{_share(self.source_country)}, target country {_share(self.target_country)}",
            "",
            *([self.locations_line(), ""] if self.locations else []),
            "| type | P | R | F1 | tp | fp | fn | triple F1 |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for name in sorted(self.per_type):
            s, t = self.per_type[name], self.per_type_triples.get(name, Scores())
            lines.append(_row(name, s) + f" {t.f1:.3f} |")
        lines += ["", confusion_markdown(self.confusion)]
        if errors:
            lines += ["", errors_markdown(self.errors)]
        return "\n".join(lines) + "\n"

    def locations_line(self) -> str:
        """Event locations on matched pairs (article-level gold only)."""
        c = self.locations
        return (
            f"Locations over {c.get('pairs', 0)} matched events the gold places in a country: "
            f"coverage {_share([c.get('located', 0), c.get('pairs', 0)])}, country accuracy "
            f"{_share([c.get('right_country', 0), c.get('located', 0)])}, place accuracy "
            f"{_share([c.get('right_place', 0), c.get('places', 0)])}"
        )

    def _story_markdown(self, errors: bool) -> str:
        """Story-level labels measure recall only: is the labelled type among the coded events?"""
        lines = [
            f"Stories: {self.records} · coded events: {self.predicted_events}",
            "",
            "| labelled type | recall | found | stories |",
            "| --- | ---: | ---: | ---: |",
            f"| all | {self.types.recall:.3f} | {self.types.tp} | {self.types.tp + self.types.fn} |",
        ]
        for name in sorted(self.per_type):
            s = self.per_type[name]
            lines.append(f"| {name} | {s.recall:.3f} | {s.tp} | {s.tp + s.fn} |")
        if errors:
            lines += ["", errors_markdown(self.errors)]
        return "\n".join(lines) + "\n"


def _share(counts: list[int]) -> str:
    correct, total = counts
    return f"{correct / total:.3f} ({correct}/{total})" if total else "n/a"


def _row(label: str, s: Scores) -> str:
    return (
        f"| {label} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {s.tp} | {s.fp} | {s.fn} |"
    )


def confusion_markdown(confusion: dict[str, dict[str, int]]) -> str:
    """Gold type (rows) x predicted type (columns), sentences with one gold type (or none)."""
    cols = sorted({c for row in confusion.values() for c in row} - {NONE}) + [NONE]
    lines = ["| gold \\ predicted | " + " | ".join(cols) + " |", "| --- |" + " ---: |" * len(cols)]
    for gold in sorted(confusion, key=lambda g: (g == NONE, g)):
        row = confusion[gold]
        lines.append(f"| {gold} | " + " | ".join(str(row.get(c, 0) or "") for c in cols) + " |")
    return "\n".join(lines)


def errors_markdown(errors: Iterable[ErrorItem]) -> str:
    """The error list as markdown, one section per record."""
    by_id: dict[str, list[ErrorItem]] = defaultdict(list)
    for e in errors:
        by_id[e.id].append(e)
    lines = ["# Errors", ""]
    for rid, items in by_id.items():
        lines += [f"## {rid}", "", f"> {items[0].text}", ""]
        for e in items:
            parts = [f"- {e.kind} {e.level}: {e.event}"]
            if e.level == "triple":
                parts.append(f"{e.source or '-'} -> {e.target or '-'}")
            if e.trigger:
                parts.append(f'(trigger "{e.trigger}")')
            lines.append(" ".join(parts))
        lines.append("")
    return "\n".join(lines)


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


def _pred_type(onto: Ontology, name: str) -> str:
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
            dict(p, _type=_pred_type(onto, p.get("event", "")))
            for p in predicted.get(rec.id, [])
            if not p.get("negated")
        ]
        report.gold_events += len(rec.events)
        report.predicted_events += len(preds)
        g_types = {e.event for e in rec.events}
        p_types = {p["_type"] for p in preds}
        _count_types(rec, g_types, p_types, preds, per_type, report)
        _count_triples(rec, preds, per_triple, report)
        _count_cameo(rec, g_types, preds, onto, report)
        _count_actors(rec, preds, report)
        if len(g_types) <= 1:
            row = next(iter(g_types), NONE)
            for t in p_types or {NONE}:
                confusion[row][t] += 1
    report.per_type = dict(per_type)
    report.per_type_triples = dict(per_triple)
    report.confusion = {g: dict(c) for g, c in confusion.items()}
    return report


def _count_actors(rec, preds, report) -> None:
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
    for t in g_types | p_types:
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


def _count_cameo(rec, g_types, preds, onto, report) -> None:
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


# --------------------------------------------------------------------------- comparing and running


def compare(a: Report, b: Report) -> str:
    """Markdown table of the differences ``b - a`` (a = baseline, b = new run)."""
    la, lb = a.meta.get("label", "A"), b.meta.get("label", "B")
    lines = [
        f"| measure | {la} | {lb} | delta |",
        "| --- | ---: | ---: | ---: |",
    ]

    def add(label: str, x: float, y: float) -> None:
        lines.append(f"| {label} | {x:.3f} | {y:.3f} | {y - x:+.3f} |")

    for level, sa, sb in (("types", a.types, b.types), ("triples", a.triples, b.triples)):
        add(f"{level} P", sa.precision, sb.precision)
        add(f"{level} R", sa.recall, sb.recall)
        add(f"{level} F1", sa.f1, sb.f1)
    add("CAMEO root agreement", a.cameo_root_agreement, b.cameo_root_agreement)
    for name in sorted(set(a.per_type) | set(b.per_type)):
        add(f"{name} F1", a.per_type.get(name, Scores()).f1, b.per_type.get(name, Scores()).f1)
    return "\n".join(lines) + "\n"


def evaluate_file(path: str | Path, pipeline: Any, batch_size: int = 32) -> Report:
    """Code every gold sentence (or article, or story: the format is detected) with
    ``pipeline`` and score the result."""
    from dateline import evaluate_articles as articles

    try:
        with open(path, encoding="utf-8") as fh:
            head = fh.read(1 << 16)
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(f"{path}: cannot read the gold file ({exc})") from None
    level = articles.detect_level(head)
    if level == articles.ARTICLE:
        return articles.evaluate_articles(path, pipeline)
    if level == articles.STORY:
        return articles.evaluate_stories(path, pipeline)
    gold = load_gold(path)
    articles = [_article(rec) for rec in gold]
    predicted = {
        result.article.id: [e.to_dict() for e in result.events]
        for result in pipeline.pipe(articles, batch_size=batch_size)
    }
    report = score(gold, predicted)
    report.meta.update(
        {"gold": str(path), "format": detect_format(Path(path).read_text("utf-8")[:64])}
    )
    return report


def _article(rec: GoldRecord) -> Article:
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

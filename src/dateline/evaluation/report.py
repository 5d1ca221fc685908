"""What an evaluation measured: scores, the errors it found, the report and its markdown."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from dateline.errors import EvaluationError

NONE = "NONE"  # the confusion table's "no event" row/column

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
            f"Stories: {self.records} · coded events: {self.predicted_events}"
            + (f" · titles: {self.meta['titles']}" if self.meta.get("titles") else ""),
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

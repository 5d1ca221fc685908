"""Gold standards for sentences: the three formats (Dateline JSONL, PLOVER gold JSON, PETRARCH
XML) read into :class:`GoldRecord`s, their event types normalised by the ontology."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.errors import EvaluationError
from dateline.events.ontology import Ontology

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


def norm_event(onto: Ontology, name: str, mode: str | None, where: str) -> tuple[str, str | None]:
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
    name, mode = norm_event(
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
        name, m = norm_event(onto, str(raw), mode or None, f"{path} record {where}")
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

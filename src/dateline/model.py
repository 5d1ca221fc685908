"""The typed records every stage reads and writes, and the versioned JSON output contract."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

SCHEMA_VERSION = "1.3"  # what changed: docs/schema-changelog.md
SCHEMA_FILE = "result-v1.json"
#: Every event modality, and those of events that happened (counted in series, networks, GDELT).
MODALITIES = ("asserted", "reported", "historical", "future", "hypothetical", "negated")
HAPPENED = ("asserted", "reported", "historical")


@dataclass(slots=True)
class Article:
    """One news article as ingested: normalised text plus its metadata."""

    id: str
    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: date | None = None
    source: str | None = None
    url: str | None = None
    origin: str | None = None  # where it came from: path, "file:line", "file[index]" or URL
    record_id: str | None = None  # the corpus record's own id (--id-field), to join results back

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "authors": list(self.authors),
            "published": self.published.isoformat() if self.published else None,
            "source": self.source,
            "url": self.url,
            "record_id": self.record_id,
            "origin": self.origin,
            "text": self.text,
        }


@dataclass(slots=True)
class Span:
    """A piece of the article text: character offsets into ``Article.text`` (into
    ``Article.title`` for the trigger of a headline event, ``Event.part == "title"``)."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class ActorRef:
    """An actor as it appears on an event or quote: the words used and who they are."""

    text: str
    name: str | None = None
    country: str | None = None  # ISO-3166 alpha-3, None for IGOs/NGOs/unknown
    sector: str | None = None  # PLOVER sector code (GOV, MIL, REB, IGO, ...)
    actor_id: str | None = None  # key into Result.actors

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
        }


@dataclass(slots=True)
class Mention:
    """One place where an actor is referred to, and the rule that resolved it."""

    text: str
    start: int
    end: int
    sentence: int
    rule: str = "kb"  # which rule or knowledge-base entry resolved it

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Actor:
    """A distinct actor of one article with every mention of it."""

    id: str
    name: str
    country: str | None = None
    sector: str | None = None
    kind: str = "unknown"  # person | country | organisation | group | role | unknown
    mentions: list[Mention] = field(default_factory=list)

    def ref(self, text: str) -> ActorRef:
        return ActorRef(
            text=text, name=self.name, country=self.country, sector=self.sector, actor_id=self.id
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "kind": self.kind,
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass(slots=True)
class Location:
    """Where an event took place, as precisely as the text and gazetteer allow."""

    name: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str = "unresolved"  # point | city | admin1 | region | country | unresolved
    feature_id: str | None = None  # GeoNames id of a town, FIPS code of a division or country
    basis: str | None = None  # the rule that placed it: clause | sentence | venue | article ...
    text: str | None = None  # the words of the article that name the place

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Event:
    """One coded event: a PLOVER type between one source and one target, with its evidence."""

    event: str
    sentence: int
    trigger: Span
    source: ActorRef | None = None
    target: ActorRef | None = None
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    cameo: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    date: str | None = None  # "YYYY-MM-DD" | "YYYY-MM" | "YYYY" | None
    date_precision: str | None = None  # day | month | year | None
    date_note: str | None = None  # why a date is unusual: after publication as the text says, ...
    negated: bool = False
    modality: str = "asserted"  # asserted | negated | hypothetical | future | historical | reported
    reported_by: ActorRef | None = None
    location: Location | None = None
    confidence: float = 0.5
    sentence_text: str | None = None  # evidence, kept for stores and reports
    #: where the trigger is: "text" (offsets and sentence number into ``Article.text``) or
    #: "title" (the headline: offsets into ``Article.title``, sentence 0, evidence the title)
    part: str = "text"

    def to_dict(self) -> dict[str, Any]:
        return {
            "event": self.event,
            "mode": self.mode,
            "context": list(self.context),
            "cameo": self.cameo,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_note": self.date_note,
            "part": self.part,
            "sentence": self.sentence,
            "sentence_text": self.sentence_text,
            "trigger": {
                "text": self.trigger.text,
                "start": self.trigger.start,
                "end": self.trigger.end,
            },
            "negated": self.negated,
            "modality": self.modality,
            "reported_by": self.reported_by.to_dict() if self.reported_by else None,
            "location": self.location.to_dict() if self.location else None,
            "confidence": round(self.confidence, 3),
        }


@dataclass(slots=True)
class Quote:
    """A direct quotation with its speaker (None when the text does not say who)."""

    text: str
    start: int
    end: int
    speaker: ActorRef | None = None
    sentence: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "start": self.start,
            "end": self.end,
        }


@dataclass(slots=True)
class Result:
    """Everything Dateline found in one article: the unit of output."""

    article: Article
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.article.id

    def to_dict(self, include_negated: bool = False) -> dict[str, Any]:
        events = [e for e in self.events if include_negated or not e.negated]
        return {
            "schema_version": SCHEMA_VERSION,
            "id": self.article.id,
            "article": self.article.to_dict(),
            "events": [e.to_dict() for e in events],
            "quotes": [q.to_dict() for q in self.quotes],
            "actors": [a.to_dict() for a in self.actors],
        }

    def to_json(self, include_negated: bool = False, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(include_negated), ensure_ascii=False, indent=indent)


def error_record(item: str | None, reason: str, record_id: str | None = None) -> dict[str, Any]:
    """The line ``--format jsonl`` writes for an input that could not be coded, so output line N
    still answers input line N: ``{"schema_version", "id": null, "error": {...}}``."""
    return {
        "schema_version": SCHEMA_VERSION,
        "id": None,
        "error": {"item": item, "record_id": record_id, "reason": reason},
    }


@cache
def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one result, shipped with the package."""
    text = resources.files("dateline.schema").joinpath(SCHEMA_FILE).read_text("utf-8")
    return json.loads(text)


def validate(result: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` when a result breaks the output contract."""
    import jsonschema

    jsonschema.validate(result, json_schema())

"""What a test sentence is coded as, shared by the event and actor test files."""

from __future__ import annotations

from datetime import date

from dateline.model import Article


def happened(pipeline, text: str, event: str) -> list:
    """Events of type ``event`` that the coder says happened (asserted or historical, not
    negated) in ``text``, dated as a 2021 story."""
    events = pipeline.code_text(text, date="2021-05-10").events
    return [
        e
        for e in events
        if e.event == event and not e.negated and e.modality in {"asserted", "historical"}
    ]


def happened_pairs(pipeline, text: str, event: str) -> list[tuple[str | None, str | None]]:
    """(source country, target country) of each ``event`` that happened in ``text``, sorted."""
    return sorted(
        (e.source.country if e.source else None, e.target.country if e.target else None)
        for e in happened(pipeline, text, event)
    )


def country_pairs(pipeline, text: str, event: str) -> list[tuple[str | None, str | None]]:
    """(source country, target country) of each not-negated ``event`` coded in ``text``, sorted;
    dated as a 2021 story (whatever its modality: records per party, not what happened)."""
    return sorted(
        (e.source.country if e.source else None, e.target.country if e.target else None)
        for e in pipeline.code_text(text, date="2021-05-10").events
        if e.event == event and not e.negated
    )


def coded_types(pipeline, text: str) -> set[str]:
    """The types of the not-negated events coded in ``text``, dated as ``country_pairs`` dates
    (whatever their modality)."""
    return {e.event for e in pipeline.code_text(text, date="2021-05-10").events if not e.negated}


def happened_types(pipeline, text: str) -> list[str]:
    """The types the article scorer counts in ``text`` (not negated, asserted or historical),
    each once, sorted; dated as a 2019 story."""
    events = pipeline.code_text(text, date="2019-03-14").events
    return sorted(
        {e.event for e in events if not e.negated and e.modality in {"asserted", "historical"}}
    )


def coded_events(pipeline, text: str, published: date = date(2018, 3, 1)) -> list:
    """Every event the coder finds in ``text``, dated as a story of ``published``."""
    return pipeline.code(Article(id="t", text=text, published=published)).events


def first_event(events: list, kind: str):
    """The first event of type ``kind``; fails naming what was coded instead."""
    found = [e for e in events if e.event == kind]
    assert found, [(e.event, e.source, e.target) for e in events]
    return found[0]


def dyads(events) -> set[tuple[str | None, str | None]]:
    """The (source country, target country) pairs of ``events``."""
    return {
        (e.source.country if e.source else None, e.target.country if e.target else None)
        for e in events
    }


def sides(events, kind: str) -> list[tuple[str | None, str | None]]:
    """The (source country, target country) of each event of type ``kind``, in coding order."""
    return [
        (e.source.country if e.source else None, e.target.country if e.target else None)
        for e in events
        if e.event == kind
    ]

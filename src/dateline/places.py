"""Places: resolve place names with an offline gazetteer, and find where each event happened.

Names are looked up in :mod:`dateline.gazetteer` (GeoNames towns of 1,000+ people, first-level
divisions, countries, and the landmarks and regions of ``data/places.yaml``). Ambiguous names go
to a country of the article's actors first, then to the most populous candidate.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from spacy.tokens import Doc, Token

from dateline.gazetteer import Gazetteer, Place, gazetteer
from dateline.model import Event, Location
from dateline.nlp import entities_in

__all__ = ["resolve_place", "locate_events", "to_location", "Gazetteer", "gazetteer"]

_SPECIFICITY = {"point": 0, "city": 1, "admin1": 2, "region": 3, "country": 4, "unresolved": 5}
_LOCATIVE = {"in", "at", "inside", "near", "outside", "aboard", "within"}
_PASS_THROUGH = _LOCATIVE | {"from", "on", "during"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}


def to_location(place: Place, text: str | None = None, basis: str | None = None) -> Location:
    """The event-record form of a gazetteer place."""
    return Location(
        name=place.name, country=place.country, admin1=place.admin1, lat=place.lat,
        lon=place.lon, precision=place.kind, feature_id=place.feature_id, text=text, basis=basis,
    )  # fmt: skip


@cache
def _resolve_cached(name: str, hints: tuple[str, ...]) -> Place | None:
    return gazetteer().resolve(name, hints)


def resolve_place(name: str, country_hint: Iterable[str] = ()) -> Location:
    """The place called ``name``; ``country_hint`` (alpha-3 codes) breaks ties between namesakes.

    Unknown names come back as ``Location(name=name, precision="unresolved")``.
    """
    place = _resolve_cached(name, tuple(dict.fromkeys(country_hint)))
    if place is None:
        return Location(name=name, precision="unresolved")
    return to_location(place)


# --- where an event happened ----------------------------------------------------------------------


def _hints(actors) -> tuple[str, ...]:
    counts: dict[str, int] = {}
    for actor in getattr(actors, "actors", ()) or ():
        if actor.country:
            counts[actor.country] = counts.get(actor.country, 0) + max(1, len(actor.mentions))
    return tuple(sorted(counts, key=counts.get, reverse=True))


def _clause_head(token: Token) -> Token:
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def _attached_verb(token: Token) -> Token | None:
    """The verb a place phrase hangs from through locative prepositions, or None."""
    if token.dep_ != "pobj" or token.head.lower_ not in _LOCATIVE:
        return None
    tok = token.head.head
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.dep_ == "pobj" and tok.head.lower_ in _PASS_THROUGH:
            tok = tok.head.head
        elif tok.dep_ in ("npadvmod", "appos", "compound", "conj") or tok.pos_ in ("PROPN", "NUM"):
            tok = tok.head
        elif tok.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and tok.head.pos_ in (
            "VERB",
            "AUX",
        ):
            # "held talks in Paris" places the holding; "discussed the situation in Syria" does not
            return tok.head if tok.lemma_.lower() in gazetteer().venue_nouns else None
        else:
            return None
    return None


def _candidates(doc: Doc, sent) -> list[tuple[int, int]]:
    """Token ranges of place names in a sentence: landmarks/regions first, then GPE/LOC/FAC."""
    spans: list[tuple[int, int]] = []
    taken: set[int] = set()
    for start, end in _phrase_matches(doc, sent):
        spans.append((start, end))
        taken.update(range(start, end))
    for ent in entities_in(sent):
        if ent.label_ in _PLACE_LABELS and not taken.intersection(range(ent.start, ent.end)):
            start = ent.start + 1 if doc[ent.start].lower_ == "the" else ent.start
            spans.append((start, ent.end))
    return spans


_matcher_cache: dict[int, object] = {}
_MATCHES_KEY = "dateline.places.matches"


def _doc_matches(doc: Doc) -> list[tuple[int, int]]:
    """Every gazetteer phrase in ``doc`` (matched once per document, kept in ``doc.user_data``)."""
    from spacy.matcher import PhraseMatcher

    found = doc.user_data.get(_MATCHES_KEY)
    if found is None:
        vocab = doc.vocab
        matcher = _matcher_cache.get(id(vocab))
        if matcher is None:
            tokenizer = _blank_tokenizer()
            matcher = PhraseMatcher(vocab, attr="LOWER")
            patterns = [
                Doc(vocab, words=[t.text for t in tokenizer(p)]) for p in gazetteer().phrases()
            ]
            matcher.add("PLACE", patterns)
            _matcher_cache[id(vocab)] = matcher
        found = [(s, e) for _, s, e in matcher(doc)]
        doc.user_data[_MATCHES_KEY] = found
    return found


@cache
def _blank_tokenizer():
    import spacy

    return spacy.blank("en").tokenizer


def _phrase_matches(doc: Doc, sent) -> list[tuple[int, int]]:
    found = sorted(
        (
            (s - sent.start, e - sent.start)
            for s, e in _doc_matches(doc)
            if s >= sent.start and e <= sent.end
        ),
        key=lambda se: (se[0], -(se[1] - se[0])),
    )
    spans, last_end = [], -1
    for s, e in found:
        if s >= last_end:
            start, end = sent.start + s, sent.start + e
            if doc[start].lower_ == "the":
                start += 1
            spans.append((start, end))
            last_end = e
    return spans


def _with_qualifier(doc: Doc, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    """ "Hamburg" followed by ", Germany" reads as "Hamburg, Germany"."""
    text = doc[start:end].text
    if end + 1 < len(doc) and doc[end].text == ",":
        nxt = next(((s, e) for s, e in spans if s == end + 1), None)
        if nxt is not None:
            return f"{text}, {doc[nxt[0] : nxt[1]].text}"
    return text


def locate_events(events: list[Event], doc: Doc, actors) -> None:
    """Set ``event.location`` from a place phrase ("in Paris", "at the Kremlin") in the event's clause."""
    if not events:
        return
    sents = list(doc.sents)
    hints = _hints(actors)
    for event in events:
        if not 0 <= event.sentence < len(sents):
            continue
        sent = sents[event.sentence]
        trigger_span = doc.char_span(
            event.trigger.start, event.trigger.end, alignment_mode="expand"
        )
        if trigger_span is None or len(trigger_span) == 0:
            continue
        trigger = trigger_span.root
        clause = _clause_head(trigger)
        spans = _candidates(doc, sent)
        best: tuple[tuple[int, int], Location] | None = None
        qualifiers = set()
        for start, end in spans:
            if start in qualifiers:
                continue
            root = doc[start:end].root
            verb = _attached_verb(root)
            in_clause = verb is not None and verb.i == clause.i
            on_noun = trigger.pos_ not in ("VERB", "AUX") and _hangs_from(root, trigger)
            if not (in_clause or on_noun):
                continue
            name = _with_qualifier(doc, start, end, spans)
            if "," in name:
                qualifiers.add(end + 1)
            place = resolve_place(name, hints)
            if place.precision == "unresolved":
                continue
            rank = (_SPECIFICITY[place.precision], abs(start - trigger.i))
            if best is None or rank < best[0]:
                best = (rank, place)
        if best is not None:
            event.location = best[1]


def _hangs_from(token: Token, noun: Token) -> bool:
    """True when a place phrase modifies a noun trigger: "a summit [in Hamburg]"."""
    if token.dep_ != "pobj" or token.head.lower_ not in _LOCATIVE:
        return False
    tok = token.head.head
    for _ in range(4):
        if tok.i == noun.i:
            return True
        if tok.dep_ in ("pobj", "prep", "npadvmod", "appos"):
            tok = tok.head
        else:
            return False
    return False

"""A small invented event store for tests, demos and screenshots (like datasette's fixtures).

The texts are written for Dateline; the Results are built by hand from ``dateline.model`` so the
web app can be exercised without the spaCy model.
"""

from __future__ import annotations

from datetime import date

from dateline.events.ontology import Ontology
from dateline.model import Actor, Article, Event, Mention, Quote, Result, Span

HOSTILE_TITLE = 'Border talks <script>alert("x")</script> & "quotes"'

_ACTORS = {
    "USA": ("United States", "USA", "GOV", "country"),
    "RUS": ("Russia", "RUS", "GOV", "country"),
    "UKR": ("Ukraine", "UKR", "GOV", "country"),
    "CHN": ("China", "CHN", "GOV", "country"),
    "UN": ("United Nations", None, "IGO", "organisation"),
    "RUSMIL": ("Russian Army", "RUS", "MIL", "organisation"),
}


# (id, date, title, text, events [(sentence, source, trigger, event, target)], quotes [(speaker, text)])
_ARTICLES = [
    (
        "wire-001",
        "2024-01-09",
        "Washington and Moscow agree to resume arms talks",
        "WASHINGTON - The United States and Russia agreed on Tuesday to resume talks on "
        "nuclear arms control, officials said.\n\nRussia also accused the United States of "
        'stalling an earlier round. "We are ready to talk, but not forever," a Russia '
        "spokesman said.\n\nThe United Nations welcomed the news.",
        [
            (0, "USA", "agreed", "AGREE", "RUS"),
            (1, "RUS", "accused", "ACCUSE", "USA"),
            (3, "UN", "welcomed", "SUPPORT", "USA"),
        ],
        [("RUS", "We are ready to talk, but not forever,")],
    ),
    (
        "wire-002",
        "2024-01-23",
        "Kyiv reports shelling near the border",
        "KYIV - Ukraine said the Russian Army shelled villages near the border overnight.\n\n"
        "Ukraine asked the United Nations for humanitarian aid. China urged both sides to "
        "hold talks.",
        [
            (0, "RUSMIL", "shelled", "ASSAULT", "UKR"),
            (1, "UKR", "asked", "REQUEST", "UN"),
            (2, "CHN", "urged", "REQUEST", "UKR"),
        ],
        [],
    ),
    (
        "wire-003",
        "2024-02-14",
        HOSTILE_TITLE,
        "GENEVA - Russia and the United States held talks in Geneva on Wednesday. "
        "<b>Unverified</b> reports said the <script>alert('x')</script> meeting was tense.\n\n"
        'The United States threatened new sanctions on Russia. "Nothing is off the table," '
        "the United States envoy said.",
        [(0, "RUS", "held talks", "CONSULT", "USA"), (2, "USA", "threatened", "THREATEN", "RUS")],
        [("USA", "Nothing is off the table,")],
    ),
    (
        "wire-004",
        "2024-03-05",
        "China sends aid to Ukraine",
        "BEIJING - China sent medical aid to Ukraine on Tuesday, the foreign ministry said.\n\n"
        "The United States imposed sanctions on Russia the same day.",
        [
            (0, "CHN", "sent medical aid", "AID", "UKR"),
            (1, "USA", "imposed sanctions", "SANCTION", "RUS"),
        ],
        [],
    ),
]


# Where each story's events happened: its dateline's town (so the map page has points).
_DATELINES = {
    "wire-001": "Washington",
    "wire-002": "Kyiv",
    "wire-003": "Geneva",
    "wire-004": "Beijing",
}


def _dateline_location(art_id: str):
    from dateline.places import resolve_place

    place = resolve_place(_DATELINES[art_id])
    place.basis, place.text = "dateline", _DATELINES[art_id].upper()
    return place


def _span(text: str, needle: str, after: int = 0) -> Span:
    start = text.index(needle, after)
    return Span(needle, start, start + len(needle))


def _sentence_starts(text: str) -> list[tuple[int, int]]:
    """Naive sentence bounds for the invented texts: split after '. ' and paragraph breaks."""
    bounds, start = [], 0
    i = 0
    while i < len(text):
        if text[i] == "." and (i + 1 == len(text) or text[i + 1] in " \n"):
            bounds.append((start, i + 1))
            start = i + 1
            while start < len(text) and text[start] in " \n":
                start += 1
            i = start
            continue
        i += 1
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


def sample_results() -> list[Result]:
    """Four short invented wire stories with events, quotes and actors, as Results."""
    ontology = Ontology.load()  # the type's QuadClass, CAMEO code and Goldstein value
    results = []
    for art_id, day, title, text, events, quotes in _ARTICLES:
        article = Article(id=art_id, text=text, title=title, published=date.fromisoformat(day),
                          source="Invented Wire", url=f"https://example.org/{art_id}")  # fmt: skip
        sentences = _sentence_starts(text)
        actors: dict[str, Actor] = {}

        def actor(code: str, sentences=sentences, text=text, actors=actors, art_id=art_id) -> Actor:
            if code not in actors:
                name, country, sector, kind = _ACTORS[code]
                found = []
                pos = text.find(name)
                while pos != -1:
                    sent = next(i for i, (s, e) in enumerate(sentences) if s <= pos < e)
                    found.append(Mention(name, pos, pos + len(name), sent, rule="fixture"))
                    pos = text.find(name, pos + 1)
                actors[code] = Actor(f"{art_id}-{code}", name, country, sector, kind, found)
            return actors[code]

        coded = []
        for sent, src, trig, ev, tgt in events:
            s, e = sentences[sent]
            quad, cameo, gold = (
                ontology.quad_class(ev),
                ontology.cameo_for(ev),
                ontology.goldstein(ev),
            )
            a, b = actor(src), actor(tgt)
            coded.append(
                Event(
                    event=ev,
                    sentence=sent,
                    trigger=_span(text, trig, s),
                    source=a.ref(a.name),
                    target=b.ref(b.name),
                    cameo=cameo,
                    quad_class=quad,
                    goldstein=gold,
                    date=day,
                    date_precision="day",
                    confidence=0.8,
                    sentence_text=text[s:e],
                    location=_dateline_location(art_id),
                )  # fmt: skip
            )
        coded_quotes = []
        for speaker, said in quotes:
            span = _span(text, said)
            sp = actor(speaker)
            sent = next(i for i, (s, e) in enumerate(sentences) if s <= span.start < e)
            coded_quotes.append(Quote(said, span.start, span.end, sp.ref(sp.name), sent))
        results.append(Result(article, coded, coded_quotes, list(actors.values())))
    return results


def build_store(path: str = ":memory:"):
    """A Store holding :func:`sample_results`."""
    from dateline.store import Store

    store = Store(path)
    for result in sample_results():
        store.add_result(result)
    return store

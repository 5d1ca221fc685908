"""Hand-built Results for the store, export and analysis tests (invented articles, no model)."""

from __future__ import annotations

from datetime import date

from dateline.model import Actor, Article, Event, Location, Mention, Quote, Result, Span

COUNTRIES = {
    "USA": "United States",
    "RUS": "Russia",
    "CHN": "China",
    "UKR": "Ukraine",
    "FRA": "France",
}

# type -> (cameo, quad class, goldstein)
TYPES = {
    "AGREE": ("057", 1, 8.0),
    "CONSULT": ("040", 1, 1.0),
    "AID": ("070", 2, 7.0),
    "ACCUSE": ("112", 3, -2.0),
    "THREATEN": ("130", 3, -4.0),
    "ASSAULT": ("190", 4, -10.0),
}

FILLER = (
    "Officials from both governments met in a conference hall near the river and spoke for "
    "several hours about trade routes, grain prices, border crossings and the weather, "
    "according to a statement released in the evening by the foreign ministry."
)


def event(
    src: str,
    kind: str,
    tgt: str,
    day: str | None = None,
    negated: bool = False,
    sentence: int = 0,
    location: Location | None = None,
) -> dict:
    return {"src": src, "kind": kind, "tgt": tgt, "day": day, "negated": negated,
            "sentence": sentence, "location": location}  # fmt: skip


def make_result(
    article_id: str,
    events: list[dict],
    published: str = "2024-01-10",
    quotes: list[tuple[str, str]] = (),
    source: str = "Invented Wire",
    text: str | None = None,
) -> Result:
    """One article whose sentences state ``events`` (and ``quotes``), coded as given."""
    sentences = []
    for e in events:
        verb = {"AGREE": "agreed with", "CONSULT": "met", "AID": "sent aid to",
                "ACCUSE": "accused", "THREATEN": "threatened", "ASSAULT": "attacked"}[e["kind"]]  # fmt: skip
        sentences.append(f"{COUNTRIES[e['src']]} {verb} {COUNTRIES[e['tgt']]}.")
    for speaker, said in quotes:
        sentences.append(f'"{said}," {COUNTRIES[speaker]} said.')
    body = text if text is not None else " ".join(sentences)
    art = Article(id=article_id, text=body, title=f"Report {article_id}",
                  published=date.fromisoformat(published) if published else None,
                  source=source, url=f"https://example.org/{article_id}", origin=f"{article_id}.txt")  # fmt: skip
    actors: dict[str, Actor] = {}

    def actor(code: str) -> Actor:
        if code not in actors:
            actors[code] = Actor(id=f"{article_id}-{code}", name=COUNTRIES[code], country=code,
                                 sector="GOV", kind="country")  # fmt: skip
        return actors[code]

    coded = []
    for i, e in enumerate(events):
        s, t = actor(e["src"]), actor(e["tgt"])
        cameo, quad, gold = TYPES[e["kind"]]
        start = body.find(COUNTRIES[e["src"]])
        s.mentions.append(Mention(COUNTRIES[e["src"]], start, start + len(COUNTRIES[e["src"]]), i))
        coded.append(
            Event(
                event=e["kind"],
                sentence=e["sentence"] or i,
                trigger=Span("verb", 0, 4),
                source=s.ref(s.name),
                target=t.ref(t.name),
                cameo=cameo,
                quad_class=quad,
                goldstein=gold,
                date=e["day"],
                date_precision="day" if e["day"] else None,
                negated=e["negated"],
                modality="negated" if e["negated"] else "asserted",
                location=e["location"],
                confidence=0.9,
                sentence_text=sentences[i] if i < len(sentences) else None,
            )  # fmt: skip
        )
    coded_quotes = []
    for speaker, said in quotes:
        sp = actor(speaker)
        start = body.find(said)
        coded_quotes.append(Quote(said, start, start + len(said), sp.ref(sp.name), len(coded)))
    return Result(article=art, events=coded, quotes=coded_quotes, actors=list(actors.values()))


def test_builder_offsets_point_into_the_text():
    r = make_result("a1", [event("USA", "AGREE", "RUS")], quotes=[("RUS", "We are ready")])
    q = r.quotes[0]
    assert r.article.text[q.start : q.end] == "We are ready"
    assert r.events[0].quad_class == 1 and r.events[0].source.country == "USA"

"""Evidence markup: article text with mentions, triggers and quotes marked, escaped piece by piece."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Mark:
    """One highlighted stretch of text: ``[start, end)`` offsets, a kind and a tooltip."""

    start: int
    end: int
    kind: str  # "mention" | "trigger" | "quote"
    title: str = ""
    css: tuple[str, ...] = ()  # extra classes, e.g. "coop" / "conflict" on triggers
    anchor: str | None = None  # element id for the first piece, e.g. "ev-3"


@dataclass
class Chunk:
    """A stretch of the article shown as one row: its marked-up HTML and what it produced."""

    start: int
    end: int
    html: Markup
    events: list[dict] = field(default_factory=list)
    sentence: int | None = None
    part: str = "text"  # "title": the row is the article's headline (its events' triggers)


_KIND_CLASS = {"mention": "hl-m", "trigger": "hl-t", "quote": "hl-q"}


def highlight(text: str, marks: Iterable[Mark], start: int = 0, end: int | None = None) -> Markup:
    """Escape ``text[start:end]`` and wrap the marked stretches in ``<mark>`` elements.

    The text is cut at every mark boundary; each piece is escaped on its own and wrapped in
    one ``<mark>`` carrying the classes of every mark covering it, so overlapping marks (a
    mention inside a quote) never produce broken nesting and no raw text reaches the page.
    """
    end = len(text) if end is None else end
    usable = [
        m for m in marks if 0 <= m.start < m.end <= len(text) and m.start < end and m.end > start
    ]
    cuts = {start, end}
    for m in usable:
        cuts.add(max(m.start, start))
        cuts.add(min(m.end, end))
    points = sorted(cuts)
    anchored: set[str] = set()
    out: list[str] = []
    for a, b in zip(points, points[1:], strict=False):
        piece = escape(text[a:b])
        covering = [m for m in usable if m.start <= a and m.end >= b]
        if not covering:
            out.append(piece)
            continue
        classes: list[str] = ["hl"]
        titles: list[str] = []
        ids: list[str] = []
        for m in covering:
            for c in (_KIND_CLASS.get(m.kind, "hl-x"), *m.css):
                if c not in classes:
                    classes.append(c)
            if m.title and m.title not in titles:
                titles.append(m.title)
            if m.anchor and m.anchor not in anchored:
                anchored.add(m.anchor)
                ids.append(m.anchor)
        attrs = f' class="{escape(" ".join(classes))}"'
        if titles:
            attrs += f' title="{escape(" · ".join(titles))}"'
        if ids:
            attrs += f' id="{escape(ids[0])}"'
        # more events on the same trigger (A->B and B->A): each still gets a link target
        extra = "".join(f'<span class="anchor" id="{escape(i)}"></span>' for i in ids[1:])
        out.append(f"{extra}<mark{attrs}>{piece}</mark>")
    return Markup("".join(out))


def pair_mutual(events: list[dict]) -> list[dict]:
    """Fold A->B and B->A events of one trigger into one card marked ``mutual``."""
    out: list[dict] = []
    for ev in events:
        twin = next(
            (
                o
                for o in out
                if o.get("event") == ev.get("event")
                and o.get("trigger_start") == ev.get("trigger_start")
                and o.get("source") == ev.get("target")
                and o.get("target") == ev.get("source")
                and not o.get("mutual")
            ),
            None,
        )
        if twin is not None:
            twin["mutual"] = True
        else:
            out.append(dict(ev))
    return out


def sentence_bounds(text: str, sentence_text: str | None, trigger_start: int) -> tuple[int, int]:
    """Where an event's sentence sits in the text: found near the trigger, else its line."""
    if sentence_text:
        lo = max(0, trigger_start - len(sentence_text))
        pos = text.find(sentence_text, lo)
        while pos != -1 and pos <= trigger_start:
            if pos + len(sentence_text) > trigger_start:
                return pos, pos + len(sentence_text)
            pos = text.find(sentence_text, pos + 1)
    lo = text.rfind("\n", 0, max(trigger_start, 0)) + 1
    hi = text.find("\n", max(trigger_start, 0))
    return lo, len(text) if hi == -1 else hi


def chunk_article(text: str, marks: list[Mark], events: list[dict]) -> list[Chunk]:
    """Cut the text into rows: each sentence that produced events, and the text between them.

    ``events`` are dicts with ``trigger_start`` and optionally ``sentence_text``/``sentence``;
    they are attached to the row of their sentence so the page shows them side by side.
    """
    spans: list[tuple[int, int, list[dict], int | None]] = []
    for ev in sorted(events, key=lambda e: e.get("trigger_start") or 0):
        t = int(ev.get("trigger_start") or 0)
        s, e = sentence_bounds(text, ev.get("sentence_text"), t)
        if spans and s < spans[-1][1]:  # same or overlapping sentence: merge
            ps, pe, evs, sent = spans[-1]
            spans[-1] = (ps, max(pe, e), [*evs, ev], sent)
        else:
            spans.append((s, e, [ev], ev.get("sentence")))
    chunks: list[Chunk] = []

    def add(a: int, b: int, evs: list[dict] | None = None, sent: int | None = None) -> None:
        while a < b and text[a].isspace():  # rows start and end at words, not at blank lines
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b or evs:
            chunks.append(Chunk(a, b, highlight(text, marks, a, b), pair_mutual(evs or []), sent))

    pos = 0
    for s, e, evs, sent in spans:
        if s > pos:
            add(pos, s)
        add(s, e, evs, sent)
        pos = max(pos, e)
    if pos < len(text):
        add(pos, len(text))
    return chunks


def headline_chunk(title: str, marks: list[Mark], events: list[dict]) -> Chunk:
    """The row of the article's headline: the title with its events' triggers marked (their
    offsets count in the title), and those events beside it."""
    return Chunk(0, len(title), highlight(title, marks), pair_mutual(events), 0, part="title")

"""Score whole articles and stories: the article-level gold (``sents`` + events numbered by
sentence, counted as ``../shared/eval/CODING_GUIDE.md`` says) and story-level labels.

Sentence gold (one sentence a record) is scored by :mod:`dateline.evaluation.sentences`; this module reads
the two formats whose unit is an article, codes the article as one text and scores per sentence.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from dateline.errors import EvaluationError
from dateline.evaluation.gold import GoldActor, GoldEvent, GoldRecord, norm_event
from dateline.evaluation.report import NONE, ErrorItem, Report, Scores
from dateline.evaluation.sentences import article_of, count_actors, count_cameo, pred_type
from dateline.events.ontology import Ontology

ARTICLE = "article-jsonl"
STORY = "story-jsonl"
# What "happened" means on each side (CODING_GUIDE "How it is counted").
GOLD_COUNTED = frozenset({"asserted"})
PREDICTED_COUNTED = frozenset({"asserted", "historical"})
ACTORLESS_SECTORS = frozenset({"IGO", "NGO"})
PLACE_PRECISIONS = frozenset({"city", "point"})

# --------------------------------------------------------------------------- gold records


@dataclass(slots=True)
class ArticleEvent:
    """One hand-coded event of an article: its sentence (0-based), type, one actor a side."""

    sent: int
    event: str
    mode: str | None = None
    source: GoldActor | None = None
    target: GoldActor | None = None
    modality: str = "asserted"
    background: bool = False
    trigger: str | None = None
    location: dict[str, Any] | None = None


@dataclass(slots=True)
class ArticleGold:
    """An article as coded: the text fed to the coder, its sentences and their events."""

    id: str
    text: str
    sents: list[str]
    date: str | None = None
    events: list[ArticleEvent] = field(default_factory=list)

    def sentence_starts(self) -> list[int]:
        """Where each of ``sents`` starts in ``text`` (they are joined by single spaces)."""
        starts, cursor = [], 0
        for n, sent in enumerate(self.sents):
            at = self.text.find(sent, cursor)
            if at < 0:
                raise EvaluationError(
                    f"{self.id}: sentence {n} is not in the article's text; "
                    "'text' must be the sentences joined by spaces"
                )
            starts.append(at)
            cursor = at + len(sent)
        return starts

    def predictions_by_sentence(
        self, predicted: list[dict[str, Any]], onto: Ontology, counted_only: bool = True
    ) -> dict[int, list[dict[str, Any]]]:
        """The coder's events by the sentence that holds their trigger's start (how the coding
        guide assigns them), each a copy with its PLOVER type under ``_type``; only the events
        that count as having happened unless ``counted_only`` is false."""
        starts = self.sentence_starts()
        by_sent: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for p in predicted:
            if counted_only and not counted_prediction(p):
                continue
            start = (p.get("trigger") or {}).get("start", 0)
            sent = max((i for i, s in enumerate(starts) if s <= start), default=0)
            by_sent[sent].append(dict(p, _type=pred_type(onto, p.get("event", ""))))
        return by_sent


@dataclass(slots=True)
class StoryGold:
    """A story with the event type(s) it was written to report (a pseudo-label)."""

    id: str
    text: str
    labels: list[str]
    title: str | None = None


def detect_level(text: str) -> str | None:
    """``"article-jsonl"``, ``"story-jsonl"`` or None (sentence gold), from the first record."""
    for line in text.splitlines():
        if not line.strip():
            continue
        try:
            first = json.loads(line)
        except json.JSONDecodeError:
            return None
        if not isinstance(first, dict):
            return None
        if "sents" in first:
            return ARTICLE
        if first.get("level") == "story":
            return STORY
        return None
    return None


def _records(path: Path) -> Iterable[tuple[int, dict[str, Any]]]:
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(f"{path}: cannot read the gold file ({exc})") from None
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvaluationError(
                f"{path} line {line_no}: not valid JSON ({exc.msg}); one object a line"
            ) from None
        if not isinstance(item, dict):
            raise EvaluationError(f"{path} line {line_no}: expected a JSON object")
        yield line_no, item


def _actor(value: Any) -> GoldActor | None:
    if not isinstance(value, dict):
        return None
    return GoldActor(value.get("text"), value.get("country"), value.get("sector"))


def load_articles(path: str | Path) -> list[ArticleGold]:
    """Read article-level gold: one ``{"id", "text", "sents", "date", "events"}`` a line."""
    path = Path(path)
    onto = Ontology.load()
    out = []
    for line_no, item in _records(path):
        item["id"] = item.get("id") or f"article-{line_no}"
        out.append(article_gold(item, f"{path} line {line_no}", onto))
    if not out:
        raise EvaluationError(f"{path}: no articles found")
    return out


def article_gold(item: dict[str, Any], where: str, onto: Ontology) -> ArticleGold:
    """One article-level gold record (``where`` names it in errors); the sentences must be
    found in the text in order."""
    sents, text = item.get("sents"), item.get("text")
    if not isinstance(sents, list) or not isinstance(text, str):
        raise EvaluationError(f"{where}: an article needs 'sents' (a list) and 'text'")
    art = ArticleGold(
        id=str(item.get("id") or where),
        text=text,
        sents=[str(s) for s in sents],
        date=item.get("date") or None,
    )
    for e in item.get("events") or []:
        sent = e.get("sent")
        if not isinstance(sent, int) or not 0 <= sent < len(art.sents):
            raise EvaluationError(f"{where} ({art.id}): event sentence {sent!r} out of range")
        name, mode = norm_event(onto, str(e.get("event") or ""), e.get("mode"), where)
        art.events.append(
            ArticleEvent(
                sent=sent,
                event=name,
                mode=mode,
                source=_actor(e.get("source")),
                target=_actor(e.get("target")),
                modality=str(e.get("modality") or "asserted"),
                background=bool(e.get("background")),
                trigger=e.get("trigger"),
                location=e.get("location") if isinstance(e.get("location"), dict) else None,
            )
        )
    art.sentence_starts()  # fail early, naming the article
    return art


def load_stories(path: str | Path) -> list[StoryGold]:
    """Read story-level labels: one ``{"id", "text", "title", "level": "story", "events"}`` a line."""
    path = Path(path)
    onto = Ontology.load()
    out = []
    for line_no, item in _records(path):
        where = f"{path} line {line_no}"
        text = item.get("text")
        if not isinstance(text, str) or not text.strip():
            raise EvaluationError(f"{where}: a story needs its 'text'")
        labels = [
            norm_event(onto, str(e.get("event") or ""), None, where)[0]
            for e in item.get("events") or []
        ]
        out.append(StoryGold(str(item.get("id") or f"story-{line_no}"), text, labels,
                             item.get("title")))  # fmt: skip
    if not out:
        raise EvaluationError(f"{path}: no stories found")
    return out


# --------------------------------------------------------------------------- counting


def actor_key(actor: Any) -> str | None:
    """An actor's key for dyads: its country, else its IGO/NGO sector, else None."""
    if actor is None:
        return None
    if isinstance(actor, GoldActor):
        country, sector = actor.country, actor.sector
    elif isinstance(actor, dict):
        country, sector = actor.get("country"), actor.get("sector")
    else:
        return None
    if country:
        return country
    return sector if sector in ACTORLESS_SECTORS else None


def counted_prediction(p: dict[str, Any]) -> bool:
    """A predicted event that says something happened: not negated, asserted or historical."""
    return not p.get("negated") and p.get("modality", "asserted") in PREDICTED_COUNTED


def _max_matching(gold: list[Any], pred: list[Any], fits) -> list[tuple[int, int]]:
    """Largest set of (gold index, prediction index) pairs with ``fits``, each used once
    (augmenting paths; a sentence holds a handful of events)."""
    owner: dict[int, int] = {}

    def place(g: int, seen: set[int]) -> bool:
        for p in range(len(pred)):
            if p in seen or not fits(gold[g], pred[p]):
                continue
            seen.add(p)
            if p not in owner or place(owner[p], seen):
                owner[p] = g
                return True
        return False

    for g in range(len(gold)):
        place(g, set())
    return sorted((g, p) for p, g in owner.items())


def _dyad_fits(g: ArticleEvent, p: dict[str, Any]) -> bool:
    """Same type; each gold side that is null matches any predicted side."""
    if g.event != p["_type"]:
        return False
    for side in ("source", "target"):
        gold_actor = getattr(g, side)
        if gold_actor is not None and actor_key(gold_actor) != actor_key(p.get(side)):
            return False
    return True


def _norm_place(name: str | None) -> str:
    text = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode()
    return " ".join(text.lower().replace("-", " ").replace("'", "").split())


def place_matches(gold_place: str | None, predicted: str | None) -> bool:
    """Same place name, ignoring case, accents and an article prefix ('al-Hol' = 'Hol')."""
    a, b = _norm_place(gold_place), _norm_place(predicted)
    if not a or not b:
        return False
    strip = lambda s: s[3:] if s.startswith(("al ", "el ")) else s  # noqa: E731
    return a == b or strip(a) == strip(b)


def score_articles(gold: list[ArticleGold], predicted: dict[str, list[dict[str, Any]]]) -> Report:
    """Score predictions (article id -> ``Event.to_dict`` dicts with trigger offsets into the
    article's text) against article-level gold, sentence by sentence, as the coding guide says."""
    onto = Ontology.load()
    report = Report(records=sum(len(a.sents) for a in gold))
    report.meta.update({"level": "article", "articles": len(gold)})
    per_type: dict[str, Scores] = defaultdict(Scores)
    per_triple: dict[str, Scores] = defaultdict(Scores)
    confusion: dict[str, Counter] = defaultdict(Counter)
    locations = Counter()
    for art in gold:
        by_sent = art.predictions_by_sentence(predicted.get(art.id, []), onto)
        gold_by_sent: dict[int, list[ArticleEvent]] = defaultdict(list)
        for e in art.events:
            if e.modality in GOLD_COUNTED:
                gold_by_sent[e.sent].append(e)
        for n, sentence in enumerate(art.sents):
            g, p = gold_by_sent.get(n, []), by_sent.get(n, [])
            rid = f"{art.id}#{n}"
            report.gold_events += len(g)
            report.predicted_events += len(p)
            _count_sentence_types(rid, sentence, g, p, per_type, report)
            pairs = _count_sentence_dyads(rid, sentence, g, p, per_triple, report)
            _count_locations(g, p, pairs, locations)
            record = GoldRecord(rid, sentence, art.date, [_as_gold_event(e) for e in g])
            count_cameo(record, {e.event for e in g}, p, onto, report)
            count_actors(record, p, report)
            g_types = {e.event for e in g}
            if len(g_types) <= 1:
                row = next(iter(g_types), NONE)
                for t in sorted({x["_type"] for x in p} or {NONE}):
                    confusion[row][t] += 1
    report.per_type = dict(per_type)
    report.per_type_triples = dict(per_triple)
    report.confusion = {g: dict(c) for g, c in confusion.items()}
    report.locations = dict(locations)
    return report


def _as_gold_event(e: ArticleEvent) -> GoldEvent:
    return GoldEvent(
        event=e.event,
        mode=e.mode,
        source=[e.source] if e.source else [],
        target=[e.target] if e.target else [],
        event_text=e.trigger,
    )


def _trigger(p: dict[str, Any]) -> str | None:
    return (p.get("trigger") or {}).get("text")


def _count_sentence_types(rid, sentence, gold, pred, per_type, report) -> None:
    """Types as multisets: two gold ASSAULTs need two predicted ones."""
    g_count = Counter(e.event for e in gold)
    p_count = Counter(p["_type"] for p in pred)
    for t in g_count | p_count:
        tp = min(g_count[t], p_count[t])
        fp, fn = p_count[t] - tp, g_count[t] - tp
        for s in (report.types, per_type[t]):
            s.tp, s.fp, s.fn = s.tp + tp, s.fp + fp, s.fn + fn
        extra_preds = [p for p in pred if p["_type"] == t][tp:]
        for p in extra_preds:
            report.errors.append(
                ErrorItem(rid, "false", "type", t, actor_key(p.get("source")),
                          actor_key(p.get("target")), sentence, _trigger(p))
            )  # fmt: skip
        for e in [e for e in gold if e.event == t][tp:]:
            report.errors.append(ErrorItem(rid, "miss", "type", t, None, None, sentence, e.trigger))


def _count_sentence_dyads(rid, sentence, gold, pred, per_triple, report) -> list[tuple[int, int]]:
    """(type, source key, target key) as multisets; a null gold side matches anything."""
    pairs = _max_matching(gold, pred, _dyad_fits)
    matched_g = {g for g, _ in pairs}
    matched_p = {p for _, p in pairs}
    for i, e in enumerate(gold):
        hit = i in matched_g
        for s in (report.triples, per_triple[e.event]):
            if hit:
                s.tp += 1
            else:
                s.fn += 1
        if not hit:
            src = actor_key(e.source) if e.source else "*"
            tgt = actor_key(e.target) if e.target else "*"
            report.errors.append(
                ErrorItem(rid, "miss", "triple", e.event, src, tgt, sentence, e.trigger)
            )
    for j, p in enumerate(pred):
        if j in matched_p:
            continue
        report.triples.fp += 1
        per_triple[p["_type"]].fp += 1
        report.errors.append(
            ErrorItem(rid, "false", "triple", p["_type"], actor_key(p.get("source")),
                      actor_key(p.get("target")), sentence, _trigger(p))
        )  # fmt: skip
    return pairs


def _count_locations(gold, pred, dyad_pairs, counts: Counter) -> None:
    """Pair predicted with gold events of the same type (dyad matches first), then count how
    many pairs the coder located, in the right country and at the right named place."""
    pairs = list(dyad_pairs)
    used_g = {g for g, _ in pairs}
    used_p = {p for _, p in pairs}
    rest_g = [i for i in range(len(gold)) if i not in used_g]
    rest_p = [j for j in range(len(pred)) if j not in used_p]
    for g, p in _max_matching(rest_g, rest_p, lambda g, p: gold[g].event == pred[p]["_type"]):
        pairs.append((rest_g[g], rest_p[p]))
    for g, p in pairs:
        loc = gold[g].location or {}
        if not loc.get("country"):
            continue
        got = pred[p].get("location") or {}
        counts["pairs"] += 1
        located = bool(got.get("country") or got.get("name"))
        counts["located"] += located
        counts["right_country"] += located and got.get("country") == loc["country"]
        if loc.get("precision") in PLACE_PRECISIONS and loc.get("place"):
            counts["places"] += 1
            counts["right_place"] += place_matches(loc["place"], got.get("name"))


def location_scores(counts: dict[str, int]) -> dict[str, float | None]:
    """Coverage, country accuracy and place accuracy from :func:`score_articles`' counts."""

    def share(a: str, b: str) -> float | None:
        return round(counts.get(a, 0) / counts[b], 4) if counts.get(b) else None

    return {
        "coverage": share("located", "pairs"),
        "country_accuracy": share("right_country", "located"),
        "place_accuracy": share("right_place", "places"),
    }


def score_stories(gold: list[StoryGold], predicted: dict[str, list[dict[str, Any]]]) -> Report:
    """Story-level recall: is the labelled type among the story's coded (not negated) events?
    Only recall is meaningful (a story reports other events too), so ``fp`` stays 0."""
    onto = Ontology.load()
    report = Report(records=len(gold))
    report.meta.update({"level": "story"})
    per_type: dict[str, Scores] = defaultdict(Scores)
    for story in gold:
        preds = [p for p in predicted.get(story.id, []) if not p.get("negated")]
        types = {pred_type(onto, p.get("event", "")) for p in preds}
        report.gold_events += len(story.labels)
        report.predicted_events += len(preds)
        for label in story.labels:
            if label in types:
                report.types.tp += 1
                per_type[label].tp += 1
            else:
                report.types.fn += 1
                per_type[label].fn += 1
                report.errors.append(
                    ErrorItem(story.id, "miss", "type", label, None, None,
                              story.title or story.text[:200], None)
                )  # fmt: skip
    report.per_type = dict(per_type)
    return report


# --------------------------------------------------------------------------- running


def article_for(rid: str, text: str, day: str | None, title: str | None = None):
    """The article the evaluation codes for a gold text (its id kept as the article's, and its
    headline, when the gold has one, as the article's title)."""
    return replace(article_of(GoldRecord(id=rid, text=text, date=day)), id=rid, title=title)


def code_texts(
    items: Iterable[tuple[str, str, str | None] | tuple[str, str, str | None, str | None]],
    pipeline: Any,
    batch_size: int = 16,
) -> dict[str, list[dict[str, Any]]]:
    """Code (id, text, date) or (id, text, date, title) items with ``pipeline``; id -> event
    dicts. A title is coded when the pipeline's ``settings.code_title`` is on."""
    articles = [article_for(*item) for item in items]
    return {
        result.article.id: [e.to_dict() for e in result.events]
        for result in pipeline.pipe(articles, batch_size=batch_size)
    }


def evaluate_articles(path: str | Path, pipeline: Any) -> Report:
    """Code every article of an article-level gold file as one text and score it."""
    gold = load_articles(path)
    predicted = code_texts(((a.id, a.text, a.date) for a in gold), pipeline)
    report = score_articles(gold, predicted)
    report.meta.update({"gold": str(path), "format": ARTICLE})
    return report


def evaluate_stories(path: str | Path, pipeline: Any) -> Report:
    """Code every story of a story-level file and measure recall of its labelled type."""
    gold = load_stories(path)
    predicted = code_texts(((s.id, s.text, None, s.title) for s in gold), pipeline)
    report = score_stories(gold, predicted)
    report.meta.update({"gold": str(path), "format": STORY, "titles": titles_coded(pipeline)})
    return report


def titles_coded(pipeline: Any) -> str:
    """What a story-level report says of the headlines: coded with the body, or not."""
    settings = getattr(pipeline, "settings", None)
    on = settings is None or getattr(settings, "code_title", True)
    return "coded with the body (--no-title: body only)" if on else "not coded (body only)"

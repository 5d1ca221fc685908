"""Where a missed gold event is lost: the stage of the event coder at which it disappears.

Recall work needs to know which stage to improve: the cheap pass that skips sentences, the
candidate words, the model's proposals, the gate on lexicon candidates, the clause rules
(absorbed content, background, purpose, conditions), the coder's rules (no participants, no
author) or the type. :func:`trace_doc` codes a parsed article the way
:func:`dateline.events.extract.coder.extract_events` does and records, per word, what each
stage made of it; :func:`stage_of` names the stage where one gold event's trigger was lost.
``scripts/recall_stages.py`` prints the table for an article gold file or out of fold.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from dateline.events.classifier import candidate_indices, word_features

SKIPPED = "sentence skipped by the cheap pass"
NOT_FOUND = "trigger phrase not found in the sentence"
NO_WORD = "no verb or noun in the trigger phrase"
MODEL_LOW = "no lexicon entry; model below the proposal threshold"
GATED = "lexicon candidate; the model dropped it"
CLAUSES = "dropped by the clause rules (absorbed, background, purpose, condition)"
CODER = "dropped by the coder's rules (nobody named, no author, a journey, ...)"
OTHER_TYPE = "coded as another type"
FEWER = "coded, but fewer counted records than the gold"
#: The stages in pipeline order (the order of the printed table).
STAGES = (SKIPPED, NOT_FOUND, NO_WORD, MODEL_LOW, GATED, CLAUSES, CODER, OTHER_TYPE, FEWER)


@dataclass
class Trace:
    """What each stage of the coder made of the words of one parsed article (token indices)."""

    doc: Any
    lexicon: dict[int, str] = field(default_factory=dict)  # the lexicon's own candidates
    probability: dict[int, dict[str, float]] = field(default_factory=dict)
    gated: dict[int, str] = field(default_factory=dict)  # after the model's say
    coded: dict[int, list[str]] = field(default_factory=dict)  # the coder's records per word
    events: list = field(default_factory=list)


def trace_doc(doc, article, actors, lexicon, model) -> Trace:
    """Code ``doc`` as :func:`~dateline.events.extract.coder.extract_events` does (same stages,
    same order; ``tests/test_recall_stages.py`` checks they agree), recording each stage."""
    from dateline.events.extract.coder import (
        QUOTED_NOBODY,
        code_candidate,
        dedupe_events,
        quoted_sentences,
        sentence_candidates,
    )
    from dateline.events.extract.triggers import find_candidates
    from dateline.events.gate import gate_sentences
    from dateline.events.ontology import Ontology

    ontology = Ontology.load()
    trace = Trace(doc)
    sentences = list(doc.sents)
    found = [find_candidates(sent, lexicon, fallback=model is not None) for sent in sentences]
    proposed: dict[int, str] = {}
    for cands in found:
        for cand in cands:
            proposed.setdefault(cand.token.i, cand.proposed_type)
            if not cand.entry.fallback:
                trace.lexicon.setdefault(cand.token.i, cand.event)
    if model is not None:
        every = [i for sent in sentences for i in candidate_indices(sent)]
        if every:
            feats = word_features(doc, every, actors, proposed)
            probs = model.scores(feats, dense=model.dense_inputs(doc, every))
            for i, row in zip(every, probs, strict=True):
                trace.probability[i] = dict(zip(model.classes, map(float, row), strict=True))
    gated = gate_sentences(sentences, found, actors, model, lexicon)
    quoted = quoted_sentences(doc, article, actors)
    events = []
    for s_i, sent in enumerate(sentences):
        trace.gated.update((c.token.i, c.event) for c in gated[s_i])
        speaker = quoted.get(s_i, QUOTED_NOBODY)
        for cand in sentence_candidates(sent, gated[s_i], lexicon, speaker):
            coded = code_candidate(cand, s_i, sent, doc, article, actors, lexicon, ontology)
            trace.coded.setdefault(cand.token.i, []).extend(e.event for e in coded)
            events.extend(coded)
    trace.events = dedupe_events(events, doc)
    return trace


def stage_of(trace: Trace, start: int, end: int, event: str, trigger: str | None) -> str:
    """The stage at which the gold ``event`` whose ``trigger`` lies in the sentence at
    characters ``start:end`` of the parsed text was lost (the event was missed)."""
    if not trace.doc.text[start:end].strip():
        return SKIPPED
    span, head = trigger_head(trace, start, end, trigger)
    if span is None:
        return NOT_FOUND
    if head is None:
        return NO_WORD
    words = [t.i for t in span]
    coded = [i for i in words if i in trace.coded]
    if coded:
        types = [t for i in coded for t in trace.coded[i]]
        if not types:
            return CODER
        return FEWER if event in types else OTHER_TYPE
    if any(i in trace.gated for i in words):
        return CLAUSES
    if any(i in trace.lexicon for i in words):
        return GATED
    return MODEL_LOW


def trigger_head(trace: Trace, start: int, end: int, trigger: str | None):
    """The gold trigger's words in the sentence at ``start:end`` and the word the coder would
    code it at (as training labels it: :func:`dateline.train.head_of`); None where missing."""
    from dateline.train import head_of, trigger_span

    span = trigger_span(trace.doc, start, end, trigger or "")
    return span, (head_of(span) if span is not None else None)


def probability_band(trace: Trace, head, event: str) -> str:
    """The model's probability of the gold type at the trigger's word ``head``, as a band
    ("<0.1", "0.1-0.3", ">=0.3"; "-" where there is no such word or the model does not score
    it)."""
    row = trace.probability.get(head.i) if head is not None else None
    if row is None:
        return "-"
    p = row.get(event, 0.0)
    return "<0.1" if p < 0.1 else ("0.1-0.3" if p < 0.3 else ">=0.3")


def missed_events(gold, predicted: list[dict[str, Any]]) -> list[tuple[int, Any]]:
    """The gold events of one article (:class:`~dateline.evaluation.articles.ArticleGold`) that
    count as happened and have no counted prediction of their type in their sentence, as the
    scorer counts them (type multisets per sentence): (sentence, gold event) pairs."""
    from dateline.evaluation.articles import GOLD_COUNTED, counted_prediction
    from dateline.events.ontology import Ontology

    by_sent = gold.predictions_by_sentence(predicted, Ontology.load(), counted_only=False)
    out = []
    for n in range(len(gold.sents)):
        counted = Counter(p["_type"] for p in by_sent.get(n, []) if counted_prediction(p))
        for e in (e for e in gold.events if e.sent == n and e.modality in GOLD_COUNTED):
            if counted[e.event] > 0:
                counted[e.event] -= 1
            else:
                out.append((n, e))
    return out


@dataclass
class StageReport:
    """Missed gold events by stage, by type within each stage, and by the model's band."""

    stages: Counter = field(default_factory=Counter)
    types: dict[str, Counter] = field(default_factory=dict)
    bands: dict[str, Counter] = field(default_factory=dict)
    examples: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)

    def add(self, stage: str, event: str, band: str, example: tuple[str, str, str]) -> None:
        self.stages[stage] += 1
        self.types.setdefault(stage, Counter())[event] += 1
        self.bands.setdefault(stage, Counter())[band] += 1
        self.examples.setdefault(stage, []).append(example)

    def markdown(self) -> str:
        total = sum(self.stages.values())
        lines = [
            f"{total} missed gold events that happened, by the stage that lost them",
            "",
            "| stage | missed | share | types (most missed) | model's probability of the gold type |",
            "| --- | ---: | ---: | --- | --- |",
        ]
        for stage in STAGES:
            n = self.stages.get(stage, 0)
            if not n:
                continue
            types = ", ".join(f"{t} {c}" for t, c in self.types[stage].most_common(4))
            bands = ", ".join(f"{b}: {c}" for b, c in sorted(self.bands[stage].items()))
            lines.append(f"| {stage} | {n} | {n / total:.2f} | {types} | {bands} |")
        return "\n".join(lines) + "\n"


def article_of_gold(gold):
    """The article the evaluation codes for an article gold record (as ``code_texts`` does)."""
    from dateline.evaluation.articles import article_for

    return article_for(gold.id, gold.text, gold.date)


def trace_article(pipeline, article) -> Trace:
    """Parse ``article`` as the default pipeline does and trace its coding."""
    from dateline.actors.resolve import resolve_actors
    from dateline.events.gate import active_model

    doc = pipeline.nlp(pipeline.annotation_text(article))
    actors = resolve_actors(doc, article, pipeline.kb)
    return trace_doc(doc, article, actors, pipeline.lexicon, active_model())


def add_article(report: StageReport, pipeline, gold, predicted: list[dict[str, Any]]) -> None:
    """Trace one gold article and add its missed events to ``report`` (``predicted``: the
    pipeline's events for it, as dicts)."""
    missed = missed_events(gold, predicted)
    if not missed:
        return
    trace = trace_article(pipeline, article_of_gold(gold))
    starts = gold.sentence_starts()
    for n, e in missed:
        start, end = starts[n], starts[n] + len(gold.sents[n])
        stage = stage_of(trace, start, end, e.event, e.trigger)
        band = probability_band(trace, trigger_head(trace, start, end, e.trigger)[1], e.event)
        report.add(stage, e.event, band, (e.event, e.trigger or "", gold.sents[n]))

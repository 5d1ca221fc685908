"""How the event coder uses the trained model: gate, retype and propose trigger candidates.

The lexicon proposes candidates (readable knowledge, and one feature of the model); the model
scores every verb and noun of the sentence. A lexicon candidate the model thinks reports no
event is dropped ("killed off any challenge", "wound up his day"); one the model confidently
reads as another type is retyped ("captured a suspect" is COERCE, not ASSAULT); a word with no
lexicon entry that the model confidently reads as an event becomes a candidate of its own.
Each surviving candidate carries the model's calibrated probability of its type.
"""

from __future__ import annotations

import os

from dateline.events.classifier import (
    NONE,
    EventModel,
    candidate_indices,
    load_model,
    word_features,
)
from dateline.events.lexicon import TriggerEntry

#: A lexicon candidate is kept when the model gives an event at least this probability.
GATE = 0.05
#: ... or this one, on a word the lexicon lists as ambiguous (``ambiguous_triggers``: "fired the
#: coach", "met the target", "released a report") or an event noun no verb carries, where the
#: entry's frame does not pin the sense down (:func:`veto_threshold`): the model's doubt weighs
#: more where the word itself is doubtful.
AMBIGUOUS_GATE = 0.15
#: A word without a lexicon entry becomes a candidate at this probability of one type.
PROPOSE = 0.5
#: Retype a lexicon candidate when another type is this much likelier than the lexicon's.
RETYPE_MARGIN = 0.3
#: Pairs of types that what is promised tells apart ("pledged aid" is an AGREE, "pledged to
#: withdraw" a CONCEDE, "vowed to retaliate" a THREATEN): the lexicon (its complement lists) and
#: the clause rules (a promised hostile act is a threat) read the promised content, the model's
#: bag of features does not, so it never retypes one into the other.
KEPT_APART = frozenset({frozenset({"AGREE", "CONCEDE"}), frozenset({"AGREE", "THREATEN"})})
#: The model's mode is used (when the lexicon gives none) at this probability among the type's.
MODE_MIN = 0.5
_ENTRIES: dict[str, TriggerEntry] = {}


def model_entry(event: str) -> TriggerEntry:
    """The lexicon entry a model-proposed candidate carries (default argument rules)."""
    entry = _ENTRIES.get(event)
    if entry is None:
        entry = _ENTRIES[event] = TriggerEntry(id=f"model:{event}", event=event)
    return entry


def active_model() -> EventModel | None:
    """The shipped model, unless DATELINE_EVENT_MODEL=off (the lexicon alone, for comparison)."""
    if os.environ.get("DATELINE_EVENT_MODEL", "on").strip().lower() in {"off", "0", "no", "false"}:
        return None
    return load_model()


def veto_threshold(cand, lexicon, actors=None) -> float:
    """The probability of an event the model must give a lexicon candidate to keep it: `GATE`,
    or `AMBIGUOUS_GATE` for a word of the lexicon's ``ambiguous_triggers`` or an event noun no
    verb carries ("the partnership", "the ceasefire": a noun names a thing as often as it reports
    an act), unless its frame pins the sense down (:func:`pinned`, :func:`acts_on_a_party`)."""
    if pinned(cand) or acts_on_a_party(cand, actors):
        return GATE
    tok = cand.token
    ambiguous = lexicon.word_set("ambiguous_triggers")
    if cand.nominal or tok.lemma_.lower() in ambiguous or tok.lower_ in ambiguous:
        return AMBIGUOUS_GATE
    return GATE


def pinned(cand) -> bool:
    """Whether the frame that selected the candidate's entry fixes the word's sense: an object,
    particle, preposition or complement the entry requires ("struck a deal", "called off",
    "called for", "pushed Ghana to reopen"), or a support verb carrying an event noun ("made a
    fresh push for talks", "launched a strike", "opened fire")."""
    return cand.entry.specificity > 0 or (cand.nominal and cand.support is not None)


#: The types whose verbs take their sense from the party they act on: meeting, hosting,
#: receiving, visiting or calling a person or a state is a consultation ("received the Ugandan
#: president", "met Kenya's foreign minister"); meeting a target, receiving a letter, visiting a
#: site is not. (Out of fold, a known actor as the object of an ASSAULT, SUPPORT or REQUEST verb
#: did not tell the event sense apart: "backed" and "killed" false events came back.)
PARTY_TYPES = frozenset({"CONSULT"})
#: The dependents that hold what a verb acts on ("met the president", "was received by").
UNDERGOER_DEPS = frozenset({"dobj", "nsubjpass"})


def acts_on_a_party(cand, actors) -> bool:
    """Whether the candidate is a verb of a type of `PARTY_TYPES` whose object (or passive
    subject) is a known actor: the word is then used in the sense of an act between parties."""
    if actors is None or cand.nominal or cand.event not in PARTY_TYPES:
        return False
    for c in cand.token.children:
        if c.dep_ not in UNDERGOER_DEPS:
            continue
        if actors.all_at(c.i) or any(
            actors.all_at(g.i) for g in c.children if g.dep_ in {"compound", "poss", "amod"}
        ):
            return True
    return False


def gate_candidates(sent, candidates: list, actors, model: EventModel | None, lexicon=None) -> list:
    """The sentence's candidates after the model's say (unchanged when there is no model)."""
    if model is None:
        return candidates
    return gate_sentences([sent], [candidates], actors, model, lexicon)[0]


def gate_sentences(
    sents: list, candidates: list[list], actors, model: EventModel | None, lexicon=None
) -> list:
    """Each sentence's candidates after the model's say, the words of all the sentences scored
    in one go (numpy's per-call overhead, paid per sentence, cost more than the sums).
    ``lexicon``: the coder's (its ``ambiguous_triggers`` and word lists; the shipped one if
    None)."""
    if model is None:
        return candidates
    indices = [candidate_indices(sent) for sent in sents]
    every = [i for part in indices for i in part]
    if not every:
        return candidates
    lexicon_type: dict[int, str] = {}
    for cands in candidates:
        for cand in cands:
            lexicon_type.setdefault(cand.token.i, cand.proposed_type)
    doc = sents[0].doc
    feats = word_features(doc, every, actors, lexicon_type)
    active = model._active(feats)
    probs = model.scores(feats, active=active, dense=model.dense_inputs(doc, every))
    row_of = dict(zip(every, probs, strict=True))
    if lexicon is None:
        from dateline.events.lexicon import Lexicon

        lexicon = Lexicon.load()
    out = [
        _decide(sent, part, cands, row_of, model, lexicon, actors)
        for sent, part, cands in zip(sents, indices, candidates, strict=True)
    ]
    _add_modes([c for cands in out for c in cands], every, feats, active, model)
    return out


def _decide(
    sent,
    indices: list[int],
    candidates: list,
    row_of: dict,
    model: EventModel,
    lexicon,
    actors=None,
) -> list:
    """Keep, retype or drop the lexicon's candidates; propose the model's own."""
    from dateline.events.candidate import Candidate
    from dateline.events.extract.triggers import characterises_a_thing, noun_governor

    classes = model.classes
    none = classes.index(NONE)
    out = []
    for cand in candidates:
        row = row_of.get(cand.token.i)
        if row is None:
            out.append(cand)  # a rule candidate on a word the model does not score
            continue
        if cand.entry.fallback:
            continue  # a feature of its word only: the model proposes it or not, below
        if 1.0 - row[none] < veto_threshold(cand, lexicon, actors):
            continue
        best = _best_type(row, none)
        mine = classes.index(cand.event) if cand.event in classes else None
        apart = frozenset({cand.event, classes[best]}) in KEPT_APART
        if mine is None or (row[best] >= row[mine] + RETYPE_MARGIN and not apart):
            cand.event, cand.mode = classes[best], None
            mine = best
        cand.confidence = model.event_confidence(float(row[mine]))
        out.append(cand)
    taken = {c.token.i for c in candidates if not c.entry.fallback}
    kept = {c.token.i for c in out}
    doc = sent.doc
    for i in indices:
        if i in taken:
            continue
        row = row_of[i]
        best = _best_type(row, none)
        if row[best] < PROPOSE:
            continue
        event = classes[best]
        tok = doc[i]
        if _frames_a_candidate(tok, kept, lexicon):
            continue
        if characterises_a_thing(tok, lexicon):
            continue  # "called the deal a danger": a judgement of a thing, no act
        cand = Candidate(tok, model_entry(event), event, None)
        if tok.pos_ == "NOUN":
            governor = noun_governor(tok)
            cand.nominal, cand.support, cand.frame = True, governor, tok
        cand.confidence = model.event_confidence(float(row[best]))
        out.append(cand)
    out.sort(key=lambda c: c.token.i)
    return out


#: The clausal complements that hold what a verb of planning or wanting is about.
PLAN_CONTENT_DEPS = frozenset({"xcomp", "ccomp"})


def _frames_a_candidate(tok, kept: set[int], lexicon) -> bool:
    """Whether ``tok`` is a verb of planning or wanting (the lexicon's ``future_verbs``: "is
    expected to visit", "plans to impose", "wants talks to resume") whose clausal complement holds
    a kept candidate. The modality rules read such a verb as the modality of the act it governs
    (a planned visit is an AGREE, a planned attack a THREATEN); an event proposed at the verb
    itself would code the plan as an act done and absorb the act it is about, so the model does
    not propose one there (it still may where the complement holds no candidate)."""
    if tok.lemma_.lower() not in lexicon.word_set("future_verbs"):
        return False
    return any(t.i in kept for c in tok.children if c.dep_ in PLAN_CONTENT_DEPS for t in c.subtree)


def _add_modes(candidates: list, every: list[int], feats: list, active, model: EventModel) -> None:
    """The model's mode for each candidate the lexicon gives none, where it is sure enough
    (``every``: the scored words, ``feats`` their features, ``active`` the feature ids
    :meth:`EventModel.scores` read: the modes read the same ids, not looked up again)."""
    row = {i: r for r, i in enumerate(every)}
    todo = [c for c in candidates if c.mode is None and c.token.i in row]
    if not todo or not model.mode_classes:
        return
    rows = [row[c.token.i] for c in todo]
    guessed = model.modes(
        [feats[r] for r in rows], [c.event for c in todo], active=_rows_of(active, rows)
    )
    for cand, (mode, probability) in zip(todo, guessed, strict=True):
        if mode is not None and probability >= MODE_MIN:
            cand.model_mode = mode


def _rows_of(active, rows: list[int]):
    """The (row, feature id) pairs of ``active`` (sorted by row, as ``EventModel._active``
    gives them) for the rows ``rows``, renumbered 0, 1, ... in that order: what ``_active``
    gives for those rows' features alone, without building and looking them up again."""
    import numpy as np

    row_ids, ids = active
    bounds = np.searchsorted(row_ids, np.arange(max(rows, default=-1) + 2))
    parts = [ids[bounds[r] : bounds[r + 1]] for r in rows]
    lengths = np.fromiter((len(p) for p in parts), dtype=np.int64, count=len(parts))
    new_rows = np.repeat(np.arange(len(rows), dtype=np.int64), lengths)
    new_ids = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
    return new_rows, new_ids.astype(np.int64, copy=False)


def _best_type(row, none: int) -> int:
    """The likeliest event type (never NONE)."""
    masked = row.copy()
    masked[none] = -1.0
    return int(masked.argmax())

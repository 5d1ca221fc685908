"""The gate's veto by how ambiguous the trigger word is (gate.veto_threshold, round 11).

The model must give a lexicon candidate more probability of an event to keep it when the word has
common uses that report nothing ("fired the coach", "released a report") and nothing in its
entry's frame pins the sense down; a word with one sense in the news keeps the weak veto.
"""

from __future__ import annotations

from dataclasses import fields

import numpy as np
import spacy
from spacy.tokens import Doc

from dateline.events import gate
from dateline.events.candidate import Candidate
from dateline.events.classifier import NONE, EventModel
from dateline.events.lexicon import Lexicon, TriggerEntry
from dateline.train import Example, fit

PLAIN = TriggerEntry(id="own-plain", event="ASSAULT", verbs=frozenset({"fire", "shell"}))
WITH_OBJECT = TriggerEntry(
    id="own-object", event="ASSAULT", verbs=frozenset({"fire"}), objects=frozenset({"rocket"})
)
NOUNS = TriggerEntry(id="own-nouns", event="ASSAULT", nouns=frozenset({"strike"}))


def _doc(words, lemmas, pos, deps, heads) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, lemmas=lemmas, pos=pos, deps=deps, heads=heads)


def _verb_doc(verb: str, lemma: str) -> Doc:
    """ "Rebels <verb> rockets ." parsed by hand (no spaCy model needed)."""
    return _doc(
        ["Rebels", verb, "rockets", "."],
        ["rebel", lemma, "rocket", "."],
        ["NOUN", "VERB", "NOUN", "PUNCT"],
        ["nsubj", "ROOT", "dobj", "punct"],
        [1, 1, 1, 1],
    )


def _strike_doc() -> Doc:
    """ "Jets launched a strike ." parsed by hand."""
    return _doc(
        ["Jets", "launched", "a", "strike", "."],
        ["jet", "launch", "a", "strike", "."],
        ["NOUN", "VERB", "DET", "NOUN", "PUNCT"],
        ["nsubj", "ROOT", "det", "dobj", "punct"],
        [1, 1, 3, 1, 1],
    )


def _model(event_probability: float):
    """A fitted model whose every word gets ``event_probability`` of ASSAULT, the rest NONE."""
    model = fit(
        [Example("a", ["l=fire", "x"], "ASSAULT")] * 3 + [Example("b", ["l=day"], NONE)] * 3
    )
    row = np.zeros(len(model.classes))
    row[model.classes.index("ASSAULT")] = event_probability
    row[model.classes.index(NONE)] = 1.0 - event_probability

    class Fixed(EventModel):
        def scores(self, feature_lists, active=None, dense=None):
            return np.array([row] * len(feature_lists))

    return Fixed(**{f.name: getattr(model, f.name) for f in fields(model)})


def _kept(doc: Doc, cand: Candidate, probability: float, lexicon=None) -> list[str]:
    sent = next(iter(doc.sents))
    out = gate.gate_sentences([sent], [[cand]], None, _model(probability), lexicon)[0]
    return [c.token.text for c in out]


def test_the_shipped_lexicon_lists_ambiguous_trigger_words_and_only_trigger_words():
    lexicon = Lexicon.load()
    ambiguous = lexicon.word_set("ambiguous_triggers")
    assert {"fire", "strike", "meet", "release", "push"} <= ambiguous
    assert not {"shell", "amnesty", "extradite", "arrest"} & ambiguous  # one sense in the news
    triggers = lexicon.trigger_lemmas()
    assert sorted(ambiguous - triggers) == []  # a word no entry names would change nothing


def test_an_ambiguous_word_needs_more_of_the_model_than_a_word_with_one_sense():
    lexicon = Lexicon.load()
    assert gate.GATE < gate.AMBIGUOUS_GATE
    fired = _verb_doc("fired", "fire")
    shelled = _verb_doc("shelled", "shell")
    between = (gate.GATE + gate.AMBIGUOUS_GATE) / 2
    assert gate.veto_threshold(Candidate(fired[1], PLAIN, "ASSAULT", None), lexicon) == (
        gate.AMBIGUOUS_GATE
    )
    assert _kept(fired, Candidate(fired[1], PLAIN, "ASSAULT", None), between) == []
    assert _kept(shelled, Candidate(shelled[1], PLAIN, "ASSAULT", None), between) == ["shelled"]
    # both words are kept when the model is sure enough (under PROPOSE: no word of the model's
    # own), and dropped when it is not at all
    sure = (gate.AMBIGUOUS_GATE + gate.PROPOSE) / 2
    assert _kept(fired, Candidate(fired[1], PLAIN, "ASSAULT", None), sure) == ["fired"]
    assert _kept(shelled, Candidate(shelled[1], PLAIN, "ASSAULT", None), gate.GATE / 2) == []


def test_a_frame_that_pins_the_sense_down_keeps_the_weak_veto():
    lexicon = Lexicon.load()
    between = (gate.GATE + gate.AMBIGUOUS_GATE) / 2
    fired = _verb_doc("fired", "fire")
    # the entry required the object "rocket", which the word has: no coach was fired
    pinned = Candidate(fired[1], WITH_OBJECT, "ASSAULT", None, object_token=fired[2])
    assert gate.pinned(pinned)
    assert gate.veto_threshold(pinned, lexicon) == gate.GATE
    assert _kept(fired, pinned, between) == ["fired"]
    # an event noun a support verb carries ("launched a strike"), against the noun alone
    doc = _strike_doc()
    carried = Candidate(doc[3], NOUNS, "ASSAULT", None, nominal=True, support=doc[1])
    bare = Candidate(doc[3], NOUNS, "ASSAULT", None, nominal=True)
    assert gate.pinned(carried) and not gate.pinned(bare)
    assert _kept(doc, carried, between) == ["strike"]
    assert _kept(doc, bare, between) == []


def test_a_user_lexicon_can_mark_its_own_ambiguous_words(tmp_path):
    own = tmp_path / "own.yaml"
    own.write_text("version: 1\nambiguous_triggers: [shell]\nentries: []\n", encoding="utf-8")
    lexicon = Lexicon.load([own])
    shelled = _verb_doc("shelled", "shell")
    cand = Candidate(shelled[1], PLAIN, "ASSAULT", None)
    assert gate.veto_threshold(cand, lexicon) == gate.AMBIGUOUS_GATE
    between = (gate.GATE + gate.AMBIGUOUS_GATE) / 2
    assert _kept(shelled, cand, between, lexicon) == []
    assert _kept(shelled, Candidate(shelled[1], PLAIN, "ASSAULT", None), between) == ["shelled"]


def test_an_event_noun_no_verb_carries_needs_more_of_the_model():
    # "the strike" named alone is a thing as often as an act; "launched a strike" reports one
    lexicon = Lexicon.load()
    doc = _strike_doc()
    bare = Candidate(doc[3], NOUNS, "ASSAULT", None, nominal=True)
    carried = Candidate(doc[3], NOUNS, "ASSAULT", None, nominal=True, support=doc[1])
    assert gate.veto_threshold(bare, lexicon) == gate.AMBIGUOUS_GATE
    assert gate.veto_threshold(carried, lexicon) == gate.GATE


class _Actors:
    """An actor index that knows the words at ``known`` (what the gate asks of one)."""

    def __init__(self, *known: int) -> None:
        self.known = set(known)

    def all_at(self, i: int) -> list[str]:
        return ["actor"] if i in self.known else []


def _received_doc() -> Doc:
    """ "The president was received by the king ." parsed by hand."""
    return _doc(
        ["The", "president", "was", "received", "by", "the", "king", "."],
        ["the", "president", "be", "receive", "by", "the", "king", "."],
        ["DET", "NOUN", "AUX", "VERB", "ADP", "DET", "NOUN", "PUNCT"],
        ["det", "nsubjpass", "auxpass", "ROOT", "agent", "det", "pobj", "punct"],
        [1, 3, 3, 3, 3, 6, 4, 3],
    )


def test_a_consultation_verb_whose_guest_is_a_known_party_keeps_the_weak_veto():
    lexicon = Lexicon.load()
    host = TriggerEntry(id="own-host", event="CONSULT", verbs=frozenset({"receive"}))
    doc = _received_doc()
    cand = Candidate(doc[3], host, "CONSULT", None)
    # "receive" has uses that report nothing ("received a letter"): the strong veto, unless
    # whom it receives is a known actor (the guest of a visit)
    assert gate.veto_threshold(cand, lexicon, _Actors()) == gate.AMBIGUOUS_GATE
    assert gate.veto_threshold(cand, lexicon, _Actors(1)) == gate.GATE
    # the party pins only a consultation: "fired the coach" is no act of force for its object
    fired = _verb_doc("fired", "fire")
    shot = Candidate(fired[1], PLAIN, "ASSAULT", None)
    assert gate.veto_threshold(shot, lexicon, _Actors(2)) == gate.AMBIGUOUS_GATE

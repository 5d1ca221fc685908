"""The trained event model: per candidate word, is a PLOVER event reported here, and which type.

A linear model over sparse features of the dependency parse (the word's lemma and role, its
head, its dependents, whether its subject and object are known actors, negation, modals, the
clause it sits in, the lexicon's proposal, the sentence's words). It tells word senses apart
that one lexicon entry cannot ("air strike" / "workers' strike", "captured a town" / "captured
a suspect") and proposes events the lexicon has no entry for. Arguments still come from the
parse; the lexicon stays as readable knowledge and is one of the model's features.

The weights ship in ``dateline/data/event_model.npz`` (built by ``dateline train``, see
:mod:`dateline.train`); prediction needs numpy only. Probabilities are calibrated with a
temperature fitted on cross-validated predictions of the training data.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.tokens import Span, Token

from dateline.errors import ModelError

NONE = "NONE"
MODEL_FILE = "event_model.npz"
#: Parts of speech of the words the model looks at (other words never trigger an event).
CANDIDATE_POS = frozenset({"VERB", "NOUN"})
CLAUSE_DEPS = frozenset({"advcl", "acl", "relcl", "xcomp", "ccomp", "pcomp", "csubj", "conj"})
ARG_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "attr", "agent", "poss"})
MODAL_WORDS = frozenset(
    {"will", "would", "could", "can", "may", "might", "should", "must", "shall"}
)


def is_candidate(tok: Token) -> bool:
    """A word the model scores: a verb or a noun (auxiliaries and names never report an act)."""
    return tok.pos_ in CANDIDATE_POS and tok.is_alpha and len(tok.text) > 2


def candidate_tokens(sent: Span) -> list[Token]:
    return [t for t in sent if is_candidate(t)]


def _actor_tag(tok: Token, actors) -> str:
    """What a noun phrase names: a known actor's kind/sector, else its entity label, else '-'."""
    if actors is not None:
        found = actors.all_at(tok.i)
        if not found:
            for c in tok.children:
                if c.dep_ in {"compound", "amod", "poss", "nmod"}:
                    found = actors.all_at(c.i)
                    if found:
                        break
        if found:
            actor = found[0]
            return f"actor:{actor.sector or actor.kind}"
    if tok.ent_type_:
        return f"ent:{tok.ent_type_}"
    if tok.pos_ == "PRON":
        return "pron"
    return "-"


def token_features(tok: Token, actors=None, lexicon_type: str | None = None) -> list[str]:
    """The sparse features of one candidate word (strings; the model knows their weights)."""
    lemma = tok.lemma_.lower()
    pos = tok.pos_
    head = tok.head
    feats = [
        "bias",
        f"l={lemma}",
        f"lp={lemma}|{pos}",
        f"w={tok.lower_}",
        f"tag={tok.tag_}",
        f"dep={tok.dep_}",
        f"ld={lemma}|{tok.dep_}",
        f"hl={head.lemma_.lower()}",
        f"hp={head.pos_}|{tok.dep_}",
        f"lhl={lemma}|{head.lemma_.lower()}",
        f"suf={tok.lower_[-3:]}",
        f"lex={lexicon_type or NONE}",
        f"lexl={lexicon_type or NONE}|{lemma}",
    ]
    if tok.i > 0:
        feats.append(f"prev={tok.nbor(-1).lower_}|{lemma}")
    # clause the word sits in, two steps up
    node, path = tok, []
    for _ in range(3):
        if node.head is node:
            break
        path.append(node.dep_)
        node = node.head
    feats.append("path=" + ">".join(path[:2]))
    clause = next((d for d in path if d in CLAUSE_DEPS), "main")
    feats.append(f"clause={clause}")
    feats.append(f"lclause={lemma}|{clause}")
    has_subj = False
    for c in tok.children:
        dep = c.dep_
        cl = c.lemma_.lower()
        if dep in {"det", "punct", "cc"}:
            continue
        feats.append(f"c={dep}")
        feats.append(f"cl={dep}:{cl}")
        if dep in ARG_DEPS:
            tag = _actor_tag(c, actors)
            feats.append(f"arg={dep}:{tag}")
            feats.append(f"larg={lemma}|{dep}:{tag}")
            feats.append(f"lcl={lemma}|{dep}:{cl}")
            if dep.startswith("nsubj"):
                has_subj = True
        elif dep in {"prep", "agent", "prt"}:
            feats.append(f"lprep={lemma}|{cl}")
            for g in c.children:
                if g.dep_ == "pobj":
                    tag = _actor_tag(g, actors)
                    feats.append(f"pobj={cl}:{tag}")
                    feats.append(f"lpobj={lemma}|{cl}:{g.lemma_.lower()}")
        elif dep in {"compound", "amod", "nmod"}:
            feats.append(f"mod={cl}|{lemma}")
            feats.append(f"modtag={_actor_tag(c, actors)}")
        elif dep == "neg":
            feats.append("neg")
        elif dep in {"aux", "auxpass"}:
            if cl in MODAL_WORDS or c.lower_ in MODAL_WORDS:
                feats.append(f"modal={c.lower_}")
            if dep == "auxpass":
                feats.append("passive")
            if c.lower_ == "to":
                feats.append("to-inf")
    if not has_subj and pos == "VERB":
        feats.append("nosubj")
    if tok.dep_ in {"dobj", "pobj", "nsubj", "nsubjpass", "attr"}:
        # a noun's governing verb: "carried out an air strike", "called a strike"
        feats.append(f"gov={head.lemma_.lower()}|{tok.dep_}")
        if head.dep_ == "prep":
            feats.append(f"govp={head.lower_}|{head.head.lemma_.lower()}")
    return feats


@dataclass(frozen=True)
class EventModel:
    """A trained linear model over :func:`token_features`: weights, vocabulary, classes."""

    classes: tuple[str, ...]
    vocab: dict[str, int]
    weights: np.ndarray  # (n_features, n_classes), float32
    bias: np.ndarray  # (n_classes,)
    temperature: float = 1.0
    info: dict | None = None
    calibration: tuple[float, float] = (1.0, 0.0)  # slope, intercept on the logit (event level)

    def event_confidence(self, probability: float) -> float:
        """The probability that an event coded from a word of this probability is right (the
        event-level curve fitted by cross-fitting in :func:`dateline.train.calibrate_events`)."""
        p = min(max(probability, 1e-4), 1 - 1e-4)
        slope, intercept = self.calibration
        return float(1.0 / (1.0 + np.exp(-(slope * np.log(p / (1 - p)) + intercept))))

    def scores(self, feature_lists: list[list[str]]) -> np.ndarray:
        """Calibrated class probabilities, one row per feature list."""
        out = np.tile(self.bias, (len(feature_lists), 1)).astype(np.float64)
        vocab, weights = self.vocab, self.weights
        for row, feats in enumerate(feature_lists):
            # sorted, summed in float64: a set's order changes with each process's hash seed,
            # and float32 sums in another order differ in the last digits (a re-run or a
            # resumed batch would store other confidences for the same text)
            idx = sorted({vocab[f] for f in feats if f in vocab})
            if idx:
                out[row] += weights[idx].sum(axis=0, dtype=np.float64)
        out /= self.temperature
        out -= out.max(axis=1, keepdims=True)
        np.exp(out, out=out)
        out /= out.sum(axis=1, keepdims=True)
        return out

    def predict(self, feats: list[str]) -> dict[str, float]:
        """Probability of every class for one candidate word."""
        return dict(zip(self.classes, self.scores([feats])[0].tolist(), strict=True))

    def save(self, path: str | Path) -> None:
        np.savez_compressed(
            path,
            classes=np.array(self.classes),
            vocab=np.array(sorted(self.vocab, key=self.vocab.__getitem__)),
            weights=self.weights.astype(np.float16),
            bias=self.bias.astype(np.float32),
            temperature=np.array(self.temperature),
            info=np.array(json.dumps(self.info or {})),
            calibration=np.array(self.calibration, dtype=np.float64),
        )

    @classmethod
    def read(cls, path) -> EventModel:
        try:
            with np.load(path, allow_pickle=False) as data:
                vocab = [str(v) for v in data["vocab"]]
                return cls(
                    classes=tuple(str(c) for c in data["classes"]),
                    vocab={f: i for i, f in enumerate(vocab)},
                    weights=data["weights"].astype(np.float32),
                    bias=data["bias"].astype(np.float32),
                    temperature=float(data["temperature"]),
                    info=json.loads(str(data["info"])),
                    calibration=(
                        tuple(float(v) for v in data["calibration"])
                        if "calibration" in data.files
                        else (1.0, 0.0)
                    ),
                )
        except (OSError, KeyError, ValueError) as exc:
            raise ModelError(
                f"cannot read the event model {path}: {exc}; rebuild it with 'dateline train'"
            ) from exc


_lock = threading.Lock()
#: A model file to use instead of the shipped one (``dateline train --out`` writes one).
MODEL_FILE_ENV = "DATELINE_EVENT_MODEL_FILE"


@cache
def _read(path: str) -> EventModel:
    return EventModel.read(path)


def load_model() -> EventModel | None:
    """The event model, loaded once per process: the file named by DATELINE_EVENT_MODEL_FILE,
    else the one the package ships (None when it ships none)."""
    with _lock:
        override = os.environ.get(MODEL_FILE_ENV)
        if override:
            return _read(override)
        ref = resources.files("dateline.data").joinpath(MODEL_FILE)
        if not ref.is_file():
            return None
        with resources.as_file(ref) as path:
            return _read(str(path))

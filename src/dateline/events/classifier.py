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
from functools import cache, cached_property
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.attrs import DEP, ENT_TYPE, HEAD, IS_ALPHA, LEMMA, LENGTH, LOWER, POS, TAG
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


#: Rows of :meth:`EventModel._linear` summed at once (its layers hold this many rows).
_ROWS_AT_ONCE = 512
_COLUMNS = (LEMMA, LOWER, POS, TAG, DEP, HEAD, ENT_TYPE, IS_ALPHA, LENGTH)
_ARRAYS_KEY = "dateline.model_arrays"


class _Words:
    """The parse's attributes of a document as Python lists, from one ``doc.to_array`` call
    (cached on the doc): building the features from these is several times faster than
    asking each Token for each attribute."""

    def __init__(self, doc) -> None:
        arr = doc.to_array(list(_COLUMNS))  # uint64: string hashes, and offsets mod 2**64
        strings = doc.vocab.strings
        names: dict[int, str] = {}

        def text(column: int) -> list[str]:
            out = []
            for h in arr[:, column].tolist():
                name = names.get(h)
                if name is None:
                    name = names[h] = strings[h] if h else ""
                out.append(name)
            return out

        self.lemma = [w.lower() for w in text(0)]
        self.lower = text(1)
        self.pos = text(2)
        self.tag = text(3)
        self.dep = text(4)
        self.head = (np.arange(len(doc)) + arr[:, 5].astype(np.int64)).tolist()
        self.ent = text(6)
        self.alpha = arr[:, 7].astype(bool).tolist()
        self.length = arr[:, 8].tolist()
        children: list[list[int]] = [[] for _ in range(len(doc))]
        for i, h in enumerate(self.head):
            if h != i:
                children[h].append(i)
        self.children = children

    @classmethod
    def of(cls, doc) -> _Words:
        words = doc.user_data.get(_ARRAYS_KEY)
        if words is None or len(words.lemma) != len(doc):
            words = doc.user_data[_ARRAYS_KEY] = cls(doc)
        return words

    def is_candidate(self, i: int) -> bool:
        return self.pos[i] in CANDIDATE_POS and self.alpha[i] and self.length[i] > 2


def candidate_indices(sent: Span) -> list[int]:
    """The document indices of the sentence's words the model scores (:func:`is_candidate`)."""
    words = _Words.of(sent.doc)
    return [i for i in range(sent.start, sent.end) if words.is_candidate(i)]


def _actor_tag(i: int, words: _Words, actors, memo: dict[int, str]) -> str:
    """What a noun phrase names: a known actor's kind/sector, else its entity label, else '-'."""
    tag = memo.get(i)
    if tag is not None:
        return tag
    tag = "-"
    found = None
    if actors is not None:
        found = actors.all_at(i)
        if not found:
            for c in words.children[i]:
                if words.dep[c] in {"compound", "amod", "poss", "nmod"}:
                    found = actors.all_at(c)
                    if found:
                        break
    if found:
        tag = f"actor:{found[0].sector or found[0].kind}"
    elif words.ent[i]:
        tag = f"ent:{words.ent[i]}"
    elif words.pos[i] == "PRON":
        tag = "pron"
    memo[i] = tag
    return tag


def token_features(tok: Token, actors=None, lexicon_type: str | None = None) -> list[str]:
    """The sparse features of one candidate word (strings; the model knows their weights)."""
    return word_features(tok.doc, [tok.i], actors, {tok.i: lexicon_type} if lexicon_type else {})[0]


def word_features(doc, indices: list[int], actors=None, lexicon_types=None) -> list[list[str]]:
    """The sparse features of the words at ``indices`` of ``doc``: the word's lemma and role,
    its head, its dependents and whether they are known actors, negation, modals, passive,
    the clause it sits in, and the type the lexicon proposes there (``lexicon_types``)."""
    words = _Words.of(doc)
    lemma_of, lower, dep, head_of, children = (
        words.lemma,
        words.lower,
        words.dep,
        words.head,
        words.children,
    )
    lexicon_types = lexicon_types or {}
    memo: dict[int, str] = {}
    out = []
    for i in indices:
        lemma = lemma_of[i]
        pos = words.pos[i]
        head = head_of[i]
        my_dep = dep[i]
        lex = lexicon_types.get(i) or NONE
        feats = [
            "bias",
            f"l={lemma}",
            f"lp={lemma}|{pos}",
            f"w={lower[i]}",
            f"tag={words.tag[i]}",
            f"dep={my_dep}",
            f"ld={lemma}|{my_dep}",
            f"hl={lemma_of[head]}",
            f"hp={words.pos[head]}|{my_dep}",
            f"lhl={lemma}|{lemma_of[head]}",
            f"suf={lower[i][-3:]}",
            f"lex={lex}",
            f"lexl={lex}|{lemma}",
        ]
        if i > 0:
            feats.append(f"prev={lower[i - 1]}|{lemma}")
        # the dependency path three steps up (the root repeats its own "ROOT")
        path, node = [], i
        for _ in range(3):
            path.append(dep[node])
            node = head_of[node]
        feats.append("path=" + ">".join(path[:2]))
        clause = next((d for d in path if d in CLAUSE_DEPS), "main")
        feats.append(f"clause={clause}")
        feats.append(f"lclause={lemma}|{clause}")
        has_subj = False
        for c in children[i]:
            c_dep = dep[c]
            if c_dep in {"det", "punct", "cc"}:
                continue
            cl = lemma_of[c]
            feats.append(f"c={c_dep}")
            feats.append(f"cl={c_dep}:{cl}")
            if c_dep in ARG_DEPS:
                tag = _actor_tag(c, words, actors, memo)
                feats.append(f"arg={c_dep}:{tag}")
                feats.append(f"larg={lemma}|{c_dep}:{tag}")
                feats.append(f"lcl={lemma}|{c_dep}:{cl}")
                if c_dep.startswith("nsubj"):
                    has_subj = True
            elif c_dep in {"prep", "agent", "prt"}:
                feats.append(f"lprep={lemma}|{cl}")
                for g in children[c]:
                    if dep[g] == "pobj":
                        tag = _actor_tag(g, words, actors, memo)
                        feats.append(f"pobj={cl}:{tag}")
                        feats.append(f"lpobj={lemma}|{cl}:{lemma_of[g]}")
            elif c_dep in {"compound", "amod", "nmod"}:
                feats.append(f"mod={cl}|{lemma}")
                feats.append(f"modtag={_actor_tag(c, words, actors, memo)}")
            elif c_dep == "neg":
                feats.append("neg")
            elif c_dep in {"aux", "auxpass"}:
                if cl in MODAL_WORDS or lower[c] in MODAL_WORDS:
                    feats.append(f"modal={lower[c]}")
                if c_dep == "auxpass":
                    feats.append("passive")
                if lower[c] == "to":
                    feats.append("to-inf")
        if not has_subj and pos == "VERB":
            feats.append("nosubj")
        if my_dep in {"dobj", "pobj", "nsubj", "nsubjpass", "attr"}:
            # a noun's governing verb: "carried out an air strike", "called a strike"
            feats.append(f"gov={lemma_of[head]}|{my_dep}")
            if dep[head] == "prep":
                feats.append(f"govp={lower[head]}|{lemma_of[head_of[head]]}")
        out.append(feats)
    return out


#: The dense blocks the model may read from spaCy's contextual token vectors (``doc.tensor``,
#: the shared ``tok2vec`` output the tagger and parser use, 96 wide in the small English
#: model): the word's row, its syntactic head's, the mean of its subjects' and of its objects'
#: (zeros where it has none), and the mean of its sentence's.
DENSE_PARTS = ("word", "head", "subj", "obj", "sent")
_SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent"})
_OBJ_DEPS = frozenset({"dobj", "dative", "attr", "oprd"})
_SENT_KEY = "dateline.model_sentences"


def doc_tensor(doc) -> np.ndarray | None:
    """The document's tok2vec rows, one per token, or None where the document carries none (a
    pipeline without ``tok2vec``; a Doc restored from a DocBin, which does not store tensors)."""
    from dateline.components import exact_tensor

    tensor = exact_tensor(doc)  # bit for bit stock spaCy's (dateline.components.use_numpy_gemm)
    if getattr(tensor, "ndim", 0) != 2 or tensor.shape[0] != len(doc) or not len(doc):
        return None
    return np.asarray(tensor, dtype=np.float32)


def _sentence_means(doc, tensor: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each token's sentence number, and each sentence's mean tensor row (cached on the doc)."""
    cached = doc.user_data.get(_SENT_KEY)
    if cached is not None and len(cached[0]) == len(doc):
        return cached
    number = np.zeros(len(doc), dtype=np.int64)
    means = []
    for n, sent in enumerate(doc.sents):
        number[sent.start : sent.end] = n
        means.append(tensor[sent.start : sent.end].mean(axis=0))
    cached = doc.user_data[_SENT_KEY] = (number, np.array(means, dtype=np.float32))
    return cached


def dense_features(doc, indices: list[int], parts: tuple[str, ...] = DENSE_PARTS) -> np.ndarray:
    """The dense features of the words at ``indices``: for each of ``parts`` (see
    :data:`DENSE_PARTS`) a block of tensor rows, side by side. NaN rows where the document has
    no tensor: the model replaces them by its training mean, so the word is scored on its
    sparse features alone, the same way in training and at run time."""
    tensor = doc_tensor(doc)
    width = tensor.shape[1] if tensor is not None else 96
    out = np.full((len(indices), width * len(parts)), np.nan, dtype=np.float32)
    if tensor is None or not indices:
        return out
    words = _Words.of(doc)
    idx = np.asarray(indices, dtype=np.int64)
    for k, part in enumerate(parts):
        block = out[:, k * width : (k + 1) * width]
        if part == "word":
            block[:] = tensor[idx]
        elif part == "head":
            block[:] = tensor[[words.head[i] for i in indices]]
        elif part in {"subj", "obj"}:
            deps = _SUBJ_DEPS if part == "subj" else _OBJ_DEPS
            for row, i in enumerate(indices):
                kids = [c for c in words.children[i] if words.dep[c] in deps]
                block[row] = tensor[kids].mean(axis=0) if kids else 0.0
        elif part == "sent":
            number, means = _sentence_means(doc, tensor)
            block[:] = means[number[idx]]
        else:
            raise ValueError(f"unknown dense part {part!r}; known: {', '.join(DENSE_PARTS)}")
    return out


@dataclass(frozen=True)
class EventModel:
    """A trained linear model over :func:`token_features`: weights, vocabulary, classes;
    optionally dense weights over the word's tensor rows (:func:`dense_features`, blocks
    ``dense_parts``, standardised with ``dense_mean`` / ``dense_scale``); and, optionally, a
    second linear model over the sparse features for the PLOVER mode of an event word (classes
    ``TYPE|mode``, ``TYPE|-`` for no mode)."""

    classes: tuple[str, ...]
    vocab: dict[str, int]
    weights: np.ndarray  # (n_features, n_classes), float32
    bias: np.ndarray  # (n_classes,)
    temperature: float = 1.0
    info: dict | None = None
    calibration: tuple[float, float] = (1.0, 0.0)  # slope, intercept on the logit (event level)
    mode_classes: tuple[str, ...] = ()
    mode_weights: np.ndarray | None = None  # (n_features, n_mode_classes)
    mode_bias: np.ndarray | None = None
    dense_parts: tuple[str, ...] = ()
    dense_mean: np.ndarray | None = None  # (n_dense,)
    dense_scale: np.ndarray | None = None  # (n_dense,): standardised = (x - mean) / scale
    dense_weights: np.ndarray | None = None  # (n_dense, n_classes)

    def dense_inputs(self, doc, indices: list[int]) -> np.ndarray | None:
        """The dense rows this model reads for the words at ``indices`` (None: it reads none)."""
        return dense_features(doc, indices, self.dense_parts) if self.dense_parts else None

    def _dense_logits(self, dense: np.ndarray | None, n: int) -> np.ndarray:
        """The dense part of the logits; a row of NaNs (no tensor) counts as the training
        mean, i.e. adds nothing."""
        if dense is None:
            dense = np.full((n, len(self.dense_mean)), np.nan)
        z = (np.asarray(dense, dtype=np.float64) - self.dense_mean) / self.dense_scale
        np.nan_to_num(z, copy=False, nan=0.0)
        return z @ self.dense_weights.astype(np.float64)

    def event_confidence(self, probability: float) -> float:
        """The probability that an event coded from a word of this probability is right (the
        event-level curve fitted by cross-fitting in :func:`dateline.train.calibrate_events`)."""
        p = min(max(probability, 1e-4), 1 - 1e-4)
        slope, intercept = self.calibration
        return float(1.0 / (1.0 + np.exp(-(slope * np.log(p / (1 - p)) + intercept))))

    def _active(self, feature_lists: list[list[str]]) -> tuple[np.ndarray, np.ndarray]:
        """(row, feature id) of every known feature of every list, each pair once, sorted: the
        sums below then add the same numbers in the same order in every process (a set's order
        changes with the hash seed, and float sums in another order differ in the last digits,
        so a re-run would store other confidences for the same text)."""
        get = self.vocab.get
        lengths = np.fromiter((len(f) for f in feature_lists), dtype=np.int64)
        ids = np.array([get(f, -1) for feats in feature_lists for f in feats], dtype=np.int64)
        rows = np.repeat(np.arange(len(feature_lists), dtype=np.int64), lengths)
        known = ids >= 0
        size = max(len(self.vocab), 1)
        keys = np.sort(rows[known] * size + ids[known])  # np.unique's hashing: ~15x slower
        if keys.size:
            keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))]
        return keys // size, keys % size

    @staticmethod
    def _linear(active, n: int, weights: np.ndarray, bias: np.ndarray) -> np.ndarray:
        """Bias plus each row's weights, added one by one in the order of ``active`` (what
        ``np.add.at`` does, 2-3x faster): the k-th weights of all rows are added as one layer,
        and a row with fewer adds zeros, which leave a sum as it is."""
        rows, ids = active
        out = np.tile(bias.astype(np.float64), (n, 1))
        if not rows.size:
            return out
        place = np.arange(rows.size) - np.searchsorted(rows, rows)  # rank within its row
        for lo in range(0, n, _ROWS_AT_ONCE):  # blocks of rows bound the layers' memory
            a, b = np.searchsorted(rows, [lo, lo + _ROWS_AT_ONCE])
            if a == b:
                continue
            block = out[lo : lo + _ROWS_AT_ONCE]  # a view: adding to it adds to out
            layers = np.zeros((int(place[a:b].max()) + 1, len(block), weights.shape[1]))
            layers[place[a:b], rows[a:b] - lo] = weights[ids[a:b]]
            for layer in layers:
                block += layer
        return out

    @staticmethod
    def _softmax(z: np.ndarray) -> np.ndarray:
        z -= z.max(axis=1, keepdims=True)
        np.exp(z, out=z)
        z /= z.sum(axis=1, keepdims=True)
        return z

    def scores(self, feature_lists: list[list[str]], active=None, dense=None) -> np.ndarray:
        """Calibrated class probabilities, one row per feature list (``dense``: the words'
        :meth:`dense_inputs`, for a model that reads them; None counts as no tensor)."""
        active = self._active(feature_lists) if active is None else active
        out = self._linear(active, len(feature_lists), self.weights, self.bias)
        if self.dense_parts:
            out += self._dense_logits(dense, len(feature_lists))
        out /= self.temperature
        return self._softmax(out)

    @cached_property
    def _mode_columns(self) -> dict[str, list[int]]:
        """The mode classes' columns of each type."""
        out: dict[str, list[int]] = {}
        for j, name in enumerate(self.mode_classes):
            out.setdefault(name.split("|")[0], []).append(j)
        return out

    def modes(self, feature_lists: list[list[str]], types: list[str], active=None) -> list:
        """The likeliest PLOVER mode of each word for the type it is coded as, with its
        probability among that type's modes: ``(mode or None, probability)``; ``(None, 0.0)``
        where the model has no mode classes for the type."""
        if not self.mode_classes or self.mode_weights is None or not feature_lists:
            return [(None, 0.0)] * len(feature_lists)
        active = self._active(feature_lists) if active is None else active
        logits = self._linear(active, len(feature_lists), self.mode_weights, self.mode_bias)
        out = []
        columns = self._mode_columns
        for row, event in zip(logits, types, strict=True):
            cols = columns.get(event, [])
            if len(cols) < 2:
                out.append((None, 0.0))
                continue
            probs = self._softmax(row[cols][None, :].copy())[0]
            best = int(probs.argmax())
            mode = self.mode_classes[cols[best]].split("|", 1)[1]
            out.append((None if mode == "-" else mode, float(probs[best])))
        return out

    def predict(self, feats: list[str], dense: np.ndarray | None = None) -> dict[str, float]:
        """Probability of every class for one candidate word (``dense``: its dense row)."""
        rows = None if dense is None else np.asarray(dense)[None, :]
        return dict(zip(self.classes, self.scores([feats], dense=rows)[0].tolist(), strict=True))

    def save(self, path: str | Path) -> None:
        extra = {}
        if self.mode_classes and self.mode_weights is not None:
            extra = {
                "mode_classes": np.array(self.mode_classes),
                "mode_weights": self.mode_weights.astype(np.float16),
                "mode_bias": np.asarray(self.mode_bias, dtype=np.float32),
            }
        if self.dense_parts:
            extra |= {
                "dense_parts": np.array(self.dense_parts),
                "dense_mean": np.asarray(self.dense_mean, dtype=np.float32),
                "dense_scale": np.asarray(self.dense_scale, dtype=np.float32),
                "dense_weights": self.dense_weights.astype(np.float32),
            }
        np.savez_compressed(
            path,
            classes=np.array(self.classes),
            vocab=np.array(sorted(self.vocab, key=self.vocab.__getitem__)),
            weights=self.weights.astype(np.float16),
            bias=self.bias.astype(np.float32),
            temperature=np.array(self.temperature),
            info=np.array(json.dumps(self.info or {})),
            calibration=np.array(self.calibration, dtype=np.float64),
            **extra,
        )

    @classmethod
    def read(cls, path) -> EventModel:
        try:
            with np.load(path, allow_pickle=False) as data:
                vocab = [str(v) for v in data["vocab"]]
                has_modes = "mode_classes" in data.files
                dense = {}
                if "dense_parts" in data.files:
                    dense = {
                        "dense_parts": tuple(str(p) for p in data["dense_parts"]),
                        "dense_mean": data["dense_mean"].astype(np.float64),
                        "dense_scale": data["dense_scale"].astype(np.float64),
                        "dense_weights": data["dense_weights"].astype(np.float32),
                    }
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
                    mode_classes=(tuple(str(c) for c in data["mode_classes"]) if has_modes else ()),
                    mode_weights=data["mode_weights"].astype(np.float32) if has_modes else None,
                    mode_bias=data["mode_bias"].astype(np.float32) if has_modes else None,
                    **dense,
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

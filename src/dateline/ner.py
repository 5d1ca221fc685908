"""spaCy's entity recognizer, decoded in numpy: the same entities, a fraction of the CPU time.

spaCy 3.8's greedy NER decoder (``Parser._parseC``) checks all 74 moves at every token, and in
the installed wheel each check re-acquires the GIL (``StateC::B`` calls ``PyGILState_Ensure``):
about 100 µs per token, more than half of the NER's time and a third of Dateline's spaCy time
(docs/performance.md, round 20). This module runs the same model and the same decisions
without that loop:

- the entity recognizer's own tok2vec and its precomputed first layer run as spaCy runs them
  (the same calls on the same batch);
- outside an entity, a token's state features are (the token, padding, padding), so its hidden
  layer and move scores are computed for every token of the batch at once;
- inside an entity (the features name where it began) the two moves left (In, Last) are scored
  token by token.

The output layer's product is where the numbers could drift: spaCy multiplies with blis, whose
kernel accumulates each score as a chain of fused multiply-adds over the hidden units (64 in
the small English model).
Scores are computed in float64 with a bound on the chain's rounding; where two valid moves lie
within the bound, the chain is replayed exactly (float32 rounding after every exact float64
step), so every decision is spaCy's own. The ties rule is spaCy's too (the lowest move index
wins). A batch this decoder cannot reproduce (preset entities, another model shape, beam search)
goes to spaCy's own component, and so does every batch on a CPU whose blis kernel sums in
another order than the replay (checked once when the decoder is built).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from spacy.attrs import IS_SPACE, SENT_START
from spacy.tokens import Doc, Span
from thinc.api import NumpyOps

from dateline.components import one_blas_thread

#: Unit roundoff of float32, and a bound on an n-term fused multiply-add chain's error
#: relative to the sum of the terms' magnitudes (gamma_n = n u / (1 - n u), with room).
_U32 = 2.0**-24
_SAFETY = 4.0


class FastNER:
    """Decodes a loaded ``EntityRecognizer`` (``ner``) greedily, as spaCy does, in numpy."""

    def __init__(self, ner: Any) -> None:
        self.ner = ner
        self.reason = self._unsupported(ner)
        if self.reason:
            return
        model = ner.model
        self.tok2vec = model.get_ref("tok2vec")
        self.lower = model.get_ref("lower")
        upper = model.get_ref("upper")
        self.W = np.ascontiguousarray(upper.get_param("W"), dtype=np.float32)
        self.b = np.ascontiguousarray(upper.get_param("b"), dtype=np.float32)
        self.W64 = self.W.astype(np.float64)
        self.n_hidden = self.W.shape[1]  # the length of each score's multiply-add chain
        self.absW64 = np.abs(self.W64)
        self.b64 = self.b.astype(np.float64)
        self.lower_b = np.asarray(self.lower.get_param("b"), dtype=np.float32)
        moves = ner.moves
        names = [moves.get_class_name(i) for i in range(moves.n_moves)]
        strings = ner.vocab.strings
        self.labels: list[int] = []  # label id per entity label
        begin, inside, last, unit = [], [], [], []
        by_label: dict[str, dict[str, int]] = {}
        out = -1
        for i, name in enumerate(names):
            if name == "O":
                out = i
                continue
            move, _, label = name.partition("-")
            if label:
                by_label.setdefault(label, {})[move] = i
        for label, cols in by_label.items():
            self.labels.append(strings.add(label))
            begin.append(cols["B"])
            inside.append(cols["I"])
            last.append(cols["L"])
            unit.append(cols["U"])
        self.begin = np.array(begin, dtype=np.intp)
        self.inside = inside
        self.last = last
        self.unit = np.array(unit, dtype=np.intp)
        self.out = out
        self.n_classes = len(names)
        self._unit_label = {c: self.labels[k] for k, c in enumerate(unit)}
        self._begin_label = {c: k for k, c in enumerate(begin)}
        self._pairs = [
            np.array(sorted(pair), dtype=np.intp) for pair in zip(inside, last, strict=True)
        ]
        if not self._sums_as_blis():
            self.reason = "this CPU's blis kernel sums in another order"

    def _sums_as_blis(self) -> bool:
        """Whether ``_exact`` gives blis's own bits on this CPU. Near-ties are settled by
        replaying blis's sum; blis picks its kernel for the CPU, and a kernel that sums in
        another order would settle some ties otherwise than spaCy, so then spaCy decodes."""
        try:
            from blis.py import gemm
        except ImportError:  # spaCy's parser needs blis; without it nothing can be compared
            return False
        rows = np.random.default_rng(0).standard_normal((8, self.W.shape[1])) * 3
        hidden = rows.astype(np.float32)
        want = (gemm(hidden, self.W, trans2=True) + self.b).astype(np.float32)
        cols = np.arange(self.n_classes)
        return all(
            np.array_equal(self._exact(h, cols), w) for h, w in zip(hidden, want, strict=True)
        )

    @staticmethod
    def _unsupported(ner: Any) -> str | None:
        """Why this component cannot be decoded here (None: it can)."""
        try:
            model = ner.model
            if not isinstance(model.ops, NumpyOps):
                return "not on the CPU's numpy ops"
            if ner.cfg.get("beam_width", 1) != 1:
                return "beam search"
            if model.attrs.get("unseen_classes"):
                return "unseen classes"
            if not model.attrs.get("has_upper", False):
                return "no output layer"
            lower = model.get_ref("lower")
            if lower.get_dim("nF") != 3 or lower.get_dim("nP") < 2:
                return "another state-feature shape"
            moves = ner.moves
            names = [moves.get_class_name(i) for i in range(moves.n_moves)]
        except Exception as exc:  # noqa: BLE001 - any other model: spaCy decodes it
            return f"unreadable model ({exc.__class__.__name__})"
        if "O" not in names:
            return "no O move"
        labels: dict[str, set[str]] = {}
        for name in names:
            move, _, label = name.partition("-")
            if name == "O":
                continue
            if move not in {"B", "I", "L", "U"}:
                return f"unknown move {name!r}"
            if label:
                labels.setdefault(label, set()).add(move)
        if any(moves != {"B", "I", "L", "U"} for moves in labels.values()):
            return "a label without all four moves"
        if model.get_ref("upper").get_dim("nO") != len(names):
            return "output layer size"
        return None

    def __call__(self, docs: Sequence[Doc]) -> None:
        """Set the entities of ``docs`` (one batch, as spaCy's ``ner.pipe`` would see it)."""
        docs = list(docs)
        if not docs:
            return
        if self.reason or any(d.has_annotation("ENT_IOB") for d in docs):
            for _ in self.ner.pipe(docs, batch_size=len(docs)):
                pass
            return
        tokvecs = self.tok2vec.predict(docs)
        Yf = self.lower.predict(tokvecs)  # (tokens + 1, 3, hidden, pieces); row 0: padding
        offset = 0
        with one_blas_thread():  # numpy's float64 products: threads cost CPU, save no time
            closed = self._closed_scores(Yf)
            for doc in docs:
                n = len(doc)
                if n:
                    ents = self._decode(doc, Yf, closed, offset)
                    self._annotate(doc, ents)
                offset += n

    def _closed_scores(self, Yf: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Hidden layer (float32), move scores (float64) and their error bounds for every token
        of the batch as the first token after no open entity (features: token, pad, pad)."""
        unmaxed = Yf[1:, 0] + Yf[0, 1]
        unmaxed += Yf[0, 2]
        unmaxed += self.lower_b
        hidden = unmaxed.max(axis=-1)
        h64 = hidden.astype(np.float64)
        scores = h64 @ self.W64.T
        scores += self.b64
        bound = np.abs(h64) @ self.absW64.T
        return hidden, scores, bound

    def _slack(self, bound: np.ndarray, scores: np.ndarray) -> np.ndarray:
        """How far blis's float32 scores can lie from ``scores`` (float64): the chain's rounding
        over the hidden units (``bound``: the sum of the terms' magnitudes), then the final
        float32 rounding, with room (``_SAFETY``)."""
        return _SAFETY * (self.n_hidden * _U32 * bound + _U32 * np.abs(scores) + 1e-30)

    def _exact(self, hidden: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """The float32 scores blis gives for ``cols``: a fused multiply-add chain over the
        hidden units from zero, plus the bias. Each step's product is exact in float64 and
        its sum is rounded to float64, then to float32; that double rounding can differ from
        the fused one only when the float64 sum falls exactly halfway between two float32
        values (about one step in 2**29), and then by one unit in the last place."""
        h = hidden.astype(np.float64)
        w = self.W64[cols]
        acc = np.zeros(len(cols), dtype=np.float32)
        for k in range(h.shape[-1]):
            acc = (h[k] * w[:, k] + acc.astype(np.float64)).astype(np.float32)
        return acc + self.b[cols]

    def _closed_moves(
        self, doc: Doc, closed: tuple[np.ndarray, np.ndarray, np.ndarray], offset: int
    ) -> tuple[list[int], list[bool]]:
        """For every token of ``doc``: the move spaCy takes there if no entity is open, and
        whether the next token starts a sentence (an entity cannot run into it)."""
        hidden_c, scores_c, bound_c = closed
        n = len(doc)
        arr = doc.to_array([IS_SPACE, SENT_START])
        space = arr[:, 0].astype(bool)
        next_starts = np.zeros(n, dtype=bool)
        next_starts[:-1] = arr[1:, 1] == 1
        can_begin = ~next_starts & ~space
        can_begin[-1] = False
        valid = np.zeros((n, self.n_classes), dtype=bool)
        valid[:, self.out] = True
        valid[:, self.unit] = ~space[:, None]
        valid[:, self.begin] = can_begin[:, None]
        scores = np.where(valid, scores_c[offset : offset + n], -np.inf)
        best = scores.argmax(axis=1)
        top2 = np.partition(scores, -2, axis=1)[:, -2:]
        top = top2[:, 1]
        slack = self._slack(bound_c[offset : offset + n].max(axis=1), top)
        unsure = np.flatnonzero(~space & (top - top2[:, 0] <= 2 * slack))
        for i in unsure.tolist():
            cols = np.flatnonzero(valid[i])
            exact = self._exact(hidden_c[offset + i], cols)
            best[i] = cols[int(np.argmax(exact))]
        best[space] = self.out
        return best.tolist(), next_starts.tolist()

    def _decode(
        self,
        doc: Doc,
        Yf: np.ndarray,
        closed: tuple[np.ndarray, np.ndarray, np.ndarray],
        offset: int,
    ) -> list[tuple[int, int, int]]:
        """The entities (start, end, label) spaCy's greedy decoder finds in ``doc``."""
        moves, next_starts = self._closed_moves(doc, closed, offset)
        n = len(doc)
        out, unit_label, begin_label = self.out, self._unit_label, self._begin_label
        W64, absW64, b64 = self.W64, self.absW64, self.b64
        Y0, Y1, Y2, lb = Yf[:, 0], Yf[:, 1], Yf[:, 2], self.lower_b
        ents: list[tuple[int, int, int]] = []
        label = -1  # index into self.labels of the open entity, or -1
        start = 0
        for i in range(n):
            if label < 0:
                move = moves[i]
                if move == out:
                    continue
                if move in unit_label:
                    ents.append((i, i + 1, unit_label[move]))
                else:
                    label, start = begin_label[move], i
                continue
            # inside an entity: In (if the next token is in the same sentence) or Last
            if i + 1 < n and not next_starts[i]:
                pair = self._pairs[label]
                t = offset + i + 1  # Yf row of token i
                unmaxed = Y0[t] + Y1[offset + start + 1]
                unmaxed += Y2[t - 1]
                unmaxed += lb
                h = unmaxed.max(axis=-1)
                h64 = h.astype(np.float64)
                s = W64[pair] @ h64
                s += b64[pair]
                bound = absW64[pair] @ np.abs(h64)
                slack = self._slack(bound, s)
                if abs(s[0] - s[1]) <= slack.sum():
                    s = self._exact(h, pair)
                chosen = pair[0] if s[0] >= s[1] else pair[1]  # a tie: the lower index
                if chosen == self.inside[label]:
                    continue
            ents.append((start, i + 1, self.labels[label]))
            label = -1
        return ents

    def _annotate(self, doc: Doc, ents: list[tuple[int, int, int]]) -> None:
        """Write ``ents`` as spaCy's ``BiluoPushDown.set_annotations`` does: the spans, every
        other token outside (no token had an entity tag before)."""
        spans = [Span(doc, s, e, label=label) for s, e, label in ents]
        doc.set_ents(spans, default="outside")

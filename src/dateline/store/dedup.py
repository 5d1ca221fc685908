"""Near-duplicate articles (MinHash over word shingles) and the keys that group restated events."""

from __future__ import annotations

import functools
import hashlib
import inspect
import re
from collections.abc import Iterable, Sequence

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE = 3  # words per shingle
THRESHOLD = 0.8  # estimated Jaccard similarity at which an article counts as a near duplicate
MIN_WORDS = 12  # shorter texts are never called near duplicates (too little evidence)

_WORD = re.compile(r"\w+", re.UNICODE)
# datasketch >= 2.0 asks which hashing scheme stored values came from; 1.x has only one.
_SCHEME = {"scheme": "affine32"} if "scheme" in inspect.signature(MinHash).parameters else {}


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def signature(text: str) -> list[int] | None:
    """The MinHash signature of a text's word shingles; None when the text is too short."""
    tokens = words(text)
    if len(tokens) < MIN_WORDS:
        return None
    shingles = {" ".join(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)}
    mh = MinHash(num_perm=NUM_PERM, **_SCHEME)
    mh.update_batch([s.encode("utf-8") for s in shingles])
    return [int(v) for v in mh.hashvalues]


def _minhash(values: Sequence[int]) -> MinHash:
    return MinHash(num_perm=NUM_PERM, hashvalues=np.asarray(values, dtype=np.uint64), **_SCHEME)


@functools.cache
def _bands(threshold: float) -> tuple[int, int]:
    """LSH (bands, rows) for a threshold: datasketch integrates for them, so do it once."""
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    return lsh.b, lsh.r


class NearDuplicates:
    """An LSH index of stored article signatures, rebuilt from the store when first needed."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM, params=_bands(threshold))
        self._sigs: dict[str, MinHash] = {}

    @classmethod
    def build(cls, rows: Iterable[tuple[str, Sequence[int]]], threshold: float = THRESHOLD):
        index = cls(threshold)
        for article_id, values in rows:
            index.add(article_id, values)
        return index

    def __len__(self) -> int:
        return len(self._sigs)

    def add(self, article_id: str, values: Sequence[int]) -> None:
        if article_id in self._sigs or values is None:
            return
        mh = _minhash(values)
        self._lsh.insert(article_id, mh)
        self._sigs[article_id] = mh

    def remove(self, article_id: str) -> None:
        if article_id in self._sigs:
            self._lsh.remove(article_id)
            del self._sigs[article_id]

    def find(self, values: Sequence[int] | None) -> tuple[str, float] | None:
        """The most similar indexed article at or above the threshold, with its similarity."""
        if values is None:
            return None
        mh = _minhash(values)
        best: tuple[str, float] | None = None
        for candidate in self._lsh.query(mh):
            sim = float(mh.jaccard(self._sigs[candidate]))
            if sim < self.threshold:
                continue
            if best is None or sim > best[1] or (sim == best[1] and candidate < best[0]):
                best = (candidate, sim)
        return best


def actor_key(country: str | None, name: str | None, text: str | None) -> str:
    """How an event side is compared across articles: its country, else its name."""
    return country or (name or text or "").strip().lower()


def group_id(
    day: str | None,
    event: str,
    source: str,
    target: str,
    negated: bool,
    article_id: str,
) -> str:
    """Events with the same day, source, target and type share a group (undated: per article)."""
    scope = day if day else f"article:{article_id}"
    key = "|".join((scope, event, source, target, "neg" if negated else ""))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

"""Near-duplicate articles (MinHash over word shingles) and the keys that group restated events."""

from __future__ import annotations

import functools
import hashlib
import inspect
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from datasketch import MinHash, MinHashLSH

from dateline.events.ontology import reciprocal_types

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
    """Events with the same day, source, target and type share a group (undated: per article).

    A reciprocal type's dyad is unordered: "A met B" and "B met A" on one day are one group.
    """
    scope = day if day else f"article:{article_id}"
    source, target = dyad_key(event, source, target)
    key = "|".join((scope, event, source, target, "neg" if negated else ""))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class GroupKey:
    """What groups one event: its counting day, PLOVER type, side keys (``""`` when a side is
    unknown; see :func:`actor_key`) and negation. ``headline``: the event is the article's
    headline's (``Event.part == "title"``); it takes no part in comparing keys."""

    day: str | None
    event: str
    source: str
    target: str
    negated: bool
    headline: bool = field(default=False, compare=False)

    def link(self) -> tuple[str, str, str, bool]:
        """The key under which another article's group is reused (near duplicates)."""
        return (self.event, *dyad_key(self.event, self.source, self.target), self.negated)


def dyad_key(event: str, source: str, target: str) -> tuple[str, str]:
    """(source, target) as grouped: sorted for a reciprocal type when both sides are known."""
    if source and target and event in reciprocal_types():
        return (source, target) if source <= target else (target, source)
    return source, target


def article_group_ids(
    keys: Sequence[GroupKey], article_id: str, links: Mapping[tuple, str] | None = None
) -> list[str]:
    """The group id of each event of one article, so that one act restated links up.

    - Both sides known: :func:`group_id` (or the group of the same key in ``links``, an
      original article's groups for its near duplicate), so restatements of one act in this or
      any article share it; a reciprocal type's two directions are one group.
    - One side unknown ("Trump's conversation Saturday"): the event joins the one group of this
      article with the same day, type and negation whose dyad holds the known side on the same
      side (either side for a reciprocal type); when there are none or several it stays apart.
    - No side known: its own group (nothing says which act it restates).
    """
    links = links or {}

    def own(k: GroupKey) -> str:
        return links.get(k.link()) or group_id(
            k.day, k.event, k.source, k.target, k.negated, article_id
        )

    full: dict[GroupKey, str] = {}
    for k in keys:
        if k.source and k.target:
            full.setdefault(k, own(k))
    out = []
    for k in keys:
        if k in full:
            out.append(full[k])
            continue
        known = k.source or k.target
        matches = {
            gid
            for f, gid in full.items()
            if known
            and (f.day, f.event, f.negated) == (k.day, k.event, k.negated)
            and (
                known in (f.source, f.target)
                if k.event in reciprocal_types()
                else (f.source if k.source else f.target) == known
            )
        }
        out.append(matches.pop() if len(matches) == 1 else own(k))
    _link_headlines(keys, out)
    return out


#: A headline's act dated by its present tense (the publication day) restates a body act of up to
#: this many days before ("Turkey Launches Air Strikes" over "Turkish jets bombed ... on Sunday").
HEADLINE_DAYS = 2


def _link_headlines(keys: Sequence[GroupKey], out: list[str]) -> None:
    """A headline event not grouped with any body event joins the group of the first body event
    (in text order: the lead first) that can be the same act: same type and negation, dated the
    headline's day or up to :data:`HEADLINE_DAYS` before, no known side in conflict (a
    reciprocal type's sides in either order), and a known side shared when the headline knows
    one. In place."""
    body = [i for i, k in enumerate(keys) if not k.headline]
    grouped = {out[i] for i in body}
    for i, k in enumerate(keys):
        if not k.headline or out[i] in grouped:
            continue
        for j in body:
            if _restates(k, keys[j]):
                out[i] = out[j]
                break


def _restates(head: GroupKey, body: GroupKey) -> bool:
    if (head.event, head.negated) != (body.event, body.negated) or not _days_fit(head, body):
        return False
    orders = [(body.source, body.target)]
    if head.event in reciprocal_types():
        orders.append((body.target, body.source))
    for source, target in orders:
        sides = ((head.source, source), (head.target, target))
        if any(h and b and h != b for h, b in sides):
            continue
        if not (head.source or head.target) or any(h and h == b for h, b in sides):
            return True
    return False


def _days_fit(head: GroupKey, body: GroupKey) -> bool:
    if head.day == body.day:
        return True
    if head.day is None or body.day is None:
        return False
    gap = (date.fromisoformat(head.day) - date.fromisoformat(body.day)).days
    return 0 <= gap <= HEADLINE_DAYS

"""Exact, faster twins of spaCy's attribute ruler and lemmatizer; ``speed_up()`` swaps them in.

Both stock components spend most of their time in per-token Python: the ruler runs a Matcher
with Python predicates (``IN``, ``NOT_IN``, ``REGEX``) and builds a ``Span`` per match; the
lemmatizer builds a ``Token`` and a ``MorphAnalysis`` per token. The twins read the attributes
they need with ``Doc.to_array`` (one bytes key per token), look each key up in a per-process
cache, and write the results back with one ``Doc.from_array`` call:

* :class:`FastAttributeRuler` compiles the ruler's own patterns (read at load time, never
  hard-coded) into lookup tables. A token's single-token matches depend only on the values of
  the attributes the patterns test (here TAG, LOWER, DEP, IS_SPACE), so they are computed once
  per distinct tuple of values, where every value no check tells apart (a word no pattern
  names) counts as one (about 1,000 analyses for 250 articles instead of 10,000 for 60);
  multi-token patterns are checked only where their first token
  fits. Later rules win, as in ``AttributeRuler.set_annotations``. Patterns with features the
  tables do not cover (operators, extension attributes, fuzzy or set-on-morph predicates,
  callbacks, attributes other than POS/MORPH/LEMMA/TAG/DEP) make it run the original ruler.
* :class:`FastLemmatizer` caches the stock lemmatizer's answer per (ORTH, POS, MORPH), everything
  the rule and lookup modes read (``EnglishLemmatizer.is_base_form`` reads POS and MORPH). A miss
  runs spaCy's own ``rule_lemmatize`` on a copy of the lemmatizer whose word index is a set
  rather than a list. Subclasses that read anything else run the original.

:func:`use_numpy_gemm` runs the parser's and the entity recognizer's matrix products through
numpy's BLAS instead of blis (see its docstring).
"""

import copy
import logging
import re
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple, Self

import numpy
from spacy.attrs import (
    DEP,
    ENT_TYPE,
    IDS,
    LEMMA,
    LENGTH,
    LOWER,
    MORPH,
    NORM,
    ORTH,
    POS,
    PREFIX,
    SHAPE,
    SUFFIX,
    TAG,
)
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.pipeline import AttributeRuler, Lemmatizer, Pipe
from spacy.strings import StringStore, get_string_id
from spacy.tokens import Doc, Token
from spacy.util import SimpleFrozenList
from thinc.api import Model, NumpyOps

logger = logging.getLogger(__name__)

RULER_FACTORY = "dateline_attribute_ruler"
LEMMATIZER_FACTORY = "dateline_lemmatizer"

_NAMES = {value: name for name, value in IDS.items()}
# Attributes a pattern may test: Doc.to_array reads them exactly as the Matcher does (the
# lexeme flags IS_ALPHA ... LIKE_NUM included). SENT_START and ENT_IOB are read differently.
_MATCH_ATTRS = frozenset(
    {ORTH, LOWER, NORM, SHAPE, PREFIX, SUFFIX, LENGTH, TAG, POS, MORPH, DEP, LEMMA, ENT_TYPE}
) | frozenset(value for value in IDS.values() if 0 < value < 64)
# Attributes a rule may set: set_token_attrs writes them on the token only, as from_array does.
_SET_ATTRS = frozenset({POS, MORPH, LEMMA, TAG, DEP})
_LEMMA_INPUTS = [ORTH, POS, MORPH, LEMMA]
# Taken only to number a new outcome (rare); a module lock keeps the components picklable.
_NEW_OUTCOME = threading.Lock()


class _Unsupported(Exception):
    """A ruler pattern uses a feature the lookup tables do not implement."""


# One check on one attribute: (column, operator, operand) with operator "==", "IN", "NOT_IN"
# or "REGEX"; the operand is a hash, a frozenset of hashes or a compiled regex.
_Check = tuple[int, str, Any]


class _Tables(NamedTuple):
    """An attribute ruler's patterns, compiled."""

    match_attrs: list[int]  # the attributes read per token, in column order
    set_attrs: list[int]  # the attributes the rules write, in column order
    specs: list[tuple[_Check, ...]]  # one per token of every pattern
    spec_rule: list[int]  # the rule of a single-token spec, -1 for a spec in a longer pattern
    index: list[tuple[int, dict[int, list[int]]]]  # (column, value -> spec ids that need it)
    unindexed: list[int]  # specs with no equality or IN check, tried on every new key
    multi: list[tuple[int, tuple[int, ...], int]]  # (rule, spec ids, offset of the target)
    outputs: list[tuple[tuple[int, int], ...]]  # per rule: (set column, value)


# A cache entry: (outcome ID of the single-token rules, their rule IDs, multi-token specs that fit).
_Entry = tuple[int, tuple[int, ...], frozenset[int]]
#: Stands for every value of a column that no check of any pattern tells apart from the others
#: (a word no pattern names): equal to no operand, in no IN set, matching no REGEX.
_OTHER = 2**64 - 1


def _attr_id(key: Any) -> int:
    """The attribute ID of a pattern key, as the Matcher reads it."""
    if isinstance(key, str):
        name = key.upper()
        attr = IDS.get("ORTH" if name == "TEXT" else name)
    else:
        attr = key
    if attr not in _MATCH_ATTRS:
        raise _Unsupported(f"pattern key {key!r}")
    return attr


def _compile_check(attr: int, column: int, op: str, operand: Any) -> _Check:
    """One predicate of a token pattern (``{"IN": [...]}`` and the like)."""
    op = op.upper()
    plain = isinstance(operand, list | tuple) and all(
        isinstance(v, str | int) and not isinstance(v, bool) for v in operand
    )
    if op in ("IN", "NOT_IN") and attr != MORPH and plain:
        return column, op, frozenset(get_string_id(v) for v in operand)
    if op == "REGEX" and isinstance(operand, str):
        return column, op, re.compile(operand)
    raise _Unsupported(f"predicate {op} {operand!r} on {_NAMES.get(attr, attr)}")


def _compile_token(spec: Any, strings: StringStore, columns: dict[int, int]) -> tuple[_Check, ...]:
    """The checks of one token pattern; ``columns`` gains the attributes it reads."""
    if not isinstance(spec, dict) or not spec:
        raise _Unsupported(f"token pattern {spec!r}")
    checks: list[_Check] = []
    for key, value in spec.items():
        attr = _attr_id(key)
        column = columns.setdefault(attr, len(columns))
        if isinstance(value, dict):
            checks.extend(_compile_check(attr, column, op, arg) for op, arg in value.items())
        elif isinstance(value, bool):
            checks.append((column, "==", int(value)))
        elif isinstance(value, int):
            checks.append((column, "==", value))
        elif isinstance(value, str):
            checks.append((column, "==", strings.add(value)))  # what the Matcher compares
        else:
            raise _Unsupported(f"value {value!r} for {key!r}")
    return tuple(checks)


def _index(specs: list[tuple[_Check, ...]]) -> tuple[list, list[int]]:
    """Index each spec under one value it needs: its first equality check, else its IN set."""
    by_column: dict[int, dict[int, list[int]]] = {}
    unindexed = []
    for spec_id, checks in enumerate(specs):
        key = next((c for c in checks if c[1] == "=="), None) or next(
            (c for c in checks if c[1] == "IN"), None
        )
        if key is None:
            unindexed.append(spec_id)
            continue
        column, op, operand = key
        for value in [operand] if op == "==" else operand:
            by_column.setdefault(column, {}).setdefault(value, []).append(spec_id)
    return sorted(by_column.items()), unindexed


def compile_ruler(ruler: AttributeRuler) -> _Tables:
    """Lookup tables equivalent to ``ruler``'s patterns; raises ``_Unsupported`` otherwise."""
    if len(ruler.matcher) != len(ruler.attrs):
        raise _Unsupported("the matcher holds patterns the ruler did not add")
    columns: dict[int, int] = {}
    set_columns: dict[int, int] = {}
    specs: list[tuple[_Check, ...]] = []
    spec_rule: list[int] = []
    multi: list[tuple[int, tuple[int, ...], int]] = []
    outputs: list[tuple[tuple[int, int], ...]] = []
    for rule, (attrs, index) in enumerate(zip(ruler.attrs, ruler.indices, strict=True)):
        on_match, patterns = ruler.matcher.get(str(rule))
        if on_match is not None:
            raise _Unsupported(f"rule {rule} has an on_match callback")
        pairs = []
        for attr, value in attrs.items():
            if attr not in _SET_ATTRS:
                raise _Unsupported(f"rule {rule} sets {_NAMES.get(attr, attr)}")
            pairs.append((set_columns.setdefault(attr, len(set_columns)), value))
        outputs.append(tuple(pairs))
        for pattern in patterns:
            target = index if index >= 0 else len(pattern) + index
            if not 0 <= target < len(pattern):
                raise _Unsupported(
                    f"rule {rule}: index {index} outside its {len(pattern)}-token pattern"
                )
            ids = []
            for spec in pattern:
                specs.append(_compile_token(spec, ruler.vocab.strings, columns))
                spec_rule.append(rule if len(pattern) == 1 else -1)
                ids.append(len(specs) - 1)
            if len(pattern) > 1:
                multi.append((rule, tuple(ids), target))
    if not specs:
        raise _Unsupported("no patterns")
    index_, unindexed = _index(specs)
    return _Tables(
        match_attrs=list(columns),
        set_attrs=list(set_columns),
        specs=specs,
        spec_rule=spec_rule,
        index=index_,
        unindexed=unindexed,
        multi=multi,
        outputs=outputs,
    )


def _distinguished(tables: _Tables) -> list[tuple[int, Any, list[re.Pattern], dict]]:
    """Per column the patterns test: (column, the values its equality and IN / NOT_IN checks
    name, its REGEX checks, a memo of value -> value or :data:`_OTHER` for a REGEX column)."""
    known: dict[int, set[int]] = {}
    regexes: dict[int, list[re.Pattern]] = {}
    for checks in tables.specs:
        for column, op, operand in checks:
            if op == "REGEX":
                regexes.setdefault(column, []).append(operand)
            else:
                known.setdefault(column, set()).update([operand] if op == "==" else operand)
    out = []
    for column in sorted(known.keys() | regexes.keys()):
        values = known.get(column, set())
        if _OTHER in values:
            continue  # never happens with string hashes; then the column keeps its values
        array = numpy.array(sorted(values), dtype=numpy.uint64)
        out.append((column, frozenset(values) if column in regexes else array,
                    regexes.get(column, []), {}))  # fmt: skip
    return out


def _passes(check: _Check, values: tuple[int, ...], strings: StringStore) -> bool:
    column, op, operand = check
    value = values[column]
    if op == "==":
        return value == operand
    if op == "IN":
        return value in operand
    if op == "NOT_IN":
        return value not in operand
    if value == _OTHER:  # a value no check tells apart (FastAttributeRuler._coarse_keys)
        return False
    return operand.search(strings[value]) is not None  # REGEX, on the string as the Matcher does


class _Wrapper(Pipe):
    """A twin of a stock component: it is saved and loaded as that component (``_stock``), and
    rebuilds what it derived from it (:meth:`_refresh`) after loading."""

    def _stock(self) -> Pipe:
        raise NotImplementedError

    def _refresh(self) -> None:
        raise NotImplementedError

    def to_bytes(self, *, exclude: Iterable[str] = SimpleFrozenList()) -> bytes:
        return self._stock().to_bytes(exclude=exclude)

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = SimpleFrozenList()) -> Self:
        self._stock().from_bytes(bytes_data, exclude=exclude)
        self._refresh()
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = SimpleFrozenList()) -> None:
        self._stock().to_disk(path, exclude=exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = SimpleFrozenList()) -> Self:
        self._stock().from_disk(path, exclude=exclude)
        self._refresh()
        return self


class FastAttributeRuler(_Wrapper):
    """An ``AttributeRuler`` that applies its patterns from lookup tables (same annotations).

    Wraps the original ruler (``.ruler``) and runs it whenever ``fallback_reason`` is set.
    Patterns added through this object, or to ``.ruler`` directly, are compiled on the next
    call; after any other change to ``.ruler`` call :meth:`compile`.
    """

    def __init__(self, ruler: AttributeRuler, *, cache_size: int = 200_000) -> None:
        self.cache_size = cache_size
        self.wrap(ruler)

    def wrap(self, ruler: AttributeRuler) -> None:
        """Take ``ruler`` as the original, and compile its patterns."""
        self.ruler = ruler
        self.name = ruler.name
        self.vocab = ruler.vocab
        self.scorer = ruler.scorer
        self.compile()

    def compile(self) -> None:
        """(Re)build the lookup tables from the ruler's current patterns."""
        self._cache: dict[bytes, _Entry] = {}
        self._n_rules = len(self.ruler.attrs)
        try:
            self._tables: _Tables | None = compile_ruler(self.ruler)
            self.fallback_reason: str | None = None
        except _Unsupported as exc:
            self._tables = None
            self.fallback_reason = str(exc)
            if self._n_rules:
                logger.info("%s: running the stock attribute ruler (%s)", self.name, exc)
        # Each distinct outcome (the (set column, value) pairs for one token) gets an ID, and a
        # row in a mask array and a value array, so a doc is written with numpy, not per token.
        self._distinct = _distinguished(self._tables) if self._tables else []
        self._width = len(self._tables.set_attrs) if self._tables else 0
        self._outcomes: dict[tuple[tuple[int, int], ...], int] = {}
        self._outcome_rows: list[tuple[list[bool], list[int]]] = []
        self._arrays = (
            numpy.zeros((0, self._width), dtype=bool),
            numpy.zeros((0, self._width), dtype=numpy.uint64),
        )

    def __call__(self, doc: Doc) -> Doc:
        if len(self.ruler.attrs) != self._n_rules:  # patterns added to the ruler directly
            self.compile()
        error_handler = self.get_error_handler()
        try:
            if self._tables is None:
                self.ruler.set_annotations(doc, self.ruler.match(doc))
            else:
                self.set_annotations(doc, self.match(doc))
            return doc
        except Exception as e:
            return error_handler(self.name, self, [doc], e)

    def match(self, doc: Doc) -> list[int]:
        """Per token, the ID of what the rules assign to it (the last matching rule wins)."""
        tables = self._tables
        assert tables is not None
        if not len(doc):
            return []
        array = doc.to_array(tables.match_attrs).reshape(len(doc), len(tables.match_attrs))
        self._coarse_keys(array)
        # One bytes key per token holds all the values the patterns test.
        keys = array.view(numpy.dtype((numpy.void, array.shape[1] * 8))).ravel().tolist()
        cache, analyse = self._cache, self._analyse
        entries = [cache.get(key) or analyse(key) for key in keys]
        outcomes = [entry[0] for entry in entries]
        if tables.multi:
            extra: dict[int, set[int]] = {}
            n = len(entries)
            for start, entry in enumerate(entries):
                if not entry[2]:
                    continue
                for rule, spec_ids, target in tables.multi:
                    if start + len(spec_ids) <= n and all(
                        s in entries[start + j][2] for j, s in enumerate(spec_ids)
                    ):
                        extra.setdefault(start + target, set()).add(rule)
            for i, rules in extra.items():
                merged: dict[int, int] = {}
                for rule in sorted(rules.union(entries[i][1])):
                    merged.update(tables.outputs[rule])
                outcomes[i] = self._outcome(tuple(merged.items()))
        return outcomes

    def _coarse_keys(self, array: numpy.ndarray) -> None:
        """Replace, in place, each value that no check tells apart by :data:`_OTHER`: every word
        no pattern names then shares one cache key per (TAG, DEP, ...), and is analysed once,
        not once per word (the answer is the same: see :data:`_OTHER`)."""
        strings = self.vocab.strings
        for column, known, regexes, memo in self._distinct:
            values = array[:, column]
            if not regexes:
                values[~numpy.isin(values, known)] = _OTHER
                continue
            hashes = values.tolist()
            for h in set(hashes).difference(memo):
                if len(memo) >= self.cache_size:
                    memo.clear()
                kept = h in known or any(r.search(strings[h]) for r in regexes)
                memo[h] = h if kept else _OTHER
            array[:, column] = numpy.fromiter(map(memo.__getitem__, hashes), numpy.uint64)

    def _analyse(self, key: bytes) -> _Entry:
        """Match every token pattern against one combination of attribute values."""
        tables = self._tables
        assert tables is not None
        values = tuple(numpy.frombuffer(key, dtype=numpy.uint64).tolist())
        strings = self.vocab.strings
        candidates = set(tables.unindexed)
        for column, index in tables.index:
            candidates.update(index.get(values[column], ()))
        fits = [
            s
            for s in sorted(candidates)
            if all(_passes(check, values, strings) for check in tables.specs[s])
        ]
        rules = sorted({tables.spec_rule[s] for s in fits if tables.spec_rule[s] >= 0})
        merged: dict[int, int] = {}
        for rule in rules:
            merged.update(tables.outputs[rule])
        entry = (
            self._outcome(tuple(merged.items())),
            tuple(rules),
            frozenset(s for s in fits if tables.spec_rule[s] < 0),
        )
        if len(self._cache) >= self.cache_size:
            self._cache.clear()
        self._cache[key] = entry
        return entry

    def _outcome(self, pairs: tuple[tuple[int, int], ...]) -> int:
        """The ID of an outcome, given as (set column, value) pairs."""
        outcome = self._outcomes.get(pairs)
        if outcome is None:
            mask, values = [False] * self._width, [0] * self._width
            for column, value in pairs:
                mask[column], values[column] = True, value
            with _NEW_OUTCOME:
                outcome = self._outcomes.setdefault(pairs, len(self._outcome_rows))
                if outcome == len(self._outcome_rows):
                    self._outcome_rows.append((mask, values))
        return outcome

    def set_annotations(self, doc: Doc, outcomes: Sequence[int]) -> None:
        """Write the assigned values into ``doc`` in one ``from_array`` call."""
        tables = self._tables
        assert tables is not None
        masks, values = self._arrays
        if len(masks) != len(self._outcome_rows):
            rows = list(self._outcome_rows)  # holds every ID in ``outcomes``
            masks = numpy.array([m for m, _ in rows], dtype=bool).reshape(len(rows), self._width)
            values = numpy.array([v for _, v in rows], dtype=numpy.uint64).reshape(masks.shape)
            self._arrays = masks, values
        ids = numpy.asarray(outcomes, dtype=numpy.intp)
        mask = masks[ids]
        if not mask.any():
            return
        current = doc.to_array(tables.set_attrs).reshape(len(doc), len(tables.set_attrs))
        doc.from_array(tables.set_attrs, numpy.where(mask, values[ids], current))

    # The ruler's own API, delegated; anything that changes the patterns recompiles.
    @property
    def patterns(self) -> list[dict[str, Any]]:
        """All the added patterns, as ``AttributeRuler.patterns``."""
        return self.ruler.patterns

    def add(self, patterns: Iterable[list[dict[Any, Any]]], attrs: dict, index: int = 0) -> None:
        """Add patterns as ``AttributeRuler.add``."""
        self.ruler.add(patterns, attrs, index)
        self.compile()

    def add_patterns(self, patterns: Iterable[dict[str, Any]]) -> None:
        """Add patterns as ``AttributeRuler.add_patterns``."""
        self.ruler.add_patterns(patterns)
        self.compile()

    def clear(self) -> None:
        """Remove all patterns."""
        self.ruler.clear()
        self.compile()

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        patterns: Iterable[dict[str, Any]] | None = None,
        tag_map: dict | None = None,
        morph_rules: dict | None = None,
    ) -> None:
        """Initialize the ruler as ``AttributeRuler.initialize``, then recompile."""
        self.ruler.initialize(
            get_examples, nlp=nlp, patterns=patterns, tag_map=tag_map, morph_rules=morph_rules
        )
        self.compile()

    def _stock(self) -> Pipe:
        return self.ruler

    def _refresh(self) -> None:
        self.compile()


def lemmatizer_fallback_reason(lemmatizer: Lemmatizer) -> str | None:
    """Why (ORTH, POS, MORPH) may not determine ``lemmatizer``'s output, or None if it does."""
    cls = type(lemmatizer)
    if not isinstance(lemmatizer, Lemmatizer) or cls.__call__ is not Lemmatizer.__call__:
        return f"{cls.__name__} is not a stock Lemmatizer"
    mode = lemmatizer.mode
    if mode == "rule":
        if cls.rule_lemmatize is not Lemmatizer.rule_lemmatize:
            return f"{cls.__name__} overrides rule_lemmatize"
        if cls.is_base_form not in (Lemmatizer.is_base_form, EnglishLemmatizer.is_base_form):
            return f"{cls.__name__} overrides is_base_form"
    elif mode == "lookup":
        if cls.lookup_lemmatize is not Lemmatizer.lookup_lemmatize:
            return f"{cls.__name__} overrides lookup_lemmatize"
    else:
        return f"mode {mode!r}"
    if getattr(lemmatizer.lemmatize, "__func__", None) is not getattr(cls, f"{mode}_lemmatize"):
        return "its lemmatize method was replaced"
    return None


def _with_set_index(lemmatizer: Lemmatizer) -> Lemmatizer:
    """A shallow copy of a rule ``lemmatizer`` whose ``lemma_index`` word lists are frozensets.

    ``rule_lemmatize`` only asks ``form in index``, which a set answers the same way without
    scanning a 57,000-word list per suffix rule. Returns ``lemmatizer`` itself otherwise.
    """
    lookups = lemmatizer.lookups
    if lemmatizer.mode != "rule" or "lemma_index" not in lookups:
        return lemmatizer
    index = lookups.get_table("lemma_index")
    if not all(
        isinstance(words, list | tuple) and all(isinstance(word, str) for word in words)
        for words in index.values()
    ):
        return lemmatizer
    set_lookups = Lookups()
    for name in lookups.tables:
        if name == "lemma_index":
            set_lookups.add_table(name, {key: frozenset(words) for key, words in index.items()})
        else:
            set_lookups.set_table(name, lookups.get_table(name))
    copy_ = copy.copy(lemmatizer)
    copy_.lookups = set_lookups
    copy_.cache = {}
    copy_.lemmatize = copy_.rule_lemmatize
    return copy_


class FastLemmatizer(_Wrapper):
    """A rule/lookup ``Lemmatizer`` with a per-process cache keyed by (ORTH, POS, MORPH).

    Wraps the original (``.lemmatizer``). Misses and tokens without a POS (so that W108 still
    fires) go to spaCy's own code, on a copy with a set index (:func:`_with_set_index`); the
    original runs alone whenever ``fallback_reason`` is set.
    Lemma strings it caches are interned outside any ``memory_zone`` so cached hashes stay valid.
    """

    def __init__(self, lemmatizer: Lemmatizer, *, cache_size: int = 500_000) -> None:
        self.cache_size = cache_size
        self.wrap(lemmatizer)

    def wrap(self, lemmatizer: Lemmatizer) -> None:
        """Take ``lemmatizer`` as the original, with an empty cache."""
        self.lemmatizer = lemmatizer
        self.name = lemmatizer.name
        self.vocab = lemmatizer.vocab
        self.scorer = lemmatizer.scorer
        self.fallback_reason = lemmatizer_fallback_reason(lemmatizer)
        if self.fallback_reason:
            logger.info("%s: running the stock lemmatizer (%s)", self.name, self.fallback_reason)
        self._reset()

    def _reset(self) -> None:
        """Forget cached answers, and rebuild the copy that answers misses."""
        self._cache: dict[bytes, int] = {}
        self._lookups = self.lemmatizer.lookups
        self._misses = _with_set_index(self.lemmatizer)

    def __call__(self, doc: Doc) -> Doc:
        lemmatizer = self.lemmatizer
        if self.fallback_reason:
            return lemmatizer(doc)
        if lemmatizer.lookups is not self._lookups:  # new tables: old answers may be wrong
            self._reset()
        required, _ = lemmatizer.get_lookups_config(lemmatizer.mode)
        if any(table not in lemmatizer.lookups for table in required):
            found = lemmatizer.lookups.tables
            raise ValueError(
                Errors.E1004.format(mode=lemmatizer.mode, tables=required, found=found)
            )
        error_handler = self.get_error_handler()
        try:
            self.set_annotations(doc, self.match(doc))
            return doc
        except Exception as e:
            return error_handler(self.name, self, [doc], e)

    def match(self, doc: Doc) -> numpy.ndarray:
        """The lemma hash of every token (its current lemma where it has one to keep)."""
        array = doc.to_array(_LEMMA_INPUTS).reshape(len(doc), len(_LEMMA_INPUTS))
        lemmas = array[:, 3].copy()
        todo = (
            numpy.arange(len(doc)) if self.lemmatizer.overwrite else numpy.flatnonzero(lemmas == 0)
        )
        if not len(todo):
            return lemmas
        # One bytes key per token: its ORTH, POS and MORPH.
        inputs = numpy.ascontiguousarray(array[todo, :3])
        keys = inputs.view(numpy.dtype((numpy.void, 24))).ravel().tolist()
        cache = self._cache
        found = [cache.get(key) for key in keys]
        for j, value in enumerate(found):
            if value is None:
                found[j] = self._lemmatize(doc[int(todo[j])], int(inputs[j, 1]), keys[j])
        lemmas[todo] = found
        return lemmas

    def _lemmatize(self, token: Token, pos: int, key: bytes) -> int:
        """Ask spaCy's lemmatizer, and cache the answer unless the token has no POS."""
        form = self._misses.lemmatize(token)[0]
        if not pos:
            return self.vocab.strings.add(form)
        value = self.vocab.strings.add(form, allow_transient=False)
        if len(self._cache) >= self.cache_size:
            self._cache.clear()
            if self._misses is not self.lemmatizer:
                self._misses.cache.clear()
        self._cache[key] = value
        return value

    def set_annotations(self, doc: Doc, lemmas: numpy.ndarray) -> None:
        """Write the lemmas into ``doc``."""
        if len(lemmas):
            doc.from_array([LEMMA], lemmas)

    # The lemmatizer's own API, delegated.
    @property
    def mode(self) -> str:
        return self.lemmatizer.mode

    @property
    def lookups(self) -> Lookups:
        return self.lemmatizer.lookups

    @lookups.setter
    def lookups(self, lookups: Lookups) -> None:
        self.lemmatizer.lookups = lookups

    @property
    def overwrite(self) -> bool:
        return self.lemmatizer.overwrite

    @overwrite.setter
    def overwrite(self, value: bool) -> None:
        self.lemmatizer.overwrite = value

    def lemmatize(self, token: Token) -> list[str]:
        """The original lemmatizer's candidate lemmas for ``token``."""
        return self.lemmatizer.lemmatize(token)

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        lookups: Lookups | None = None,
    ) -> None:
        """Initialize the original lemmatizer (its tables), and forget cached answers."""
        self.lemmatizer.initialize(get_examples, nlp=nlp, lookups=lookups)
        self._reset()

    def _stock(self) -> Pipe:
        return self.lemmatizer

    def _refresh(self) -> None:
        self._reset()


@Language.factory(
    RULER_FACTORY,
    default_config={
        "validate": False,
        "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"},
    },
)
def make_fast_attribute_ruler(
    nlp: Language, name: str, validate: bool, scorer: Callable | None
) -> FastAttributeRuler:
    """An empty fast attribute ruler; patterns come from ``initialize`` or ``from_disk``."""
    return FastAttributeRuler(AttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer))


@Language.factory(
    LEMMATIZER_FACTORY,
    assigns=["token.lemma"],
    default_config={
        "model": None,
        "mode": "rule",
        "overwrite": False,
        "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"},
    },
    default_score_weights={"lemma_acc": 1.0},
)
def make_fast_lemmatizer(
    nlp: Language, model: Any, name: str, mode: str, overwrite: bool, scorer: Callable | None
) -> FastLemmatizer:
    """A fast twin of the language's own ``lemmatizer`` factory (``EnglishLemmatizer`` for en)."""
    inner = nlp.create_pipe("lemmatizer", name=name, config={"mode": mode, "overwrite": overwrite})
    inner.scorer = scorer
    return FastLemmatizer(inner)


def speed_up(nlp: Language) -> Language:
    """Swap ``nlp``'s stock attribute ruler and lemmatizer for their fast twins, in place.

    Names and positions stay the same ("attribute_ruler", "lemmatizer"), so ``pipe_names``,
    ``get_pipe`` and ``add_pipe(..., before="parser")`` work as before. The twins reuse the
    loaded components (patterns, tables); one whose patterns or class they cannot reproduce
    exactly is left in place, with the reason logged. Returns ``nlp``.
    """
    for name, component in list(nlp.pipeline):
        if type(component) is AttributeRuler:
            stock, factory = "attribute_ruler", RULER_FACTORY
            reason = None
            try:
                compile_ruler(component)
            except _Unsupported as exc:
                reason = str(exc)
        elif isinstance(component, Lemmatizer):
            stock, factory = "lemmatizer", LEMMATIZER_FACTORY
            reason = lemmatizer_fallback_reason(component)
        else:
            continue
        config = dict(nlp.config["components"][name])
        if config.pop("factory", None) != stock:
            reason = f"made by another factory than {stock!r}"
        if reason:
            logger.warning("speed_up: keeping the stock %r: %s", name, reason)
            continue
        fast = nlp.replace_pipe(name, factory, config=config)
        fast.wrap(component)
    return nlp


#: The components whose models get :class:`NumpyGemmOps` (see :func:`use_numpy_gemm`).
GEMM_COMPONENTS = ("tok2vec", "parser", "ner")
#: vocab id -> (vocab, a copy of the pipeline's tok2vec model on blis): :func:`exact_tensor`.
_EXACT_TOK2VEC: dict[int, tuple[Any, Model]] = {}
_EXACT_KEY = "dateline.exact_tensor"


class NumpyGemmOps(NumpyOps):
    """``NumpyOps`` whose ``gemm`` is ``numpy.dot`` (OpenBLAS in numpy's wheels), on one
    thread. Everything else, ``cblas()`` included, is ``NumpyOps``'s."""

    name = "numpy"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(use_blis=False, **kwargs)

    def gemm(self, x, y, out=None, trans1=False, trans2=False):  # noqa: ANN001, ANN201
        with one_blas_thread():
            return super().gemm(x, y, out=out, trans1=trans1, trans2=trans2)


class _OneThread:
    """Context manager: the BLAS libraries numpy loaded run one thread inside it (per-core
    throughput is what counts; a worker process per core is how Dateline runs in parallel).
    A no-op where threadpoolctl is missing."""

    _lock = threading.Lock()
    _blas: Any = None

    def __enter__(self) -> None:
        cls = type(self)
        if cls._blas is None:
            with cls._lock:
                if cls._blas is None:
                    try:
                        from threadpoolctl import ThreadpoolController

                        cls._blas = ThreadpoolController().select(user_api="blas")
                    except Exception:  # noqa: BLE001 - no threadpoolctl: numpy's defaults
                        cls._blas = False
        self._limit = cls._blas.limit(limits=1) if cls._blas else None

    def __exit__(self, *exc: object) -> None:
        if self._limit is not None:
            self._limit.restore_original_limits()


def one_blas_thread() -> _OneThread:
    """A context manager: numpy's BLAS runs one thread inside it (see :class:`_OneThread`)."""
    return _OneThread()


def use_numpy_gemm(nlp: Language, components: tuple[str, ...] = GEMM_COMPONENTS) -> Language:
    """Run the matrix products of spaCy's statistical components through numpy's BLAS instead
    of blis: every layer of ``components`` (those ``nlp`` has) on plain ``NumpyOps`` gets a
    :class:`NumpyGemmOps`, in place; other ops (GPU, Apple) are left alone. Returns ``nlp``.

    thinc's ``NumpyOps.gemm`` multiplies with the ``blis`` package, and on the development
    machine blis runs its generic reference kernel, at about a third of the speed of the
    OpenBLAS numpy ships with (38 against 106 GFLOP/s for a (12,000 x 288) by (288 x 288)
    float32 product, one thread each; see docs/performance.md, "Round 10"). The products are
    about 40 % of spaCy's time in the small English pipeline: the embedding and four maxout
    layers of each tok2vec (the shared one and the entity recognizer's own) and the
    precomputed first hidden layer of the parser and NER.

    The products differ from blis's in the last bits (another order of summation). What the
    tagger, parser and NER keep is a decision per token (a tag, a head and a label, an entity
    tag), so the annotations stay the same: no token's tag, dependency, head, entity, lemma
    or sentence start changed over the Guardian corpus and the training and dev texts (1.27
    million tokens, docs/performance.md). The one number spaCy keeps is ``doc.tensor`` (the
    shared tok2vec's output), which the event model may read (``classifier.dense_features``)
    and ``dateline train --verify`` hashes: :func:`exact_tensor` gives it bit for bit as stock
    spaCy computes it, from a copy of the tok2vec on blis, only where it is asked for. The
    parser's step-by-step loop (its own ``cblas()`` calls) is untouched.
    """
    ops = NumpyGemmOps()
    for name in components:
        if name not in nlp.pipe_names:
            continue
        model = getattr(nlp.get_pipe(name), "model", None)
        if not isinstance(model, Model):
            continue
        nodes = [node for node in model.walk() if type(node.ops) is NumpyOps]
        if not nodes:
            continue
        if name == "tok2vec":
            twin = model.copy()  # the same weights, still on blis: exact_tensor
            _EXACT_TOK2VEC[id(nlp.vocab)] = (nlp.vocab, twin)
        for node in nodes:
            node.ops = ops
    return nlp


def exact_tensor(doc: Doc) -> Any:
    """``doc.tensor`` as stock spaCy computes it (blis), for a ``doc`` whose tok2vec ran on
    :class:`NumpyGemmOps` (:func:`use_numpy_gemm`): computed again from the doc by a blis copy
    of the tok2vec model (one document alone gives the same rows as in a batch) and kept in
    ``doc.user_data``. Any other doc's ``doc.tensor`` as it is, an empty one included (a doc
    restored from a DocBin, a pipeline without tok2vec)."""
    tensor = doc.tensor
    entry = _EXACT_TOK2VEC.get(id(doc.vocab))
    if entry is None or entry[0] is not doc.vocab:
        return tensor
    if getattr(tensor, "ndim", 0) != 2 or tensor.shape[0] != len(doc) or not len(doc):
        return tensor
    exact = doc.user_data.get(_EXACT_KEY)
    if exact is None:
        exact = doc.user_data[_EXACT_KEY] = entry[1].predict([doc])[0]
    return exact

"""The trigger lexicon: which words, in which dependency context, signal which PLOVER event."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from spacy.tokens import Token

from dateline.datafiles import data_file, load_mapping, read_csv
from dateline.errors import DataFileError
from dateline.events.ontology import plover_types

#: The converted PETRARCH/Phoenix verb table (scripts/convert_petrarch_verbs.py): a fallback
#: candidate source, looked up only for verbs the hand lexicon does not name.
FALLBACK_FILE = "petrarch_verbs.csv"
FALLBACK_PREFIX = "petrarch:"
DEFAULT_TARGET_PREPS = ("with", "to", "against", "on", "toward", "towards", "into", "upon", "from")
_KNOWN_KEYS = {"id", "event", "mode", "context", "verbs", "nouns", "objects", "not_objects", "particle",
               "preps", "complement", "targets", "object", "symmetric", "subject_words", "not_subject_words",
               "example"}  # fmt: skip


@dataclass(frozen=True)
class TriggerEntry:
    """One lexicon entry: words plus the context that selects an event type and mode."""

    id: str
    event: str
    mode: str | None = None
    context: tuple[str, ...] = ()
    verbs: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()
    not_objects: frozenset[str] = frozenset()
    object_role: str = "target"
    symmetric: bool = False
    subject_words: frozenset[str] = frozenset()
    not_subject_words: frozenset[str] = frozenset()
    particle: frozenset[str] = frozenset()
    preps: frozenset[str] = frozenset()
    complement: frozenset[str] = frozenset()
    targets: tuple[str, ...] = DEFAULT_TARGET_PREPS
    example: dict[str, Any] | None = None

    @property
    def fallback(self) -> bool:
        """An entry of the converted PETRARCH verb table, which the event model must confirm."""
        return self.id.startswith(FALLBACK_PREFIX)

    @property
    def specificity(self) -> int:
        return (
            2 * bool(self.objects)
            + 2 * bool(self.particle)
            + bool(self.preps)
            + bool(self.complement)
        )


@dataclass
class Lexicon:
    """Trigger entries indexed by lemma, plus the word lists the modality rules use."""

    entries: list[TriggerEntry]
    lists: dict[str, Any] = field(default_factory=dict)
    by_verb: dict[str, list[TriggerEntry]] = field(default_factory=dict)
    by_noun: dict[str, list[TriggerEntry]] = field(default_factory=dict)
    fallback_verbs: dict[str, list[TriggerEntry]] = field(default_factory=dict)
    _word_sets: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)
    #: answers of the word-keyed look-ups below, per word (the lexicon never changes once
    #: built, and a news corpus repeats its words: most look-ups are of a word seen before)
    _memo: dict[tuple, Any] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for entry in self.entries:
            for lemma in entry.verbs:
                self.by_verb.setdefault(lemma, []).append(entry)
            for lemma in entry.nouns:
                self.by_noun.setdefault(lemma, []).append(entry)
        for bucket in (*self.by_verb.values(), *self.by_noun.values()):
            bucket.sort(key=lambda e: -e.specificity)

    @classmethod
    def load(cls, extra_files: Iterable[str | Path] = ()) -> Lexicon:
        """The shipped lexicon, plus user files of the same shape (their entries come first)."""
        extra = tuple(str(p) for p in extra_files)
        return _load(extra)

    def word_set(self, name: str) -> frozenset[str]:
        """The lowercased words of the list ``name`` (built once per list)."""
        words = self._word_sets.get(name)
        if words is None:
            words = frozenset(
                {True: "on", False: "off"}.get(w, str(w)).lower()
                if isinstance(w, bool)
                else str(w).lower()
                for w in self.lists.get(name, ())
            )
            self._word_sets[name] = words
        return words

    def trigger_lemmas(self) -> frozenset[str]:
        """Every lemma that can start an event (for cheap candidate-sentence selection)."""
        return frozenset(self.by_verb) | frozenset(self.by_noun)

    def verb_entries(self, token: Token) -> list[TriggerEntry]:
        low, lemma = token.lower_, token.lemma_.lower()
        key = ("verb", low, lemma, token.tag_ in _PAST and lemma != low)
        found = self._memo.get(key)
        if found is None:
            found = self._remember(key, self._verb_entries(_forms(low, lemma, key[3])))
        return found

    def _remember(self, key: tuple, answer: Any) -> Any:
        if len(self._memo) >= _MEMO_KEPT:
            self._memo.clear()
        self._memo[key] = answer
        return answer

    def _verb_entries(self, forms: list[str]) -> list[TriggerEntry]:
        for form in forms:
            if form in self.by_verb:
                return self.by_verb[form]
        for form in forms:  # "reimposed", "re-admitted": the act again is the same act
            stem = self.unprefixed(form)
            if stem in self.by_verb:
                return self.by_verb[stem]
        return []

    def unprefixed(self, word: str) -> str | None:
        """``word`` without a repetition prefix ("reimpose" -> "impose"), or None when it has
        none or is a word of its own ("reassure", "replace": listed in ``not_prefixed``)."""
        if word in self.word_set("not_prefixed"):
            return None
        prefixes = self._memo.get(("prefixes",))
        if prefixes is None:  # longest first
            prefixes = self._memo[("prefixes",)] = sorted(
                self.word_set("verb_prefixes"), key=len, reverse=True
            )
        for prefix in prefixes:
            if word.startswith(prefix) and len(word) - len(prefix) >= 3:
                return word[len(prefix) :]
        return None

    def fallback_entries(self, token: Token) -> list[TriggerEntry]:
        """Entries of the converted PETRARCH verb table for a verb the hand lexicon does not
        name at all (a verb it names with restrictions is never second-guessed from here)."""
        if not self.fallback_verbs or self.verb_entries(token):
            return []
        low, lemma = token.lower_, token.lemma_.lower()
        key = ("fallback", low, lemma, token.tag_ in _PAST and lemma != low)
        found = self._memo.get(key)
        if found is None:
            forms = _forms(low, lemma, key[3])
            found = next((self.fallback_verbs[f] for f in forms if f in self.fallback_verbs), [])
            self._remember(key, found)
        return found

    def noun_entries(self, token: Token) -> list[TriggerEntry]:
        """The noun's own entries, else those of the verb it is derived from (``derived_verbs``)."""
        return (
            self.by_noun.get(token.lemma_.lower(), [])
            or self.by_noun.get(token.lower_, [])
            or self.derived_entries(token.lemma_.lower())
        )

    def derived_entries(self, noun: str) -> list[TriggerEntry]:
        """The plain entries of the verb a noun names the act of: "the capture of", "a raid",
        "the execution of", "her expulsion", "the withdrawal": the noun itself as a verb, or the
        verb its suffix comes from (``noun_suffixes``: "execution" -> "execute"). Entries that
        need an object, particle, preposition, complement or subject of a verb do not apply to
        a noun; ``not_derived`` lists nouns whose sense is not their verb's."""
        key = ("derived", noun)
        found = self._memo.get(key)
        if found is None:
            found = self._remember(key, self._derived_entries(noun))
        return found

    def noun_verbs(self, noun: str) -> list[str]:
        """The verbs whose act the noun names by its suffix (``noun_suffixes``: "execution" ->
        "execute", "executie"; over-generates), none for a noun of ``not_derived``. The coder
        reads their entries (:meth:`derived_entries`), the cheap pass their lemmas."""
        key = ("noun_verbs", noun)
        found = self._memo.get(key)
        if found is None:
            found = []
            if noun not in self.word_set("not_derived"):
                for suffix, repl in (self.lists.get("noun_suffixes") or {}).items():
                    for rep in [repl] if isinstance(repl, str) else repl:
                        if noun.endswith(suffix) and len(noun) - len(suffix) >= 3:
                            found.append(noun[: -len(suffix)] + (rep or ""))
            self._remember(key, found)
        return found

    def _derived_entries(self, noun: str) -> list[TriggerEntry]:
        if noun in self.word_set("not_derived"):
            return []
        for form in [noun, *self.noun_verbs(noun)]:
            plain = [
                e
                for e in self.by_verb.get(form, [])
                if not e.specificity and not e.subject_words and not e.not_subject_words
            ]
            if plain:
                return plain
        return []


#: Regular English de-inflections tried after the lemma, in order (``lemma_forms``).
SUFFIX_RULES = (
    ("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""), ("ing", ""),
    ("ing", "e"),
)  # fmt: skip


def lemma_forms(token: Token) -> list[str]:
    """The lemma, then regular de-inflections of the word (the small English model sometimes
    lemmatises wrongly: "staged" -> "stag"). A past form whose lemma is another word is not
    also read as a base form: "wound up" is "wind up", "found" is "find", never "wound" (to
    injure) or "found" (to establish), whose past forms are "wounded" and "founded"."""
    low = token.lower_
    lemma = token.lemma_.lower()
    return _forms(low, lemma, token.tag_ in _PAST and lemma != low)


_PAST = frozenset({"VBD", "VBN"})
#: Words whose look-ups :class:`Lexicon` keeps before its memo starts again (bounds memory).
_MEMO_KEPT = 100_000


def _forms(low: str, lemma: str, past_of_another: bool) -> list[str]:
    """:func:`lemma_forms` of a word from its lower case, lemma and whether it is a past form
    whose lemma is another word."""
    forms = [lemma] if past_of_another else [lemma, low]
    for suffix, repl in SUFFIX_RULES:
        if low.endswith(suffix) and len(low) - len(suffix) >= 3:
            forms.append(low[: -len(suffix)] + repl)
    return forms


@cache
def _load(extra: tuple[str, ...]) -> Lexicon:
    entries: list[TriggerEntry] = []
    lists: dict[str, Any] = {}
    sources = [(p, load_mapping(Path(p))) for p in extra]
    sources.append(("triggers.yaml", load_mapping(data_file("triggers.yaml"))))
    for name, data in sources:
        for key, value in data.items():
            if key not in {"version", "entries"} and key not in lists:
                lists[key] = value
        for row, raw in enumerate(data.get("entries") or [], start=1):
            entries.append(_entry(raw, name, row))
    return Lexicon(entries=entries, lists=lists, fallback_verbs=_fallback_verbs())


def _fallback_verbs() -> dict[str, list[TriggerEntry]]:
    """The converted PETRARCH verb table by lemma, entries with a particle first."""
    path = data_file(FALLBACK_FILE)
    if not path.is_file():
        return {}
    out: dict[str, list[TriggerEntry]] = {}
    for _line, row in read_csv(path):
        if row.get("event") not in plover_types():
            continue
        particle = row.get("particle") or ""
        verb = row["verb"]
        if verb:
            entry = TriggerEntry(
                id=f"{FALLBACK_PREFIX}{verb}{' ' + particle if particle else ''}:{row['cameo']}",
                event=row["event"],
                mode=row.get("mode") or None,
                verbs=frozenset({verb}),
                particle=frozenset({particle}) if particle else frozenset(),
            )
            out.setdefault(verb, []).append(entry)
    for bucket in out.values():
        bucket.sort(key=lambda e: -e.specificity)
    return out


def _entry(raw: Any, path: str, row: int) -> TriggerEntry:
    if not isinstance(raw, dict):
        raise DataFileError(
            "an entry must be a mapping with 'event' and 'verbs' or 'nouns'", path, row
        )
    unknown = set(raw) - _KNOWN_KEYS
    if unknown:
        raise DataFileError(
            f"unknown keys {sorted(unknown)}; allowed: {sorted(_KNOWN_KEYS)}", path, row
        )
    event = str(raw.get("event", "")).upper()
    if event not in plover_types():
        raise DataFileError(
            f"'event' must be one of {', '.join(plover_types())}, not {event!r}", path, row
        )
    if not raw.get("verbs") and not raw.get("nouns"):
        raise DataFileError("an entry needs 'verbs' or 'nouns'", path, row)

    def words(key: str) -> frozenset[str]:
        value = raw.get(key) or []
        if isinstance(value, str):
            value = [value]
        # YAML 1.1 reads bare on/off/yes/no as booleans: give the words back
        return frozenset(
            {True: "on", False: "off"}.get(v, str(v)).lower()
            if isinstance(v, bool)
            else str(v).lower()
            for v in value
        )

    return TriggerEntry(
        id=str(raw.get("id") or f"{Path(path).name}:{row}"),
        event=event,
        mode=raw.get("mode"),
        context=tuple(raw.get("context") or ()),
        verbs=words("verbs"),
        nouns=words("nouns"),
        objects=words("objects"),
        not_objects=words("not_objects"),
        object_role=str(raw.get("object") or "target"),
        symmetric=bool(raw.get("symmetric", False)),
        subject_words=words("subject_words"),
        not_subject_words=words("not_subject_words"),
        particle=words("particle"),
        preps=words("preps"),
        complement=words("complement"),
        targets=tuple(raw.get("targets") or DEFAULT_TARGET_PREPS),
        example=raw.get("example"),
    )


def shipped_words(name: str) -> frozenset[str]:
    """The word list ``name`` of the shipped lexicon (``data/triggers.yaml``), built once: for
    rules that are not handed the run's ``Lexicon`` (a user's extra files do not reach them)."""
    return Lexicon.load().word_set(name)

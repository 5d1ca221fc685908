"""The cheap pass: which sentences of an article are worth tagging, parsing and NER.

Only a sentence that can yield a record needs spaCy's statistical components: one with a
trigger word of the lexicon (with the words its entry requires, "impose" + "sanction"), one
inside or touching a quotation (quotes and their speakers), one that introduces an actor by
title ("President Vladimir Putin"), one naming someone for the first time ("Shamima
Begum"), so later bare mentions resolve, or one naming a country ("Syria", "Iraqi"): the actor
stage decides where a story is set by counting the places the article names, and one mention
more or less there can give an unnamed "army" or Islamic State another country in every
sentence. A kept sentence with a pronoun outside quotation marks also keeps the sentence
before it, where the pronoun's antecedent usually is. The pass uses only the tokenizer, a
rule-based sentence splitter, the quotation scanner of :mod:`dateline.quotes`, the knowledge
base's country words and the lemmatizer's own lookup tables, all without a model.

:func:`blank_unselected` turns the other sentences into line breaks of the same length, so the
full pipeline runs over far fewer tokens and every character offset stays the article's own.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from spacy.attrs import IDX, IS_ALPHA, IS_SPACE, LOWER, ORTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from dateline.events.lexicon import SUFFIX_RULES, Lexicon
from dateline.model import Result
from dateline.quotes import quote_spans

#: Characters that end a sentence in the cheap pass (the parser decides in the full pass).
_SENTENCE_END = frozenset({".", "!", "?", "...", "\u2026"})
_CLOSERS = frozenset({'"', "\u201d", "'", "\u2019", ")", "]"})
_QUOTE_CHARS = frozenset('"\u201c\u201d')
_PRONOUNS = frozenset({"he", "she", "they", "it", "his", "her", "their", "its", "him", "them"})
_CACHE_LIMIT = 200_000  # distinct words remembered per process


@dataclass(frozen=True)
class Selection:
    """What the cheap pass decided for one text."""

    ranges: list[tuple[int, int]]  # character ranges of the kept sentences
    starts: list[int]  # where every sentence of the text starts (kept or not)

    def blank(self, text: str) -> str:
        """``text`` with the sentences not kept blanked out (see :func:`blank_unselected`)."""
        return blank_unselected(text, self.ranges)


@dataclass
class SentenceSelector:
    """Chooses the sentences the full pipeline must see. Build once per process."""

    nlp: Language
    lexicon: Lexicon
    role_words: frozenset[str] = frozenset()
    #: the country a word names ("Syria", "Iraqi"), or None: ``KnowledgeBase.country_of``
    country_of: Callable[[str], str | None] | None = None
    _requirements: dict[str, list[tuple[frozenset[str], ...]]] = field(
        default_factory=dict, init=False
    )
    _exceptions: dict[str, set[str]] = field(default_factory=dict, init=False)
    _suffixes: tuple[tuple[str, str], ...] = field(default=SUFFIX_RULES, init=False)
    _lemma_cache: dict[str, frozenset[str]] = field(default_factory=dict, init=False)
    _trigger_words: frozenset[str] = field(default=frozenset(), init=False)
    _word_cache: dict[str, frozenset[str]] = field(default_factory=dict, init=False)
    _strings: dict[int, str] = field(default_factory=dict, init=False)  # hash -> token text

    def __post_init__(self) -> None:
        for entry in self.lexicon.entries:
            required = (entry.objects, entry.particle, entry.subject_words)
            needs = tuple(words for words in required if words)
            for lemma in entry.verbs:
                self._requirements.setdefault(lemma, []).append(needs)
            for lemma in entry.nouns:
                self._requirements.setdefault(lemma, []).append(())
        # a speaker's judgement ("said the militants were a danger", "branded them terrorists"):
        # a judgement noun with a verb of saying or naming (events/extract/triggers.py)
        speaking = self.lexicon.word_set("speech_verbs") | self.lexicon.word_set("judging_verbs")
        judgements = self.lexicon.word_set("judgement_nouns")
        for lemma in judgements | self.lexicon.word_set("judgement_adjectives"):
            self._requirements.setdefault(lemma, []).append((speaking,))
        # a tie to an armed group said of someone ("said the YPG is linked to the PKK")
        for lemma in self.lexicon.word_set("association_words"):
            self._requirements.setdefault(lemma, []).append((speaking,))
        # a grievance about someone ("Egypt is angry at Ethiopia": triggers._grievance)
        for lemma in self.lexicon.word_set("grievance_adjectives"):
            self._requirements.setdefault(lemma, []).append(
                (self.lexicon.word_set("grievance_preps"),)
            )
        # a warning that someone will pay for an act ("said Y will pay the price")
        for lemma in self.lexicon.word_set("retribution_verbs"):
            self._requirements.setdefault(lemma, []).append((speaking,))
        # an imperative plea ("Please stay away": triggers.said_please) needs no other word
        for lemma in self.lexicon.word_set("plea_words"):
            self._requirements.setdefault(lemma, []).append(())
        # someone told or persuaded to do something ("told Somalia to withdraw": triggers._directive)
        for lemma in self.lexicon.word_set("directive_verbs"):
            self._requirements.setdefault(lemma, []).append((frozenset({"to"}),))
        # the extractor's own de-inflections, plus the rule lemmatizer's exceptions ("met") and
        # its suffix rules for verbs and nouns ("ves" -> "f"), so no lemma it can give is missed
        if "lemmatizer" in self.nlp.pipe_names:
            tables = self.nlp.get_pipe("lemmatizer").lookups
            if tables.has_table("lemma_exc"):
                for by_form in tables.get_table("lemma_exc").values():
                    for form, lemmas in by_form.items():
                        self._exceptions.setdefault(form, set()).update(lemmas)
            if tables.has_table("lemma_rules"):
                rules = tables.get_table("lemma_rules")
                model = [tuple(r) for pos in ("verb", "noun") for r in rules.get(pos, ())]
                self._suffixes = tuple(dict.fromkeys([*SUFFIX_RULES, *model]))

        # the only lemmas keep() reads: trigger lemmas and the words their entries require
        needed = {
            w for reqs in self._requirements.values() for needs in reqs for ws in needs for w in ws
        }
        self._trigger_words = frozenset(self._requirements) | frozenset(needed)

    @classmethod
    def build(cls, nlp: Language, lexicon: Lexicon, kb) -> SentenceSelector:
        """A selector for this pipeline, trigger lexicon and knowledge base (its role nouns and
        country words)."""
        roles = frozenset(phrase.split()[-1] for phrase in kb.role_phrases())
        return cls(nlp=nlp, lexicon=lexicon, role_words=roles, country_of=kb.country_of)

    def lemmas(self, word: str) -> frozenset[str]:
        """Every lemma the lowercase ``word`` could have (over-generates; never misses one)."""
        found = self._lemma_cache.get(word)
        if found is None:
            forms = {word, *self._exceptions.get(word, ())}
            for suffix, repl in self._suffixes:
                if suffix and word.endswith(suffix) and len(word) - len(suffix) >= 2:
                    stem = word[: -len(suffix)]
                    forms.add(stem + repl)
                    if suffix in ("ed", "ing") and len(stem) >= 3 and stem[-1] == stem[-2]:
                        forms.add(stem[:-1])
            forms |= {stem for f in list(forms) if (stem := self.lexicon.unprefixed(f))}
            # a noun that names the act of a verb ("the executions", "an indictment") has the
            # verb's plain entries (Lexicon.derived_entries): its verb is one of its lemmas here
            forms |= {verb for f in list(forms) for verb in self.lexicon.noun_verbs(f)}
            found = frozenset(forms)
            if len(self._lemma_cache) < _CACHE_LIMIT:
                self._lemma_cache[word] = found
        return found

    def trigger_lemmas(self, word: str) -> frozenset[str]:
        """The lemmas of the lowercase ``word`` (:meth:`lemmas`) that :meth:`keep` reads: those
        of a trigger or of a word a trigger requires (most words have none)."""
        found = self._word_cache.get(word)
        if found is None:
            found = self.lemmas(word) & self._trigger_words
            if len(self._word_cache) < _CACHE_LIMIT:
                self._word_cache[word] = found
        return found

    def words(self, doc: Doc) -> _Words:
        """The tokens' text, lower case, offsets and flags as lists, from one array call (the
        pass reads each several times; a spaCy Token is rebuilt on every ``doc[i]``)."""
        columns = doc.to_array([ORTH, LOWER, IS_SPACE, IS_ALPHA, SPACY, IDX]).T.tolist()
        orth, lower, space, alpha, trailing, idx = columns
        strings, known = doc.vocab.strings, self._strings
        if len(known) >= _CACHE_LIMIT:
            known.clear()
        for h in set(orth).union(lower).difference(known):
            known[h] = strings[h]
        string = known.__getitem__
        return _Words(
            text=list(map(string, orth)),
            lower=list(map(string, lower)),
            space=list(map(bool, space)),
            alpha=list(map(bool, alpha)),
            trailing=list(map(bool, trailing)),
            idx=idx,
        )

    def sentences(self, doc: Doc) -> list[tuple[int, int]]:
        """Token ranges of the sentences of a tokenized (not parsed) ``doc``."""
        return self._sentences(self.words(doc))

    def _sentences(self, w: _Words) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        texts, space = w.text, w.space
        start, n, i = 0, len(texts), 0
        while i < n:
            text = texts[i]
            if space[i] and "\n" in text:
                spans.append((start, i))
                start = i + 1
            elif text in _SENTENCE_END:
                j = i + 1  # closing quotes and brackets stay with their sentence
                while j < n and texts[j] in _CLOSERS and (w.trailing[j] or j + 1 == n):
                    j += 1
                if j >= n or space[j] or not texts[j][:1].islower():
                    spans.append((start, j))
                    start = i = j
                    continue
            i += 1
        spans.append((start, n))
        trimmed = []
        for s, e in spans:
            while s < e and space[s]:
                s += 1
            while e > s and space[e - 1]:
                e -= 1
            if s < e:
                trimmed.append((s, e))
        return trimmed

    def new_names(self, w: _Words, start: int, end: int, seen: set[str]) -> bool:
        """Whether the sentence ``start:end`` names someone not named before in the article:
        two or more capitalised words ("Shamima Begum"), so a later bare "Begum" can be
        resolved. A capitalised function word opening the sentence is no part of a name ("In
        Kurdish", "The Guardian")."""
        found = False
        texts, alpha = w.text, w.alpha
        i = start
        if start < end and w.lower[start] in self.nlp.Defaults.stop_words:
            i += 1
        while i < end:
            j = i
            while j < end and alpha[j] and texts[j][0].isupper():
                j += 1
            if j - i >= 2:
                name = " ".join(w.lower[i:j])
                if name not in seen:
                    seen.add(name)
                    found = True
            i = j + 1
        return found

    def has_trigger(self, w: _Words, start: int, end: int) -> bool:
        """Whether the sentence ``start:end`` holds a trigger word of the lexicon with the words
        its entry requires: the only sentences that can yield an event."""
        present: set[str] = set()  # every trigger lemma any word of the sentence could have
        lower, cache = w.lower, self._word_cache
        for word in lower[start:end]:
            found = cache.get(word)
            if found is None:
                found = self.trigger_lemmas(word)
            if found:
                present |= found
        for lemma in present:
            for needs in self._requirements.get(lemma, ()):
                if all(words & present for words in needs):
                    return True
        return False

    def can_yield_events(self, text: str) -> bool:
        """Whether a short text (a headline) has a trigger word that can yield an event; one
        without needs no parse at all, as a sentence without one in :meth:`plan`."""
        w = self.words(self.nlp.make_doc(text))
        return self.has_trigger(w, 0, len(w.text))

    def keep(self, w: _Words, start: int, end: int) -> bool:
        """Whether the sentence ``start:end`` needs the full pipeline."""
        if self.has_trigger(w, start, end):
            return True
        lower, texts = w.lower, w.text
        for i in range(start, end):
            if texts[i] in _QUOTE_CHARS:
                return True
            if lower[i] in self.role_words and i + 1 < end and texts[i + 1][:1].isupper():
                return True
        country_of = self.country_of
        if country_of is None:
            return False
        return any(texts[i][:1].isupper() and country_of(texts[i]) for i in range(start, end))

    def select(self, text: str) -> list[tuple[int, int]]:
        """Character ranges of the sentences of ``text`` the full pipeline must see."""
        return self.plan(text).ranges

    def plan(self, text: str) -> Selection:
        """The sentences of ``text`` (where each starts) and which of them to keep."""
        w = self.words(self.nlp.make_doc(text))
        texts, lower, idx = w.text, w.lower, w.idx
        sents = self._sentences(w)
        seen: set[str] = set()
        kept = [self.new_names(w, s, e, seen) | self.keep(w, s, e) for s, e in sents]
        quoted_chars = [(start, end) for start, end, _ in quote_spans(text)]
        for k, (s, e) in enumerate(sents):  # every sentence of a quotation, not just its ends
            first, last = idx[s], idx[e - 1] + len(texts[e - 1])
            if not kept[k] and any(qs < last and first < qe for qs, qe in quoted_chars):
                kept[k] = True
        for k in range(1, len(sents)):
            if kept[k] and not kept[k - 1]:
                s, e = sents[k]
                quoted = False
                for i in range(s, e):
                    if texts[i] in _QUOTE_CHARS:  # words inside a quotation do not count
                        quoted = not quoted
                    elif not quoted and lower[i] in _PRONOUNS:
                        kept[k - 1] = True
                        break
        ranges = [
            (idx[s], idx[e - 1] + len(texts[e - 1]))
            for (s, e), keep in zip(sents, kept, strict=True)
            if keep
        ]
        return Selection(ranges=ranges, starts=[idx[s] for s, _ in sents])


@dataclass(frozen=True)
class _Words:
    """One tokenized text's tokens as parallel lists (see :meth:`SentenceSelector.words`)."""

    text: list[str]
    lower: list[str]
    space: list[bool]  # the token is whitespace
    alpha: list[bool]
    trailing: list[bool]  # a space follows the token
    idx: list[int]  # character offset


def sentence_numbers(doc: Doc, starts: list[int]) -> list[int]:
    """For each sentence of ``doc``, the number of the article sentence it starts in
    (``starts``: where the article's own sentences start, :attr:`Selection.starts`)."""
    number = []
    for sent in doc.sents:
        first = next((t.idx for t in sent if not t.is_space), sent.start_char)
        number.append(max(bisect.bisect_right(starts, first) - 1, 0))
    return number


def renumber_sentences(result: Result, doc: Doc, starts: list[int]) -> None:
    """Make the sentence numbers of ``result`` (events, quotes, mentions) count the article's
    sentences, not those of the blanked text spaCy saw (``starts``: :attr:`Selection.starts`
    of the article's own text)."""
    number = sentence_numbers(doc, starts)

    def renumbered(i: int | None) -> int | None:
        return number[i] if i is not None and 0 <= i < len(number) else i

    for event in result.events:
        event.sentence = renumbered(event.sentence)
    for quote in result.quotes:
        quote.sentence = renumbered(quote.sentence)
    for actor in result.actors:
        for mention in actor.mentions:
            mention.sentence = renumbered(mention.sentence)


def blank_unselected(text: str, ranges: Iterable[tuple[int, int]]) -> str:
    """``text`` with the sentences outside ``ranges`` turned to line breaks (offsets kept)."""
    out: list[str] = []
    pos = 0
    for start, end in ranges:
        if start > pos:
            out.append(_blank(text[pos:start]))
        out.append(text[start:end])
        pos = end
    if pos < len(text):
        out.append(_blank(text[pos:]))
    return "".join(out)


def _blank(chunk: str) -> str:
    if chunk.isspace():  # the space between two kept sentences stays as it was
        return chunk
    # Line breaks, not spaces: a whitespace token holding a break always starts a sentence
    # (dateline.nlp's paragraph component), so the parser never joins a kept sentence to the
    # blank, or two kept sentences across it, and every sentence's text stays its own.
    return "\n" * len(chunk)

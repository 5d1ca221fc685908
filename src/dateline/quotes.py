"""Quotes: find direct quotations in an article and who said them.

Quotation marks are paired with a small scanner (straight and curly double quotes; single quotes
only in headlines or after a speech verb or colon). The speaker is the subject of the speech verb
that governs the quote, found by walking up the parse from the quoted words, else the nearest
speech verb or "according to" in the same sentences. The word lists live in ``data/quotes.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from dateline.datafiles import data_file, load_mapping
from dateline.model import ActorRef, Article, Quote
from dateline.nlp import doc_text as nlp_doc_text

__all__ = ["find_quotes", "quote_spans", "quoted_speakers", "speaker_token"]

QUOTES_FILE = "quotes.yaml"
_OPEN_DOUBLE = "\u201c"
_CLOSE_DOUBLE = "\u201d"
_OPENER_BEFORE = set(" \t\n([{\u2014\u2013-/:;")
_NAME_DEPS = {"compound", "amod", "nmod", "nummod", "flat", "poss", "case"}
_PERSONAL = {"he", "she", "him", "her"}


@dataclass(frozen=True)
class _Lexicon:
    speech_verbs: frozenset[str]
    statement_nouns: frozenset[str]
    statement_agents: frozenset[str]
    scare_max_words: int


@cache
def lexicon() -> _Lexicon:
    """The speech-verb and statement-noun lists from ``data/quotes.yaml``."""
    lists = ("speech_verbs", "statement_nouns", "statement_agents")
    data = load_mapping(data_file(QUOTES_FILE), required=dict.fromkeys(lists, list))
    return _Lexicon(
        speech_verbs=frozenset(w.lower() for w in data["speech_verbs"]),
        statement_nouns=frozenset(w.lower() for w in data["statement_nouns"]),
        statement_agents=frozenset(w.lower() for w in data["statement_agents"]),
        scare_max_words=int(data.get("scare_quote_max_words", 2)),
    )


# --- pairing quotation marks ----------------------------------------------------------------------


@dataclass
class _Piece:
    start: int  # first character inside the marks
    end: int  # one past the last character inside the marks
    chain: int  # pieces of one multi-paragraph quotation share a chain number


def _is_opener(text: str, i: int) -> bool:
    ch = text[i]
    if ch == _OPEN_DOUBLE:
        return True
    if ch == _CLOSE_DOUBLE:
        return False
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    return before in _OPENER_BEFORE and not after.isspace()


#: The characters the pairing scanner acts on; it jumps from one to the next.
_MARKS = re.compile('[\n"\u201c\u201d]')
_SPACES = re.compile(r"\s*")  # what str.lstrip() strips (both ask Py_UNICODE_ISSPACE)


def _double_pieces(text: str) -> list[_Piece]:
    pieces: list[_Piece] = []
    open_at: int | None = None
    chain = 0
    i = 0
    while (mark := _MARKS.search(text, i)) is not None:
        i = mark.start()
        ch = text[i]
        if ch == "\n":
            if open_at is not None:
                # a paragraph ends inside a quotation: it goes on if the next paragraph opens
                # a quote
                pieces.append(_Piece(open_at, i, chain))
                j = _SPACES.match(text, i).end()
                if text[j : j + 1] in ('"', _OPEN_DOUBLE):
                    open_at = i = j + 1
                    continue
                open_at = None
                chain += 1
        elif open_at is None:
            if _is_opener(text, i) or ch == '"':
                open_at = i + 1
        elif ch == _OPEN_DOUBLE:
            open_at = i + 1  # a stray opener: start again here
        else:
            pieces.append(_Piece(open_at, i, chain))
            open_at = None
            chain += 1
        i += 1
    if open_at is not None:
        pieces.append(_Piece(open_at, len(text), chain))
    return pieces


_SINGLE = re.compile(
    r"(?<![\w'\u2019])['\u2018]([A-Za-z][^'\u2018\u2019\n\"]{0,200}?[\w.,!?])['\u2019](?!\w)"
)
_COLON_OR_VERB = re.compile(
    r"(?:[:,]\s*|\b(?:said|says|told|tells|added|called|calls|wrote|writes|declared|warned|described|"
    r"promised|dubbed|labeled|labelled|termed|branded)\s+(?:it\s+|them\s+|him\s+|her\s+|as\s+|an?\s+)?)$"
)


def _single_pieces(text: str, taken: list[tuple[int, int]], chain: int) -> list[_Piece]:
    pieces = []
    for m in _SINGLE.finditer(text):
        if any(s - 1 <= m.start() < e + 1 for s, e in taken):
            continue  # nested in a double-quoted passage
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line = text[line_start : line_end if line_end != -1 else len(text)].strip()
        headline = len(line.split()) <= 15 and not line.endswith((".", "?", "!", ":"))
        curly = text[m.start()] == "\u2018"
        cue = _COLON_OR_VERB.search(text[max(line_start, m.start() - 40) : m.start()])
        if headline or cue or curly:
            pieces.append(_Piece(m.start(1), m.end(1), chain))
            chain += 1
    return pieces


def quote_spans(text: str) -> list[tuple[int, int, int]]:
    """``(start, end, chain)`` of every quoted passage, offsets inside the marks, in text order."""
    doubles = _double_pieces(text)
    singles = _single_pieces(text, [(p.start, p.end) for p in doubles], len(doubles) + 1)
    out = []
    for p in sorted(doubles + singles, key=lambda p: p.start):
        start, end = p.start, p.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
            end -= 1
        if end > start:
            out.append((start, end, p.chain))
    return out


# --- attribution ----------------------------------------------------------------------------------


def _is_speech_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in lexicon().speech_verbs


def _own_subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ not in ("it", "there"):
            return child
    return None


def _subject(verb: Token) -> Token | None:
    """The subject of a verb, borrowed from the governing verb for "adding:" / "and said"."""
    if _own_subject(verb) is None and verb.tag_ == "VBG":
        # "X said, adding: ..." -- the speech verb just before the participle speaks
        for i in range(verb.i - 1, verb.sent.start - 1, -1):
            prev = verb.doc[i]
            if _is_speech_verb(prev) and (subject := _own_subject(prev)) is not None:
                return subject
    for _ in range(4):
        if (subject := _own_subject(verb)) is not None:
            return subject
        if verb.dep_ == "relcl":
            return verb.head
        if verb.dep_ in ("advcl", "xcomp", "conj", "pcomp") and verb.head.i != verb.i:
            verb = verb.head
            if verb.pos_ not in ("VERB", "AUX"):
                verb = verb.head
            continue
        return None
    return None


def _owner(noun: Token) -> Token:
    """Who issued a statement: "Moscow's statement", "a statement by/from X", "a Kremlin statement"."""
    lex = lexicon()
    if noun.lemma_.lower() not in lex.statement_nouns and noun.lower_ not in lex.statement_nouns:
        return noun
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in lex.statement_agents:
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    for child in noun.children:
        if child.dep_ == "compound" and child.pos_ == "PROPN":
            return child
    for child in noun.children:
        if child.dep_ == "acl":  # "a statement issued by X"
            for prep in child.children:
                if prep.dep_ == "agent" or (prep.dep_ == "prep" and prep.lower_ == "by"):
                    for grand in prep.children:
                        if grand.dep_ == "pobj":
                            return grand
    return noun


def _according_to(tokens) -> Token | None:
    for tok in tokens:
        if tok.lower_ == "according":
            for to in tok.children:
                if to.lower_ == "to":
                    for obj in to.children:
                        if obj.dep_ == "pobj":
                            return obj
    return None


def _antecedent(pronoun: Token, actors) -> Token | None:
    """For "he"/"she": the nearest person named before it in this or the previous sentence."""
    doc = pronoun.doc
    sent = pronoun.sent
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for i in range(pronoun.i - 1, start - 1, -1):
        tok = doc[i]
        actor = actors.at(i) if actors is not None else None
        if tok.ent_type_ == "PERSON" or (actor is not None and actor.kind == "person"):
            while tok.dep_ in ("compound", "flat") and tok.head.i > tok.i:
                tok = tok.head
            return tok
    return None


def _phrase(tok: Token) -> str:
    """The name words around a head noun: "White House officials", "Angela Merkel"."""
    left = tok.i
    for child in tok.lefts:
        if child.dep_ in _NAME_DEPS:
            left = min(left, child.left_edge.i)
    doc = tok.doc
    while left < tok.i and doc[left].pos_ == "DET":
        left += 1
    return doc[left : tok.i + 1].text


def speaker_token(tok: Token, actors) -> Token:
    """The words that name a speaker: a statement's owner ("Moscow's statement": Moscow), a
    "he" or "she" the actor index does not know resolved to the person named before it."""
    tok = _owner(tok)
    if tok.lower_ in _PERSONAL and (actors is None or actors.at(tok.i) is None):
        tok = _antecedent(tok, actors) or tok
    return tok


def _speaker_ref(tok: Token, actors) -> ActorRef:
    tok = speaker_token(tok, actors)
    text = _phrase(tok)
    if actors is not None:
        for i in [tok.i, *range(tok.left_edge.i, tok.i)]:
            actor = actors.at(i)
            if actor is not None:
                return actor.ref(text)
    return ActorRef(text=text)


def _attribute(
    doc: Doc, text: str, start: int, end: int, quoted: list[bool], sent_of: list[Span]
) -> Token | None:
    """The words naming who says the quotation ``start:end`` (before :func:`speaker_token`)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    lex = lexicon()
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end == -1 else para_end

    def here(t: Token) -> bool:
        return para_start <= t.idx < para_end

    inside = set(range(span.start, span.end))

    def speaker_of(verb: Token) -> Token | None:
        subject = _subject(verb)
        if (
            subject is not None
            and here(subject)
            and subject.i not in inside
            and not quoted[subject.idx]
        ):
            return subject
        before = doc[verb.i - 1] if verb.i > 0 else None  # a bad parse: take "X said" at face value
        if (
            before is not None
            and before.pos_ in ("NOUN", "PROPN")
            and here(before)
            and not quoted[before.idx]
        ):
            return before
        return None

    words = sum(1 for t in span if not t.is_punct)
    # 1. walk up the parse from the quoted words to the verb that governs them
    first_verb = None
    tok, steps = span.root, 0
    while tok.head.i != tok.i and steps < 12:
        tok, steps = tok.head, steps + 1
        if tok.i in inside:
            continue
        if _is_speech_verb(tok) and here(tok) and (subject := speaker_of(tok)) is not None:
            return subject
        if first_verb is None and tok.pos_ in ("VERB", "AUX"):
            first_verb = tok
    if words <= lex.scare_max_words:
        return None
    # 2. the nearest speech verb outside quotes in the sentences the quote touches
    sents = {sent_of[t.i].start: sent_of[t.i] for t in (span[0], span[-1])}
    nxt = span[-1].i + 1
    while nxt < len(doc) and doc[nxt].is_punct:
        nxt += 1
    if nxt < len(doc) and sent_of[nxt].start not in sents and sent_of[nxt].start == nxt:
        sents[nxt] = sent_of[nxt]  # "...," \n she said.
    candidates = [
        t
        for s in sents.values()
        for t in s
        if _is_speech_verb(t) and not quoted[t.idx] and t.i not in inside and here(t)
    ]
    candidates.sort(key=lambda t: min(abs(t.idx - start), abs(t.idx - end)))
    for verb in candidates:
        if (subject := speaker_of(verb)) is not None:
            return subject
    agent = _according_to(t for s in sents.values() for t in s if not quoted[t.idx] and here(t))
    if agent is not None:
        return agent
    if first_verb is not None:
        subject = _subject(first_verb)
        if (
            subject is not None
            and subject.i not in inside
            and subject.pos_ != "PRON"
            and here(subject)
        ):
            return subject
    return None


def find_quotes(doc: Doc, article: Article, actors) -> list[Quote]:
    """Every direct quotation in the article, with its speaker where the text names one."""
    return [
        Quote(
            text=article.text[start:end], start=start, end=end, speaker=speaker, sentence=sentence
        )
        for start, end, speaker, sentence in attributed_spans(doc, article.text, actors)
    ]


def attributed_spans(
    doc: Doc, text: str, actors
) -> list[tuple[int, int, ActorRef | None, int | None]]:
    """``(start, end, speaker, sentence)`` of every quoted passage of ``text`` (the text ``doc``
    annotates): a quote that names no speaker takes the one of the passage it continues."""
    return [
        (start, end, _speaker_ref(tok, actors) if tok is not None else None, sentence)
        for start, end, tok, sentence in _attributed_tokens(doc, text)
    ]


def quoted_speakers(doc: Doc, text: str, actors) -> dict[int, Token | None]:
    """Sentences (by index in ``doc.sents``) whose main verb lies inside a direct quotation, each
    with the words that name the quotation's speaker (:func:`speaker_token`; None where the text
    names nobody): "'This is barbaric.'" after "A resident said: ..." is the resident's. A
    quotation that names no speaker and opens the sentence after another quotation of the same
    paragraph ("'...,' she said. 'Uganda must withdraw.'") goes on in the same voice."""
    spans = _attributed_tokens(doc, text)
    if not spans:
        return {}
    out: dict[int, Token | None] = {}
    last: Token | None = None  # the speaker of a quotation in the sentence before
    for n, sent in enumerate(doc.sents):
        at = sent.root.idx
        here = [
            tok for start, end, tok, _ in spans if sent.start_char <= end and start < sent.end_char
        ]
        new_paragraph = "\n" in text[max(0, sent.start_char - 2) : sent.start_char]
        said = next((t for t in reversed(here) if t is not None), None)
        for start, end, tok, _ in spans:
            if start <= at < end:
                if tok is None and not new_paragraph:
                    tok = said = last  # it runs on in the voice of the quotation before
                out[n] = speaker_token(tok, actors) if tok is not None else None
                break
        last = said
    return out


#: Where :func:`_attributed_tokens` keeps its answer for a document (text, answer).
_ATTRIBUTED_KEY = "dateline.quotes.attributed"


def _attributed_tokens(doc: Doc, text: str) -> list[tuple[int, int, Token | None, int | None]]:
    """``(start, end, speaker words, sentence)`` of every quotation of ``text``, worked out once
    per document and text (kept in ``doc.user_data``): the event coder asks for the quoted
    sentences and the quote stage for the quotes, and neither the parse nor the quotation marks
    change in between. The speaker words come from the parse alone."""
    memo = doc.user_data.get(_ATTRIBUTED_KEY)
    if memo is not None and memo[0] == text:
        return memo[1]
    found = _attributed_tokens_fresh(doc, text)
    doc.user_data[_ATTRIBUTED_KEY] = (text, found)
    return found


def _attributed_tokens_fresh(
    doc: Doc, text: str
) -> list[tuple[int, int, Token | None, int | None]]:
    spans = quote_spans(text)
    if not spans:
        return []
    quoted = [False] * (len(text) + 1)
    for start, end, _ in spans:
        for i in range(max(0, start - 1), min(len(text), end + 1)):
            quoted[i] = True
    doc_text = nlp_doc_text(doc)  # spaCy builds doc.text from the tokens on every access
    sentences = list(doc.sents)
    sent_index = {s.start: n for n, s in enumerate(sentences)}
    sent_of = [s for s in sentences for _ in range(len(s))]  # token index -> its sentence
    found: list[tuple[int, int, Token | None, int | None]] = []
    chain_speaker: dict[int, Token] = {}
    chains: list[int] = []
    for start, end, chain in spans:
        speaker = _attribute(doc, doc_text, start, end, quoted, sent_of)
        if speaker is not None and chain not in chain_speaker:
            chain_speaker[chain] = speaker
        first = doc.char_span(start, end, alignment_mode="expand")
        sentence = (
            sent_index.get(sent_of[first[0].i].start) if first is not None and len(first) else None
        )
        found.append((start, end, speaker, sentence))
        chains.append(chain)
    return [
        (start, end, speaker or chain_speaker.get(chain), sentence)
        for (start, end, speaker, sentence), chain in zip(found, chains, strict=True)
    ]

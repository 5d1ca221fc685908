"""In-document actor resolution: every mention to who it is, using the parse and the knowledge base.

Rules, in the order they apply (each mention records the rule that resolved it):

``kb``            a name, alias or metonym in the knowledge base ("Russia", "the Kremlin", "NATO")
``kb-person``     a person in the knowledge base, chosen by the article date ("Vladimir Putin")
``title``         a person introduced with a title and nationality ("Japanese Prime Minister X")
``surname``       a later bare mention of a person introduced earlier ("Abe", also when NER missed it)
``possessive``    "Germany's Merkel", "Australia's Turnbull": the possessor gives the country
``affiliation``   "Michael Schmidt of The New York Times": the organisation gives country and sector
``role``          a role noun with a nationality ("U.S. intelligence agencies", "German ministers")
``role-coref``    a role description of a person already met ("the French president")
``group-coref``   "the two presidents", "both leaders": the persons of that role met so far
``pronoun``       he/she/they/it with a clear antecedent in the last two sentences
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from dateline.actors.index import ActorIndex
from dateline.model import Actor, Article, Mention

# Dependency labels that modify a noun inside its own noun phrase.
NP_MODIFIERS = {"compound", "amod", "nmod", "det", "nummod", "quantmod", "flat", "predet", "case"}
# Where a noun phrase stops: clauses and prepositional phrases hang off the head.
PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
THING_PRONOUNS = {"it", "its", "itself"}
LEADER_WORDS = {
    "leader",
    "leaders",
    "president",
    "presidents",
    "man",
    "men",
    "sides",
    "premier",
    "premiers",
    "chancellor",
    "heads",
    "head",
    "counterparts",
    "counterpart",
}
GROUP_DETERMINERS = {"two", "both", "three", "all"}
_name_chars = re.compile(r"[^\w\s'-]")


@dataclass
class _Context:
    doc: Doc
    kb: object
    on: date | None
    index: ActorIndex
    authors: set[str]
    sent_of: dict[int, int]
    people: dict[str, Actor]  # surname / full name (lowercase) -> person actor
    recent: list[tuple[int, int, Actor]]  # (token index, sentence, actor) in document order
    recent_groups: list[tuple[int, int, tuple[Actor, ...]]]
    roles: dict[str, str] = None  # person actor id -> role ("president", "prime minister")

    def __post_init__(self) -> None:
        if self.roles is None:
            self.roles = {}


def resolve_actors(doc: Doc, article: Article, kb) -> ActorIndex:
    """Resolve every actor mention of ``doc`` (the annotated ``article``) into an ActorIndex."""
    index = ActorIndex()
    sent_of: dict[int, int] = {}
    for s_i, sent in enumerate(doc.sents):
        for tok in sent:
            sent_of[tok.i] = s_i
    authors = {_norm(a) for a in article.authors}
    ctx = _Context(doc, kb, article.published, index, authors, sent_of, {}, [], [])

    claimed: set[int] = set()
    # 1. Named entities and knowledge-base phrases, longest first, in document order.
    for span in _named_spans(doc, kb):
        if claimed.intersection(range(span.start, span.end)) or _dateline_place(span):
            continue
        if _resolve_named(ctx, span):
            claimed.update(range(span.start, span.end))
    # 2. Noun heads: role nouns with nationality, bare surnames NER missed, group and role coref.
    for tok in doc:
        if tok.i in claimed or index.all_at(tok.i) or tok.pos_ not in {"NOUN", "PROPN"}:
            continue
        if tok.dep_ in {"compound", "flat"} and tok.head.pos_ in {"NOUN", "PROPN"}:
            continue
        if _resolve_noun(ctx, tok):
            claimed.add(tok.i)
    # 3. Coordinated noun phrases ("Trump and Putin", "Jordan and Britain") are groups that
    #    "they" and "the two" can refer to.
    _register_groups(ctx)
    _appositions(ctx)
    # 4. Pronouns, now that every explicit mention is known.
    for tok in doc:
        if tok.pos_ == "PRON" and tok.i not in claimed:
            _resolve_pronoun(ctx, tok)
    return index


# --------------------------------------------------------------------------- named spans


def _dateline_place(span: Span) -> bool:
    """ "OTTAWA — ...", "BRASILIA (Reuters) -": the place a story was filed from, not an actor."""
    doc = span.doc
    at_start = span.start == 0 or doc[span.start - 1].is_space or doc[span.start - 1].is_sent_start
    after = doc[span.end] if span.end < len(doc) else None
    return (
        at_start
        and span.text.isupper()
        and len(span.text) > 2
        and after is not None
        and (after.text in {"—", "–", "-", "(", ","} or after.is_punct)
    )


def _named_spans(doc: Doc, kb) -> list[Span]:
    spans: list[Span] = [
        e for e in doc.ents if e.label_ in {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
    ]
    spans.extend(_kb_matches(doc, kb))
    # Longest first, then document order; ties resolved by start.
    spans.sort(key=lambda s: (s.start, -(s.end - s.start)))
    out: list[Span] = []
    taken: set[int] = set()
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if not taken.intersection(range(span.start, span.end)):
            out.append(span)
            taken.update(range(span.start, span.end))
    out.sort(key=lambda s: s.start)
    return out


_matchers: dict[int, object] = {}


def _kb_matches(doc: Doc, kb) -> list[Span]:
    from spacy.matcher import PhraseMatcher

    key = id(kb)
    matcher = _matchers.get(key)
    if matcher is None:
        matcher = PhraseMatcher(doc.vocab, attr="LOWER")
        phrases = sorted({p for p in kb.phrases() if p and (len(p) > 2 or p.isupper())})
        phrases += kb.multiword_country_words()  # "Sierra Leonean", "South Korean"
        from spacy.lang.en import English

        make = English(vocab=doc.vocab).tokenizer
        matcher.add("KB", [make(p) for p in phrases])
        _matchers[key] = matcher
    spans = []
    for _, start, end in matcher(doc):
        span = doc[start:end]
        text = span.text
        # Case matters for short or common words: "May" the month is not Theresa May,
        # "US" the country is not "us".
        if not any(c.isupper() for c in text):
            continue
        if len(span) == 1 and span[0].pos_ in {"VERB", "AUX", "ADP", "PRON", "DET"}:
            continue
        spans.append(span)
    return spans


def _resolve_named(ctx: _Context, span: Span) -> bool:
    kb = ctx.kb
    # Strip a leading "the" that NER sometimes includes.
    if span[0].lower_ == "the" and len(span) > 1:
        span = span[1:]
    text = span.text
    if _norm(text) in ctx.authors:
        return False
    label = span.label_ if span.label_ else ""
    entry = kb.lookup(text, on=ctx.on)
    if entry is None and (code := kb.country_of(text)):
        entry = kb.lookup(
            code, on=ctx.on
        )  # a demonym ("German", "Ugandan"), whatever NER called it
    if (label == "PERSON" or _looks_like_person(ctx, span)) and (
        entry is None or entry.kind == "person"
    ):
        return _resolve_person(ctx, span, entry)
    if entry is None and span[-1].text in {"'s", "’s"}:
        entry = kb.lookup(span[:-1].text, on=ctx.on)

    if entry is None and label in {"GPE", "LOC"}:
        # "South Lebanon", "eastern Ukraine", "Tel Aviv": a place names its country
        country = _country_inside(ctx, span) or _gazetteer_country(span.text, ctx)
        if country:
            found = kb.lookup(country)
            actor = _get(
                ctx, ("place", country), found.name if found else country, country, None, "country"
            )
            _mention(ctx, actor, span, "gazetteer")
            return True
    if entry is None:
        if label in {"ORG"} and span.root.pos_ == "PROPN":
            # An organisation we do not know: keep it, affiliation from context.
            country = (
                _country_cue(ctx, span)
                or _country_inside(ctx, span)
                or _place_country(ctx, span.root)
            )
            actor = _get(ctx, ("org", _norm(text)), text, country, None, "organisation")
            _mention(ctx, actor, span, "ner-org")
            return True
        return False
    if entry.kind == "person":
        return _resolve_person(ctx, span, entry)
    if entry.source.endswith(" capital") and (home := _namesake_town(ctx, span, entry.country)):
        # "Tripoli ... the north Lebanese port": a town of a country the sentence names, not
        # the capital of the same name
        found = kb.lookup(home)
        actor = _get(ctx, ("place", home), found.name if found else home, home, None, "country")
        _mention(ctx, actor, span, "gazetteer")
        return True
    if (
        entry.id.startswith("people:")
        and (place := _place_country(ctx, span.root))
        and place != entry.country
    ):
        # "the Albanians of southern Serbia": residents of the place they live in
        actor = _get(
            ctx, ("ethnic", _norm(text), place), f"{text} of {place}", place, "CVL", "group"
        )
        _mention(ctx, actor, span, "residents")
        return True
    if _ethnic(span):
        # "ethnic Albanians in Serbia": a community, placed by where it lives, not a state
        country = _place_country(ctx, span.root)
        actor = _get(
            ctx, ("ethnic", _norm(text), country), f"ethnic {text}", country, "CVL", "group"
        )
        _mention(ctx, actor, span, "ethnic")
        return True
    # A demonym used as an adjective of a role noun ("Russian officials") belongs to that role
    # noun phrase; on any other noun ("German goods", "a U.S. request") it names the country.
    modifier = span.root
    while modifier.dep_ == "conj" and modifier.head is not modifier:
        modifier = modifier.head  # "German and French ministers": French hangs off German
    if (
        modifier.dep_ in {"amod", "compound", "nmod"}
        and modifier.head.pos_ in {"NOUN", "PROPN"}
        and modifier.head.i not in range(span.start, span.end)
        and entry.kind in {"country", "metonym"}
        and _is_role_noun(kb, modifier.head)
    ):
        return False
    if entry.kind == "country" and span.root.dep_ == "compound" and span.root.head.pos_ == "PROPN":
        return False  # "U.S. President Trump": the country is a title cue, not an actor
    kind = {
        "country": "country",
        "organisation": "organisation",
        "group": "group",
        "metonym": "country",
    }.get(entry.kind, "organisation")
    key = (
        ("gov", entry.country, entry.sector)
        if entry.kind == "metonym" and entry.country
        else ("kb", entry.id)
    )
    actor = _get(ctx, key, entry.name, entry.country, entry.sector, kind)
    _mention(ctx, actor, span, f"kb:{entry.source}" if entry.source else "kb")
    return True


def _ethnic(span: Span) -> bool:
    root = span.root
    while root.dep_ in {"amod", "compound"} and root.head is not root:
        root = root.head
    words = [t.lower_ for t in root.lefts] + [
        t.lower_ for t in span.doc[max(0, span.start - 2) : span.start]
    ]
    return "ethnic" in words


def _place_country(ctx: _Context, tok: Token) -> str | None:
    """The country of a place attached by in/of/from to a noun ("Albanians of southern Serbia")."""
    head = tok
    while head.dep_ in {"amod", "compound"} and head.head is not head:
        head = head.head
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in {"in", "of", "from"}:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    country = _country_inside(ctx, pobj.subtree)
                    if country:
                        return country
    return None


def _is_role_noun(kb, tok: Token) -> bool:
    """The head noun names a role ("officials"), alone or with its noun compound ("intelligence agencies")."""
    if kb.sector_of(tok.lower_) or kb.sector_of(tok.lemma_.lower()):
        return True
    left = tok.doc[tok.i - 1] if tok.i > 0 else None
    if left is not None and left.dep_ == "compound" and left.head == tok and left.pos_ == "NOUN":
        return bool(kb.sector_of(f"{left.lower_} {tok.lower_}"))
    return False


def _looks_like_person(ctx: _Context, span: Span) -> bool:
    if span.label_ not in {"ORG", "GPE", "NORP", ""}:
        return False
    key = _norm(span.text)
    return key in ctx.people


def _resolve_person(ctx: _Context, span: Span, entry=None) -> bool:
    kb = ctx.kb
    # Trim possessive marker tokens.
    while len(span) > 1 and span[-1].text in {"'s", "’s", "'"}:
        span = span[:-1]
    name = span.text.strip()
    key = _norm(name)
    if key in ctx.authors:
        return False
    surname = _norm(span[-1].text)
    known = ctx.people.get(key) or (ctx.people.get(surname) if len(span) == 1 else None)
    if known is not None:
        _mention(ctx, known, span, "surname")
        return True
    role, cue_country, title_start = _title_cues(ctx, span)
    if entry is None:
        entry = kb.lookup(name, on=ctx.on)
        if entry is not None and entry.kind != "person":
            entry = None
    if entry is None and len(span) == 1:
        candidates = kb.people_with_surname(span.text, on=ctx.on)
        if cue_country:
            candidates = [c for c in candidates if c.country == cue_country] or candidates
        if len(candidates) == 1:
            entry = candidates[0]
    if entry is not None and cue_country and entry.country and entry.country != cue_country:
        entry = None  # "French President X" is not the Russian X of the knowledge base
    if entry is not None:
        actor = _get(ctx, ("person", entry.id), entry.name, entry.country, entry.sector, "person")
        rule = "kb-person"
    else:
        country = cue_country
        sector = kb.sector_of(role) if role else None
        affiliation = _affiliation(ctx, span)
        if affiliation is not None:
            country = country or affiliation.country
            sector = sector or affiliation.sector
            rule = "affiliation"
        elif cue_country or role:
            rule = "title"
        else:
            poss = _possessor_country(ctx, span)
            if poss:
                country, rule = poss, "possessive"
            else:
                rule = "ner-person"
        if role and _former(ctx, span):
            sector = "ELI"
        actor = _get(ctx, ("person", key), name, country, sector, "person")
    if role or entry is not None:
        ctx.roles.setdefault(actor.id, (getattr(entry, "role", None) or role or "").lower())
    ctx.people[key] = actor
    ctx.people.setdefault(_norm(actor.name), actor)
    ctx.people.setdefault(surname, actor)
    actor_surname = _norm(actor.name.split()[-1]) if actor.name.split() else surname
    ctx.people.setdefault(actor_surname, actor)
    _mention_tokens(
        ctx, actor, title_start if (role or cue_country) else span.start, span.end, rule
    )
    return True


def _title_cues(ctx: _Context, span: Span) -> tuple[str | None, str | None, int]:
    """Role words and a nationality just before a name: "U.S. President", "Japanese Prime Minister"."""
    doc, kb = ctx.doc, ctx.kb
    i = span.start - 1
    words: list[Token] = []
    sent_start = span.sent.start
    while i >= sent_start and span.start - i <= 8:
        tok = doc[i]
        if tok.is_punct and tok.text not in {".", "-"}:
            break
        if tok.pos_ in {"VERB", "AUX", "ADP", "CCONJ", "SCONJ", "PRON"} and tok.lower_ not in {
            "of"
        }:
            break
        if tok.lower_ in {"the", "a", "an"}:
            break
        words.insert(0, tok)
        i -= 1
    if not words:
        return None, None, span.start
    role = None
    country = None
    text = " ".join(t.text for t in words)
    lower = text.lower()
    for phrase in kb.role_phrases():
        if phrase in lower and _word_pattern(phrase).search(lower):
            role = phrase
            break
    for tok in words:
        c = kb.country_of(tok.text)
        if c:
            country = c
            break
    if country is None:
        # multi-word cues: "White House", "South Korean"
        for n in (3, 2):
            for j in range(len(words) - n + 1):
                phrase = " ".join(t.text for t in words[j : j + n])
                c = _place_word_country(ctx, phrase)
                if c:
                    country = c
                    break
            if country:
                break
    if country is None:
        for tok in words:
            entry = kb.lookup(tok.text, on=ctx.on)
            if entry is not None and entry.kind in {"metonym", "country"} and entry.country:
                country = entry.country
                break
    return role, country, words[0].i


@lru_cache(maxsize=4096)
def _word_pattern(phrase: str) -> re.Pattern:
    """A compiled whole-word pattern for a role phrase (compiled once, not per mention)."""
    return re.compile(rf"(?<![\w]){re.escape(phrase)}(?![\w])")


def _former(ctx: _Context, span: Span) -> bool:
    i = span.start - 1
    while i >= 0 and span.start - i <= 6:
        if ctx.doc[i].lower_ in {"former", "ex", "ousted", "late"}:
            return True
        if ctx.doc[i].is_punct:
            break
        i -= 1
    return False


def _affiliation(ctx: _Context, span: Span):
    """ "X of The New York Times" -> the organisation's entry."""
    root = span.root
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ in {"of", "from", "at"}:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    phrase = ctx.doc[pobj.left_edge.i : pobj.i + 1].text
                    for candidate in (phrase, re.sub(r"^the\s+", "", phrase, flags=re.I)):
                        entry = ctx.kb.lookup(candidate, on=ctx.on)
                        if entry is not None and entry.kind in {"organisation", "group"}:
                            return entry
    return None


def _possessor_country(ctx: _Context, span: Span) -> str | None:
    for child in span.root.children:
        if child.dep_ == "poss":
            c = ctx.kb.country_of(child.text)
            if c:
                return c
            entry = ctx.kb.lookup(child.text, on=ctx.on)
            if entry is not None and entry.country:
                return entry.country
    return None


def _place_word_country(ctx: _Context, words: str) -> str | None:
    """The country a word or phrase names: a country word or demonym ("South Korean"), else a
    country or metonym of the knowledge base ("White House", "Kremlin")."""
    code = ctx.kb.country_of(words)
    if code is None:
        entry = ctx.kb.lookup(words, on=ctx.on)
        if entry is not None and entry.kind in {"metonym", "country"}:
            code = entry.country
    return code


def _country_inside(ctx: _Context, tokens) -> str | None:
    """A country named inside a phrase: "Baghdad University", "Romania's new government"."""
    for tok in tokens:
        if not (tok.is_title or tok.is_upper) or tok.is_stop:
            continue
        if code := _place_word_country(ctx, tok.text):
            return code
    for tok in tokens:  # then towns and regions from the gazetteer: "the Tyumen region"
        if (
            tok.pos_ == "PROPN"
            and tok.ent_type_ not in {"PERSON", "ORG"}
            and (c := _town_country(tok.text, ctx))
        ):
            return c
    return None


def _namesake_town(ctx: _Context, span: Span, capital_of: str | None) -> str | None:
    """The country of a town called like a capital elsewhere, when the sentence names that
    country and not the capital's ("Tripoli" with "Lebanese": Tripoli, Lebanon)."""
    sent = ctx.doc[span.start].sent
    named = {c for t in sent if (t.is_title or t.is_upper) and (c := ctx.kb.country_of(t.text))}
    if not named or capital_of in named:
        return None
    from dateline.places import gazetteer

    home = gazetteer().town_country(span.text, tuple(sorted(named)))
    return home if home in named else None


def _town_country(name: str, ctx: _Context) -> str | None:
    """The country of a town named by a word the NER did not mark as a place (strict: no
    alternate names; a small town only in a country the article already names)."""
    from dateline.places import gazetteer

    return gazetteer().town_country(name, _article_countries(ctx))


def _article_countries(ctx: _Context) -> tuple[str, ...]:
    """Countries of the actors resolved so far: hints for places named in the article."""
    return tuple(a.country for a in ctx.index.actors if a.country)


def _gazetteer_country(name: str, ctx: _Context) -> str | None:
    """The country of a populated place from the offline gazetteer, preferring the article's countries."""
    from dateline.places import resolve_place

    place = resolve_place(name, _article_countries(ctx))
    if place is None or place.precision not in {"city", "admin1", "building"}:
        return None
    return place.country


def _country_cue(ctx: _Context, span: Span) -> str | None:
    role, country, _ = _title_cues(ctx, span)
    return country


# --------------------------------------------------------------------------- role nouns


def _np_left(tok: Token) -> list[Token]:
    """The head's own noun-phrase modifiers (not clauses, not prepositional phrases)."""
    out = []
    for child in tok.lefts:
        if child.dep_ in NP_MODIFIERS or child.dep_ == "poss":
            out.append(child)
            out.extend(t for t in child.subtree if t is not child)
    return sorted(out, key=lambda t: t.i)


def _resolve_noun(ctx: _Context, tok: Token) -> bool:
    kb = ctx.kb
    mods = _np_left(tok)

    # Role phrase: the head plus adjacent compound nouns ("foreign ministers", "intelligence agencies").
    role_tokens = [tok]
    for t in reversed([m for m in mods if m.i < tok.i]):
        if (
            t.i == role_tokens[0].i - 1
            and t.pos_ in {"NOUN", "ADJ"}
            and not kb.country_of(t.text)
            and not ctx.index.all_at(t.i)
        ):
            role_tokens.insert(0, t)
        else:
            break
    if tok.lower_ in LEADER_WORDS and tok.pos_ == "NOUN":
        dets = {t.lower_ for t in mods}
        plural = tok.tag_ == "NNS" or bool(dets & GROUP_DETERMINERS)
        cue = [c for t in mods if (c := kb.country_of(t.text))]
        for child in tok.children:  # "the president of Armenia"
            if child.dep_ == "prep" and child.lower_ in {"of", "from"}:
                cue += [
                    c
                    for p in child.children
                    if p.dep_ == "pobj" and (c := _country_inside(ctx, p.subtree))
                ]
        people = _people_by_role(ctx, tok, cue, plural)
        if people:
            start = min([tok.i] + [t.i for t in mods])
            for p in people:
                _mention_tokens(
                    ctx, p, start, tok.i + 1, "group-coref" if len(people) > 1 else "role-coref"
                )
            if len(people) > 1:
                ctx.recent_groups.append((tok.i, ctx.sent_of.get(tok.i, 0), tuple(people)))
            return True
    sector = None
    role_text = None
    head_is_role = _is_role_noun(kb, tok)
    for start in range(len(role_tokens) if head_is_role else 0):
        phrase = " ".join(t.lower_ for t in role_tokens[start:])
        sector = kb.sector_of(phrase)
        if sector:
            role_text = phrase
            break
    if sector is None:
        # A bare surname NER missed or mislabelled ("Abe said", "Merkel's invitation").
        if tok.pos_ == "PROPN" and tok.is_title:
            actor = ctx.people.get(_norm(tok.text))
            if actor is not None:
                _mention_tokens(ctx, actor, tok.i, tok.i + 1, "surname")
                return True
            # "Italy's Rossi", "Australia's Turnbull": a name owned by a country is a person of it
            poss = [c for c in tok.children if c.dep_ == "poss"]
            country = _possessor_country(ctx, ctx.doc[tok.i : tok.i + 1]) if poss else None
            if (
                country
                and kb.lookup(tok.text, on=ctx.on) is None
                and not _gazetteer_country(tok.text, ctx)
            ):
                actor = _get(ctx, ("person", _norm(tok.text)), tok.text, country, None, "person")
                ctx.people.setdefault(_norm(tok.text), actor)
                _mention_tokens(ctx, actor, tok.i, tok.i + 1, "possessive")
                return True
        return False
    # Nationalities among the modifiers, with conjunctions ("German and French").
    countries: list[str] = []
    # Multi-word names among the modifiers first: "Ivory Coast rebels", "South Korean troops".
    names = [t for t in mods if t.pos_ in {"PROPN", "ADJ", "NOUN"} and t not in role_tokens]
    in_chunk: set[int] = set()
    for n in (3, 2):
        for j in range(len(names) - n + 1):
            chunk = names[j : j + n]
            if chunk[-1].i - chunk[0].i == n - 1 and not in_chunk.intersection(t.i for t in chunk):
                phrase = " ".join(t.text for t in chunk)
                c = _place_word_country(ctx, phrase)
                if c:
                    in_chunk.update(t.i for t in chunk)
                    if c not in countries:
                        countries.append(c)
    # An organisation or armed group in front of the role speaks for it: "Red Cross officials",
    # "Hezbollah guerrillas" are that organisation.
    orgs = [a for t in mods for a in ctx.index.all_at(t.i) if a.kind in {"organisation", "group"}]
    if orgs and not countries and not any(kb.country_of(t.text) for t in mods):
        start = min([tok.i] + [t.i for t in mods if t.dep_ != "det"])
        _mention_tokens(ctx, orgs[0], start, tok.i + 1, "org-role")
        return True
    for t in mods:
        if t in role_tokens or t.i in in_chunk:
            continue
        # a named group or organisation in front of the role: "Hezbollah guerrillas"
        named = [a.country for a in ctx.index.all_at(t.i) if a.country and a.kind != "role"]
        if named:
            countries.extend(c for c in named if c not in countries)
            continue
        c = kb.country_of(t.text)
        if c is None and t.ent_type_ in {"GPE", "ORG", "FAC"}:
            ent = _entity_of(ctx.doc, t)
            phrase = ent.text if ent is not None else t.text
            entry = kb.lookup(re.sub(r"(?i)^the\s+", "", phrase).removesuffix("'s"), on=ctx.on)
            c = entry.country if entry is not None else None
        if c and c not in countries:
            countries.append(c)
    if not countries:
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in {"in", "of", "from"}:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        ent = _entity_of(ctx.doc, pobj)
                        phrase = ent.text if ent is not None else pobj.text
                        c = kb.country_of(phrase)
                        if c is None:
                            entry = kb.lookup(re.sub(r"(?i)^the\s+", "", phrase), on=ctx.on)
                            c = (
                                entry.country
                                if entry is not None and entry.kind != "organisation"
                                else None
                            )
                        if c is None:
                            c = _country_inside(ctx, [g for g in pobj.subtree if g.i <= pobj.i])
                        if c:
                            countries.append(c)
    if not countries:
        # "workers affiliated with the Serbian union", "a group based in Trinidad"
        for child in tok.children:
            if child.dep_ in {"acl", "amod"} and child.tag_ in {"VBN", "JJ"}:
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ in {"with", "in", "to", "from", "of"}:
                        for pobj in prep.children:
                            if pobj.dep_ == "pobj" and (c := _country_inside(ctx, pobj.subtree)):
                                countries.append(c)
    plural = tok.tag_ in {"NNS", "NNPS"}
    dets = {t.lower_ for t in mods}
    # Role coreference: "the French president", "the new U.S. leader", "the two presidents".
    if tok.lower_ in LEADER_WORDS or (role_text and role_text.split()[-1] in LEADER_WORDS):
        people = _people_by_role(ctx, tok, countries, plural or bool(dets & GROUP_DETERMINERS))
        if people:
            start = min([tok.i] + [t.i for t in mods])
            rule = "group-coref" if len(people) > 1 else "role-coref"
            for p in people:
                _mention_tokens(ctx, p, start, tok.i + 1, rule)
            if len(people) > 1:
                ctx.recent_groups.append((tok.i, ctx.sent_of.get(tok.i, 0), tuple(people)))
            return True
    if not countries:
        if "former" in dets or any(t.lower_ == "former" for t in mods):
            sector = "ELI"
        # A role with no nationality is kept: the events stage can still use it.
        actor = _get(
            ctx,
            ("role", None, sector, role_text or tok.lemma_),
            role_text or tok.lemma_,
            None,
            sector,
            "role",
        )
        _mention_tokens(
            ctx, actor, min([tok.i] + [t.i for t in mods if t.dep_ != "det"]), tok.i + 1, "role"
        )
        return True
    start = min([tok.i] + [t.i for t in mods if t.dep_ != "det"])
    group = []
    for c in countries:
        actor = _get(
            ctx, ("role", c, sector), _role_name(kb, c, role_text or tok.lemma_), c, sector, "role"
        )
        _mention_tokens(ctx, actor, start, tok.i + 1, "role")
        group.append(actor)
    if len(group) > 1:
        ctx.recent_groups.append((start, ctx.sent_of.get(start, 0), tuple(group)))
    return True


HEAD_ROLES = (
    "president",
    "prime minister",
    "chancellor",
    "premier",
    "king",
    "queen",
    "emir",
    "leader",
    "head",
)


def _role_matches(ctx: _Context, actor: Actor, word: str) -> bool:
    role = ctx.roles.get(actor.id, "")
    word = word.rstrip("s") if word.endswith("ents") or word.endswith("ers") else word
    if word.startswith("president"):
        return "president" in role and "vice" not in role
    if word in {
        "leader",
        "leaders",
        "head",
        "heads",
        "counterpart",
        "counterparts",
        "premier",
        "premiers",
    }:
        return any(r in role for r in HEAD_ROLES)
    if word.startswith("chancellor"):
        return "chancellor" in role
    return True


def _people_by_role(ctx: _Context, tok: Token, countries: list[str], plural: bool) -> list[Actor]:
    seen: list[Actor] = []
    for i, _s, actor in _by_position(ctx.recent):
        if i >= tok.i:
            continue
        if actor.kind != "person" or actor.sector not in {"GOV", None}:
            continue
        if countries and actor.country not in countries:
            continue
        if not _role_matches(ctx, actor, tok.lower_):
            continue
        if actor not in seen:
            seen.append(actor)
    if not seen:
        return []
    if plural:
        # "the two presidents": the most recent pair met together, or the last two met apart
        # when both come after that pair ("Trump's call was with Japan's Abe ... the two men").
        pair_start = -1
        last_two: list[Actor] = []
        for i, _s, actor in _by_position(ctx.recent):
            if i < tok.i and actor in seen and actor not in last_two:
                last_two.append(actor)
                pair_start = i
            if len(last_two) == 2:
                break
        for i, _s, group in _by_position(ctx.recent_groups):
            if i < tok.i and all(
                a.kind == "person" and _role_matches(ctx, a, tok.lower_) for a in group
            ):
                if len(last_two) == 2 and pair_start > i:
                    return last_two
                return list(group)
        return seen[:2] if len(seen) >= 2 else []
    if countries:
        return seen[:1]
    # "the president" with no nationality: the most-mentioned matching person so far (salience),
    # the most recent one on a tie.
    counts = {a.id: sum(1 for i, _s, b in ctx.recent if b is a and i < tok.i) for a in seen}
    return [max(seen, key=lambda a: (counts[a.id], -seen.index(a)))]


def _role_name(kb, country: str, role: str) -> str:
    name = kb.lookup(country)
    base = name.name if name is not None else country
    return f"{base} {role}"


def _entity_of(doc: Doc, tok: Token) -> Span | None:
    for ent in doc.ents:
        if ent.start <= tok.i < ent.end:
            return ent
    return None


# --------------------------------------------------------------------------- pronouns


def _appositions(ctx: _Context) -> None:
    """An apposition or bracketed acronym names the actor it follows: "the Nigerian Union of
    Teachers (NUT), the umbrella union", "Kenzo Oshima, the UN relief coordinator"."""
    for tok in ctx.doc:
        if tok.dep_ != "appos":
            continue
        head = tok.head
        if _merge_role_and_person(ctx, head, tok):
            continue
        owners = [a for a in ctx.index.all_at(head.i) if a.country or a.kind == "person"]
        if not owners:
            # "Teachers (NUT)": the acronym hangs off the last word of a longer name
            node = head
            while node.dep_ in {"pobj", "prep"} and node.head is not node and not owners:
                node = node.head
                owners = [a for a in ctx.index.all_at(node.i) if a.country]
        mine = ctx.index.all_at(tok.i)
        if len(owners) != 1 or (mine and any(a.country for a in mine)):
            continue
        span = (
            ctx.doc[tok.left_edge.i : tok.i + 1]
            if tok.pos_ != "PROPN"
            else ctx.doc[tok.i : tok.i + 1]
        )
        if mine and mine[0].kind == "person":
            continue
        ctx.index.reassign(span.start, span.end, owners[0], Mention(
            text=span.text, start=span.start_char, end=span.end_char,
            sentence=ctx.sent_of.get(span.start, 0), rule="apposition"))  # fmt: skip
        ctx.recent = [
            (i, s, owners[0] if span.start <= i < span.end else a) for i, s, a in ctx.recent
        ]


def _merge_role_and_person(ctx: _Context, head: Token, appos: Token) -> bool:
    """ "the home secretary, Sajid Javid" / "Sajid Javid, the home secretary": one person, whose
    country and sector the role supplies when the knowledge base did not."""
    pairs = [(ctx.index.all_at(head.i), ctx.index.all_at(appos.i), head, appos),
             (ctx.index.all_at(appos.i), ctx.index.all_at(head.i), appos, head)]  # fmt: skip
    for roles, people, role_tok, _person_tok in pairs:
        role = next((a for a in roles if a.kind == "role"), None)
        person = next((a for a in people if a.kind == "person"), None)
        if role is None or person is None:
            continue
        if person.country is None:
            person.country = role.country
        if person.sector is None:
            person.sector = role.sector
        span = ctx.doc[role_tok.left_edge.i : role_tok.i + 1]
        ctx.index.reassign(span.start, span.end, person, Mention(
            text=span.text, start=span.start_char, end=span.end_char,
            sentence=ctx.sent_of.get(span.start, 0), rule="apposition"))  # fmt: skip
        role.mentions = [
            m for m in role.mentions if not (span.start_char <= m.start < span.end_char)
        ]
        ctx.recent = [(i, s, person if span.start <= i < span.end else a) for i, s, a in ctx.recent]
        return True
    return False


def _register_groups(ctx: _Context) -> None:
    known = {e[0] for e in ctx.recent_groups}
    for tok in ctx.doc:
        if tok.dep_ not in {"nsubj", "nsubjpass", "dobj", "pobj"} or tok.i in known:
            continue
        members: list[Actor] = []
        for t in tok.subtree:
            if t.dep_ in {"prep", "relcl", "acl", "advcl", "ccomp", "xcomp"} and t is not tok:
                break
            for a in ctx.index.all_at(t.i):
                if a.kind in {"person", "country", "organisation", "group"} and a not in members:
                    members.append(a)
        if len(members) > 1 and any(t.dep_ == "cc" for t in tok.subtree):
            ctx.recent_groups.append((tok.i, ctx.sent_of.get(tok.i, 0), tuple(members)))


def _singular_role(ctx: _Context, start: int) -> bool:
    """A role mention naming one person ("the Irish prime minister"), not a body or a crowd."""
    span_end = start
    while span_end + 1 < len(ctx.doc) and ctx.index.all_at(span_end + 1) == ctx.index.all_at(start):
        span_end += 1
    head = ctx.doc[span_end]
    return head.tag_ in {"NN", "NNP"} and head.lemma_.lower() in PERSON_ROLES


PERSON_ROLES = {"minister", "president", "king", "queen", "chancellor", "spokesman", "spokeswoman",
                "spokesperson", "ambassador", "envoy", "leader", "premier", "secretary", "governor",
                "mayor", "general", "commander", "chief", "emir", "prince", "official", "diplomat"}  # fmt: skip


def _is_subject(tok: Token) -> bool:
    node = tok
    for _ in range(4):
        if node.dep_ in {"nsubj", "nsubjpass"}:
            return True
        if node.dep_ in {"compound", "conj", "appos", "flat"} and node.head is not node:
            node = node.head
            continue
        return False
    return False


def _by_position(entries: list[tuple]) -> list[tuple]:
    """Mentions from the latest to the earliest position in the text."""
    return sorted(entries, key=lambda e: -e[0])


EXPLETIVE_ADJECTIVES = {"early", "late", "important", "possible", "impossible", "difficult", "hard", "easy",
                        "necessary", "clear", "likely", "unlikely", "time", "essential", "vital", "crucial",
                        "unclear", "true", "obvious", "wrong", "right", "good", "bad", "useful", "premature"}  # fmt: skip


def _expletive(tok: Token) -> bool:
    """ "It was agreed to ...", "it was quite early to ...": a dummy subject, no antecedent."""
    if tok.dep_ == "expl":
        return True
    if tok.lower_ != "it" or tok.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    head = tok.head
    clause = any(c.dep_ in {"xcomp", "ccomp", "csubj"} for c in head.children)
    if tok.dep_ == "nsubjpass":
        return clause  # "It was agreed to establish ...", "it is said that ..."
    adjectives = {c.lemma_.lower() for c in head.children if c.dep_ in {"acomp", "attr"}}
    return head.lemma_ == "be" and bool(adjectives & EXPLETIVE_ADJECTIVES)


def _resolve_pronoun(ctx: _Context, tok: Token) -> None:
    low = tok.lower_
    sent = ctx.sent_of.get(tok.i, 0)
    if _expletive(tok):
        return
    ctx.recent.sort(key=lambda e: e[0])
    ctx.recent_groups.sort(key=lambda e: e[0])
    if low in PERSON_PRONOUNS:
        people = [
            (i, s, a)
            for i, s, a in reversed(ctx.recent)
            if i < tok.i
            and sent - s <= 2
            and (a.kind == "person" or (a.kind == "role" and _singular_role(ctx, i)))
        ]
        # the subject of the nearest clause first ("The president accepted X's invitation and
        # said he ..."), then the nearest mention
        subjects = [e for e in people if _is_subject(ctx.doc[e[0]]) and sent - e[1] <= 1]
        for _i, _s, actor in subjects[:1] or people[:1]:
            _mention_tokens(ctx, actor, tok.i, tok.i + 1, "pronoun")
            return
    elif low in PLURAL_PRONOUNS:
        for i, s, group in reversed(ctx.recent_groups):
            if i < tok.i and sent - s <= 1:
                for actor in group:
                    _mention_tokens(ctx, actor, tok.i, tok.i + 1, "pronoun")
                return
        for i, s, actor in reversed(ctx.recent):
            if i < tok.i and sent - s <= 1 and actor.kind in {"role", "group", "organisation"}:
                _mention_tokens(ctx, actor, tok.i, tok.i + 1, "pronoun")
                return
    elif low in THING_PRONOUNS:
        for i, s, actor in reversed(ctx.recent):
            body = (
                actor.kind == "role"
                and ctx.doc[i].tag_ in {"NN", "NNP"}
                and not _singular_role(ctx, i)
            )
            if (
                i < tok.i
                and sent - s <= 1
                and (actor.kind in {"country", "organisation", "group"} or body)
            ):
                _mention_tokens(ctx, actor, tok.i, tok.i + 1, "pronoun")
                return


# --------------------------------------------------------------------------- bookkeeping


def _get(ctx: _Context, key: tuple, name: str, country, sector, kind: str) -> Actor:
    return ctx.index.get_or_add(
        key, lambda aid: Actor(id=aid, name=name, country=country, sector=sector, kind=kind)
    )


def _mention(ctx: _Context, actor: Actor, span: Span, rule: str) -> None:
    _mention_tokens(ctx, actor, span.start, span.end, rule)


def _mention_tokens(ctx: _Context, actor: Actor, start: int, end: int, rule: str) -> None:
    doc = ctx.doc
    span = doc[start:end]
    sentence = ctx.sent_of.get(start, 0)
    ctx.index.add_mention(
        actor,
        start,
        end,
        Mention(
            text=span.text, start=span.start_char, end=span.end_char, sentence=sentence, rule=rule
        ),
    )
    ctx.recent.append((start, sentence, actor))
    # Compound subjects: remember groups of actors joined by "and" for "they" / "the two".
    root = span.root
    if root.dep_ == "conj" or any(c.dep_ == "conj" for c in root.children):
        head = root
        while head.dep_ == "conj":
            head = head.head
        members: list[Actor] = []
        for t in [head, *[c for c in head.subtree if c.dep_ == "conj"]]:
            for a in ctx.index.all_at(t.i):
                if a not in members:
                    members.append(a)
        if len(members) > 1:
            ctx.recent_groups.append((start, sentence, tuple(members)))


def _norm(text: str) -> str:
    return " ".join(_name_chars.sub(" ", text.lower()).split())


def describe(index: ActorIndex) -> Iterable[tuple[str, Actor, Mention]]:
    """(mention text, actor, mention) for every mention in text order, for `dateline actors`."""
    rows = [(m.text, a, m) for a in index.actors for m in a.mentions]
    rows.sort(key=lambda r: r[2].start)
    return rows

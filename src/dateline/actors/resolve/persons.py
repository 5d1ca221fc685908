"""Named persons: the knowledge base by date, titles and nationality in front of the name, an
affiliation after it, earlier mentions of the same person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from dateline.actors.gender import name_gender
from dateline.actors.resolve.context import Context, get_actor, mention, mention_tokens, norm
from dateline.actors.resolve.cues import (
    country_inside,
    gazetteer_country,
    place_word_country,
    possessor_country,
)
from dateline.datafiles import data_file, load_mapping


def looks_like_person(ctx: Context, span: Span) -> bool:
    """A name met before as a person, or one NER called an organisation that reads as a
    person's: a known first name and one more capitalised word ("Helga Lindqvist"), not an
    organisation word ("Maria Foundation")."""
    if span.label_ not in {"ORG", "GPE", "NORP", ""}:
        return False
    key = norm(span.text)
    if key in ctx.people:
        return True
    return (
        span.label_ == "ORG"
        and len(span) == 2
        and all(t.is_title and t.pos_ == "PROPN" for t in span)
        and name_gender(span[0].text) is not None
        and span[1].lower_ not in NOT_SURNAMES
        and not ctx.kb.sector_of(span[1].lower_)
    )


#: Last words that make a first name plus a word an organisation or a place, not a person.
NOT_SURNAMES = {"foundation", "trust", "fund", "group", "bank", "line", "airways", "airlines",
                "hospital", "university", "college", "school", "institute", "centre", "center",
                "street", "square", "bridge", "station", "park", "house", "hall", "club",
                "museum", "gallery", "festival", "prize", "award", "company", "corporation",
                "project", "campaign", "network", "media", "news", "times", "post", "party"}  # fmt: skip


#: Honorifics NER may take into a person's name ("Prince Mohammed", "Sheikh Hamad", "Lord
#: Smith"): the name is the words after them.
HONORIFICS = {"prince", "princess", "crown", "king", "queen", "sheikh", "sheikha", "emir",
              "lord", "lady", "baroness", "sir", "dame"}  # fmt: skip
#: Titles of the British peerage: their holder sits in the House of Lords (GBR, LEG).
PEERAGE = {"lord", "baroness"}


def _peer(ctx: Context, span: Span, title_start: int) -> bool:
    """A peer's title just before the name ("Lord Carlile"), not a lord of something else
    ("a drug lord"): the title is the only word before the name."""
    before = ctx.doc[title_start : span.start]
    return len(before) == 1 and before[0].lower_ in PEERAGE and before[0].is_title


#: Possessive markers as spaCy splits them off a name ("Smith's", "Smith’s", "Jones'").
POSSESSIVES = {"'s", "’s", "'", "’"}

#: Parts of speech of a sentence's first word that is no part of a name after it.
LEADING_WORD_POS = {"ADP", "SCONJ", "CCONJ", "ADV"}


def resolve_person(ctx: Context, span: Span, entry=None) -> bool:
    kb = ctx.kb
    # "Prince Khalid’s plans": NER ran the name on into what the person owns; a name holds
    # no possessive, so the person is the words before it
    inner = [t.i for t in span[1:] if t.text in {"'s", "’s"}]
    if inner:
        span = span.doc[span.start : inner[0]]
    # Trim possessive marker tokens.
    while len(span) > 1 and span[-1].text in POSSESSIVES:
        span = span[:-1]
    # "Beyond Donald Trump, ...": NER took a sentence's first word (a preposition or a
    # conjunction) into the name
    while len(span) > 2 and span[0].is_sent_start and span[0].pos_ in LEADING_WORD_POS:
        span = span[1:]
    # "Prince Mohammed", "Lord Smith": NER took an honorific into the name; the person is the
    # name after it (met before by that first name or surname), the title a cue before it
    while (
        entry is None
        and len(span) > 1
        and span[0].lower_ in HONORIFICS
        and kb.lookup(span.text, on=ctx.on) is None
    ):
        span = span[1:]
    name = span.text.strip()
    key = norm(name)
    if key in ctx.authors:
        return False
    surname = norm(span[-1].text)
    known = ctx.people.get(key) or (
        ctx.people.get(surname) or ctx.given_names.get(key) if len(span) == 1 else None
    )
    if known is None and entry is None and len(span) > 1:
        known = _full_name_ending(ctx, key)
    if known is not None:
        if known.country is None and known.sector is None:
            # "Jo Roe ... Roe, of the charity Reprieve": the body named at a later mention
            affiliation = _affiliation(ctx, span)
            if affiliation is not None:
                known.country, known.sector = affiliation.country, affiliation.sector
        mention(ctx, known, span, "surname")
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
    igo = _igo_title(ctx, span, title_start) or _igo_apposition(ctx, span)
    if entry is not None and igo:
        # "EU commissioner X": the title says X acts for the IGO, whatever office the KB last
        # knew X in
        actor = get_actor(ctx, ("person", entry.id), entry.name, None, "IGO", "person")
        rule = "kb-person+igo-title"
    elif entry is not None:
        # the KB knows who, the title in the text what on that date, where the KB does not
        # ("National Security Adviser John Bolton" after the tables' last revision)
        sector = entry.sector or (kb.sector_of(role) if role else None)
        actor = get_actor(ctx, ("person", entry.id), entry.name, entry.country, sector, "person")
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
        elif town := _hometown(ctx, span):
            country, rule = town, "hometown"
        elif served := _served_country(ctx, span):
            country, rule = served, "aide"
        else:
            poss = possessor_country(ctx, span)
            if poss:
                country, rule = poss, "possessive"
            else:
                rule = "ner-person"
        if country is None and _peer(ctx, span, title_start):
            # "Lord Smith", "Baroness Jones": a member of the House of Lords
            country, sector, rule = "GBR", sector or "LEG", "peer"
        if igo:
            country, sector, rule = None, "IGO", "igo-title"
        if role and _former(ctx, span):
            sector = "ELI"
        actor = get_actor(ctx, ("person", key), name, country, sector, "person")
    if role or entry is not None:
        ctx.roles.setdefault(actor.id, (getattr(entry, "role", None) or role or "").lower())
    ctx.people[key] = actor
    ctx.people.setdefault(norm(actor.name), actor)
    ctx.people.setdefault(surname, actor)
    actor_surname = norm(actor.name.split()[-1]) if actor.name.split() else surname
    ctx.people.setdefault(actor_surname, actor)
    _remember_given_name(ctx, span, actor)
    titled = role or cue_country or igo
    mention_tokens(ctx, actor, title_start if titled else span.start, span.end, rule)
    return True


def _full_name_ending(ctx: Context, key: str):
    """ "Mary Jane Roe ... Jane Roe said": the one person met before whose full name
    ends in these two or more words, or None."""
    found = {id(a): a for k, a in ctx.people.items() if a is not None and k.endswith(" " + key)}
    return next(iter(found.values())) if len(found) == 1 else None


def _remember_given_name(ctx: Context, span: Span, actor) -> None:
    """ "Ricardo Vilanova ... Ricardo was freed": a person met by full name is met again by a
    known first name alone, unless two persons of the article share it."""
    while len(span) > 2 and (span[0].lower_ in HONORIFICS or not span[0].is_title):
        span = span[1:]  # "Crown prince Mohammed bin Salman ... Prince Mohammed"
    if len(span) < 2 or name_gender(span[0].text) is None:
        return
    first = norm(span[0].text)
    if first in ctx.given_names and ctx.given_names[first] is not actor:
        ctx.given_names[first] = None
    else:
        ctx.given_names[first] = actor


def _title_cues(ctx: Context, span: Span) -> tuple[str | None, str | None, int]:
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
                c = place_word_country(ctx, phrase)
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


@lru_cache(maxsize=1)
def igo_offices() -> frozenset[str]:
    """``data/actors/igo_offices.yaml``: offices whose holder acts for the IGO the title names."""
    raw = load_mapping(data_file("actors/igo_offices.yaml"), {"offices": list})
    return frozenset(str(w).lower() for w in raw["offices"])


@lru_cache(maxsize=1)
def igo_only_offices() -> frozenset[str]:
    """``data/actors/igo_offices.yaml``: offices only an IGO has, that name it by themselves."""
    raw = load_mapping(data_file("actors/igo_offices.yaml"), {"offices": list})
    return frozenset(str(w).lower() for w in raw.get("igo_only_offices") or ())


def _igo_title(ctx: Context, span: Span, title_start: int) -> bool:
    """The title in front of a name holds an IGO office: "EU commissioner", "African Union
    chief", "UN envoy" (an IGO named among the title's words, then one of its offices)."""
    return _igo_office(ctx, ctx.doc[title_start : span.end - 1])  # NER may take the title in


def _igo_apposition(ctx: Context, span: Span) -> bool:
    """The apposition after a name holds an IGO office: "X, the EU commissioner for
    enlargement", "X, the UN high commissioner for human rights" (the IGO in the words up to
    the office noun; not "X, the French envoy to the UN", whose IGO only follows the office)."""
    return any(
        node.dep_ == "appos"
        and node.pos_ == "NOUN"
        and node.i >= span.end
        and (
            _igo_office(ctx, ctx.doc[node.left_edge.i : node.i + 1])
            or _igo_only_office(ctx.doc[node.left_edge.i : node.right_edge.i + 1])
        )
        for node in span.root.children
    )


def _igo_only_office(words: Span) -> bool:
    """An office only an IGO has, named without it: "the high commissioner for human rights"
    (``igo_only_offices`` in ``data/actors/igo_offices.yaml``)."""
    text = words.text.lower()
    return any(_word_pattern(office).search(text) for office in igo_only_offices())


def _igo_office(ctx: Context, words: Span) -> bool:
    """An IGO named among ``words``, then one of its offices after it."""
    ends = {
        t.i + 1
        for t in words
        if any(a.sector == "IGO" and a.kind != "person" for a in ctx.index.all_at(t.i))
    }
    for n in (3, 2, 1):
        for j in range(len(words) - n + 1):
            entry = ctx.kb.lookup(words[j : j + n].text, on=ctx.on)
            if entry is not None and entry.kind == "organisation" and entry.sector == "IGO":
                ends.add(words[j + n - 1].i + 1)
    offices = igo_offices()
    for end in ends:
        after = ctx.doc[end : words.end].text.lower()
        if any(_word_pattern(office).search(after) for office in offices):
            return True
    return False


@lru_cache(maxsize=4096)
def _word_pattern(phrase: str) -> re.Pattern:
    """A compiled whole-word pattern for a role phrase (compiled once, not per mention)."""
    return re.compile(rf"(?<![\w]){re.escape(phrase)}(?![\w])")


def _former(ctx: Context, span: Span) -> bool:
    i = span.start - 1
    while i >= 0 and span.start - i <= 6:
        if ctx.doc[i].lower_ in {"former", "ex", "ousted", "late"}:
            return True
        if ctx.doc[i].is_punct:
            break
        i -= 1
    return False


def _affiliation(ctx: Context, span: Span):
    """ "X of The New York Times", "X, a researcher at Amnesty International", "X, the director
    of the Syria Relief Network" -> the organisation's entry; an organisation the knowledge base
    does not know counts when its name ends in a word of a non-governmental body
    (``ngo_name_words`` in ``data/actors/sectors.yaml``): no country, sector NGO."""
    root = span.root
    nodes = [root, *(c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN")]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        nodes.append(root.head)  # "Unicef's regional director, X": the office X is named in
    for node in nodes[1:]:
        # "X, Unicef's regional director", "Amnesty's director, X": the body that owns the
        # office (an IGO or an NGO; a state's office is the title's, "Iran's envoy")
        for owner in (c for c in node.children if c.dep_ == "poss" and c.tag_ != "PRP$"):
            found = _organisation(ctx, owner)
            if found is not None and found.sector in INTERNATIONAL:
                return found
    for node in nodes:
        # "X, an adviser to the UN": an office's "to" ties it to the body as "of" does, unless
        # a state holds the office ("X, the French envoy to the UN", "France's ambassador to")
        preps = {"of", "from", "at", "for"}
        if node.i != root.i and not country_inside(ctx, list(node.lefts)):
            preps.add("to")
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                for pobj in child.children:
                    if pobj.dep_ != "pobj":
                        continue
                    # "the director of Amnesty International's Syria programme": the body that
                    # owns the programme
                    owners = [c for c in pobj.children if c.dep_ == "poss" and c.tag_ != "PRP$"]
                    for place in [pobj, *owners]:
                        found = _organisation(ctx, place)
                        if found is not None and (
                            node.i == root.i or found.sector in INTERNATIONAL
                        ):
                            return found  # an armed group's member is fighters.py's
    return None


def _served_country(ctx: Context, span: Span) -> str | None:
    """The country of the office a person's apposition serves: "X, a senior adviser to Iran's
    supreme leader", "X, a spokesman for the Turkish president" (an office of that country's;
    not "an envoy to Syria", whose "to" names a country, not an office)."""
    for node in (c for c in span.root.children if c.dep_ == "appos" and c.pos_ == "NOUN"):
        for child in node.children:
            if child.dep_ != "prep" or child.lower_ not in {"to", "for"}:
                continue
            for pobj in child.children:
                if (
                    pobj.dep_ == "pobj"
                    and pobj.pos_ == "NOUN"
                    and ctx.kb.sector_of(pobj.lemma_.lower()) in {"GOV", "MIL"}
                    and (country := country_inside(ctx, [t for t in pobj.subtree if t.i < pobj.i]))
                ):
                    return country
    return None


def _hometown(ctx: Context, span: Span) -> str | None:
    """The country of the town a person is said to come from: "Jo Roe, 24, from Leeds", "Jo Roe,
    a nurse from Leeds", "Jo Roe, of Swindon": a private person met abroad is still of home (the
    story's country is given only to those the text places nowhere). A place named by NER or
    the gazetteer; an armed group's member is then fighters.py's."""
    root = span.root
    nodes = [root, *(c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN")]
    for node in nodes:
        for child in node.children:
            if child.dep_ != "prep" or child.lower_ not in {"from", "of"}:
                continue
            for pobj in child.children:
                if (
                    pobj.dep_ == "pobj"
                    and pobj.ent_type_ in {"GPE", "LOC"}
                    and (
                        country := country_inside(ctx, [pobj]) or gazetteer_country(pobj.text, ctx)
                    )
                ):
                    return country
    return None


#: Sectors of the bodies an apposition's office ties a person to ("X, a researcher at Amnesty").
INTERNATIONAL = {"IGO", "NGO"}


@dataclass(frozen=True)
class _Unlisted:
    """A non-governmental body the knowledge base does not list."""

    country: str | None = None
    sector: str = "NGO"


def _organisation(ctx: Context, pobj: Token):
    phrase = ctx.doc[pobj.left_edge.i : pobj.i + 1].text
    start = pobj.i  # "the London legal charity Reprieve": the name is "Reprieve"
    while start > pobj.left_edge.i and ctx.doc[start - 1].pos_ == "PROPN":
        start -= 1
    names = [ctx.doc[start : pobj.i + 1].text]
    names += [  # "the legal charity Reprieve", its name in apposition
        ctx.doc[c.left_edge.i : c.i + 1].text
        for c in pobj.children
        if c.dep_ == "appos" and c.pos_ == "PROPN"
    ]
    for candidate in (phrase, re.sub(r"^the\s+", "", phrase, flags=re.I), *names):
        entry = ctx.kb.lookup(candidate, on=ctx.on)
        if entry is not None and entry.kind in {"organisation", "group"}:
            return entry
    if (
        pobj.pos_ == "PROPN"
        and pobj.ent_type_ == "ORG"
        and _name_end(pobj).lower_ in ngo_name_words()
    ):
        return _Unlisted()
    return None


def _name_end(tok: Token) -> Token:
    """The last word of the named entity ``tok`` is in: "the Union of Medical Relief
    Organisations" ends in "Organisations", though its head is "Union"."""
    doc = tok.doc
    i = tok.i
    while i + 1 < len(doc) and doc[i + 1].ent_iob_ == "I" and doc[i + 1].ent_type_ == tok.ent_type_:
        i += 1
    return doc[i]


@lru_cache(maxsize=1)
def ngo_name_words() -> frozenset[str]:
    """Last words of the name of a non-governmental body ("the Syria Campaign", "the Violations
    Documentation Centre"): ``data/actors/sectors.yaml``."""
    raw = load_mapping(data_file("actors/sectors.yaml"))
    return frozenset(str(w).lower() for w in raw.get("ngo_name_words") or ())


def country_cue(ctx: Context, span: Span) -> str | None:
    role, country, _ = _title_cues(ctx, span)
    return country


#: Nouns of the state a person belongs to: "her British citizenship", "his Canadian passport".
CITIZENSHIP_NOUNS = {"citizenship", "nationality", "passport"}


def citizenship_countries(ctx: Context) -> list:
    """ "Roe was stripped of her British citizenship", "revoke the British citizenship of Jo
    Roe": a person no cue placed is a national of the state whose citizenship or passport the
    text gives them (one state named; "dual UK-Canadian citizenship" names none). Foreign
    fighters still act for the group they fight with (fighters.py runs after this). The persons
    changed."""
    changed = []
    for tok in ctx.doc:
        if tok.lower_ not in CITIZENSHIP_NOUNS:
            continue
        states = {  # "her Canadian and British citizenship" names two
            c
            for t in tok.children
            if t.dep_ in {"amod", "compound", "nmod"}
            for w in t.subtree
            if (c := ctx.kb.country_of(w.text))
        }
        if len(states) != 1:
            continue
        (state,) = states
        for person in _holders(ctx, tok):
            if person.kind == "person" and person.country is None:
                person.country = state
                for m in person.mentions:
                    m.rule = f"{m.rule}+citizenship"
                changed.append(person)
    return changed


def _holders(ctx: Context, noun: Token) -> list:
    """The actors whose citizenship ``noun`` is: its possessor ("her", "Roe's"), its "of" phrase
    ("the citizenship of Jo Roe"), or who is stripped of it ("Roe was stripped of British
    citizenship", "stripped Roe of her citizenship")."""
    owners = [c for c in noun.children if c.dep_ == "poss"]
    owners += [
        p
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for p in c.children
        if p.dep_ == "pobj"
    ]
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "VERB":
        verb = head.head
        owners += [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    actors = []
    for tok in owners:
        for actor in ctx.index.all_at(tok.i):
            if actor not in actors:
                actors.append(actor)
    return actors

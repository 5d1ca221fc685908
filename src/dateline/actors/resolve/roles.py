"""Role nouns: "Russian officials", "Red Cross officials", "the president of Armenia", and the
bare surnames NER missed.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from dateline.actors.resolve.context import Context, get_actor, mention_tokens, norm
from dateline.actors.resolve.coreference import people_by_role
from dateline.actors.resolve.cues import (
    country_inside,
    gazetteer_country,
    place_word_country,
    possessor_country,
)

# Dependency labels that modify a noun inside its own noun phrase.
NP_MODIFIERS = {"compound", "amod", "nmod", "det", "nummod", "quantmod", "flat", "predet", "case"}
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


def is_role_noun(kb, tok: Token) -> bool:
    """The head noun names a role ("officials"), alone or with its noun compound ("intelligence agencies")."""
    if kb.sector_of(tok.lower_) or kb.sector_of(tok.lemma_.lower()):
        return True
    left = tok.doc[tok.i - 1] if tok.i > 0 else None
    if left is not None and left.dep_ == "compound" and left.head == tok and left.pos_ == "NOUN":
        return bool(kb.sector_of(f"{left.lower_} {tok.lower_}"))
    return False


def _np_left(tok: Token) -> list[Token]:
    """The head's own noun-phrase modifiers (not clauses, not prepositional phrases)."""
    out = []
    for child in tok.lefts:
        if child.dep_ in NP_MODIFIERS or child.dep_ == "poss":
            out.append(child)
            out.extend(t for t in child.subtree if t is not child)
    return sorted(out, key=lambda t: t.i)


def resolve_noun(ctx: Context, tok: Token) -> bool:
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
                    if p.dep_ == "pobj" and (c := country_inside(ctx, p.subtree))
                ]
        people = people_by_role(ctx, tok, cue, plural)
        if people:
            start = min([tok.i] + [t.i for t in mods])
            for p in people:
                mention_tokens(
                    ctx, p, start, tok.i + 1, "group-coref" if len(people) > 1 else "role-coref"
                )
            if len(people) > 1:
                ctx.recent_groups.append((tok.i, ctx.sent_of.get(tok.i, 0), tuple(people)))
            return True
    sector = None
    role_text = None
    head_is_role = is_role_noun(kb, tok)
    for start in range(len(role_tokens) if head_is_role else 0):
        phrase = " ".join(t.lower_ for t in role_tokens[start:])
        sector = kb.sector_of(phrase)
        if sector:
            role_text = phrase
            break
    if sector is None:
        # A bare surname NER missed or mislabelled ("Abe said", "Merkel's invitation").
        if tok.pos_ == "PROPN" and tok.is_title:
            actor = ctx.people.get(norm(tok.text))
            if actor is not None:
                mention_tokens(ctx, actor, tok.i, tok.i + 1, "surname")
                return True
            # "Italy's Rossi", "Australia's Turnbull": a name owned by a country is a person of it
            poss = [c for c in tok.children if c.dep_ == "poss"]
            country = possessor_country(ctx, ctx.doc[tok.i : tok.i + 1]) if poss else None
            if (
                country
                and kb.lookup(tok.text, on=ctx.on) is None
                and not gazetteer_country(tok.text, ctx)
            ):
                actor = get_actor(
                    ctx, ("person", norm(tok.text)), tok.text, country, None, "person"
                )
                ctx.people.setdefault(norm(tok.text), actor)
                mention_tokens(ctx, actor, tok.i, tok.i + 1, "possessive")
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
                c = place_word_country(ctx, phrase)
                if c:
                    in_chunk.update(t.i for t in chunk)
                    if c not in countries:
                        countries.append(c)
    # An organisation or armed group in front of the role speaks for it: "Red Cross officials",
    # "Hezbollah guerrillas" are that organisation.
    orgs = [a for t in mods for a in ctx.index.all_at(t.i) if a.kind in {"organisation", "group"}]
    if orgs and not countries and not any(kb.country_of(t.text) for t in mods):
        start = min([tok.i] + [t.i for t in mods if t.dep_ != "det"])
        mention_tokens(ctx, orgs[0], start, tok.i + 1, "org-role")
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
                            c = country_inside(ctx, [g for g in pobj.subtree if g.i <= pobj.i])
                        if c:
                            countries.append(c)
    if not countries:
        # "workers affiliated with the Serbian union", "a group based in Trinidad"
        for child in tok.children:
            if child.dep_ in {"acl", "amod"} and child.tag_ in {"VBN", "JJ"}:
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ in {"with", "in", "to", "from", "of"}:
                        for pobj in prep.children:
                            if pobj.dep_ == "pobj" and (c := country_inside(ctx, pobj.subtree)):
                                countries.append(c)
    plural = tok.tag_ in {"NNS", "NNPS"}
    dets = {t.lower_ for t in mods}
    # Role coreference: "the French president", "the new U.S. leader", "the two presidents".
    if tok.lower_ in LEADER_WORDS or (role_text and role_text.split()[-1] in LEADER_WORDS):
        people = people_by_role(ctx, tok, countries, plural or bool(dets & GROUP_DETERMINERS))
        if people:
            start = min([tok.i] + [t.i for t in mods])
            rule = "group-coref" if len(people) > 1 else "role-coref"
            for p in people:
                mention_tokens(ctx, p, start, tok.i + 1, rule)
            if len(people) > 1:
                ctx.recent_groups.append((tok.i, ctx.sent_of.get(tok.i, 0), tuple(people)))
            return True
    if not countries:
        if "former" in dets or any(t.lower_ == "former" for t in mods):
            sector = "ELI"
        # A role with no nationality is kept: the events stage can still use it.
        actor = get_actor(
            ctx,
            ("role", None, sector, role_text or tok.lemma_),
            role_text or tok.lemma_,
            None,
            sector,
            "role",
        )
        mention_tokens(
            ctx, actor, min([tok.i] + [t.i for t in mods if t.dep_ != "det"]), tok.i + 1, "role"
        )
        return True
    start = min([tok.i] + [t.i for t in mods if t.dep_ != "det"])
    group = []
    for c in countries:
        actor = get_actor(
            ctx, ("role", c, sector), _role_name(kb, c, role_text or tok.lemma_), c, sector, "role"
        )
        mention_tokens(ctx, actor, start, tok.i + 1, "role")
        group.append(actor)
    if len(group) > 1:
        ctx.recent_groups.append((start, ctx.sent_of.get(start, 0), tuple(group)))
    return True


def _role_name(kb, country: str, role: str) -> str:
    name = kb.lookup(country)
    base = name.name if name is not None else country
    return f"{base} {role}"


def _entity_of(doc: Doc, tok: Token) -> Span | None:
    for ent in doc.ents:
        if ent.start <= tok.i < ent.end:
            return ent
    return None

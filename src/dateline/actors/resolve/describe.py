"""Definite descriptions of actors named earlier: "the militia", "the group", "the ministry".

Conservative by design: a description takes an antecedent only when exactly one actor of the
right kind (``data/actors/descriptions.yaml``) was named before it in the article, or, of
several, exactly one in its own sentence or the one before (``DESCRIPTION_REACH``); a
nationality in front ("the Syrian militia") must agree. Otherwise the noun stays a role of its
own.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from dateline.actors.resolve.context import Context, mention_tokens
from dateline.actors.theatre import people_word
from dateline.datafiles import data_file, load_mapping
from dateline.model import Actor

#: Sectors of an armed group's antecedent: rebels and pro-government militias.
ARMED_GROUP_SECTORS = {"REB", "PRM"}
DEFINITE = {"the", "this", "that", "these", "those"}


@dataclass(frozen=True, slots=True)
class Descriptions:
    armed: frozenset[str]
    bodies: frozenset[str]
    any_body: frozenset[str]


@lru_cache(maxsize=1)
def descriptions() -> Descriptions:
    raw = load_mapping(
        data_file("actors/descriptions.yaml"), {"armed": list, "bodies": list, "any_body": list}
    )
    return Descriptions(
        *(frozenset(str(w).lower() for w in raw[k]) for k in Descriptions.__slots__)
    )


def description_antecedent(ctx: Context, tok: Token, mods: list[Token]) -> bool:
    """Mention the one earlier actor a definite description ("the militia") refers to; False
    when the noun is no such description or the antecedent is not unique."""
    word = tok.lower_
    data = descriptions()
    if word not in data.armed | data.bodies | data.any_body:
        return False
    if not any(t.dep_ == "det" and t.lower_ in DEFINITE for t in mods):
        return False  # "a militia", "militias": a new actor
    if any(t.dep_ in {"poss", "nummod"} for t in mods):
        return False  # "its militia", "two groups"
    countries = set()
    for t in mods:
        if (c := ctx.kb.country_of(t.text)) or (c := _named_country(ctx, t)):
            countries.add(c)
    people = people_word(mods)
    if people is not None:
        countries |= set(people[1].countries)
    candidates = _earlier(ctx, tok, lambda a: _fits(a, word, data))
    if countries:
        candidates = [a for a in candidates if a.country in countries]
    if len(candidates) > 1:
        candidates = _just_named(ctx, tok, candidates)
    if len(candidates) != 1:
        return False
    start = min([tok.i] + [t.i for t in mods if t.dep_ != "det"])
    mention_tokens(ctx, candidates[0], start, tok.i + 1, "description")
    return True


def _fits(actor: Actor, word: str, data: Descriptions) -> bool:
    if word in data.any_body:
        return actor.kind in {"organisation", "group"}
    if word in data.armed:
        return actor.kind == "group" and actor.sector in ARMED_GROUP_SECTORS
    # "the Ministry of Defence in London ... the ministry": a named body or a role with a country
    return (
        actor.kind in {"organisation", "group"} or (actor.kind == "role" and actor.country)
    ) and (word in actor.name.lower().split())


def _named_country(ctx: Context, tok: Token) -> str | None:
    found = [a.country for a in ctx.index.all_at(tok.i) if a.country]
    return found[0] if found else None


#: How far back (in sentences) a description looks for the one actor of its kind named just
#: before it, when the article has named several: "Turkey fights the PKK ... Membership of the
#: YPG is illegal ... the militia" is the YPG.
DESCRIPTION_REACH = 1


def _just_named(ctx: Context, tok: Token, candidates: list[Actor]) -> list[Actor]:
    """Of several earlier actors a description fits, those named in its own sentence (before
    it) or the ``DESCRIPTION_REACH`` sentences before; the caller takes them only if one."""
    here = ctx.sent_of.get(tok.i, 0)
    near = {
        id(actor)
        for i, s, actor in ctx.recent
        if i < tok.i and here - DESCRIPTION_REACH <= s <= here
    }
    return [a for a in candidates if id(a) in near]


def _earlier(ctx: Context, tok: Token, fits) -> list[Actor]:
    out: list[Actor] = []
    for i, _s, actor in ctx.recent:
        if i < tok.i and fits(actor) and actor not in out:
            out.append(actor)
    return out


#: How far back (in sentences) "the 26-year-old" looks for the person it describes.
AGE_REACH = 2
#: The word an age used as a noun ends in ("the 26-year-old"): only it can start one.
AGE_WORD = "old"


def age_description(ctx: Context, tok: Token) -> bool:
    """ "The 26-year-old was captured ...": an age used as a noun is the person last named (in
    this or the two sentences before); False when ``tok`` is no such phrase or no one fits."""
    if tok.lower_ != AGE_WORD or tok.dep_ in {"amod", "acomp", "advmod", "compound"}:
        return False
    kids = list(tok.children)
    if not any(c.lower_ in {"year", "years"} and c.dep_ == "npadvmod" for c in kids):
        return False
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in kids):
        return False
    sent = ctx.sent_of.get(tok.i, 0)
    for i, s, actor in sorted(ctx.recent, key=lambda e: e[0], reverse=True):
        if i < tok.i and sent - s <= AGE_REACH and actor.kind == "person":
            start = min(c.left_edge.i for c in kids if c.dep_ != "det")
            mention_tokens(ctx, actor, start, tok.i + 1, "description")
            return True
    return False

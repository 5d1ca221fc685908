"""Roles owned by a pronoun: "the British government urged its citizens" are Britain's citizens,
not the story's. Pronouns are resolved after role nouns, so a role whose only cue to a country is
its possessive pronoun is settled here, before the story's own country fills the rest."""

from __future__ import annotations

from spacy.tokens import Token

from dateline.actors.resolve.context import Context, get_actor
from dateline.model import Actor

#: Nouns whose possessor is the other side, not the same state: "its enemies", "their allies".
RELATIONAL = {"enemy", "enemies", "opponent", "opponents", "rival", "rivals", "ally", "allies",
              "partner", "partners", "neighbour", "neighbours", "neighbor", "neighbors",
              "critic", "critics", "adversary", "adversaries", "foe", "foes", "backer",
              "backers", "supporter", "supporters", "sponsor", "sponsors", "patron", "patrons",
              "counterpart", "counterparts", "proxy", "proxies", "captor", "captors",
              "victim", "victims", "hostage", "hostages", "detractor", "detractors"}  # fmt: skip


#: Sectors of an actor whose "whose" forces are its state's: a head of state or government.
STATE_OWNERS = {"GOV"}


def relative_antecedent(whose: Token) -> Token | None:
    """The noun a relative clause opened by ``whose`` describes: "the Russian president whose
    military intervened" -> "president"; None when the parse has no such clause."""
    tok = whose.head
    while tok.dep_ != "relcl" and tok.head.i != tok.i:
        tok = tok.head
    return tok.head if tok.dep_ == "relcl" else None


def possessed_roles(ctx: Context) -> list[Actor]:
    """Give a role mention with no country of its own the country of the actor its possessive
    pronoun stands for ("its citizens", "their troops") or, for "whose", the actor the relative
    clause describes ("the Russian president whose military intervened"); the roles it made."""
    doc, index = ctx.doc, ctx.index
    made = []
    for (start, end), actor in list(index.spans.items()):
        if actor.kind != "role" or actor.country is not None:
            continue
        head = doc[start:end].root
        if head.lower_ in RELATIONAL or head.lemma_.lower() in RELATIONAL:
            continue
        owners = [c for c in head.children if c.dep_ == "poss" and c.tag_ in {"PRP$", "WP$"}]
        if len(owners) != 1:
            continue
        owner = owners[0] if owners[0].tag_ == "PRP$" else relative_antecedent(owners[0])
        if owner is None:
            continue
        countries = {
            a.country
            for a in index.all_at(owner.i)
            if a is not actor
            and a.country
            # "whose militia": only a state's own (its leader's military, not a private person's)
            and (owner is owners[0] or a.kind == "country" or a.sector in STATE_OWNERS)
        }
        if len(countries) != 1:
            continue
        country = countries.pop()
        entry = ctx.kb.lookup(country)
        name = f"{entry.name if entry else country} {actor.name}"
        owned = get_actor(ctx, ("role", country, actor.sector), name, country, actor.sector, "role")
        first = doc[start].idx
        moved = [m for m in actor.mentions if m.start == first]
        for m in moved:
            actor.mentions.remove(m)
            m.rule = f"{m.rule}+possessor"
            owned.mentions.append(m)
        for i in range(start, end):
            bucket = index.by_token.get(i, [])
            index.by_token[i] = [owned if a is actor else a for a in bucket]
        index.spans[(start, end)] = owned
        made.append(owned)
    return made

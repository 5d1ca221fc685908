"""Role nouns: "Russian officials", "Red Cross officials", "the president of Armenia", and the
bare surnames NER missed.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from spacy.tokens import Doc, Span, Token

from dateline.actors.namesakes import is_date_word, is_place_word
from dateline.actors.resolve.context import Context, get_actor, mention_tokens, norm
from dateline.actors.resolve.coreference import people_by_role
from dateline.actors.resolve.cues import (
    country_inside,
    gazetteer_country,
    place_word_country,
    possessor_country,
    town_country,
)
from dateline.actors.resolve.describe import description_antecedent
from dateline.actors.resolve.possessed import RELATIONAL
from dateline.actors.theatre import holder_word, is_backer, people_word, theatre
from dateline.datafiles import data_file, load_mapping
from dateline.model import Actor

# Dependency labels that modify a noun inside its own noun phrase.
NP_MODIFIERS = {"compound", "amod", "nmod", "det", "nummod", "quantmod", "flat", "predet", "case"}
GROUP_DETERMINERS = {"two", "both", "three", "all"}
#: Sectors of people who fight for a group: "Isis militants", "Hezbollah fighters".
ARMED_SECTORS = {"REB", "PRM", "MIL", "UAF"}


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
            out.extend(t for t in child.subtree if t != child)
    return sorted(out, key=lambda t: t.i)


def resolve_noun(ctx: Context, tok: Token) -> bool:
    """Resolve a noun head to the actor(s) it names; False when it names none.

    The steps, in order (the first that settles the noun ends it):

    1. ``_leader_by_cue``: a leader word ("the president of Armenia", "the two leaders") names
       people already met, by the nationality in front of it or after "of"/"from".
    2. ``_role_of``: the role phrase (head plus adjacent compound nouns) and its sector; with
       none, ``_bare_name``: a surname NER missed, or a name a country owns ("Italy's Rossi").
    3. The countries of the role: multi-word names among the modifiers (``_chunk_countries``),
       unless an organisation in front speaks for the role (``_org_role``: "Red Cross
       officials"); then single modifiers (``_modifier_countries``), else a place after
       in/of/from (``_prep_countries``), else one after a participle (``_participle_countries``).
    4. ``_role_coref``: a leader role with those countries names people already met.
    5. ``_role_actors``: otherwise one role actor per country, or one with no country.
    """
    mods = _np_left(tok)
    if any(t.lower_ in RELATIONAL or t.lemma_.lower() in RELATIONAL for t in (tok, *mods)):
        # "Turkey's proxy forces", "America's Kurdish allies": the possessor is the other party
        owners = [t for t in mods if t.dep_ == "poss"]
        owned = {g.i for o in owners for g in o.subtree}
        mods = [t for t in mods if t.i not in owned]
    if (
        tok.lower_ in role_words("leader_words")
        and tok.pos_ == "NOUN"
        and not _other_body_leaders(ctx, tok, mods)
        and _leader_by_cue(ctx, tok, mods)
    ):
        return True
    if description_antecedent(ctx, tok, mods):  # "the militia", "the ministry"
        return True
    sector, role_text, role_tokens = _role_of(ctx, tok, mods)
    if (
        sector is None
        and (tok.dep_ not in {"amod", "nmod"} or holder_word(tok))
        and (people := people_word([tok]))
    ):
        # "the Kurds", "Kurdish-held territory": the people's armed movement (actors/theatre.py)
        state = _state_of_people(ctx, tok, mods)
        if state is None:
            _people_role(ctx, tok, [], people, people[1].sector, None)
        else:  # "British Kurds", "Iraqi Kurds", "the Kurds of Iran": that state's
            sector = people[1].sector if state in people[1].countries else "CVL"
            _people_of_state(ctx, tok, mods, state, sector, tok.text)
        return True
    if (
        sector is None
        and tok.lemma_.lower() in role_words("people_bodies") | role_words("people_partners")
        and (people := people_word(mods))
    ):
        _people_role(ctx, tok, mods, people, people[1].sector, None)  # "Kurdish groups"
        return True
    if sector is None and _armed_weapon(ctx, tok, mods, role_tokens):
        return True  # "Israeli missiles", "Russian planes": that state's forces
    if sector is None:
        return _bare_name(ctx, tok)
    countries, in_chunk = _chunk_countries(ctx, mods, role_tokens)
    if _org_role(ctx, tok, mods, countries, sector):
        return True
    countries = _modifier_countries(ctx, mods, role_tokens, in_chunk, countries)
    if not countries:
        countries = _prep_countries(ctx, tok)
    if not countries:
        countries = _participle_countries(ctx, tok)
    if not countries and people_word([*mods, tok]):
        countries = _state_named_next(ctx, tok)
    if _role_coref(ctx, tok, mods, countries, role_text):
        return True
    _role_actors(ctx, tok, mods, countries, sector, role_text)
    return True


@lru_cache(maxsize=1)
def _sector_lists() -> dict:
    return load_mapping(data_file("actors/sectors.yaml"))


@cache
def role_words(name: str) -> frozenset[str]:
    """The lowercased words of the list ``name`` in ``data/actors/sectors.yaml`` (``weapons``,
    ``leader_words``, ``person_words``, ``people_bodies``, ``people_partners``)."""
    return frozenset(str(w).lower() for w in _sector_lists().get(name) or ())


def weapon_nouns() -> frozenset[str]:
    """Weapons that stand for the forces firing them when a nationality says whose they are:
    ``weapons`` in ``data/actors/sectors.yaml``."""
    return role_words("weapons")


def _armed_weapon(ctx: Context, tok: Token, mods: list[Token], role_tokens: list[Token]) -> bool:
    """ "Israeli missiles struck the town", "Russian planes bombed it": a weapon with a
    nationality in front is that state's armed forces (sector MIL); a weapon no nationality
    owns ("rockets hit the city") names nobody."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in weapon_nouns():
        return False
    countries, in_chunk = _chunk_countries(ctx, mods, role_tokens)
    countries = _modifier_countries(ctx, mods, role_tokens, in_chunk, countries)
    if not countries:
        return False
    _role_actors(ctx, tok, mods, countries, "MIL", tok.lower_)
    return True


def _mention_people(ctx: Context, tok: Token, mods: list[Token], people: list[Actor]) -> None:
    """Mentions of the persons a role phrase names; two or more are a group "they" can name."""
    start = min([tok.i] + [t.i for t in mods])
    rule = "group-coref" if len(people) > 1 else "role-coref"
    for p in people:
        mention_tokens(ctx, p, start, tok.i + 1, rule)
    if len(people) > 1:
        ctx.recent_groups.append((tok.i, ctx.sent_of.get(tok.i, 0), tuple(people)))


#: Sectors of the leaders of a state: "the two leaders" may be presidents met before.
STATE_LEADER_SECTORS = {"GOV"}


def _other_body_leaders(ctx: Context, tok: Token, mods: list[Token]) -> bool:
    """ "Opposition leaders", "rebel leaders", "religious leaders": a noun in front gives the
    leaders another body's sector, so they are not the heads of state met before."""
    if tok.lower_ in role_words("person_words"):
        return False  # "British men", "an innocent man": persons, whoever leads them
    sector, phrase, _ = _role_of(ctx, tok, mods)
    return bool(phrase and " " in phrase and sector and sector not in STATE_LEADER_SECTORS)


def _leader_by_cue(ctx: Context, tok: Token, mods: list[Token]) -> bool:
    """ "the Armenian president", "the president of Armenia", "both leaders": people met so far."""
    kb = ctx.kb
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
        _mention_people(ctx, tok, mods, people)
        return True
    return False


def _role_of(
    ctx: Context, tok: Token, mods: list[Token]
) -> tuple[str | None, str | None, list[Token]]:
    """(sector, role phrase, role tokens): the head plus adjacent compound nouns ("foreign
    ministers", "intelligence agencies"), the longest phrase the knowledge base has a sector for."""
    kb = ctx.kb
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
    sector = None
    head_is_role = is_role_noun(kb, tok)
    for start in range(len(role_tokens) if head_is_role else 0):
        phrase = " ".join(t.lower_ for t in role_tokens[start:])
        sector = kb.sector_of(phrase)
        if sector:
            return sector, phrase, role_tokens
    return sector, None, role_tokens


def _bare_name(ctx: Context, tok: Token) -> bool:
    """A bare surname NER missed or mislabelled ("Abe said", "Merkel's invitation")."""
    kb = ctx.kb
    one = ctx.doc[tok.i : tok.i + 1]
    if tok.pos_ == "PROPN" and tok.is_title and not is_date_word(one):
        if is_place_word(one, lambda name: town_country(name, ctx)):
            return False  # "a rally in Bolton": the town, not John Bolton
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
            actor = get_actor(ctx, ("person", norm(tok.text)), tok.text, country, None, "person")
            ctx.people.setdefault(norm(tok.text), actor)
            mention_tokens(ctx, actor, tok.i, tok.i + 1, "possessive")
            return True
    return False


def _chunk_countries(
    ctx: Context, mods: list[Token], role_tokens: list[Token]
) -> tuple[list[str], set[int]]:
    """Countries of multi-word names among the modifiers ("Ivory Coast rebels", "South Korean
    troops"), and the token indices those names cover."""
    countries: list[str] = []
    names = [
        t
        for t in mods
        if t.pos_ in {"PROPN", "ADJ", "NOUN"} and t not in role_tokens and not is_backer(t)
    ]
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
    return countries, in_chunk


def _org_role(
    ctx: Context, tok: Token, mods: list[Token], countries: list[str], sector: str
) -> bool:
    """An organisation or armed group in front of the role speaks for it: "Red Cross officials",
    "Hezbollah guerrillas" are that organisation (when no nationality is named). Fighters act
    for their armed group whatever their passports say: "British Isis militants" are Isis."""
    orgs = [a for t in mods for a in ctx.index.all_at(t.i) if a.kind in {"organisation", "group"}]
    armed = [a for a in orgs if a.kind == "group" and a.sector in ARMED_SECTORS]
    if armed and sector in ARMED_SECTORS:
        orgs = armed
    elif countries or any(ctx.kb.country_of(t.text) for t in mods):
        orgs = []
    if orgs:
        start = min([tok.i] + [t.i for t in mods if t.dep_ != "det"])
        mention_tokens(ctx, orgs[0], start, tok.i + 1, "org-role")
        return True
    return False


def _modifier_countries(
    ctx: Context, mods: list[Token], role_tokens: list[Token], in_chunk: set[int], found: list[str]
) -> list[str]:
    """``found`` plus the nationalities of single modifiers, with conjunctions ("German and
    French"), named groups and entities in front of the role."""
    kb = ctx.kb
    countries = list(found)
    for t in mods:
        if t in role_tokens or t.i in in_chunk or is_backer(t):
            continue  # "US-backed forces" are not American
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
    return countries


#: Prepositions that put a people's body in a state when they follow its noun.
IN_STATE_PREPS = {"in", "inside"}


def _state_named_next(ctx: Context, tok: Token) -> list[str]:
    """ "Warned Kurdish activists in Turkey", "war on Kurdish militants in Turkey": a state named
    right after a stateless people's noun places that body there, even where the parser hangs
    the "in" on the verb; only a country's own name (a town says where the act is, not whose
    the body is)."""
    doc = ctx.doc
    if tok.i + 2 >= len(doc) or doc[tok.i + 1].lower_ not in IN_STATE_PREPS:
        return []
    prep = doc[tok.i + 1]
    if prep.head.i == tok.i:
        return []  # _prep_countries read it
    for pobj in prep.children:
        if pobj.dep_ != "pobj":
            continue
        ent = _entity_of(doc, pobj)
        phrase = ent.text if ent is not None else pobj.text
        entry = ctx.kb.lookup(re.sub(r"(?i)^the\s+", "", phrase), on=ctx.on)
        if entry is not None and entry.kind == "country" and entry.name.lower() == phrase.lower():
            return [entry.country]
    return []


def _prep_countries(ctx: Context, tok: Token) -> list[str]:
    """Countries of a place after in/of/from: "officials in Kabul", "soldiers from Chad", and of
    each place coordinated with it ("the leaders of Kenya and Uganda" are two)."""
    kb = ctx.kb
    countries: list[str] = []
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in {"in", "of", "from"}:
            for first in child.children:
                if first.dep_ != "pobj":
                    continue
                for pobj in (first, *first.conjuncts):
                    ent = _entity_of(ctx.doc, pobj)
                    phrase = ent.text if ent is not None else pobj.text
                    c = kb.country_of(phrase)
                    if c is None:
                        entry = kb.lookup(re.sub(r"(?i)^the\s+", "", phrase), on=ctx.on)
                        c = (
                            entry.country
                            if entry is not None
                            and entry.kind != "organisation"
                            # "students in Lagos": a town, not the Chilean president Lagos
                            and not (entry.kind == "person" and child.lower_ == "in")
                            else None
                        )
                    if c is None:
                        c = country_inside(ctx, [g for g in pobj.subtree if g.i <= pobj.i])
                    if c and c not in countries:
                        countries.append(c)
    return countries


def _participle_countries(ctx: Context, tok: Token) -> list[str]:
    """ "workers affiliated with the Serbian union", "a group based in Trinidad"."""
    countries: list[str] = []
    for child in tok.children:
        if child.dep_ in {"acl", "amod"} and child.tag_ in {"VBN", "JJ"}:
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in {"with", "in", "to", "from", "of"}:
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj" and (c := country_inside(ctx, pobj.subtree)):
                            countries.append(c)
    return countries


def _role_coref(
    ctx: Context, tok: Token, mods: list[Token], countries: list[str], role_text: str | None
) -> bool:
    """Role coreference: "the French president", "the new U.S. leader", "the two presidents"."""
    plural = tok.tag_ in {"NNS", "NNPS"}
    dets = {t.lower_ for t in mods}
    if _other_body_leaders(ctx, tok, mods):
        return False
    leaders = role_words("leader_words")
    if tok.lower_ in leaders or (role_text and role_text.split()[-1] in leaders):
        people = people_by_role(ctx, tok, countries, plural or bool(dets & GROUP_DETERMINERS))
        if people:
            _mention_people(ctx, tok, mods, people)
            return True
        return False
    if (holder := _office_holder(ctx, tok, mods, countries, role_text)) is not None:
        mention_tokens(ctx, holder, min([tok.i] + [t.i for t in mods]), tok.i + 1, "office-coref")
        return True
    return False


#: What follows an office's own words in a title: "special envoy | for Syria", "secretary
#: general | of Nato" ("the envoy" is the special envoy for Syria).
OFFICE_SCOPE = re.compile(r" (?:for|of|to|on|at) ")
#: How far back (in sentences) "the foreign minister" looks for the holder of that office when
#: the article has named several.
OFFICE_REACH = 2


def _office_holder(
    ctx: Context, tok: Token, mods: list[Token], countries: list[str], role_text: str | None
) -> Actor | None:
    """ "The foreign minister", "the minister": the person named before whose title is that
    office (``ctx.roles``, from a title or the knowledge base), not a new minister of no state
    (or of the state that has the office, ``kb.office_country``) -- the one such person, or of
    several the one named last, within ``OFFICE_REACH`` sentences."""
    if (
        not role_text
        or countries
        or tok.tag_ != "NN"
        or not any(t.dep_ == "det" and t.lower_ == "the" for t in mods)
        or any(t.dep_ in {"poss", "nummod"} or t.lower_ == "former" for t in mods)
    ):
        return None
    here = ctx.sent_of.get(tok.i, 0)
    holders: list[tuple[int, int, Actor]] = []
    for i, sent, actor in ctx.recent:
        role = OFFICE_SCOPE.split(ctx.roles.get(actor.id, ""), maxsplit=1)[0]
        if (
            i < tok.i
            and actor.kind == "person"
            and (role == role_text or role.endswith(" " + role_text))
        ):
            holders.append((i, sent, actor))
    distinct = {id(a): a for _, _, a in holders}
    if len(distinct) == 1:
        return holders[0][2]
    if not holders:
        return None
    i, sent, actor = max(holders, key=lambda h: h[0])
    return actor if here - sent <= OFFICE_REACH else None


def _role_actors(
    ctx: Context,
    tok: Token,
    mods: list[Token],
    countries: list[str],
    sector: str,
    role_text: str | None,
) -> None:
    """One role actor per country ("German and French ministers" are two), or one with none."""
    kb = ctx.kb
    if not countries and (people := people_word([*mods, tok])):
        _people_role(ctx, tok, mods, people, sector, role_text)
        return
    former = any(t.lower_ == "former" for t in mods)
    rule = "role"
    if not countries and not former and tok.tag_ in {"NN", "NNP"} and role_text:
        # "the home secretary", "the defense secretary": an office only one state has
        office = kb.office_country(role_text, ctx.on)
        countries = [office] if office else []
        rule = "office" if office else rule
    if not countries:
        if former:
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
        backers = {c for t in mods if is_backer(t) and (c := ctx.kb.country_of(t.text))}
        if backers:  # "Turkish-backed rebels": not Turkey's, whatever the story's country
            ctx.index.backers.setdefault(actor.id, set()).update(backers)
        mention_tokens(
            ctx, actor, min([tok.i] + [t.i for t in mods if t.dep_ != "det"]), tok.i + 1, "role"
        )
        return
    start = min([tok.i] + [t.i for t in mods if t.dep_ != "det"])
    group = []
    for c in countries:
        actor = get_actor(
            ctx, ("role", c, sector), _role_name(kb, c, role_text or tok.lemma_), c, sector, "role"
        )
        mention_tokens(ctx, actor, start, tok.i + 1, rule)
        group.append(actor)
    if len(group) > 1:
        ctx.recent_groups.append((start, ctx.sent_of.get(start, 0), tuple(group)))


def _people_role(
    ctx: Context, tok: Token, mods: list[Token], people, sector: str, role_text: str | None
) -> None:
    """ "Kurdish fighters", "the Kurdish-led force": a role of a people without a state, whose
    country the story decides (actors/theatre.py); civilians keep their sector."""
    word, spec = people
    if sector not in theatre().civilian_sectors:
        sector = spec.sector
    elif states := _prep_countries(ctx, tok):
        # "Kurdish activists in Turkey": civilians of the state the text puts them in
        _people_of_state(ctx, tok, mods, states[0], sector, role_text or tok.text)
        return
    name = role_text or tok.text
    if word not in name.lower():
        name = f"{word} {name}"
    name = name[:1].upper() + name[1:]
    actor = get_actor(ctx, ("people", spec, sector), name, None, sector, "group")
    ctx.theatre[actor.id] = spec.countries
    start = min([tok.i] + [t.i for t in mods if t.dep_ != "det"])
    mention_tokens(ctx, actor, start, tok.i + 1, "people")


def _state_of_people(ctx: Context, tok: Token, mods: list[Token]) -> str | None:
    """The state a stateless people's noun is tied to by a nationality in front of it ("British
    Kurds", "Iraqi Kurds"; not "US-backed Kurds") or a place after it ("the Kurds of Iran",
    "Kurds in Turkey"), or None."""
    if tok.pos_ not in {"NOUN", "PROPN"}:
        return None
    for t in mods:
        if (
            t.dep_ in {"amod", "compound", "nmod"}
            and not is_backer(t)
            and (country := ctx.kb.country_of(t.text))
        ):
            return country
    states = _prep_countries(ctx, tok)
    return states[0] if states else None


def _people_of_state(
    ctx: Context, tok: Token, mods: list[Token], state: str, sector: str, text: str
) -> None:
    """A role of a stateless people that the text ties to one state: that state's, not the
    country the story decides for the people's armed movement."""
    name = _role_name(ctx.kb, state, text)
    actor = get_actor(
        ctx, ("people-state", state, sector, text.lower()), name, state, sector, "role"
    )
    start = min([tok.i] + [t.i for t in mods if t.dep_ != "det"])
    mention_tokens(ctx, actor, start, tok.i + 1, "people+state")


def _role_name(kb, country: str, role: str) -> str:
    name = kb.lookup(country)
    base = name.name if name is not None else country
    return f"{base} {role}"


def _entity_of(doc: Doc, tok: Token) -> Span | None:
    for ent in doc.ents:
        if ent.start <= tok.i < ent.end:
            return ent
    return None

"""Arguments from context when the sentence names none: the place of the act, the source's own
country, unidentified attackers, the party a condition names, the domestic reading of roles.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.actors.index import ActorIndex
from dateline.events import modality as mod
from dateline.events.candidate import Candidate
from dateline.events.extract.clauses import CONDITION_MARKS
from dateline.events.lexicon import shipped_words
from dateline.events.syntax import np_actors, subject_of
from dateline.model import Actor

# Types that act on the source's own country when no target is named.
DOMESTIC = {"COERCE", "CONCEDE", "PROTEST"}
VERBAL_CONFLICT = {"ACCUSE", "REQUEST", "REJECT", "THREATEN"}
# Sectors of bodies that act inside their own country.
DOMESTIC_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "SPY", "PTY", "CVL", "EDU", "LAB", "REL",
                    "REF", "AGR", "BUS", "MED", "CRM", "SOC", "ELI", "UAF"}  # fmt: skip
# Acts a force often does abroad: the unnamed victims of "American forces" are not American
# ("more than 80 fighters were killed by Turkish jets"); where the act happened keys them.
ABROAD = {"ASSAULT"}
# The sectors of a state's own forces, which fight abroad; rebels, militias and police fight at
# home ("the SDF captured two men": Syria's).
STATE_FORCES = {"MIL", "GOV"}
# Types whose target is often the territory where they happen: "imposed a curfew in Algiers".
TERRITORIAL = {
    "COERCE",
    "ASSAULT",
    "PROTEST",
    "CONCEDE",
    "MOBILIZE",
    "THREATEN",
    "AID",
    "RETREAT",
    "SANCTION",
}


def domestic_targets(sources, targets, territory, event: str | None = None):
    """A target named only by its role ("protesters", "opposition candidates") is taken to be
    of the country where the act happens, else of the source's country when every source has
    the same one (the domestic reading), but not for an act of force (:data:`ABROAD`) by a
    state or its forces."""
    countries = {a.country for a, _ in sources if a.country}
    if territory:
        country = territory[0][0].country
    elif len(countries) == 1 and not (
        event in ABROAD and all(a.kind == "country" or a.sector in STATE_FORCES for a, _ in sources)
    ):
        (country,) = countries
    else:
        return targets
    out = []
    for actor, tok in targets:
        if (
            actor.country is None
            and actor.sector not in {"IGO", "NGO"}
            and (actor.kind == "role" or (actor.kind == "person" and actor.sector))
        ):
            actor = Actor(id=f"{actor.id}:{country}", name=actor.name, country=country,
                           sector=actor.sector, kind="role")  # fmt: skip
        out.append((actor, tok))
    return out


def condition_subject(cand: Candidate, actors: ActorIndex) -> list[tuple[Actor, Token]]:
    """The party a threat is aimed at is the subject of its condition: "X threatened to stop
    talks if Brazil signs the deal", "... unless Hamas renounces violence"."""
    nodes = [
        *mod.chain(cand),
        *(t for t in cand.token.subtree if t.dep_ in {"xcomp", "acl", "ccomp"}),
    ]
    for node in nodes:
        for c in node.children:
            if c.dep_ == "advcl" and any(
                g.dep_ == "mark" and g.lower_ in CONDITION_MARKS for g in c.children
            ):
                subj = next((g for g in c.children if g.dep_ in {"nsubj", "nsubjpass"}), None)
                if subj is not None:
                    return np_actors(subj, actors)
    return []


def unattributed(cand: Candidate) -> bool:
    """No one is named as doing it: a passive with no agent, or a weapon or attack as subject
    ("a roadside bomb killed ..."), as opposed to an actor the resolver did not know."""
    verb = cand.support if cand.nominal and cand.support is not None else cand.token
    subj = subject_of(verb)
    if subj is None:
        return not cand.nominal or cand.support is None
    if subj.dep_ == "nsubjpass":
        return not any(c.dep_ == "agent" for c in verb.children)
    return subj.lemma_.lower() in shipped_words("attack_nouns")


#: Sectors of a state's own organs: one of them agreeing "with" its own country is the state
#: itself; a rebel leader, a party or a person of no office dealing with it is a dyad.
OWN_STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}


def own_side(source: Actor, target: Actor, event_type: str) -> bool:
    """A leader agreeing or talking "with" their own country is not a dyad; a Kurdish leader
    who "negotiated self-rule with Baghdad's rulers" (no office of that state) is one."""
    return (
        event_type in {"AGREE", "CONSULT", "SUPPORT", "COOPERATE"}
        and target.kind == "country"
        and source.country is not None
        and source.country == target.country
        and (source.kind == "country" or source.sector in OWN_STATE_SECTORS)
    )


def own_country(sources) -> list[tuple[Actor, Token]]:
    """Curfews, crackdowns, concessions and protests with no named target act on the source's
    own country: "Peruvian police blocked the march" is PER against PER."""
    countries = {a.country for a, _ in sources if a.country}
    if len(countries) != 1:
        return []
    (country,) = countries
    tok = sources[0][1]
    return [(Actor(id=f"domestic:{country}", name=country, country=country, kind="country"), tok)]


def sources_in_context(sources, targets):
    """A titled person or an official body with no country of its own ("President X", "the
    authorities") acting inside one country is taken to belong to it: the domestic reading."""
    countries = {a.country for a, _ in targets if a.country}
    if len(countries) != 1:
        return sources
    (country,) = countries
    out = []
    for actor, tok in sources:
        if actor.country is None and (
            actor.sector in DOMESTIC_SECTORS
            or (actor.kind == "person" and actor.sector not in {None, "IGO", "NGO"})
        ):
            actor = Actor(id=f"{actor.id}:{country}", name=actor.name, country=country, sector=actor.sector,
                          kind=actor.kind)  # fmt: skip
        out.append((actor, tok))
    return out


def _name_run(tok: Token) -> tuple[int, int]:
    """The run of proper-noun tokens around ``tok`` that spells one name, hyphens included
    ("Deir ez-Zor", "Ras al-Ain", "Khan Sheikhoun"): token indices start..end (exclusive)."""
    doc = tok.doc

    def part(t: Token) -> bool:
        return t.pos_ == "PROPN" or (
            t.text == "-" and not t.whitespace_ and t.i > 0 and not doc[t.i - 1].whitespace_
        )

    start = tok.i
    while (
        start > tok.sent.start
        and part(doc[start - 1])
        and doc[start - 1].ent_type_ not in {"PERSON", "ORG", "DATE", "TIME"}
    ):
        start -= 1
    end = tok.i + 1
    while (
        end < tok.sent.end
        and part(doc[end])
        and doc[end].ent_type_ not in {"PERSON", "ORG", "DATE", "TIME"}
    ):
        end += 1
    return start, end


def place_name(tok: Token) -> str | None:
    """The name a proper noun in a place phrase stands in: the whole run it belongs to where the
    gazetteer knows it ("Deir ez-Zor"), else the token itself, but no piece of a name hyphened
    to a particle that the gazetteer does not know ("Zor", "Ras" of "Ras al-Ain"): such a piece
    is part of a name, not a town of its own (there are towns called Zor in Kuwait and Ras in
    India). Names hyphened to names stay apart ("the Syria-Iraq border")."""
    from dateline.gazetteer import gazetteer

    start, end = _name_run(tok)
    if end - start > 1:
        whole = tok.doc[start:end]
        if gazetteer().resolve(whole.text, []) is not None:
            return whole.text
        if any(t.text == "-" or "-" in t.text[1:] for t in whole) and any(
            t.is_lower and t.is_alpha for t in whole
        ):
            return None  # a name hyphened to a particle ("al-", "ez-") the gazetteer does not know
    return tok.text


def territory_target(cand: Candidate, actors: ActorIndex, sources) -> list[tuple[Actor, Token]]:
    """The country of a place the act happens in ("a curfew in Algiers", "demonstrated in Serbia")."""
    from dateline.gazetteer import gazetteer

    verb = cand.support if cand.nominal and cand.support is not None else cand.token
    heads = [verb] + ([cand.token] if cand.nominal else [])
    heads += [c for c in verb.children if c.dep_ in {"dobj", "xcomp", "ccomp"}]
    # "a roadside bombing near Samarra killed ...": a subject that is no actor can place the act
    heads += [
        c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and not actors.all_at(c.i)
    ]
    heads += [
        g
        for c in verb.children
        if c.dep_ in {"xcomp", "ccomp"}
        for g in c.children
        if g.dep_ == "dobj"
    ]
    for head in list(heads):
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in {"at", "on", "against", "near"}:
                heads += [
                    p for p in prep.children if p.dep_ == "pobj"
                ]  # "fired at targets in Jericho"
    for head in heads:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in {
                "near",
                "outside",
                "around",
                "in",
                "into",
                "inside",
                "across",
                "throughout",
            }:
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                found = [(a, pobj) for a in actors.all_at(pobj.i) if a.country]
                if found and found[0][0].kind == "person":
                    # "in Lagos" is the town the gazetteer knows, not a politician of that name
                    place = gazetteer().resolve(
                        pobj.text, [a.country for a, _ in sources if a.country]
                    )
                    if place is not None and place.country:
                        return [(Actor(id=f"place:{place.country}", name=place.name,
                                       country=place.country, kind="country"), pobj)]  # fmt: skip
                if found:
                    return found[:1]
                for tok in pobj.subtree:
                    if _in_participle_modifier(tok, pobj):
                        continue  # "killed in US-led bombing": who led it, not where it was
                    if tok.pos_ == "PROPN" and tok.ent_type_ not in {
                        "PERSON",
                        "ORG",
                        "DATE",
                        "TIME",
                    }:
                        name = place_name(tok)
                        if name is None:
                            continue  # "Zor" of "Deir ez-Zor" is no town of its own
                        place = gazetteer().resolve(
                            name, [a.country for a, _ in sources if a.country]
                        )
                        if place is not None and place.country:
                            return [(Actor(id=f"place:{place.country}", name=place.name,
                                            country=place.country, kind="country"), tok)]  # fmt: skip
    return []


def _in_participle_modifier(tok: Token, top: Token) -> bool:
    """``tok`` hangs, below ``top``, under a participle modifier: "US" in "US-led bombing",
    "Kurdish" in "Kurdish-held Afrin" (the place is the noun, not who leads or holds it)."""
    node = tok
    while node.i != top.i and node.head.i != node.i:
        if node.dep_ == "amod" and node.tag_ == "VBN":
            return True
        node = node.head
    return False


def asked_home(
    cand: Candidate, actors: ActorIndex, sources, homecoming, homeward
) -> list[tuple[Actor, Token]]:
    """A plea to be let home that names nobody asked asks the state that is home: the place the
    return goes to ("begged to be flown back to the Netherlands", "to return to her parents in
    Ohio"), else the country of the one who would return ("appealed for the Dutch widow to be
    allowed to return"), else of the one pleading ("her Belgian lawyer appealed for the widow to
    be allowed to return"). ``homecoming``: verbs of returning ("return"); ``homeward``: verbs
    that return with "back" or "home" ("flown back", "go home")."""
    from dateline.gazetteer import gazetteer

    verb = cand.support if cand.nominal and cand.support is not None else cand.token
    for tok in verb.subtree:
        if tok.i == verb.i or tok.pos_ != "VERB" or not _in_content(tok, verb):
            continue
        lemma = tok.lemma_.lower()
        if any(c.dep_ == "dobj" for c in tok.children):
            continue  # "to repatriate its citizens": whoever is asked brings others home
        if lemma not in homecoming and not (
            lemma in homeward and any(c.lower_ in {"back", "home"} for c in tok.children)
        ):
            continue
        near = [a.country for a, _ in sources if a.country]
        heads = [tok] + [c for c in tok.children if c.lower_ in {"back", "home"}]
        for prep in (c for h in heads for c in h.children):
            if prep.dep_ != "prep" or prep.lower_ not in {"to", "into"}:
                continue
            for place in prep.subtree:
                found = [a for a in actors.all_at(place.i) if a.country and a.kind == "country"]
                if found:
                    return [(found[0], place)]
                if place.pos_ == "PROPN" and place.ent_type_ in {"GPE", "LOC"}:
                    where = gazetteer().resolve(place.text, near)
                    if where is not None and where.country:
                        return [(_home_state(where.country), place)]
        node = tok
        while node.i != verb.i:
            subj = next((c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subj is not None:
                found = [a for a, _ in np_actors(subj, actors) if a.country]
                if found:
                    return [(_home_state(found[0].country), subj)]
                break  # one of no known country: home is the pleader's
            node = node.head
        countries = {a.country for a, _ in sources if a.country}
        if len(countries) == 1:
            (country,) = countries
            return [(_home_state(country), sources[0][1])]
        return []
    return []


def _in_content(tok: Token, verb: Token) -> bool:
    """``tok`` is what ``verb`` asks for: reached from it through clauses and their objects
    ("pleaded to be brought back", "appealed for her to be allowed to return"), not a clause
    that only tells when or why ("asked for forgiveness after she returned")."""
    node = tok
    while node.i != verb.i:
        if node.dep_ not in {"xcomp", "ccomp", "pobj", "prep", "advcl", "dobj"}:
            return False
        if node.dep_ == "advcl" and not any(
            c.dep_ in {"mark", "aux"} and c.lower_ in {"to", "for"} for c in node.children
        ):
            return False  # "when he returned": a time, not what is asked
        node = node.head
    return True


def _home_state(country: str) -> Actor:
    """The state a plea to be let home asks."""
    return Actor(id=f"home:{country}", name=country, country=country, kind="country")

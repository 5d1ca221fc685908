"""Dependency-tree helpers the event coder and the modality rules share: subjects, actor noun phrases."""

from __future__ import annotations

from spacy.tokens import Token

from dateline.actors.index import ActorIndex
from dateline.events.lexicon import Lexicon, shipped_words
from dateline.model import Actor


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject of a verb, inherited through xcomp, conj and participles."""
    seen = 0
    node = verb
    while seen < 6:
        seen += 1
        for c in node.children:
            if c.dep_ in {"nsubj", "nsubjpass", "csubj"}:
                return c
        if node.i == verb.i and (swallowed := _dated_subject(node)) is not None:
            return swallowed
        if node.dep_ in {"xcomp", "conj", "advcl", "ccomp", "acomp"} and node.head.i != node.i:
            if node.dep_ == "ccomp":
                return None
            node = node.head
            continue
        if node.dep_ in {"relcl", "acl"} and node.head.pos_ in {"NOUN", "PROPN", "PRON"}:
            return node.head
        if node.dep_ == "pcomp" and node.head.head.i != node.head.i:
            node = node.head.head  # "shifted its focus from fighting Isis": Turkey fights
            continue
        return None
    return None


#: Finite verb tags: a verb that has a tense has a subject somewhere.
FINITE_TAGS = {"VBD", "VBZ", "VBP"}


def _dated_subject(verb: Token) -> Token | None:
    """The name a date phrase before a subjectless finite verb swallowed: "In September Turkey
    persuaded Russia" parsed as "In [September Turkey]", the name the object of "in" with the
    month as its compound, right before the verb. None otherwise."""
    if verb.tag_ not in FINITE_TAGS:
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i > verb.i:
            continue
        for pobj in prep.children:
            if (
                pobj.dep_ == "pobj"
                and pobj.pos_ == "PROPN"
                and pobj.ent_type_ != "DATE"
                and pobj.i == verb.i - 1
                and any(c.dep_ == "compound" and c.ent_type_ == "DATE" for c in pobj.children)
            ):
                return pobj
    return None


#: Contractions of "be" written with a curly apostrophe, which the model lemmatises as "’".
CURLY_BE = {"’s", "’re", "’m"}


def is_be(tok: Token) -> bool:
    """``tok`` is a form of "be", also "’s" and "’re" as news text prints them ("It’s time")."""
    return tok.lemma_.lower() == "be" or (tok.lower_ in CURLY_BE and tok.tag_.startswith("VB"))


def stray_by_phrases(noun: Token) -> list[Token]:
    """The "by" phrases of an act noun that the parser hung beside it instead of on it: on the
    measure noun whose "of" phrase the act is ("dozens of attacks by the regime", "a series of
    airstrikes by the army"), or on the object of the act's own "of" phrase ("the bombardment of
    the enclave by Russian planes", "the capture of the town by Kurdish forces")."""
    out: list[Token] = []
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in {"NOUN", "NUM", "PRON"}:
        out += [c for c in head.head.children if _by(c) and c.i > noun.i]
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            out += [g for p in c.children if p.dep_ == "pobj" for g in p.children if _by(g)]
    return out


def _by(tok: Token) -> bool:
    return tok.dep_ in {"prep", "agent"} and tok.lower_ == "by"


RELATIVE_PRONOUNS = {"which", "that", "who", "whom"}


def _bare_whose(tok: Token) -> bool:
    """A "whose" the parser made an argument of its own ("the leader, whose killing at the
    hands of rebels ...": the subject of "killing"), standing for the noun it hangs on."""
    return tok.lower_ == "whose" and tok.dep_ in {"nsubj", "nsubjpass", "dobj"}


def antecedent(tok: Token) -> Token:
    """The noun a relative pronoun stands for ("the embassy, which it had closed": embassy),
    else ``tok`` itself."""
    if not ((tok.lower_ in RELATIVE_PRONOUNS and tok.tag_ in {"WDT", "WP"}) or _bare_whose(tok)):
        return tok
    node = tok.head
    for _ in range(3):
        if node.dep_ == "relcl" and node.head.pos_ in {"NOUN", "PROPN"}:
            return node.head
        if node.head.i == node.i:
            break
        node = node.head
    return tok


def np_actors(tok: Token, actors: ActorIndex) -> list[tuple[Actor, Token]]:
    """Actors named by the noun phrase headed by ``tok``, following conjunctions and appositions
    (also those the parser hangs under a title: "U.S. President X and Russian President Y")."""
    # imported here: dateline.actors.resolve imports this module
    from dateline.actors.resolve.possessed import RELATIONAL

    out: list[tuple[Actor, Token]] = []
    stack = [tok]
    seen: set[int] = set()
    while stack:
        t = stack.pop(0)
        if t.i in seen:
            continue
        seen.add(t.i)
        found = actors.all_at(t.i)
        if not found:
            # "Assad's main ally", "Turkey's proxies": the possessor of a relational noun is the
            # other party, not the one the phrase names
            owned = (
                "poss" if t.lower_ not in RELATIONAL and t.lemma_.lower() not in RELATIONAL else ""
            )
            for c in t.children:
                if c.dep_ in {"compound", "amod", "nmod", owned} and c.i not in seen:
                    found.extend(a for a in actors.all_at(c.i) if a not in found)
                    if c.dep_ == "compound":  # "a Paraguayan cargo ship"
                        for g in c.children:
                            if g.dep_ in {"amod", "compound"}:
                                found.extend(a for a in actors.all_at(g.i) if a not in found)
        if not found:
            found = _holders(t, actors)  # "rebel-held districts", "Isis-controlled areas"
        if not found and t.lower_ in shipped_words("group_heads"):
            # "members of Ghana's cabinet", "two of its nationals"
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        if p.dep_ == "pobj" and p.i not in seen:
                            stack.append(p)
        out += [(a, t) for a in found]
        for c in t.children:
            if c.dep_ in {"conj", "appos"}:
                stack.append(c)
            elif c.dep_ in {"compound", "nmod", "amod"}:
                # coordinated names hanging under a title word
                stack.extend(g for g in c.subtree if g.dep_ in {"conj", "appos"} and g.i != c.i)
                if c.dep_ == "nmod" and any(a.kind == "person" for a in actors.all_at(c.i)):
                    stack.append(
                        c
                    )  # "U.S. President Trump and Russian President Putin" (nmod parse)
    if not out and tok.dep_ == "appos" and tok.head.i != tok.i:
        # "the PKK, a designated terror group that has fought ...": the group is the PKK
        return np_actors(tok.head, actors)
    # A person and the country cue in front of them are one actor: keep the most specific.
    persons = [p for p in out if p[0].kind == "person"]
    if persons:
        countries = {p[0].country for p in persons}
        out = [
            p
            for p in out
            if p[0].kind == "person" or p[0].kind != "country" or p[0].country not in countries
        ]
    return out


def _holders(tok: Token, actors: ActorIndex) -> list[Actor]:
    """The holder of a place or the leader of an act described by it: "rebel-held districts"
    are the rebels', "a Saudi-led attack" the Saudis'."""
    out: list[Actor] = []
    lexicon = Lexicon.load()
    holding = lexicon.word_set("holding_participles")
    for c in tok.children:
        if c.lower_ == "led" and tok.lemma_.lower() in lexicon.word_set("multinational_bodies"):
            continue  # "the US-led coalition" is the coalition's, not the United States'
        if c.dep_ == "amod" and c.lower_ in holding:
            for g in c.children:
                if g.dep_ in {"npadvmod", "compound", "nmod", "amod"}:
                    out.extend(a for a in actors.all_at(g.i) if a not in out)
    return out


def np_text(tok: Token) -> str:
    """The words naming an actor: the head with its own modifiers, no clauses."""
    left = tok
    for c in tok.lefts:
        if c.dep_ in {"compound", "amod", "nmod", "poss", "det", "nummod", "case", "punct"}:
            left = c if c.i < left.i else left
            break
    if left.i != tok.i and left.dep_ == "amod" and left.left_edge.i < left.i:
        left = left.left_edge  # "US-backed forces", "Kurdish-led fighters": the whole modifier
    start = min(left.i, tok.i)
    while start < tok.i and tok.doc[start].dep_ in {"det", "punct"}:
        start += 1
    span = tok.doc[start : tok.i + 1]
    return span.text


# Who can be judged: a named person, group or state, a pronoun of persons, a role the actor
# tables know ("the militants", "the regime"); a thing or a hazard is judged by nobody.
PERSON_ENTS = {"PERSON", "NORP", "ORG", "GPE"}
PERSON_PRONOUNS = {"he", "she", "they", "we", "you", "him", "her", "them", "us", "who"}


def is_someone(tok: Token, lexicon: Lexicon) -> bool:
    """A person, a group or a state: named, a pronoun of persons, or a role the actor tables
    know ("militants", "the regime"); not a thing or a hazard ("the drought")."""
    from dateline.actors.kb import KnowledgeBase

    if tok.lemma_.lower() in lexicon.word_set("hazard_nouns"):
        return False
    if tok.ent_type_ in PERSON_ENTS or tok.pos_ == "PROPN":
        return True
    if tok.pos_ == "PRON":
        return tok.lower_ in PERSON_PRONOUNS
    kb = KnowledgeBase.load()
    return kb.sector_of(tok.lower_) is not None or kb.sector_of(tok.lemma_.lower()) is not None

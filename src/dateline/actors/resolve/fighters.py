"""Foreign fighters act for the armed group they fight with, not for the state of their passport.

"Jo Smith, who travelled to Syria to fight alongside Kurdish forces, was killed" is a Kurdish
fighter killed in Syria: the coding guide keys an actor to its "state or affiliation", and the
hand-coded articles key such people to the group's country and the rebel sector (SYR REB), not
to the United Kingdom; so are "Isis fighter Jo Smith" and "Islamic State member Jo Smith". A
person or a nationality noun ("a British man", "the Briton") takes the group's country and
sector when one of its mentions is tied to an armed group by a verb of fighting, or when the
group names it. "Joined Isis" alone is not enough: the coders keep those who travelled to join
the group as wives or supporters the civilians of their own country.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.actors.resolve.context import Context
from dateline.actors.theatre import people_word
from dateline.events.syntax import is_be
from dateline.model import Actor, Mention

#: Verbs whose subject takes the side of the group they are with: "fought with the YPG",
#: "volunteered for the Kurdish militia", "served alongside Kurdish forces".
FIGHT_VERBS = {"fight", "volunteer", "serve", "enlist", "work", "battle"}
#: Prepositions that put the subject on the group's side (not "against").
WITH_PREPS = {"with", "alongside", "for", "among", "beside"}
#: "fighting Islamic State", "went to fight Isis": fighting a group in a war makes the fighter a
#: fighter of that war's other side, in the same country.
AGAINST_VERBS = {"fight", "battle", "combat"}
#: Verbs that only count with a group beside them ("worked alongside Kurdish forces"), never
#: with a group as their object.
WITH_ONLY = {"work", "serve"}
#: Sectors of the people this applies to: private persons and nationality nouns, never an
#: official, a soldier of a state or a reporter whose sector the text gives.
LOOSE_SECTORS = {None, "CVL"}
#: Kinds of actor this applies to.
PEOPLE_KINDS = {"person", "role"}


def affiliate_fighters(ctx: Context) -> list[Actor]:
    """Give each person the text ties to an armed group the group's country and sector; the
    persons changed."""
    changed = []
    for actor in ctx.index.actors:
        if actor.kind not in PEOPLE_KINDS or actor.sector not in LOOSE_SECTORS:
            continue
        if actor.kind == "role" and not _nationality_noun(actor):
            continue
        group = next(
            (g for m in actor.mentions if (g := _group_of(ctx, actor, m.end - 1)) is not None), None
        )
        if group is None:
            continue
        actor.country, actor.sector = group.country, "REB"
        for m in actor.mentions:
            m.rule = f"{m.rule}+fighter"
        changed.append(actor)
    changed += _nationality_fighters(ctx)
    changed += _foreign_militants(ctx)
    return changed


def _nationality_fighters(ctx: Context) -> list[Actor]:
    """ "A Canadian film-maker killed while working alongside Kurdish forces": a nationality in
    front of a noun no rule made an actor stands for that person, who acts for the group the
    clause ties them to; a new actor takes those words (the country keeps its other mentions)."""
    made = []
    for country in [a for a in ctx.index.actors if a.kind == "country"]:
        for m in list(country.mentions):
            span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or len(span) != 1:
                continue
            tok = span[0]
            head = tok.head
            if _people_noun(ctx, tok, country):
                head = tok  # "Other Britons killed fighting Isis": the nationals themselves
            elif (
                tok.dep_ not in {"amod", "compound"}
                or head.pos_ != "NOUN"
                or head.i <= tok.i
                or ctx.index.all_at(head.i)
            ):
                continue
            person = Actor(id="", name="", country=country.country, kind="role")
            group = _group_of(ctx, person, m.start)
            if group is None:
                continue
            start = min([tok.i, *[c.i for c in head.lefts if c.dep_ != "det"]])
            words = ctx.doc[start : head.i + 1]
            actor = ctx.index.get_or_add(
                ("fighter", start),
                lambda aid, w=words, g=group: Actor(
                    id=aid, name=w.text, country=g.country, sector="REB", kind="role"
                ),
            )
            ctx.index.reassign(start, head.i + 1, actor, Mention(
                text=words.text, start=words.start_char, end=words.end_char,
                sentence=ctx.sent_of.get(start, 0), rule="nationality+fighter",
            ))  # fmt: skip
            made.append(actor)
    return made


def _people_noun(ctx: Context, tok: Token, country: Actor) -> bool:
    """A plural noun of a nationality standing for some of its people ("Britons", "two
    Canadians"), or a singular one after a determiner ("a Briton", "the first Briton"), not the
    country's name ("the Philippines"), a town ("Raqqa") nor a nationality in front of a noun."""
    if tok.dep_ not in {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj"}:
        return False
    if tok.tag_ not in {"NNS", "NNPS"} and not (
        tok.tag_ in {"NN", "NNP"}
        and not tok.is_upper  # a nationality, not "the US" or "the Gambia"
        and tok.ent_type_ not in {"GPE", "LOC", "ORG"}
        and any(c.dep_ == "det" for c in tok.children)
    ):
        return False
    if ctx.kb.country_of(tok.text) != country.country:
        return False
    entry = ctx.kb.lookup(country.country)
    return entry is None or entry.name.lower() != tok.lower_


#: Nouns of a member of an armed movement whose nationality is not whom they act for: "British
#: jihadists", "Australian militants" in a war elsewhere act for the armed group they joined.
MILITANT_NOUNS = {"jihadist", "jihadists", "jihadi", "jihadis", "militant", "militants"}
#: "UK foreign fighters": fighters only when the text says they came from abroad.
FIGHTERS = {"fighter", "fighters"}


def _foreign_militants(ctx: Context) -> list[Actor]:
    """ "Two British jihadists were captured in Syria": in a story whose armed groups all act in
    one country, a militant of another nationality acts for them, in that country (the coding
    guide keys a person to the state or group they act for, not to their passport); so does
    one the text puts in a country ("British jihadists in Syria") in any story."""
    story_country = _armed_country(ctx)
    changed = []
    for actor in ctx.index.actors:
        words = actor.name.lower().split()
        militant = bool(words) and (
            words[-1] in MILITANT_NOUNS or (words[-1] in FIGHTERS and "foreign" in words)
        )
        if actor.kind == "person":
            militant = _called_militant(ctx, actor)  # "an Australian jihadist, Jo Roe"
        if (
            actor.kind not in {"role", "person"}
            or actor.sector != "REB"
            or actor.country is None
            or not militant
            or actor.id in ctx.theatre
        ):
            continue
        country = story_country or _placed_in(ctx, actor)
        if country is None or country == actor.country:
            continue
        actor.country = country
        for m in actor.mentions:
            m.rule = f"{m.rule}+militant"
        changed.append(actor)
    return changed


def _placed_in(ctx: Context, actor: Actor) -> str | None:
    """The country a role's "in" puts it in: "British jihadists in Syria", "UK foreign fighters
    in Syria" (a country's name or a capital, not a town the gazetteer may misplace)."""
    if actor.kind != "role":
        return None
    for m in actor.mentions:
        span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        for prep in span.root.children:
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and (country := ctx.kb.country_of(pobj.text)):
                    return country
    return None


def _called_militant(ctx: Context, actor: Actor) -> bool:
    """A mention of the person stands in apposition to a militant noun ("an Australian
    jihadist, Jo Roe", "Jo Roe, a British militant")."""
    for m in actor.mentions:
        span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        tok = span.root
        nouns = [c for c in tok.children if c.dep_ == "appos"]
        nouns += [tok.head] if tok.dep_ == "appos" else []
        if any(n.lower_ in MILITANT_NOUNS for n in nouns):
            return True
    return False


def _armed_country(ctx: Context) -> str | None:
    """The one country where the article's named armed groups act (Islamic State and the
    Kurdish militias of a story set in Syria) when it is also the country whose towns the story
    names most, or None."""
    from dateline.actors.home import conflict_country

    countries = {
        a.country
        for a in ctx.index.actors
        if a.kind in {"group", "organisation"} and a.sector == "REB" and a.country
    }
    if len(countries) != 1:
        return None
    (country,) = countries
    return country if conflict_country(ctx.index) == country else None


def _nationality_noun(actor: Actor) -> bool:
    """A role that is a person of some nationality ("British man", "Briton", "Australian
    citizen"), not a body ("police", "families")."""
    words = actor.name.lower().split()
    return bool(words) and words[-1] in PERSON_NOUNS


PERSON_NOUNS = {
    "man", "woman", "citizen", "national", "briton", "volunteer", "teenager", "student",
    "film-maker", "filmmaker", "convert", "man's", "woman's", "person", "people", "men", "women",
    "citizens", "nationals", "britons", "volunteers", "teenagers", "students", "converts",
}  # fmt: skip


def _group_of(ctx: Context, actor: Actor, start_char: int) -> Actor | None:
    """The armed group the mention whose word at ``start_char`` is tied to, or None: the
    mention's last word, as its first may be a title taken in front of the name ("the
    extradition of Islamic State suspect Jo Roe")."""
    span = ctx.doc.char_span(start_char, start_char + 1, alignment_mode="expand")
    if span is None:
        return None
    tok = span[0]
    while tok.head.i != tok.i and tok.dep_ in {"compound", "amod", "flat", "nmod", "det", "nummod"}:
        tok = tok.head
    while tok.dep_ == "conj" and tok.head.i != tok.i and tok.head.pos_ == tok.pos_:
        tok = tok.head  # "Jo Roe and Sam Lane, who fought with the YPG": both of them
    for node in [tok, *[c for c in tok.children if c.dep_ == "appos"]]:
        for c in node.children:
            if c.dep_ in {"compound", "nmod", "amod"}:  # "Isis fighter Jo Smith"
                group = _armed(ctx, c, actor)
                if group is not None:
                    return group
            if c.dep_ in {"relcl", "acl"}:  # "a man who went to Syria to fight Isis"
                group = _in_clause(ctx, c, actor, depth=0)
                if group is not None:
                    return group
    members = [c for c in tok.children if c.dep_ == "appos"]  # "Jo Roe, an Isis member"
    if tok.dep_ == "appos":
        members.append(tok.head)  # "the Isis recruiter, Jo Roe"
    if tok.dep_ == "nsubj" and is_be(tok.head) and _asserted(tok.head):
        members += [c for c in tok.head.children if c.dep_ == "attr"]  # "Roe was a member of X"
    if tok.dep_ == "nsubj" and tok.head.lemma_ in ROLE_VERBS and _asserted(tok.head):
        members += [  # "Roe acted as an Isis recruiter", "served as the group's commander"
            p for c in tok.head.children if c.dep_ == "prep" and c.lower_ == "as"
            for p in c.children if p.dep_ == "pobj"
        ]  # fmt: skip
    for noun in members:
        group = _member_of(ctx, noun, actor)
        if group is not None:
            return group
    if tok.dep_ in {"nsubj", "nsubjpass"}:  # "he fought with the YPG", "was killed fighting ..."
        return _in_clause(ctx, tok.head, actor, depth=0)
    return None


#: Verbs whose "as" phrase gives the subject's place: "acted as an Isis recruiter".
ROLE_VERBS = {"act", "serve", "operate", "work"}


def _asserted(verb: Token) -> bool:
    """The clause says it is so: not asked ("asked if he is a member"), denied ("is not a
    member") or supposed ("if he was a member")."""
    return not any(
        (c.dep_ == "mark" and c.lower_ in {"if", "whether"}) or c.dep_ == "neg"
        for c in verb.children
    )


#: Nouns of a person's place in an armed group: "a member of the Isis cell", "an Isis
#: recruiter", "the group's commander".
MEMBER_NOUNS = {"member", "fighter", "militant", "jihadist", "jihadi", "recruiter", "commander",
                "operative", "executioner", "guard", "leader", "spokesman", "emir", "bomber"}  # fmt: skip


def _member_of(ctx: Context, noun: Token, actor: Actor) -> Actor | None:
    """The armed group a member noun ties the person to: "members of the Isis cell", "an Isis
    recruiter", "the group's commander" (its modifiers, its "of" phrase or its possessor)."""
    if noun.lemma_.lower() not in MEMBER_NOUNS:
        return None
    for c in noun.children:
        if c.dep_ in {"compound", "nmod", "amod", "poss"} and (g := _armed(ctx, c, actor)):
            return g
        if c.dep_ == "prep" and c.lower_ in {"of", "for", "in"}:
            for p in c.children:
                if p.dep_ == "pobj" and (g := _armed(ctx, p, actor)) is not None:
                    return g
    return None


def _in_clause(ctx: Context, verb: Token, actor: Actor, depth: int) -> Actor | None:
    """An armed group a verb of fighting in ``verb``'s clause (or a clause of purpose
    or manner hung on it) ties its subject to."""
    lemma = verb.lemma_.lower()
    if lemma in FIGHT_VERBS:
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in WITH_PREPS:
                for p in c.children:
                    if p.dep_ == "pobj" and (group := _armed(ctx, p, actor)) is not None:
                        return group
            if c.dep_ == "dobj" and lemma not in WITH_ONLY:
                group = _armed(ctx, c, actor)
                if group is not None:
                    return group if lemma not in AGAINST_VERBS else _other_side(group)
    if depth < 2:
        for c in verb.children:
            if c.dep_ in {"advcl", "xcomp", "conj"} and c.pos_ in {"VERB", "AUX"}:
                if any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children):
                    continue  # a clause with a subject of its own is about someone else
                group = _in_clause(ctx, c, actor, depth + 1)
                if group is not None:
                    return group
    return None


def _armed(ctx: Context, tok: Token, actor: Actor) -> Actor | None:
    """The armed group named at ``tok`` or inside its phrase, with a country: a rebel group, or
    the forces of a people without a state ("Kurdish forces", theatre.yaml)."""
    words = [tok, *[c for c in tok.children if c.dep_ in {"compound", "amod", "nmod"}]]
    stateless = people_word(words) is not None
    for t in words:
        for a in ctx.index.all_at(t.i):
            if a is actor or not a.country:
                continue
            if a.sector == "REB" or (stateless and a.sector == "MIL"):
                return a
    return None


def _other_side(group: Actor) -> Actor:
    """Who fights ``group`` in its own country: a rebel side of that country."""
    return Actor(id="", name="", country=group.country, sector="REB", kind="group")

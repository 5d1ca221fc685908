"""Coreference by role and by group: "the French president", "the two leaders", appositions,
coordinated actors that "they" can name.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.actors.resolve.context import Context, mention_tokens
from dateline.model import Actor, Mention

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


def _role_matches(ctx: Context, actor: Actor, word: str) -> bool:
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


def people_by_role(ctx: Context, tok: Token, countries: list[str], plural: bool) -> list[Actor]:
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
                a.kind == "person"
                and _role_matches(ctx, a, tok.lower_)
                # "the Syrian leaders" are Syria's; "British men" may fight for another side
                and (not countries or a.country in countries or tok.lower_ in {"man", "men"})
                for a in group
            ):
                if len(last_two) == 2 and pair_start > i:
                    return in_text_order(ctx, last_two)
                return list(group)
        return in_text_order(ctx, seen[:2]) if len(seen) >= 2 else []
    if countries:
        return seen[:1]
    # "the president" with no nationality: the most-mentioned matching person so far (salience),
    # the most recent one on a tie.
    counts = {a.id: sum(1 for i, _s, b in ctx.recent if b is a and i < tok.i) for a in seen}
    return [max(seen, key=lambda a: (counts[a.id], -seen.index(a)))]


def in_text_order(ctx: Context, people: list[Actor]) -> list[Actor]:
    """``people`` in the order the text first named them: "Putin and his Turkish counterpart
    agreed ... the two leaders agreed" pairs Putin first, as a coordinated pair would."""
    first = {}
    for i, _s, actor in ctx.recent:
        if actor in people:
            first[id(actor)] = min(i, first.get(id(actor), i))
    return sorted(people, key=lambda a: first.get(id(a), 0))


def _by_position(entries: list[tuple]) -> list[tuple]:
    """Mentions from the latest to the earliest position in the text."""
    return sorted(entries, key=lambda e: -e[0])


#: Sectors of people who act for no state: an international official's office may be "for"
#: a country ("the UN envoy for Syria") without making them its.
INTERNATIONAL = {"IGO", "NGO"}


def appositions(ctx: Context) -> None:
    """An apposition or bracketed acronym names the actor it follows: "the Nigerian Union of
    Teachers (NUT), the umbrella union", "Kenzo Oshima, the UN relief coordinator"."""
    for tok in ctx.doc:
        if tok.dep_ != "appos":
            continue
        head = tok.head
        if _merge_role_and_person(ctx, head, tok) or _nationality_of_person(ctx, head, tok):
            continue
        owners = [a for a in ctx.index.all_at(head.i) if a.country or a.kind == "person"]
        if not owners:
            # "Teachers (NUT)": the acronym hangs off the last word of a longer name
            node = head
            while node.dep_ in {"pobj", "prep"} and node.head.i != node.i and not owners:
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
        if mine and is_acronym(tok):
            _acronym_names_owner(ctx, mine[0], owners[0])
    comma_appositions(ctx)
    spelled_out_acronyms(ctx)


def comma_appositions(ctx: Context) -> None:
    """ "the resignation of the defence secretary, Jim Mattis, Macron has said": a role, a comma
    and a named person closed by a comma (or the sentence's end) are one person where the parser
    missed the apposition; the person's own country beats the one the office title suggests."""
    doc = ctx.doc
    for comma in doc[1:-1]:
        if comma.text != ",":
            continue
        role_tok, name_tok = doc[comma.i - 1], doc[comma.i + 1]
        if role_tok.dep_ == "appos" or name_tok.head.i == role_tok.i:
            continue  # the parser saw it: appositions() above
        role = next((a for a in ctx.index.all_at(role_tok.i) if a.kind == "role"), None)
        person = next((a for a in ctx.index.all_at(name_tok.i) if a.kind == "person"), None)
        if role is None or person is None or name_tok.pos_ != "PROPN":
            continue
        end = name_tok.i
        while end + 1 < len(doc) and person in ctx.index.all_at(end + 1):
            end += 1
        after = doc[end + 1] if end + 1 < len(doc) else None
        if after is not None and not (
            after.text == "," or after.is_sent_start or after.text == "."
        ):
            continue  # "said the spokesman, Jo Roe told ...": Roe begins a clause of her own
        name = doc[end]
        others = [c for c in name.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        others += [c for c in name.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        if name.dep_ in {"nsubj", "nsubjpass"} and all(c.i == name.i for c in others):
            continue  # "after meeting the envoy, Jo Roe, who ..., said": Roe is the subject
        _merge_role_and_person(ctx, role_tok, name)


def is_acronym(tok: Token) -> bool:
    """An acronym: two or more capitals ("SNC", "PYD"), not a capitalised word."""
    return len(tok.text) >= 2 and tok.text.isalpha() and tok.text.isupper()


#: Small words an acronym skips ("Nigerian Union of Teachers" -> "NUT").
_ACRONYM_SKIPS = {"of", "the", "for", "and", "in", "on", "to", "al", "de"}


def initials(name: str) -> str:
    """The initials of a name's capitalised words: "Syrian Negotiations Commission" -> "SNC"."""
    words = [w for w in name.replace("-", " ").split() if w.lower() not in _ACRONYM_SKIPS]
    if not words or not all(w[:1].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words)


def spelled_out_acronyms(ctx: Context) -> None:
    """ "the Syrian Negotiations Commission ... The SNC compromised": an organisation known
    only by an acronym is the actor named earlier by the words it abbreviates (three letters
    or more, one such actor)."""
    for acronym in list(ctx.index.actors):
        if acronym.kind != "organisation" or acronym.country or acronym.sector:
            continue
        if not acronym.mentions or len(acronym.name) < 3 or not acronym.name.isupper():
            continue
        first = min(m.start for m in acronym.mentions)
        owners = {
            a.id: a
            for a in ctx.index.actors
            if a is not acronym
            and (a.country or a.sector)
            and any(m.start < first and initials(m.text) == acronym.name for m in a.mentions)
        }
        if len(owners) == 1:
            _acronym_names_owner(ctx, acronym, next(iter(owners.values())))


def _acronym_names_owner(ctx: Context, acronym: Actor, owner: Actor) -> None:
    """ "The Syrian Negotiations Commission (SNC) ... the SNC said": an organisation known
    only by an acronym bracketed after an actor's name is that actor everywhere it recurs."""
    if acronym is owner or acronym.kind != "organisation" or acronym.country or acronym.sector:
        return
    for (start, end), actor in list(ctx.index.spans.items()):
        if actor is not acronym:
            continue
        span = ctx.doc[start:end]
        ctx.index.reassign(start, end, owner, Mention(
            text=span.text, start=span.start_char, end=span.end_char,
            sentence=ctx.sent_of.get(start, 0), rule="acronym"))  # fmt: skip
    acronym.mentions = []
    ctx.recent = [(i, s, owner if a is acronym else a) for i, s, a in ctx.recent]


def _merge_role_and_person(ctx: Context, head: Token, appos: Token) -> bool:
    """ "the home secretary, Sajid Javid" / "Sajid Javid, the home secretary": one person, whose
    country and sector the role supplies when the knowledge base did not."""
    pairs = [(ctx.index.all_at(head.i), ctx.index.all_at(appos.i), head, appos),
             (ctx.index.all_at(appos.i), ctx.index.all_at(head.i), appos, head)]  # fmt: skip
    for roles, people, role_tok, _person_tok in pairs:
        role = next((a for a in roles if a.kind == "role"), None)
        person = next((a for a in people if a.kind == "person"), None)
        if role is None or person is None:
            continue
        if person.country is None and person.sector not in INTERNATIONAL:
            person.country = role.country  # not "the UN envoy for Syria"
        if person.sector is None or (person.sector == "ELI" and role.sector not in {None, "ELI"}):
            person.sector = role.sector  # "the defence secretary, X": in office, as the text says
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


def _nationality_of_person(ctx: Context, head: Token, appos: Token) -> bool:
    """ "Tom Walker, a Briton held in Syria", "Ali Hamdan, a member of the Syrian opposition",
    "Jo Smith, a volunteer with Kurdish forces": a person the knowledge base does not know acts
    for the state or group the apposition names (its first actor with a country, outside any
    clause of its own)."""
    person = next((a for a in ctx.index.all_at(head.i) if a.kind == "person"), None)
    if person is None or person.country is not None or person.sector in INTERNATIONAL:
        return False  # "X, the UN envoy for Syria": the office's mandate, not X's state
    clauses = {
        t.i for c in appos.children if c.dep_ in {"relcl", "acl", "advcl"} for t in c.subtree
    }
    found = None
    for t in sorted(appos.subtree, key=lambda t: t.i):
        if t.i in clauses:
            continue
        found = next((a for a in ctx.index.all_at(t.i) if a.country and a is not person), None)
        if found is not None:
            break
    if found is None:
        return False
    person.country = found.country
    if person.sector is None and found.kind != "country":
        person.sector = found.sector
    if found.kind != "country" or ctx.index.all_at(appos.i) != [found]:
        return False  # "a member of ...": the apposition is the person's (appositions below)
    # "a Briton" names the person, not the United Kingdom as a second actor
    span = ctx.doc[appos.left_edge.i : appos.i + 1]
    ctx.index.reassign(span.start, span.end, person, Mention(
        text=span.text, start=span.start_char, end=span.end_char,
        sentence=ctx.sent_of.get(span.start, 0), rule="apposition"))  # fmt: skip
    found.mentions = [m for m in found.mentions if not span.start_char <= m.start < span.end_char]
    return True


def register_groups(ctx: Context) -> None:
    known = {e[0] for e in ctx.recent_groups}
    for tok in ctx.doc:
        if tok.dep_ not in {"nsubj", "nsubjpass", "dobj", "pobj"} or tok.i in known:
            continue
        members: list[Actor] = []
        for t in tok.subtree:
            if t.dep_ in {"prep", "relcl", "acl", "advcl", "ccomp", "xcomp"} and t.i != tok.i:
                break
            for a in ctx.index.all_at(t.i):
                if a.kind in {"person", "country", "organisation", "group"} and a not in members:
                    members.append(a)
        if len(members) > 1 and any(t.dep_ == "cc" for t in tok.subtree):
            ctx.recent_groups.append((tok.i, ctx.sent_of.get(tok.i, 0), tuple(members)))


#: How many states a counting word names ("the two countries", "both nations").
STATE_COUNTS = {"two": 2, "both": 2, "three": 3}

#: Prepositions before "both countries" that make it places, not parties ("in both countries",
#: "across the two states").
PLACE_PREPS = {"in", "across", "throughout", "of", "from", "to", "into", "inside", "on"}


def counted_states(ctx: Context, nouns: frozenset[str]) -> None:
    """ "The two countries", "both nations", "the three powers" (``nouns``: the lemmas of
    ``counted_state_nouns``) name the states coordinated just before, in this sentence or the
    two before ("Kenya and Uganda signed ... The two countries agreed"): a group of that many
    states, each a party (the coding guide: one record per party). Not "in both countries"
    (places), and nothing where no such group was named."""
    for tok in ctx.doc:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in nouns or ctx.index.all_at(tok.i):
            continue
        count = next(
            (STATE_COUNTS[c.lower_] for c in tok.children
             if c.dep_ in {"nummod", "det", "predet"} and c.lower_ in STATE_COUNTS),
            None,
        )  # fmt: skip
        if count is None:
            continue
        if tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPS:
            continue
        sent = ctx.sent_of.get(tok.i, 0)
        group = next(
            (
                members
                for i, s, members in sorted(ctx.recent_groups, key=lambda e: -e[0])
                if i < tok.i
                and sent - s <= 2
                and len(members) == count
                and all(a.kind == "country" for a in members)
                and len({a.country for a in members}) == count
            ),
            None,
        )
        if group is None:
            continue
        start = min([tok.i] + [c.i for c in tok.children if c.i < tok.i])
        for actor in group:
            mention_tokens(ctx, actor, start, tok.i + 1, "group-coref")
        ctx.recent_groups.append((tok.i, sent, tuple(group)))

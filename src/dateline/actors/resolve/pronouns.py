"""Pronouns: he/she/they/it to the nearest fitting actor of the last sentences, dummy "it" skipped."""

from __future__ import annotations

from spacy.tokens import Token

from dateline.actors.gender import agrees, pronoun_gender
from dateline.actors.resolve.context import Context, mention_tokens
from dateline.actors.resolve.roles import role_words
from dateline.events.syntax import RELATIVE_PRONOUNS, is_be, subject_of

PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
THING_PRONOUNS = {"it", "its", "itself"}


def _mention_head(ctx: Context, start: int):
    """The last token of the mention starting at ``start`` ("opposition" of "the Venezuelan
    opposition")."""
    span_end = start
    while span_end + 1 < len(ctx.doc) and ctx.index.all_at(span_end + 1) == ctx.index.all_at(start):
        span_end += 1
    return ctx.doc[span_end]


def _singular_role(ctx: Context, start: int) -> bool:
    """A role mention naming one person ("the Irish prime minister"), not a body or a crowd."""
    head = _mention_head(ctx, start)
    return head.tag_ in {"NN", "NNP"} and head.lemma_.lower() in PERSON_ROLES


PERSON_ROLES = {"minister", "president", "king", "queen", "chancellor", "spokesman", "spokeswoman",
                "spokesperson", "ambassador", "envoy", "leader", "premier", "secretary", "governor",
                "mayor", "general", "commander", "chief", "emir", "prince", "official", "diplomat",
                # a private person named by a noun: "the man ... he", "a British woman ... she"
                "man", "woman", "boy", "girl", "citizen", "national", "teenager", "student",
                "journalist", "reporter", "photographer", "activist", "volunteer", "doctor",
                "pharmacist", "lawyer", "pastor", "cleric", "priest", "suspect", "prisoner",
                "hostage", "refugee", "briton", "father", "mother", "husband", "wife", "son",
                "daughter", "soldier", "fighter", "militant", "worker", "businessman",
                "businesswoman"}  # fmt: skip


def _is_subject(tok: Token) -> bool:
    """The mention starting at ``tok`` is a clause subject ("The U.S. president accepted ...")."""
    node = tok
    for _ in range(4):
        if node.dep_ in {"nsubj", "nsubjpass"}:
            return True
        if (
            node.dep_ in {"compound", "conj", "appos", "flat", "det", "amod"}
            and node.head.i != node.i
        ):
            node = node.head
            continue
        return False
    return False


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
    if not is_be(head):
        return False
    return bool(adjectives & EXPLETIVE_ADJECTIVES) or _extraposed(head)


def _extraposed(be: Token) -> bool:
    """ "It is against the law to strip ...", "it is time for the quarrels to end", "it was of
    vital interest for Chile to keep ...", "it is a shame that the talks failed": "it" stands for
    the clause that follows, not for an actor. The clause hangs on "be" or on its predicate noun
    ("time", "a shame", "of interest"); "it was ready to attack" (the clause is the adjective's)
    keeps its antecedent."""
    predicates = [c for c in be.children if c.dep_ == "attr"]
    predicates += [
        g for c in be.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
    ]
    for node in [be, *predicates]:
        for clause in node.children:
            if clause.i < be.i or clause.dep_ not in {"xcomp", "advcl", "relcl", "acl", "ccomp"}:
                continue
            marks = {g.lower_ for g in clause.children if g.dep_ == "mark"}
            to = any(g.dep_ == "aux" and g.lower_ == "to" for g in clause.children)
            if (to and (node.i == be.i and clause.dep_ == "xcomp" or "for" in marks)) or (
                "that" in marks and (node.i != be.i or _judged_that(be))
            ):
                return True
    return False


def _judged_that(be: Token) -> bool:
    """ "it is unacceptable that the talks failed": "be" with an adjective and no degree word
    ("it was so strong that ..." tells a result of something), so the that-clause is its subject."""
    adjectives = [c for c in be.children if c.dep_ == "acomp" and c.pos_ == "ADJ"]
    return bool(adjectives) and not any(
        g.lower_ in {"so", "such", "too"} for a in adjectives for g in a.children
    )


def resolve_pronoun(ctx: Context, tok: Token) -> None:
    low = tok.lower_
    sent = ctx.sent_of.get(tok.i, 0)
    if _expletive(tok):
        return
    ctx.recent.sort(key=lambda e: e[0])
    ctx.recent_groups.sort(key=lambda e: e[0])
    if low in PERSON_PRONOUNS:
        if fronted := fronted_subject(ctx, tok):
            mention_tokens(ctx, fronted, tok.i, tok.i + 1, "pronoun")
            return
        own_subject = _clause_subject_ids(ctx, tok) | _relative_bound(ctx, tok)
        people = [
            (i, s, a)
            for i, s, a in reversed(ctx.recent)
            if i < tok.i
            and sent - s <= 2
            and (a.kind == "person" or (a.kind == "role" and _singular_role(ctx, i)))
            and agrees(ctx.genders.get(a.id), low)  # "he" is not Angela Merkel
            and a.id not in own_subject  # "X accused him": not X
            and ctx.doc[i].lower_ not in PLURAL_PRONOUNS  # "they" stood for several, not "he"
        ]
        # the subject of a clause the pronoun stands in first ("Roe appears to have lessened
        # his ..."), then the least embedded subject of its sentence before it (not a subject
        # deep in a clause of another's: "Roe wants to see Vale removed, as part of his ..."),
        # then the subject of the nearest clause ("The president accepted X's invitation and
        # said he ..."), then the nearest mention
        subjects = [e for e in people if _is_subject(ctx.doc[e[0]]) and sent - e[1] <= 1]
        chosen = governing_subject(ctx, tok, people) or _shallowest_subject(ctx, subjects, sent)
        for _i, _s, actor in [chosen] if chosen else subjects[:1] or people[:1]:
            mention_tokens(ctx, actor, tok.i, tok.i + 1, "pronoun")
            if len({a.id for _i, _s, a in people}) == 1 and (gender := pronoun_gender(low)):
                # "She cites reports ... he is consistent": once "she" (with no one else it
                # could be), never "he"
                ctx.genders.setdefault(actor.id, gender)
            return
    elif low in PLURAL_PRONOUNS:
        # "the militia, which they accuse of ...": "they" are not the militia; "the army and the
        # militias hunted them down": "them" are not the clause's own named subjects
        bound = _relative_bound(ctx, tok) | _named_subject_ids(ctx, tok)
        if found := previous_they(ctx, tok) or joint_pair(ctx, tok):
            # "The minister spoke to Kim. They agreed ... They agreed ...": the two who met,
            # and a "they" that opens sentence after sentence stays the same people
            for actor in found:
                mention_tokens(ctx, actor, tok.i, tok.i + 1, "pronoun")
            return
        found = _subject_antecedent(ctx, tok, sent) if tok.dep_ in {"nsubj", "nsubjpass"} else ()
        if found and not bound.intersection(a.id for a in found):
            # "Many supporters, such as X and Y, have cut aid to A and B. They ...": a subject
            # "they" goes on with the last clause's subject, not the last group named
            for actor in found:
                mention_tokens(ctx, actor, tok.i, tok.i + 1, "pronoun")
            return
        for i, s, group in reversed(ctx.recent_groups):
            if i < tok.i and sent - s <= 1 and not bound.intersection(a.id for a in group):
                for actor in group:
                    mention_tokens(ctx, actor, tok.i, tok.i + 1, "pronoun")
                return
        for i, s, actor in reversed(ctx.recent):
            if (
                i < tok.i
                and sent - s <= 1
                and actor.id not in bound
                and actor.kind in {"role", "group", "organisation"}
                and not (actor.kind == "role" and _singular_role(ctx, i))
            ):
                # "the prime minister ... they": one person is no "they"
                mention_tokens(ctx, actor, tok.i, tok.i + 1, "pronoun")
                return
    elif low in THING_PRONOUNS:
        speaker = _reporting_subject(ctx, tok)
        if speaker is not None and _is_body(ctx, *speaker):
            # "the opposition said it would not attend": the body that said it
            mention_tokens(ctx, speaker[1], tok.i, tok.i + 1, "pronoun")
            return
        bound = _clause_subject_ids(ctx, tok)
        if tok.tag_ != "PRP$":  # "a force which its founder led" is the force's founder
            bound |= _relative_head_ids(ctx, tok)
        bodies = [
            (i, s, actor)
            for i, s, actor in reversed(ctx.recent)
            if i < tok.i
            and sent - s <= 1
            and actor.id not in bound  # "Turkey urged it", "a force, which it mobilised"
            and (
                actor.kind in {"country", "organisation", "group"}
                or (
                    actor.kind == "role"
                    and _mention_head(ctx, i).tag_ in {"NN", "NNP"}
                    and not _singular_role(ctx, i)
                )
            )
        ]
        if tok.dep_ in {"nsubj", "nsubjpass"} and _sentence_initial(tok):
            # "Turkey threatened the militia on Monday. It has vowed ...": a subject that opens
            # its sentence goes on with the last sentence's subject
            subjects = [e for e in bodies if e[1] == sent - 1 and _is_subject(ctx.doc[e[0]])]
            bodies = subjects[-1:] or bodies
        elif chosen := governing_subject(ctx, tok, bodies) or _shallowest_subject(
            ctx, [e for e in bodies if _is_subject(ctx.doc[e[0]])], sent
        ):
            # "Isis has sought to exploit the vacuum ... and it has continued": the subject of
            # the clause "it" stands in, as for "he"
            bodies = [chosen]
        for _i, _s, actor in bodies[:1]:
            mention_tokens(ctx, actor, tok.i, tok.i + 1, "pronoun")
            return


#: Verbs of two people doing something together: "X met Y", "X spoke to Y", "X talked with Y".
JOINT_VERBS = {"meet", "speak", "talk", "phone", "call", "visit", "host", "dine", "confer"}


def _previous_main_subject(tok: Token):
    """The subject of the main verb of the sentence before ``tok``'s, with that verb."""
    if tok.sent.start == 0:
        return None, None
    root = tok.doc[tok.sent.start - 1].sent.root
    subj = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subj, root


def _opening_subject(tok: Token) -> bool:
    return tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.dep_ == "ROOT" and _sentence_initial(tok)


def previous_they(ctx: Context, tok: Token) -> list:
    """A subject "they" opening its sentence right after a sentence whose main subject was a
    "they" too goes on with the same people ("They agreed that ... They agreed to ..."); empty
    when that one stood for nobody known."""
    if not _opening_subject(tok):
        return []
    subj, _root = _previous_main_subject(tok)
    if subj is None or subj.lower_ != "they":
        return []
    return ctx.index.all_at(subj.i)


def joint_pair(ctx: Context, tok: Token) -> list:
    """A subject "they" opening its sentence after "X met Y" or "X spoke to Y" (one person
    each): X and Y."""
    if not _opening_subject(tok):
        return []
    subj, root = _previous_main_subject(tok)
    if subj is None or root.lemma_.lower() not in JOINT_VERBS:
        return []
    partners = [c for c in root.children if c.dep_ == "dobj"]
    partners += [
        g
        for c in root.children
        if c.dep_ == "prep" and c.lower_ in {"to", "with"}
        for g in c.children
        if g.dep_ == "pobj"
    ]
    pair = [_one_person(ctx, subj)] + [_one_person(ctx, p) for p in partners[:1]]
    if len(pair) != 2 or None in pair or pair[0].id == pair[1].id:
        return []
    return pair


def _one_person(ctx: Context, head: Token):
    """The one person (or one-person role) a noun phrase's head names, else None."""
    actors = ctx.index.all_at(head.i)
    if len(actors) != 1:
        return None
    actor = actors[0]
    if actor.kind == "person" or (actor.kind == "role" and head.tag_ in {"NN", "NNP"}):
        return actor
    return None


#: How many clauses up a pronoun's governing subject is looked for.
GOVERNING_REACH = 6
#: Dependencies of a phrase or clause set before the clause it belongs to.
FRONTED_DEPS = {"prep", "advcl", "npadvmod"}


def fronted_subject(ctx: Context, tok: Token):
    """The person a "his"/"her" or a subject "he"/"she" stands for when it lies in a phrase or
    clause set before the subject of the clause it belongs to: "In his talks with Kim, Roe
    said ...", "When she landed in Paris, Roe said ...": Roe (cataphora), where that subject is
    one person the pronoun agrees with. None otherwise."""
    if tok.tag_ != "PRP$" and tok.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    node = tok
    for _ in range(GOVERNING_REACH):
        if node.head.i == node.i:
            return None
        child, node = node, node.head
        if node.pos_ not in {"VERB", "AUX"} or child.dep_ not in FRONTED_DEPS:
            continue
        subj = next((c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is None or child.right_edge.i >= subj.left_edge.i:
            return None
        people = {
            a.id: a
            for a in ctx.index.all_at(subj.i)
            if a.kind == "person" and agrees(ctx.genders.get(a.id), tok.lower_)
        }
        return next(iter(people.values())) if len(people) == 1 else None
    return None


def governing_subject(ctx: Context, tok: Token, people: list) -> tuple | None:
    """The candidate (token, sentence, actor) that is the subject of a clause ``tok`` stands
    in: "Roe appears to have lessened his resolve" (the subject of "appears", through the
    subjectless "lessened"); in a relative clause whose subject is "who", the noun it hangs on
    ("Vale, who said he ..."). None when no such subject is a candidate."""
    by_token = {i: e for e in people for i in _phrase_ids(ctx, e[0])}
    node = tok
    for _ in range(GOVERNING_REACH):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ not in {"VERB", "AUX"}:
            continue
        if (
            tok.tag_ == "PRP$"
            and node.dep_ == "relcl"
            and node.head.i in by_token
            and any(c.lower_ == "where" for c in node.children)
        ):
            return by_token[node.head.i]  # "in Iraq, where its army ...": Iraq's
        for c in node.children:
            if c.dep_ not in {"nsubj", "nsubjpass"} or c.i == tok.i:
                continue
            # "Vale, who said ...": the subject is Vale
            subj = node.head if c.lower_ in RELATIVE_PRONOUNS and node.dep_ == "relcl" else c
            if subj.i in by_token:
                return by_token[subj.i]
            return None  # the clause has a subject, and it is no candidate
    return None


def _phrase_ids(ctx: Context, start: int) -> list[int]:
    """The token indices of the mention that starts at ``start``."""
    out = [start]
    while out[-1] + 1 < len(ctx.doc) and ctx.index.all_at(out[-1] + 1) == ctx.index.all_at(start):
        out.append(out[-1] + 1)
    return out


def _shallowest_subject(ctx: Context, subjects: list, sent: int) -> tuple | None:
    """Of two or more candidate subjects in the pronoun's own sentence, the one whose clause is
    least embedded (fewest clauses up to the root), when only one is; else None."""
    own = [e for e in subjects if e[1] == sent]
    if len({a.id for _i, _s, a in own}) < 2:
        return None
    depth = {e[0]: _clause_depth(ctx.doc[e[0]]) for e in own}
    least = min(depth.values())
    top = [e for e in own if depth[e[0]] == least]
    return top[0] if len({a.id for _i, _s, a in top}) == 1 else None


def _clause_depth(tok: Token) -> int:
    """How many verbs stand above the one ``tok`` is the subject of."""
    depth, node = 0, tok.head
    for _ in range(40):
        if node.head.i == node.i:
            return depth
        node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            depth += 1
    return depth


OBJECT_PRONOUNS = {"him", "her", "them", "it"}


def _subject_antecedent(ctx: Context, tok: Token, sent: int) -> tuple:
    """What a subject "they" stands for when a plural antecedent of this or the last sentence
    stands in a clause subject: the nearest such coordinated group ("X and Y") or body ("US
    advisers", "the rebels"); empty when none does."""
    found: list[tuple[int, tuple]] = [
        (i, group) for i, s, group in ctx.recent_groups if i < tok.i and sent - s <= 1
    ]
    found += [
        (i, (actor,))
        for i, s, actor in ctx.recent
        if i < tok.i
        and sent - s <= 1
        and actor.kind in {"role", "group", "organisation"}
        and not _singular_role(ctx, i)
    ]
    say = tok.head.head if tok.head.dep_ == "ccomp" else None
    speaker = next((c for c in say.children if c.dep_ == "nsubj"), None) if say else None
    if speaker is not None:
        # "Both countries say they ...", "Kurdish officials said they ...": the speakers, or
        # (when no actor stands there) the nearest group as before
        # "spokesmen in both capitals said they": a body of no country says nothing of whom
        # "they" are; the parties named before stand for it, as before
        said = {t.i for t in speaker.subtree}
        spoken = [e for e in found if e[0] in said and all(a.country for a in e[1])]
        return max(spoken, key=lambda e: e[0])[1] if spoken else ()
    in_subjects = [e for e in found if _in_subject_phrase(ctx.doc[e[0]], tok)]
    return max(in_subjects, key=lambda e: e[0])[1] if in_subjects else ()


def _in_subject_phrase(tok: Token, pronoun: Token) -> bool:
    """``tok`` lies in the noun phrase of a clause subject other than ``pronoun``'s own clause
    ("supporters such as X and Y have cut ...": X; not "cut aid to X")."""
    node = tok
    for _ in range(8):
        if node.dep_ in {"nsubj", "nsubjpass"}:
            return node.head.i != pronoun.head.i
        if node.head.i == node.i or node.pos_ in {"VERB", "AUX"}:
            return False
        node = node.head
    return False


def _relative_head_ids(ctx: Context, tok: Token) -> set[str]:
    """Ids of the actors of the noun a relative clause holding ``tok`` hangs on: in "an Arab
    proxy force, which it mobilised" or "the group that it armed", "it" is someone else."""
    node = tok
    for _ in range(4):
        if node.dep_ == "relcl" and node.head.pos_ in {"NOUN", "PROPN"}:
            head = node.head
            return {
                a.id for t in head.subtree if _in_phrase(t, head) for a in ctx.index.all_at(t.i)
            }
        if node.head.i == node.i or node.dep_ in {"ccomp", "advcl"}:
            return set()
        node = node.head
    return set()


def _relative_bound(ctx: Context, tok: Token) -> set[str]:
    """Ids a subject or object "they", "he" or "she" of a relative clause cannot stand for: the
    noun the clause hangs on ("the militia, which they accuse of ...", "the aide whom he
    sacked"). A possessive is free ("a force which its founder led")."""
    if tok.tag_ == "PRP$" or tok.dep_ not in {"nsubj", "nsubjpass", "dobj", "dative", "pobj"}:
        return set()
    return _relative_head_ids(ctx, tok)


def _clause_subject_ids(ctx: Context, tok: Token) -> set[str]:
    """Ids of the actors that are the subject of the clause an object pronoun is the object of:
    "Roe praised the mayor and thanked him" cannot mean Roe (who would be "himself")."""
    if tok.lower_ not in OBJECT_PRONOUNS or tok.dep_ not in {"dobj", "dative", "iobj", "pobj"}:
        return set()
    if tok.lower_ == "her" and tok.dep_ != "dobj" and tok.tag_ == "PRP$":
        return set()  # "her" as a possessive ("her seat") is no object
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return set()
    subj = subject_of(verb)
    if subj is None:
        return set()
    return {a.id for t in subj.subtree if _in_phrase(t, subj) for a in ctx.index.all_at(t.i)}


def _named_subject_ids(ctx: Context, tok: Token) -> set[str]:
    """:func:`_clause_subject_ids` where the subject is named, not a pronoun: "they asked the
    world to protect them" (the parser makes "they" the subject of "protect") may well be the
    same people."""
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    subj = subject_of(verb) if verb.pos_ in {"VERB", "AUX"} else None
    if subj is None or subj.pos_ == "PRON":
        return set()
    return _clause_subject_ids(ctx, tok)


def _in_phrase(tok: Token, head: Token) -> bool:
    """``tok`` belongs to the noun phrase of ``head`` itself, not to a clause or a prepositional
    phrase inside it ("Roe, who met Kim, ...": Kim is not the subject)."""
    node = tok
    while node.i != head.i:
        if node.dep_ in {"relcl", "acl", "prep", "advcl", "ccomp"}:
            return False
        node = node.head
    return True


def _sentence_initial(tok: Token) -> bool:
    """``tok`` opens its sentence (after quotes or a conjunction at most)."""
    return all(t.is_punct or t.pos_ == "CCONJ" for t in tok.doc[tok.sent.start : tok.i])


def _reporting_subject(ctx: Context, tok: Token):
    """(token index, actor) of the subject of the verb that reports the clause ``tok`` is the
    subject of: "X said it would ...", "X acknowledged it had failed" give X."""
    if tok.dep_ not in {"nsubj", "nsubjpass"} or tok.head.dep_ != "ccomp":
        return None
    for c in tok.head.head.children:
        if c.dep_ == "nsubj" and c.i < tok.i and (actors := ctx.index.all_at(c.i)):
            start = c.i
            while start > 0 and ctx.index.all_at(start - 1) == actors:
                start -= 1
            return start, actors[0]
    return None


def _is_body(ctx: Context, start: int, actor) -> bool:
    """A state, organisation, group or body that "it" can stand for, not a person."""
    if actor.kind in {"country", "organisation", "group"}:
        return True
    head = _mention_head(ctx, start)
    return actor.kind == "role" and head.tag_ in {"NN", "NNP"} and not _singular_role(ctx, start)


#: Prepositions before "the country" that make it a place, not a party ("across the country",
#: "fled to the country", "troops inside the country").
COUNTRY_PLACE_PREPS = {"in", "across", "throughout", "inside", "into", "within", "around",
                       "outside", "from", "to", "out", "at", "over", "through"}  # fmt: skip


def country_noun(tok: Token, nouns: frozenset[str]) -> bool:
    """A singular "the country" or "that nation", with or without adjectives ("the small, rich
    nation"), standing for one state named before (``nouns``: ``state_reference_nouns``). Not
    "the country of X" (it names X), not "this country" (the speaker's own), and not a place
    ("in the country", "across the nation", "leave the country": ``state_place_verbs``)."""

    if tok.pos_ != "NOUN" or tok.tag_ != "NN" or tok.lemma_.lower() not in nouns:
        return False
    if not any(c.dep_ == "det" and c.lower_ in {"the", "that"} for c in tok.children):
        return False
    if any(c.dep_ in {"compound", "nmod", "poss"} for c in tok.children):
        return False  # "the host country", "Syria's neighbouring country"
    if any(
        c.dep_ == "prep" and c.lower_ == "of" and g.dep_ == "pobj" and g.pos_ == "PROPN"
        for c in tok.children
        for g in c.children
    ):
        return False  # "the country of Kenya" names it
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in role_words("state_place_verbs"):
        return False  # "not allowed to leave the country"
    return not (tok.dep_ == "pobj" and tok.head.lower_ in COUNTRY_PLACE_PREPS)


def resolve_country_noun(ctx: Context, tok: Token) -> None:
    """ "Kenya, Uganda and Rwanda imposed a boycott on the small nation": the last state named
    in this sentence or the one before that is not the subject of the clause the noun is in
    (those impose it on another), as "it" would stand for."""
    sent = ctx.sent_of.get(tok.i, 0)
    bound = _governing_subject_ids(ctx, tok)
    ctx.recent.sort(key=lambda e: e[0])
    for i, s, actor in reversed(ctx.recent):
        if i < tok.i and sent - s <= 1 and actor.kind == "country" and actor.id not in bound:
            start = min([tok.i] + [c.i for c in tok.children if c.dep_ in {"det", "amod"}])
            mention_tokens(ctx, actor, start, tok.i + 1, "country-noun")
            return


def _governing_subject_ids(ctx: Context, tok: Token) -> set[str]:
    """Ids of the actors of the subject of the nearest verb above ``tok`` (with its
    conjuncts): the noun is another state than the one acting on it."""
    node = tok
    for _ in range(GOVERNING_REACH):
        if node.head.i == node.i:
            return set()
        node = node.head
        if node.pos_ not in {"VERB", "AUX"}:
            continue
        subj = subject_of(node)
        if subj is None:
            return set()
        return {a.id for t in subj.subtree for a in ctx.index.all_at(t.i)}
    return set()

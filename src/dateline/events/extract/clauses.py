"""Which triggers are events of their own: not the content of another trigger, a condition or an aim,
and background clauses only when the sentence has no main-clause event.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.events.candidate import Candidate
from dateline.events.extract.triggers import GRIEVANCE_ENTRY, JUDGEMENT_ENTRY
from dateline.events.lexicon import Lexicon, shipped_words
from dateline.events.syntax import is_be

# Verbal types whose complement is part of what they say ("agreed to cooperate", "demanded that
# X leave", "threatened to cut supplies"): triggers inside the complement are not separate events.
ABSORBING = {"AGREE", "REQUEST", "REJECT", "THREATEN", "ACCUSE", "SUPPORT", "CONCEDE", "PROTEST"}
# "ceased arming the rebels": the help stopped is the SANCTION's content, not an act of its own
STOPPED_HELP_ID = "sanction-stop-helping"
# Nouns of acts about the future whose "of/on/for" phrase is what is promised, asked, threatened
# or refused, not an act that happened (unlike "criticism of the attack", where it did).
PROMISSORY = {"AGREE", "REQUEST", "THREATEN", "REJECT"}
CONTENT_PREPS = {"of", "on", "for"}
# Entries of a speaker's judgement of someone (events/extract/triggers.py, ``_judgement``; the
# naming verbs' entry extends the id: "rule:judgement-naming").
JUDGEMENT_PREFIX = JUDGEMENT_ENTRY.id
#: What a text does when it speaks: asks, condemns, refuses, threatens, backs.
DOCUMENT_ACTS = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT"})
# Clauses that describe background or conditions rather than the reported happening.
SUBORDINATE_DEPS = {"relcl", "acl", "advcl", "csubj", "pcomp"}
CONDITION_MARKS = {"if", "unless", "provided", "whether"}
# A complement clause with these is an open question, not a fact: "asked whether X had left".
QUESTION_MARKS = {"if", "whether"}
# Prepositions that set an act beside another in time or circumstance, never its content:
# "after bombing the camp, the army demanded that the rebels surrender", "before invading the
# town, Kenya told Somalia to withdraw" (the bombing and the invasion are acts of their own).
CIRCUMSTANCE_PREPS = frozenset(
    {
        "before",
        "after",
        "since",
        "until",
        "till",
        "during",
        "despite",
        "following",
        "amid",
        "amidst",
    }
)
COMPLEMENT_DEPS = {
    "xcomp",
    "ccomp",
    "dobj",
    "prep",
    "attr",
    "oprd",
    "acomp",
    "dative",
    "advcl",
    "pcomp",
}


def fact_in_content(tok: Token, clause: Token) -> bool:
    """A word inside the content ``clause`` of another trigger that names the act an answer
    answers, not the content: "agreed to coordinate their response to the chemical attack",
    "promised decisions on a response to the bombing" (what is answered happened; the answer
    is what is promised)."""
    node = tok
    while node.i != clause.i:
        head = node.head
        if (
            node.dep_ == "pobj"
            and head.lower_ in {"to", "for"}
            and head.head.lemma_.lower() in shipped_words("response_nouns")
        ):
            return True
        if head.i == node.i:
            return False
        node = head
    return False


def drop_absorbed(
    cands: list[Candidate], announced: frozenset[str] = frozenset()
) -> list[Candidate]:
    """Triggers inside the complement of a verbal trigger ("agreed to cooperate") are its content.
    A withdrawal someone decided or announced stays an act of its own inside what another
    trigger judges or answers ("criticised Ethiopia's decision to withdraw its troops": the
    decision concedes, coder._announced_withdrawal); ``announced``: the lexicon's withdrawal
    and announcement words. So does what a text says that another trigger judges ("condemned a
    report urging Kenya to act": the report urged, :func:`document_speaks`)."""
    absorbed: set[int] = set()
    by_index = {c.token.i: c for c in cands}
    kept = {
        c.token.i
        for c in cands
        if not c.nominal and (decided_withdrawal(c.token, announced) or decided_measure(c))
    }
    # "the decision to withdraw", "his order to pull out": the withdrawal names the concession
    # (coder._announced_withdrawal), the decision noun is the same act, not an AGREE of its own
    deciding = {n for i in kept if (n := _deciding_noun(by_index[i].token, announced)) is not None}
    deciding &= {c.token.i for c in cands if c.nominal}
    # "ordered her citizenship to be revoked": the order is the measure imposed, not a request
    deciding |= {
        by_index[i].token.head.i
        for i in kept
        if by_index[i].token.dep_ in {"ccomp", "xcomp"} and by_index[i].token.head.i in by_index
    }
    absorbed.update(deciding)
    for cand in cands:
        if cand.token.i in deciding:
            continue
        if (
            cand.event not in ABSORBING and cand.entry.id != STOPPED_HELP_ID
        ) or cand.entry.id.startswith(JUDGEMENT_PREFIX):
            continue  # a judgement's content is its noun ("said the YPG is a terrorist group,
            # which has waged an insurgency": the insurgency is an act of its own)
        if cand.entry.id in OTHERS_ACT_IDS:
            continue  # "angry about the US recognition of X": the recognition happened too
        head = cand.support if cand.nominal else cand.token
        children = list(head.children) if head is not None else []
        if cand.nominal:
            # "its demand that Israel ease restrictions": the noun's own clause is its content
            children = [c for c in children if c.dep_ == "advcl"]
            children += [c for c in cand.head.children if c.dep_ in {"acl", "ccomp"}]
            if cand.event in PROMISSORY:
                # "a pledge of flood relief", "made a pledge on relief", "the threat of sanctions"
                holders = [cand.head] + ([cand.support] if cand.support is not None else [])
                absorbed.update(
                    g.i
                    for holder in holders
                    for c in holder.children
                    if c.dep_ == "prep" and c.lower_ in CONTENT_PREPS
                    for g in c.subtree
                    if g.i in by_index and g.i != cand.token.i
                )
        for child in children:
            if cand.nominal and child.dep_ in {"acl", "ccomp"}:
                absorbed.update(
                    t.i
                    for t in child.subtree
                    if t.i in by_index and t.i != cand.token.i and not fact_in_content(t, child)
                )
                continue
            if child.dep_ in COMPLEMENT_DEPS:
                if child.dep_ == "prep" and child.lower_ in CIRCUMSTANCE_PREPS:
                    continue  # "after bombing the camp, the army demanded ...": an act before it
                if restated_claim(child):
                    continue  # "X accused Y of Z, a charge Y rejected": the accusation is made
                if (
                    child.dep_ == "advcl"
                    and not any(g.lower_ in {"to"} for g in child.children)
                    and child.lemma_.lower()
                    not in {"say", "call", "demand", "urge", "insist", "protest"}
                ):
                    continue  # "..., killing one person": a separate event
                for t in child.subtree:
                    if t.i != cand.token.i and t.i in by_index and t.i not in absorbed:
                        if fact_in_content(t, child):
                            continue  # "agreed on a response to the attack": it happened
                        if t.i != child.i and (
                            told_act(by_index[t.i]) or _told_in_relative(by_index[t.i])
                        ):
                            continue  # "to take back the fighters captured by Kenyan forces":
                            # a clause describing a noun of the content tells a done act
                        if t.i in kept and cand.event in REACTIONS:
                            continue  # "condemned the decision to withdraw": conceded
                        if cand.event in JUDGING and (
                            _named_attack(by_index[t.i]) or _blamed_attack(by_index[t.i], cand)
                        ):
                            continue  # "criticised the Turkish invasion": it happened too
                        if cand.event in REACTIONS and document_speaks(by_index[t.i]):
                            continue  # "condemned a report urging X to act": the report urged
                        absorbed.add(t.i)
    preferred: set[int] = set()
    # "ordered a deployment of troops", "announced a suspension of links": when a verb that is
    # also a light verb carries an event noun, the noun names the event.
    for cand in cands:
        if (
            cand.nominal
            and cand.support is not None
            and cand.support.i in by_index
            and cand.head.dep_ == "dobj"
        ):
            verb = by_index[cand.support.i]
            if verb.entry.id.startswith(JUDGEMENT_PREFIX):
                continue  # "called the raid illegal": the raid and the speaker's condemnation
            if not verb.nominal and verb.entry.specificity == 0 and verb.token.i not in absorbed:
                absorbed.add(verb.token.i)
                absorbed.discard(cand.token.i)
                preferred.add(cand.token.i)
    out = []
    for cand in cands:
        if cand.token.i in absorbed:
            continue
        if (
            cand.nominal
            and cand.head.dep_ in {"nsubj", "nsubjpass"}
            and cand.head.head.i in by_index
            and not by_index[cand.head.head.i].nominal
        ):
            continue  # "a roadside bombing killed ...": the verb's event tells it
        if (
            cand.nominal
            and cand.token.i not in preferred
            and cand.head.head.i in by_index
            and cand.head.head.i != cand.token.i
        ):
            # "accepted an invitation", "easing sanctions": the verb's event already covers it.
            verb = by_index[cand.head.head.i]
            judged = verb.entry.id.startswith(JUDGEMENT_PREFIX)  # an act condemned happened
            judged = judged or (verb.event in JUDGING and _named_attack(cand))
            if not verb.nominal and cand.head.dep_ in {"dobj", "nsubjpass"} and not judged:
                continue
        verb = _manner_of(cand, by_index)
        if verb is not None:
            # "arrested ten protesters in a raid": the raid is how, not another act (and its
            # mode, "in an airstrike", is the verb's)
            verb.mode = verb.mode or cand.mode
            continue
        out.append(cand)
    return out


#: Entries of a feeling stated about someone ("angry at", "seethed over"): never the main
#: clause's event that makes the sentence's other clauses background (main_clause_first).
FEELING_IDS = frozenset({GRIEVANCE_ENTRY.id, "accuse-seethe"})
#: Entries whose object is another's act that happened, not their own content: a feeling about
#: it, or consent to it ("acquiesced in the Turkish offensive": the offensive is coded too).
OTHERS_ACT_IDS = FEELING_IDS | {"concede-acquiesce"}


# Triggers that judge or answer what they take as object, rather than say or ask it.
REACTIONS = {"ACCUSE", "SUPPORT", "REJECT"}
# Triggers that blame, condemn, praise or back what they take as object: an attack they name
# by a noun is another's act that happened ("criticised the Turkish invasion", "praised the
# offensive", "blamed the regime for the chemical attack"), coded too (a denial or refusal,
# REJECT, may say it did not happen).
JUDGING = {"ACCUSE", "SUPPORT"}


def _named_attack(cand: Candidate) -> bool:
    """An act of force named by a noun with its attacker in its own words ("Turkey's offensive",
    "the Ethiopian invasion", "an incursion by the army"); not "the attack on the hospital",
    whose attacker the judging verb does not name (its subject is not the attacker)."""
    if not (cand.nominal and cand.event == "ASSAULT"):
        return False
    if cand.head.lemma_.lower() in _conflict_nouns():
        return False  # "supported in its fight against Isis": whose side, not an attack told
    return any(
        c.dep_ == "poss"
        or (c.dep_ in {"amod", "compound"} and c.ent_type_ in ATTACKER_ENTITIES)
        or (c.dep_ in {"prep", "agent"} and c.lower_ == "by")
        for c in cand.head.children
    )


def _blamed_attack(cand: Candidate, judge: Candidate) -> bool:
    """An act of force named by a noun for which the accusing verb blames its object ("blamed
    the rebels for the bombing": the rebels attacked)."""
    prep = cand.head.head
    return (
        cand.nominal
        and cand.event == "ASSAULT"
        and judge.event == "ACCUSE"
        and not judge.nominal
        and cand.head.dep_ == "pobj"
        and prep.lower_ == "for"
        and prep.head.i == judge.token.i
        and any(c.dep_ == "dobj" for c in judge.token.children)
    )


def _conflict_nouns() -> frozenset[str]:

    return shipped_words("conflict_nouns")


#: Named entities that, in front of an attack noun, name who attacked ("the Turkish invasion").
ATTACKER_ENTITIES = {"NORP", "ORG"}


def decided_withdrawal(tok: Token, announced: frozenset[str]) -> bool:
    """A withdrawal verb that is the content of a decision or announcement noun ("Ethiopia's
    decision to withdraw", "the announcement that its troops would leave"): both words in
    ``announced`` (the lexicon's withdrawal and announcement words)."""
    if tok.lemma_.lower() not in announced:
        return False
    node = tok
    for _ in range(3):
        if node.dep_ not in {"acl", "ccomp", "xcomp", "conj"}:
            return False
        node = node.head
        if node.pos_ == "NOUN" and node.lemma_.lower() in announced:
            return True
    return False


def ordered(verb: Token) -> bool:
    """A verb in the complement of a verb of ordering or decreeing (a ``decision_nouns`` word
    used as a verb: "ordered that her passport be cancelled", "decreed the envoy to be
    expelled")."""
    return (
        verb.dep_ in {"ccomp", "xcomp"}
        and verb.head.pos_ == "VERB"
        and verb.head.lemma_.lower() in shipped_words("decision_nouns")
    )


def decided_measure(cand: Candidate) -> bool:
    """A penalty or measure that is the content of a decision noun ("the minister's decision to
    revoke her citizenship", "the US decision to reimpose sanctions", "his order to expel the
    diplomats"): a SANCTION is imposed by deciding it, so the decision reports the act (as the
    coding guide codes it), not an aim; an act of force decided ("the decision to attack") is
    still to come. A resignation decided ("the minister's decision to quit the cabinet",
    ``resignation_verbs``) is given in the deciding, so it is the resignation told too."""
    tok = cand.token
    if cand.nominal or not (
        cand.event == "SANCTION"
        or (cand.event == "RETREAT" and tok.lemma_.lower() in shipped_words("resignation_verbs"))
    ):
        return False
    if ordered(tok):
        # "ordered her citizenship to be revoked", "decreed that his passport be cancelled":
        # an order of a measure in the passive, to nobody named, imposes it as the decision does
        return any(c.dep_ == "auxpass" for c in tok.children)
    return (
        tok.dep_ == "acl"
        and tok.head.pos_ == "NOUN"
        and tok.head.lemma_.lower() in shipped_words("decision_nouns")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    )


def _deciding_noun(tok: Token, announced: frozenset[str]) -> int | None:
    """The decision or announcement noun whose content is the withdrawal ``tok`` (the index of
    "decision" in "Ethiopia's decision to withdraw"), as :func:`decided_withdrawal` finds it."""
    node = tok
    for _ in range(3):
        if node.dep_ not in {"acl", "ccomp", "xcomp", "conj"}:
            return None
        node = node.head
        if node.pos_ == "NOUN" and node.lemma_.lower() in announced:
            return node.i
    return None


# "struck the town in an airstrike", "arrested them during a raid", "attacked it with a drone
# strike": an event noun in a verb's adjunct that names the same act as the verb.
MANNER_PREPS = {"in", "during", "with", "through", "via"}


def _manner_of(cand: Candidate, by_index: dict[int, Candidate]) -> Candidate | None:
    """The verbal trigger of the same type whose manner adjunct holds this nominal trigger."""
    noun, prep = cand.head, cand.head.head
    if not cand.nominal or noun.dep_ != "pobj" or prep.dep_ != "prep":
        return None
    verb = by_index.get(prep.head.i) if prep.lower_ in MANNER_PREPS else None
    if verb is None or verb.nominal or verb.event != cand.event:
        return None
    return verb


def _clause_path(tok: Token) -> list[Token]:
    """``tok`` and its heads up to the root, at most 30 (a spaCy Token is a new object on every
    access, so the root is found by index, never by ``is``; the root's label ROOT is none that
    the callers look for)."""
    path = [tok]
    while path[-1].head.i != path[-1].i and len(path) < 30:
        path.append(path[-1].head)
    return path


def _in_condition(tok: Token) -> bool:
    """Inside a condition ("if it is attacked") or an open question ("refused to confirm
    whether Jones had been killed", "asked if the talks had failed")."""
    for node in _clause_path(tok):
        if node.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in node.children
        ):
            return True
        if node.dep_ == "ccomp" and any(
            c.dep_ == "mark" and c.lower_ in QUESTION_MARKS for c in node.children
        ):
            return True
    return False


BACKGROUND_PREPS = {"after", "before", "following", "since", "amid", "despite", "until"}


#: The event model's calibrated confidence from which an act told in a background clause is
#: coded beside the main clause's event ("the army, which seized the town in May, shelled ...",
#: "after rebels downed a jet, the air force bombed ..."): the coding guide codes every act that
#: happened, background history included, and the model tells such acts from descriptions.
#: Round 10 chose 0.6 in sample; out of fold (round-10 fold models 0-3 with the shipped
#: calibration applied), the acts between 0.5 and 0.6 were right 18 times for 12 false.
BACKGROUND_EVENT_CONFIDENCE = 0.5


def sure_background(cand: Candidate) -> bool:
    """An act in a background clause the model is sure is an event of its own."""
    return cand.confidence is not None and cand.confidence >= BACKGROUND_EVENT_CONFIDENCE


#: Named entities that make a passive participle's agent an actor ("talks brokered by Russia").
AGENT_ENTITIES = frozenset({"GPE", "ORG", "NORP", "PERSON"})
#: Auxiliaries of a perfect: "where Russia has mounted an offensive" is an act done.
PERFECT_AUX = frozenset({"have", "has", "had", "'ve", "’ve"})


def told_act(cand: Candidate) -> bool:
    """A background clause that tells an act of its own, done by someone it names: a finite
    past verb with its own subject ("as the army cracked down on the protests", "when the
    rebels stormed the town in 2014", "at which the minister pleaded with Iran to act",
    "where Russia has mounted an offensive"), or a passive participle whose agent is a named
    actor ("the talks, brokered by Norway", "areas retaken by the Free Syrian Army"). The coding
    guide codes background history as asserted. Not a present or an infinitive ("as NGOs
    warn", "the battle to retake the city"), a subject that is the relative word or names nobody
    ("which supported the group", "when he returned", "most of them damaged"), an agent that is
    no actor ("backed by air support"), nor ground held ("the area occupied by the militants")."""
    tok = cand.token
    if cand.nominal or tok.dep_ not in {"advcl", "relcl", "acl"}:
        return False
    kids = list(tok.children)
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in kids):
        return False
    if tok.lemma_.lower() in shipped_words("holding_ground_verbs"):
        return False  # "the enclave occupied by the militants": what they hold
    if tok.tag_ == "VBN" and tok.dep_ == "acl":
        return any(c.dep_ == "agent" and any(map(_names_actor, c.children)) for c in kids)
    if any(c.dep_ in {"aux", "auxpass"} and c.lower_ not in PERFECT_AUX for c in kids):
        return False  # "would", "is being", "were": not a finite past act with its subject
    past = tok.tag_ == "VBD" or (tok.tag_ == "VBN" and not any(c.dep_ == "auxpass" for c in kids))
    return past and any(c.dep_ == "nsubj" and _names_actor(c) for c in kids)


#: Personal pronouns that, as the subject of a relative clause inside what is asked, name who
#: did its act ("take back the fighters that we captured", "a town they had liberated").
PERSONAL_SUBJECTS = frozenset({"we", "they", "he", "she", "i"})


def _told_in_relative(cand: Candidate) -> bool:
    """A relative clause in the past (or the perfect) whose subject is a personal pronoun:
    "the fighters that we captured in Syria", "a town they had liberated": what its noun
    underwent, told as done (the pronoun's referent did it), not part of what another trigger
    asks for. Not a relative word as subject ("the fighters who attacked") nor a modal or an
    infinitive."""
    tok = cand.token
    if cand.nominal or tok.dep_ != "relcl":
        return False
    kids = list(tok.children)
    if any(c.dep_ in {"aux", "auxpass"} and c.lower_ not in PERFECT_AUX for c in kids):
        return False
    if not (tok.tag_ == "VBD" or (tok.tag_ == "VBN" and any(c.dep_ == "aux" for c in kids))):
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in PERSONAL_SUBJECTS for c in kids)


def _names_actor(tok: Token) -> bool:
    """A subject or agent that names who acted ("Russia", "Erdoğan", "the UN security council",
    "Turkish troops", "the president, Emmanuel Macron"), not a pronoun or a common noun alone
    ("he", "the majority of the attacks", "most of them")."""
    if tok.ent_type_ in AGENT_ENTITIES or tok.pos_ == "PROPN":
        return True
    return tok.pos_ == "NOUN" and any(
        c.dep_ in {"compound", "amod", "appos"}
        and (c.ent_type_ in AGENT_ENTITIES or c.pos_ == "PROPN")
        for c in tok.children
    )


def _is_subordinate(tok: Token) -> bool:
    for node in _clause_path(tok)[:-1]:
        if node.dep_ == "pobj" and node.head.lower_ in BACKGROUND_PREPS:
            return True  # "after fierce fighting", "following the invasion": background
        if node.dep_ in SUBORDINATE_DEPS:
            if (
                node.dep_ == "advcl"
                and not any(c.dep_ == "mark" for c in node.children)
                and node.tag_ == "VBG"
            ):
                continue  # "..., killing one person": a participle that reports another act
            return True
    return False


def _intention_of_noun(
    tok: Token, announced: frozenset[str] = frozenset(), campaign: frozenset[str] = frozenset()
) -> bool:
    """ "plans to sell", "efforts to defeat", "moves to cancel": an aim, not an event. An
    ``announced`` pair (the trigger's lemma and the noun's, both in it) is a decision that
    concedes now ("the decision to withdraw": coder._announced_withdrawal); an act of force
    that a ``campaign`` noun is waged for is the campaign under way ("the campaign to oust the
    militants", "the fight to drive the rebels out": pass the nouns for ASSAULT candidates)."""
    for node in _clause_path(tok)[:4]:
        if (
            node.dep_ in {"acl", "xcomp"}
            and node.head.pos_ == "NOUN"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
            and node.head.lemma_.lower() not in shipped_words("attempt_nouns")
        ):
            if node.head.lemma_.lower() in campaign:
                return False
            return not {tok.lemma_.lower(), node.head.lemma_.lower()} <= announced
    return False


GENERIC_DETERMINERS = {"any", "every", "each", "whatever"}


def _generic(cand: Candidate) -> bool:
    """ "any attack on its forces", "any party that violates the truce": an act of any kind or
    by anyone, a rule or a condition rather than one that happened."""
    noun = cand.frame if cand.nominal and cand.frame is not None else cand.token
    if cand.nominal and any(
        c.dep_ == "det" and c.lower_ in GENERIC_DETERMINERS for c in noun.children
    ):
        return True
    tok = cand.token
    return tok.dep_ == "relcl" and any(
        c.dep_ == "det" and c.lower_ in GENERIC_DETERMINERS for c in tok.head.children
    )


def _copular_infinitive(tok: Token, support: frozenset[str] = frozenset()) -> bool:
    """ "It is one thing to kill a soldier", "the only way is to have them killed": an
    infinitive that defines or predicates something names a kind of act, not one that happened.
    An event noun the infinitive only talks about ("it's vital to understand the attack") is
    real; one it carries (``support`` verbs: "one thing to launch an attack") is not."""
    for node in _clause_path(tok)[:4]:
        if node.dep_ in {"xcomp", "relcl", "acl", "ccomp"} and _infinitive(node):
            if tok.pos_ == "NOUN" and tok.head.i == node.i and node.lemma_.lower() not in support:
                return False
            head = node.head
            # "It’s one thing to": the curly contraction parses its attribute as an object
            attribute = head.dep_ in {"attr", "dobj"} and is_be(head.head)
            return is_be(head) or attribute
        if node.dep_ in {"relcl", "advcl", "ROOT"} or (node.i != tok.i and node.dep_ == "conj"):
            return False
    return False


def _infinitive(node: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)


def drop_elaborations(cands: list[Candidate]) -> list[Candidate]:
    """A participle that goes on telling an act of force the clause reports ("invaded the
    enclave, ousting the militia", "renewed their bombardment, attacking the town, killing four
    people") is the same act told further: the coding guide codes it once. A participle after a
    clause that reports no act of force ("determined to violate every rule, attacking dams")
    stays an act of its own."""
    anchors = set()
    for cand in cands:
        if cand.event == "ASSAULT":
            anchors.add(cand.token.i)
            if cand.nominal and cand.support is not None:
                anchors.add(cand.support.i)
    return [
        cand
        for cand in cands
        if not (cand.event == "ASSAULT" and not cand.nominal and _goes_on(cand.token, anchors))
    ]


def _goes_on(tok: Token, anchors: set[int]) -> bool:
    """ "..., ousting the militia": an -ing adjunct with no subject or mark of its own whose
    head is one of ``anchors``; after a participle of force ("the first Briton killed fighting
    the militants", "soldiers wounded fighting near the border") the -ing form tells what the
    victims were doing, however the parser hangs it (the coding guide codes one act)."""
    if tok.tag_ != "VBG" or tok.head.i not in anchors:
        return False
    if any(c.dep_ in {"mark", "nsubj", "nsubjpass"} for c in tok.children):
        return False
    return tok.dep_ == "advcl" or (
        tok.dep_ in {"ccomp", "xcomp", "dobj"}
        and tok.i > tok.head.i
        and (tok.head.tag_ == "VBN" or tok.i == tok.head.i + 1)  # "killed fighting X"
    )


def in_purpose(tok: Token) -> bool:
    """ "met the minister to discuss trade", "flew to Kabul to fight": a purpose clause says what
    someone set out to do, not what happened (the act it hangs from is the event)."""
    for node in _clause_path(tok)[:-1]:
        if node.dep_ == "advcl" and _infinitive(node):
            return True
        if node.dep_ in {"ccomp", "relcl"} or (node.dep_ == "advcl" and not _infinitive(node)):
            return False  # a finite clause of its own: purposes above it are not its frame
    return False


def describes_noun(tok: Token, events: set[int], perception: frozenset[str]) -> bool:
    """ "migrants hailing from Eritrea", "forces fighting in the north": a present participle
    after a noun says what the noun is or does habitually, not an act the sentence reports.
    Not when the noun is itself an event ("a call congratulating X": its content) or what
    someone saw ("saw fighters shooting people")."""
    for node in _clause_path(tok)[:3]:
        if (
            node.dep_ == "acl"
            and node.tag_ == "VBG"
            and node.head.pos_ in {"NOUN", "PROPN", "PRON"}
        ):
            noun = node.head
            seen = noun.dep_ == "dobj" and noun.head.lemma_.lower() in perception
            return noun.i not in events and not seen
        if (
            node.dep_ not in {"xcomp", "dobj", "prep", "pobj", "compound", "amod"}
            and node.i != tok.i
        ):
            break
    return False


# Types whose passive participle describes a standing relation ("US-backed forces", "rebels
# backed by Rwanda", "who has been supported by Moscow"): the coding guide codes none.
STANDING = {"SUPPORT"}
# Entries of a charge laid on someone ("accuse", "blame", "denounce", "condemn"): said of the
# relative clause's noun ("the militia, which Ankara accuses of ethnic cleansing", "the Kurds,
# whom he denounces as terrorists") they are the charge the sentence reports, however put
# (``habitual`` keeps them).
CHARGING_ENTRIES = frozenset({"accuse-verbs", "accuse-disapprove"})
RELATIVE_WORDS = {"who", "which", "that", "whom"}
# ... and the shipped lexicon's ``standing_participles`` (verbs of holding someone: "the leader
# now imprisoned in Turkey"), ``pledge_verbs`` ("a people committed to peace"),
# ``isolation_verbs`` ("cut off from aid") and ``held_backing_verbs`` ("has enjoyed Turkish
# backing"), read below.


def _isolated(tok: Token) -> bool:
    """ "the militants are cut off from their leadership", "the camp became cut off from aid":
    a participle of being cut off from something, with nobody said to do it, is a state."""
    if tok.lemma_.lower() not in shipped_words("isolation_verbs"):
        return False  # "were expelled from Kenya" is an act, even with nobody named
    agent = any(c.dep_ == "agent" for c in tok.children)
    cut_from = any(c.dep_ == "prep" and c.lower_ == "from" for c in tok.children)
    passive = any(c.dep_ == "auxpass" for c in tok.children) or tok.dep_ in {
        "acomp",
        "oprd",
        "xcomp",
        "acl",
    }
    return cut_from and passive and not agent


def _pledged(tok: Token) -> bool:
    """A participle of pledging oneself that modifies a noun, with nobody said to bind it."""
    pledges = shipped_words("pledge_verbs")
    if tok.lemma_.lower() not in pledges or any(c.dep_ == "agent" for c in tok.children):
        return False
    return tok.dep_ in {"acl", "amod"}


def _held_backing(cand: Candidate) -> bool:
    """A SUPPORT noun as the circumstance of something else ("a government formed with Turkish
    backing") or as the object of having or getting it ("has enjoyed broad backing"): who
    stands behind whom, not an act of backing."""
    if not cand.nominal or cand.event not in STANDING:
        return False
    tok = cand.token
    if tok.dep_ == "pobj" and tok.head.lower_ == "with":
        return True
    held = shipped_words("held_backing_verbs")
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() in held


def standing_relation(cand: Candidate) -> bool:
    """A SUPPORT verb as a passive participle modifying a noun, or passive in a relative
    clause, or joined to such a modifier ("armed and supported by the US"): a description of
    who stands behind whom, not an act the sentence reports ("Moscow backed the offensive" is
    one)."""
    tok = cand.token
    if _held_backing(cand):
        return True
    if not cand.nominal and tok.tag_ == "VBD" and tok.dep_ == "amod":
        return cand.event in STANDING  # "the Turkish backed rebels", tagged as a past tense
    if cand.nominal or tok.tag_ != "VBN":
        return False
    if _isolated(tok) or _pledged(tok):
        return True
    standing = shipped_words("standing_participles")
    if cand.event not in STANDING and tok.lemma_.lower() not in standing:
        return False
    if tok.dep_ in {"acl", "amod", "compound"}:
        return True
    if tok.dep_ == "conj" and tok.head.dep_ in {"acl", "amod"} and tok.head.head.pos_ != "VERB":
        return True  # "the Kurds, armed and supported by the US": one description
    auxes = [c for c in tok.children if c.dep_ in {"aux", "auxpass"}]
    if cand.event in STANDING and tok.dep_ == "advcl" and not auxes:
        return True  # "Backed by the Elders, the government is introducing reforms"
    if (
        cand.event in STANDING
        and any(c.dep_ == "auxpass" and c.lower_ in PRESENT_BE for c in auxes)
        and not any(c.lower_ == "being" for c in auxes)
    ):
        return True  # "the YPG is supported in its fight by the US military": who backs whom
    return tok.dep_ == "relcl" and any(c.dep_ == "auxpass" for c in tok.children)


def restated_claim(clause: Token) -> bool:
    """A clause the parser hangs as the content of a later verb whose object is a claim noun
    that restates it ("Chad accused Sudan of arming the rebels, a charge Khartoum denies"):
    the clause is told as done, and the verb answers the claim (triggers.yaml ``claim_nouns``)."""

    verb = clause.head
    if clause.dep_ != "ccomp" or not clause.i < verb.i:
        return False
    claims = shipped_words("claim_nouns")
    return any(
        c.dep_ in {"dobj", "nsubjpass"} and clause.i < c.i < verb.i and c.lemma_.lower() in claims
        for c in verb.children
    )


def _denied(tok: Token, denial: frozenset[str]) -> bool:
    """An act inside the clause a denial takes ("denied that its troops had shelled the
    town", "denied taking part in the raid"): disputed, not reported as done."""
    for node in _clause_path(tok)[:4]:
        deed = node.dep_ in {"xcomp", "dobj", "pcomp"} and node.tag_ == "VBG"
        if (node.dep_ == "ccomp" or deed) and node.head.lemma_.lower() in denial:
            if restated_claim(node):
                return False  # "X shelled the town, a claim Y denies": told as done
            return not any(c.dep_ == "neg" for c in node.head.children)  # "did not deny that"
    return False


def topic_gerund(cand: Candidate) -> bool:
    """A gerund that a noun's preposition takes ("the policy on repatriating fighters", "the
    difficulties of sending aid", "the possibility of corridors being opened") names a topic,
    not an act the sentence reports ("accused of killing", "after invading the town" hang from
    a verb and stay)."""
    tok = cand.token
    if cand.nominal or tok.dep_ != "pcomp" or tok.head.lower_ not in TOPIC_PREPS:
        return False
    gerund = tok.tag_ == "VBG" or any(c.lower_ == "being" for c in tok.children)
    return gerund and tok.head.head.pos_ == "NOUN"


#: Auxiliaries of a clause that forecasts or supposes ("capturing the town will break ...").
FORECAST_AUXILIARIES = frozenset(
    {"will", "would", "could", "might", "may", "shall", "should", "can"}
)


def subject_gerund(cand: Candidate) -> bool:
    """An act named by a gerund clause that is another clause's subject ("killing her had been
    a priority of the intelligence services", "capturing the town will break the group's hold",
    "dislodging the rebels would not be easy"): what the sentence says something about (a
    goal, a difficulty, a forecast), when that clause is one of being or of a modal: not an act
    it reports. "Chasing them out allowed Turkey to boast", "troops killed her" and "after
    capturing the town" stay."""
    tok = cand.token
    if cand.nominal or tok.dep_ != "csubj" or tok.tag_ != "VBG":
        return False
    clause = tok.head
    return is_be(clause) or any(
        c.dep_ == "aux" and c.lower_ in FORECAST_AUXILIARIES for c in clause.children
    )  # "chasing them out allowed Turkey to boast": a consequence of an act told


def verbal_clash(cand: Candidate) -> bool:
    """ "clash" as a quarrel between people, not a fight between forces: "the senator clashed
    with Trump", "Erdogan and Putin clashed in public over the ceasefire", "the minister clashed
    with the president's assessment". It is one when the other side is a person, or when every
    subject is a person and no group stands on the other side ("troops clashed with
    protesters", "Haftar clashed with rival militias" stay attacks). The coder retypes such a
    clash to an ACCUSE, as it does one between civilian offices (coder._verbal_clash)."""
    tok = cand.token
    if cand.nominal or tok.lemma_.lower() not in shipped_words("clash_verbs"):
        return False
    partners = [
        p
        for prep in tok.children
        if prep.dep_ == "prep" and prep.lower_ == "with"
        for p in prep.children
        if p.dep_ == "pobj"
    ]
    if any(p.ent_type_ == "PERSON" for p in partners):
        return True
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    subjects += [c for s in subjects for c in s.conjuncts]
    if not subjects or not all(s.ent_type_ == "PERSON" for s in subjects):
        return False
    return all(p.ent_type_ == "" and p.tag_ == "NN" for p in partners)


# Subjects that make joining a war an act of a state or group ("Britain joined the war").
GROUP_ENTS = {"GPE", "ORG", "NORP"}


def joined_war(cand: Candidate) -> bool:
    """An ASSAULT noun of a long war as the object of "join", with no state or group as the one
    joining: "foreign volunteers joined the fight against the militia", "hundreds of Britons have
    joined the war in Syria" tell who went to fight, not a fight the sentence reports ("Britain
    joined the war", "Chad joined the offensive" stay)."""
    tok = cand.token
    if (
        not cand.nominal
        or cand.event != "ASSAULT"
        or tok.lower_ not in shipped_words("joinable_wars")
    ):
        return False
    verb = tok.head
    if tok.dep_ != "dobj" or verb.lemma_.lower() not in shipped_words("joining_verbs"):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    subjects += [c for s in subjects for c in s.conjuncts]
    return not any(s.ent_type_ in GROUP_ENTS for s in subjects)


# Prepositions that give a noun its topic ("a policy on", "the cost of", "talk about"); a
# gerund after "for", "in" or "with" can be the reason or the means of an act that happened
# ("a prosecution for fighting", "a role in retaking the city").
TOPIC_PREPS = {"on", "of", "about", "over", "regarding", "concerning"}


PRESENT_BE = {"is", "are", "am", "'s", "'re", "’s", "’re"}


def document_speaks(cand: Candidate) -> bool:
    """A text's verbal act told in a clause on the text: "a resolution that demanded an end to
    the fighting", "the report, which also urges Kenya to close the camps", "a letter urging the
    release of the prisoners". What the text says is the act its publication reports, not a
    description of the text nor background to the sentence's main clause."""
    tok = cand.token
    return (
        not cand.nominal
        and cand.event in DOCUMENT_ACTS
        and tok.dep_ in {"relcl", "acl"}
        and tok.head.lemma_.lower() in shipped_words("document_nouns")
    )


def laid_charge(cand: Candidate) -> bool:
    """A charge laid on a relative clause's noun ("the prince, whom Turkey accuses of ordering
    the murder", "the Kurds, all of whom he denounces as terrorists"): the accusation the
    sentence reports, neither a habit nor background to its main clause."""
    from dateline.events.extract.triggers import is_someone

    tok = cand.token
    if cand.nominal or cand.event != "ACCUSE" or cand.entry.id not in CHARGING_ENTRIES:
        return False
    if tok.dep_ != "relcl" or any(c.dep_ in {"nsubjpass", "auxpass"} for c in tok.children):
        return False  # "Syria, where he is accused of a crime": by whom, the clause does not say
    accusers = [c for c in tok.children if c.dep_ == "nsubj"]
    if not accusers or any(a.lower_ in RELATIVE_WORDS for a in accusers):
        return False  # "leaders who regularly excoriate regimes": what they do as a rule
    head, lexicon = tok.head, Lexicon.load()
    named = tok.doc[head.left_edge.i : head.i + 1]  # "the Saudi prince", not its clause
    return any(is_someone(t, lexicon) for t in named)  # not "the security he derides"


def habitual(cand: Candidate) -> bool:
    """A relative clause in the simple present ("Ghana, which opposes the plan", "a group that
    Ankara says is a terrorist organisation") or a present passive ("troops who are deployed in
    Mali") says what someone does or is as a rule, not an act the sentence reports; a
    relative clause of a standing type in the perfect ("Iran, which has backed the rebels
    throughout the war") describes the relation, and one in the pluperfect ("militants who had
    fought alongside the army") says who its noun is (out of fold such clauses were right 1
    time in 8). Past acts ("which attacked the town on Monday", "who were arrested") and
    ongoing ones ("who are being held") stay events."""
    tok = cand.token
    if cand.nominal or tok.dep_ != "relcl" or document_speaks(cand):
        return False  # "a report which urges Kenya to act": what the text says, now
    if laid_charge(cand):
        return False  # "the prince, whom Turkey accuses of ordering the murder": the charge laid
    auxes = [c for c in tok.children if c.dep_ in {"aux", "auxpass"}]
    if tok.tag_ in {"VBZ", "VBP"} and not auxes:
        return True
    if cand.event in STANDING and tok.tag_ == "VBN" and not any(c.dep_ == "auxpass" for c in auxes):
        return True  # "which has supported X since 2014"
    if [c.lower_ for c in auxes] == ["had"] and tok.tag_ == "VBN":
        return True  # "militants who had fought with US forces": who they are, their past
    return (
        tok.tag_ == "VBN"
        and any(c.dep_ == "auxpass" and c.lower_ in PRESENT_BE for c in auxes)
        and not any(c.lower_ == "being" for c in auxes)
    )


def ongoing_detention(cand: Candidate, detention: frozenset[str]) -> bool:
    """Someone kept locked up, told as where they are: a verb of detention (``detention_verbs``)
    in the present passive ("her father is detained in a separate camp", "they are held in
    Qamishli"; not "are being held", an act going on) or as a participle with no agent ("the
    leader now imprisoned in Turkey"). "Were detained on Monday" and "fighters detained by the
    police" report an arrest."""
    tok = cand.token
    if cand.nominal or tok.tag_ != "VBN" or tok.lemma_.lower() not in detention:
        return False
    if any(c.dep_ == "agent" for c in tok.children):
        return False
    if tok.dep_ == "acl":
        return True
    auxes = [c for c in tok.children if c.dep_ in {"aux", "auxpass"}]
    return any(c.dep_ == "auxpass" and c.lower_ in PRESENT_BE for c in auxes) and not any(
        c.lower_ == "being" for c in auxes
    )


def main_clause_first(
    cands: list[Candidate],
    perception: frozenset[str] = frozenset(),
    denial: frozenset[str] = frozenset(),
    support: frozenset[str] = frozenset(),
    announced: frozenset[str] = frozenset(),
    campaign: frozenset[str] = frozenset(),
    detention: frozenset[str] = frozenset(),
) -> list[Candidate]:
    """Conditions ("if it is attacked"), aims ("to discuss trade"), descriptions ("forces
    fighting in the north") and denied acts ("denied that it had shelled the town") are never
    events; background clauses ("after a coup toppled the government", "which the army had
    seized") only count when the sentence has no main-clause event. ``perception``: verbs whose
    object's participle is what was seen ("saw X firing"); ``denial``: verbs of denying;
    ``support``: verbs that carry an event noun ("launch an attack"); ``announced``: withdrawal and
    decision words whose pair is a decision to withdraw ("the decision to withdraw"); ``campaign``: nouns of a military campaign
    whose aim, an act of force, is the campaign itself ("the campaign to oust X"); ``detention``:
    verbs of keeping someone locked up, whose present passive tells where someone is."""
    events = {c.token.i for c in cands}
    cands = [
        c
        for c in cands
        if not _in_condition(c.token)
        and (
            decided_measure(c)
            or not _intention_of_noun(
                c.token, announced, campaign if c.event == "ASSAULT" else frozenset()
            )
        )
        and not standing_relation(c)
        and not habitual(c)
        and not ongoing_detention(c, detention)
        and not topic_gerund(c)
        and not subject_gerund(c)
        and not joined_war(c)
        and not _denied(c.token, denial)
        and not _copular_infinitive(c.token, support)
        and not _generic(c)
    ]
    # an aim of the main clause ("went there to fight") still makes other clauses background
    # a withdrawal someone decided is news of its own ("criticised the decision to withdraw")
    main = [
        c
        for c in cands
        if not _is_subordinate(c.token)
        or in_purpose(c.token)
        or (not c.nominal and decided_withdrawal(c.token, announced))
        or decided_measure(c)  # "defended his decision to revoke her citizenship"
        or document_speaks(c)  # "passed a resolution that demanded a ceasefire"
        or laid_charge(c)  # "the prince, whom Turkey accuses of ordering the murder"
        or sure_background(c)
    ]
    # a feeling about someone ("is angry at the support X gives the forces that led the
    # assault") does not make the clauses it is about background
    anchors = [c for c in main if c.entry.id not in FEELING_IDS]
    # a background act told with its own actor ("when the rebels stormed the town") is coded
    # beside the main clause's event, without making the sentence's other clauses background
    in_main = {c.token.i for c in main}
    pool = (
        [c for c in cands if c.token.i in in_main or told_act(c) or _named_attack(c)]
        if anchors
        else cands
    )
    # an attack named with its attacker ("fending off Ankara's offensive", "to repel an incursion
    # by the army", "defending the town from a Turkish invasion") is another's act that happened,
    # whatever clause names it (out of fold: 6 right, none false)
    return [
        c
        for c in pool
        if _named_attack(c)
        or (
            not in_purpose(c.token)
            and (
                document_speaks(c)
                or laid_charge(c)
                or not describes_noun(c.token, events, perception)
            )
        )
    ]

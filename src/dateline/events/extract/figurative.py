"""Readings of an event word that report no act (coder post-rules, issue 13 round 14).

- ``unable_to``: an act someone cannot do ("the government is unable to provide support",
  "powerless to stop the shelling"): it did not happen (the coding guide: only acts that took
  place are events); "struggling to provide food" still provides it.
- ``assigned``: an act that is someone's task ("troops tasked with training local forces"): a
  role, not an act reported done.
- ``figurative_attack``: a word of force aimed at an idea, not at anyone ("an attack on
  sovereignty", "damaged its reputation"), or a fight of words, data or money named by its
  modifier ("an information war", "verbal assaults", "a legal battle"), or a body burning with
  a feeling ("burning with anger"): no armed act.
- ``force_idiom``: a verb of force in an idiom that hurts nobody ("stabbed us in the back",
  "the war is hitting home", "lives cut short by disease", "took refuge in the town").
- ``sporting_play``: a word of force, dismissal or striking in a sentence about a game ("the
  striker put the side ahead with a sublime strike", "the midfielder was dismissed after a
  second yellow card"): play, not a political act (the coding guide: sports are no events).
- ``court_plea_or_command``: a plea in court ("pleaded not guilty", "plead their innocence") asks
  nobody for anything, and "took charge of", "is in charge of" name a command, not an
  accusation (the lexicon's ``court_plea_words``).
- ``defeat_claimed``: "beat" said of a state or a group, or of nobody named ("the group is
  being beaten badly", "though beaten militarily"): a victory claimed, not a beating.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.events.candidate import Candidate
from dateline.events.lexicon import Lexicon, shipped_words

#: The links from an act's verb up to a head whose complement it is.
COMPLEMENT_DEPS = frozenset({"xcomp", "acl"})


def _act_verb(cand: Candidate) -> Token:
    return cand.support if cand.nominal and cand.support is not None else cand.token


def unable_to(cand: Candidate, lexicon: Lexicon) -> bool:
    """The act is the complement of a word of inability: "is unable to provide support to its
    nationals", "was powerless to stop the shelling", "his inability to protect them". "Troops
    were able to retake the town" and "aid agencies are struggling to provide food" (provided,
    with difficulty) are unchanged (the lexicon's ``inability_words``)."""
    verb = _act_verb(cand)
    if verb.dep_ not in COMPLEMENT_DEPS:
        return False
    head = verb.head
    inability = lexicon.word_set("inability_words")
    return head.lemma_.lower() in inability or head.lower_ in inability


def assigned(cand: Candidate, lexicon: Lexicon) -> bool:
    """The act is a task given to someone ("troops tasked with training local forces", "was
    entrusted with negotiating the handover", "tasked to monitor the ceasefire"): a role, not
    an act reported done (the lexicon's ``task_verbs``). "Troops trained local forces" is
    unchanged."""
    verb = _act_verb(cand)
    head = verb.head
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ == "with":
        head = head.head
    elif verb.dep_ != "xcomp":
        return False
    return head.lemma_.lower() in lexicon.word_set("task_verbs")


def dropped_trip(cand: Candidate, lexicon: Lexicon) -> bool:
    """A plan, proposal or scheme given up whose content is the actor's own trip ("dropped the
    plan to visit the capital", "shelved plans to attend the summit") gives nothing up to
    anyone: no concession (the lexicon's ``trip_verbs``). "Suspended plans to impose a curfew"
    is unchanged."""
    plan = cand.object_token
    if plan is None:
        return False
    trips = lexicon.word_set("trip_verbs")
    return any(
        child.dep_ in {"acl", "xcomp", "relcl"} and child.lemma_.lower() in trips
        for child in plan.children
    )


def _attacked(cand: Candidate) -> list[Token]:
    """The words an act of force is aimed at: a verb's object or passive subject, a noun's
    "on", "against", "upon" or "of" phrase (only an idea is looked for, so the "of" of an
    author does no harm: "the attack of the rebels" names no idea)."""
    tok = cand.token
    if cand.nominal:
        return [
            g
            for c in cand.head.children
            if c.dep_ == "prep" and c.lower_ in {"on", "against", "upon", "of"}
            for g in c.children
            if g.dep_ == "pobj"
        ]
    return [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}]


def figurative_attack(cand: Candidate, lexicon: Lexicon) -> bool:
    """An ASSAULT word used of no armed act: aimed at an idea the lexicon's ``abstract_targets``
    name ("a blatant attack on Syrian sovereignty", "has damaged its reputation", "an assault on
    press freedom"); a fight its modifier makes one of words, data, money or law (the lexicon's
    ``figurative_fight_modifiers``: "the information war", "verbal assaults", "a legal
    battle"); a verb of burning or bursting with a feeling, or fired by one (``feeling_nouns``:
    "my stomach is burning with anger", "fighters fired by ideological conviction"). "An attack
    on the ministry", "a ground offensive", "burning houses", "a rocket fired by the rebels"
    stay."""
    abstract = lexicon.word_set("abstract_targets")
    if any(t.lemma_.lower() in abstract or t.lower_ in abstract for t in _attacked(cand)):
        return True
    modifiers = lexicon.word_set("figurative_fight_modifiers")
    nodes = {t.i: t for t in (cand.token, cand.head, cand.object_token) if t is not None}
    if any(
        c.dep_ in {"amod", "compound", "nmod"} and c.lemma_.lower() in modifiers
        for node in nodes.values()
        if node.pos_ in {"NOUN", "PROPN"}
        for c in node.children
    ):
        return True  # "waged an information war", "a legal battle"
    feelings = lexicon.word_set("feeling_nouns")
    return not cand.nominal and any(
        (c.dep_ == "prep" and c.lower_ == "with" or c.dep_ == "agent" and c.lower_ == "by")
        and any(g.dep_ == "pobj" and g.lemma_.lower() in feelings for g in c.children)
        for c in cand.token.children
    )


def force_idiom(cand: Candidate, lexicon: Lexicon) -> bool:
    """A verb of force in one of the lexicon's ``force_idioms`` ("stab back", "hit home",
    "cut short", "take refuge"): the idiom's word is one of the verb's own words or the object
    of its preposition ("those who stabbed us in the back", "the conflict is hitting home",
    "their lives were cut short", "the leaders have taken refuge in the town", "a blow was
    struck against the group"): a betrayal, a feeling, a death, shelter or a setback, no act of
    force on anyone; so is ``betrayal_idioms``' "stab back" when a state, a group or "us" is
    stabbed ("the US had stabbed Turkey in the back"). "Stabbed a policeman in the back", "hit
    the town", "took the town" stay."""
    tok = cand.token
    if cand.nominal:
        # "picked a fight with its neighbour": the noun is the idiom's word, its verb the head
        return tok.dep_ == "dobj" and _idiom_word(
            tok, tok.head.lemma_.lower(), lexicon.word_set("force_idioms")
        )
    if tok.pos_ not in {"VERB", "ADJ"}:
        return False
    verb = tok.lemma_.lower()
    near = [c for c in tok.children if c.dep_ != "conj"]
    near += [g for c in near if c.dep_ in {"prep", "agent"} for g in c.children if g.dep_ == "pobj"]
    idioms = lexicon.word_set("force_idioms")
    if any(_idiom_word(t, verb, idioms) for t in near):
        return True
    stabbed = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}]
    return any(_idiom_word(t, verb, lexicon.word_set("betrayal_idioms")) for t in near) and any(
        t.ent_type_ in SIDE_ENTS or t.lower_ in lexicon.word_set("betrayed_pronouns")
        for t in stabbed
    )


#: Entity labels of a state, a group or a people: who can be stabbed in the back by a betrayal
#: (or "us": the lexicon's ``betrayed_pronouns``), and who is beaten in war rather than with
#: fists.
SIDE_ENTS = frozenset({"GPE", "ORG", "NORP"})


def _idiom_word(tok: Token, verb: str, idioms: frozenset[str]) -> bool:
    """``tok`` is the word of one of ``idioms`` ("verb word" pairs) whose verb is ``verb``."""
    return f"{verb} {tok.lemma_.lower()}" in idioms or f"{verb} {tok.lower_}" in idioms


def defeat_claimed(cand: Candidate) -> bool:
    """ "Beat" said of a state, a group or a people, or with nobody named as beaten ("Trump said
    the group was being beaten badly", "though beaten militarily, the movement survives", "the
    army beat the rebels' alliance"): a defeat claimed, which the coding guide does not code as
    an ASSAULT unless the fighting itself is told. A beating of people ("they were beaten",
    "police beat the protesters", "beat her to the ground") stays."""
    tok = cand.token
    if cand.nominal or tok.lemma_.lower() not in shipped_words("beating_verbs"):
        return False
    beaten = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}]
    if not beaten:
        return tok.dep_ in {"advcl", "ROOT", "ccomp"} and tok.tag_ == "VBN"
    return all(t.ent_type_ in SIDE_ENTS for t in beaten)


def sporting_play(cand: Candidate, lexicon: Lexicon) -> bool:
    """The trigger is one of the ``sport_triggers`` ("strike", "dismissed", "shot") in a sentence
    that names a player's position or a referee's card (``sport_words``: "striker",
    "midfielder", "yellow card"): a move in a game, not a political act (the coding guide:
    sports are no events). A protest staged "before the match" is unchanged: "protest" is no
    word of play."""
    tok = cand.token
    if tok.lemma_.lower() not in lexicon.word_set("sport_triggers"):
        return False
    words, cards = lexicon.word_set("sport_words"), lexicon.word_set("sport_cards")
    sent = tok.sent
    for t in sent:
        if t.lower_ in words or t.lemma_.lower() in words:
            return True
        if t.i > sent.start and f"{t.nbor(-1).lower_} {t.lower_}" in cards:  # "yellow card"
            return True
    return False


def court_plea_or_command(cand: Candidate, event_type: str, lexicon: Lexicon) -> bool:
    """A plea in court ("pleaded not guilty to the charge", "he pleaded guilty", "two women plead
    their innocence": the lexicon's ``court_plea_words`` as the verb's complement or object), or
    a plea with any object, an excuse given ("left early, pleading parliamentary business",
    "pleaded ignorance"), asks nobody for anything: no REQUEST; "pleaded with Uganda to open the
    border" and "pleaded to be brought home" stay. "Charge"
    as what is taken or what someone is in ("took charge of the battalions", "is in sole charge
    of the army") is a command, no accusation; "dropped the charges", "on terrorism charges"
    stay."""
    tok = cand.token
    lemma = tok.lemma_.lower()
    if event_type == "REQUEST" and lemma in lexicon.word_set("plea_verbs") and not cand.nominal:
        pleas = lexicon.word_set("court_plea_words")
        return any(
            c.dep_ == "dobj"  # "pleading Brexit business", "pleaded ignorance": an excuse
            or (c.dep_ in {"acomp", "oprd", "advmod"} and c.lemma_.lower() in pleas)
            for c in tok.children
        )
    charges = lexicon.word_set("command_charge_nouns")
    if event_type == "ACCUSE" and lemma in charges and tok.pos_ == "NOUN":
        head = tok.head
        taken = tok.dep_ == "dobj" and head.lemma_.lower() in lexicon.word_set(
            "taking_charge_verbs"
        )
        held = tok.dep_ == "pobj" and head.lower_ == "in"
        return (taken or held) and tok.tag_ == "NN"
    return False

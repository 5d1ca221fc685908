"""Triggers: the tokens of a sentence that the lexicon names as events, each with its best entry."""

from __future__ import annotations

from dataclasses import replace

from spacy.symbols import ADJ, AUX, NOUN, VERB
from spacy.tokens import Token

from dateline.events.candidate import Candidate
from dateline.events.lexicon import Lexicon, TriggerEntry, lemma_forms, shipped_words
from dateline.events.syntax import (
    antecedent,
    is_be,
    is_someone,
    stray_by_phrases,
    subject_of,
)

WILLING_ENTRY = TriggerEntry(id="rule:willing", event="AGREE")
# A feeling of grievance about someone (triggers.yaml, ``grievance_adjectives``): "Egypt is angry
# at Ethiopia" is Egypt's ACCUSE of Ethiopia; the targets are what the feeling is about.
GRIEVANCE_ENTRY = TriggerEntry(
    id="rule:grievance",
    event="ACCUSE",
    mode="disapprove",
    targets=("at", "over", "about", "with", "by", "towards", "toward"),
)
# A speaker's judgement of someone (triggers.yaml, ``judgement_nouns``): "X said Y posed a threat
# to Z" is X's ACCUSE of Y at the reported clause's verb; "X branded Y terrorists" X's own verb.
JUDGEMENT_ENTRY = TriggerEntry(id="rule:judgement", event="ACCUSE", mode="disapprove")
NAMING_ID = f"{JUDGEMENT_ENTRY.id}-naming"
# A warning about what someone is doing or has done ("Israel warned that Iran is delivering
# missiles to the group"): the warner's ACCUSE of them (events/extract/arguments.py makes the
# warner the source, whom the warned-of clause is about the target).
WARNED_ENTRY = TriggerEntry(id=f"{JUDGEMENT_ENTRY.id}-warned", event="ACCUSE", mode="disapprove")
# Criticism someone comes under ("came under fire for his decision", "faced attacks over his
# remarks"): an ACCUSE of the subject by critics the sentence may not name (``_blamed_for``).
CRITICISED_ENTRY = TriggerEntry(id="rule:criticised", event="ACCUSE", mode="disapprove")
# A speaker's warning that someone will pay for an act (triggers.yaml, ``retribution_verbs``).
RETRIBUTION_ENTRY = TriggerEntry(id="rule:retribution", event="THREATEN")
# Someone told, persuaded or encouraged to do something (triggers.yaml, ``directive_verbs``).
DIRECTIVE_ENTRY = TriggerEntry(id="rule:directive", event="REQUEST")
FUTURE_AUX = {"will", "would", "shall", "'ll", "wo"}
#: The entry an act of force done as a trial becomes ("test-fired a missile": _on_trial).
WEAPONS_TEST_ID = "mobilize-test-weapon"
# "X said Y was responsible for the attack": blame laid, an allegation (same id: the judged is
# the target, the speaker the source).
ALLEGE_ENTRY = replace(JUDGEMENT_ENTRY, mode="allege")
# A word in one of these positions is a noun, whatever the tagger said ("staged rallies").
NOMINAL_DEPS = {"dobj", "pobj", "nsubj", "nsubjpass", "attr", "appos"}
#: The word classes :func:`find_candidates` looks at: verbs, auxiliaries, adjectives, nouns.
_TRIGGER_POS = frozenset({VERB, AUX, ADJ, NOUN})


def find_candidates(sent, lexicon: Lexicon, fallback: bool = False) -> list[Candidate]:
    """Trigger tokens of one sentence with the most specific matching entry; with ``fallback``,
    also verbs only the converted PETRARCH table names (a feature for the event model, which
    decides whether they report an event: see :mod:`dateline.events.gate`)."""
    support = lexicon.word_set("support_verbs")
    states = lexicon.word_set("state_nouns") | lexicon.word_set("stance_nouns")
    stances = lexicon.word_set("stance_nouns")
    conflicts = lexicon.word_set("conflict_nouns")
    out: list[Candidate] = []
    for tok in sent:
        if tok.pos not in _TRIGGER_POS:
            continue  # no branch below reads another word class (the integer: no string built)
        nominal_position = tok.dep_ in NOMINAL_DEPS and (
            tok.tag_ not in {"VBG", "VBN", "VBD"} or any(c.dep_ == "det" for c in tok.children)
        )
        if (tok.pos_ == "VERB" and not nominal_position) or (
            tok.pos_ == "AUX" and tok.dep_ not in {"aux", "auxpass"}
        ):
            entry, obj = _match_verb(tok, lexicon)
            if entry is not None and not _subject_allowed(entry, tok):
                entry, obj = _match_verb(tok, lexicon, skip=entry)
            if entry is not None and _speech_without_act(entry, tok, lexicon):
                entry, obj = None, None
            judgement = _judgement(tok, lexicon)
            if (
                judgement is WARNED_ENTRY
                and entry is not None
                and entry.event.lower() not in lexicon.word_set("cooperative")
            ):
                # "warned that Russian jets were bombing the town": the act, coded with its own
                # actors; "warned that Iran is delivering missiles to the group" is a charge
                judgement = None
            if judgement is not None:
                entry, obj = judgement, None  # "called them terrorists": no phone call
            elif entry is None and _retribution(tok, lexicon):
                entry, obj = RETRIBUTION_ENTRY, None  # "said Y will pay the price"
            elif entry is None and _directive(tok, lexicon):
                entry, obj = DIRECTIVE_ENTRY, None  # "told Somalia to withdraw its troops"
            elif entry is None and _demanded_of(tok, lexicon):
                entry, obj = DIRECTIVE_ENTRY, None  # "Moscow expected Turkey to hand it over"
            elif entry is None and _wanted_done(tok, lexicon):
                entry, obj = WISHED_ENTRY, None  # "wants the men to be tried in Britain"
            if entry is None and fallback:
                entry, obj = _match_verb(tok, lexicon, entries=lexicon.fallback_entries(tok))
            if entry is not None and entry.event == "ASSAULT" and _on_trial(tok, lexicon):
                entry, obj = _weapons_test(lexicon), None  # "test-fired two missiles"
            if entry is not None:
                out.append(Candidate(tok, entry, entry.event, entry.mode, object_token=obj))
                out += _conjoined_acts(tok, entry, obj, lexicon)
        elif (
            tok.pos_ == "ADJ"
            and tok.lemma_.lower() in lexicon.word_set("willing_adjectives")
            and any(c.dep_ == "xcomp" for c in tok.children)
        ):
            # "Chile is willing to send engineers": an offer, unless what is offered is hostile
            inner = [c for c in tok.children if c.dep_ == "xcomp"][0]
            if inner.lemma_.lower() in lexicon.word_set("undergone_verbs"):
                continue  # "the caliphate is ready to fall": no offer
            if not any(lexicon.verb_entries(t) for t in inner.subtree if t.pos_ == "VERB"):
                out.append(Candidate(tok, WILLING_ENTRY, "AGREE", None))
        elif _grievance(tok, lexicon):
            out.append(Candidate(tok, GRIEVANCE_ENTRY, "ACCUSE", GRIEVANCE_ENTRY.mode))
        elif tok.pos_ == "NOUN" or (tok.pos_ == "VERB" and nominal_position):
            entries = [e for e in lexicon.noun_entries(tok) if _noun_preps_hold(e, tok)]
            if not entries or tok.lemma_.lower() in lexicon.word_set("place_nouns"):
                continue  # "held in a jail in Gaziantep": the verb's noun is a place
            if _judgement_noun(tok, lexicon):
                continue  # "the militants posed a threat to the city": a judgement, no act
            frame = tok
            if tok.dep_ == "compound" and tok.head.lemma_.lower() in lexicon.word_set(
                "generic_heads"
            ):
                frame = tok.head  # "a mediation effort between", "the peace process with"
            elif tok.dep_ == "compound":
                continue  # "aid deliveries", "war crimes court": a modifier, not the event
            governor = noun_governor(frame)
            forms = set(lemma_forms(governor)) if governor is not None else set()
            undergone = governor is not None and _undergoes(frame, governor, forms, lexicon)
            if undergone and _blamed_for(frame, governor):
                # "came under fire for his decision": criticism of the subject, no shots
                out.append(Candidate(tok, CRITICISED_ENTRY, "ACCUSE", CRITICISED_ENTRY.mode,
                                     nominal=True, support=governor, frame=frame, undergone=True))  # fmt: skip
                continue
            if not undergone and tok.lemma_.lower() in lexicon.word_set("won_nouns"):
                continue  # "holds mining concessions": a licence ("made concessions": a verb's)
            reported = _reported_act(frame, entries[0], lexicon)
            licensed = (
                undergone
                or bool(support & forms)
                or (tok.lemma_.lower() not in states and _takes_place(frame, lexicon))
                or reported
            )
            threat_made = entries[0].event == "THREATEN" and _threat_of_act(frame, lexicon)
            if (
                not licensed
                and not threat_made
                and not _noun_has_own_args(frame)
                and not _stray_doer(frame, entries[0])
                and not _under_blows_from(frame, entries[0], lexicon)
                and not _authored_request(frame, entries[0], lexicon)
                and not _undergoer_of(frame, entries[0], lexicon)
            ):
                continue
            if (
                not licensed
                and not threat_made
                and tok.lemma_.lower() in states
                and not _noun_has_target(frame)
            ):
                continue  # "Syria's civil war", "the Iraq war": a state of affairs, no act
            if (
                not licensed
                and not threat_made
                and tok.lemma_.lower() in stances
                and not _noun_has_target(frame, someone=lexicon)
            ):
                continue  # "the US commitment to the war": a stance toward a cause, no pledge
            if (
                not licensed
                and frame.dep_ == "pobj"
                and conflicts & {tok.lemma_.lower(), frame.lemma_.lower()}
                and not _noun_has_source(frame)
            ):
                continue  # "allies in the fight against X", "during the battle for Y": a setting
            entry = entries[0]
            pressing = entry.event == "REQUEST" and tok.lemma_.lower() in lexicon.word_set(
                "push_words"
            )
            if pressing and _presses_for_nothing(tok, lexicon):
                continue  # "a final ground push on the town": an offensive, no demand
            if entry.event == "PROTEST" and _military_strike(frame, lexicon):
                entry = lexicon_assault_noun(lexicon) or entry
            out.append(Candidate(tok, entry, entry.event, entry.mode, nominal=True,
                                 support=governor if licensed and not reported else None,
                                 frame=frame, undergone=undergone))  # fmt: skip
    return out


#: Types of the acts a verb of doing carries as its object whose conjoined acts are each told
#: ("practised rape and torture", "used chemical weapons and starvation sieges").
CONJOINED_ACT_TYPES = frozenset({"ASSAULT", "COERCE"})


def _conjoined_acts(
    verb: Token, entry: TriggerEntry, obj: Token | None, lexicon: Lexicon
) -> list[Candidate]:
    """The acts conjoined to the act a verb of doing names as its object ("employed rape,
    torture and murder", "practised rape and torture"): each is an act of its own (the coding
    guide codes one record per act), done by the verb's subject. Only a noun of the lexicon
    whose act is of force or coercion, after the object ("rape and torture", not "the
    pretext and the attack")."""
    if obj is None or entry.object_role != "topic" or entry.event not in CONJOINED_ACT_TYPES:
        return []
    out = []
    for conj in obj.conjuncts:
        if conj.i < obj.i or conj.pos_ != "NOUN" or conj.dep_ != "conj":
            continue
        entries = [e for e in lexicon.noun_entries(conj) if e.event in CONJOINED_ACT_TYPES]
        if entries:
            e = entries[0]
            out.append(Candidate(conj, e, e.event, e.mode, nominal=True, support=verb, frame=conj))
    return out


def _grievance(tok: Token, lexicon: Lexicon) -> bool:
    """An adjective of grievance said of its subject and about someone or something ("Egypt is
    angry at Ethiopia", "Warsaw was furious over the flights", "Kenya is disappointed that the
    Ugandan court jailed him"; triggers.yaml ``grievance_adjectives``); an attributive one ("an
    angry crowd") or one about nothing named ("officials were upset") states no grievance
    against anyone."""
    if tok.pos_ != "ADJ" or tok.dep_ not in {"acomp", "xcomp", "conj", "amod"}:
        return False
    if tok.dep_ == "amod" or tok.lower_ not in lexicon.word_set("grievance_adjectives"):
        return False
    preps = lexicon.word_set("grievance_preps")
    return any(
        c.dep_ == "prep" and c.lower_ in preps and any(g.dep_ == "pobj" for g in c.children)
        for c in tok.children
    ) or any(
        c.dep_ == "ccomp"
        and any(
            g.dep_ in {"nsubj", "nsubjpass"} and g.pos_ != "PRON" and is_someone(g, lexicon)
            for g in c.children
        )
        for c in tok.children
    )


def _noun_preps_hold(entry: TriggerEntry, noun: Token) -> bool:
    """A noun entry with ``preps`` applies only where the noun governs one of them ("calls for a
    ceasefire" is a demand, "a call with the president" a phone call), as a preposition or as
    the mark of a clause the noun governs ("its call for Chad to withdraw")."""
    if not entry.preps or entry.verbs:
        return True
    return any(c.dep_ == "prep" and c.lower_ in entry.preps for c in noun.children) or any(
        g.dep_ == "mark" and g.lower_ in entry.preps
        for c in noun.children
        if c.dep_ in {"advcl", "acl", "relcl", "ccomp"}
        for g in c.children
    )


def _judgement(tok: Token, lexicon: Lexicon) -> TriggerEntry | None:
    """The judgement entry for a verb that carries a speaker's judgement of someone: a
    reported clause "(X said) Y posed a threat / was a danger / were terrorists", or a verb of
    naming "X called Y terrorists", "X branded Y a terrorist group", "X described Y as a threat".
    None where nobody is judged (a thing, a hazard), the judgement is denied ("posed no
    threat") or the clause is no reported speech ("Y posed a threat": a danger, not words)."""
    if _warned_conduct(tok, lexicon):
        return WARNED_ENTRY  # "warned that Iran is delivering missiles to the group"
    lemma = tok.lemma_.lower()
    if _reported(tok, lexicon) and _mistake_of(tok, lexicon):
        return JUDGEMENT_ENTRY  # "said the US envoy had made a serious mistake"
    naming = lemma in lexicon.word_set("judging_verbs")
    associating = lemma in lexicon.word_set("association_words")
    if (
        not naming
        and not associating
        and lemma not in lexicon.word_set("judgement_verbs")
        and not (lemma == "have" and _associated(tok, lexicon))  # "has links to the PKK"
    ):
        return None  # (asked first: most verbs are neither, and the answer is None either way)
    if any(c.dep_ == "neg" for c in tok.children):
        return None
    if associating or (not naming and _associated(tok, lexicon)):
        # "(Ankara says) the militia is the Syrian arm of a terror group", "is linked to the PKK"
        judged = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if (
            _reported(tok, lexicon)
            and _tied_to_armed_group(tok, lexicon)
            and any(is_someone(antecedent(j), lexicon) for j in judged)
        ):
            return ALLEGE_ENTRY
        if associating:
            return None
    if naming:
        judged, verdicts = _naming_parts(tok, lexicon)
        if any(c.dep_ == "nsubjpass" for c in tok.children) and not any(
            t.lower_ == "by" and t.dep_ in {"agent", "prep"} for t in tok.subtree
        ):
            return None  # "will ever be held accountable": by whom, the sentence does not say
    elif _reported(tok, lexicon):
        judged = [c for c in tok.children if c.dep_ == "nsubj"]
        verdicts = [c for c in tok.children if c.dep_ in {"attr", "dobj", "acomp"}]
        verdicts += _verdict_phrases(tok)
    else:
        return None
    if _condemned(verdicts, lexicon):
        # "said the decision was unacceptable", "called the strike illegal": a speaker's
        # condemnation of an act or of someone, whoever is judged
        if naming:
            return replace(JUDGEMENT_ENTRY, id=NAMING_ID, verbs=frozenset({lemma}))
        return JUDGEMENT_ENTRY
    if not any(is_someone(antecedent(j), lexicon) for j in judged):
        return None
    if not naming and any(_blamed(v, lexicon) for v in verdicts):
        return ALLEGE_ENTRY  # "said the militia was responsible for the bombing"
    if naming and any(_held_to_account(v, lexicon) for v in verdicts):
        # "held Russia responsible", "held both capitals accountable for the massacres"
        return replace(ALLEGE_ENTRY, id=NAMING_ID, verbs=frozenset({lemma}))
    if not any(_judging(v, lexicon) for v in verdicts):
        return None
    if naming:  # the verb's own subject judges: an entry of its verb, like "accused"
        return replace(JUDGEMENT_ENTRY, id=NAMING_ID, verbs=frozenset({lemma}))
    return JUDGEMENT_ENTRY


def _verdict_phrases(verb: Token) -> list[Token]:
    """The prepositions of a verb of being or amounting that can hold a verdict: "is against
    international law", "would be in breach of the convention", "amounts to a betrayal"
    (:func:`_condemned` reads them)."""
    amounting = verb.lemma_.lower() == "amount"
    return [
        c
        for c in verb.children
        if c.dep_ == "prep" and (c.lower_ in {"against", "in"} or (amounting and c.lower_ == "to"))
    ]


def _unlawful(prep: Token, lexicon: Lexicon) -> bool:
    """ "against international law", "in breach of the convention", "in violation of the
    charter" (``law_nouns``, ``breach_nouns``); "against the plan", "in the camp" judge nothing."""
    objects = [g for g in prep.children if g.dep_ == "pobj"]
    if prep.lower_ == "against":
        return any(o.lemma_.lower() in lexicon.word_set("law_nouns") for o in objects)
    if prep.lower_ == "in":
        return any(o.lemma_.lower() in lexicon.word_set("breach_nouns") for o in objects)
    return False


def _mistake_of(verb: Token, lexicon: Lexicon) -> bool:
    """ "(X said) the envoy had made a serious mistake", "'The Russians would be making a grave
    mistake,' she said": a mistake laid at someone's door (``error_verbs``, ``error_nouns``),
    the speaker's ACCUSE. Not denied, not the speaker's own side or kin ("we made mistakes",
    "his government made mistakes", "my daughter made a mistake": an admission) nor anyone at
    all ("everybody makes mistakes")."""
    if verb.lemma_.lower() not in lexicon.word_set("error_verbs"):
        return False
    if any(c.dep_ == "neg" for c in verb.children):
        return False
    if not any(
        c.dep_ == "dobj"
        and c.lemma_.lower() in lexicon.word_set("error_nouns")
        and not any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
        for c in verb.children
    ):
        return False
    common = lexicon.word_set("common_people")
    subjects = [antecedent(c) for c in verb.children if c.dep_ == "nsubj"]
    return any(
        s.lower_ not in OWN_SUBJECTS
        and s.lemma_.lower() not in common
        and not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in s.children)
        and is_someone(s, lexicon)
        for s in subjects
    )


def _condemned(verdicts: list[Token], lexicon: Lexicon) -> bool:
    """A verdict that condemns: "unacceptable", "illegal", "a disgrace", "a blatant betrayal"
    (``condemnation_words``, also as a conjunct: "astounding and unacceptable"), "against
    international law", "amounts to a betrayal" (:func:`_verdict_phrases`); not denied ("not
    illegal", "no disgrace")."""
    words = lexicon.word_set("condemnation_words")
    nominal: list[Token] = []
    for verdict in verdicts:
        if verdict.dep_ != "prep":
            nominal.append(verdict)
        elif _unlawful(verdict, lexicon):
            return True
        else:  # "amounts to a betrayal": what it amounts to
            nominal += [g for g in verdict.children if g.dep_ == "pobj"]
    for verdict in nominal:
        for v in (verdict, *(c for c in verdict.children if c.dep_ == "conj")):
            if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in v.children):
                continue
            if v.lemma_.lower() in words or v.lower_ in words:
                return True
    return False


#: Modal and future auxiliaries: a warning of what may or will happen is a forecast or a threat
#: (``_warning_is_threat``), not a charge about what someone does.
MODAL_AUX = {
    "will",
    "would",
    "shall",
    "'ll",
    "wo",
    "could",
    "can",
    "may",
    "might",
    "should",
    "must",
}


def _warned_conduct(verb: Token, lexicon: Lexicon) -> bool:
    """The clause of a warning or a claim that says what someone is doing or has done ("warned
    that Iran is delivering missiles", "warned that the Americans have taken dangerous steps",
    "claimed that the government is pushing them out": ``charging_verbs``): a charge, not a
    forecast. Only the clause of a warning that is no threat (``_warning_is_threat``: nobody
    warned, nothing the warner will do) whose subject is someone named, with no modal ("warned
    that the fighters could return": a forecast), no negation, and a verb of conduct ("warned
    that Somalia was facing famine": what befalls it)."""
    head = verb.head
    if verb.dep_ != "ccomp" or verb.pos_ not in {"VERB", "AUX"}:
        return False
    # "claimed that extremists were attacking the army": a charge, never a threat
    charging = head.lemma_.lower() in lexicon.word_set("charging_verbs")
    if not charging and (
        head.lemma_.lower() not in lexicon.word_set("warning_verbs")
        or _warning_is_threat(head, lexicon)
    ):
        return False
    if verb.lemma_.lower() in lexicon.word_set("undergoing_verbs") or is_be(verb):
        return False
    if any(
        (c.dep_ in {"aux", "auxpass"} and c.lower_ in MODAL_AUX) or c.dep_ == "neg"
        for c in verb.children
    ):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if charging and any(s.lemma_.lower() in lexicon.word_set("common_people") for s in subjects):
        return False  # "claimed that all women and children have left": no one charged
    return any(
        s.pos_ != "PRON" and is_someone(antecedent(s), lexicon) and s.lemma_.lower() not in
        lexicon.word_set("audience_nouns") for s in subjects
    )  # fmt: skip


#: Armed groups of the actor tables whose ties a speaker can lay at someone's door.
ARMED_GROUP_SECTORS = {"REB", "INS", "SEP"}
#: Prepositions that name what someone is tied to: "linked to", "links with", "arm of",
#: "indistinguishable from", "a front for".
TIE_PREPS = {"to", "with", "of", "from", "for"}


def _associated(verb: Token, lexicon: Lexicon) -> bool:
    """A verb of being whose verdict is a tie (``association_words``): "is the Syrian arm of",
    "are indistinguishable from", "has close links to" (``_tied_to_armed_group`` says to whom)."""
    words = lexicon.word_set("association_words")
    return any(
        c.dep_ in {"attr", "acomp", "dobj"} and c.lemma_.lower() in words for c in verb.children
    )


def _tied_to_armed_group(verb: Token, lexicon: Lexicon) -> bool:
    """Whether the tie a verb states ("is linked to", "is the arm of", "has links with") is to a
    terrorist or insurgent group: a noun of judgement ("a terror group") or a group the actor
    tables file as rebels or insurgents ("the PKK"); "is linked to the HNC", "is part of the
    coalition" tie nobody to violence."""
    from dateline.actors.kb import KnowledgeBase

    words = lexicon.word_set("association_words")
    ties = [verb] + [c for c in verb.children if c.dep_ in {"attr", "acomp", "dobj"}]
    ties = [t for t in ties if t.lemma_.lower() in words]
    kb = KnowledgeBase.load()
    for tie in ties:
        for prep in tie.children:
            if prep.dep_ != "prep" or prep.lower_ not in TIE_PREPS:
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                if _judging(obj, lexicon):
                    return True  # "the Syrian arm of a terror group"
                phrase = obj.doc[obj.left_edge.i : obj.i + 1].text
                entry = kb.lookup(phrase)
                sector = entry.sector if entry is not None else kb.sector_of(phrase)
                if sector in ARMED_GROUP_SECTORS:
                    return True
    return False


def _blamed(adjective: Token, lexicon: Lexicon) -> bool:
    """ "responsible for the bombing", "guilty of war crimes", "complicit in the killings": an
    act laid at someone's door (the phrase names an act: an event noun of the lexicon or a
    gerund); "responsible for security" names a duty, no blame."""
    if adjective.lemma_.lower() not in lexicon.word_set("judgement_adjectives"):
        return False
    acts = [g for c in adjective.children if c.dep_ == "prep" and c.lower_ in {"for", "of", "in"}
            for g in c.children if g.dep_ in {"pobj", "pcomp"}]  # fmt: skip
    return any(
        a.pos_ == "VERB"
        or bool(lexicon.noun_entries(a))
        or a.lemma_.lower() in lexicon.word_set("crime_words")
        for a in acts
    )


def _held_to_account(verdict: Token, lexicon: Lexicon) -> bool:
    """A verdict of blame, not denied: "(held them) responsible", "accountable", "guilty"."""
    if verdict.lemma_.lower() not in lexicon.word_set("judgement_adjectives"):
        return False
    return not any(c.dep_ == "neg" for c in verdict.children)


def _naming_parts(tok: Token, lexicon: Lexicon) -> tuple[list[Token], list[Token]]:
    """Who or what a verb of naming names, and what it calls them: "branded [the YPG] [a
    terrorist group]", "described [X] as [a threat]", "[X] was described as [a threat]" (the
    passive subject), "held [Russia] [responsible]" (a small clause)."""
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    judged, verdicts = objects[:1], objects[1:]
    verdicts += [c for c in tok.children if c.dep_ in {"oprd", "xcomp", "ccomp", "attr"}]
    if not judged:
        judged = [c for c in tok.children if c.dep_ == "nsubjpass"]
        judged += [
            g for v in verdicts if v.dep_ == "ccomp" for g in v.children if g.dep_ == "nsubj"
        ]
    verdicts += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "as"
                 for g in c.children if g.dep_ in {"pobj", "amod", "pcomp", "acomp"}]  # fmt: skip
    # "described the move as a betrayal", "as provocative": "as" parsed under the object
    verdicts += [g for o in objects[:1] for c in o.children if c.dep_ == "prep" and c.lower_ == "as"
                 for g in c.children if g.dep_ in {"pobj", "amod", "pcomp", "acomp"}]  # fmt: skip
    # "described the move as deeply disturbing", parsed as a clause that "as" modifies
    verdicts += [c for c in tok.children if c.dep_ == "advcl" and c.pos_ in {"ADJ", "VERB"}
                 and any(g.dep_ in {"advmod", "mark"} and g.lower_ == "as" for g in c.children)]  # fmt: skip
    verdicts += [g for c in judged for g in c.children if g.dep_ == "appos"]
    if len(objects) == 1 and _judging(objects[0], lexicon):
        # "branded the militia terrorists", parsed as one noun phrase: the compound is judged
        judged = [c for c in objects[0].children if c.dep_ == "compound"]
        verdicts = objects
    return judged, verdicts


def characterises_a_thing(tok: Token, lexicon: Lexicon) -> bool:
    """A verb of naming that calls a thing, not someone, a danger ("called the deal a danger"):
    a characterisation that judges nobody, so no event of its own (events/gate.py does not let
    the model propose one there either)."""
    if tok.lemma_.lower() not in lexicon.word_set("judging_verbs"):
        return False
    judged, verdicts = _naming_parts(tok, lexicon)
    if not judged or any(is_someone(antecedent(j), lexicon) for j in judged):
        return False
    return any(_judging(v, lexicon) for v in verdicts)


def _retribution(tok: Token, lexicon: Lexicon) -> bool:
    """ "(X said) Y will pay the price / would pay dearly / would face consequences": a
    speaker's warning of what Y will suffer, which PLOVER codes as the speaker's THREATEN. Only a
    future, reported clause whose payer is someone; a price paid in the narrative is a cost."""
    if tok.lemma_.lower() not in lexicon.word_set("retribution_verbs"):
        return False
    if any(c.dep_ == "neg" for c in tok.children):
        return False
    if not any(
        (
            c.dep_ == "dobj"
            and c.lemma_.lower() in lexicon.word_set("retribution_objects")
            and not any(g.dep_ == "prep" and g.lower_ == "of" for g in c.children)
        )  # "pay the price of the drought": a cost, not a punishment
        or (c.dep_ == "advmod" and c.lower_ in lexicon.word_set("retribution_adverbs"))
        for c in tok.children
    ):
        return False
    clause = tok
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in {"have", "go"}:
        clause = tok.head  # "will have to pay", "is going to pay"
    future = any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in clause.children) or (
        clause.i != tok.i and clause.lemma_.lower() == "go" and clause.tag_ == "VBG"
    )
    if not future or not _reported(clause, lexicon):
        return False
    payers = [c for c in clause.children if c.dep_ == "nsubj"]
    return any(is_someone(antecedent(p), lexicon) for p in payers)


def _directive(tok: Token, lexicon: Lexicon) -> bool:
    """ "told Somalia to withdraw", "persuaded Togo to reopen the border", "was encouraged to
    rejoin the talks": a verb of ``directive_verbs`` whose object (or passive subject) is
    someone, with a to-infinitive of what they are to do. An audience told to expect something
    ("told reporters to expect delays") is asked nothing, nor is anyone by a cause ("the attack
    persuaded Trump to strike") or by nobody named ("had been told to stand down")."""
    if tok.lemma_.lower() not in lexicon.word_set("directive_verbs"):
        return False
    if not any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in tok.children
    ) and not _won_over(tok, lexicon):
        return False
    subjects = [antecedent(c) for c in tok.children if c.dep_ == "nsubj"]
    if subjects and not any(is_someone(s, lexicon) for s in subjects):
        return False  # "the attack persuaded Trump to strike": a cause, nobody asked
    if any(c.dep_ == "nsubjpass" for c in tok.children) and not any(
        c.dep_ == "agent" for c in tok.children
    ):
        return False  # "they had been told to stand down": by whom, the sentence does not say
    audience = lexicon.word_set("audience_nouns")
    told = [antecedent(c) for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}]
    return any(is_someone(t, lexicon) and t.lemma_.lower() not in audience for t in told)


def _won_over(tok: Token, lexicon: Lexicon) -> bool:
    """ "convinced Togo of the merits of the plan": a verb of ``persuasion_verbs`` with an "of"
    phrase naming what someone is won over to (the content a to-infinitive gives otherwise)."""
    return tok.lemma_.lower() in lexicon.word_set("persuasion_verbs") and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" for g in c.children)
        for c in tok.children
    )


def _demanded_of(tok: Token, lexicon: Lexicon) -> bool:
    """ "Moscow expected Turkey to hand over Afrin", "the president wants the committee to meet
    in the capital": a verb of ``wanting_verbs``, neither denied nor a progressive forecast
    ("was expecting"), whose clause's subject is a party named (a name or a role the actor
    tables know, not a pronoun nor "people") who is to act (an active to-infinitive, not "be")."""
    if tok.lemma_.lower() not in lexicon.word_set("wanting_verbs") or tok.tag_ == "VBG":
        return False
    if any(c.dep_ in {"neg", "nsubjpass", "auxpass"} for c in tok.children):
        return False
    for c in tok.children:
        if c.dep_ not in {"ccomp", "xcomp"} or c.pos_ != "VERB" or is_be(c):
            continue
        if not any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            continue
        if any(a.dep_ in {"auxpass", "nsubjpass"} for a in c.children):
            continue  # "expected the city to be taken": a forecast
        parties = [g for g in c.children if g.dep_ == "nsubj"]
        parties += [g for g in tok.children if g.dep_ == "dobj"]
        if any(
            p.pos_ != "PRON"
            and p.lemma_.lower() not in lexicon.word_set("common_people")
            and is_someone(p, lexicon)
            for p in parties
        ):
            return True
    return False


#: A wish that something be done to someone: a REQUEST, told now even as "would like".
WISHED_ENTRY = replace(DIRECTIVE_ENTRY, id="rule:directive-wish")


def _wanted_done(tok: Token, lexicon: Lexicon) -> bool:
    """ "The minister wants the two men to be tried in Britain", "I would like to see them
    brought to trial", "we want everyone who went there arrested": a wish that something be done
    to someone is a demand (the wisher's REQUEST). Not denied, not a progressive, not "expect"
    (a forecast: "expected the city to be taken"), and what is wished is an act (a verb done to
    its subject), not a state ("wants them to be safe")."""
    lemma = tok.lemma_.lower()
    if lemma not in lexicon.word_set("wishing_verbs") or tok.tag_ == "VBG" or tok.pos_ != "VERB":
        return False
    if lemma in lexicon.word_set("would_wishing_verbs") and not any(
        c.dep_ == "aux" and c.lower_ in {"would", "'d"} for c in tok.children
    ):
        return False  # "as they like": no wish told
    if any(c.dep_ in {"neg", "nsubjpass", "auxpass"} for c in tok.children):
        return False
    clauses = [c for c in tok.children if c.dep_ in {"ccomp", "xcomp", "oprd"}]
    # "would like to see them brought back": what is to be seen done
    clauses += [g for c in clauses if c.lemma_.lower() == "see"
                for g in c.children if g.dep_ in {"ccomp", "xcomp", "oprd"}]  # fmt: skip
    for c in clauses:
        if c.pos_ != "VERB" or is_be(c):
            continue
        done_to = c.tag_ == "VBN" or any(a.dep_ == "auxpass" for a in c.children)
        seen = c.head.lemma_.lower() == "see" and c.head.i != tok.i
        subject = any(a.dep_ in {"nsubj", "nsubjpass"} for a in c.children) or any(
            a.dep_ == "dobj" for a in c.head.children
        )
        if (done_to or seen) and subject:
            return True
    return False


def _judging(noun: Token, lexicon: Lexicon) -> bool:
    """A noun of judgement, not denied: "a threat", "a terrorist group", "the main danger"
    ("no threat" judges nobody)."""
    nouns = lexicon.word_set("judgement_nouns")
    if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return False
    return noun.lemma_.lower() in nouns or any(
        c.dep_ in {"amod", "compound"} and c.lemma_.lower() in nouns for c in noun.children
    )


def _judgement_noun(noun: Token, lexicon: Lexicon) -> bool:
    """A judgement noun carried by a verb of judging or being ("posed a threat", "was a
    danger", "branded them terrorists"): a characterisation, never an act of its own."""
    if noun.lemma_.lower() not in lexicon.word_set("judgement_nouns"):
        return False
    head = noun.head
    if (noun.dep_ == "pobj" and head.lower_ == "as") or noun.dep_ == "appos":
        head = head.head  # "described X as a threat", "branded the militia, a terrorist group"
    if noun.dep_ in {"attr", "dobj"} and head.lemma_.lower() in lexicon.word_set("judgement_verbs"):
        return True  # "posed a threat", "was a danger"
    # "branded them terrorists", "described X as a threat" (not "called the threat dangerous")
    verdict = noun.dep_ in {"oprd", "appos", "pobj"} or (
        noun.dep_ == "dobj" and any(c.dep_ == "dobj" and c.i < noun.i for c in head.children)
    )
    return verdict and head.lemma_.lower() in lexicon.word_set("judging_verbs")


def _reported(tok: Token, lexicon: Lexicon) -> bool:
    """ "X said (that) Y ...", "Y ..., X said": a clause reported under a verb of saying."""
    return tok.dep_ == "ccomp" and tok.head.lemma_.lower() in lexicon.word_set("speech_verbs")


def _subject_allowed(entry: TriggerEntry, tok: Token) -> bool:
    """Entries restricted by their subject: troops "arriving" are no diplomatic visit."""
    if not entry.subject_words and not entry.not_subject_words:
        return True
    subj = subject_of(tok)
    words = {t.lemma_.lower() for t in subj.subtree} if subj is not None else set()
    if entry.subject_words and not words & entry.subject_words:
        return False
    return not (entry.not_subject_words and words & entry.not_subject_words)


def _match_verb(
    tok: Token,
    lexicon: Lexicon,
    skip: TriggerEntry | None = None,
    entries: list[TriggerEntry] | None = None,
) -> tuple[TriggerEntry | None, Token | None]:
    for entry in lexicon.verb_entries(tok) if entries is None else entries:
        if skip is not None and (entry is skip or not _subject_allowed(entry, tok)):
            continue
        obj = None
        if entry.particle and not any(
            c.dep_ in {"prt", "advmod", "prep"} and c.lower_ in entry.particle for c in tok.children
        ):
            continue
        if (
            entry.preps
            and not any(
                c.dep_ in {"prep", "dative", "prt"} and c.lower_ in entry.preps and not _of_time(c)
                for c in tok.children
            )
            and not _clause_mark(tok, entry.preps)
        ):
            continue
        if entry.objects:
            obj = _find_object(tok, entry.objects)
            if obj is None:
                continue
        if entry.not_objects and _find_object(tok, entry.not_objects) is not None:
            continue
        if entry.complement and not _complement_holds(tok, entry, lexicon):
            continue
        return entry, obj
    return None, None


def _complement_holds(tok: Token, entry: TriggerEntry, lexicon: Lexicon) -> bool:
    """Whether what ``tok`` promises is what ``entry`` asks for: a complement clause headed by
    one of its ``complement`` words ("vowed to retaliate"), or, for a THREATEN entry, a promised
    hostile act anywhere in the complement or the vow's object, named by the lexicon ("vowed to
    wage a guerrilla war", "vowed that its troops would besiege the town", "vowing vengeance"), or
    a refusal to let someone do something ("vowed not to allow the militia to hold the border"):
    a vow to harm or stop someone is a threat, not a pledge to cooperate. What a cooperative act of the
    vow is for is its purpose, not the vow's ("pledged troops to help Mali fight the rebels",
    "promised military aid to defeat the insurgents": help promised, no threat)."""
    clauses = [c for c in tok.children if c.dep_ in {"xcomp", "ccomp", "advcl"}]
    if entry.event == "THREATEN":
        # "pledged not to expel the refugees": a hostile act vowed not to happen threatens
        # nothing (coder.promised_restraint); "vowed not to allow them to return" still does
        forbidding = lexicon.word_set("permission_verbs")
        clauses = [
            c for c in clauses
            if c.lemma_.lower() in forbidding or not any(g.dep_ == "neg" for g in c.children)
        ]  # fmt: skip
    if any(c.lemma_.lower() in entry.complement for c in clauses):
        return True
    if entry.event != "THREATEN":
        return False
    hostile = set(lexicon.lists.get("hostile", ())) | {"THREATEN"}
    cooperative = set(lexicon.lists.get("cooperative", ()))
    helping = lexicon.word_set("helping_verbs")
    forbidding = lexicon.word_set("permission_verbs")
    frontier = [*clauses, *(c for c in tok.children if c.dep_ == "dobj")]
    forceful = lexicon.word_set("force_adjectives")
    answers = lexicon.word_set("warning_consequences") | lexicon.word_set("intervention_nouns")
    while frontier:
        node = frontier.pop(0)
        if node.lemma_.lower() in entry.complement:
            return True
        if node.lemma_.lower() in answers and any(
            c.dep_ == "amod" and c.lemma_.lower() in forceful for c in node.children
        ):
            return True  # "promised a strong response", "would warrant military intervention"
        if node.lemma_.lower() in forbidding and _forbids_someone(node, lexicon):
            return True  # "vowed not to allow the militia to hold the border": a threat
        if node.pos_ == "VERB" and node.i != tok.i:
            entries = [e for e in (_match_verb(node, lexicon)[0],) if e is not None]
        elif node.pos_ == "NOUN":
            entries = lexicon.noun_entries(node)
        else:
            entries = []
        if any(e.event in hostile for e in entries):
            return True
        if node.pos_ == "NOUN" and any(
            _hostile_modifier(c, hostile, lexicon) for c in node.children
        ):
            return True  # "of suspending talks" parsed as talks that are "suspending"
        if node.lemma_.lower() in helping or any(e.event in cooperative for e in entries):
            continue  # help promised: what it is for is not the vow's act
        frontier.extend(node.children)
    return False


def _hostile_modifier(tok: Token, hostile: set[str], lexicon: Lexicon) -> bool:
    """An -ing verb the parser hangs on a noun as its modifier ("the potential of suspending
    talks": "suspending" an amod of "talks") whose lexicon entry is a hostile act on the noun."""
    if tok.dep_ != "amod" or tok.tag_ != "VBG":
        return False
    noun = tok.head.lemma_.lower()
    return any(
        e.event in hostile
        and (not e.objects or noun in e.objects)
        and not e.particle
        and not e.preps
        for e in lexicon.verb_entries(tok)
    )


def _forbids_someone(verb: Token, lexicon: Lexicon) -> bool:
    """ "not allow the militia to hold the border", "never let them return": a negated verb of
    permission whose object, or the subject of what it permits, is someone ("not let the crisis
    overwhelm its schools" forbids a thing, no threat)."""
    if not any(c.dep_ == "neg" or c.lower_ == "never" for c in verb.children):
        return False
    held = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
    held += [g for c in verb.children if c.dep_ in {"ccomp", "xcomp"}
             for g in c.children if g.dep_ == "nsubj"]  # fmt: skip
    return any(
        is_someone(noun, lexicon) or any(c.ent_type_ == "NORP" for c in noun.children)
        for noun in map(antecedent, held)
    )  # "Kurdish groups": a people's group


def _of_time(prep: Token) -> bool:
    """ "called his counterpart on Sunday": a preposition of time is not the entry's one."""
    return prep.dep_ == "prep" and any(
        g.dep_ == "pobj" and g.ent_type_ in {"DATE", "TIME"} for g in prep.children
    )


def _clause_mark(tok: Token, preps: frozenset[str]) -> bool:
    """ "called for Begum to be tried": the preposition opens the verb's clause (a mark)."""
    return any(
        g.dep_ == "mark" and g.lower_ in preps
        for c in tok.children
        if c.dep_ in {"advcl", "ccomp", "xcomp"}
        for g in c.children
    )


def _find_object(tok: Token, lemmas: frozenset[str]) -> Token | None:
    """The object (or a noun inside it) whose lemma is in ``lemmas``: "imposed sanctions",
    "handed over two tonnes of flour", "put troops on alert", "agreed to a ceasefire"."""
    frontier = []
    for c in tok.children:
        if c.dep_ in {"dobj", "nsubjpass", "attr", "oprd", "dative", "npadvmod"}:
            noun = antecedent(c)  # "the embassy, which it had closed"
            frontier.append(noun)
            if noun.i != c.i and noun.dep_ == "pobj" and noun.head.head.pos_ == "NOUN":
                frontier.append(noun.head.head)  # "its embassy in Yangon, which": either noun
    frontier.extend(had_done(tok))
    for prep in (c for c in tok.children if c.dep_ in {"prep", "prt", "agent"}):
        frontier.extend(c for c in prep.children if c.dep_ in {"pobj"})
        if prep.lower_ in {"out", "away"}:  # "pulled out of the talks": it hangs on "out"
            frontier.extend(g for c in prep.children if c.dep_ == "prep"
                            for g in c.children if g.dep_ == "pobj")  # fmt: skip
    # Passive: "sanctions were imposed" -> the subject is the object.
    seen = 0
    while frontier and seen < 12:
        node = frontier.pop(0)
        seen += 1
        if node.lemma_.lower() in lemmas or node.lower_ in lemmas:
            return node
        for c in node.children:
            if c.dep_ in {"compound", "amod"} and (
                c.lemma_.lower() in lemmas or c.lower_ in lemmas
            ):
                return node
            if c.dep_ == "prep" and c.lower_ == "of":
                frontier.extend(g for g in c.children if g.dep_ == "pobj")
            if c.dep_ == "conj":
                frontier.append(c)
    return None


def had_done(participle: Token) -> list[Token]:
    """What someone had done to them, the object of a participle after "have": "had her
    citizenship revoked" (the parser makes the noun the participle's subject), "having their
    assets frozen" (or the participle a modifier of the noun)."""
    if participle.tag_ != "VBN":
        return []
    if participle.dep_ == "ccomp" and participle.head.lemma_.lower() == "have":
        return [c for c in participle.children if c.dep_ == "nsubj"]
    noun = participle.head
    if (
        participle.dep_ in {"acl", "oprd"}
        and noun.dep_ == "dobj"
        and noun.head.lemma_.lower() == "have"
    ):
        return [noun]
    return []


def _undergoes(noun: Token, verb: Token, forms: set[str], lexicon: Lexicon) -> bool:
    """ "suffered an attack", "faced sanctions", "came under fire": the verb's subject is on the
    receiving end of the event noun (``undergoer_verbs``, or a verb + preposition of
    ``undergoer_preps``); "won concessions": the subject gains what the noun gives
    (``winning_verbs`` with one of ``won_nouns``)."""
    if noun.dep_ == "dobj":
        won = noun.lemma_.lower() in lexicon.word_set("won_nouns")
        return bool(forms & lexicon.word_set("undergoer_verbs")) or (
            won and bool(forms & lexicon.word_set("winning_verbs"))
        )
    preps = {str(k): str(v) for k, v in (lexicon.lists.get("undergoer_preps") or {}).items()}
    return noun.dep_ == "pobj" and any(preps.get(f) == noun.head.lower_ for f in forms)


def noun_governor(tok: Token) -> Token | None:
    """The verb a nominal trigger depends on as object ("held talks", "imposed sanctions",
    "staged a rally", "declared a ceasefire", "called for sanctions")."""
    head = tok
    # "a series of financial controls", "a halt of rail traffic": climb "of" phrases.
    while head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ == "NOUN":
        head = head.head.head
    while head.dep_ == "conj":
        head = head.head
    if head.dep_ in {"dobj", "nsubjpass", "attr"} and head.head.pos_ in {"VERB", "AUX"}:
        return head.head
    if (
        head.dep_ == "pobj"
        and head.head.dep_ in {"prep", "agent"}
        and head.head.head.pos_ == "VERB"
        and head.head.lower_ in {"for", "in", "into", "on", "under"}
    ):
        return head.head.head
    return None


def _reported_act(noun: Token, entry: TriggerEntry, lexicon: Lexicon) -> bool:
    """An act of force that a verb of ``report_verbs`` reports as done: "the attack was confirmed
    by the ministry", "officials confirmed the capture" (the noun's own words name who did it to
    whom, not the reporter). A planned or feared act ("reported a planned attack") is none."""
    if entry.event not in {"ASSAULT", "COERCE"} or noun.dep_ not in {"dobj", "nsubjpass"}:
        return False
    verb = noun.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in lexicon.word_set("report_verbs"):
        return False
    if any(c.dep_ == "neg" for c in verb.children):
        return False
    modifiers = lexicon.word_set("future_modifiers") | lexicon.word_set("hypothetical_modifiers")
    return not any(c.dep_ == "amod" and c.lower_ in modifiers for c in noun.children)


def _takes_place(noun: Token, lexicon: Lexicon) -> bool:
    """An event noun that is the subject of a verb saying it happened, began, went on or broke
    out ("clashes continued", "fighting broke out", "the offensive began"): the sentence reports
    the act itself, as a carrying verb's object would ("launched an offensive")."""
    head = noun
    while head.dep_ == "conj":
        head = head.head
    if head.dep_ != "nsubj" or head.head.pos_ != "VERB":
        return False
    verb = head.head
    lemma = verb.lemma_.lower()
    if lemma not in lexicon.word_set("occurrence_verbs") | lexicon.word_set("outbreak_verbs"):
        return False
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    return lemma != "break" or particle == "out"


def _noun_has_own_args(tok: Token) -> bool:
    """A nominal event that names a participant of its own, whatever verb governs it: a target
    ("a conversation with Turnbull", "the assault on the town") or a source ("Obama's
    sanctions", "Turkish shelling", "airstrikes by the coalition")."""
    return _noun_has_target(tok) or _noun_has_source(tok)


#: Types of the lexicon whose acts, threatened, make a threat ("the threat of sanctions").
THREATENED_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION"})
#: Prepositions whose object is a danger one is exposed to or kept from ("exposed to the threat
#: of an attack", "safe from the threat of", "under threat of"), not a threat someone made.
_DANGER_PREPS = frozenset({"to", "from", "under"})


def _threat_of_act(noun: Token, lexicon: Lexicon) -> bool:
    """A threat of a hostile act ("the threat of armed intervention", "threats of possible
    military action", "the threat to withhold funds"): a threat made, as "renewed its threat"
    says, though no verb carries the noun and it names no target (``threatened_acts``, or a noun
    or verb of a hostile type). A threat posed, faced or feared ("posed a threat to the city",
    "face the threat of an attack", "exposed to the threat of a strike") is a danger."""
    if noun.dep_ == "pobj" and noun.head.lower_ in _DANGER_PREPS:
        return False
    governor = noun_governor(noun)
    if governor is not None and governor.lemma_.lower() in (
        lexicon.word_set("judgement_verbs")
        | lexicon.word_set("undergoing_verbs")
        | lexicon.word_set("undergoer_verbs")
        | lexicon.word_set("danger_verbs")
    ):
        return False
    acts = lexicon.word_set("threatened_acts")
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            words = [g for g in c.children if g.dep_ in {"pobj", "pcomp"}]
            hostile = [e for g in words for e in lexicon.noun_entries(g)]
        elif c.dep_ in {"acl", "relcl"} and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in c.children
        ):
            words, hostile = [c], list(lexicon.verb_entries(c))
        else:
            continue
        if any(w.lemma_.lower() in acts for w in words) or any(
            e.event in THREATENED_TYPES for e in hostile
        ):
            return True
    return False


def _authored_request(noun: Token, entry: TriggerEntry, lexicon: Lexicon) -> bool:
    """A request named with its author as a possessive pronoun or common noun: "its calls for a
    ceasefire", "the opposition's demands", "the president's call" (a named author, "Ghana's
    demands", is :func:`_noun_has_source`'s). Only the nouns of asking (``solicitation_nouns``)
    typed REQUEST, and not a compound ("his telephone call" is a call on the phone)."""
    return (
        entry.event == "REQUEST"
        and noun.lemma_.lower() in lexicon.word_set("solicitation_nouns")
        and not any(c.dep_ == "compound" for c in noun.children)
        and any(c.dep_ == "poss" and c.pos_ in {"PRON", "NOUN"} for c in noun.children)
    )


#: Types of a measure done to someone, whose noun's "of" phrase names who underwent it ("the
#: siege of the town"). ASSAULT only for nouns of an attack aimed at someone
#: (``aimed_attack_nouns``: "the bombardment of the city"): out of fold (round 18) all its nouns
#: with an "of" phrase added 9 right events and 6 false ("the liberation of Raqqa", "the
#: slaughter of civilians" as a topic, "the capture of the two men" coded twice).
UNDERGONE_OF_TYPES = frozenset({"COERCE", "SANCTION"})


def _undergoer_of(noun: Token, entry: TriggerEntry, lexicon: Lexicon) -> bool:
    """An act done to someone whose "of" phrase names who or what place underwent it: "the
    siege of the town", "the blockade of the enclave", "the jailing of two activists" name
    the act and its target as "the assault on the town" does (a noun whose "of" names its doer,
    "the withdrawal of the troops", is not one of these)."""
    lemma = noun.lemma_.lower()
    if entry.event not in UNDERGONE_OF_TYPES and not (
        entry.event == "ASSAULT" and lemma in lexicon.word_set("aimed_attack_nouns")
    ):
        return False
    if lemma in lexicon.word_set("agentive_nouns") and lemma not in lexicon.word_set(
        "undergone_nouns"
    ):
        return False
    return _prep_names_someone(noun, "of", lexicon)


def _prep_names_someone(noun: Token, prep: str, lexicon: Lexicon) -> bool:
    """``noun`` has a ``prep`` phrase ("of", "from") whose object is someone (a relative pronoun
    standing for its noun): "the killing of civilians", "under attack from the militants"."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == prep
        and any(g.dep_ == "pobj" and is_someone(antecedent(g), lexicon) for g in c.children)
        for c in noun.children
    )


def _noun_has_source(tok: Token) -> bool:
    """ "Obama's sanctions", "Turkish shelling", "airstrikes by the coalition"."""
    return any(
        (c.dep_ in {"poss", "amod", "compound"} and c.pos_ in {"PROPN", "ADJ"})
        or (c.dep_ in {"prep", "agent"} and c.lower_ == "by")
        for c in tok.children
    )


def _stray_doer(noun: Token, entry: TriggerEntry) -> bool:
    """An act done to someone whose doer's "by" phrase the parser hung beside the noun ("dozens
    of attacks by the regime", "the bombardment of the town by Russian jets")."""
    return entry.event in {"ASSAULT", "COERCE", "SANCTION"} and bool(stray_by_phrases(noun))


def _under_blows_from(noun: Token, entry: TriggerEntry, lexicon: Lexicon) -> bool:
    """An attack someone is "under" that names who it comes "from": "Kurdish leaders under
    assault from Turkey", "the town is under attack from the militants" name the act, its target
    and its doer as "came under attack from" does (the "from" phrase is the doer,
    ``arguments._exposed_parties``); "under attack" alone names nobody who attacks."""
    if entry.event not in {"ASSAULT", "COERCE"} or noun.dep_ != "pobj":
        return False
    if noun.head.lower_ != "under":
        return False
    return _prep_names_someone(noun, "from", lexicon)


def _noun_has_target(tok: Token, someone: Lexicon | None = None) -> bool:
    """ "a conversation with Turnbull", "the assault on the town", "war against the rebels";
    with ``someone`` (the lexicon), only a target that is someone ("a commitment to Peru", not
    "a commitment to the war" or "to forcing the regime to talk")."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in {"with", "against", "on", "between", "to"}
        and (
            someone is None
            or any(g.dep_ == "pobj" and is_someone(antecedent(g), someone) for g in c.children)
        )
        for c in tok.children
    )


WILL_AUX = {"will", "would", "'ll", "wo", "shall"}


def _warning_is_threat(tok: Token, lexicon: Lexicon) -> bool:
    """ "warned Israel", "warned that it would retaliate", "warned of a military response",
    "warned against an assault": a threat. "warned of unprecedented suffering", "warned that
    Somalia faced famine", "warned the talks would be difficult": a forecast, no act against
    anyone. Verbs other than ``warning_verbs`` always pass."""
    if tok.lemma_.lower() not in lexicon.word_set("warning_verbs"):
        return True
    consequences = lexicon.word_set("warning_consequences")
    states = lexicon.word_set("forecast_verbs")
    for c in tok.children:
        if c.dep_ in {"dobj", "dative"} or (c.dep_ == "prep" and c.lower_ == "against"):
            return True  # whom it warns, or what it warns against
        if _conditional(c):
            return True
        grand = list(c.children)
        if c.dep_ == "prep" and c.lower_ in {"of", "about"}:
            if any(g.dep_ == "pobj" and g.lemma_.lower() in consequences for g in grand):
                return True  # "warned of retaliation"
        elif c.dep_ in {"ccomp", "xcomp"}:
            will = any(g.dep_ == "aux" and g.lower_ in WILL_AUX for g in grand)
            acts = any(g.dep_ in {"xcomp", "ccomp"} and g.pos_ == "VERB" for g in grand)
            if any(_conditional(g) for g in grand) or (
                will and (c.lemma_.lower() not in states or acts)
            ):
                return True  # "would retaliate", "the alternative would be to release them"
    return False


def _conditional(tok: Token) -> bool:
    return tok.dep_ == "advcl" and any(
        g.dep_ == "mark" and g.lower_ in {"if", "unless"} for g in tok.children
    )


def _speech_without_act(entry: TriggerEntry, tok: Token, lexicon: Lexicon) -> bool:
    """A verb of a verbal act used for mere information: a forecast "warning" (see
    :func:`_warning_is_threat`), "declined to comment", "refused to confirm whether ..."
    (keeping information back rejects nobody's demand, unlike "refused to withdraw"), a name
    given ("called it a disgrace"), a question
    asked ("asked whether the border was open": no demand)."""
    if entry.event == "THREATEN":
        return not _warning_is_threat(tok, lexicon)
    if entry.event == "CONSULT" and tok.lemma_.lower() in lexicon.word_set("naming_verbs"):
        # "called it the worst moment", "call them 'the Daeshis'": naming, not a phone call
        return any(c.dep_ in {"oprd", "xcomp", "ccomp", "attr"} for c in tok.children)
    if entry.event == "AGREE" and tok.lemma_.lower() in lexicon.word_set("assent_verbs"):
        # "agreed the regime had a pattern of abuse", "accepted that Assad has survived": a view
        # shared or a fact acknowledged ("agreed that talks would resume" is a commitment)
        return any(
            c.dep_ == "ccomp"
            and not any(g.dep_ == "aux" and g.lower_ in WILL_AUX | {"to"} for g in c.children)
            for c in tok.children
        ) and not any(c.dep_ in {"xcomp", "dobj"} for c in tok.children)
    if entry.event == "REQUEST" and tok.lemma_.lower() in lexicon.word_set("attempt_verbs"):
        if any(c.dep_ == "xcomp" for c in tok.children):
            return True  # "sought to unseat": an aim
        # "relatives are seeking 700 missing women", "police sought the suspect": a search
        return tok.lemma_.lower() in lexicon.word_set("seeking_verbs") and any(
            c.dep_ == "dobj" and is_someone(c, lexicon) and c.pos_ != "PROPN" for c in tok.children
        )
    if entry.event == "REQUEST" and any(
        c.dep_ == "xcomp" and is_be(c) and not _passive(c) for c in tok.children
    ):
        return True  # "asked me not to be disappointed": a feeling asked for, no act
    if entry.event == "REQUEST" and tok.lemma_.lower() in lexicon.word_set("push_words"):
        return _presses_for_nothing(tok, lexicon)
    if entry.event == "REQUEST" and tok.lemma_.lower() in lexicon.word_set("pressing_verbs"):
        # "pressing ahead with a final assault", "guns were pressed against their heads": a
        # movement or going on, no demand ("pressed Turkey to extradite him" asks)
        moves = lexicon.word_set("movement_words")
        return any(c.dep_ in {"prep", "prt", "advmod"} and c.lower_ in moves for c in tok.children)
    if entry.event == "REQUEST" and tok.lemma_.lower() in lexicon.word_set("requiring_verbs"):
        # "the court required him to pay" asks; "they require support" needs, and "the deal
        # requires Iran to cut its stocks", "successes require Assad to stay" ask nobody
        subject = subject_of(tok)
        if subject is None or not is_someone(antecedent(subject), lexicon):
            return True
        asked = [c for c in tok.children if c.dep_ == "dobj"]
        asked += [g for c in tok.children if c.dep_ == "ccomp"
                  for g in c.children if g.dep_ in {"nsubj", "nsubjpass", "mark"}]  # fmt: skip
        return not any(is_someone(a, lexicon) or a.lower_ == "that" for a in asked)
    if entry.event == "REQUEST" and tok.lemma_.lower() in lexicon.word_set("question_verbs"):
        # "began asking questions", "asked what you think of X", "asked if the envoy had left"
        return any(
            (c.dep_ == "dobj" and c.lemma_.lower() in lexicon.word_set("question_nouns"))
            or (c.dep_ == "ccomp" and _indirect_question(c))
            for c in tok.children
        )
    if denies_claim(tok, lexicon):
        return True  # "denied that it had shelled the town", "denies any link to X"
    if entry.event == "REJECT":
        words = lexicon.word_set("withheld_speech")
        return any(c.dep_ == "xcomp" and c.lemma_.lower() in words for c in tok.children)
    return False


def _presses_for_nothing(tok: Token, lexicon: Lexicon) -> bool:
    """A push that moves things ("pushed the militants from the town", "pushed them back") or
    asks for nothing: pressing is a demand when it is for something, for someone to act, on
    someone or for a proposal ("pushed for talks", "a push for a ceasefire", "pushed Ghana to
    reopen the border", "pushed Togo hard", "pushed the resolution"), not "a final ground push",
    "pushed through a deal"."""
    moves = lexicon.word_set("movement_words")
    if any(c.dep_ in {"prep", "prt", "advmod"} and c.lower_ in moves for c in tok.children):
        return True
    proposals = lexicon.word_set("pressed_nouns")
    asks = any(
        (c.dep_ == "prep" and c.lower_ == "for")
        or c.dep_ == "xcomp"
        or (c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in proposals)
        or (c.dep_ == "dobj" and is_someone(c, lexicon))
        for c in tok.children
    )
    return not (asks or _clause_mark(tok, frozenset({"for"})))


def denies_claim(tok: Token, lexicon: Lexicon) -> bool:
    """ "denied that its soldiers had shelled the town", "denies any link to the militants",
    "denied the charges", "denied taking part in the raid", "he denies this": a claim denied, no
    refusal of anyone's demand and nothing withheld ("denied them entry", "denied a request"
    stay acts)."""
    if tok.lemma_.lower() not in lexicon.word_set("denial_verbs"):
        return False
    if any(c.dep_ == "dative" for c in tok.children):
        return False
    claims = lexicon.word_set("claim_nouns")
    objects = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}]
    # a deed denied ("denied taking part", "denies being a member"), or a claim named by a
    # demonstrative ("denies this")
    deeds = any(c.dep_ in {"xcomp", "dobj", "pcomp"} and c.tag_ == "VBG" for c in tok.children)
    said = any(o.lower_ in {"this", "that", "it", "these", "those"} for o in objects)
    return (
        deeds
        or said
        or any(c.dep_ == "ccomp" for c in tok.children)
        or any(o.lemma_.lower() in claims or o.lower_ in claims for o in objects)
    )


def _indirect_question(clause: Token) -> bool:
    """ "what you think", "if the border was open", "whether it had left": a question clause."""
    return any(
        (c.dep_ == "mark" and c.lower_ in {"if", "whether"}) or c.tag_ in {"WP", "WRB", "WDT"}
        for c in clause.children
    )


def _military_strike(noun: Token, lexicon: Lexicon) -> bool:
    """ "air strikes", "a drone strike", "strikes on Tehran's forces": the strike is an attack
    (a walkout has no target of its own and no weapon)."""
    if noun.lemma_.lower() not in lexicon.word_set("strike_words"):
        return False
    words = lexicon.word_set("military_strike_words")
    aimed = list(noun.children)
    if noun.dep_ == "dobj":
        aimed += list(noun.head.children)  # "carried out strikes on X"
    return any(c.dep_ in {"compound", "amod"} and c.lower_ in words for c in noun.children) or any(
        c.dep_ == "prep" and c.lower_ in {"on", "against"} and not _of_time(c) for c in aimed
    )


def lexicon_assault_noun(lexicon: Lexicon) -> TriggerEntry | None:
    """The lexicon's entry for an attack noun ("airstrike"), for a strike that is one."""
    for entry in lexicon.by_noun.get("airstrike", []):
        if entry.event == "ASSAULT":
            return entry
    return None


def _passive(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children) or verb.tag_ == "VBN"


def _blamed_for(noun: Token, verb: Token) -> bool:
    """ "came under fire for his decision", "faced attacks over his remarks": what one is on
    the receiving end of for a reason is criticism (an attack by arms has no reason phrase)."""
    return noun.lemma_.lower() in shipped_words("criticism_nouns") and any(
        c.dep_ == "prep" and c.lower_ in {"for", "over"} for c in (*verb.children, *noun.children)
    )


def _on_trial(verb: Token, lexicon: Lexicon) -> bool:
    """Whether ``verb`` is the second part of a compound that makes it a trial ("test-fired",
    "test-launched": spaCy splits the hyphen off, "test" hangs from the verb)."""
    if verb.i < 2:
        return False
    doc = verb.doc
    hyphen, first = doc[verb.i - 1], doc[verb.i - 2]
    return (
        hyphen.text == "-"
        and not hyphen.whitespace_
        and not first.whitespace_
        and first.lower_ in lexicon.word_set("trial_words")
    )


def _weapons_test(lexicon: Lexicon) -> TriggerEntry:
    """The lexicon's entry for testing a weapon (a MOBILIZE of weapons)."""
    key = ("entry", WEAPONS_TEST_ID)
    found = lexicon._memo.get(key)
    if found is None:
        found = next(e for e in lexicon.entries if e.id == WEAPONS_TEST_ID)
        lexicon._memo[key] = found
    return found


# A sentence inside a direct quotation speaks for the quotation's speaker, though no verb of saying
# governs it ("A resident said: 'This is barbaric.'", "'The world must act,' she said. 'Each
# country must take its citizens back.'"): its main clause is the speaker's words, coded as a
# reported clause is (coder.extract_events keeps these only in quoted sentences and names the
# speaker with dateline.quotes.quoted_speakers).
#: A quoted "must" or "should" said of someone else: the speaker's REQUEST of the clause's subject.
QUOTED_REQUEST = TriggerEntry(id="rule:quoted-request", event="REQUEST")
#: A quoted condemnation or judgement of someone: the speaker's ACCUSE of what it judges.
QUOTED_JUDGEMENT = TriggerEntry(id="rule:quoted-judgement", event="ACCUSE", mode="disapprove")
QUOTED_ALLEGATION = replace(QUOTED_JUDGEMENT, id="rule:quoted-allegation", mode="allege")
QUOTED_IDS = frozenset({QUOTED_REQUEST.id, QUOTED_JUDGEMENT.id, QUOTED_ALLEGATION.id})
#: Subjects whose obligation is the speaker's own plan or duty, not a demand on anyone.
OWN_SUBJECTS = frozenset({"i", "we"})


def quoted_verdicts(sent, lexicon: Lexicon) -> list[Candidate]:
    """Demands and judgements in the main clause of a sentence that no verb of saying governs
    (for a quoted sentence: what the speaker demands or condemns). A clause with "must",
    "should" or "ought" of anyone but the speaker's own side ("Each country must take its
    citizens back", "The world should hold them to account") is a REQUEST; a condemnation
    ("This is barbaric", "We find these atrocities inexcusable") or a judgement of someone
    ("They are terrorists", "The regime is responsible for the attack") an ACCUSE."""
    root = sent.root
    out: list[Candidate] = []
    for verb in (root, *(c for c in root.children if c.dep_ == "conj")):
        if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() in lexicon.word_set(
            "speech_verbs"
        ):
            continue
        entry = _quoted_demand(verb, lexicon) or _pleaded(verb) or _quoted_judgement(verb, lexicon)
        if entry is not None:
            out.append(Candidate(verb, entry, entry.event, entry.mode))
    return out


def conjoined_demands(sent, lexicon: Lexicon) -> list[Candidate]:
    """A demand conjoined to a verb of saying or to its reported clause, as the parser often hangs
    it ("A spokesman said they would not free the detainees but countries must take them back"):
    the speaker's
    REQUEST of the clause's subject, as if it were the reported clause (speaker: the saying
    verb's subject)."""
    speech = lexicon.word_set("speech_verbs")
    out: list[Candidate] = []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in speech:
            continue
        speaker = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if speaker is None:
            continue  # "belying claims that ...": nobody says it
        clauses = [c for c in tok.children if c.dep_ == "ccomp"]
        for verb in (*tok.children, *(g for c in clauses for g in c.children)):
            if verb.dep_ != "conj" or verb.pos_ not in {"VERB", "AUX"}:
                continue
            if not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
                continue  # "said X and must now decide": the speaker's own clause
            if _quoted_demand(verb, lexicon) is not None:
                out.append(Candidate(verb, QUOTED_REQUEST, "REQUEST", None, speaker=speaker))
    return out


def _pleaded(verb: Token) -> TriggerEntry | None:
    """A plea in the imperative ("Please stay away", "Don't let them take the town"): a verb in
    its base form that opens its clause with no subject, with "please" or a negated "do"; not
    "be" ("Do not be afraid": no act asked)."""
    if (
        verb.tag_ != "VB"
        or is_be(verb)
        or any(
            c.dep_ in {"nsubj", "nsubjpass"} or (c.dep_ == "aux" and c.lower_ != "do")
            for c in verb.children
        )
    ):
        return None
    pleading = any(c.lower_ == "please" for c in verb.children) or (
        any(c.dep_ == "neg" for c in verb.children)
        and any(c.dep_ == "aux" and c.lower_ == "do" for c in verb.children)
    )
    return QUOTED_REQUEST if pleading else None


def said_please(verb: Token, lexicon: Lexicon) -> bool:
    """An imperative plea with "please" (``plea_words``: "Please stay away from the militants",
    "please surrender"): a request of whoever it addresses, whether or not the sentence names
    the speaker or the addressee (the training gold codes such pleas, with both from the
    story)."""
    words = lexicon.word_set("plea_words")
    return _pleaded(verb) is not None and any(c.lower_ in words for c in verb.children)


#: An imperative plea with "please" outside a quotation whose speaker is known: coded with the
#: verb's own arguments ("the envoy said: 'Please let them back'": the envoy asks).
PLEA_ENTRY = TriggerEntry(id="rule:please-plea", event="REQUEST")


def please_pleas(sent, lexicon: Lexicon) -> list[Candidate]:
    """The imperative pleas with "please" of a sentence no speaker is known for."""
    return [
        Candidate(tok, PLEA_ENTRY, "REQUEST", None)
        for tok in sent
        if tok.pos_ == "VERB" and said_please(tok, lexicon)
    ]


def _quoted_demand(verb: Token, lexicon: Lexicon) -> TriggerEntry | None:
    """ "Each country must take its citizens back", "The coalition should stop the strikes",
    "They need to hand them over", "Turkey has a responsibility to protect them": an obligation
    on an act (not a state, "should be relieved"), said of someone other
    than the speaker's own side ("we must act" is a resolve, not a demand)."""
    from dateline.events.modality import needs_to, owes_duty, time_to_act

    if time_to_act(verb):
        return QUOTED_REQUEST  # "It is time for Kenya to withdraw its troops."
    modals = lexicon.word_set("request_modals")
    if not (
        any(c.dep_ == "aux" and c.lower_ in modals for c in verb.children)
        or (needs_to(verb) and not _thing_subject(verb))  # "it has to start": no one asked
        or owes_duty(verb, lexicon)
    ):
        return None
    if is_be(verb):
        return None
    subject = subject_of(verb)
    if subject is None or subject.lower_ in OWN_SUBJECTS:
        return None
    return QUOTED_REQUEST


def _thing_subject(verb: Token) -> bool:
    subject = subject_of(verb)
    return subject is not None and subject.lower_ in {"it", "this", "that", "there"}


def _quoted_judgement(verb: Token, lexicon: Lexicon) -> TriggerEntry | None:
    """ "This is barbaric", "We find these atrocities inexcusable", "They are terrorists",
    "The regime is responsible for this massacre": the speaker's ACCUSE (not denied)."""
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    if _mistake_of(verb, lexicon):
        return QUOTED_JUDGEMENT  # "'They are making a grave mistake'"
    lemma = verb.lemma_.lower()
    if not is_be(verb) and lemma not in lexicon.word_set("judgement_verbs") and lemma != "find":
        return None
    verdicts = [c for c in verb.children if c.dep_ in {"attr", "acomp", "oprd"}]
    verdicts += _verdict_phrases(verb)
    if lemma == "find":  # "we find these atrocities inexcusable": a small clause
        verdicts += [g for c in verb.children if c.dep_ in {"ccomp", "xcomp"}
                     for g in (c, *c.children) if g.dep_ in {"acomp", "ccomp", "xcomp", "attr"}]  # fmt: skip
    if _condemned(verdicts, lexicon):
        return QUOTED_JUDGEMENT
    judged = [c for c in verb.children if c.dep_ == "nsubj"]
    if lemma == "find" or not any(is_someone(antecedent(j), lexicon) for j in judged):
        return None
    if any(_blamed(v, lexicon) for v in verdicts):
        return QUOTED_ALLEGATION
    if any(_judging(v, lexicon) for v in verdicts):
        return QUOTED_JUDGEMENT
    return None

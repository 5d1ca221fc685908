"""Modality: negated, planned, hypothetical, reported and historical events told apart from facts."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from spacy.tokens import Token

from dateline.events.candidate import Candidate
from dateline.events.lexicon import Lexicon, TriggerEntry, shipped_words
from dateline.events.syntax import antecedent, is_be, is_someone, np_actors, subject_of

if TYPE_CHECKING:
    from dateline.actors.index import ActorIndex
    from dateline.model import Actor, Article

# An act dated this long before the article's date is background history ("in 2011", "last
# year"): asserted, and marked historical (the coding guide's "more than about a month").
BACKGROUND_GAP = dt.timedelta(days=31)
MODAL_REQUEST = TriggerEntry(id="rule:modal-request", event="REQUEST", mode=None)
# Hostile acts that a condition turns into threats ("will withdraw ... unless", "may halt ... if").
HOSTILE_CONDITIONAL = {"SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "PROTEST"}


def chain(cand: Candidate, lexicon: Lexicon | None = None) -> list[Token]:
    """The trigger and the verbs it hangs from as a complement ("expected to visit", "agreed to",
    "wanted to see them attack"), from the verb whose result a noun names ("could lead to
    fighting"); with ``lexicon``, also the verb of a journey whose purpose the trigger noun names
    ("will travel to Paris for talks": the talks take the journey's time). The verbs of a
    result and of seeing are the shipped lexicon's ``result_verbs`` and ``seeing_verbs``."""
    shipped = Lexicon.load()
    start = cand.support if cand.nominal and cand.support is not None else cand.token
    if cand.nominal and cand.support is None and cand.token.head.pos_ in {"VERB", "AUX"}:
        start = cand.token.head
    if lexicon is not None and cand.nominal and cand.support is None:
        prep = cand.token.head
        if (
            cand.token.dep_ == "pobj"
            and prep.lower_ == "for"
            and prep.head.pos_ == "VERB"
            and prep.head.lemma_.lower() in lexicon.word_set("journey_verbs")
        ):
            start = prep.head
        elif _willed_through(cand, lexicon):
            start = prep.head  # "ready to go into negotiations", "will depend on talks"
    if (
        cand.nominal
        and cand.support is None
        and cand.token.dep_ == "pobj"
        and cand.token.head.lower_ in {"to", "in"}
        and cand.token.head.head.lemma_.lower() in shipped.word_set("result_verbs")
    ):
        start = cand.token.head.head  # "could lead to renewed fighting": the result's modality
    nodes = [cand.token] if start != cand.token else []
    node = start
    for _ in range(6):
        nodes.append(node)
        if node.dep_ in {"xcomp", "acomp"} or (
            node.dep_ == "conj" and node.head.pos_ in {"VERB", "AUX"}
        ):
            node = node.head
        elif (
            node.dep_ == "ccomp"
            and node.head.tag_ == "VB"
            and node.head.lemma_.lower() in shipped.word_set("seeing_verbs")
        ):
            node = node.head  # "wanted to see them attack", "could see them executed"
        elif node.dep_ == "pcomp" and node.head.head.pos_ in {"VERB", "ADJ", "AUX"}:
            node = node.head.head
        elif _result_gerund(node, shipped):
            node = node.head  # "could lead to the president reaching a deal": a result
        else:
            break
    return nodes


def _result_gerund(node: Token, shipped: Lexicon) -> bool:
    """A gerund clause after a verb of result's "to" or "in", which the
    parser hangs on the verb as an adverbial clause ("could lead to the president reaching a
    deal", "may result in the army withdrawing"): the act is the result, with the result verb's
    modality, as an act noun there is (round 23, precision23)."""
    head = node.head
    return (
        node.dep_ == "advcl"
        and node.tag_ == "VBG"
        and head.lemma_.lower() in shipped.word_set("result_verbs")
        and any(
            c.dep_ == "prep" and c.lower_ in {"to", "in"} and c.i < node.i for c in head.children
        )
    )


#: Prepositions of time or circumstance: a cooperative act named after them is when or despite
#: what the verb's act happens, not what the verb wants or plans ("will fly home after the talks").
_SETTING_PREPOSITIONS = frozenset(
    {"after", "before", "since", "during", "until", "till", "following", "amid", "despite",
     "ahead", "without", "at", "from", "of", "by", "with", "about", "over"}
)  # fmt: skip


def _willed_through(cand: Candidate, lexicon: Lexicon) -> bool:
    """A cooperative act named by a noun that is the object of a preposition hanging on a verb or
    an adjective ("we are ready to go into negotiations", "what happens next will depend on
    negotiations", "wants to enter into a deal"): the act takes that verb's modality, as the
    object of a verb does ("wants a deal"). Prepositions of time and setting ("will fly home
    after the talks") and of topic ("talked about the deal") keep the act's own (round 23,
    coop23)."""
    tok = cand.token
    if not cand.nominal or cand.support is not None or tok.dep_ != "pobj":
        return False
    if cand.event not in set(lexicon.lists.get("cooperative", ())):
        return False
    prep = tok.head
    return (
        prep.dep_ == "prep"
        and prep.lower_ not in _SETTING_PREPOSITIONS
        and prep.head.pos_ in {"VERB", "ADJ"}
    )


def _asking_attempted(cand: Candidate, node, below, lexicon: Lexicon) -> bool:
    """ "sought to convince Togo of the plan's merits", "sought to persuade Benin to join": one
    who seeks to win someone over asks it of them then, as "tried to persuade" does (a request
    is made in the trying); sought acts of other kinds stay aims ("sought to unseat him")."""
    return (
        cand.event == "REQUEST"
        and not cand.nominal
        and below is not None
        and below.i == cand.token.i
        and cand.token.dep_ == "xcomp"
        and node.lemma_.lower() in lexicon.word_set("seeking_verbs")
    )


def classify(
    cand: Candidate, lexicon: Lexicon, actors: ActorIndex
) -> tuple[str, bool, tuple | None]:
    """(modality, negated, reporter) for a candidate: reporter is (Actor, Token) or None."""
    negation = lexicon.word_set("negation_words")
    future_aux = lexicon.word_set("future_auxiliaries")
    future_verbs = lexicon.word_set("future_verbs")
    future_adj = lexicon.word_set("future_adjectives")
    hypo_aux = lexicon.word_set("hypothetical_auxiliaries")
    conditionals = lexicon.word_set("conditional_markers")
    nodes = chain(cand, lexicon)
    negated = False
    modality = "asserted"
    for i, node in enumerate(nodes):
        if i and _own_clause(nodes[i - 1]):
            break  # "did not comment, but has condemned": the conjunct has its own tense
        for c in node.children:
            if c.dep_ == "neg" or (
                c.dep_ in {"det", "advmod"} and c.lower_ in {"no", "never", "neither"}
            ):
                negated = True
            if c.dep_ in {"nsubj", "nsubjpass"} and any(
                (g.dep_ == "det" and g.lower_ in {"neither", "no"})
                or g.lower_ in {"neither", "nor"}
                for g in c.subtree
            ):
                negated = (
                    True  # "Neither side mentioned ...", "Neither Iran nor Turkey will accept ..."
                )
            if c.dep_ == "aux" and c.lower_ in future_aux:
                modality = "future"
            elif c.dep_ == "aux" and c.lower_ in hypo_aux and modality == "asserted":
                modality = "hypothetical"
            if c.dep_ == "advcl" and any(
                g.dep_ == "mark" and g.lower_ in conditionals for g in c.children
            ):
                modality = "hypothetical" if modality == "asserted" else modality
        if (
            node != cand.token
            and node.pos_ in {"VERB", "AUX"}
            and node.lemma_.lower() in future_verbs
            and not _asking_attempted(cand, node, nodes[i - 1] if i else None, lexicon)
            and not _purpose_told(cand, node, lexicon)
        ):
            modality = "future"
        if node != cand.token and node.lemma_.lower() in future_adj:
            modality = "future"
        if (
            node != cand.token
            and node.lemma_.lower() == "go"
            and any(c.lower_ == "to" for c in node.children)
        ):
            modality = "future"
        if i and _going_to(node, nodes[i - 1]):
            modality = "future"  # "we're going to withdraw": "to" hangs on the act, not "going"
    top = nodes[-1]
    if (
        modality == "asserted"
        and top.dep_ == "ccomp"
        and top.head.pos_ in {"VERB", "AUX"}
        and top.head.lemma_.lower() in future_verbs
    ):
        modality = "future"  # "Canada wants Britain to strike", "hopes that talks resume"
    if cand.nominal and any(
        c.dep_ == "det" and c.lower_ in {"no", "neither"} for c in cand.token.children
    ):
        negated = True
    if cand.token.lower_ in negation:
        negated = True
    if modality == "asserted":
        modality = _supposed(cand, lexicon) or modality
    kept_from = _kept_from(cand, lexicon)
    if kept_from == "negated":
        negated = True  # "the US presence prevents Turkey from invading"
    elif kept_from and modality == "asserted":
        modality = kept_from  # "weeks away from capturing the town"
    if modality == "asserted" and cand.nominal and _scheduled(cand.head, lexicon):
        modality = "future"  # "a summit to be held on Friday", "talks are due to resume"
    if modality == "asserted" and _names_a_plan(cand, lexicon):
        modality = "future"  # "Chad intends to ...", "forces are preparing an offensive"
    if modality == "asserted":
        act = None if cand.nominal else cand.token
        modality = _time_clause_modality(nodes[-1], lexicon, act) or modality
    if modality == "asserted" and not cand.nominal and _asked(nodes, lexicon):
        modality = "hypothetical"  # "evidence about who carried out the attack": a question
    preventive = lexicon.word_set("preventive_verbs")
    frame = cand.head
    governor = frame.head.head if frame.dep_ == "pobj" else frame.head
    particles = {
        str(k): str(v) for k, v in (lexicon.lists.get("preventive_particles") or {}).items()
    }
    held_off = particles.get(governor.lemma_.lower()) in {
        c.lower_ for c in governor.children if c.dep_ in {"prt", "advmod"}
    }
    if cand.nominal and governor != frame and (governor.lemma_.lower() in preventive or held_off):
        negated = True  # "held off from a full-scale attack", "averted a strike"
    return modality, negated, _reporter(nodes[-1], lexicon, actors)


def _form_of_be(tok: Token) -> bool:
    """ "is", "were", and the contractions "'re", "'s", "'m" with either apostrophe."""
    return tok.lemma_.lower() == "be" or tok.lower_.replace("\u2019", "'") in {"'re", "'s", "'m"}


def _going_to(node: Token, act: Token) -> bool:
    """ "is going to attack", "we're going to withdraw", "were going to leave": "going" with a
    form of "be" over an infinitive (the parser hangs "to" on the infinitive, its xcomp), a plan
    told, not an act done ("went to attack" is a purpose: no "be")."""
    return (
        node.lemma_.lower() == "go"
        and node.tag_ == "VBG"
        and any(c.dep_ == "aux" and _form_of_be(c) for c in node.children)
        and act.dep_ == "xcomp"
        and act.head.i == node.i
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in act.children)
    )


# A time clause takes the modality of the clause it is attached to: "thousands may die as forces
# storm the town", "they expect hard days until the city is retaken".
TIME_MARKS = {"as", "when", "once", "until", "till", "while", "before", "after"}


def _time_clause_modality(top: Token, lexicon: Lexicon, act: Token | None = None) -> str | None:
    """The modality a time clause ``top`` takes from the clause it hangs on; none where the
    trigger verb ``act`` is the clause's own verb in the simple past with its own subject ("the
    activist wanted to record every abuse as the army cracked down on the protests": the
    crackdown is told as done, whatever the main clause wants)."""
    head = _when_relative_head(top)
    if head is None and (
        top.dep_ != "advcl"
        or not any(c.dep_ in {"mark", "advmod"} and c.lower_ in TIME_MARKS for c in top.children)
    ):  # the parser makes "when" an adverb of its clause, "once" and "until" its markers
        return None
    if (
        act is not None
        and act.i == top.i
        and top.tag_ == "VBD"
        and any(c.dep_ == "nsubj" for c in top.children)
    ):
        return None
    head = head if head is not None else top.head
    auxes = {c.lower_ for c in head.children if c.dep_ == "aux"}
    if auxes & lexicon.word_set("future_auxiliaries") or (
        head.lemma_.lower() in lexicon.word_set("future_verbs")
    ):
        if top.tag_ == "VBD" and not any(c.dep_ in {"aux", "auxpass"} for c in top.children):
            # "will arrive in Geneva after Russia brokered a deal": the simple past under a
            # future was done (under "would" it is backshifted: "would abandon them once the
            # war came to an end")
            return None
        return "future"
    if auxes & lexicon.word_set("hypothetical_auxiliaries"):
        return "hypothetical"
    return None


def _when_relative_head(top: Token) -> Token | None:
    """The verb a "when" clause on a time noun tells the time of ("will be highlighted on
    Friday when Iran hosts a summit", "will meet next week, when the talks open"): the parser
    hangs the clause on the noun as a relative clause; it is a time clause of that verb, with
    its modality (round 23, coop23). None where ``top`` is no such clause."""
    if top.dep_ != "relcl" or not any(
        c.dep_ == "advmod" and c.lower_ == "when" for c in top.children
    ):
        return None
    noun = top.head
    if noun.ent_type_ not in {"DATE", "TIME"}:
        return None
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        verb = noun.head.head
    elif noun.dep_ in {"npadvmod", "tmod"}:
        verb = noun.head
    else:
        return None
    return verb if verb.pos_ in {"VERB", "AUX"} else None


# Words that open an indirect question ("who carried out the attack", "whether they had left");
# after a verb of speech only "whether" and "if" ask ("told how the militia stormed the village"
# reports the storming). "why" presupposes its act ("why are we bombed?") and is left out.
QUESTION_WORDS = {"who", "whom", "what", "which", "how", "whether", "if"}
ASKING_WORDS = {"whether", "if"}


def _asked(nodes: list[Token], lexicon: Lexicon) -> bool:
    """The act is what an indirect question asks about: "gathering evidence about who carried
    out the attack", "we don't know what he is charged with", "view how the US withdraws from
    conflicts". Nobody says it happened (that an attack happened is said where the attack is)."""
    speech = lexicon.word_set("speech_verbs")
    for node in nodes:
        if node.dep_ not in {"ccomp", "pcomp", "csubj"}:
            continue
        words = list(node.children) + [
            g for c in node.children if c.dep_ in {"prep", "dobj"} for g in c.children
        ]
        asks = ASKING_WORDS if node.head.lemma_.lower() in speech else QUESTION_WORDS
        return any(
            w.lower_ in asks and (w.tag_ in {"WP", "WRB"} or (w.dep_ == "mark")) for w in words
        )
    return False


def _own_clause(node: Token) -> bool:
    """A conjoined verb with its own auxiliary or subject, whose head's words are not its own."""
    return node.dep_ == "conj" and any(
        c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass"} for c in node.children
    )


def _supposed(cand: Candidate, lexicon: Lexicon) -> str | None:
    """An event noun that is planned or supposed: "a possible strike", "the planned withdrawal",
    "a decision on airstrikes", "the decision to pull out", "the risk of a war"."""
    tok = cand.token
    for c in tok.children:
        if c.dep_ in {"amod", "compound"} and c.lower_ in lexicon.word_set(
            "hypothetical_modifiers"
        ):
            return "hypothetical"
        if c.dep_ in {"amod", "compound"} and c.lower_ in lexicon.word_set("future_modifiers"):
            return "future"
    noun = None
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        noun = tok.head.head
    elif tok.dep_ == "acl" and tok.pos_ == "VERB":
        noun = tok.head
    elif tok.dep_ == "relcl" and infinitive:
        noun = tok.head  # "a tool with which to press Russia"
    if noun is None or noun.pos_ != "NOUN" or noun == cand.support:
        return None
    if infinitive and noun.lemma_.lower() in lexicon.word_set("purpose_holders"):
        return "hypothetical"  # "a way to press the EU", "an opportunity to strike": a purpose
    if noun.lemma_.lower() in lexicon.word_set("hypothetical_nouns"):
        return "hypothetical"
    if noun.lemma_.lower() in lexicon.word_set("plan_nouns"):
        return "future"
    return None


def _kept_from(cand: Candidate, lexicon: Lexicon) -> str | None:
    """A verb's act as the gerund of a preposition that keeps it from happening: "prevents
    Turkey from invading" (a ``preventive_verbs`` verb's "from": negated), "is weeks away from
    capturing the town" (future). "Arrested after fighting the army" stays told."""
    tok = cand.token
    if cand.nominal or tok.dep_ != "pcomp":
        return None
    prep, head = tok.head, tok.head.head
    word = head.lemma_.lower()
    if prep.lower_ == "from" and word in lexicon.word_set("preventive_verbs"):
        return "negated"
    if prep.lower_ == "from" and head.lower_ == "away":
        return "future"
    return None


def feared(cand: Candidate, lexicon: Lexicon) -> bool:
    """A verb's act as the gerund a fear or a risk is "of" ("afraid of being attacked", "more
    scared of prisons than of getting bombed", "the risk of being killed"): feared, not done,
    and no threat by anyone (the coder drops it). "Accused of killing" stays told. The words of
    fear are the lexicon's ``fear_adjectives`` and ``hypothetical_nouns``."""
    tok = cand.token
    if cand.nominal or tok.dep_ != "pcomp" or tok.head.lower_ not in {"of", "than"}:
        return False
    word = tok.head.head.lemma_.lower()
    return word in lexicon.word_set("fear_adjectives") or word in lexicon.word_set(
        "hypothetical_nouns"
    )


def _purpose_told(cand: Candidate, verb: Token, lexicon: Lexicon) -> bool:
    """A verb of purpose in the passive whose subject, or whose participle's noun, is the event
    noun ("airstrikes on the regime were intended to provide reassurance", "a phone call aimed
    at convincing the president"): what the act was for, not a plan of it."""
    if not cand.nominal or verb.tag_ != "VBN":
        return False
    if verb.lemma_.lower() not in lexicon.word_set("purpose_verbs"):
        return False
    noun = cand.head
    return (noun.head.i == verb.i and noun.dep_ == "nsubjpass") or (
        verb.dep_ == "acl" and verb.head.i == noun.i
    )


def _scheduled(noun: Token, lexicon: Lexicon) -> bool:
    """An event noun that is scheduled, not held: the subject of an infinitive or a forecast of
    its taking place ("a summit to be held on Friday", "talks are due to resume", "the talks
    are expected to begin", "talks are scheduled for May"), one a participle plans ("talks
    planned for next month"), or what something happens ahead of ("spoke ahead of a meeting").
    What a forecast says of its effects ("the decision is likely to anger Ankara") is no plan."""
    forecast = lexicon.word_set("forecast_words") | lexicon.word_set("future_adjectives")
    plans = lexicon.word_set("future_verbs")
    occurs = lexicon.word_set("occurrence_verbs")
    if (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "of"
        and noun.head.head.lemma_.lower() in lexicon.word_set("span_nouns")
    ):
        noun = noun.head.head  # "a sixth round of talks is due to resume": scheduled with it
    if noun.dep_ == "pobj" and noun.head.head.lower_ == "ahead":
        return True
    purposes = lexicon.word_set("purpose_verbs")
    if any(
        c.dep_ == "acl"
        and c.tag_ == "VBN"
        and c.lemma_.lower() in plans
        and c.lemma_.lower() not in purposes  # "a call aimed at convincing him": held
        for c in noun.children
    ):
        return True
    if noun.dep_ not in {"nsubj", "nsubjpass"}:
        return False

    def taking_place(verb: Token) -> bool:
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        return verb.lemma_.lower() in occurs or (
            passive and verb.lemma_.lower() in lexicon.word_set("convening_passives")
        )

    pred = noun.head
    will = lexicon.word_set("future_auxiliaries") | {"to"}
    if any(c.dep_ == "aux" and c.lower_ in will for c in pred.children):
        return taking_place(pred)  # "a summit to be held", "talks will begin on Monday"
    heads = [pred] + [c for c in pred.children if c.dep_ in {"acomp", "oprd"}]
    for head in heads:
        if head.lower_ not in forecast and not (
            head.pos_ == "VERB" and head.lemma_.lower() in plans
        ):
            continue
        inner = [c for c in head.children if c.dep_ == "xcomp"]
        if not inner or any(taking_place(c) for c in inner):
            return True
    return False


# Types a plan word can itself report: demands, threats and refusals are acts of speech (and
# "forces are preparing" is a mobilisation).
_PLAN_ACTS = frozenset({"REQUEST", "THREATEN", "REJECT"})


def _names_a_plan(cand: Candidate, lexicon: Lexicon) -> bool:
    """The trigger is itself a plan word no lexicon entry reads as an act ("intends", "poised"):
    the event model proposed the act it plans, which has not happened."""
    tok = cand.token
    if cand.event in _PLAN_ACTS or (
        cand.event == "MOBILIZE" and tok.lemma_.lower() in lexicon.word_set("preparing_verbs")
    ):
        return False
    if cand.nominal or tok.pos_ == "NOUN":  # "Trump's decision to pull out"
        nouns = lexicon.word_set("plan_nouns")
        return tok.lemma_.lower() in nouns and not lexicon.noun_entries(tok)
    words = lexicon.word_set("plan_triggers")
    if tok.lemma_.lower() not in words and tok.lower_ not in words:
        return False
    return not lexicon.verb_entries(tok)


def stated(
    event: str, cand: Candidate, modality: str, negated: bool, reporter: tuple | None,
    lexicon: Lexicon,
) -> tuple[str, bool]:  # fmt: skip
    """(modality, negated) of speech acts whose content has not happened: the act of speech has.

    - A threat is made even when what it threatens is future or conditional: "Iran said it would
      strike if attacked" and "warned of war if ..." are THREATENs that happened, unless the
      threat word itself is hedged ("may warn") or nobody is said to have made it.
    - "Will not allow X" and "did not rule out X", read as threats by the event model, are threats
      that happened, negation included.
    - A refusal is a negated act: "said it would not attend" is a REJECT that happened, not a
      negated one (unless the trigger is itself a refusal word: "did not reject" stays negated).
    """
    conditional = _conditional_marker(chain(cand)) is not None
    own_entry = not cand.entry.id.startswith("model:")
    if event == "REJECT" and cand.event == "REJECT" and negated:
        if not (own_entry and cand.entry.event == "REJECT"):
            negated = False  # the event model read the negated act as the refusal it is
            modality = "asserted" if not conditional else modality
    elif (
        event == "REJECT"
        and cand.event != "REJECT"
        and not conditional
        and (
            modality == "future"
            or (modality == "hypothetical" and _backshifted_will(cand, reporter, lexicon))
        )
    ):
        # "will not accept", "said it would not accept": the refusal is stated now
        modality = "asserted"
    if event == "REJECT" and modality in {"future", "hypothetical"} and _refusal_told(cand):
        modality = "asserted"  # "Russia's refusal to compromise will anger Washington"
    threat_word = own_entry and cand.entry.event == "THREATEN"
    if event == "THREATEN" and cand.event == "THREATEN" and negated and not threat_word:
        negated = False  # "would not allow ...", "did not rule out ...": the negation is the threat
    if event == "THREATEN" and not negated and modality in {"future", "hypothetical"}:
        said = reporter is not None or _speech_verb_over(chain(cand)[-1], lexicon) is not None
        made = not _modal_on(cand.token, lexicon) if threat_word else said
        modality = "asserted" if made else modality
    return modality, negated


def _backshifted_will(cand: Candidate, reporter: tuple | None, lexicon: Lexicon) -> bool:
    """A "would" that reports a "will" ("the minister said Kenya would not accept the ruling":
    the speaker said "Kenya will not accept it"): the modal on the trigger's clause and a verb of
    saying over it, not a "would" of a guess ("Kenya would not accept such a ruling")."""
    nodes = chain(cand)
    would = any(c.dep_ == "aux" and c.lower_ == "would" for n in nodes for c in n.children)
    return would and (reporter is not None or _speech_verb_over(nodes[-1], lexicon) is not None)


def _refusal_told(cand: Candidate) -> bool:
    """A refusal named by a noun with its author, the subject of a modal clause ("Russia's
    refusal to compromise will anger Washington", "the French refusal would breach the
    convention"): the modal says what the refusal does, the refusal is made."""
    if not cand.nominal:
        return False
    noun = cand.head
    return noun.dep_ in {"nsubj", "nsubjpass"} and any(
        (c.dep_ == "poss" and c.pos_ == "PROPN")
        or (
            c.dep_ in {"amod", "compound"}
            and (c.pos_ == "PROPN" or c.ent_type_ in {"NORP", "GPE", "ORG"})
        )
        for c in noun.children
    )


def _modal_on(tok: Token, lexicon: Lexicon) -> bool:
    modals = lexicon.word_set("future_auxiliaries") | lexicon.word_set("hypothetical_auxiliaries")
    return any(c.dep_ == "aux" and c.lower_ in modals for c in tok.children)


def _reporter(top: Token, lexicon: Lexicon, actors: ActorIndex) -> tuple[Actor, Token] | None:
    """Who reports the event: the subject of a speech verb whose complement holds it."""
    speech = lexicon.word_set("speech_verbs")
    node = top
    for _ in range(3):
        if node.dep_ in {"ccomp", "parataxis", "conj"} and node.head.lemma_.lower() in speech:
            subj = subject_of(node.head)
            if subj is not None:
                found = np_actors(subj, actors)
                if found:
                    return found[0]
            return None
        if node.dep_ in {"ccomp", "xcomp"}:
            node = node.head
            continue
        break
    # "..., officials said." with the speech verb as root and the event clause as its ccomp is
    # handled above; "X did Y, according to Z".
    for c in top.children:
        if c.dep_ == "prep" and c.lower_ == "according":
            for g in c.subtree:
                if g.dep_ == "pobj" and actors.at(g.i):
                    return actors.at(g.i), g
    return None


# Types whose promise PLOVER codes as a concession, not as an intent to cooperate (AGREE).
CONCESSIONS = frozenset({"CONCEDE"})


def retype(
    event: str, mode: str | None, modality: str, negated: bool, cand: Candidate, lexicon: Lexicon
):
    """PLOVER's reading of plans, refusals and conditional acts.

    A planned or promised cooperative act is an AGREE (intent to cooperate; the PLOVER manual
    makes a promised withdrawal a CONCEDE, the sentence gold an AGREE: see docs/accuracy.md),
    except a concession, which stays a CONCEDE (the manual: future concessions "do not reduce
    to AGREE"; plover_gsr_dev is unchanged by it: docs/accuracy.md "Round 13: story recall"); a
    planned or conditional hostile act is a THREATEN; "will not accept" and "failed to reach agreement" are
    REJECTs. Everything else keeps its type.
    """
    cooperative = set(lexicon.lists.get("cooperative", ()))
    hostile = set(lexicon.lists.get("hostile", ()))
    failure = lexicon.word_set("failure_verbs")
    nodes = chain(cand)
    failed = any(n != cand.token and n.lemma_.lower() in failure for n in nodes)
    if failed and event in cooperative:
        return "REJECT", None
    if negated:
        forecast = lexicon.word_set("forecast_words")
        denied_forecast = any(
            n != cand.token and (n.lower_ in forecast or n.lemma_.lower() in forecast)
            for n in nodes
        )  # "is not due to visit": no refusal, a visit that is not expected
        if modality in {"future", "hypothetical"} and event in cooperative and not denied_forecast:
            return "REJECT", None
        return event, mode
    conditional = _conditional_marker(nodes)
    if modality in {"future", "hypothetical"}:
        if event in hostile and _nobody_threatens(cand, nodes, lexicon):
            return event, mode  # a guess about the past or a consequence: no threat, not done
        if event in hostile and not conditional and _hedged_guess(nodes, lexicon):
            return event, mode  # "the regime might attack any day": a possibility, no threat
        if event in hostile or (conditional == "unless" and event in cooperative):
            return "THREATEN", None
        scheduled = cand.nominal and _scheduled(cand.head, lexicon)  # nobody's promise
        if modality == "future" and not scheduled and event in CONCESSIONS:
            # a promised concession is one: "will lift the curfew", "plans to ease restrictions"
            # (a promised RETREAT stays an AGREE, as the sentence gold codes it, unless it is an
            # announced withdrawal: coder._announced_withdrawal)
            return "CONCEDE", None
        if (
            event in cooperative
            and event != "AGREE"
            and modality == "future"
            and mode != "resign"
            and not scheduled
        ):
            return "AGREE", None  # (an announced resignation stays a resignation)
    return event, mode


def _nobody_threatens(cand: Candidate, nodes: list[Token], lexicon: Lexicon) -> bool:
    """A hostile act whose modal says nobody's intent: a guess about the past, the modal perfect
    ("as many as 200 may have been killed", "could have been shelled"), or an event noun that is
    the subject of the modal clause, which says what the act would cause or how it would go ("an
    assault on the city would displace thousands", "a final offensive would end within days"),
    whichever of the two the lexicon reads as the act.
    Neither is a THREATEN: nobody is said to promise the act. (A hostile act someone is said to
    plan, "Iran will strike if attacked", "vowed that its troops would take the town", stays
    one.)"""
    modals = lexicon.word_set("hypothetical_auxiliaries") | lexicon.word_set("future_auxiliaries")
    for node in nodes:
        auxes = [c.lower_ for c in node.children if c.dep_ == "aux"]
        if node.tag_ == "VBN" and "have" in auxes and any(a in modals for a in auxes):
            return True
    if not cand.nominal:
        # "an assault on the town would displace thousands": what an act would cause
        return any(c.dep_ == "nsubj" and lexicon.noun_entries(c) for c in cand.token.children)
    if cand.support is not None:
        return False
    noun = cand.head
    verb = noun.head
    return (
        noun.dep_ in {"nsubj", "nsubjpass"}
        and verb.pos_ in {"VERB", "AUX"}
        and any(c.dep_ == "aux" and c.lower_ in modals for c in verb.children)
    )


#: Subjects that speak for the speaker's own side: "we could strike back" is a warning.
_SPEAKERS = frozenset({"i", "we"})


def _hedged_guess(nodes: list[Token], lexicon: Lexicon) -> bool:
    """A hostile act only said to be possible ("the regime might attack any day", "a strike could
    be launched next week", "troops may shell the town"): the PLOVER manual's THREATEN is a warning or
    ultimatum its author makes, and a hedging modal (the lexicon's ``hedging_auxiliaries``) with
    no condition tells someone's guess, not a promise to act. "We could strike back" (the
    speaker's own side), "warned that its army could attack" (a warning: the lexicon's
    ``warning_verbs``) and "will strike if attacked" stay threats."""
    hedges = lexicon.word_set("hedging_auxiliaries")
    top = nodes[-1]
    if top.dep_ == "ccomp" and top.head.lemma_.lower() in lexicon.word_set("warning_verbs"):
        return False
    for node in nodes:
        auxes = [c for c in node.children if c.dep_ == "aux"]
        if not any(a.lower_ in hedges for a in auxes):
            continue
        subjects = [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}]
        return not any(c.lower_ in _SPEAKERS for c in subjects)
    return False


def _conditional_marker(nodes: list[Token]) -> str | None:
    for node in nodes:
        for c in node.children:
            if c.dep_ == "advcl":
                for g in c.children:
                    if g.dep_ == "mark" and g.lower_ in {"if", "unless"}:
                        return g.lower_
    return None


def modal_requests(sent, lexicon: Lexicon) -> list[Candidate]:
    """ "X said Y must leave": a speech verb over a clause with must/should, or with a verb of
    necessity ("said Y needed to leave", "has to release them"), is a REQUEST by X."""
    speech = lexicon.word_set("speech_verbs") | {
        "announce",
        "conclude",
        "reiterate",
        "insist",
        "warn",
    }
    modals = lexicon.word_set("request_modals")
    believing = lexicon.word_set("demand_belief_verbs")
    out = []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in speech | believing:
            continue
        for c in tok.children:
            if c.dep_ != "ccomp":
                continue
            if urged_as_vital(c, lexicon):
                out.append(Candidate(tok, MODAL_REQUEST, "REQUEST", None))
                break  # "said it was vital that Chad release them"
            if tok.lemma_.lower() in believing:
                continue
            if (
                any(a.dep_ == "aux" and a.lower_ in modals for a in c.children)
                or needs_to(c)
                or owes_duty(c, lexicon)
                or time_to_act(c)
            ):
                if any(a.dep_ == "neg" for a in c.children):
                    continue
                if is_be(c) and not time_to_act(c):
                    continue  # "X should be relieved", "must be able to": a state, no act asked
                if _feeling_passive(c, lexicon):
                    continue  # "(said) Assad should be relieved", "they must be worried"
                out.append(Candidate(tok, MODAL_REQUEST, "REQUEST", None))
                break
    return out


def _feeling_passive(clause, lexicon: Lexicon) -> bool:
    """A passive participle of feeling (the lexicon's ``feeling_participles``: "Assad should be
    relieved", "they must be worried"): a state of mind, no act asked. "The general should be
    relieved of his command" (an "of" phrase) and "should be encouraged to return" ask one
    (round 21, precision21)."""
    if clause.lemma_.lower() not in lexicon.word_set("feeling_participles"):
        return False
    if not any(c.dep_ == "auxpass" for c in clause.children):
        return False
    return not any(
        c.dep_ in {"xcomp", "ccomp", "dobj"} or (c.dep_ == "prep" and c.lower_ == "of")
        for c in clause.children
    )


#: Verbs of necessity that ask like "must" with a to-infinitive ("X said Y needed to leave",
#: "has to release the prisoners"); said of the speaker's own side ("we need to", "he had to")
#: they tell of a plan or a duty, not a demand.
NECESSITY_VERBS = frozenset({"need", "have"})
_OWN_SIDE = frozenset({"i", "we", "he", "she"})
#: A necessity forecast or supposed is no demand ("will have to pay", "would need to be agreed").
_FORECAST_AUX = frozenset({"will", "would", "shall", "'ll", "wo", "could", "might", "may", "can"})


def owes_duty(clause, lexicon: Lexicon) -> bool:
    """ "(X said) the government has a responsibility to protect them", "Turkey has an
    obligation to let the convoys in": a duty to act said of someone else (``duty_nouns`` as the
    object of "have" or "bear"), not denied ("has no obligation"), not the speaker's own side."""
    if clause.lemma_.lower() not in lexicon.word_set("duty_verbs") or any(
        c.dep_ == "neg" for c in clause.children
    ):
        return False
    if any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in _OWN_SIDE for c in clause.children):
        return False
    duties = lexicon.word_set("duty_nouns")
    return any(
        c.dep_ == "dobj"
        and c.lemma_.lower() in duties
        and not any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
        and _duty_to_act(c)
        for c in clause.children
    )


def _duty_to_act(noun) -> bool:
    """A duty to do something ("a responsibility to protect them", "responsibility for getting
    them out"), not blame for what was done ("bears responsibility for the victims", "a duty to
    the child")."""
    for c in noun.children:
        if c.dep_ in {"acl", "relcl"} and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in c.children
        ):
            return True
        if (
            c.dep_ == "prep"
            and c.lower_ == "for"
            and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children)
        ):
            return True
    return False


def _it_is(clause) -> bool:
    """An affirmed "it is ..." clause, the frame both ``time_to_act`` ("it was time for Kenya to
    withdraw") and ``urged_as_vital`` ("it is vital that Chad release them") read."""
    return (
        is_be(clause)
        and not any(c.dep_ == "neg" for c in clause.children)
        and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in clause.children)
    )


def time_to_act(clause) -> bool:
    """ "(X said) it was time for Kenya to withdraw", "'It is high time for the rebels to lay down
    their arms,' the envoy said": a clause that says the time has come for someone's act asks
    it of them. Not "there was still time for the rebels to leave", "there is no time to act"
    (no one asks) nor "it's time to bring our troops home" (the speaker's own plan)."""
    if not _it_is(clause):
        return False
    times = [
        c
        for c in clause.children
        if c.dep_ == "attr"
        and c.lemma_.lower() in shipped_words("time_nouns")
        and not any(d.dep_ == "det" for d in c.children)
    ]
    # the act's infinitive hangs on "time" or, as the parser often has it, on the verb
    acts = [g for t in times for g in t.children] + list(clause.children) if times else []
    # someone the act is asked of: "time for Kenya to withdraw" ("it's time to bring our troops
    # home" is the speaker's own plan)
    return any(
        g.dep_ in {"relcl", "acl", "advcl", "xcomp"}
        and g.pos_ in {"VERB", "AUX"}
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in g.children)
        and any(a.dep_ == "mark" and a.lower_ == "for" for a in g.children)
        and any(a.dep_ in {"nsubj", "nsubjpass"} for a in g.children)
        for g in acts
    )


def urged_as_vital(clause, lexicon: Lexicon) -> bool:
    """ "(X said) it was vital that Chad release the prisoners", "it is essential for Kenya to
    withdraw": a clause calling someone else's act needed (``necessity_adjectives``) asks it of
    them, as "Chad must release them" does. Not "it is vital that we act" (the speaker's own
    side), "it was not essential" (denied) nor "it is vital that there is a deal" (nobody asked)."""
    if not _it_is(clause):
        return False
    needed = [
        c
        for c in clause.children
        if c.dep_ == "acomp"
        and c.lemma_.lower() in lexicon.word_set("necessity_adjectives")
        and not any(g.dep_ == "neg" for g in c.children)
    ]
    acts = [g for a in needed for g in (*a.children, *clause.children)]
    return any(
        g.dep_ in {"ccomp", "advcl"}
        and g.pos_ in {"VERB", "AUX"}
        and any(a.dep_ == "mark" and a.lower_ in {"that", "for"} for a in g.children)
        and any(
            s.dep_ in {"nsubj", "nsubjpass"}
            and s.lower_ not in _OWN_SIDE
            and is_someone(antecedent(s), lexicon)
            for s in g.children
        )
        for g in acts
    )


def needs_to(clause) -> bool:
    """ "(X said) the army needed to leave the area", "the government has to release them": a
    verb of necessity with a to-infinitive whose subject is not the speaker's own side, neither
    forecast ("will have to pay the price": a warning) nor not yet met ("has yet to"); an
    infinitive of "be" with no participle ("the women need to be responsible for what they
    did") asks a state, no act (round 22, precision22; "need to be brought back" asks one)."""
    if clause.lemma_.lower() not in NECESSITY_VERBS:
        return False
    if any(
        c.dep_ == "aux" and c.lower_ in _FORECAST_AUX or c.lower_ == "yet" for c in clause.children
    ):
        return False  # "will have to pay the price", "would need to be agreed", "has yet to"
    if any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in _OWN_SIDE for c in clause.children):
        return False
    return any(
        c.dep_ == "xcomp"
        and not is_be(c)
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in clause.children
    )


def event_date(
    cand: Candidate, article: Article, lexicon: Lexicon
) -> tuple[str | None, str | None, bool]:
    """(date, precision, historical) of an event: its own time expression, else the article date.

    Background events (past perfect, "in the past", acts of former officials) with no date of
    their own get no date and are marked historical, never the article's date.
    """
    anchor = article.published
    resolved = None
    from dateline.time import event_date as clause_date

    trigger = cand.token if not cand.nominal or cand.support is None else cand.support
    resolved = clause_date(trigger, anchor)
    if resolved is None:
        # "Abe said Thursday that he would consider ...": the report's date
        speech = _speech_verb_over(chain(cand)[-1], lexicon)
        if speech is not None:
            resolved = clause_date(speech, anchor)
    historical = _is_background(cand, lexicon)
    if resolved is not None:
        long_before = anchor is not None and resolved.end < anchor - BACKGROUND_GAP
        return (
            resolved.value,
            resolved.precision,
            long_before or (historical and resolved.start < (anchor or resolved.start)),
        )
    if historical:
        return None, None, True
    if anchor is None:
        return None, None, False
    return anchor.isoformat(), "day", False


def _marks_past(text: str, marker: str, spans: frozenset[str]) -> bool:
    """A background marker in ``text`` (a clause's words) that is not the start of a recent
    span: "in the past, the army shelled the town" is background, "in the past week" or "in the
    past three days" is the news itself (a word of ``spans`` right after the marker)."""
    first = text.split(",")[0]
    padded = f" {text} "
    start = padded.find(f" {marker}")
    while start >= 0:
        end = start + 1 + len(marker)
        in_first = start < len(first) + 1
        if in_first or padded[end : end + 1] == " ":
            following = padded[end:].split()
            if not following or following[0] not in spans:
                return True
        start = padded.find(f" {marker}", start + 1)
    return False


def _speech_verb_over(top: Token, lexicon: Lexicon) -> Token | None:
    speech = lexicon.word_set("speech_verbs")
    node = top
    for _ in range(3):
        if node.dep_ in {"ccomp", "parataxis"} and node.head.lemma_.lower() in speech:
            return node.head
        if node.dep_ in {"ccomp", "xcomp", "conj"} and node.head.i != node.i:
            node = node.head
            continue
        return None
    return None


def _is_background(cand: Candidate, lexicon: Lexicon) -> bool:
    markers = [m.lower() for m in lexicon.lists.get("historical_markers", ())]
    nodes = chain(cand)
    verb = nodes[-1]
    sent_text = " ".join(t.lower_ for t in verb.subtree)
    reported = verb.dep_ == "ccomp" and verb.head.lemma_.lower() in lexicon.word_set("speech_verbs")
    for node in nodes:
        for c in node.children:
            if c.dep_ == "aux" and c.lower_ == "had" and node.tag_ == "VBN" and not reported:
                return True  # past perfect outside reported speech (where it is only backshift)
    spans = lexicon.word_set("recent_span_words")
    if any(_marks_past(sent_text, m, spans) for m in markers if " " in m):
        return True
    # An act of a former official ("imposed by former President X") is background.
    for node in nodes:
        for c in node.children:
            if c.dep_ in {"agent", "nsubj"}:
                for g in c.subtree:
                    if g.lower_ in lexicon.word_set("former_modifiers"):
                        return True
    return False

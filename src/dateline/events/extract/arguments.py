"""Arguments: the source and target actors the dependency parse gives a trigger."""

from __future__ import annotations

from spacy.tokens import Token

from dateline.actors.index import ActorIndex
from dateline.actors.resolve.roles import weapon_nouns
from dateline.events.candidate import Candidate
from dateline.events.extract.clauses import ABSORBING, ordered
from dateline.events.extract.triggers import (
    JUDGEMENT_ENTRY,
    NAMING_ID,
    QUOTED_IDS,
    QUOTED_REQUEST,
    RETRIBUTION_ENTRY,
    WARNED_ENTRY,
    had_done,
)
from dateline.events.lexicon import Lexicon, shipped_words
from dateline.events.syntax import antecedent, stray_by_phrases, subject_of
from dateline.events.syntax import np_actors as phrase_actors
from dateline.model import Actor


def np_actors(tok: Token, actors: ActorIndex) -> list[tuple[Actor, Token]]:
    """The actors a side's noun phrase names (:func:`dateline.events.syntax.np_actors`), or the
    members it names by name as examples where it has some ("European countries, including the
    UK", "US allies such as Britain and France", "militias including Isis"): the coding guide
    codes the named members, not the vaguer group; "civilians, including children" names no
    member."""
    members = [
        x
        for p in _example_phrases(tok)
        for x in phrase_actors(p, actors)
        if x[0].kind in NAMED_KINDS and x[1].pos_ == "PROPN"
    ]
    return members or phrase_actors(tok, actors)


#: Actors a name stands for: "civilians, including children" names a kind of victim, no member.
NAMED_KINDS = {"country", "person", "organisation", "group"}


def _example_phrases(tok: Token) -> list[Token]:
    """The objects of the "including" and "such as" phrases hung on ``tok``."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ != "prep":
            continue
        example = c.lower_ == "including" or (
            c.lower_ == "as" and any(g.lower_ == "such" for g in c.children)
        )
        if example:
            out += [g for g in c.children if g.dep_ == "pobj"]
    return out


# Types whose purpose clause names a topic, never a participant: "met X to discuss Syria".
TOPIC_PURPOSE = {"CONSULT", "AGREE", "COOPERATE", "SUPPORT", "AID"}


def arguments(
    cand: Candidate, actors: ActorIndex
) -> tuple[list[tuple[Actor, Token]], list[tuple[Actor, Token]]]:
    """Source and target actors of a candidate, each with the token that names it."""
    tok = cand.token
    if cand.nominal:
        sources, targets = _noun_arguments(cand, actors)
        if not sources:
            # "the Vienna talks": where they met stands for who met only when nobody else does
            sources = venues(cand, actors)
    else:
        sources, targets = _verb_arguments(tok, cand, actors)
    if (
        cand.event == "CONSULT"
        and not cand.nominal
        and tok.lemma_.lower() in shipped_words("host_verbs")
    ):
        # "Kenya hosted the Ugandan president": PLOVER codes the visitor as the actor and the
        # host as the recipient (CONSULT, mode visit)
        sources, targets = targets, sources
    if cand.event in {"CONCEDE", "RETREAT"}:
        targets = _withdrawal_targets(cand.head, targets, actors)
    if cand.entry.id == QUOTED_REQUEST.id:
        # "'Each country must take its citizens back,' she said": she asks it of the countries
        sources, targets = _speakers(cand, actors), sources
    elif cand.event in JUDGEMENTS:
        sources, targets = _speaker_judges(cand, sources, targets, actors)
    elif not sources and cand.event in SPOKEN:
        sources = _speakers(cand, actors)  # "'It is time for talks,' the minister said"
    elif cand.event == "REJECT" and sources and not targets:
        targets = _refused_speakers(cand, sources, actors)
    if cand.event == "REJECT" and tok.lemma_.lower() in shipped_words("veto_words"):
        targets = _veto_bodies(tok, sources, actors) or targets
    if cand.nominal and _undergone_by_possessor(cand.head, cand):
        # "was questioned after his arrest in Kenya": he underwent the arrest, whoever the
        # clause around it makes its doer
        owners = {id(a) for a, t in targets if t.dep_ == "poss" and t.head.i == cand.head.i}
        sources = [x for x in sources if id(x[0]) not in owners]
    if not targets:
        # "held a rally in the capital against the regime": the parser hangs the act's
        # "against" phrase on the place before it
        targets = _against_after_place(cand, actors)
    if cand.event in OWN_MEANS_ACTS and sources:
        # "deployed tanks along its southern border", "quit their roles": what the source moves
        # or gives up is its own, no party it acts on
        targets = [t for t in targets if not _owned_by_source(t, sources, actors)]
    src_ids = {id(a) for a, _ in sources}
    targets = [t for t in targets if id(t[0]) not in src_ids or len(sources) > 1]
    return _informative(_unique(sources)), _informative(_unique(targets))


#: Prepositions of a place an act happens in, which the parser may give the act's "against"
#: phrase ("a protest outside the embassy against the government").
PLACE_PREPS = {"in", "at", "outside", "near", "across", "around", "inside", "throughout"}


def _against_after_place(cand: Candidate, actors: ActorIndex) -> list[tuple[Actor, Token]]:
    """Whom an act is "against" where the parser hung that phrase on the place the act happens
    in: "staged a protest outside the embassy against the government", "held a rally in the
    capital against the regime", "fought in the city against Isis". Read on the trigger and, for
    a noun, on the verb that carries it; only where the lexicon takes "against" as a target."""
    if "against" not in cand.entry.targets:
        return []
    heads = [cand.token] + ([cand.support] if cand.nominal and cand.support is not None else [])
    return [
        x
        for head in heads
        for c in head.children
        if c.dep_ == "prep" and c.lower_ in PLACE_PREPS
        for p in c.children
        if p.dep_ == "pobj" and not actors.all_at(p.i)
        for g in p.children
        if g.dep_ == "prep" and g.lower_ == "against"
        for q in g.children
        if q.dep_ == "pobj"
        for x in np_actors(q, actors)
    ]


#: Acts done with the source's own means (forces, posts, bases): a possessive pronoun that
#: stands for the source names its own things, not a target ("massed its troops on its border").
OWN_MEANS_ACTS = {"MOBILIZE", "RETREAT"}


def _owned_by_source(
    target: tuple[Actor, Token], sources: list[tuple[Actor, Token]], actors: ActorIndex
) -> bool:
    """The target's noun is owned by a possessive pronoun ("its", "their") that stands for one
    of the sources, and the target is that pronoun's actor or of the sources' own country ("its
    own forces")."""
    actor, tok = target
    ids = {id(a) for a, _ in sources}
    countries = {a.country for a, _ in sources if a.country}
    owners = [
        a for c in tok.children if c.dep_ == "poss" and c.tag_ == "PRP$" for a in actors.all_at(c.i)
    ]
    if not any(id(a) in ids or (a.country is not None and a.country in countries) for a in owners):
        return False
    return any(a is actor for a in owners) or (
        actor.country is not None and actor.country in countries
    )


def _veto_bodies(
    tok: Token, sources: list[tuple[Actor, Token]], actors: ActorIndex
) -> list[tuple[Actor, Token]]:
    """The international body a veto is cast in, where the sentence names one: "vetoed the
    resolution at the UN security council", "the council, paralysed by Russian vetoes", "when
    the security council met, China vetoed the draft" (not "vetoed the resolution on Syria":
    Syria is what the draft was about); of several, the one named nearest. A veto cast nowhere
    named keeps its other targets."""
    src_ids = {id(a) for a, _ in sources}
    words: dict[int, tuple[Actor, list[Token]]] = {}
    for t in tok.sent:
        for a in actors.all_at(t.i):
            if a.sector == "IGO" and a.country is None and id(a) not in src_ids:
                words.setdefault(id(a), (a, []))[1].append(t)
    # the body named nearest the veto ("the UN is helpless, the council paralysed by vetoes"),
    # by the head word of its mention ("council" of "the UN security council")
    bodies = [
        (a, next((t for t in ts if t.head.i not in {w.i for w in ts}), ts[-1]))
        for a, ts in words.values()
    ]
    return sorted(bodies, key=lambda b: abs(b[1].i - tok.i))[:1]


#: Clauses that say what an announcement, decision or order is ("decided to withdraw",
#: "announced that troops would leave"); a reason ("resigned over the decision to withdraw")
#: is not among them.
CONTENT_DEPS = {"ccomp", "xcomp", "acl", "conj"}


def _withdrawal_targets(
    head: Token, targets: list[tuple[Actor, Token]], actors: ActorIndex
) -> list[tuple[Actor, Token]]:
    """A withdrawal (the trigger, or what an announcement or decision it heads says) is aimed at
    the place left, never at the forces that leave: "from Syria", "out of Syria", "leave Syria";
    with no place named it has no target rather than the withdrawing troops."""
    near = [head, *[c for c in head.children if c.dep_ in CONTENT_DEPS]]
    near += [g for c in near[1:] for g in c.children if g.dep_ in CONTENT_DEPS]
    node = next((t for t in near if t.lemma_.lower() in shipped_words("withdrawing_words")), None)
    if node is None:
        return targets
    leavers: set[int] = set()
    places: list[tuple[Actor, Token]] = []
    for c in node.children:
        if c.dep_ in {"nsubj", "nsubjpass", "poss", "compound", "amod"}:
            leavers.update(t.i for t in c.subtree)
        if c.dep_ == "dobj":
            if node.lemma_.lower() in shipped_words("place_leaving_verbs"):
                places += [x for x in np_actors(c, actors) if x[0].kind == "country"]
            leavers.update(t.i for t in c.subtree)
        if c.dep_ == "prep" and c.lower_ == "of" and node.pos_ == "NOUN":
            leavers.update(t.i for t in c.subtree)  # "the withdrawal of US troops"
    for t in node.subtree:
        if t.dep_ == "prep" and (t.lower_ == "from" or _out_of(t)):
            for q in t.children:
                if q.dep_ == "pobj":
                    places += [x for x in np_actors(q, actors) if x[0].kind == "country"]
    if places:
        return places
    return [x for x in targets if x[1].i not in leavers]


#: Types a speaker's words can carry on their own: calling someone a problem or a threat, or
#: saying they will pay a price.
JUDGEMENTS = {"ACCUSE", "THREATEN"}
#: Entries of a speaker's judgement of someone and of a warning that someone will pay
#: (events/extract/triggers.py): whom the reported clause judges, or who will pay, is the target,
#: even of the speaker's own country ("protesters will pay").
SPEAKER_AGAINST_CLAUSE = frozenset({JUDGEMENT_ENTRY.id, RETRIBUTION_ENTRY.id}) | QUOTED_IDS


def _speaker_judges(cand: Candidate, sources, targets, actors: ActorIndex):
    """ "Turkey said the US envoy had made a serious mistake", "'Damascus will pay the price,'
    the minister said": the speaker accuses or threatens, and whom the reported clause is about
    is the target. Not where the reported clause's own verb is the act ("X said Y had accused
    Z": Y's accusation, coded with its own actors) nor where its subject is the speaker."""
    tok = cand.token
    if cand.entry.id == NAMING_ID and not targets and not cand.nominal:
        # "held Russia responsible", parsed as a small clause: whom it holds is its subject
        targets = [x for v in tok.children if v.dep_ == "ccomp"
                   for g in v.children if g.dep_ == "nsubj" for x in np_actors(g, actors)]  # fmt: skip
    if not cand.nominal and not cand.entry.objects and tok.lemma_.lower() in cand.entry.verbs:
        return sources, targets  # "accused", "warned", "threatened": the clause's own act
    if cand.entry.id == WARNED_ENTRY.id:
        # "Israel warned that Iran is delivering missiles": the warner charges whom the clause is
        # about; not its own side ("Erdogan warned that Turkish troops were advancing")
        subj = subject_of(tok.head)
        warners = np_actors(antecedent(subj), actors) if subj is not None else []
        own = {a.country for a, _ in warners if a.country}
        if not warners or any(a.country in own for a, _ in sources):
            return [], []
        return warners, sources
    speakers = _speakers(cand, actors)
    if cand.entry.id in QUOTED_IDS and not speakers:
        return [], sources or targets  # "'They are terrorists.'": whoever says it, they are judged
    if not speakers or {id(a) for a, _ in speakers} & {id(a) for a, _ in sources}:
        return sources, targets
    if cand.entry.id in SPEAKER_AGAINST_CLAUSE:
        # "the government said the opposition leader was a traitor", "said it was a stain on
        # the conscience of this government"; of a passive clause, whom it is said of is its
        # subject: "Kenya says the militia is linked to al-Shabaab" (not the one it is linked to)
        return speakers, sources or _passive_subjects(tok, targets)
    if any(a.country == s.country for a, _ in sources for s, _ in speakers if a.country):
        return sources, targets  # "the minister said Turkey would respond": his own side
    return speakers, sources or targets


def _passive_subjects(tok: Token, pairs: list[tuple[Actor, Token]]) -> list[tuple[Actor, Token]]:
    """The ``pairs`` named inside the passive subject of ``tok`` ("the militia is linked"); all
    of them where ``tok`` has none."""
    subjects = [c for c in tok.children if c.dep_ == "nsubjpass"]
    if not subjects:
        return pairs
    inside = {g.i for c in subjects for g in c.subtree}
    return [p for p in pairs if p[1].i in inside]


#: Types whose act can be words alone, so that a reported clause with no actor of its own is
#: its speaker's: "'It is time for talks,' the minister said" is the minister's request.
SPOKEN = {"ACCUSE", "THREATEN", "REQUEST", "REJECT", "SUPPORT", "AGREE", "CONCEDE"}


def _speakers(cand: Candidate, actors: ActorIndex) -> list[tuple[Actor, Token]]:
    """The actors who say the reported clause that holds the candidate, with a country or an
    IGO/NGO role; none when it is no reported clause."""
    tok = cand.support if cand.nominal and cand.support is not None else cand.token
    say = _reporting_verb(tok)
    subj = subject_of(say) if say is not None else None
    if subj is None and cand.speaker is not None:
        subj = cand.speaker  # a quoted sentence: who says the quotation
    speakers = np_actors(antecedent(subj), actors) if subj is not None else []
    return [s for s in speakers if s[0].country or s[0].sector in {"IGO", "NGO"}]


def _refused_speakers(cand: Candidate, sources, actors: ActorIndex) -> list[tuple[Actor, Token]]:
    """ "The Kenyan authorities say Uganda has stonewalled their requests", "the parents said the
    ministry had refused to help": a refusal told by another state's side, naming no one
    refused, refuses the one who tells it."""
    own = {a.country for a, _ in sources}
    return [s for s in _speakers(cand, actors) if s[0].country and s[0].country not in own]


def _reporting_verb(tok: Token) -> Token | None:
    """The verb of saying whose reported clause holds ``tok`` (through at most three heads),
    or None."""

    speech = shipped_words("speech_verbs")
    node = tok
    for _ in range(4):
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in speech:
            return node.head
        if node.dep_ in {"relcl", "advcl", "acl"} or node.head.i == node.i:
            return None
        node = node.head
    return None


def _actors_after(tok: Token, preposition: str, actors) -> list:
    """The actors named by the objects of ``tok``'s prepositional phrases led by ``preposition``
    ("shelling from Russian jets", "a ceasefire between X and Y")."""
    return [
        x
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == preposition
        for p in c.children
        if p.dep_ == "pobj"
        for x in np_actors(p, actors)
    ]


def _out_of(prep: Token) -> bool:
    """The "of" of "out of Syria", hung on "out" or on the verb whose particle "out" is."""
    head = prep.head
    return prep.lower_ == "of" and (
        head.lower_ == "out" or any(c.dep_ == "prt" and c.lower_ == "out" for c in head.children)
    )


def _informative(pairs: list[tuple[Actor, Token]]) -> list[tuple[Actor, Token]]:
    """In "X and several senators", a role with no country adds nothing next to actors with one;
    in "more refugees from Iraq" and "Iraq", the specific actor stands for its country."""
    if any(a.country or a.sector in {"IGO", "NGO"} for a, _ in pairs):
        pairs = [
            p for p in pairs if p[0].country or p[0].kind != "role" or p[0].sector in {"IGO", "NGO"}
        ]
    specific = {a.country for a, _ in pairs if a.kind in {"role", "person"} and a.country}
    return [p for p in pairs if not (p[0].kind == "country" and p[0].country in specific)]


def _verb_arguments(tok: Token, cand: Candidate, actors: ActorIndex):
    sources: list[tuple[Actor, Token]] = []
    targets: list[tuple[Actor, Token]] = []
    done = had_done(tok)
    if done:
        # "the activist had her citizenship revoked": whoever has it done to them underwent
        # it, whoever the "by" phrase names did it
        holder = subject_of(tok.head if tok.dep_ == "ccomp" else tok.head.head)
        undergoer = antecedent(holder) if holder is not None else done[0]
        return agent_actors(tok, actors), np_actors(undergoer, actors)
    subj = controller(tok) or subject_of(tok)
    subj = _described(subj) or antecedent(subj) if subj is not None else None  # "the army, which"
    passive = (
        any(c.dep_ in {"nsubjpass", "auxpass"} for c in tok.children)
        or reduced_passive(tok)
        or _shared_passive(tok)
    )
    captors = _captive_by(tok, actors)
    if captors and subj is not None:
        # "the reporter taken hostage by al-Shabaab", parsed as if the reporter took a hostage:
        # the "by" phrase took them, the subject was taken
        ids = {id(a) for a, _ in captors}
        return captors, [x for x in np_actors(subj, actors) if id(x[0]) not in ids]
    has_agent = any(c.dep_ == "agent" for c in tok.children)
    if passive and not has_agent and tok.lemma_.lower() in shipped_words("stative_passives"):
        passive = False  # "France is committed to the UN": a state of the subject
    if passive:
        sources += agent_actors(tok, actors) or _attack_owners(tok, actors)
        if not sources and ordered(tok):
            # "the minister ordered her citizenship to be revoked": who gave the order did it
            orderer = subject_of(tok.head)
            sources += np_actors(antecedent(orderer), actors) if orderer is not None else []
        if not sources and cand.event in ACTS_DONE_TO:
            sources += _attackers_in_time_clause(tok, actors)
        if subj is not None:
            found = np_actors(subj, actors)
            if not found:
                # "controls, an embargo and travel restrictions on Russian officials were imposed"
                for node in [subj, *[c for c in subj.subtree if c.dep_ == "conj"]]:
                    found += _inner_actors(node, actors, set(cand.entry.targets))
                captors = _captors(subj, actors)
                if captors:
                    # "tourists held by the rebels were tortured": the captors are no target;
                    # what the captives underwent they did
                    ids = {id(a) for a, _ in captors}
                    found = [x for x in found if id(x[0]) not in ids]
                    if not sources and cand.event in CAPTORS_ACT:
                        sources += captors
            if not sources and found and subj.lemma_.lower() in weapon_nouns():
                sources += found  # "Israeli missiles were fired at the town": theirs fired them
            else:
                targets += found
    elif subj is not None:
        attack = _attack_in(subj)
        found = np_actors(subj, actors)
        if attack is not None:
            # "the Kandahar bombing killed twelve people": where it happened, not who did it
            found = [(a, t) for a, t in found if not any(_place_named(a, w) for w in subj.subtree)]
            # "airstrikes by Russian jets killed", "a series of airstrikes by Russian jets"
            found = found or _by_actors(attack, actors) or _by_actors(subj, actors)
            found = found or _stray_by_actors(attack, actors)  # "the shelling of X by Y killed"
            # "launched airstrikes that killed civilians", "led a campaign to oust Isis"
            found = found or _carriers(attack, actors)
        sources += found
        if (
            not sources
            and cand.event in SPOKEN
            and subj.lemma_.lower() in shipped_words("document_nouns")
        ):
            sources += _document_authors(subj, actors)
    elif tok.tag_ == "VBG":
        # "killed in airstrikes and shelling by government forces": a gerund the parser made a
        # verb, with no subject, is done by its "by" phrase, as the noun would be (not "fighting
        # by the Kenyan border": the phrase's own head must name the actor)
        sources += [(a, t) for a, t in _by_actors(tok, actors) if t.head.lower_ == "by"]
    givers = _received_from(tok, actors) if cand.event in ACTS_DONE_TO and not passive else []
    if givers:
        # "the rebels took heavy blows from the army", "the blows Isis took from the coalition":
        # the act is told from the side that took it; who it came from did it
        ids = {id(a) for a, _ in givers}
        takers = [c for c in tok.children if c.dep_ == "nsubj"][1:]  # "the blows Isis took"
        victims = sources or [x for c in takers for x in np_actors(c, actors)]
        return givers, [x for x in victims if id(x[0]) not in ids]
    if cand.event in ACTS_DONE_TO and tok.lemma_.lower() in shipped_words("yielding_verbs"):
        winners = _actors_after(tok, "to", actors)
        if winners:
            # "Raqqa fell to Kurdish forces", "the group lost the city to the army": who took it
            # acts; the subject (and what it lost) underwent it
            return winners, sources or _targets_of_verb(tok, cand, actors, depth=0)
    named = _targets_of_verb(tok, cand, actors, depth=0)
    owners = _measure_owners(tok, subj, named, actors) if passive and not sources else []
    if owners:
        # "US sanctions were lifted on Turkish citizens": whose measure it was lifted it; whom
        # the preposition names it was aimed at
        ids = {id(a) for a, _ in owners}
        sources += owners
        targets = [t for t in targets if id(t[0]) not in ids]
    targets += named
    if not targets and cand.event in ACTS_DONE_TO:
        targets += _victims_told_further(tok, actors)
    if (
        subj is None
        and tok.tag_ == "VBG"
        and tok.dep_ in NOMINAL_DEPS
        and _from_is_origin(tok, cand)
    ):
        # "weeks of shelling from Russian jets": a gerund used as a noun comes "from" its source
        origins = _actors_after(tok, "from", actors)
        if origins:
            sources += origins
            targets = [t for t in targets if t not in origins]
    hands = at_the_hands_of(tok, actors) if cand.event in ACTS_DONE_TO and not passive else []
    if hands:
        # "the journalist, whose killing at the hands of Saudi agents ...": who did it; whose
        # killing it was (parsed as its subject) underwent it
        ids = {id(a) for a, _ in hands}
        return hands, [x for x in sources + targets if id(x[0]) not in ids]
    enemies = _fought_by_victims(tok, actors) if cand.event == "ASSAULT" else []
    if enemies and not any(c.dep_ == "dobj" and c.lemma_.lower() not in shipped_words("fight_words")
                           for c in tok.children):  # fmt: skip
        # "two British men killed fighting Isis", "he died while battling the Taliban": who
        # they fought killed them; they (the subject, whatever the parse) underwent it
        ids = {id(a) for a, _ in enemies}
        victims = [x for x in sources + targets if id(x[0]) not in ids]
        return enemies, victims
    if not sources and (cand.event in MUTUAL or cand.event == "ASSAULT"):
        # "a ceasefire agreed between Ethiopia and Eritrea": one side acts, the other is the
        # target; "fighting between the army and the rebels" (coder._fought_both_ways)
        parties = _actors_after(tok, "between", actors)
        if len(parties) > 1:
            sources += parties[:1]
            targets = [t for t in targets if t not in parties[:1]]
    return sources, targets


#: Acts the captors of their passive subject did: "hostages held by Isis were killed", "were
#: released".
CAPTORS_ACT = {"ASSAULT", "COERCE", "SANCTION", "RETREAT"}


def _captors(subj: Token, actors: ActorIndex) -> list[tuple[Actor, Token]]:
    """The actors of the "by" phrase of a participle of captivity that describes a subject
    naming no actor ("tourists held by the rebels", "a number of westerners imprisoned by
    Isis"): the captors of the people the subject names. Not inside a relative clause."""
    out: list[tuple[Actor, Token]] = []
    for c in subj.subtree:
        if c.dep_ != "acl" or c.tag_ not in {"VBN", "VBD"} or c.i < subj.i:
            continue
        if c.lemma_.lower() not in shipped_words("captivity_participles"):
            continue
        if any(a.dep_ in {"relcl", "acl"} for a in c.ancestors if a.i > subj.i and a.i < c.i):
            continue
        out += _by_actors(c, actors)
    return out


def _captive_by(verb: Token, actors: ActorIndex) -> list[tuple[Actor, Token]]:
    """The actors of the "by" phrase of a verb of capture whose only object is the captive noun
    ("was taken hostage by Isis", "held captive by the militia"), which the parser often reads
    as an active verb with a subject and a plain "by" phrase: who took the captive. Empty for
    any other verb, or where the verb has another object ("took two aid workers hostage")."""
    if verb.lemma_.lower() not in shipped_words("hostage_taking_verbs"):
        return []
    objects = [c for c in verb.children if c.dep_ in {"dobj", "oprd", "attr"}]
    if len(objects) != 1 or objects[0].lemma_.lower() not in shipped_words("captive_nouns"):
        return []
    if any(c.dep_ == "det" for c in objects[0].children):
        return []  # "held a prisoner by the arm": a prisoner, not being one
    return [
        x
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "by"
        for p in c.children
        if p.dep_ == "pobj"
        for x in np_actors(p, actors)
    ]


def _described(pronoun: Token) -> Token | None:
    """The noun a relative clause set off by commas describes, where a participle phrase stands
    between them ("the Kurds, armed and supported by the US, who have been fighting Isis": the
    Kurds fight, not the US the parser hangs the clause on). None for any other subject."""
    if (
        pronoun.tag_ not in {"WP", "WDT"}
        or pronoun.i == 0
        or pronoun.doc[pronoun.i - 1].text != ","
    ):
        return None
    named = pronoun.head.head if pronoun.head.dep_ == "relcl" else None
    if named is None or named.dep_ != "pobj" or named.head.dep_ != "agent":
        return None
    participle = named.head.head
    while participle.dep_ == "conj" and participle.head.i != participle.i:
        participle = participle.head
    described = participle.head
    if participle.dep_ != "acl" or described.i > participle.i or described.i == participle.i:
        return None
    start = participle.left_edge.i  # "the Kurds, until now armed by the US, who ..."
    if start == 0 or participle.doc[start - 1].text != ",":
        return None  # "the men supported by the US, who ...": a phrase that names them
    return described


def controller(verb: Token) -> Token | None:
    """The object that does what an infinitive says, where the verb governing the infinitive
    makes it do so ("persuaded Trump to launch strikes", "forced the army to withdraw", "led
    James Mattis to quit"): that object, not the governing verb's subject, is the infinitive's
    doer. None where the infinitive has its own subject, or where the object is no noun phrase
    ("forced it to retreat": "it" may stand for anything)."""
    if verb.dep_ != "xcomp" or verb.head.i == verb.i:
        return None
    if verb.head.lemma_.lower() not in shipped_words("causing_verbs"):
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return None
    obj = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
    if obj is None or obj.pos_ not in {"NOUN", "PROPN"}:
        return None
    return obj


def _measure_owners(
    verb: Token, subj: Token | None, named: list[tuple[Actor, Token]], actors: ActorIndex
) -> list[tuple[Actor, Token]]:
    """Whose measure the subject of a passive verb is, where a preposition of the verb names
    whom it is aimed at ("US sanctions were lifted on Turkish citizens", "Russian restrictions
    were imposed on Georgian wine"): the actors only the subject's modifiers name, not its head
    ("Turkish citizens were freed by ...": the head names who underwent it)."""
    if subj is None or subj.pos_ != "NOUN" or actors.all_at(subj.i):
        return []
    aimed = {
        t.i
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in {"on", "against"}
        for t in c.subtree
    }
    if not any(t.i in aimed for _, t in named):
        return []
    return [
        (a, c)
        for c in subj.children
        if c.dep_ in {"compound", "amod", "poss", "nmod"}
        for a in actors.all_at(c.i)
        if a.country or a.sector in {"IGO", "NGO"}
    ]


def _fought_by_victims(verb: Token, actors: ActorIndex) -> list[tuple[Actor, Token]]:
    """Whom the victims of ``verb`` were fighting when it happened: the object or "against"
    phrase of a "fighting" clause hung on it ("killed fighting Isis", "died while fighting
    against the army"); nobody for "fighting alongside the YPG" or "fighting for the YPG"."""
    if verb.lemma_.lower() not in shipped_words("victim_verbs"):
        return []
    out: list[tuple[Actor, Token]] = []
    for c in verb.children:
        if c.lemma_.lower() not in shipped_words("fight_words") or c.dep_ not in {
            "xcomp",
            "advcl",
            "dobj",
            "acl",
        }:
            continue
        if any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children):
            continue  # "killed as the army fought the rebels": the fight is someone else's
        for g in c.children:
            if g.dep_ == "dobj":
                out += np_actors(g, actors)
            elif g.dep_ == "prep" and g.lower_ == "against":
                out += [x for p in g.children if p.dep_ == "pobj" for x in np_actors(p, actors)]
    return out


def _victims_told_further(verb: Token, actors: ActorIndex) -> list[tuple[Actor, Token]]:
    """Whom an act of force hit, from a participle that goes on telling it ("shelled the town
    on Tuesday, killing four civilians", "bombed the market, wounding dozens of villagers"): the
    participle is the same act (``clauses.drop_elaborations`` codes it once), its object the
    act's victims."""
    lexicon = Lexicon.load()
    for c in verb.children:
        if c.dep_ not in {"advcl", "xcomp"} or c.tag_ != "VBG":
            continue
        if any(g.dep_ in {"nsubj", "nsubjpass", "mark"} for g in c.children):
            continue  # "as the army was killing ...", "while talking to X": a clause of its own
        if not any(e.event in FORCE_TYPES and not e.objects for e in lexicon.verb_entries(c)):
            continue
        return [x for g in c.children if g.dep_ == "dobj" for x in np_actors(g, actors)]
    return []


#: Conjunctions of a clause that says when the act was done: "were killed when jets bombed".
TIME_MARKS = {"when", "as", "after", "while"}
MODAL_WORDS = {"may", "might", "could", "would", "will", "should", "can", "must"}


def _attackers_in_time_clause(verb: Token, actors: ActorIndex) -> list[tuple[Actor, Token]]:
    """Who did a passive act with no agent, from a clause that says when it was done by an act
    of force of its own: "twelve civilians were killed when Saudi jets bombed a market", "were
    wounded after US forces carried out airstrikes", "were detained as police raided the
    house"; nobody for "were killed when the building collapsed" or "when the army said", nor
    for what the victims did ("was arrested after he fought against Isis"). The clause's verb
    must be an act of force by itself (a lexicon entry that needs no particular object:
    "bombed", not "announced" that is a sanction only with "sanctions")."""
    if any(c.dep_ == "aux" and c.lower_ in MODAL_WORDS for c in verb.children):
        return []  # "thousands may be displaced as the army storms the city": not done yet
    lexicon = Lexicon.load()
    subject = subject_of(verb)
    victims = {id(a) for a, _ in np_actors(antecedent(subject), actors)} if subject else set()
    for c in verb.children:
        if c.dep_ != "advcl" or c.pos_ != "VERB":
            continue
        if not any(g.lower_ in TIME_MARKS and g.dep_ in {"advmod", "mark"} for g in c.children):
            continue
        subj = next((g for g in c.children if g.dep_ == "nsubj"), None)
        if subj is None:
            continue
        forceful = any(
            e.event in FORCE_TYPES and not e.objects and not e.particle
            for e in lexicon.verb_entries(c)
        ) or (
            c.lemma_.lower() in shipped_words("carrying_verbs")
            and any(g.dep_ == "dobj" and _attack_in(g) is not None for g in c.children)
        )
        doers = np_actors(antecedent(subj), actors) if forceful else []
        if doers and not any(id(a) in victims for a, _ in doers):
            return doers
    return []


def _received_from(verb: Token, actors: ActorIndex) -> list[tuple[Actor, Token]]:
    """Who dealt an act of force that the subject of a verb of taking it took: the "from"
    phrase of "took heavy blows from the army", "sustained fire from rebel positions", "the
    blows the rebels took from the coalition" (the act noun the verb's object or the noun its
    relative clause hangs on). Not "took the town from the rebels" (a capture, whose object is
    no act)."""
    if verb.lemma_.lower() not in shipped_words("receiving_act_verbs"):
        return []
    acts = [c for c in verb.children if c.dep_ == "dobj"]
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) > 1:
        acts.append(subjects[0])  # "the blows Isis took": a relative clause parsed as two subjects
    if verb.dep_ == "relcl" and verb.head.i != verb.i:
        acts.append(verb.head)
    acts = [a for a in acts if _act_of_force(a)]
    out: list[tuple[Actor, Token]] = []
    for node in [verb, *acts] if acts else []:
        for c in node.children:
            if c.dep_ == "prep" and c.lower_ == "from":
                out += [x for p in c.children if p.dep_ == "pobj" for x in np_actors(p, actors)]
    return out


def _act_of_force(noun: Token) -> bool:
    """``noun`` names an act of force one can take: an attack ("airstrikes", "a series of
    shelling") or a blow ("heavy fire", "a beating")."""
    return _attack_in(noun) is not None or noun.lemma_.lower() in shipped_words("blow_nouns")


def _attack_in(noun: Token) -> Token | None:
    """The noun of an act of force a phrase names ("the bombing", "a series of airstrikes",
    "three days of shelling"), or None."""
    attacks = shipped_words("attack_nouns") | shipped_words("owned_attack_nouns")
    for _ in range(3):
        if noun.lemma_.lower() in attacks:
            return noun
        if noun.lemma_.lower() not in shipped_words("span_nouns"):
            return None
        noun = next(
            (p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
             for p in c.children if p.dep_ in {"pobj", "pcomp"}),
            None,
        )  # fmt: skip
        if noun is None:
            return None
    return None


def _document_authors(noun: Token, actors: ActorIndex) -> list[tuple[Actor, Token]]:
    """Who speaks through a text that the lexicon's verb has as subject: "a resolution passed by
    the AU called for ...", "a letter from the opposition calls on ...", "the council passed a
    resolution that demanded ...", "Amnesty published a report which urges ...". None where the
    sentence names no author (a report by nobody named asks nothing of anyone's)."""
    found = _by_actors(noun, actors) or _actors_after(noun, "from", actors)
    for c in noun.children:
        if not found and c.dep_ == "acl" and c.lemma_.lower() in shipped_words("authoring_verbs"):
            found = agent_actors(c, actors)  # "a resolution passed by the AU"
    verb = noun.head
    if (
        not found
        and noun.dep_ == "dobj"
        and verb.pos_ == "VERB"
        and verb.lemma_.lower() in shipped_words("authoring_verbs")
    ):
        subj = subject_of(verb)
        if subj is not None:
            found = np_actors(antecedent(subj), actors)  # "the council passed a resolution"
    return found


#: Prepositions of whom an act is aimed at that the parser hangs on the act's agent rather than
#: on the act: "an offensive by the army against Isis" ("for" and "between" name no target there).
AGENT_HUNG_PREPS = {"against", "on", "upon", "into", "toward", "towards"}


def _hung_on_agent(
    noun: Token, agent: Token, preps: set[str], actors: ActorIndex
) -> list[tuple[Actor, Token]]:
    """The targets an act noun's "by" phrase carries for it: "the offensive by the Iraqi army
    against Isis" is parsed with "against Isis" under "army"; the act is aimed at Isis. Only
    where the noun has no such phrase of its own."""
    if any(c.dep_ == "prep" and c.lower_ in preps & AGENT_HUNG_PREPS for c in noun.children):
        return []
    return [
        x
        for g in agent.children
        if g.dep_ == "prep" and g.lower_ in preps & AGENT_HUNG_PREPS
        for q in g.children
        if q.dep_ == "pobj"
        for x in np_actors(q, actors) or _inner_actors(q, actors, preps)
    ]


def _by_actors(noun: Token, actors: ActorIndex) -> list[tuple[Actor, Token]]:
    """The actors of a noun's "by" phrase ("airstrikes by Russian jets")."""
    return [
        x
        for c in noun.children
        if c.dep_ in {"prep", "agent"} and c.lower_ == "by"
        for p in c.children
        if p.dep_ == "pobj"
        for x in np_actors(p, actors)
    ]


def _stray_by_actors(noun: Token, actors: ActorIndex) -> list[tuple[Actor, Token]]:
    """The actors of the "by" phrases the parser hung beside an act noun
    (:func:`~dateline.events.syntax.stray_by_phrases`)."""
    return [
        x
        for c in stray_by_phrases(noun)
        for p in c.children
        if p.dep_ == "pobj"
        for x in np_actors(p, actors)
    ]


#: Where a gerund stands as a noun ("weeks of shelling", "shelling continued").
NOMINAL_DEPS = {"pcomp", "pobj", "nsubj", "dobj", "nsubjpass"}


def _shared_passive(verb: Token) -> bool:
    """A participle joined to a passive verb shares its passive ("was detained and given a
    sentence by a court", "were arrested and charged by police"): the subject underwent both."""
    head = verb.head
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and head.i != verb.i
        and any(c.dep_ in {"nsubjpass", "auxpass"} for c in head.children)
        and not any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in verb.children)
    )


def reduced_passive(verb: Token) -> bool:
    """A past participle that modifies a noun ("a British man killed in Raqqa", "the villages
    shelled by the army") says what was done to the noun: the noun is the target. So does one
    that opens a clause whose subject it shares ("Kidnapped in 2014, the boys spent years in
    captivity", "Captured last month, the two men ..."): that subject underwent it."""
    # the tagger reads some of these as a past tense ("nationals killed fighting ..."): an
    # "acl" has no tense of its own, so a VBD there is a participle too
    # a participle clause after its head's, set off by a comma, is one too ("three men are in
    # custody, accused of joining Isis": they are accused)
    trailing = verb.dep_ == "advcl" and verb.i > 0 and verb.doc[verb.i - 1].text == ","
    return (
        verb.dep_ in {"acl", "advcl"}
        and (verb.tag_ == "VBN" or (verb.tag_ == "VBD" and verb.dep_ == "acl"))
        and (verb.dep_ == "acl" or verb.i < verb.head.i or trailing)
        and not any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in verb.children)
    )


def _attack_owners(verb: Token, actors: ActorIndex) -> list[tuple[Actor, Token]]:
    """ "was killed in an Isis ambush", "were wounded during a Turkish air raid": a passive with
    no agent takes the owner of the attack that did it as its source."""
    out: list[tuple[Actor, Token]] = []
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in {"in", "during", "by", "from", "after"}:
            for p in c.children:
                attack = _attack_in(p) if p.dep_ == "pobj" else None  # "in three days of shelling"
                if attack is not None:
                    # "a bombing campaign by Russian jets", "a wave of strikes by the army"
                    out += np_actors(attack, actors) or _by_actors(attack, actors)
                    out += _by_actors(p, actors) if not out else []
                    out += _stray_by_actors(attack, actors) if not out else []
    return out


def _targets_of_verb(
    tok: Token, cand: Candidate, actors: ActorIndex, depth: int
) -> list[tuple[Actor, Token]]:
    out: list[tuple[Actor, Token]] = []
    preps = set(cand.entry.targets)
    if cand.event in TOPIC_TYPES:
        preps -= TOPIC_PREPS  # "agreed on Syria", "met over Idlib": the topic
    used_preps: set[str] = set()
    addressed = False  # the verb's own object names a party ("urged western diplomats to ...")
    object_is_topic = cand.entry.object_role == "topic" and depth == 0
    # "provided Pakistan with fighter jets": what is given comes with "with", the object is whom
    # it is given to
    given = cand.object_token if object_is_topic else None
    given_with = (
        given is not None
        and given.head.lower_ == "with"
        and given.head.head.i == tok.i
        and any(c.dep_ == "dobj" and c.i != given.i and np_actors(c, actors) for c in tok.children)
    )
    for c in tok.children:
        if c.dep_ in {"dobj", "dative", "iobj", "attr"} and c.pos_ != "ADP":
            if given_with and c.dep_ == "dobj":
                out += np_actors(c, actors)  # "provided Pakistan with fighter jets": Pakistan
                continue
            if object_is_topic and c.dep_ == "dobj":
                # "deployed troops along its border with Armenia": the place, not the troops
                out += _inner_actors(
                    c, actors, preps | {"along", "near", "at", "to", "toward"}, modifiers=False
                )
                continue
            if c.lemma_.lower() in shipped_words("fighting_nouns") | {"insurgency", "campaign"}:
                # "fought an insurgency against the state": the act is no participant
                out += [x for p in c.children if p.dep_ == "prep" and p.lower_ in
                        {"against", "on", "with"} for q in p.children if q.dep_ == "pobj"
                        for x in np_actors(q, actors)]  # fmt: skip
                continue
            c = antecedent(c)  # "the town, which rebels seized": the town
            found = np_actors(c, actors)
            aimed = _purpose_targets(tok, cand, actors, depth) if found else []
            if (
                aimed
                and cand.event in ACTS_DONE_TO | {"THREATEN"}
                and _own_forces(found, tok, actors)
            ):
                # "threatened to send its troops to confront the militia": whom they are sent
                # against, not the subject's own forces
                out += aimed
                continue
            inner = [x for x in _inner_actors(c, actors, preps) if x not in found]
            if inner and all(_via_pronoun(t, actors) for _a, t in found):
                found = []  # "reopened its border with Tajikistan": the border's other side
            # "urged foreign donors to fund X": a plural object names whom it is asked of even
            # where the actor tables know no one there
            addressed = addressed or bool(found) or _plural_people(c)
            out += found + inner
        elif c.dep_ in {"prep", "dative"} and (c.lower_ in preps or c.dep_ == "dative"):
            if c.lower_ in used_preps:
                continue  # "spoke with Putin ..., with officials on hand": the first one counts
            before = len(out)
            for p in c.children:
                if p.dep_ == "pcomp" and depth < 2:  # "looked forward to welcoming the king"
                    out += _targets_of_verb(p, cand, actors, depth + 1)
            for p in c.children:
                if p.dep_ == "pobj":
                    if given_with and p.i == cand.object_token.i:
                        continue  # "provided Pakistan with fighter jets": what was given
                    found = np_actors(p, actors) or _inner_actors(p, actors, preps)
                    out += found
            if len(out) > before:
                # one that names nobody leaves the next its turn: "objected to the move, and
                # also to Trump's plan"
                used_preps.add(c.lower_)
        elif c.dep_ == "prt":
            for p in c.children:
                if p.dep_ == "pobj":
                    out += np_actors(p, actors)
                elif p.dep_ == "prep":  # "kidnapped up to 16 advisers"
                    out += [x for q in p.children if q.dep_ == "pobj" for x in np_actors(q, actors)]
    if not out and depth == 0:
        out += _shared_object(tok, actors, preps)  # "is killing or imprisoning Kurds"
    if not out:
        # "took part in talks with the regime", "engaged in fighting against Isis": the party
        # the act inside the phrase is with
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in {"in", "at"}:
                for p in c.children:
                    if p.dep_ == "pobj" and not actors.all_at(p.i):
                        out += [x for g in p.children if g.dep_ == "prep" and g.lower_ in preps
                                for q in g.children if q.dep_ == "pobj"
                                for x in np_actors(q, actors)]  # fmt: skip
    if not out:
        # "called for penalties against Chad", "complained over raids by Israel"
        topics = TOPIC_PREPS if cand.event in TOPIC_TYPES else set()
        retort = any(g.dep_ in {"advmod", "prt"} and g.lower_ in RETORT_WORDS for g in tok.children)
        skip = preps | topics | NOT_TARGET_PREPS
        if cand.event in REASON_OVER:
            skip = skip | {"over"}  # "resigned over Trump's decision": why, not at whom
        for c in tok.children:
            if c.dep_ == "prep" and ((c.lower_ == "at" and retort) or c.lower_ not in skip):
                for p in c.children:
                    if p.dep_ == "pobj":
                        out += np_actors(p, actors) or _inner_actors(p, actors, preps)
    if depth < 2 and (cand.event in ABSORBING or not out):
        for c in tok.children:
            if (
                c.dep_ == "advcl"
                and not out
                and cand.event not in TOPIC_PURPOSE
                and any(g.lower_ == "to" for g in c.children)
            ):
                out += _targets_of_verb(
                    c, cand, actors, depth + 1
                )  # "opened fire to disperse protesters"
            elif c.dep_ in {"ccomp", "xcomp"} and c.pos_ in {"VERB", "AUX"}:
                if c.dep_ == "xcomp" and addressed:
                    # "urged western diplomats to bring the opposition down": whom the act is
                    # asked of, told or warned is its target, not the object of what they are to do
                    continue
                inner_subj = next((g for g in c.children if g.dep_ in {"nsubj", "nsubjpass"}), None)
                if inner_subj is not None and c.dep_ == "ccomp":
                    found = np_actors(inner_subj, actors) or _inner_actors(
                        inner_subj, actors, preps
                    )
                    if found and not _own_side(found, tok, actors):
                        out += found
                        continue
                out += _targets_of_verb(c, cand, actors, depth + 1)
            elif c.dep_ == "dobj" and not out:
                # "urged the EC to support the PLO": the object of the inner verb.
                for g in c.children:
                    if g.dep_ in {"acl", "relcl", "xcomp"} and cand.event in ABSORBING:
                        out += _targets_of_verb(g, cand, actors, depth + 1)
    return out


#: Tags of an object that may name people with no actor known: "urged foreign donors to ...".
PEOPLE_TAGS = {"NNS", "NNPS"}
#: Entity labels of an amount, never whom an act is asked of ("pledged $3bn to buy ...").
AMOUNT_LABELS = {"MONEY", "QUANTITY", "CARDINAL", "PERCENT"}


def _plural_people(obj: Token) -> bool:
    """A plural noun object that may name people no actor table knows ("urged foreign donors
    to fund X"), not an amount."""
    return obj.dep_ == "dobj" and obj.tag_ in PEOPLE_TAGS and obj.ent_type_ not in AMOUNT_LABELS


#: Prepositions that never name the target of a verb's act: when, where, by whom, and what it
#: was done in spite of ("struck the camps, despite calls from the UN": not at the UN).
NOT_TARGET_PREPS = {"by", "during", "in", "at", "after", "before", "since", "despite"}
#: Types whose "over" names a reason, never a target: "resigned over the decision to withdraw".
REASON_OVER = {"RETREAT"}
#: Particles of a retort, whose "at" names whom it answers: "hit back at", "lashed out at".
RETORT_WORDS = {"back", "out"}


def _shared_object(
    verb: Token, actors: ActorIndex, preps: set[str] = frozenset()
) -> list[tuple[Actor, Token]]:
    """The object two joined verbs share, which the parser hangs on the last one only ("is
    killing or imprisoning Kurds", "will invade and destroy the enclave", "either shunned or
    impeded any UN involvement"): the first verb's object too, where it has none of its own and
    the later verb has no subject of its own ("shelled the town and the army took the
    villages" joins two clauses). An object naming no actor is read inside as the verb's own
    object is ("armed and supported factions of the Free Syrian Army": the FSA)."""
    own = {"dobj", "dative", "attr", "prep", "prt", "xcomp", "ccomp", "advcl", "agent"}
    if any(c.dep_ in own for c in verb.children):
        return []  # "fired on and arrested", "vowed that ... and warned X": its own complement
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.pos_ != "VERB" or conj.i < verb.i:
            continue
        if conj.i - verb.i > 3:
            return []  # "killing or imprisoning Kurds", "arrested and then charged him" only
        if any(c.dep_ in {"nsubj", "nsubjpass", "prep"} and c.i < conj.i for c in conj.children):
            return []
        if any(c.dep_ in {"nsubj", "nsubjpass"} for c in conj.children):
            return []
        obj = next((c for c in conj.children if c.dep_ == "dobj"), None)
        if obj is not None:
            obj = antecedent(obj)
            return np_actors(obj, actors) or _inner_actors(obj, actors, set(preps))
        return []
    return []


def _purpose_targets(
    verb: Token, cand: Candidate, actors: ActorIndex, depth: int
) -> list[tuple[Actor, Token]]:
    """The targets of a purpose clause of ``verb`` ("sent its troops to confront the militia")."""
    if depth >= 2:
        return []
    out: list[tuple[Actor, Token]] = []
    for c in verb.children:
        if c.dep_ == "advcl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
            out += _targets_of_verb(c, cand, actors, depth + 1)
    return out


def _own_forces(found: list[tuple[Actor, Token]], verb: Token, actors: ActorIndex) -> bool:
    """All of ``found`` are of the country of the verb's subject ("Turkey ... its troops")."""
    subj = subject_of(verb)
    if subj is None:
        return False
    own = {a.country for a, _ in np_actors(antecedent(subj), actors) if a.country}
    return bool(own) and all(a.country in own for a, _ in found)


def _own_side(found: list[tuple[Actor, Token]], verb: Token, actors: ActorIndex) -> bool:
    """The reported clause's subject is the speaker's own side ("X vowed he would drive Y out",
    "Ankara said it would strike Y"): its target is in what it says it will do."""
    subj = subject_of(verb)
    if subj is None:
        return False
    own = {id(a) for a, _ in np_actors(antecedent(subj), actors)}
    return bool(own) and all(id(a) in own for a, _ in found)


def _inner_actors(
    tok: Token, actors: ActorIndex, preps: set[str], depth: int = 0, modifiers: bool = True
) -> list[tuple[Actor, Token]]:
    """Actors inside a non-actor object: "Serbia's suppression", "sanctions on Russia",
    "the pullback of Ethiopian troops", "five million euros of aid for Moldova".

    Target prepositions ("data shared with Canada") count first; "of", "about", "between" and the
    like only when those name no one ("evidence about contacts between X and Y" is a topic)."""
    first: list[tuple[Actor, Token]] = []
    second: list[tuple[Actor, Token]] = []
    owners: list[tuple[Actor, Token]] = []
    for c in tok.children:
        if possessor(c) and c.tag_ != "PRP$":  # "their disapproval" belongs to the subject
            (first if modifiers else owners).extend(np_actors(c, actors))
        elif c.dep_ in {"compound", "amod"}:
            found = [(a, c) for a in actors.all_at(c.i) if a.kind != "role" or a.country]
            (first if modifiers else owners).extend(found)
        elif c.dep_ == "acl" and c.tag_ == "VBN":
            if tok.dep_ not in {"nsubj", "nsubjpass"} and c.lemma_.lower() in shipped_words(
                "backing_participles"
            ):
                # "pound the area, backed by Iranian allies" (the parser hangs the clause's
                # participle on its object): who backs is on the doer's side, never the target
                continue
            # "the comments made by the president": whose comments they are
            owners.extend(
                x
                for a in c.children
                if a.dep_ == "agent"
                for p in a.children
                if p.dep_ == "pobj"
                for x in np_actors(p, actors)
            )
        elif c.dep_ == "relcl" and _giving_clause(c) is not None:
            # "the support the US provides to the militia", "the offensive Turkey launched",
            # "the support the US continues to provide": whose act it is; not "the town in which
            # he stayed" nor "the areas it took"
            giving = _giving_clause(c)
            if not any(a.dep_ in {"dobj", "prep"} and a.i < c.i for a in c.children) and not any(
                a.dep_ == "dobj" for a in giving.children
            ):
                owners.extend(
                    x
                    for a in c.children
                    if a.dep_ == "nsubj" and a.tag_ not in {"WDT", "WP"}
                    for x in np_actors(a, actors)
                )
        elif c.dep_ == "prep" and (c.lower_ in preps or c.lower_ in INNER_PREPS):
            # "the pullback of Kenyan troops from Somalia": who withdraws comes first
            agentive = c.lower_ == "of" and tok.lemma_.lower() in shipped_words("agentive_nouns")
            bucket = first if (c.lower_ in preps and c.lower_ != "from") or agentive else second
            for p in c.children:
                if p.dep_ == "pobj":
                    found = np_actors(p, actors)
                    if depth < 2 and all(_via_pronoun(t, actors) for _a, t in found):
                        found += _inner_actors(p, actors, preps, depth + 1)  # "its border with X"
                    bucket += found
    # "imposed sanctions on Iran": the preposition names the target; "lifted U.S. sanctions"
    # names whose sanctions they are only when nothing else does
    return first or second or owners


def possessor(tok: Token) -> bool:
    """``tok`` owns its head noun: a possessive, or one the parser calls the noun's subject for
    its "’s" ("the SDF’s calls" parsed as SDF (nsubj) ’s (case) calls)."""
    if tok.dep_ == "poss":
        return True
    return (
        tok.dep_ == "nsubj"
        and (tok.head.pos_ == "NOUN" or tok.head.dep_ in NOMINAL_DEPS)  # "calls" read as a verb
        and any(g.dep_ == "case" and g.lower_ in {"'s", "’s", "'", "’"} for g in tok.children)
    )


def _giving_clause(relcl: Token) -> Token | None:
    """The verb of giving or carrying out a relative clause says its subject does: the clause's
    own ("the support the US provides") or the infinitive of its verb ("the support the US
    continues to provide", "the aid it has promised to send"); None for any other clause."""
    giving = shipped_words("giving_verbs") | shipped_words("carrying_verbs")
    if relcl.lemma_.lower() in giving:
        return relcl
    return next(
        (x for x in relcl.children if x.dep_ == "xcomp" and x.lemma_.lower() in giving),
        None,
    )  # fmt: skip


def _via_pronoun(tok: Token, actors: ActorIndex) -> bool:
    """The noun's only actor comes from a possessive pronoun: "its border", "their ties"."""
    return not actors.all_at(tok.i) and any(
        c.dep_ == "poss" and c.tag_ == "PRP$" for c in tok.children
    )


INNER_PREPS = {"of", "by", "from", "between", "about", "over", "for", "along"}


# Acts done to someone, whose noun's "of" names who underwent it ("the shelling of Aleppo").
ACTS_DONE_TO = {"ASSAULT", "COERCE", "SANCTION"}
# Acts whose "on", "about", "over" name what they are about, not a party: "talks on Syria".
TOPIC_TYPES = {"CONSULT", "AGREE", "COOPERATE"}
TOPIC_PREPS = {"on", "about", "over", "regarding", "concerning"}

# Acts two parties do together: "between X and Y" names both as parties.
MUTUAL = {"CONSULT", "AGREE", "COOPERATE", "SUPPORT"}


def _venue(
    cand: Candidate, tok: Token, found: list[tuple[Actor, Token]], actors: ActorIndex
) -> bool:
    """``tok``, a modifier of a noun of talks or a deal, names a town or a capital (the actors
    ``found`` there): where they were held ("the Vienna talks", "the Madrid conference"); not
    where another modifier names a state too ("the Baghdad–Washington talks": the parties; not
    "the UN-sponsored Geneva talks")."""
    if not (
        cand.event in MUTUAL
        and tok.dep_ == "compound"
        and found
        and all(_place_named(a, tok) for a, _ in found)
    ):
        return False
    others = [
        c for c in cand.head.children if c.i != tok.i and c.dep_ in {"compound", "nmod", "amod"}
    ]
    return not any(
        a.kind == "country" for o in [*others, *tok.children] for a in actors.all_at(o.i)
    )


def venues(cand: Candidate, actors: ActorIndex) -> list[tuple[Actor, Token]]:
    """The actors of the venue modifiers of a nominal candidate (:func:`_venue`)."""
    out: list[tuple[Actor, Token]] = []
    for c in cand.head.children:
        found = [(a, c) for a in actors.all_at(c.i)]
        if _venue(cand, c, found, actors):
            out += found
    return out


def _noun_arguments(cand: Candidate, actors: ActorIndex):
    tok = cand.head
    sources: list[tuple[Actor, Token]] = []
    targets: list[tuple[Actor, Token]] = []
    preps = set(cand.entry.targets) | {"between", "for"}
    if cand.event in TOPIC_TYPES:
        preps -= TOPIC_PREPS  # "talks on Syria", "an agreement over Idlib": what it is about
    for c in tok.children:
        if c.dep_ == "poss":
            if _undergone_by_possessor(tok, cand):
                targets += np_actors(c, actors)  # "his sentence", "Brunson's arrest"
            else:
                sources += np_actors(c, actors)
        elif c.dep_ == "amod" and c.lemma_.lower() in shipped_words("leading_participles"):
            sources += _leaders(c, actors)  # "the US-led airstrikes", "a Russian-led assault"
        elif c.dep_ in {"compound", "amod", "nmod"}:
            found = [(a, c) for a in actors.all_at(c.i)]
            hits = cand.event in {"SANCTION", "ASSAULT", "COERCE"}
            if hits and found and all(_place_named(a, c) for a, _ in found):
                targets.extend(found)  # "the Manchester bombing", "the Aleppo siege": the place hit
                continue
            if _venue(cand, c, found, actors):
                continue  # "the Oslo talks, brokered by Norway and Qatar": where, not who
            (targets if hits and sources else sources).extend(found)
        elif c.dep_ == "prep" and c.lower_ == "by":
            for p in c.children:
                if p.dep_ == "pobj":
                    sources += np_actors(p, actors)
                    targets += _hung_on_agent(tok, p, preps, actors)
        elif c.dep_ == "prep" and c.lower_ == "from" and _from_is_origin(tok, cand):
            # "shelling from Russian jets", "aid from the EU", "pressure from Washington": where
            # the act comes from is who does it
            for p in c.children:
                if p.dep_ == "pobj":
                    sources += np_actors(p, actors)
        elif c.dep_ == "acl" and c.tag_ == "VBN":
            # "sanctions imposed on Russia by the US", "an agreement signed with the EU", "a
            # ceasefire agreed between X and Y": the participle's phrases are the noun's
            more_sources, more_targets = _participle_arguments(c, cand, preps, actors)
            sources += more_sources
            targets += more_targets
        elif (
            c.dep_ == "prep"
            and c.lower_ == "between"
            and cand.event in MUTUAL
            and cand.mode != "third-party"  # a mediation between X and Y is aimed at both
        ):
            # "talks between Ethiopia and Eritrea": both are parties (a reciprocal event)
            parties = [x for p in c.children if p.dep_ == "pobj" for x in np_actors(p, actors)]
            if len(parties) > 1:
                sources += parties
            else:
                targets += parties
        elif (
            c.dep_ == "prep"
            and c.lower_ == "between"
            and tok.lemma_.lower() in shipped_words("fighting_nouns")
        ):
            # "clashes between Kurdish groups and Turkish-led forces": the first side against
            # the other, as the coding guide writes "A and B agreed"
            parties = [x for p in c.children if p.dep_ == "pobj" for x in np_actors(p, actors)]
            if len(parties) > 1:
                sources += parties[:1]
                targets += parties[1:]
            else:
                targets += parties
        elif c.dep_ == "prep" and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj":
                    targets += np_actors(p, actors) or _inner_actors(p, actors, preps)
        elif (
            c.dep_ == "prep"
            and c.lower_ == "of"
            and cand.event == "CONSULT"
            and tok.lemma_.lower() in shipped_words("tour_nouns")
        ):
            # "Rouhani's tour of Iraq": the state toured (not "the visit of the king": a visitor)
            targets += [x for p in c.children if p.dep_ == "pobj"
                        for x in np_actors(p, actors) if x[0].kind == "country"]  # fmt: skip
        elif c.dep_ == "prep" and c.lower_ == "of" and cand.event in {"RETREAT", "MOBILIZE"}:
            for p in c.children:
                if p.dep_ == "pobj":
                    sources += np_actors(p, actors)
        elif (
            c.dep_ == "prep"
            and c.lower_ == "of"
            and cand.event in ACTS_DONE_TO
            and (
                tok.lemma_.lower() not in shipped_words("agentive_nouns")
                or tok.lemma_.lower() in shipped_words("undergone_nouns")
            )
        ):
            # "the beheading of two journalists by militants", "the siege of the town": who
            # underwent it
            for p in c.children:
                if p.dep_ == "pobj":
                    targets += np_actors(p, actors) or _inner_actors(p, actors, preps)
        elif c.dep_ == "prep" and c.lower_ == "of" and cand.event in ABSORBING:
            # "its rejection of the Dutch proposal", "a demand of Iraq"
            for p in c.children:
                if p.dep_ == "pobj":
                    targets += np_actors(p, actors) or _inner_actors(p, actors, preps)
        elif c.dep_ == "prep" and c.lower_ == "of":
            # "a halt of rail traffic with Belarus"
            for p in c.children:
                if p.dep_ == "pobj":
                    for g in p.children:
                        if g.dep_ == "prep" and g.lower_ in preps:
                            targets += [
                                x
                                for q in g.children
                                if q.dep_ == "pobj"
                                for x in np_actors(q, actors)
                            ]
    helped = _helped_owners(tok, actors)
    if helped:
        # "Britain came to Kenya's aid", "rushed to Mali's defence": the owner is the one helped,
        # whoever came to its aid did it
        verb = tok.head.head
        subj = subject_of(verb)
        ids = {id(a) for a, _ in helped}
        helpers = np_actors(antecedent(subj), actors) if subj is not None else []
        return [x for x in helpers if id(x[0]) not in ids], helped
    if cand.event in ACTS_DONE_TO:
        # "his killing at the hands of Saudi agents": who did it, before whose it is
        hands = at_the_hands_of(tok, actors)
        if hands:
            ids = {id(a) for a, _ in hands}
            targets += [
                x for x in sources if id(x[0]) not in ids and _undergone_by_possessor(tok, cand)
            ]
            sources = hands
    if not sources and cand.event in ACTS_DONE_TO:
        sources += _stray_by_actors(tok, actors)  # "dozens of attacks by the regime"
    if not targets and cand.event in ABSORBING:
        for c in tok.children:
            if c.dep_ in {"acl", "ccomp"}:
                subj = next((g for g in c.children if g.dep_ in {"nsubj", "nsubjpass"}), None)
                targets += np_actors(subj, actors) if subj is not None else []
                if not targets:
                    targets += _targets_of_verb(c, cand, actors, 1)
    if not targets and cand.event in ACTS_DONE_TO | {"REJECT"}:
        targets += _hindered(tok, actors)  # "vetoes that hampered UN action"
    if not targets and cand.event in ACTS_DONE_TO | {"REJECT", "THREATEN"}:
        targets += _passive_subject_of_agent(tok, sources, actors)  # "rendered impotent by vetoes"
    if not targets and cand.event in ACTS_DONE_TO:
        targets += _passive_victims(tok, actors)  # "civilians were uprooted by airstrikes"
    if not targets and cand.event in ACTS_DONE_TO:
        targets += _clause_victims(tok, actors)  # "a campaign to drive Isis out of the city"
    if not targets and cand.event in ACTS_DONE_TO:
        targets += _guarded(tok, actors)  # "defending the town from a Turkish invasion"
    if not sources:
        sources += _doers_of_use(tok, actors)  # "Russia's use of chemical weapons"
    if not sources:
        sources += _relative_doers(tok, actors)  # "the offensive Turkey launched in January"
    if not sources:
        sources += _answerable(tok, actors)  # "Isis claimed responsibility for the bombing"
    verb = cand.support
    if cand.undergone and verb is not None:
        return _undergone_arguments(tok, verb, sources, targets, actors)
    exposed = _exposed_parties(tok, cand, actors)
    if exposed:
        # "the town is under bombardment", "despite pressure from Washington, Ankara went
        # ahead": who is under it (or goes ahead despite it) is whom it is aimed at
        ids = {id(a) for a, _ in exposed}
        doers = [s for s in sources if id(s[0]) not in ids]
        if not doers and tok.head.lower_ in UNDER_PREPS:
            # "Kurdish leaders under assault from Turkey": the blows come from the doer
            doers = [x for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"
                     for p in c.children if p.dep_ == "pobj"
                     for x in np_actors(p, actors) if id(x[0]) not in ids]  # fmt: skip
        return doers, exposed
    taker = _act_taken(tok, cand)
    if taker is not None:
        # "the rebels took heavy fire from the army", "took a beating from the police": the act
        # is told from the side that took it; who it came from did it
        return _undergone_arguments(tok, taker, sources, targets, actors)
    receiver = _receiving_verb(tok, cand)
    if receiver is not None:
        # "was given a suspended sentence", "is serving a jail sentence": the subject undergoes it
        subj = subject_of(receiver)
        receivers = np_actors(antecedent(subj), actors) if subj is not None else []
        givers = [  # "by a Turkish court" (the parser may call it an agent or a preposition)
            x
            for c in receiver.children
            if c.dep_ in {"agent", "prep"} and c.lower_ == "by"
            for p in c.children
            if p.dep_ == "pobj"
            for x in np_actors(p, actors)
        ]
        return sources or givers, receivers or targets
    if verb is None and tok.dep_ in {"dobj", "nsubjpass"} and tok.head.pos_ == "VERB":
        verb = tok.head  # "hastened the pullout of its units": any governing verb
    agents = {id(a) for a, _ in _by_actors(tok, actors)}
    if (
        sources
        and not any(a.country for a, _ in sources)
        and not any(id(a) in agents for a, _ in sources)  # "condemned the attack by militants"
        and verb is not None
        and subject_of(verb) is not None
    ):
        sources = []
    reporting = shipped_words("reporting_verbs")
    told = (
        verb is not None
        and cand.event in ACTS_DONE_TO
        and verb.lemma_.lower() in reporting | shipped_words("telling_verbs")
    )
    if told and verb.lemma_.lower() in reporting:
        verb = None  # "the capture was first reported by the New York Times": the reporter
    if verb is not None:
        if not sources:
            subj = subject_of(verb)
            passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
            if passive:
                sources += agent_actors(verb, actors)
            elif subj is not None:
                sources += np_actors(antecedent(subj), actors)  # "the YPG, which led the assault"
        if not targets and cand.event in ABSORBING:
            for c in verb.children:  # "reiterated its demand that Israel ease ..."
                if c.dep_ == "ccomp":
                    subj = next((g for g in c.children if g.dep_ in {"nsubj", "nsubjpass"}), None)
                    targets += np_actors(subj, actors) if subj is not None else []
        if not targets and not told:  # "confirmed the capture to Reuters": whom it was told
            for c in verb.children:
                if c.dep_ == "advcl" and any(g.lower_ == "to" for g in c.children):
                    targets += _targets_of_verb(
                        c, cand, actors, 1
                    )  # "began a hunger strike to protest against X"
                if c.dep_ in {"dative", "iobj"} or (c.dep_ == "prep" and c.lower_ in preps):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            targets += np_actors(p, actors)
                    if c.dep_ in {"iobj"}:
                        targets += np_actors(c, actors)
    elif not sources and tok.dep_ in {"pobj", "dobj"}:
        # "wound up his day with a conversation with X": the governing verb's subject.
        head = tok.head.head if tok.dep_ == "pobj" else tok.head
        if head.pos_ in {"VERB", "AUX"}:
            subj = subject_of(head)
            if subj is not None and subj.dep_ == "nsubjpass" and tok.head.lower_ in {"by", "in"}:
                # "dozens were killed by the attack": who underwent it, not who did it
                if not targets:
                    targets += np_actors(subj, actors)
            elif subj is not None:
                sources += np_actors(subj, actors)
    return sources, targets


#: Prepositions of a state someone is in: "under fire", "under pressure from Washington".
UNDER_PREPS = {"under"}
#: Prepositions of what someone acts against or in the midst of: "despite pressure from X".
DESPITE_PREPS = {"despite", "amid", "amidst"}
#: Types of an act aimed at someone that they may go ahead despite ("despite calls from the UN
#: to stop, Turkey ...", "despite criticism from Trump, the Fed ...").
PRESSING_TYPES = {"REQUEST", "ACCUSE", "THREATEN", "SANCTION", "COERCE"}


def _exposed_parties(tok: Token, cand: Candidate, actors: ActorIndex) -> list[tuple[Actor, Token]]:
    """Who is exposed to an act named by a noun after "under" ("Ghouta is under bombardment",
    "the minister was under pressure from the White House", "a town under siege") or who acts
    despite an act aimed at them ("despite criticism from Trump, the board raised rates",
    "Russia held back, despite Iranian appeals for help"): the subject of the verb the phrase
    hangs on, or the noun it describes. Nobody for "despite the fighting" (acts of force that
    the subject may only have lived through) nor when the subject is the act's own doer ("despite
    its own threats, Turkey held back")."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.dep_ != "prep":
        return []
    word = prep.lower_
    if word not in UNDER_PREPS and not (word in DESPITE_PREPS and cand.event in PRESSING_TYPES):
        return []
    holder = prep.head
    if word in DESPITE_PREPS:
        holder = main_clause(holder, prep)
    if holder.pos_ in {"VERB", "AUX"}:
        subj = subject_of(holder)
        found = np_actors(antecedent(subj), actors) if subj is not None else []
    elif holder.pos_ in {"NOUN", "PROPN"} and word in UNDER_PREPS:
        found = np_actors(holder, actors)  # "civilians under siege"
    else:
        return []
    owned = {c.i for c in tok.subtree}
    found = [x for x in found if x[1].i not in owned and not _via_pronoun(x[1], actors)]
    if word in DESPITE_PREPS and not _own_doers(tok, found, actors):
        return []  # "amid a row with Erdogan, Germany withdrew": the subject is a party
    return found


#: Words of a clause that says when: "last week when Israel bombed ...".
WHEN_WORDS = {"when", "as", "after", "while", "before"}


def main_clause(verb: Token, prep: Token) -> Token:
    """The clause a "despite" phrase set off by a comma at the end of a clause of time belongs
    to: "Russia held back, most recently last week when Israel bombed a base, despite Iranian
    appeals" (Russia held back despite them; the parser hangs the phrase on "bombed")."""
    if prep.i == 0 or prep.doc[prep.i - 1].text != ",":
        return verb
    if not any(c.dep_ in {"advmod", "mark"} and c.lower_ in WHEN_WORDS and c.i < verb.i
               for c in verb.children):  # fmt: skip
        return verb
    if verb.dep_ == "advcl" and verb.head.i != verb.i:
        return verb.head
    if verb.dep_ == "relcl" and verb.head.dep_ in {"npadvmod", "pobj"}:
        time = verb.head if verb.head.dep_ == "npadvmod" else verb.head.head
        return time.head if time.head.i != time.i else verb
    return verb


def _own_doers(noun: Token, exposed: list[tuple[Actor, Token]], actors: ActorIndex) -> bool:
    """The noun names who does it, other than ``exposed``: "criticism from Trump", "Iranian
    appeals", "Washington's pressure", "calls by the UN"."""
    ids = {id(a) for a, _ in exposed}
    doers: list[tuple[Actor, Token]] = []
    for c in noun.children:
        if c.dep_ in {"poss", "amod", "compound", "nmod"}:
            doers += [(a, c) for a in actors.all_at(c.i)]
        elif c.dep_ == "prep" and c.lower_ in {"from", "by"}:
            doers += [x for p in c.children if p.dep_ == "pobj" for x in np_actors(p, actors)]
    return any(id(a) not in ids for a, _ in doers)


def _leaders(participle: Token, actors: ActorIndex) -> list[tuple[Actor, Token]]:
    """Who a hyphened participle before an act's noun names as leading it ("US-led",
    "Saudi-led"): the actors of the words hung on the participle before it."""
    return [
        (a, w)
        for w in participle.children
        if w.i < participle.i and w.dep_ in {"npadvmod", "compound", "amod", "nmod", "advmod"}
        for a in actors.all_at(w.i)
        if a.country or a.sector in {"IGO", "NGO"}
    ]


def _from_is_origin(noun: Token, cand: Candidate) -> bool:
    """A noun's "from" phrase names who the act comes from ("airstrikes from Russian jets"),
    except for acts of leaving or removal ("the withdrawal from Syria", "his expulsion from the
    party")."""
    lemma = noun.lemma_.lower()
    return cand.event not in {"RETREAT", "CONCEDE"} and lemma not in (
        shipped_words("agentive_nouns")
        | shipped_words("withdrawing_words")
        | shipped_words("leaving_nouns")
    )


def _participle_arguments(participle: Token, cand: Candidate, preps: set[str], actors):
    """Sources and targets a participle gives the noun it modifies: its ``by`` agent acts; its
    target prepositions name who the act is aimed at; "between X and Y" of a mutual act names
    both sides."""
    sources: list[tuple[Actor, Token]] = []
    targets: list[tuple[Actor, Token]] = []
    for c in participle.children:
        if c.dep_ == "agent":
            sources += [x for p in c.children if p.dep_ == "pobj" for x in np_actors(p, actors)]
        elif c.dep_ == "prep" and c.lower_ == "between" and cand.event in MUTUAL:
            parties = [x for p in c.children if p.dep_ == "pobj" for x in np_actors(p, actors)]
            sources += parties[:1]
            targets += parties[1:]
        elif c.dep_ == "prep" and c.lower_ in preps - {"by", "for", "between"}:
            targets += [x for p in c.children if p.dep_ == "pobj" for x in np_actors(p, actors)]
    return sources, targets


def _undergone_by_possessor(noun: Token, cand: Candidate) -> bool:
    """The possessor of ``noun`` underwent it: a person's or a group's sentence, arrest, trial
    ("his sentence", "the activist's arrest"), where no "of" phrase names who underwent it."""
    if cand.event not in ACTS_DONE_TO or noun.lemma_.lower() not in shipped_words(
        "undergone_nouns"
    ):
        return False
    return not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)


def _act_taken(noun: Token, cand: Candidate) -> Token | None:
    """The verb of taking an act of force (``receiving_act_verbs``) whose object is ``noun``, a
    noun of attack or of blows ("took heavy fire from", "suffered a beating from"), or None: as
    :func:`_received_from` does for the verb, the noun's event is told from the side that took
    it. Not "took the town" (no act)."""
    if cand.event not in ACTS_DONE_TO or noun.dep_ != "dobj" or noun.head.pos_ != "VERB":
        return None
    if noun.head.lemma_.lower() not in shipped_words("receiving_act_verbs"):
        return None
    return noun.head if _act_of_force(noun) else None


def _receiving_verb(noun: Token, cand: Candidate) -> Token | None:
    """The verb whose subject receives ``noun`` ("is serving a sentence", "was given a
    suspended sentence"), or None."""
    if cand.event not in ACTS_DONE_TO or noun.dep_ != "dobj" or noun.head.pos_ not in {"VERB"}:
        return None
    verb = noun.head
    lemma = verb.lemma_.lower()
    if lemma in shipped_words("receiving_verbs"):
        return verb
    passive = verb.tag_ == "VBN" and (
        any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)
        or (verb.dep_ == "conj" and any(c.dep_ == "nsubjpass" for c in verb.head.children))
    )
    return verb if lemma in shipped_words("receiving_passives") and passive else None


#: Types of the lexicon's verbs that make such a clause an act against its object.
FORCE_TYPES = {"ASSAULT", "COERCE", "SANCTION"}


def _clause_victims(noun: Token, actors: ActorIndex) -> list[tuple[Actor, Token]]:
    """The object of an act of force that a noun's own clause says the act does: "a campaign to
    drive Isis from the city", "a ground offensive that ousted the rebels", "airstrikes that
    have killed dozens of civilians". Not a clause whose subject is someone else ("the raid
    that police said ...") nor one of helping ("a mission to protect civilians")."""
    lexicon = Lexicon.load()
    out: list[tuple[Actor, Token]] = []
    for c in noun.children:
        infinitive = c.dep_ == "acl" and any(
            g.dep_ == "aux" and g.lower_ == "to" for g in c.children
        )
        relative = c.dep_ == "relcl" and any(
            g.dep_ == "nsubj" and g.tag_ in {"WDT", "WP"} for g in c.children
        )
        if not (infinitive or relative):
            continue
        for verb in [c, *[g for g in c.children if g.dep_ == "conj" and g.pos_ == "VERB"]]:
            forceful = verb.lemma_.lower() in shipped_words("ousting_verbs") or any(
                e.event in FORCE_TYPES for e in lexicon.verb_entries(verb)
            )
            if forceful:
                out += [x for g in verb.children if g.dep_ == "dobj" for x in np_actors(g, actors)]
    return out


def _helped_owners(noun: Token, actors: ActorIndex) -> list[tuple[Actor, Token]]:
    """Whose aid an actor comes to: the owner of "aid", "defence", "rescue" after "to" of a verb
    of coming ("Britain came to Kenya's aid", "the army rushed to the town's defence") is the
    one helped, not the helper; nobody for "aid to Kenya" or "Kenya's aid to refugees"."""
    prep = noun.head
    if (
        noun.dep_ != "pobj"
        or noun.lemma_.lower() not in shipped_words("help_nouns")
        or prep.lower_ != "to"
    ):
        return []
    verb = prep.head
    if (
        prep.dep_ != "prep"
        or verb.pos_ != "VERB"
        or verb.lemma_.lower() not in shipped_words("coming_verbs")
    ):
        return []
    return [x for c in noun.children if c.dep_ == "poss" for x in np_actors(c, actors)]


def _hindered(noun: Token, actors: ActorIndex) -> list[tuple[Actor, Token]]:
    """Whose act a noun's own clause says the act hindered: "Russian vetoes that hampered UN
    action", "a veto which blocked the council's resolution", "sanctions that crippled Iran's
    economy": the object, or the owner its modifiers name. Not a clause whose subject is someone
    else ("the veto that Russia said would block nothing")."""
    out: list[tuple[Actor, Token]] = []
    for c in noun.children:
        if c.dep_ != "relcl" or c.lemma_.lower() not in shipped_words("hindering_verbs"):
            continue
        if not any(g.dep_ == "nsubj" and g.tag_ in {"WDT", "WP"} for g in c.children):
            continue
        for g in c.children:
            if g.dep_ == "dobj":
                out += np_actors(g, actors) or _inner_actors(g, actors, set())
    return out


#: Prepositions of what someone or something is kept from: "protect civilians from attacks".
GUARDED_PREPS = {"from", "against"}


def _guarded(noun: Token, actors: ActorIndex) -> list[tuple[Actor, Token]]:
    """Whom an attack a verb of guarding keeps someone from is aimed at: "died defending
    Kurdish-held territory from a Turkish invasion", "to protect civilians against airstrikes":
    the verb's object (not "defended the decision against criticism": an attack noun only,
    which the caller's event type says)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in GUARDED_PREPS:
        return []
    verb = prep.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in shipped_words("guarding_verbs"):
        return []
    return [x for c in verb.children if c.dep_ == "dobj" for x in np_actors(c, actors)]


def _passive_subject_of_agent(
    noun: Token, sources: list[tuple[Actor, Token]], actors: ActorIndex
) -> list[tuple[Actor, Token]]:
    """Who a passive verb says an act noun did it to, where the noun is that verb's agent: "the
    UN was rendered impotent by Russian vetoes", "Iran was hit by US sanctions", "the town was
    struck by Saudi airstrikes": the passive subject; not one of the act's own doers."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "by" or prep.dep_ not in {"agent", "prep"}:
        return []
    verb = prep.head
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subj is None:
        return []
    ids = {id(a) for a, _ in sources}
    return [x for x in np_actors(antecedent(subj), actors) if id(x[0]) not in ids]


def _doers_of_use(noun: Token, actors: ActorIndex) -> list[tuple[Actor, Token]]:
    """Who does an act a noun of doing it has after "of": the owner of "use", "imposition",
    "launch" ("Russia's use of chemical weapons", "the regime's use of barrel bombs", "US
    imposition of sanctions"); not a possessive pronoun ("its use of force": whose it is, the
    sentence does not say here)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.head.i == prep.i:
        return []
    doing = prep.head
    if doing.lemma_.lower() not in shipped_words("doing_nouns"):
        return []
    out: list[tuple[Actor, Token]] = []
    for c in doing.children:
        if c.dep_ == "poss" and c.tag_ != "PRP$":
            out += np_actors(c, actors)
        elif c.dep_ in {"compound", "amod", "nmod"}:
            out += [(a, c) for a in actors.all_at(c.i) if a.kind != "role" or a.country]
    return out


def _relative_doers(noun: Token, actors: ActorIndex) -> list[tuple[Actor, Token]]:
    """Who carried out an act named by a noun that a relative clause says they launched or led
    ("the offensive Turkey launched in January", "the raids that the army conducted"); not who
    judged it ("the strikes that Russia condemned")."""
    for c in noun.children:
        if c.dep_ != "relcl" or c.lemma_.lower() not in shipped_words("carrying_verbs"):
            continue
        subj = next((g for g in c.children if g.dep_ == "nsubj"), None)
        if subj is not None and subj.tag_ not in {"WDT", "WP"}:
            return np_actors(subj, actors)
    return []


def _carriers(noun: Token, actors: ActorIndex) -> list[tuple[Actor, Token]]:
    """Who carries out an act named by a noun that is the object of a verb of carrying it out
    ("Russia launched airstrikes that killed dozens", "the Kurds spearheaded a campaign to oust
    Isis", "Putin began engagements in Syria, relentless campaigns that targeted civilians"):
    the subject of that verb (through an apposition of the noun). Not who judged or suffered it
    ("condemned the airstrikes that killed", "survived a campaign to oust them")."""
    node = noun
    if node.dep_ == "appos" and node.head.i != node.i:
        node = node.head  # "engagements in Syria – relentless campaigns that ..."
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    verb = node.head
    if node.dep_ != "dobj" or verb.lemma_.lower() not in shipped_words("carrying_verbs"):
        return []
    subj = subject_of(verb)
    return np_actors(antecedent(subj), actors) if subj is not None else []


def _answerable(noun: Token, actors: ActorIndex) -> list[tuple[Actor, Token]]:
    """Who answers for an act named by a noun after "for": the subject of "claimed
    responsibility for", "was responsible for", "took credit for", and the object of "blamed X
    for" / "held X responsible for"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for":
        return []
    word = prep.head
    lemma = word.lemma_.lower()
    blaming, answerable = shipped_words("blaming_verbs"), shipped_words("answerable_words")
    if lemma in blaming or (lemma in answerable and word.dep_ == "oprd"):
        verb = word if lemma in blaming else word.head  # "held X responsible for"
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        return np_actors(obj, actors) if obj is not None else []
    if lemma not in answerable:
        return []
    if word.dep_ == "amod":
        return np_actors(word.head, actors)  # "held Hezbollah responsible for" (parsed so)
    if word.pos_ == "ADJ":
        subj = subject_of(word)  # "X was responsible for", "hold X responsible for"
    elif word.dep_ == "dobj":
        subj = subject_of(word.head)  # "X claimed responsibility for"
    else:
        return []
    return np_actors(antecedent(subj), actors) if subj is not None else []


def _passive_victims(noun: Token, actors: ActorIndex) -> list[tuple[Actor, Token]]:
    """The subject of a passive verb whose agent is the act ("thousands were uprooted by Russian
    airstrikes", "the convoy was hit by an Israeli strike") underwent it."""
    if noun.dep_ != "pobj" or noun.head.dep_ != "agent":
        return []
    verb = noun.head.head
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return np_actors(antecedent(subj), actors) if subj is not None else []


def _undergone_arguments(tok: Token, verb: Token, sources, targets, actors: ActorIndex):
    """ "the convoy came under fire from rebels": the verb's subject is the target; the source
    is who the noun or the verb says it came from ("from", "by")."""
    subj = subject_of(verb)
    victims = np_actors(antecedent(subj), actors) if subj is not None else []
    givers = [s for s in sources if s not in victims]
    for node in (tok, verb):
        for c in node.children:
            if c.dep_ in {"prep", "agent"} and c.lower_ in {"from", "by"}:
                for p in c.children:
                    if p.dep_ == "pobj":
                        givers += np_actors(p, actors)
            if c.dep_ == "prep" and c.lower_ in {"in", "at", "during"}:
                # "won concessions in talks with Iraq": the other side of the talks gave them
                talks = shipped_words("talks_nouns")
                for p in c.children:
                    if p.dep_ == "pobj" and p.lemma_.lower() in talks:
                        givers += _actors_after(p, "with", actors)
    given = {a.id for a, _ in givers}
    return givers, victims or [t for t in targets if t[0].id not in given]


def _place_named(actor: Actor, tok: Token) -> bool:
    """``tok`` names a town or city of ``actor``'s country ("Manchester", "Aleppo"), not the
    country itself or its people ("British", "Syria")."""
    return actor.kind == "country" and any(
        m.start <= tok.idx < m.end and (m.rule.startswith("gazetteer") or "capital" in m.rule)
        for m in actor.mentions
    )


def _unique(pairs: list[tuple[Actor, Token]]) -> list[tuple[Actor, Token]]:
    seen: set[int] = set()
    out = []
    for actor, tok in pairs:
        if id(actor) not in seen:
            seen.add(id(actor))
            out.append((actor, tok))
    return out


def at_the_hands_of(tok: Token, actors: ActorIndex) -> list[tuple[Actor, Token]]:
    """The actors of an "at the hands of" phrase hung on ``tok`` ("were killed at the hands of
    the militia", "his death at the hands of Saudi agents"): who did it."""
    return [
        x
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "at"
        for h in c.children
        if h.dep_ == "pobj" and h.lower_ == "hands"
        for x in _actors_after(h, "of", actors)
    ]


def agent_actors(verb: Token, actors: ActorIndex) -> list:
    """The actors of a passive verb's ``by`` phrase ("was shelled by the army"), also where the
    parser hangs it on the verb as a plain preposition or on the phrase before it ("are carried
    out with impunity by Syrian forces"), and of "at the hands of" ("killed at the hands of the
    militia")."""
    found = _by_actors(verb, actors) or at_the_hands_of(verb, actors)
    if found or any(c.dep_ == "agent" for c in verb.children):
        return found
    for c in verb.children:
        if c.dep_ == "prep" and not found:
            # "was described as very alarming by the ambassador": on the verdict ("pcomp")
            found += [x for p in c.children if p.dep_ in {"pobj", "pcomp"}
                      for x in _by_actors(p, actors)]  # fmt: skip
    return found

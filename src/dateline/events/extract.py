"""Event extraction: triggers from the lexicon, arguments from the dependency parse, one event per pair."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dateline.actors.index import ActorIndex
from dateline.events import modality as mod
from dateline.events.lexicon import Lexicon, TriggerEntry, lemma_forms
from dateline.model import Actor, Article, Event, Span

# Verbal types whose complement is part of what they say ("agreed to cooperate", "demanded that
# X leave", "threatened to cut supplies"): triggers inside the complement are not separate events.
ABSORBING = {"AGREE", "REQUEST", "REJECT", "THREATEN", "ACCUSE", "SUPPORT", "CONCEDE", "PROTEST"}
# Clauses that describe background or conditions rather than the reported happening.
SUBORDINATE_DEPS = {"relcl", "acl", "advcl", "csubj", "pcomp"}
CONDITION_MARKS = {"if", "unless", "provided", "whether"}
# Types that act on the source's own country when no target is named.
DOMESTIC = {"COERCE", "CONCEDE", "PROTEST"}
VERBAL_CONFLICT = {"ACCUSE", "REQUEST", "REJECT", "THREATEN"}
# Sectors of bodies that act inside their own country.
DOMESTIC_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "SPY", "PTY", "CVL", "EDU", "LAB", "REL",
                    "REF", "AGR", "BUS", "MED", "CRM", "SOC", "ELI", "UAF"}  # fmt: skip
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
WILLING = {"willing", "ready", "prepared", "eager", "keen"}
WILLING_ENTRY = TriggerEntry(id="rule:willing", event="AGREE")
# Heads that an event noun modifies without changing the event: "mediation effort".
GENERIC_HEADS = {
    "effort",
    "process",
    "mission",
    "operation",
    "campaign",
    "initiative",
    "attempt",
    "bid",
    "plan",
    "programme",
    "program",
    "drive",
    "move",
    "round",
    "session",
}
# Passives that describe a state of their subject rather than an act done to it.
STATIVE_PASSIVES = {
    "commit",
    "dedicate",
    "determine",
    "prepare",
    "engage",
    "oblige",
    "resolve",
    "set",
    "involve",
}
# A word in one of these positions is a noun, whatever the tagger said ("staged rallies").
NOMINAL_DEPS = {"dobj", "pobj", "nsubj", "nsubjpass", "attr", "appos"}


@dataclass
class Candidate:
    """A trigger token with its lexicon entry, before arguments are attached."""

    token: Token
    entry: TriggerEntry
    event: str
    mode: str | None
    nominal: bool = False
    support: Token | None = None  # the light verb governing a nominal trigger
    object_token: Token | None = None  # the object that licensed an `objects` entry
    frame: Token | None = None  # the noun whose dependents carry a nominal event's arguments

    @property
    def head(self) -> Token:
        return self.frame if self.frame is not None else self.token


def extract_events(doc: Doc, article: Article, actors: ActorIndex, lexicon: Lexicon) -> list[Event]:
    """Every event of the article, one per (source, target) pair, in text order."""
    from dateline.events.ontology import Ontology

    ontology = Ontology.load()
    sentences = list(doc.sents)
    sent_of = {}
    for s_i, sent in enumerate(sentences):
        for tok in sent:
            sent_of[tok.i] = s_i
    events: list[Event] = []
    for s_i, sent in enumerate(sentences):
        candidates = find_candidates(sent, lexicon)
        candidates += mod.modal_requests(sent, lexicon)
        candidates = _drop_absorbed(candidates)
        candidates = _main_clause_first(candidates)
        for cand in candidates:
            events.extend(_code(cand, s_i, sentences[s_i], doc, article, actors, lexicon, ontology))
    return _dedupe(events)


# --------------------------------------------------------------------------- triggers


def find_candidates(sent, lexicon: Lexicon) -> list[Candidate]:
    """Trigger tokens of one sentence with the most specific matching entry."""
    support = lexicon.word_set("support_verbs")
    out: list[Candidate] = []
    for tok in sent:
        nominal_position = tok.dep_ in NOMINAL_DEPS and (
            tok.tag_ not in {"VBG", "VBN", "VBD"} or any(c.dep_ == "det" for c in tok.children)
        )
        if (tok.pos_ == "VERB" and not nominal_position) or (
            tok.pos_ == "AUX" and tok.dep_ not in {"aux", "auxpass"}
        ):
            entry, obj = _match_verb(tok, lexicon)
            if entry is not None and not _subject_allowed(entry, tok):
                entry, obj = _match_verb(tok, lexicon, skip=entry)
            if entry is not None:
                out.append(Candidate(tok, entry, entry.event, entry.mode, object_token=obj))
        elif (
            tok.pos_ == "ADJ"
            and tok.lemma_.lower() in WILLING
            and any(c.dep_ == "xcomp" for c in tok.children)
        ):
            # "Norway is willing to send material": an offer, unless what is offered is hostile
            inner = [c for c in tok.children if c.dep_ == "xcomp"][0]
            if not any(lexicon.verb_entries(t) for t in inner.subtree if t.pos_ == "VERB"):
                out.append(Candidate(tok, WILLING_ENTRY, "AGREE", None))
        elif tok.pos_ == "NOUN" or (tok.pos_ == "VERB" and nominal_position):
            entries = lexicon.noun_entries(tok)
            if not entries:
                continue
            frame = tok
            if tok.dep_ == "compound" and tok.head.lemma_.lower() in GENERIC_HEADS:
                frame = tok.head  # "a mediation effort between", "the peace process with"
            elif tok.dep_ == "compound":
                continue  # "aid deliveries", "war crimes court": a modifier, not the event
            governor = _noun_governor(frame)
            licensed = governor is not None and bool(support.intersection(lemma_forms(governor)))
            if not licensed and not _noun_has_own_args(frame):
                continue
            entry = entries[0]
            out.append(Candidate(tok, entry, entry.event, entry.mode, nominal=True,
                                 support=governor if licensed else None, frame=frame))  # fmt: skip
    return out


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
    tok: Token, lexicon: Lexicon, skip: TriggerEntry | None = None
) -> tuple[TriggerEntry | None, Token | None]:
    for entry in lexicon.verb_entries(tok):
        if skip is not None and (entry is skip or not _subject_allowed(entry, tok)):
            continue
        obj = None
        if entry.particle and not any(
            c.dep_ in {"prt", "advmod", "prep"} and c.lower_ in entry.particle for c in tok.children
        ):
            continue
        if entry.preps and not any(
            c.dep_ in {"prep", "dative", "prt"} and c.lower_ in entry.preps for c in tok.children
        ):
            continue
        if entry.objects:
            obj = _find_object(tok, entry.objects)
            if obj is None:
                continue
        if entry.not_objects and _find_object(tok, entry.not_objects) is not None:
            continue
        if entry.complement and not any(
            c.dep_ in {"xcomp", "ccomp", "advcl"} and c.lemma_.lower() in entry.complement
            for c in tok.children
        ):
            continue
        return entry, obj
    return None, None


def _find_object(tok: Token, lemmas: frozenset[str]) -> Token | None:
    """The object (or a noun inside it) whose lemma is in ``lemmas``: "imposed sanctions",
    "handed over 700 kg of medicine", "put troops on alert", "agreed to a ceasefire"."""
    frontier = [
        c
        for c in tok.children
        if c.dep_ in {"dobj", "nsubjpass", "attr", "oprd", "dative", "npadvmod"}
    ]
    for prep in (c for c in tok.children if c.dep_ in {"prep", "prt", "agent"}):
        frontier.extend(c for c in prep.children if c.dep_ in {"pobj"})
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


def _noun_governor(tok: Token) -> Token | None:
    """The verb a nominal trigger depends on as object ("held talks", "imposed sanctions",
    "staged a rally", "declared a ceasefire", "called for sanctions")."""
    head = tok
    # "a series of financial controls", "a suspension of air links": climb "of" phrases.
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
        and head.head.lower_ in {"for", "in", "into", "on"}
    ):
        return head.head.head
    return None


def _noun_has_own_args(tok: Token) -> bool:
    """A nominal event standing on its own: "a conversation with Turnbull", "Obama's sanctions"."""
    has_target = any(
        c.dep_ == "prep" and c.lower_ in {"with", "against", "on", "between", "to"}
        for c in tok.children
    )
    has_source = any(
        c.dep_ in {"poss", "amod", "compound"} and c.pos_ in {"PROPN", "ADJ"} for c in tok.children
    )
    return has_target and (has_source or tok.dep_ in {"pobj", "dobj", "nsubj"})


def _drop_absorbed(cands: list[Candidate]) -> list[Candidate]:
    """Triggers inside the complement of a verbal trigger ("agreed to cooperate") are its content."""
    absorbed: set[int] = set()
    by_index = {c.token.i: c for c in cands}
    for cand in cands:
        if cand.event not in ABSORBING:
            continue
        head = cand.support if cand.nominal else cand.token
        children = list(head.children) if head is not None else []
        if cand.nominal:
            # "its demand that Israel ease restrictions": the noun's own clause is its content
            children = [c for c in children if c.dep_ == "advcl"]
            children += [c for c in cand.head.children if c.dep_ in {"acl", "ccomp"}]
        for child in children:
            if cand.nominal and child.dep_ in {"acl", "ccomp"}:
                absorbed.update(
                    t.i for t in child.subtree if t.i in by_index and t.i != cand.token.i
                )
                continue
            if child.dep_ in COMPLEMENT_DEPS:
                if (
                    child.dep_ == "advcl"
                    and not any(g.lower_ in {"to"} for g in child.children)
                    and child.lemma_.lower()
                    not in {"say", "call", "demand", "urge", "insist", "protest"}
                ):
                    continue  # "..., killing one person": a separate event
                for t in child.subtree:
                    if t.i != cand.token.i and t.i in by_index and t.i not in absorbed:
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
            if not verb.nominal and cand.head.dep_ in {"dobj", "nsubjpass"}:
                continue
        out.append(cand)
    return out


def _mode_from_cues(cand: Candidate, lexicon: Lexicon) -> str | None:
    """A mode from words next to the trigger: "spoke by telephone" is CONSULT/phone."""
    cues = (lexicon.lists.get("mode_cues") or {}).get(cand.event) or {}
    if not cues:
        return None
    near = set()
    for node in (cand.token, cand.support):
        if node is None:
            continue
        for c in node.children:
            if c.dep_ in {"prep", "compound", "amod", "npadvmod"}:
                near.update(t.lemma_.lower() for t in c.subtree)
    if cand.nominal:
        near.add(cand.token.lemma_.lower())
    for mode, words in cues.items():
        if near & {str(w).lower() for w in words}:
            return mode
    return None


def _clause_path(tok: Token) -> list[Token]:
    path = [tok]
    while path[-1].head is not path[-1] and len(path) < 30:
        path.append(path[-1].head)
    return path


def _in_condition(tok: Token) -> bool:
    for node in _clause_path(tok):
        if node.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in node.children
        ):
            return True
    return False


BACKGROUND_PREPS = {"after", "before", "following", "since", "amid", "despite", "until"}


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
            if node.dep_ == "advcl" and any(c.lower_ == "to" for c in node.children):
                continue  # purpose clauses keep their own events
            return True
    return False


def _intention_of_noun(tok: Token) -> bool:
    """ "plans to sell", "efforts to defeat", "moves to cancel": an aim, not an event."""
    for node in _clause_path(tok)[:4]:
        if (
            node.dep_ in {"acl", "xcomp"}
            and node.head.pos_ == "NOUN"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
            and node.head.lemma_.lower() not in {"attempt", "bid", "try", "effort"}
        ):
            return True
    return False


def _main_clause_first(cands: list[Candidate]) -> list[Candidate]:
    """Conditions ("if it is attacked") are never events; background clauses ("after a coup
    toppled the government", "whom they had taken hostage") only count when the sentence has no
    main-clause event."""
    cands = [c for c in cands if not _in_condition(c.token) and not _intention_of_noun(c.token)]
    main = [c for c in cands if not _is_subordinate(c.token)]
    return main or cands


# --------------------------------------------------------------------------- arguments


def _code(cand, s_i, sent, doc, article, actors, lexicon, ontology) -> list[Event]:
    sources, targets = arguments(cand, actors)
    if cand.event in {"THREATEN", "ACCUSE", "REQUEST", "REJECT"} and sources:
        # "Erdogan warned that Turkey would act": the speaker's own country, as the subject of
        # the reported clause, is not the target
        own = {a.country for a, _ in sources if a.country}
        targets = [
            t for t in targets
            if not (t[0].kind == "country" and t[0].country in own and t[1].dep_ == "nsubj" and t[1].head.dep_ == "ccomp")
        ]  # fmt: skip
    if not targets and (cand.event == "THREATEN" or cand.event in mod.HOSTILE_CONDITIONAL):
        targets = _condition_subject(cand, actors)
    territory = _territory_target(cand, actors, sources) if cand.event in TERRITORIAL else []
    targets = _domestic_targets(sources, targets, territory)
    placed = False  # the target is where the act happened, not whom it addressed
    if not targets and territory:
        targets, placed = territory, True
    if not sources and territory and cand.event in {"ASSAULT", "COERCE"} and _unattributed(cand):
        # "a roadside bomb near Samarra killed a soldier": unidentified attackers where it happened
        country = territory[0][0].country
        sources = [(Actor(id=f"uaf:{country}", name=f"unidentified forces ({country})", country=country,
                          sector="UAF", kind="group"), territory[0][1])]  # fmt: skip
    if not targets and cand.event in DOMESTIC:
        targets = _own_country(sources)
    if (
        placed
        or cand.event not in VERBAL_CONFLICT
        or not any(t[0].kind == "country" and not t[0].id.startswith("domestic:") for t in targets)
    ):
        # a statement aimed at a state says nothing about where its author comes from
        sources = _sources_in_context(sources, targets)
    modality, negated, reporter = mod.classify(cand, lexicon, actors)
    event_type, mode = mod.retype(
        cand.event, cand.mode or _mode_from_cues(cand, lexicon), modality, negated, cand, lexicon
    )
    if event_type != cand.event:
        negated = False if event_type == "REJECT" else negated
    if not sources and not targets:
        return []
    if not sources and (modality in {"future", "hypothetical"} or cand.entry is WILLING_ENTRY):
        return []  # a plan nobody is said to have ("it was too early to consider easing sanctions")
    if event_type is None:
        return []
    date_value, precision, historical = mod.event_date(cand, article, lexicon)
    if historical and modality == "asserted":
        modality = "historical"
    try:
        cameo = ontology.cameo_for(event_type, mode)
    except KeyError:
        cameo = ontology.cameo_for(event_type)
        mode = None
    trig = cand.token
    trigger = Span(text=trig.text, start=trig.idx, end=trig.idx + len(trig.text))
    pairs: list[tuple[tuple[Actor, Token] | None, tuple[Actor, Token] | None]] = []
    if (
        len(sources) > 1
        and targets
        and {t[0].country for t in targets} <= {s[0].country for s in sources}
    ):
        targets = []  # "Palestinians and Israelis failed to agree on Palestinian offices": mutual
    if len(sources) > 1 and all(t[0].kind == "role" and not t[0].country for t in targets):
        targets = []  # "the Turkish and Greek sides agreed to share information on missing people"
    if len(sources) > 1 and {id(t[0]) for t in targets} <= {id(s[0]) for s in sources}:
        targets = []  # "X and Y agreed that their countries ...": the same parties, reciprocal
    if sources and targets:
        pairs = [
            (s, t)
            for s in sources
            for t in targets
            if s[0] is not t[0] and not _own_side(s[0], t[0], event_type)
        ]
        if not pairs:
            pairs = [(s, None) for s in sources]  # every target was the source's own side
    elif (
        sources
        and len(sources) > 1
        and (cand.event not in {"PROTEST", "ASSAULT", "COERCE", "MOBILIZE"} or cand.entry.symmetric)
    ):
        # "X and Y agreed": a reciprocal event, coded both ways.
        pairs = [(s, t) for s in sources for t in sources if s[0] is not t[0]]
    elif sources:
        pairs = [(s, None) for s in sources]
    else:
        pairs = [(None, t) for t in targets]
    if cand.entry.symmetric and mode != "visit" and event_type == cand.event:
        pairs += [
            (t, s) for s, t in pairs if s is not None and t is not None and (t, s) not in pairs
        ]
    out = []
    reporter_ref = reporter[0].ref(reporter[1].text) if reporter else None
    for src, tgt in pairs:
        confidence = 0.4 + 0.25 * bool(src and src[0].country) + 0.2 * bool(tgt and tgt[0].country)
        if modality != "asserted":
            confidence -= 0.1
        out.append(
            Event(
                event=event_type,
                mode=mode,
                context=list(cand.entry.context),
                cameo=cameo,
                quad_class=ontology.quad_class(event_type),
                goldstein=ontology.goldstein(event_type, mode),
                source=src[0].ref(_np_text(src[1])) if src else None,
                target=tgt[0].ref(_np_text(tgt[1])) if tgt else None,
                date=date_value,
                date_precision=precision,
                sentence=s_i,
                sentence_text=sent.text,
                trigger=trigger,
                negated=negated,
                modality="negated" if negated else modality,
                reported_by=reporter_ref,
                confidence=max(0.05, min(confidence, 0.95)),
            )
        )
    return out


def _domestic_targets(sources, targets, territory):
    """A target named only by its role ("protesters", "opposition candidates") is taken to be
    of the country where the act happens, else of the source's country when every source has
    the same one: the domestic reading."""
    countries = {a.country for a, _ in sources if a.country}
    if territory:
        country = territory[0][0].country
    elif len(countries) == 1:
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


def _condition_subject(cand: Candidate, actors: ActorIndex) -> list[tuple[Actor, Token]]:
    """The party a threat is aimed at is the subject of its condition: "X threatened to stop
    talks if the United States goes ahead", "... unless Hamas renounces violence"."""
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


ATTACK_NOUNS = {
    "bombing",
    "attack",
    "blast",
    "explosion",
    "bomb",
    "strike",
    "airstrike",
    "shelling",
    "shell",
    "mine",
    "rocket",
    "missile",
    "gunfire",
    "fire",
    "ambush",
    "raid",
    "device",
    "gunman",
    "gunmen",
}


def _unattributed(cand: Candidate) -> bool:
    """No one is named as doing it: a passive with no agent, or a weapon or attack as subject
    ("a roadside bomb killed ..."), as opposed to an actor the resolver did not know."""
    verb = cand.support if cand.nominal and cand.support is not None else cand.token
    subj = subject_of(verb)
    if subj is None:
        return not cand.nominal or cand.support is None
    if subj.dep_ == "nsubjpass":
        return not any(c.dep_ == "agent" for c in verb.children)
    return subj.lemma_.lower() in ATTACK_NOUNS


def _own_side(source: Actor, target: Actor, event_type: str) -> bool:
    """A leader agreeing or talking "with" their own country is not a dyad."""
    return (
        event_type in {"AGREE", "CONSULT", "SUPPORT", "COOPERATE"}
        and target.kind == "country"
        and source.country is not None
        and source.country == target.country
    )


def _own_country(sources) -> list[tuple[Actor, Token]]:
    """Curfews, crackdowns, concessions and protests with no named target act on the source's
    own country: "Turkish police prevented the demonstration" is TUR against TUR."""
    countries = {a.country for a, _ in sources if a.country}
    if len(countries) != 1:
        return []
    (country,) = countries
    tok = sources[0][1]
    return [(Actor(id=f"domestic:{country}", name=country, country=country, kind="country"), tok)]


def _sources_in_context(sources, targets):
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


def _territory_target(cand: Candidate, actors: ActorIndex, sources) -> list[tuple[Actor, Token]]:
    """The country of a place the act happens in ("a curfew in Algiers", "demonstrated in Serbia")."""
    from dateline.places import resolve_place

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
                if found:
                    return found[:1]
                for tok in pobj.subtree:
                    if tok.pos_ == "PROPN" and tok.ent_type_ not in {
                        "PERSON",
                        "ORG",
                        "DATE",
                        "TIME",
                    }:
                        place = resolve_place(
                            tok.text, [a.country for a, _ in sources if a.country]
                        )
                        if place is not None and place.country:
                            return [(Actor(id=f"place:{place.country}", name=place.name,
                                            country=place.country, kind="country"), tok)]  # fmt: skip
    return []


def arguments(
    cand: Candidate, actors: ActorIndex
) -> tuple[list[tuple[Actor, Token]], list[tuple[Actor, Token]]]:
    """Source and target actors of a candidate, each with the token that names it."""
    tok = cand.token
    if cand.nominal:
        sources, targets = _noun_arguments(cand, actors)
    else:
        sources, targets = _verb_arguments(tok, cand, actors)
    src_ids = {id(a) for a, _ in sources}
    targets = [t for t in targets if id(t[0]) not in src_ids or len(sources) > 1]
    return _informative(_unique(sources)), _informative(_unique(targets))


def _informative(pairs: list[tuple[Actor, Token]]) -> list[tuple[Actor, Token]]:
    """In "X and a group of deputies", a role with no country adds nothing next to actors with one;
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
    subj = subject_of(tok)
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in tok.children)
    has_agent = any(c.dep_ == "agent" for c in tok.children)
    if passive and not has_agent and tok.lemma_.lower() in STATIVE_PASSIVES:
        passive = False  # "France is committed to the UN": a state of the subject
    if passive:
        for c in tok.children:
            if c.dep_ == "agent":
                for p in c.children:
                    if p.dep_ == "pobj":
                        sources += np_actors(p, actors)
        if subj is not None:
            found = np_actors(subj, actors)
            if not found:
                # "controls, an embargo and travel restrictions on Russian officials were imposed"
                for node in [subj, *[c for c in subj.subtree if c.dep_ == "conj"]]:
                    found += _inner_actors(node, actors, set(cand.entry.targets))
            targets += found
    elif subj is not None:
        sources += np_actors(subj, actors)
    targets += _targets_of_verb(tok, cand, actors, depth=0)
    return sources, targets


def _targets_of_verb(
    tok: Token, cand: Candidate, actors: ActorIndex, depth: int
) -> list[tuple[Actor, Token]]:
    out: list[tuple[Actor, Token]] = []
    preps = set(cand.entry.targets)
    used_preps: set[str] = set()
    object_is_topic = cand.entry.object_role == "topic" and depth == 0
    for c in tok.children:
        if c.dep_ in {"dobj", "dative", "iobj", "attr"} and c.pos_ != "ADP":
            if object_is_topic and c.dep_ == "dobj":
                # "deployed troops along its border with Armenia": the place, not the troops
                out += _inner_actors(
                    c, actors, preps | {"along", "near", "at", "to", "toward"}, modifiers=False
                )
                continue
            found = np_actors(c, actors)
            inner = [x for x in _inner_actors(c, actors, preps) if x not in found]
            if inner and all(_via_pronoun(t, actors) for _a, t in found):
                found = []  # "reopened its border with Tajikistan": the border's other side
            out += found + inner
        elif c.dep_ in {"prep", "dative"} and (c.lower_ in preps or c.dep_ == "dative"):
            if c.lower_ in used_preps:
                continue  # "spoke with Putin ..., with officials on hand": the first one counts
            used_preps.add(c.lower_)
            for p in c.children:
                if p.dep_ == "pcomp" and depth < 2:  # "looked forward to welcoming the king"
                    out += _targets_of_verb(p, cand, actors, depth + 1)
            for p in c.children:
                if p.dep_ == "pobj":
                    found = np_actors(p, actors) or _inner_actors(p, actors, preps)
                    out += found
        elif c.dep_ == "prt":
            for p in c.children:
                if p.dep_ == "pobj":
                    out += np_actors(p, actors)
                elif p.dep_ == "prep":  # "kidnapped up to 16 advisers"
                    out += [x for q in p.children if q.dep_ == "pobj" for x in np_actors(q, actors)]
    if not out:
        # "called for sanctions against Nigeria", "complained over raids by Israel"
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ not in preps | {
                "by",
                "during",
                "in",
                "at",
                "after",
                "before",
                "since",
            }:
                for p in c.children:
                    if p.dep_ == "pobj":
                        out += np_actors(p, actors) or _inner_actors(p, actors, preps)
    if depth < 2 and (cand.event in ABSORBING or not out):
        for c in tok.children:
            if c.dep_ == "advcl" and not out and any(g.lower_ == "to" for g in c.children):
                out += _targets_of_verb(
                    c, cand, actors, depth + 1
                )  # "opened fire to disperse protesters"
            elif c.dep_ in {"ccomp", "xcomp"} and c.pos_ in {"VERB", "AUX"}:
                inner_subj = next((g for g in c.children if g.dep_ in {"nsubj", "nsubjpass"}), None)
                if inner_subj is not None and c.dep_ == "ccomp":
                    found = np_actors(inner_subj, actors) or _inner_actors(
                        inner_subj, actors, preps
                    )
                    if found:
                        out += found
                        continue
                out += _targets_of_verb(c, cand, actors, depth + 1)
            elif c.dep_ == "dobj" and not out:
                # "urged the EC to support the PLO": the object of the inner verb.
                for g in c.children:
                    if g.dep_ in {"acl", "relcl", "xcomp"} and cand.event in ABSORBING:
                        out += _targets_of_verb(g, cand, actors, depth + 1)
    return out


def _inner_actors(
    tok: Token, actors: ActorIndex, preps: set[str], depth: int = 0, modifiers: bool = True
) -> list[tuple[Actor, Token]]:
    """Actors inside a non-actor object: "Serbia's suppression", "sanctions on Russia",
    "the withdrawal of Serbian forces", "70 million dollars of aid for Romania".

    Target prepositions ("evidence with the U.S.") count first; "of", "about", "between" and the
    like only when those name no one ("evidence about contacts between X and Y" is a topic)."""
    first: list[tuple[Actor, Token]] = []
    second: list[tuple[Actor, Token]] = []
    owners: list[tuple[Actor, Token]] = []
    for c in tok.children:
        if c.dep_ == "poss" and c.tag_ != "PRP$":  # "their disapproval" belongs to the subject
            (first if modifiers else owners).extend(np_actors(c, actors))
        elif c.dep_ in {"compound", "amod"}:
            found = [(a, c) for a in actors.all_at(c.i) if a.kind != "role" or a.country]
            (first if modifiers else owners).extend(found)
        elif c.dep_ == "prep" and (c.lower_ in preps or c.lower_ in INNER_PREPS):
            # "the withdrawal of Serbian forces from Bosnia": who withdraws comes first
            agentive = c.lower_ == "of" and tok.lemma_.lower() in AGENTIVE_NOUNS
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


def _via_pronoun(tok: Token, actors: ActorIndex) -> bool:
    """The noun's only actor comes from a possessive pronoun: "its border", "their ties"."""
    return not actors.all_at(tok.i) and any(
        c.dep_ == "poss" and c.tag_ == "PRP$" for c in tok.children
    )


AGENTIVE_NOUNS = {
    "withdrawal",
    "removal",
    "release",
    "resignation",
    "departure",
    "expulsion",
    "extradition",
    "return",
    "surrender",
    "disarmament",
    "pullout",
    "ouster",
    "arrest",
    "punishment",
}
INNER_PREPS = {"of", "by", "from", "between", "about", "over", "for", "along"}


def _noun_arguments(cand: Candidate, actors: ActorIndex):
    tok = cand.head
    sources: list[tuple[Actor, Token]] = []
    targets: list[tuple[Actor, Token]] = []
    preps = set(cand.entry.targets) | {"between", "for"}
    for c in tok.children:
        if c.dep_ == "poss":
            sources += np_actors(c, actors)
        elif c.dep_ in {"compound", "amod", "nmod"}:
            found = [(a, c) for a in actors.all_at(c.i)]
            (
                targets if cand.event in {"SANCTION", "ASSAULT", "COERCE"} and sources else sources
            ).extend(found)
        elif c.dep_ == "prep" and c.lower_ == "by":
            for p in c.children:
                if p.dep_ == "pobj":
                    sources += np_actors(p, actors)
        elif c.dep_ == "prep" and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj":
                    targets += np_actors(p, actors) or _inner_actors(p, actors, preps)
        elif c.dep_ == "prep" and c.lower_ == "of" and cand.event in {"RETREAT", "MOBILIZE"}:
            for p in c.children:
                if p.dep_ == "pobj":
                    sources += np_actors(p, actors)
        elif c.dep_ == "prep" and c.lower_ == "of" and cand.event in ABSORBING:
            # "its rejection of the Dutch proposal", "a demand of Iraq"
            for p in c.children:
                if p.dep_ == "pobj":
                    targets += np_actors(p, actors) or _inner_actors(p, actors, preps)
        elif c.dep_ == "prep" and c.lower_ == "of":
            # "a suspension of air links with Serbia"
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
    if not targets and cand.event in ABSORBING:
        for c in tok.children:
            if c.dep_ in {"acl", "ccomp"}:
                subj = next((g for g in c.children if g.dep_ in {"nsubj", "nsubjpass"}), None)
                targets += np_actors(subj, actors) if subj is not None else []
                if not targets:
                    targets += _targets_of_verb(c, cand, actors, 1)
    verb = cand.support
    if verb is None and tok.dep_ in {"dobj", "nsubjpass"} and tok.head.pos_ == "VERB":
        verb = tok.head  # "speeded up the withdrawal of forces": any governing verb
    if (
        sources
        and not any(a.country for a, _ in sources)
        and verb is not None
        and subject_of(verb) is not None
    ):
        sources = []
    if verb is not None:
        if not sources:
            subj = subject_of(verb)
            passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
            if passive:
                for c in verb.children:
                    if c.dep_ == "agent":
                        for p in c.children:
                            if p.dep_ == "pobj":
                                sources += np_actors(p, actors)
            elif subj is not None:
                sources += np_actors(subj, actors)
        if not targets and cand.event in ABSORBING:
            for c in verb.children:  # "reiterated its demand that Israel ease ..."
                if c.dep_ == "ccomp":
                    subj = next((g for g in c.children if g.dep_ in {"nsubj", "nsubjpass"}), None)
                    targets += np_actors(subj, actors) if subj is not None else []
        if not targets:
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
            if subj is not None:
                sources += np_actors(subj, actors)
    return sources, targets


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject of a verb, inherited through xcomp, conj and participles."""
    seen = 0
    node = verb
    while seen < 6:
        seen += 1
        for c in node.children:
            if c.dep_ in {"nsubj", "nsubjpass", "csubj"}:
                return c
        if node.dep_ in {"xcomp", "conj", "advcl", "ccomp", "acomp"} and node.head is not node:
            if node.dep_ == "ccomp":
                return None
            node = node.head
            continue
        if node.dep_ in {"relcl", "acl"} and node.head.pos_ in {"NOUN", "PROPN", "PRON"}:
            return node.head
        if node.dep_ == "pcomp" and node.head.head is not node.head:
            node = node.head.head  # "shifted its focus from fighting Isis": Turkey fights
            continue
        return None
    return None


def np_actors(tok: Token, actors: ActorIndex) -> list[tuple[Actor, Token]]:
    """Actors named by the noun phrase headed by ``tok``, following conjunctions and appositions
    (also those the parser hangs under a title: "U.S. President X and Russian President Y")."""
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
            for c in t.children:
                if c.dep_ in {"compound", "amod", "nmod", "poss"} and c.i not in seen:
                    found.extend(a for a in actors.all_at(c.i) if a not in found)
                    if c.dep_ == "compound":  # "a Paraguayan cargo ship"
                        for g in c.children:
                            if g.dep_ in {"amod", "compound"}:
                                found.extend(a for a in actors.all_at(g.i) if a not in found)
        if not found and t.lower_ in GROUP_HEADS:
            # "leaders of Romania's new government", "two of its nationals"
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


GROUP_HEADS = {
    "scores",
    "number",
    "handful",
    "dozen",
    "deployment",
    "contingent",
    "batch",
    "patch",
    "unit",
    "team",
    "squad",
    "convoy",
    "leaders",
    "leader",
    "members",
    "member",
    "head",
    "heads",
    "one",
    "two",
    "three",
    "some",
    "many",
    "dozens",
    "hundreds",
    "thousands",
    "group",
    "delegation",
    "officials",
    "representatives",
    "supporters",
    "units",
    "part",
    "most",
    "all",
    "none",
    "wing",
    "faction",
    "sides",
    "side",
}


def _np_text(tok: Token) -> str:
    """The words naming an actor: the head with its own modifiers, no clauses."""
    left = tok
    for c in tok.lefts:
        if c.dep_ in {"compound", "amod", "nmod", "poss", "det", "nummod", "case", "punct"}:
            left = c if c.i < left.i else left
            break
    start = min(left.i, tok.i)
    while start < tok.i and tok.doc[start].dep_ in {"det", "punct"}:
        start += 1
    span = tok.doc[start : tok.i + 1]
    return span.text


def _unique(pairs: list[tuple[Actor, Token]]) -> list[tuple[Actor, Token]]:
    seen: set[int] = set()
    out = []
    for actor, tok in pairs:
        if id(actor) not in seen:
            seen.add(id(actor))
            out.append((actor, tok))
    return out


def _dedupe(events: list[Event]) -> list[Event]:
    """One event per (sentence, type, source, target): keep the first trigger, and drop a
    target-less event when the same source has that type with a target in the sentence."""
    with_target = {
        (e.sentence, e.event, e.source.actor_id if e.source else None)
        for e in events
        if e.target is not None
    }
    events = [
        e
        for e in events
        if e.target is not None
        or (e.sentence, e.event, e.source.actor_id if e.source else None) not in with_target
    ]
    seen: set[tuple] = set()
    out = []
    for e in events:
        key = (
            e.sentence,
            e.event,
            e.source.actor_id if e.source else None,
            e.target.actor_id if e.target else None,
            e.negated,
        )
        if key in seen:
            continue
        seen.add(key)
        out.append(e)
    return out

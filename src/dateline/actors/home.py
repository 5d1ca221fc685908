"""The country a story is set in, and the unnamed bodies that belong to it.

"Police arrested 40 people after the march" names no state, but in a story set in Pakistan the
police are Pakistan's police and the 40 people Pakistani civilians. The story's country is its
dominant location: the dateline place ("LAHORE —") and the places and countries the article
names, counted mention by mention. Only a clear majority counts; in a story about several
countries an unnamed "army" stays without a country rather than being given the wrong one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from spacy.tokens import Doc

from dateline.actors.index import ActorIndex
from dateline.actors.theatre import place_votes
from dateline.model import Actor, ActorRef

#: Sectors of bodies that act inside the country where the story is set (not IGOs, NGOs,
#: journalists, refugees or former officials, which are often from elsewhere).
HOME_SECTORS = {
    "COP", "MIL", "SPY", "GOV", "JUD", "LEG", "OPP", "PTY", "REB", "PRM", "UAF", "CVL", "LAB",
    "EDU", "MED", "REL", "CRM", "BUS", "AGR", "SOC",
}  # fmt: skip
#: Words that place a role outside the story's country: "world leaders", "foreign troops".
FOREIGN_WORDS = {
    "world", "foreign", "international", "western", "global", "regional", "overseas", "allied",
    "coalition", "multinational", "peacekeeping", "peacekeepers", "un", "nato", "exiled",
}  # fmt: skip
#: Weight of the dateline place, which says where the story was filed from.
DATELINE_WEIGHT = 3
#: The dominant country needs at least this share of the place votes and this many votes (a
#: story that names one place only is set there).
MIN_SHARE = 0.6
MIN_VOTES = 1


def dateline_place(doc: Doc) -> str | None:
    """The place a story was filed from, when it opens with one in capitals ("LAHORE —",
    "KABUL, Afghanistan (Reuters) -"); None otherwise."""
    words = []
    for tok in doc[:6]:
        if tok.is_space:
            continue
        if tok.text in {"—", "–", "-", "(", ","} or (tok.is_punct and words):
            break
        if not (tok.is_upper and tok.is_alpha):
            return None
        words.append(tok.text)
    return " ".join(words).title() if words and len(" ".join(words)) > 2 else None


def dominant_country(
    index: ActorIndex, dateline_country: str | None = None, sentences: set[int] | None = None
) -> str | None:
    """The country that holds a clear majority of the article's place mentions.

    Votes: every explicit mention of a country, capital or known town (actors of kind
    ``country``) or of a body with a nationality ("Pakistani opposition leaders"), plus
    ``DATELINE_WEIGHT`` for the dateline place; pronouns do not vote. ``sentences`` limits the
    count to those sentence numbers (a headline and lead, say).
    """
    votes = place_votes(index, sentences)
    if dateline_country:
        votes[dateline_country] += DATELINE_WEIGHT
    if not votes:
        return None
    (country, top), *_ = votes.most_common(1)
    total = sum(votes.values())
    return country if top >= MIN_VOTES and top / total >= MIN_SHARE else None


def localise_roles(index: ActorIndex, country: str, country_name: str) -> list[Actor]:
    """Give the story's country to role actors that have none ("police", "security forces",
    "40 people"): the actors changed, renamed like a named role ("Pakistan police")."""
    return _localise(index, country, country_name, HOME_SECTORS, "home")


def _localise(
    index: ActorIndex, country: str, country_name: str, sectors: set[str], rule: str
) -> list[Actor]:
    """Give ``country`` to the unnamed role actors of ``sectors`` that have none and no foreign
    word in their name, marking each mention's rule with ``+rule``: the actors changed."""
    changed = []
    for actor in index.actors:
        if (
            actor.kind == "role"
            and actor.country is None
            and actor.id not in index.theatre
            and country not in index.backers.get(actor.id, ())
            and actor.sector in sectors
            and not FOREIGN_WORDS.intersection(actor.name.lower().split())
        ):
            actor.country = country
            actor.name = f"{country_name} {actor.name}"
            for m in actor.mentions:
                m.rule = f"{m.rule}+{rule}"
            changed.append(actor)
    return changed


#: Sectors of the sides of a civil conflict and of the civilians caught in it, whose unnamed
#: members ("rebels", "the opposition", "14 civilians") and places ("two hospitals", "a school")
#: belong to the country whose towns the story names most, even without a clear majority of all
#: its place mentions.
CONFLICT_SECTORS = {"REB", "OPP", "CVL", "MED", "EDU"}


def conflict_country(index: ActorIndex, dateline_country: str | None = None) -> str | None:
    """The country whose towns and regions the article names most, when it leads the next one:
    where "rebels" fight in a story that also names their foreign backers and enemies (a
    country's name or its nationals do not count: they are as often the backers; its towns
    count only when the article also names the country itself, ``named_countries``, if the
    towns of any country it names count)."""
    votes: Counter[str] = Counter()
    for actor in index.actors:
        if actor.kind == "country" and actor.country:
            votes[actor.country] += sum(1 for m in actor.mentions if m.rule == "gazetteer")
    named = named_countries(index)
    if any(votes[c] for c in named):
        votes = Counter({c: n for c, n in votes.items() if c in named})
    if dateline_country:
        votes[dateline_country] += DATELINE_WEIGHT
    ranked = [r for r in votes.most_common(2) if r[1]]
    if not ranked or (len(ranked) > 1 and ranked[1][1] >= ranked[0][1]):
        return None
    return ranked[0][0]


def named_countries(index: ActorIndex) -> set[str]:
    """The countries the article names itself (by name, people or capital), not only by towns
    the gazetteer places in them: the town where talks are held ("Geneva") does not make a
    story that also names Syria and Syrian towns a Swiss conflict."""
    return {
        a.country
        for a in index.actors
        if a.kind == "country" and a.country and any(m.rule != "gazetteer" for m in a.mentions)
    }


def localise_conflict_roles(index: ActorIndex, country: str, country_name: str) -> list[Actor]:
    """Give ``country`` to the unnamed sides of a conflict ("rebels", "opposition fighters") that
    have none."""
    return _localise(index, country, country_name, CONFLICT_SECTORS, "conflict")


#: Kinds of actor whose nationality the text often leaves unsaid: a person met by name only
#: ("Kotey", "Jones"), a group or organisation the knowledge base does not know.
UNPLACED_KINDS = {"person", "unknown", "group", "organisation"}
#: Sectors that say someone may well come from elsewhere (IGOs, NGOs, reporters, refugees).
FOREIGN_SECTORS = {"IGO", "NGO", "JRN", "REF"}


def localise_unplaced(index: ActorIndex, country: str) -> list[Actor]:
    """Give the story's country to the persons and groups whose country nothing in the text
    says: in a story set in Syria, a fighter known by name only acts there (the coding guide
    keys him to Syria), and so does "the group" no knowledge base lists. Names are kept."""
    changed = []
    for actor in index.actors:
        if (
            actor.kind in UNPLACED_KINDS
            and actor.country is None
            and actor.id not in index.theatre  # "Kurdish fighters" are Syria's or Iraq's
            and country not in index.backers.get(actor.id, ())
            and actor.sector not in FOREIGN_SECTORS
            and not FOREIGN_WORDS.intersection(actor.name.lower().split())
        ):
            actor.country = country
            for m in actor.mentions:
                m.rule = f"{m.rule}+unplaced"
            changed.append(actor)
    return changed


#: How an event's place was found (places.py): its own clause, its sentence, the sentence
#: before it, the dateline, the one country the article is about.
LOCAL_BASES = {"clause", "sentence", "before", "dateline", "article"}
#: Unnamed bodies that belong where they act: the police who make an arrest in Didim are
#: Turkey's, the court that convicts in Manchester Britain's, the troops who shell a town and
#: the two people killed there are (measured on the training articles: more sides right than
#: wrong with soldiers, fighters and civilians included), and so are the hospitals and schools
#: hit there. Not IGOs, NGOs, reporters, refugees.
PLACE_SECTORS = {"COP", "JUD", "SPY", "MIL", "CVL", "REB", "OPP", "MED", "EDU"}
#: "The authorities" and "officials" only where they use force at the place (arrest, raid,
#: convict, deport): officials who visit, talk, decide or withdraw troops there are often
#: foreign ("the administration ... withdrawing troops from Syria" is not Syria's).
GOV_SECTORS = {"GOV", "LEG"}
FORCE_TYPES = {"COERCE", "SANCTION", "ASSAULT", "MOBILIZE"}


#: Where the event's own clause or sentence names the place, that place beats the story's
#: country for the police and the courts: in a story set in Britain, "police raided the hotel
#: in Didim" are Turkey's.
OWN_BASES = {"clause", "sentence"}
LAW_SECTORS = {"COP", "JUD"}
#: The sectors whose story-given country the event's own place beats: the police and the courts,
#: and armed rebels ("extremists" the Kurds fight in Deir ez-Zor, in a story most of whose places
#: are American, are Syria's). Out of fold on the 209 real training articles (round 15): +5
#: triples right, -2; with soldiers and civilians too, fewer (civilians held or killed abroad
#: are often foreigners).
OWN_PLACE_SECTORS = LAW_SECTORS | {"REB"}


def _story_given(actor: Actor) -> bool:
    """The actor's country came from the story (:func:`localise_roles` and kin), not its words."""
    return bool(actor.mentions) and all("+" in m.rule for m in actor.mentions)


def localise_event_sides(events: list, index: ActorIndex, country_name) -> int:
    """Give an unnamed body ("police", "the authorities", "two people") on one event the
    country of the place the text puts the event in: where the story as a whole has no one
    country (so :func:`localise_roles` gave it none), and, for the police, the courts and
    armed rebels (:data:`OWN_PLACE_SECTORS`), over the story's country when the event's own
    clause or sentence names the place. Only the
    event's side changes: "police" in a story set in two countries may be either country's.
    Returns how many sides changed."""
    by_id = {a.id: a for a in index.actors}
    changed = 0
    for event in events:
        loc = event.location
        if loc is None or not loc.country or loc.basis not in LOCAL_BASES:
            continue
        for side in (event.source, event.target):
            actor = by_id.get(side.actor_id) if side is not None else None
            if (
                actor is None
                or side.country == loc.country
                or loc.country in index.backers.get(actor.id, ())
            ):
                continue
            if side.country is not None and not (
                _story_given(actor) and loc.basis in OWN_BASES and side.sector in OWN_PLACE_SECTORS
            ):
                continue
            if (
                actor.kind != "role"
                or not (
                    side.sector in PLACE_SECTORS
                    or (side.sector in GOV_SECTORS and event.event in FORCE_TYPES)
                )
                or FOREIGN_WORDS.intersection((side.name or side.text).lower().split())
            ):
                continue
            _give_country(side, loc.country, country_name)
            changed += 1
    return changed + localise_theatre_sides(events, index, country_name)


#: How an event's place was found when the text puts the act itself there (places.py): its own
#: clause, its sentence or the sentence before; not the dateline or the article's country, which
#: :mod:`dateline.actors.theatre` already weighed for the whole story.
THEATRE_BASES = {"clause", "sentence", "before"}


def localise_theatre_sides(events: list, index: ActorIndex, country_name) -> int:
    """Give a side whose country only the story decides among a few (Islamic State: Syria or
    Iraq; "Kurdish fighters") the country the text puts this act in when it is another of its
    candidates: in a story set in Syria, "Isis fighters seized Mosul" are Iraq's. Only the
    event's side changes. Returns how many sides changed."""
    changed = 0
    for event in events:
        loc = event.location
        if loc is None or not loc.country or loc.basis not in THEATRE_BASES:
            continue
        for side in (event.source, event.target):
            if side is None or side.country == loc.country:
                continue
            if loc.country not in index.theatre_countries.get(side.actor_id or "", ()):
                continue
            side.country = loc.country
            changed += 1
    return changed


#: Attacks whose attacker the story gives when the sentence does not.
ATTACK_TYPES = {"ASSAULT"}
#: The share of the story's attributed attacks one country's side must hold to be taken as the
#: attacker of the ones the text leaves unattributed (out of fold on the 209 real training
#: articles, 0.67 and 1.0 give the same sides; below, a story of two sides guesses wrong).
STORY_ATTACKER_SHARE = 0.67


#: Modes of attack only a state's forces carry out (PLOVER ASSAULT "aerial": manned aircraft).
AIR_MODES = {"aerial"}
#: Words of an attack from the air, by manned aircraft (a drone or a rocket is not one).
AIR_WORDS = {"airstrike", "airstrikes", "air-strike", "air-strikes", "warplane", "warplanes",
             "jet", "jets", "aircraft", "bomber", "bombers", "helicopter", "helicopters",
             "gunship", "gunships", "airpower", "sortie", "sorties"}  # fmt: skip
#: Nouns of an attack that "air" in front of makes one from the air ("air strike", "air raid").
AIR_COMPOUNDED = {"strike", "strikes", "raid", "raids", "attack", "attacks", "campaign", "power"}


def story_attacker(events: list, doc: Doc | None = None, index: ActorIndex | None = None) -> int:
    """Give an attack nobody is said to have carried out the attacker of the story's other
    attacks, when they are (nearly) all one side's ("Turkish jets bombed Afrin ... Dozens of
    civilians were killed in the strikes"): the coding guide codes the source from the context.
    The attacker is the last armed or state body of that country named before (else the last
    side of it at all). Not to an attack on that side itself ("two Turkish soldiers were
    killed"); an attack on the other side of the same country (civilians, rebels, a town, a
    person, in a civil war) takes it. An air strike takes only a state body of that country
    ("airstrikes killed 20": not the militia that did the story's other attacks), else nobody.
    Returns how many sources were set."""
    attributed = [
        e for e in events
        if e.event in ATTACK_TYPES and e.source is not None and e.source.country
        and not e.negated and e.modality in TOLD_DONE
    ]  # fmt: skip
    votes = Counter(e.source.country for e in attributed)
    if not votes:
        return 0
    (country, top), *_ = votes.most_common(1)
    if top / sum(votes.values()) < STORY_ATTACKER_SHARE:
        return 0
    changed = 0
    for event in events:
        if event.event not in ATTACK_TYPES or event.source is not None:
            continue
        sides = [e.source for e in attributed if e.source.country == country]
        before = [
            e.source
            for e in attributed
            if e.source.country == country and e.sentence <= event.sentence
        ]
        candidates = before or sides
        if event.mode in AIR_MODES or (doc is not None and from_the_air(event, doc)):
            # an air strike is a state's: no rebel group or militia of that country flies
            states = _state_ids(index)
            candidates = [s for s in before if _state(s, states)] or [
                s for s in sides if _state(s, states)
            ]
            if not candidates:
                continue
        armed = [s for s in candidates if side_of(s.sector) in {"state", "armed"}]
        model = (armed or candidates)[-1]
        if _own_side(event.target, model):
            continue
        event.source = ActorRef(
            text=model.text, name=model.name, country=model.country, sector=model.sector,
            actor_id=model.actor_id,
        )  # fmt: skip
        changed += 1
    return changed


#: Sectors of a state's own bodies, and of armed groups that fight it (or for it).
STATE_SIDE = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
ARMED_SIDE = {"REB", "PRM", "UAF", "INS", "SEP", "OPP"}


def from_the_air(event, doc: Doc) -> bool:
    """The attack's trigger names a blow from the air, or the words that carry it out do: its
    subject or agent ("airstrikes killed", "killed by warplanes"), what it is done in or with
    ("killed in air strikes"), the noun a clause of it describes ("airstrikes that killed")."""
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    trigger = span.root
    words = [trigger]
    for child in trigger.children:
        if child.dep_ in {"nsubj", "nsubjpass", "agent", "prep"}:
            words.append(child)
            words += [g for g in child.children if g.dep_ == "pobj"]
    if trigger.dep_ in {"relcl", "acl"}:
        words.append(trigger.head)
    return any(_air_word(w) for w in words)


def _air_word(tok) -> bool:
    """ "airstrikes", "warplanes", "air strikes", "an air raid"."""
    if tok.lower_ in AIR_WORDS:
        return True
    return tok.lower_ in AIR_COMPOUNDED and any(
        c.dep_ in {"compound", "amod", "nmod"} and c.lower_ in {"air", "aerial"}
        for c in tok.children
    )


def _state_ids(index: ActorIndex | None) -> set[str]:
    """Ids of the actors that are states named as such ("Turkey", not a town of it)."""
    if index is None:
        return set()
    return {
        a.id
        for a in index.actors
        if a.kind == "country" and any(m.text.lower() == a.name.lower() for m in a.mentions)
    }


def _state(side: ActorRef, states: set[str]) -> bool:
    """The side is a state body ("the army"), or the state named by its name ("Turkey")."""
    if side.sector is None:
        return side.actor_id in states and (side.text or "").lower() == (side.name or "").lower()
    return side_of(side.sector) == "state"


def side_of(sector: str | None) -> str | None:
    """Which side of a country a sector is on: "state", "armed" (rebels, militias, the
    opposition), else the sector itself (civilians, the press, ...) or None."""
    if sector in STATE_SIDE:
        return "state"
    if sector in ARMED_SIDE:
        return "armed"
    return sector


def _own_side(target: ActorRef | None, attacker: ActorRef) -> bool:
    """The target is the attacker's own side: its country and the same side of it (a country's
    attacker of no sector is its state), or the attacker itself; a target of no sector (a town,
    a person) is no side."""
    if target is None or target.country != attacker.country:
        return False
    if target.sector is None:
        return target.actor_id is not None and target.actor_id == attacker.actor_id
    return side_of(target.sector) == side_of(attacker.sector or "GOV")


#: Acts of the police and the courts (their modes), and the sector of the authority that
#: carries them out; a siege, a blockade or a ban is not theirs.
LAW_MODES = {"arrest": "COP", "detain": "COP", "convict": "JUD"}
#: Words of a charge brought (an ACCUSE the law makes, not anyone's accusation).
CHARGE_WORDS = {"charged", "charge", "charges", "indicted", "prosecuted"}
#: Other acts of the law by type (their modes): a release from custody.
LAW_ACTS = {"RETREAT": {"release": "JUD"}}


def placed_authorities(events: list, country_name) -> int:
    """Give an arrest, a detention, a charge, a conviction or a release nobody is said to have
    made the authorities of the country where the text puts it ("he was arrested on a beach in
    Didim" in a story that says where Didim is; "was convicted last year in Turkey"; "has been
    charged in Turkey with ..."; "they were released in north-east Syria"): the police and
    the courts act at home, and the coding guide codes them from the context. An accusation is
    the law's only as a charge, or where its own clause places it ("is accused in Turkey of
    planning attacks"). Returns how many sources were set."""
    changed = 0
    for event in events:
        loc = _scene(event)
        if event.source is not None or loc is None:
            continue
        if event.event in {"COERCE", "SANCTION"} and event.mode in LAW_MODES:
            sector = LAW_MODES[event.mode]
        elif event.mode in LAW_ACTS.get(event.event, {}):
            sector = LAW_ACTS[event.event][event.mode]
        elif event.event == "ACCUSE" and (
            event.trigger.text.lower() in CHARGE_WORDS
            or (event.trigger.text.lower() == "accused" and loc.basis == "clause")
        ):
            sector = "JUD"
        else:
            continue
        event.source = ActorRef(
            text=loc.text or loc.name, name=f"{country_name(loc.country) or loc.country} authorities",
            country=loc.country, sector=sector,
        )  # fmt: skip
        changed += 1
    return changed


#: Acts of the law that follow an arrest: a charge, a conviction or sentence, a release.
CUSTODY_MODES = {"COERCE": {"arrest", "detain"}}
LEGAL_STEPS = {"SANCTION": {"convict"}, "RETREAT": {"release"}}


def custody_authorities(events: list, country_name) -> int:
    """Give a charge, a conviction or sentence, a release, or a later mention of the arrest
    ("after his arrest") nobody is said to have made the authorities of the country whose
    police or authorities last arrested or detained that person before (in this sentence or an
    earlier one): "he was arrested in Turkey ... he has been charged with membership of a
    terrorist group"; "detained by police at home in 2015 ... arrested in Kenya last year ...
    convicted in March" is Kenya's. The person is the side the text resolved (same actor).
    Returns how many sources were set."""
    changed = 0
    for event in events:
        if event.source is not None or event.target is None or event.target.actor_id is None:
            continue
        charge = event.event == "ACCUSE" and event.trigger.text.lower() in CHARGE_WORDS
        again = event.mode in CUSTODY_MODES.get(event.event, ())
        if not charge and not again and event.mode not in LEGAL_STEPS.get(event.event, ()):
            continue
        held = [
            e
            for e in events
            if e.event in CUSTODY_MODES
            and e.mode in CUSTODY_MODES[e.event]
            and (e.sentence < event.sentence or (e.sentence == event.sentence and not again))
            and e.source is not None
            and e.source.country
            and side_of(e.source.sector or "GOV") == "state"
            and e.target is not None
            and e.target.actor_id == event.target.actor_id
            and not e.negated
        ]
        if not held:
            continue
        country = max(held, key=lambda e: (e.sentence, e.trigger.start)).source.country
        event.source = ActorRef(
            text=country_name(country) or country, name=f"{country_name(country) or country} authorities",
            country=country, sector="COP" if again else "JUD",
        )  # fmt: skip
        changed += 1
    return changed


#: Modes of holding people at home: arrests and detentions, bans, searches, convictions.
DOMESTIC_MODES = {"arrest", "detain", "restrict", "ban", "seize", "confiscate", "censor", "convict"}
#: A state's own bodies that arrest, try and ban at home (not its army, which also fights abroad).
DOMESTIC_SOURCES = {"GOV", "COP", "JUD", "SPY"}
#: Unnamed people a state holds at home: "thousands of activists", "people", "journalists".
DOMESTIC_TARGETS = {"CVL", "OPP", "JRN", "EDU", "MED", "LEG", "PTY", "LAB"}


#: Rules that give an actor the story's country, not its own words (``localise_roles`` and kin).
STORY_RULES = {"home", "conflict", "unplaced"}


def _story_placed(actor: Actor) -> bool:
    """Every mention of the actor took its country from the story ("police+home"), none from
    its words ("Iranian Kurds", "people+state")."""
    return bool(actor.mentions) and all(
        "+" in m.rule and m.rule.rsplit("+", 1)[1] in STORY_RULES for m in actor.mentions
    )


def domestic_targets(events: list, index: ActorIndex, country_name) -> int:
    """Give the unnamed people a state's government, police or courts arrest, jail or ban
    ("Erdoğan jails tens of thousands of people", "allowed the Turkish government to arrest
    thousands of activists") the country of that state, over the story's country: a state
    holds its own people at home. Not where the text puts the act in another country, nor to
    people whose own words name a nationality. Returns how many targets changed."""
    by_id = {a.id: a for a in index.actors}
    changed = 0
    for event in events:
        source, target = event.source, event.target
        if (
            event.event not in {"COERCE", "SANCTION"}
            or (event.mode is not None and event.mode not in DOMESTIC_MODES)
            or source is None
            or target is None
            or not source.country
            or source.sector not in DOMESTIC_SOURCES
            or target.country == source.country
            or target.sector not in DOMESTIC_TARGETS
        ):
            continue
        if (source_actor := by_id.get(source.actor_id or "")) is not None and _story_placed(
            source_actor
        ):
            continue  # "the authorities" of the story: their country is the story's guess
        actor = by_id.get(target.actor_id or "")
        if actor is None or actor.kind != "role" or (target.country and not _story_placed(actor)):
            continue
        loc = event.location
        if (
            loc is not None
            and loc.country
            and loc.basis in OWN_BASES
            and loc.country != source.country
        ):
            continue
        _give_country(target, source.country, country_name)
        changed += 1
    return changed


#: Acts done to people whose victims the coding guide keys to where the act happened when the
#: text names nobody ("dozens died in the shelling", "the airstrikes hit the town"): civilians
#: and fighters in Syria are Syria's.
PLACED_VICTIM_TYPES = {"ASSAULT", "COERCE"}
#: How an event's place was found when it says where the act itself happened (places.py); not
#: ``actors`` (a domestic act placed at its actors' home) nor ``speaker``.
VICTIM_BASES = {"clause", "sentence", "before", "dateline", "article"}


def place_victims(events: list, country_name) -> int:
    """Give an attack or a use of force that names no target the people of the country where
    the text puts it ("at least 14 civilians were killed in strikes" in Douma): the coding
    guide codes its victims from the context, keyed to that country. The side says what it is,
    "people in <place>", with the words that name the place, and no actor id (nobody the text
    names). Returns how many targets were set."""
    changed = 0
    for event in events:
        loc = _scene(event)
        if event.event not in PLACED_VICTIM_TYPES or event.target is not None or loc is None:
            continue
        event.target = ActorRef(
            text=loc.text or loc.name, name=f"people in {loc.name or country_name(loc.country)}",
            country=loc.country,
        )  # fmt: skip
        changed += 1
    return changed


def _scene(event):
    """The event's location when the text says where the act itself happened, in a known
    country (:data:`VICTIM_BASES`), else None."""
    loc = event.location
    if loc is None or not loc.country or loc.basis not in VICTIM_BASES:
        return None
    return loc


#: What a state grants its own citizens: only that state strips or revokes it.
CITIZENSHIP_WORDS = {"citizenship", "passport", "passports", "nationality"}


def citizenship_revoker(events: list, doc: Doc, index: ActorIndex, country_name) -> int:
    """Give a sanction nobody is said to have imposed that strips or revokes a citizenship or a
    passport ("two fighters were stripped of Dutch citizenship", "Roe's passport was
    cancelled") the government of the state whose citizenship it is: the nationality word
    on it, else its owner's country. Returns how many sources were set."""
    changed = 0
    for event in events:
        if event.event != "SANCTION" or event.source is not None:
            continue
        span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        country = _citizenship_country(span.root, index)
        if country is None:
            continue
        word, found = country
        event.source = ActorRef(
            text=word, name=f"{country_name(found) or found} government", country=found,
            sector="GOV",
        )  # fmt: skip
        changed += 1
    return changed


def _citizenship_country(trigger, index: ActorIndex) -> tuple[str, str] | None:
    """(word, country) of the citizenship or passport the trigger takes away: the noun among
    its own words or its prepositions' objects, and the one country of the words in front of
    it ("their British citizenship", "Roe's passport"); None when there is none or two."""
    nouns = [trigger] if trigger.lower_ in CITIZENSHIP_WORDS else []
    for child in trigger.children:
        if child.lower_ in CITIZENSHIP_WORDS and child.dep_ in {"dobj", "nsubjpass", "nsubj"}:
            nouns.append(child)
        if child.dep_ in {"prep", "agent"}:
            nouns += [g for g in child.children if g.lower_ in CITIZENSHIP_WORDS]
    if trigger.head.lower_ in CITIZENSHIP_WORDS:
        nouns.append(trigger.head)
    # the nationality word first ("their British citizenship": British, whatever "their"
    # stands for), else the owner ("Roe's passport")
    for deps in ({"amod", "compound", "nmod"}, {"poss"}):
        countries: dict[str, str] = {}
        for noun in nouns:
            for mod in noun.children:
                if mod.dep_ not in deps:
                    continue
                for actor in index.all_at(mod.i):
                    if actor.country:
                        countries.setdefault(actor.country, mod.text)
        if len(countries) > 1:
            return None
        if countries:
            ((found, word),) = countries.items()
            return word, found
    return None


def _give_country(side: ActorRef, country: str, country_name: Callable[[str], str]) -> None:
    """Key an unnamed ``side`` to ``country`` and put the country's name before its words ("police"
    becomes "Turkey police"); a name it had without a country is kept as those words."""
    base = (side.name if side.country is None else None) or side.text
    side.country = country
    side.name = f"{country_name(country)} {base}"


#: The share of the mentions of countries other than a withdrawing state's that the country it
#: leaves must hold (stories of a withdrawal name the withdrawing state most, and the
#: neighbours it leaves through often).
WITHDRAWAL_SHARE = 0.45


def withdrawal_theatre(
    events: list, doc: Doc, index: ActorIndex, withdrawal_words, country_name
) -> int:
    """Give a withdrawal a state concedes that names no place ("the president's decision to
    withdraw", "a planned pullout", "to withdraw its troops from the country") the country the story
    is set in, other than the withdrawing state's own: the one the article's places and
    national actors name most, by a clear plurality (:data:`WITHDRAWAL_SHARE`) of the mentions
    of countries other than the state's. Its troops leave where they are, and the coding guide
    codes the side from the context. ``withdrawal_words``: the base forms of the trigger
    ("withdraw", "withdrawal", "pullout"). Returns how many targets were set."""
    votes = place_votes(index)
    changed = 0
    for event in events:
        source = event.source
        if event.event != "CONCEDE" or event.target is not None or source is None:
            continue
        if not source.country:
            continue
        span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        if not any(t.lemma_.lower() in withdrawal_words for t in span.root.subtree):
            continue  # "announced he was withdrawing its troops" is one too
        others = Counter({c: n for c, n in votes.items() if c != source.country})
        if not others:
            continue
        (country, top), *_ = others.most_common(1)
        if top / sum(others.values()) < WITHDRAWAL_SHARE:
            continue
        name = country_name(country) or country
        event.target = ActorRef(text=name, name=name, country=country)
        changed += 1
    return changed


#: How many sentences back a refusal may answer a request (its own sentence and the two before).
ANSWER_WINDOW = 2


def refused_asker(events: list) -> int:
    """Give a refusal that names nobody refused ("Uganda refused", "several governments
    have refused") the one who asked the refuser before: the source of the latest
    request aimed at the refuser's side (same country, or the same IGO or NGO) in this sentence
    or the two before ("Kurdish leaders called on Russia to close the airspace ... Moscow had
    refused"). A refuser with no side of its own answers only a request of its own sentence
    ("X called on its partners to act, but many governments refused"). Returns how many
    targets were set."""
    changed = 0
    for event in events:
        if event.event != "REJECT" or event.target is not None or event.source is None:
            continue
        key = _side_key(event.source)
        asked = [
            e
            for e in events
            if e.event == "REQUEST"
            and e.source is not None
            and _side_key(e.source) is not None
            and _side_key(e.source) != key
            and (e.sentence, e.trigger.start) < (event.sentence, event.trigger.start)
            and event.sentence - e.sentence <= (ANSWER_WINDOW if key else 0)
            and (key is None or (e.target is not None and _side_key(e.target) == key))
            and not e.negated
        ]
        if not asked:
            continue
        asker = max(asked, key=lambda e: (e.sentence, e.trigger.start)).source
        event.target = ActorRef(
            text=asker.text, name=asker.name, country=asker.country, sector=asker.sector,
            actor_id=asker.actor_id,
        )  # fmt: skip
        changed += 1
    return changed


def _side_key(side: ActorRef) -> str | None:
    """The side's key for a dyad: its country, else IGO or NGO, else None."""
    if side.country:
        return side.country
    return side.sector if side.sector in {"IGO", "NGO"} else None


#: The share of the article's acts by police and courts one country's must hold for its
#: authorities to be taken as those of the law's acts the text leaves unattributed.
STORY_LAW_SHARE = 0.75


def story_authorities(events: list, country_name) -> int:
    """Give an arrest, a charge, a conviction or a release nobody is said to have made, and
    that neither its place nor an earlier arrest of the person attributes (placed_authorities,
    custody_authorities), the authorities of the country whose police and courts do the
    article's attributed acts of the law, where one country's do three in four of them and at
    least two ("Kenyan police arrested ... a Kenyan court charged ... he was convicted in
    March"). Returns how many sources were set."""
    law = Counter(
        e.source.country
        for e in events
        if e.source is not None and e.source.country and e.source.sector in LAW_SECTORS
    )
    if not law:
        return 0
    (country, top), *_ = law.most_common(1)
    if top < 2 or top / sum(law.values()) < STORY_LAW_SHARE:
        return 0
    changed = 0
    for event in events:
        if event.source is not None:
            continue
        if event.event in {"COERCE", "SANCTION"} and event.mode in LAW_MODES:
            sector = LAW_MODES[event.mode]
        elif event.mode in LAW_ACTS.get(event.event, {}):
            sector = LAW_ACTS[event.event][event.mode]
        elif event.event == "ACCUSE" and event.trigger.text.lower() in CHARGE_WORDS:
            sector = "JUD"
        else:
            continue
        event.source = ActorRef(
            text=country_name(country) or country, name=f"{country_name(country) or country} authorities",
            country=country, sector=sector,
        )  # fmt: skip
        changed += 1
    return changed


#: Modalities of acts told as done, whose parties a next act with no party of its own continues.
TOLD_DONE = {"asserted", "historical"}


def _told_done(events: list) -> list:
    """The acts told as done (not negated), in the order the text tells them."""
    return sorted(
        (e for e in events if not e.negated and e.modality in TOLD_DONE),
        key=lambda e: (e.sentence, e.trigger.start),
    )


def previous_actor(events: list) -> int:
    """Give an act told as done whose sentence names nobody doing it the doer of the act told
    just before it: the last one of its own sentence before it, else the last one of the
    sentence before ("Turkish jets bombed Afrin on Sunday. Dozens of civilians were killed";
    "The SDF said it had surrounded the town ... Hundreds of fighters surrendered"). The coding
    guide codes a source the context gives; a story goes on about who it was just telling of.
    A sentence of no act told as done breaks the chain; negated, planned or hypothetical acts
    neither give nor take. Last of the article passes: every rule that knows better has run.
    Returns how many sources were set."""
    done = _told_done(events)
    changed = 0
    before: list[ActorRef] = []  # the doers of the sentence before (given ones too)
    here: list[ActorRef] = []  # the doers this sentence names before the act
    whole: list[ActorRef] = []  # every doer of this sentence, given ones too
    sentence = None
    for event in done:
        if event.sentence != sentence:
            follows = sentence is not None and event.sentence == sentence + 1
            before = whole if follows else []
            here, whole, sentence = [], [], event.sentence
        if event.source is None:
            donor = here[-1] if here else (before[-1] if before else None)
            if donor is None or _same_party(donor, event.target):
                continue  # "the rebels attacked ... The rebels were repelled": not their own
            event.source = donor
            changed += 1
        else:
            here.append(event.source)
        whole.append(event.source)
    return changed


def _same_party(a: ActorRef, b: ActorRef | None) -> bool:
    """The same actor on both sides: one resolved actor, or one name."""
    if b is None:
        return False
    if a.actor_id is not None and a.actor_id == b.actor_id:
        return True
    return a.name is not None and a.name == b.name


#: How many sentences back an act with no target looks for the last act of its kind.
SAME_ACT_REACH = 2


def previous_target(events: list) -> int:
    """Give an act told as done that names nobody it was done to the party the last act of the
    same kind was done to, in the ``SAME_ACT_REACH`` sentences before ("Turkey called on Moscow
    to close the airspace ... It also called for an end to the sieges": Moscow is asked again;
    "Jets bombed the Kurdish town ... The strikes went on overnight"). Not a party of the
    sentence itself, nor the act's own doer. Returns how many targets were set."""
    done = _told_done(events)
    changed = 0
    last: dict[str, tuple[int, ActorRef]] = {}  # the last target of each kind, by sentence
    pending: list[tuple[str, int, ActorRef]] = []  # this sentence's, usable from the next
    sentence = None
    for event in done:
        if event.sentence != sentence:
            for kind, at, ref in pending:
                last[kind] = (at, ref)
            pending, sentence = [], event.sentence
        if event.target is None:
            seen = last.get(event.event)
            if seen is None or event.sentence - seen[0] > SAME_ACT_REACH:
                continue
            if event.source is not None and _same_party(seen[1], event.source):
                continue
            event.target = seen[1]
            changed += 1
        pending.append((event.event, event.sentence, event.target))
    return changed

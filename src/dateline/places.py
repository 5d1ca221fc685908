"""Places: resolve place names with an offline gazetteer, and find where each event happened.

Names are looked up in :mod:`dateline.gazetteer` (GeoNames towns of 1,000+ people, first-level
divisions, countries, and the landmarks and regions of ``data/places.yaml``). Ambiguous names go
to a country of the article's actors first, then to the most populous candidate.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from spacy.tokens import Doc, Token

from dateline.gazetteer import Gazetteer, Place, gazetteer, parse_form, skeleton
from dateline.model import Event, Location
from dateline.nlp import doc_text as nlp_doc_text
from dateline.nlp import entities_in
from dateline.quotes import lexicon

__all__ = ["resolve_place", "locate_events", "to_location", "Gazetteer", "gazetteer"]

_SPECIFICITY = {"point": 0, "city": 1, "admin1": 2, "region": 3, "country": 4, "unresolved": 5}
_LOCATIVE = {"in", "at", "inside", "near", "outside", "aboard", "within"}
_PASS_THROUGH = _LOCATIVE | {"from", "on", "during"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}


def to_location(place: Place, text: str | None = None, basis: str | None = None) -> Location:
    """The event-record form of a gazetteer place, named as the article names it ("Raqqa" for
    GeoNames' Ar Raqqah) when the text gives a name."""
    name = place.name
    if text and place.kind in ("city", "admin1", "point"):
        core, _ = parse_form(text)
        name = core.removeprefix("the ").strip() or place.name
    return Location(
        name=name, country=place.country, admin1=place.admin1, lat=place.lat,
        lon=place.lon, precision=place.kind, feature_id=place.feature_id, text=text, basis=basis,
    )  # fmt: skip


@cache
def _resolve_cached(name: str, hints: tuple[str, ...]) -> Place | None:
    return gazetteer().resolve(name, hints)


def resolve_place(name: str, country_hint: Iterable[str] = ()) -> Location:
    """The place called ``name``; ``country_hint`` (alpha-3 codes) breaks ties between namesakes.

    Unknown names come back as ``Location(name=name, precision="unresolved")``.
    """
    place = _resolve_cached(name, tuple(dict.fromkeys(country_hint)))
    if place is None:
        return Location(name=name, precision="unresolved")
    return to_location(place)


# --- where an event happened ----------------------------------------------------------------------


def _clause_head(token: Token) -> Token:
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def _of_head(token: Token) -> Token:
    """ "the outskirts of Damascus", "a suburb of the stronghold of Raqqa": the part of the
    place (``part_nouns``), which carries the preposition that says where ("on the outskirts
    of ..."); not any noun ("sanctions on the government of X" is not in X)."""
    parts = gazetteer().part_nouns
    for _ in range(3):
        if (
            token.dep_ == "pobj"
            and token.head.lower_ == "of"
            and token.head.head.lemma_.lower() in parts
        ):
            token = token.head.head
        elif token.dep_ == "poss" and _part_noun(token.head, parts) and not _across_border(token):
            token = token.head  # "in Syria's north-east", "across Iraq's eastern desert"
        elif token.dep_ == "poss" and _town_site(token):
            token = token.head  # "at Ankara's presidential complex", "at Aleppo's airport"
        elif town_modifier(token) or area_modifier(token):
            token = token.head  # "in the Albu Kamal border city", "the Douma district"
        else:
            break
    return token


def _battle_for(token: Token) -> Token | None:
    """The fight a place is fought over ("the battle for Raqqa", "the fight for the city of
    Manbij", "the battle for its capital, Raqqa"): the noun of ``battle_nouns``, or None. A
    "for" phrase says where only on such a noun ("went to fight for Isis" names a side)."""
    if _demonym_or_country(token):
        return None  # "the fight for Syria": a struggle over a state, fought anywhere
    if token.dep_ == "appos" and token.head.i != token.i:
        token = token.head  # "the battle for its capital, Raqqa"
    token = _of_head(token)
    if token.dep_ != "pobj" or token.head.lower_ != "for":
        return None
    noun = token.head.head
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in gazetteer().battle_nouns:
        return None
    return noun


#: Sites a town's possessive places in the town (a country's embassy or base may lie abroad).
_TOWN_SITES = {"airport", "prison", "airbase", "hospital", "university", "square", "mosque",
               "palace", "complex", "compound", "stadium", "old city", "market"}  # fmt: skip


def _town_site(token: Token) -> bool:
    """ "at Ankara's presidential complex": a site of a named town (not of a country or people,
    "Russia's embassy in London")."""
    return (
        token.head.lemma_.lower() in _TOWN_SITES
        and token.pos_ == "PROPN"
        and not _demonym_or_country(token)
    )


def _across_border(token: Token) -> bool:
    """ "from Turkey's southern border", "along Syria's border": either side of it (not "inside
    Iraq's borders")."""
    noun = token.head
    return noun.lemma_.lower() in ("border", "frontier") and not (
        noun.dep_ == "pobj" and noun.head.lower_ in ("inside", "within")
    )


def _part_noun(token: Token, parts: frozenset[str]) -> bool:
    """A part of a place ("north-east", "desert", "borders"): a word of ``part_nouns``, written
    with or without hyphens."""
    return token.pos_ in ("NOUN", "PROPN", "ADJ") and (
        token.lemma_.lower() in parts or token.lower_.replace("-", "") in parts
    )


def _place_governor(token: Token) -> tuple[Token, Token, bool] | None:
    """The preposition a place phrase hangs from and the word above it, through a locative
    preposition ("talks in Paris": "in", "talks") or as the ground a fight is for ("the battle
    for Raqqa": "for", "battle"; the flag says so), or None."""
    battle = _battle_for(token)
    token = _of_head(token)
    if battle is not None:
        return token.head, battle, True
    if token.dep_ != "pobj" or token.head.lower_ not in _LOCATIVE:
        return None
    return token.head, token.head.head, False


def _attached_verb(token: Token) -> Token | None:
    """The verb a place phrase hangs from through locative prepositions, or None."""
    found = _place_governor(token)
    if found is None:
        return None
    prep, tok, battle = found
    # "the battle for Raqqa killed hundreds", "launched the battle for Mosul": the fight's verb
    venues = gazetteer().venue_nouns | (gazetteer().battle_nouns if battle else set())
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX"):
            if tok.dep_ == "acl" and tok.head.lemma_.lower() in venues:
                tok = tok.head  # "in a speech delivered in Cairo, she called ...": the speech's
                continue
            return _past_aside(prep, tok)
        if (
            tok.dep_ == "pobj"
            and tok.head.lower_ == "of"
            and tok.head.head.lemma_.lower() in venues
        ):
            prep, tok = tok.head, tok.head.head  # "at a meeting of EU ministers in Brussels"
        elif tok.dep_ == "pobj" and tok.head.lower_ in _PASS_THROUGH:
            prep, tok = tok.head, tok.head.head
        elif tok.dep_ in ("npadvmod", "appos", "compound", "conj") or tok.pos_ in ("PROPN", "NUM"):
            tok = tok.head
        elif tok.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and tok.head.pos_ in (
            "VERB",
            "AUX",
        ):
            # "held talks in Paris" places the holding; "discussed the situation in Syria" does not
            return tok.head if tok.lemma_.lower() in gazetteer().venue_nouns else None
        else:
            return None
    return None


def _venue_aside(verb: Token) -> bool:
    """ "The congress, meeting in Sochi on Monday, is boycotted by ...": a participle set off
    by a comma right after its clause's subject, a gathering of ``venue_nouns``, says where the
    gathering is (the parser hangs it from the main verb as an adverbial clause), and an act
    done to the gathering is done there. Not a participle with a subject or a "while" of its
    own, nor words about the gathering ("the summit, meeting in Paris, was denounced": said
    wherever the speakers were; the caller checks)."""
    if verb.dep_ != "advcl" or verb.tag_ not in ("VBG", "VBN") or verb.head.i == verb.i:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children):
        return False
    subject = next(
        (c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i),
        None,
    )
    doc = verb.doc
    return (
        subject is not None
        and subject.lemma_.lower() in gazetteer().venue_nouns
        and verb.i >= 2
        and doc[verb.i - 1].text == ","
        and subject.i == verb.i - 2
    )


def _past_aside(prep: Token, verb: Token) -> Token:
    """An opening phrase the parser hung on a participle set off after it ("In a speech
    delivered in Cairo, pitched as the centrepiece of his tour, the envoy called for ..."):
    the phrase opens the clause the participle interrupts, so it belongs to that clause's
    verb. Only a participle with no subject of its own, set off by commas, between the phrase
    and its head verb."""
    head = verb.head
    doc = verb.doc
    if (
        verb.tag_ in ("VBN", "VBG", "VBD")  # a subjectless "pitched" is often tagged VBD
        and verb.dep_ in ("ccomp", "advcl")
        and prep.i < verb.i < head.i
        and head.pos_ in ("VERB", "AUX")
        and verb.i > 0
        and doc[verb.i - 1].text == ","
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)
        and not any(t.dep_ in ("nsubj", "nsubjpass") for t in doc[prep.i : verb.i])
    ):
        return head
    return verb


def _candidates(doc: Doc, sent) -> list[tuple[int, int]]:
    """Token ranges of place names in a sentence: landmarks/regions first, then GPE/LOC/FAC."""
    spans: list[tuple[int, int]] = []
    taken: set[int] = set()
    for start, end in _phrase_matches(doc, sent):
        spans.append((start, end))
        taken.update(range(start, end))
    for ent in entities_in(sent):
        if ent.label_ in _PLACE_LABELS and not taken.intersection(range(ent.start, ent.end)):
            start = ent.start + 1 if doc[ent.start].lower_ == "the" else ent.start
            end = ent.end
            while end > start + 1 and doc[end - 1].tag_ == "POS":
                end -= 1  # "in Deir ez-Zor's countryside": the NER took in the "'s"
            spans.append((start, end))
    return spans


_matcher_cache: dict[int, object] = {}
_MATCHES_KEY = "dateline.places.matches"


def _doc_matches(doc: Doc) -> list[tuple[int, int]]:
    """Every gazetteer phrase in ``doc`` (matched once per document, kept in ``doc.user_data``)."""
    from spacy.matcher import PhraseMatcher

    found = doc.user_data.get(_MATCHES_KEY)
    if found is None:
        vocab = doc.vocab
        matcher = _matcher_cache.get(id(vocab))
        if matcher is None:
            tokenizer = _blank_tokenizer()
            matcher = PhraseMatcher(vocab, attr="LOWER")
            patterns = [
                Doc(vocab, words=[t.text for t in tokenizer(p)]) for p in gazetteer().phrases()
            ]
            matcher.add("PLACE", patterns)
            _matcher_cache[id(vocab)] = matcher
        found = [(s, e) for _, s, e in matcher(doc)]
        doc.user_data[_MATCHES_KEY] = found
    return found


@cache
def _blank_tokenizer():
    import spacy

    return spacy.blank("en").tokenizer


def _phrase_matches(doc: Doc, sent) -> list[tuple[int, int]]:
    found = sorted(
        (
            (s - sent.start, e - sent.start)
            for s, e in _doc_matches(doc)
            if s >= sent.start and e <= sent.end
        ),
        key=lambda se: (se[0], -(se[1] - se[0])),
    )
    spans, last_end = [], -1
    for s, e in found:
        if s >= last_end:
            start, end = sent.start + s, sent.start + e
            if doc[start].lower_ == "the":
                start += 1
            spans.append((start, end))
            last_end = e
    return spans


def _with_qualifier(doc: Doc, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    """ "Hamburg" followed by ", Germany" reads as "Hamburg, Germany"; not before the subject
    of a clause ("In Iraq, Washington is drawing down": no Iraq in Washington state; "In
    Aleppo, Damascus sent troops")."""
    text = doc[start:end].text
    if end + 1 < len(doc) and doc[end].text == ",":
        nxt = next(((s, e) for s, e in spans if s == end + 1), None)
        if nxt is not None and doc[nxt[0] : nxt[1]].root.dep_ not in ("nsubj", "nsubjpass"):
            return f"{text}, {doc[nxt[0] : nxt[1]].text}"
    return text


def locate_events(
    events: list[Event],
    doc: Doc,
    actors,
    article_text: str | None = None,
    published: date | None = None,
    words_at_speaker: bool = False,
) -> None:
    """Set ``event.location``, trying in turn (``Location.basis`` records which one placed it):

    1. ``clause``: a place phrase of the event's own clause ("shelled Afrin", "talks in Paris",
       "a strike near Idlib");
    2. ``sentence``: a place elsewhere in the sentence, the most specific first (a place that
       acts, "Turkey said", is an actor, not where things happen);
    3. ``before``: the place where things happen in the sentence before, when this sentence
       continues its scene (no "Meanwhile", "Last year" opening it; see :func:`_before`);
    4. ``actors``: a domestic act (both sides of one country; police, courts) at home, when the
       article's place lies elsewhere;
    5. ``dateline``: the article's dateline ("BEIRUT (Reuters) -");
    6. ``article``: the place the article is about, when it is about one country
       (``ARTICLE_COUNTRY_SHARE`` of its place mentions): its town or division named most and
       at least twice when named within ``NEAR_SENTENCES`` before the event, else the country;
       only the country for an event of another time (historical, or dated more than
       ``STORY_DAYS`` before publication: "In August 2016 it launched ...") or one its
       sentence says happened elsewhere ("exiled from elsewhere in Syria").

    Words (QuadClass 1 and 3: a statement, demand, accusation, phone call) happen where they
    were said: a place phrase of their own clause ("told reporters in Geneva", "visited
    Moscow") or a dateline in the speaker's own country places them, never the place they are
    about or their target ("called on the Kremlin"); failing those, in an article about one
    country, that country (never its town) when the speaker is of it (:func:`_said_in_story`);
    with ``words_at_speaker`` (GDELT's convention, not the coding guide's), else the speaker's
    country, basis ``speaker`` (:func:`_said_at_home`). Rules 3 and 6 never
    place an event whose actors' countries are known and all differ from the place's: the
    place is then a guess the actors contradict (a US resignation in a story about Syria).
    """
    if not events:
        return
    sents = list(doc.sents)
    mentions = find_mentions(doc, actors)
    named = [m for m in mentions if not m.refers_to]  # "the town" says nothing of the story
    doc_text = nlp_doc_text(doc)  # spaCy builds doc.text anew on each access
    text = article_text if article_text and len(article_text) == len(doc_text) else doc_text
    hints = tuple(dict.fromkeys(m.place.country for m in mentions if m.place.country))
    raw = unparsed_towns(doc, doc_text, text, hints)
    refs = _town_references(doc, named, raw)
    for m in mentions:  # "in the Afghan capital" of a story that names Kabul counts as naming it
        if m.refers_to and m.text.lower().endswith("capital") and m.start not in refs:
            refs[m.start] = m
    about = _article_place(doc, named, actors, article_text, refs, raw)
    dateline = _dateline(article_text, named)
    for event in events:
        if not 0 <= event.sentence < len(sents):
            continue
        trigger_span = doc.char_span(
            event.trigger.start, event.trigger.end, alignment_mode="expand"
        )
        if trigger_span is None or len(trigger_span) == 0:
            continue
        sent = sents[event.sentence]
        here = [
            m for m in mentions
            if sent.start <= m.start < sent.end
            and not _compared(doc[m.start : m.end].root, trigger_span.root)
            and not _across_bullet(doc, m.start, trigger_span.root.i)
        ]  # fmt: skip
        verbal = event.quad_class in _VERBAL
        location = _in_clause(event, trigger_span.root, here, actors, verbal)
        if verbal:  # words happen where said, not where they are about
            in_story = _said_in_story(event, about)
            if in_story is not None and (
                _elsewhere_named(
                    here, doc, sent, mentions, actors, text, hints, doc_text, in_story.country
                )
                or _moved(trigger_span.root, here, in_story.country)
            ):
                in_story = None
            location = location or _said_to_legislature(event, trigger_span.root)
            event.location = location or _said_at_dateline(event, dateline) or in_story
            if event.location is None and words_at_speaker:
                event.location = _said_at_home(event)
            continue
        trigger = trigger_span.root
        if location is None:
            location = _told_of_noun(event, trigger, here, actors)
        if location is None:
            location = _by_blow_subject(event, trigger, here, actors)
        if location is None or location.precision == "country":
            location = _massed_at_border(event, trigger) or location
        location = location or _in_sentence(event, trigger, here, actors)
        location = location or _within_own_borders(event, trigger) or _demonym_place(trigger)
        nearby = _near(about, named, sents, event.sentence, article_text, refs, raw)
        if location is None and _unknown_doer(event, trigger):
            event.location = None  # "were stripped of their citizenship": by whom, where?
            continue
        seat = _by_capital(event, trigger)  # "Damascus granted access": where it sits
        if seat:
            nearby = _seat_country(nearby, event)
        described = _describes(trigger_span.root)
        background = described and not _going_on(trigger_span.root)
        if (
            background
            or not _in_story(event, published)
            or _ELSEWHERE.search(sent.text)
            or _other_towns(here, nearby, doc, actors, sent)
            or _another_part(sent.text, nearby)
            or _scene_change(sent, text)
            or _gone_elsewhere(event, trigger)
            or _over_many_towns(trigger)
            or _many_acts(trigger)
            or told_in_general(trigger)
        ):
            nearby = _country_level(nearby)
        if described and _against_another_state(event, nearby):
            nearby = None  # "the PKK, which has fought an insurgency against the Turkish state"
        if (
            location is not None
            and location.precision == "country"
            and _listed_with_another_country(here, doc, location.country)
        ):
            event.location = None  # "captured in Syria and Iraq": which one is a guess
            continue
        if (
            location is not None
            and location.precision == "country"
            and nearby is not None
            and nearby.precision != "country"
            and nearby.country == location.country
            and not _country_wide(sent.text, location.text)
            and not _dated_town(here, nearby, trigger)
        ):
            location = nearby  # "fighting in Syria" just after "Manbij": Manbij
        if location is None and _several_countries(here, doc, trigger):
            event.location = None  # "airstrikes in Iraq and Syria": no one place to guess
            continue
        if location is None and not background:
            before = _before(doc, sent, mentions, actors, text, hints, doc_text)
            if _another_part(sent.text, before):  # "In the east, ..." after a town in the west
                before = _country_level(before, "before")
            if seat:
                before = _seat_country(before, event, "before")
            if described and _against_another_state(event, before):
                before = None  # "the PKK, which has fought an insurgency against Turkey"
            if (
                _gone_elsewhere(event, trigger)
                or _over_many_towns(trigger)
                or _many_acts(trigger)
                or told_in_general(trigger)
            ):
                before = _country_level(before, "before")
            home = _home(event)
            if (
                _fits_actors(event, before, trigger)
                and _not_abroad(event, before, trigger)
                and (home is None or before.country == home)
                and not _other_towns(here, before, doc, actors, sent)
                and not _other_country(here, before, doc, actors, trigger)
                and not _moved(trigger_span.root, here, before.country)
                and not _named_elsewhere(trigger, actors, before)
            ):
                location = before
                if _dated_before(event, sent, published):  # "In April, the US dropped ..."
                    location = _country_level(before, "before")
        if location is None:
            fallback = (
                nearby
                if _fits_actors(event, nearby, trigger)
                and _not_abroad(event, nearby, trigger)
                and not _other_country(here, nearby, doc, actors, trigger)
                and not _moved(trigger_span.root, here, nearby.country)
                and not _named_elsewhere(trigger, actors, nearby)
                else None
            )
            location = _home_town(_at_home(event, dateline or about), here, doc)
            location = location or dateline or fallback
            if (
                location is not None
                and location.basis in ("article", "actors")
                and not (event.source is not None and event.source.sector in _AT_HOME_SECTORS)
                and _elsewhere_named(
                    here, doc, sent, mentions, actors, text, hints, doc_text, location.country
                )
            ):
                location = None
        event.location = location
    _with_partner_act(events, doc)
    _speaker_venue(events, doc, mentions, actors, published)
    _talks_venue(events, doc, mentions, actors, published)


def _with_partner_act(events: list[Event], doc: Doc) -> None:
    """Words joined to a deed as one doer's two verbs ("police arrested him in Antalya and
    charged him", "were on holiday in Didim when the authorities arrested and charged him",
    "stormed the village near Aleppo and demanded the fighters' surrender") were given where
    the deed was done, when its own clause or sentence placed it: the text says where. Not
    words given through a medium ("and said in a statement"), nor a verb with a subject of
    its own ("police arrested him and his lawyer denied the charge"), an auxiliary of its own
    or a gerund's ("tweeted about firing missiles and clashing with Russia")."""
    spans = {}
    for e in events:
        span = doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
        if span is not None and len(span):
            spans[id(e)] = span.root
    deeds = [
        e for e in events
        if e.quad_class not in _VERBAL and e.location is not None and e.location.country
        and e.location.basis in ("clause", "sentence") and id(e) in spans
    ]  # fmt: skip
    for e in events:
        if e.quad_class not in _VERBAL or e.location is not None or id(e) not in spans:
            continue
        word = spans[id(e)]
        if word.pos_ != "VERB" or _through_medium(word):
            continue
        for d in deeds:
            deed = spans[id(d)]
            if d.sentence != e.sentence or deed.pos_ != "VERB":
                continue
            later, first = (word, deed) if word.i > deed.i else (deed, word)
            if later.dep_ != "conj" or later.head.i != first.i:
                continue
            if later.tag_ == "VBG" or any(
                c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in later.children
            ):
                continue  # "police arrested him and his lawyer denied it": another doer; a
                # verb of its own tense ("... have condemned"), or a gerund ("tweeted about
                # firing missiles and clashing with Russia": topics), is no shared act
            e.location = replace(d.location, basis="sentence")
            break


#: The speaker's venue counts when the article's opening names it (its first sentences): the
#: story of one speech, visit or summit, not a stop of a tour told later, nor an obituary's.
VENUE_LEAD = 6


def _speaker_venue(events: list[Event], doc: Doc, mentions, actors, published) -> None:
    """Words of a speaker whose words the article's opening (``VENUE_LEAD`` sentences) places
    at one town ("In a speech delivered in Cairo, Pompeo called for ...", "Erdogan was speaking
    at Chatham House in London") and that name no place of their own ("he said", "Pompeo
    claimed ..."), before or after the venue, were said there too (basis ``venue``): the story
    of a speech, a visit or a summit tells the speaker's other words at the same venue. Only a
    person the actor stage knows (not "Turkey said", not "rebels"); only words of the story's
    time (not words dated long before, nor words to come; not a noun that a clause of its own
    tells, "denounced an agreement signed last year"; not words given through a medium, "in a
    statement", "on Twitter"); not a meeting, a visit or a call, which happen where their own
    text says; and only when the article gives that speaker one venue: two ("in Cairo ...
    later, in Amman") say the words could be at either. A venue named only later in the
    article (a stop of a tour, a summit in an obituary) places nothing: in the Guardian sample
    those were mostly wrong."""
    sents = list(doc.sents)
    people = {a.id for a in getattr(actors, "actors", ()) or () if a.kind == "person"}
    lead_end = sents[min(VENUE_LEAD, len(sents)) - 1].end if sents else 0
    venues: dict[str, dict] = {}
    for e in events:
        loc, src = e.location, e.source
        if src is None or src.actor_id not in people or e.quad_class not in _VERBAL:
            continue
        if loc is None or loc.basis != "clause" or e.negated or e.modality != "asserted":
            continue
        if loc.precision not in ("city", "point") or e.sentence >= VENUE_LEAD:
            continue
        span = doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
        if span is not None and _through_medium(span.root):
            continue  # "in a message on Twitter": no venue of the speaker
        if any(_names_medium(doc, m) for m in mentions if m.text == loc.text):
            continue  # "the White House readout": whose words, not where they were said
        if _current(e, sents, published):
            venues.setdefault(src.actor_id, {})[loc.feature_id or loc.name] = loc
    for m in mentions:
        if m.place.kind not in ("city", "point") or m.refers_to or m.start >= lead_end:
            continue
        who = _speaking_there(doc[m.start : m.end].root, actors, people)
        if who is not None:
            venues.setdefault(who, {})[m.place.feature_id or m.place.name] = m.location("clause")
    for e in events:
        src = e.source
        if src is None or len(venues.get(src.actor_id, {})) != 1:
            continue
        if _words_to_place(e, doc, sents, published):
            venue = next(iter(venues[src.actor_id].values()))
            e.location = replace(venue, basis="venue")


def _words_to_place(e: Event, doc: Doc, sents, published, perfect: bool = True) -> bool:
    """Words a speaker's venue or the talks' town may place (:func:`_speaker_venue`,
    :func:`_talks_venue`): a verbal act, not a meeting, a visit or a call (those happen where
    their own text says); no place of its own beyond the article's or the speaker's home; of
    the story's time; not a noun a clause of its own tells, nor words through a medium, nor
    words of an earlier occasion (``perfect``: a past perfect counts as one)."""
    if e.quad_class not in _VERBAL or e.event == "CONSULT":
        return False
    if e.location is not None and e.location.basis not in ("article", "speaker"):
        return False
    if e.modality not in ("asserted", "reported") or not _current(e, sents, published):
        return False
    span = doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
    if span is None or _told_noun(span.root) or _through_medium(span.root):
        return False
    return not _before_occasion(span.root, perfect=perfect)


#: The opening's sentences that may name the talks an article is about.
TALKS_LEAD = 3
#: Nouns of talks whose town is the venue of their participants' words.
_TALKS_NOUNS = {"talks", "negotiation", "negotiations", "summit", "conference", "congress",
                "meeting", "agreement"}  # fmt: skip
_TO_COME = {"will", "would", "shall", "'ll"}
_PLANNED = {"set", "due", "plan", "schedule", "expect", "prepare", "intend", "propose"}
_COMING = {"next", "upcoming", "forthcoming", "planned", "proposed", "future"}


def _talks_noun(tok: Token) -> bool:
    return tok.lower_ in _TALKS_NOUNS or tok.lemma_.lower() in _TALKS_NOUNS


def _talks_there(root: Token) -> Token | None:
    """The talks noun a town names the venue of ("the Geneva talks", "talks in Geneva", "talks
    were held in Astana", "an agreement reached at the summit in Vienna"), or None; not talks
    to come ("will convene a congress in Sochi", "is set to host a summit in Vienna")."""
    noun = None
    if root.dep_ == "compound" and _talks_noun(root.head):
        noun = root.head
    else:
        head = _of_head(root)
        if head.dep_ != "pobj" or head.head.lower_ not in ("in", "at"):
            return None
        owner = head.head.head
        if _talks_noun(owner):
            noun = owner
        elif owner.pos_ in ("VERB", "AUX"):
            noun = next(
                (
                    c for c in owner.children
                    if c.dep_ in ("nsubj", "nsubjpass", "dobj") and _talks_noun(c)
                ),
                None,
            )  # fmt: skip
    if noun is None or _to_come(noun):
        return None
    if noun.dep_ == "pobj" and noun.head.lower_ in _TIME_PREPS:
        return None  # "speaking hours after a summit in Tehran": a time, not the venue
    return noun


def _to_come(noun: Token) -> bool:
    """Talks told as to come: "will host talks", "is set to host talks", "talks are due to
    start", "planning to convene a congress", "talks next month", "the upcoming summit"."""
    for c in noun.children:  # "talks next month", "the upcoming summit", "future talks"
        if c.dep_ in ("amod", "npadvmod", "compound") and (
            c.lower_ in _COMING or any(t.lower_ in _COMING for t in c.children)
        ):
            return True
    for tok in [noun, *noun.ancestors]:
        if tok.dep_ == "xcomp" or tok.lemma_.lower() in _PLANNED:
            return True
        for c in tok.children:
            if c.dep_ == "aux" and c.lower_ in _TO_COME:
                return True
            if c.dep_ in ("acomp", "xcomp", "prep", "npadvmod") and (
                c.lemma_.lower() in _PLANNED or c.lower_ in _COMING
            ):
                return True
    return False


def _talks_venue(events: list[Event], doc: Doc, mentions, actors, published) -> None:
    """Words of the participants of talks whose town the article's opening names (its first
    ``TALKS_LEAD`` sentences: "UN-sponsored talks in Geneva have collapsed", "the Astana
    talks") were said at the talks, when no place of their own, no venue of the speaker
    (:func:`_speaker_venue`) and no other town of their sentence says otherwise (basis
    ``talks``). The participants are the actors the opening names up to the sentence after the
    talks'; nothing when the opening names talks in two towns."""
    sents = list(doc.sents)
    if not sents:
        return
    venues: dict[str, PlaceMention] = {}
    last = -1
    for m in mentions:
        if m.place.kind not in ("city", "point") or m.refers_to:
            continue
        index = next(i for i, s in enumerate(sents) if s.start <= m.start < s.end)
        if index >= TALKS_LEAD:
            break
        root = doc[m.start : m.end].root
        if _compared(root) or _talks_there(root) is None:
            continue
        venues[m.place.feature_id or m.place.name] = m
        last = max(last, index)
    if len(venues) != 1:
        return
    venue = next(iter(venues.values())).location("talks")
    end = sents[min(last + 1, len(sents) - 1)].end
    parties = {a.id for i in range(end) for a in actors.all_at(i)}
    parties |= _delegates(doc, actors)  # "the government's chief negotiator", named later
    for e in events:
        src = e.source
        if src is None or src.actor_id not in parties or not 0 <= e.sentence < len(sents):
            continue
        # "had for weeks been trying" is of another occasion, "said they had refused" is not
        if not _words_to_place(e, doc, sents, published, perfect=False):
            continue
        lo = sents[max(e.sentence - 1, 0)].start
        if any(
            lo <= m.start < sents[e.sentence].end
            and m.place.kind in ("city", "point")
            and (m.place.feature_id or m.place.name) != (venue.feature_id or venue.name)
            for m in mentions
        ):
            continue  # "Lavrov, back in Moscow, said", or "He said" after "speaking in Moscow"
        e.location = venue


def _delegates(doc: Doc, actors) -> set[str]:
    """Actors the text calls a delegation or its members anywhere ("the Syrian government
    delegation", "the rebels' chief negotiator, Mohammed Abdulsalam": ``delegate_nouns``):
    in a story of talks they speak at the talks, though first named after the opening."""
    nouns = gazetteer().delegate_nouns
    found: set[str] = set()
    for (start, end), actor in getattr(actors, "spans", {}).items():
        if actor.id in found or not 0 <= start < end <= len(doc):
            continue
        root = doc[start:end].root
        words = [*doc[start:end], *(c for c in root.children if c.dep_ in ("appos", "compound"))]
        if root.dep_ == "appos":  # "Bashar Ja'afari" beside "the lead negotiator"
            words.append(root.head)
        if any(w.lower_ in nouns or w.lemma_.lower() in nouns for w in words):
            found.add(actor.id)
    return found


#: Verbs that put a speaker at the place they hang from ("was speaking at a forum in London").
_SPEAKING = {"speak", "address", "talk", "lecture"}


def _speaking_there(root: Token, actors, people: set[str]) -> str | None:
    """The person a place phrase says was speaking there ("Erdogan was speaking at Chatham
    House in London", "Speaking in Oslo, the minister said"), or None."""
    verb = _attached_verb(root)
    if verb is None or verb.lemma_.lower() not in _SPEAKING:
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ == "advcl" and verb.tag_ == "VBG":
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]  # "Speaking in X, Y said"
    for subject in subjects:
        found = [a.id for a in actors.all_at(subject.i) if a.id in people]
        if found:
            return found[0]
    return None


#: Media words are given through, beside the statement nouns of ``data/quotes.yaml``.
_MEDIA = {"interview", "video", "twitter", "facebook", "television", "radio", "broadcast",
          "podcast", "op-ed", "article", "column", "telegram"}  # fmt: skip


def _through_medium(trigger: Token) -> bool:
    """Words given through a medium ("said in a message on Twitter", "in a statement", "told
    the BBC in an interview"): sent from wherever the speaker was, not said at the venue."""
    media = _MEDIA | lexicon().statement_nouns
    if trigger.lemma_.lower() in media:
        return True
    tok = trigger
    for _ in range(6):  # the words' verb and the verbs that report them ("..., he said in a post")
        tok = _clause_head(tok)
        for c in tok.children:
            if c.lower_ == "according":
                return True
            if (
                c.dep_ == "prep"
                and c.lower_ in ("in", "on", "via", "through")
                and any(o.dep_ == "pobj" and o.lemma_.lower() in media for o in c.children)
            ):
                return True
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return False


def _names_medium(doc: Doc, m: PlaceMention) -> bool:
    """The place names who gave a statement ("the White House readout", "a Kremlin
    statement"), not where anyone spoke."""
    root = doc[m.start : m.end].root
    media = _MEDIA | lexicon().statement_nouns
    return root.dep_ in ("compound", "poss", "nmod") and root.head.lemma_.lower() in media


def _before_occasion(trigger: Token, perfect: bool = True) -> bool:
    """Words or efforts told as going on before the occasion ("had for weeks been trying to
    persuade", "has urged since 2015", "had long demanded"): the past perfect (unless not
    ``perfect``), or a long stretch, on the words' verb or a verb they hang from."""
    tok = trigger
    for _ in range(4):
        tok = _clause_head(tok)
        kids = [*tok.children, *(g for c in tok.children if c.dep_ == "aux" for g in c.children)]
        for c in kids:  # "had for weeks urged": the parser may hang "for weeks" from "had"
            if perfect and c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ == "VBD":
                return True
            if c.dep_ == "prep" and c.lower_ == "since":
                return True
            if (
                c.dep_ == "prep"
                and c.lower_ == "for"
                and any(o.lemma_.lower() in _STRETCHES | {"week"} for o in c.children)
            ):
                return True
        if tok.head.i == tok.i or tok.lemma_.lower() in lexicon().speech_verbs:
            break
        tok = tok.head
    return False


def _told_noun(trigger: Token) -> bool:
    """A noun act that a clause of its own tells ("an agreement signed last year"): another
    act than the words said at the venue."""
    return trigger.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ in ("acl", "relcl") for c in trigger.children
    )


def _current(event: Event, sents, published: date | None) -> bool:
    """The event is of the story's time: not dated before it in its own words."""
    if not 0 <= event.sentence < len(sents):
        return False
    return not _dated_before(event, sents[event.sentence], published)


_OWN_BORDERS = re.compile(
    r"\b(?:inside|within) (?:its|their|his|her) own (?:borders|territory|country)\b", re.I
)


def _seat_country(place: Location | None, event: Event, basis: str = "article") -> Location | None:
    """A borrowed place for an act decided where its government sits (:func:`_by_capital`):
    its country when that is the government's, else nothing."""
    if place is None or event.source is None or place.country != event.source.country:
        return None
    return _country_level(place, basis)


def _other_country(
    here: list[PlaceMention], place: Location | None, doc: Doc, actors, trigger: Token
) -> bool:
    """The event's sentence names a country where things happen ("killed while fighting in
    Syria") other than the borrowed place's: the sentence before's town (where his family
    lived in Istanbul) is not the scene."""
    if place is None:
        return False
    for m in here:
        root = doc[m.start : m.end].root
        if m.place.kind != "country" or m.place.country == place.country or not _locative(root):
            continue
        if not _acts(doc, m, actors) and not _in_relative_clause(root, trigger):
            return True
    ground = _demonym_ground(trigger)
    return ground is not None and ground != place.country


#: Parts of a place a demonym may name by whom they are held, not where they lie ("a Syrian
#: refugee camp in Jordan", "Kurdish-held areas", "the Turkish-backed enclave").
_NOT_DEMONYM_GROUND = {"camp", "stronghold", "enclave", "control", "area", "areas", "part", "parts"}


def _demonym_ground(trigger: Token) -> str | None:
    """ "he was arrested on a Turkish beach", "killed in a Syrian village": the country a
    demonym gives a part of a place (``part_nouns``: a village, the border, a beach, a jail)
    named after a locative word in the act's own clause, or None."""
    clause = _clause_head(trigger)
    ground = gazetteer().part_nouns - _NOT_DEMONYM_GROUND
    for tok in trigger.sent:
        if tok.lemma_.lower() not in ground or tok.pos_ != "NOUN" or not _locative(tok):
            continue  # "an American airstrike near X", "Iranian bases": whose, not where
        if tok.head.head.i not in (trigger.i, clause.i):
            continue
        for adj in tok.children:
            code = gazetteer().demonym(adj.text) if adj.dep_ == "amod" else None
            if code:
                return code
    return None


def _demonym_place(trigger: Token) -> Location | None:
    """The country of :func:`_demonym_ground`, at country precision (basis ``clause``)."""
    code = _demonym_ground(trigger)
    place = gazetteer().country(code) if code else None
    return to_location(place, None, "clause") if place else None


def _in_relative_clause(token: Token, trigger: Token) -> bool:
    """The place hangs from a relative clause that is not the event's own ("the caliphate it
    established in Iraq"): it describes something else."""
    for tok in token.ancestors:
        if tok.i == trigger.i:
            return False
        if tok.dep_ == "relcl":
            return True
    return False


def _within_own_borders(event: Event, trigger: Token) -> Location | None:
    """ "Ankara's war with Kurdish militants inside its own borders", "attacks within their own
    territory": the acting side's country, whatever the story's place; only in the act's own
    clause ("the US partnered with Kurdish forces, although Turkey fights them within its own
    borders" is not in the United States)."""
    src = event.source
    if src is None or not src.country:
        return None
    sent = trigger.sent
    for m in _OWN_BORDERS.finditer(sent.text):
        tok = trigger.doc.char_span(
            sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand"
        )
        tok = tok[0] if tok is not None and len(tok) else None
        for _ in range(12):
            if tok is None or tok.i == trigger.i:
                break
            if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
                tok = None  # another clause's, or the sentence's root without the act
                break
            tok = tok.head
        if tok is not None:
            place = gazetteer().country(src.country)
            return to_location(place, None, "sentence") if place else None
    return None


_BORDER_WAYS = {"on", "near", "along", "to", "at", "towards", "toward", "by", "close"}


def _massed_at_border(event: Event, trigger: Token) -> Location | None:
    """ "Turkish troops near the Syrian border are making final plans", "deployed tanks along its
    southern border", "the deployment of US troops to the Mexico border": forces gathered at a
    border stand on their own side of it, so the deployment happened in the deploying side's
    country (not the story's Syria, nor the country the border faces); only a MOBILIZE whose
    border phrase hangs from the act or from the forces that do it."""
    src = event.source
    if event.event != "MOBILIZE" or src is None or not src.country:
        return None
    clause = _clause_head(trigger)
    sides = {trigger.i, clause.i} | {
        c.i for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "agent")
    }
    for tok in trigger.sent:
        if tok.lemma_.lower() not in ("border", "frontier") or tok.pos_ != "NOUN":
            continue
        noun = tok.head if tok.dep_ == "compound" else tok  # "its southern border area"
        if noun.dep_ != "pobj" or noun.head.lower_ not in _BORDER_WAYS:
            continue
        up = noun.head.head
        for _ in range(6):
            if up.i in sides:
                place = gazetteer().country(src.country)
                return to_location(place, None, "clause") if place else None
            if up.pos_ in ("VERB", "AUX") or up.head.i == up.i:
                break
            up = up.head
    return None


def _elsewhere_named(
    here: list[PlaceMention], doc: Doc, sent, mentions, actors, text: str, hints, doc_text: str,
    country: str | None,
) -> bool:  # fmt: skip
    """The event's sentence or the one before names a town, site or division of another
    country than ``country`` where something happens ("in Baghuz", "shelled Afrin"; not a place
    that acts or owns: "Moscow said", "Moscow banks"; in the sentence before, not where people
    talked: "met Nixon in Washington", "said in a speech in Ankara"): a guess from the article's
    place or the actors' home ("severe fighting" after "Kurdish forces expect Baghuz
    to be cleared" in a story placed in Iraq) would contradict the
    scene the text gives, so the rules that guess (``article``, ``actors``) place nothing."""

    def scene(m: PlaceMention) -> bool:
        root = doc[m.start : m.end].root
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head
        acted_on = root.dep_ in ("dobj", "nsubjpass") and root.head.pos_ == "VERB"
        left = (  # "withdraw its forces from Incirlik": the place left is a scene too
            root.dep_ == "pobj"
            and root.head.lower_ == "from"
            and root.head.head.lemma_.lower() in _LEAVING
        )
        if _sent_to(root):
            return False  # "to send them to the camp at Guantanamo Bay": not there yet
        return m.place.kind in _FINE and (_locative(root) or acted_on or left)

    named = [m.place.country for m in here if scene(m)]
    named += [p.country for p in _raw_incidents(sent.text, hints)]
    first = next((t for t in sent if not t.is_space), None)
    span = _previous_range(text, first.idx) if first is not None else None
    if span is not None:
        lo, hi = span
        if doc_text[lo:hi].strip():
            named += [
                m.place.country for m in mentions
                if lo <= doc[m.start].idx < hi and m.place.kind in _FINE
                and _scene_place(doc[m.start : m.end].root)
                and not _sent_to(doc[m.start : m.end].root)
            ]  # fmt: skip
        else:
            named += [p.country for p in _raw_places(text[lo:hi], hints)]
        named += [p.country for p in _raw_incidents(text[lo:hi], hints)]
    return any(c and c != country for c in named)


#: Verbs of leaving a place: where they leave from is where they happen.
_LEAVING = {"withdraw", "pull", "retreat", "evacuate", "expel", "oust", "drive", "flee", "leave"}

_RAW_INCIDENT = re.compile(r"\bthe ((?:[A-Z][\w'\u2019-]+ ){1,2})(\w+)")


def _raw_incidents(words: str, hints) -> list[Location]:
    """Towns that name a violent incident ("the Manchester attack", "the Manchester Arena
    bombing", "the Salisbury poisoning"): the incident's scene, which an event told beside it
    may belong to. Read from the words (the small model tags such a town PRODUCT or ORG): the
    name, else its first word, when it is a division, a town of the article's countries or a
    big town (as :func:`_raw_places`; not a demonym or a country: "the Syrian offensive")."""
    out = []
    for m in _RAW_INCIDENT.finditer(words):
        if m.group(2).lower() not in gazetteer().incident_nouns:
            continue
        name = m.group(1).strip()
        first = name.split()[0]
        if gazetteer().demonym(first) or gazetteer().country_code(first):
            continue
        for query in dict.fromkeys([name, first]):
            place = gazetteer().resolve(query, hints[:3])
            if place is None or place.kind not in _FINE:
                continue
            if place.kind == "city" and not (
                place.country in hints[:3] or place.population >= TOWN_NOT_PERSON
            ):
                continue
            if place.kind == "city" and _stray_namesake(place, set(), query):
                continue  # "if the Turks attack": no town "Turks", only a namesake by sound
            out.append(to_location(place, query, "before"))
            break
    return out


_NOT_PLACE_ENTS = {"DATE", "TIME", "ORDINAL", "CARDINAL"}


def _named_elsewhere(trigger: Token, actors, borrowed: Location | None) -> bool:
    """An incident named for its scene ("the Bataclan attack", "the Srebrenica massacre") that
    no rule placed: the name says where it was, and the place a rule would borrow from the
    story is a guess the name contradicts, unless the name is a place of that country ("the
    Manbij attack" in a story about Syria). Not a name the actor stage knows as a side ("the
    Hamas attack"), a demonym or country ("the Syrian offensive"), a date or an acronym ("the
    IED explosion")."""
    if borrowed is None or trigger.pos_ != "NOUN":
        return False
    if trigger.lower_ not in gazetteer().incident_nouns:
        return False
    said = " ".join(w for w in (borrowed.text, borrowed.name) if w).lower()
    for c in trigger.children:
        if c.dep_ != "compound" or c.pos_ != "PROPN" or not c.text[:1].isupper():
            continue
        if c.text.isupper():  # "the IED explosion": a weapon, not a place
            continue
        if c.ent_type_ in _NOT_PLACE_ENTS or c.lower_ in said:
            continue
        if gazetteer().demonym(c.text) or gazetteer().country_code(c.text):
            continue
        if actors.all_at(c.i) and not _bare_org(actors, c.i, c.i + 1):
            continue
        named = gazetteer().resolve(c.text, [borrowed.country] if borrowed.country else [])
        if named is not None and named.country == borrowed.country:
            continue
        return True
    return False


#: People who have left their country: taking them in happens elsewhere.
_DISPLACED = {"refugee", "refugees", "migrant", "migrants", "exile", "exiles", "asylum-seeker"}


def _moved(trigger: Token, here: list[PlaceMention], country: str | None) -> bool:
    """The event's sentence moves people away from the place a rule would guess: someone
    "arrested upon returning from Syria" (a story placed in Syria; coming back from the country,
    not "evacuated civilians from Afrin", which happens in Afrin, nor "returned from Kirkuk",
    which may end elsewhere in Iraq), "arrested and extradited to Macedonia"
    (the arrest's own chain goes to another country). Where such an act
    happened the text does not say, and the story's place (or the sentence before's) is the
    one place it most likely did not."""
    if country is None:
        return False
    clause = _clause_head(trigger)
    chain = {clause.i, *(t.i for t in clause.conjuncts)}
    at = {i: m for m in here for i in range(m.start, m.end)}
    for noun in trigger.sent:  # "accepted refugees from Syria": they are elsewhere
        if noun.lower_ not in _DISPLACED or _clause_head(noun).i != clause.i:
            continue
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "from":
                found = [at.get(o.i) for o in prep.children if o.dep_ == "pobj"]
                if any(m is not None and m.place.country == country for m in found):
                    return True
    for verb in trigger.sent:
        if verb.lemma_.lower() not in gazetteer().movement_verbs or verb.pos_ != "VERB":
            continue
        back = verb.lemma_.lower() == "return" or any(
            c.dep_ in ("advmod", "prt") and c.lower_ == "back" for c in verb.children
        )
        for prep in verb.children:
            if prep.dep_ in ("advmod", "prt") and prep.lower_ == "back":
                prep = next((c for c in prep.children if c.dep_ == "prep"), prep)
            if prep.dep_ != "prep" or prep.lower_ not in ("from", "to", "into"):
                continue
            for obj in prep.children:
                m = at.get(obj.i)
                if obj.dep_ != "pobj" or m is None or not m.place.country:
                    continue
                if prep.lower_ == "from":  # not "evacuated civilians from Afrin": in Afrin
                    if back and m.place.kind == "country" and m.place.country == country:
                        return True  # "returned from Kirkuk" may still be in Iraq
                    continue
                if prep.lower_ != "from" and m.place.country != country and verb.i in chain:
                    return True
    return False


def _other_towns(
    here: list[PlaceMention], nearby: Location | None, doc: Doc, actors, sent=None
) -> bool:
    """The sentence names a town, site or division other than ``nearby`` (the article's town,
    the sentence before's) where something happens ("fought on battlegrounds including Manbij,
    Tabqa and Raqqa"): an event its rules did not place there is not placed at that other town
    either (the article's: only in its country)."""
    if nearby is None or nearby.precision == "country":
        return False
    if sent is not None and _unknown_town(doc, sent, here):
        return True  # "attacking the city of al-Habit", a town the gazetteer lacks
    return any(
        m.place.kind in _FINE
        and not _acts(doc, m, actors)
        and (m.place.feature_id != nearby.feature_id or _listed_names(doc, m, here))
        for m in here
    )  # the town itself listed with names the gazetteer lacks: one of several places


def _unknown_town(doc: Doc, sent, here: list[PlaceMention]) -> bool:
    """The sentence names a town the gazetteer does not know ("attacking the city of al-Habit",
    "shelled the village of Kafr Nabl"): another town than any it found, so the story's town
    is no more than its country there."""
    taken = {i for m in here for i in range(m.start, m.end)}
    for tok in sent:
        if tok.lower_ not in ("city", "town", "village") or tok.i + 2 >= sent.end:
            continue
        of, name = doc[tok.i + 1], doc[tok.i + 2]
        if of.lower_ != "of" or name.i in taken:
            continue
        words = [t for t in doc[name.i : min(name.i + 4, sent.end)] if t.pos_ == "PROPN"]
        if not any(t.i in taken for t in words) and any(t.text[:1].isupper() for t in words):
            return True
    return False


def _several_countries(here: list[PlaceMention], doc: Doc, trigger: Token | None = None) -> bool:
    """The sentence says the act happened in several countries ("in Iraq and Syria"); not
    countries of a relative clause that describes something else ("the withdrawal caps the
    defeat of the caliphate, which it proclaimed in Syria and Iraq")."""
    found = set()
    for m in here:
        root = doc[m.start : m.end].root
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head  # "in Iraq and Syria": Syria as Iraq
        if trigger is not None and _describes_other(root, trigger):
            continue
        if m.place.kind == "country" and _locative(root):
            found.add(m.place.country)
    return len(found) > 1


def _describes_other(root: Token, trigger: Token) -> bool:
    """The place hangs from a relative clause the event is not told in."""
    for tok in root.ancestors:
        if tok.i == trigger.i:
            return False
        if tok.dep_ == "relcl":
            return tok.i != trigger.i and not tok.is_ancestor(trigger)
    return False


def _listed_with_another_country(here: list[PlaceMention], doc: Doc, country: str | None) -> bool:
    """The country is listed with another one ("captured in territory in Syria and Iraq"): an
    act there happened in one of them or both, and which is a guess (the rules found only
    one of them in the event's clause when the parser hung the other elsewhere)."""
    groups: dict[int, set[str]] = {}
    for m in here:
        if m.place.kind != "country" or not m.place.country:
            continue
        root = doc[m.start : m.end].root
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head
        groups.setdefault(root.i, set()).add(m.place.country)
    return any(country in found and len(found) > 1 for found in groups.values())


def _not_abroad(event: Event, place: Location | None, trigger: Token | None = None) -> bool:
    """False for an act not done on the ground (not ASSAULT, COERCE, ...) whose known sides are
    all foreign to a borrowed place (the article's, the sentence before's): "the Australian
    government is working with the Red Cross" in a story about Syria did not happen there; nor
    does an act of a foreign state organ whatever its target ("Britain stripped a fighter of
    his citizenship", "Washington lifted sanctions on Turkish ministers")."""
    if place is None or _on_ground(event, trigger):
        return True
    src = event.source
    if src is not None and src.sector in _STATE_SECTORS and src.country:
        return src.country == place.country  # a state's own act is done where it sits
    sides = [a.country for a in (event.source, event.target) if a is not None and a.country]
    return not sides or place.country in sides


#: An event dated more than this many days before publication is not part of the story's scene.
STORY_DAYS = 31
_ELSEWHERE = re.compile(r"\belsewhere\b|\bother parts of\b|\bacross the country\b", re.I)


def _place_clause(root: Token) -> Token:
    """The clause a place belongs to, through verbs that act as prepositions ("fired at several
    towns, including Latakia": the firing's clause, not "including")."""
    clause = _clause_head(root)
    for _ in range(4):
        # "killed in the campaign to liberate Mosul": the fight's clause, not "liberate"
        if (clause.dep_ == "prep" and clause.head.i != clause.i) or _campaign_purpose(clause):
            clause = _clause_head(clause.head)
        else:
            break
    return clause


def _campaign_purpose(verb: Token) -> bool:
    """The to-clause that says what a fight was for ("the campaign to liberate Mosul", "an
    operation to retake Afrin"): its ground is the fight's, not another act's. The parser
    hangs it from the noun or, as a purpose, from the main verb right after the noun."""
    if verb.dep_ not in ("acl", "relcl", "advcl") or not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    ):
        return False
    doc = verb.doc
    noun = verb.head if verb.dep_ != "advcl" else doc[max(verb.left_edge.i - 1, 0)]
    return noun.i != verb.i and noun.lemma_.lower() in gazetteer().campaign_nouns


_COUNTRY_WIDE = (
    r"\b(?:across|throughout|all over|around|the rest of|all of|much of|parts of)\s+(?:the\s+)?"
)


def _country_wide(sentence: str, words: str | None) -> bool:
    """ "detentions across Syria", "throughout the country": the whole country, which the
    article's town does not narrow ("northern Syria" is: the dev gold's coders narrow a part
    of the country to the story's town by context, measured)."""
    if not words:
        return False
    return re.search(_COUNTRY_WIDE + re.escape(words) + r"\b", sentence, re.I) is not None


_DIRECTION = r"(?:north|south)(?:-?(?:east|west))?|east|west"
_PART_OF_COUNTRY = re.compile(
    r"\b(?i:in|across|throughout|into|inside|over|through)\s+(?P<the>the\s+)?(?:far\s+)?"
    r"(?:(?P<own>[\w-]+)['\u2019]s\s+)?(?P<dir>(?i:" + _DIRECTION + r"))(?P<ern>ern)?\b"
    r"(?:\s+of\s+(?:the\s+)?(?P<of>[\w-]+)|\s+(?P<next>[A-Z][\w-]*))?"
)


def _parts_of_country(sentence: str) -> list[tuple[str | None, str]]:
    """The parts of a country the sentence names as where things happen, with the country when
    it says which: "in the east" (None, "east"), "in the north of the country", "across the
    country's north", "in Syria's north-east", "in eastern Syria" ("SYR", "east"). Not the part
    of a town or division ("in the east of Aleppo", "in eastern Ghouta", "Idlib's south"), nor
    a direction without "the" or "-ern" ("in east Jerusalem")."""
    out = []
    g = gazetteer()
    for m in _PART_OF_COUNTRY.finditer(sentence):
        if not (m["the"] or m["ern"] or m["own"]):
            continue
        named = [w for w in (m["own"], m["of"], m["next"]) if w and w.lower() != "country"]
        codes = [g.country_code(w) for w in named]
        if None in codes:
            continue  # "Aleppo's east", "the east of the city", "eastern Ghouta": a town's part
        out.append((codes[0] if codes else None, m["dir"].lower().replace("-", "")))
    return out


def _another_part(sentence: str, place: Location | None) -> bool:
    """The sentence names a part of the place's country where the place does not lie ("in the
    east" beside a story about Afrin, in the north-west): the act happened there, somewhere in
    the country, so the town the rules would borrow (the article's, the sentence before's)
    gives way to its country. A part the town lies in ("in the north") leaves the town."""
    if place is None or place.precision == "country" or not place.country:
        return False
    parts = [d for c, d in _parts_of_country(sentence) if c in (None, place.country)]
    if not parts:
        return False
    found = gazetteer().country(place.country)
    where = gazetteer().side(replace(found, lat=place.lat, lon=place.lon)) if found else None
    if where is None:
        return False
    north, east = where
    for direction in parts:
        outside = (
            ("north" in direction and north < 0.4)
            or ("south" in direction and north > 0.6)
            or (direction.endswith("east") and east < 0.4)
            or (direction.endswith("west") and east > 0.6)
        )
        if outside:
            return True
    return False


def _against_another_state(event: Event, place: Location | None) -> bool:
    """A relative clause that describes an actor by its fight against a foreign state ("the
    PKK, which has fought an insurgency against the Turkish state" in a story about Syria):
    that fight is on the state's own ground, not the story's. A foreign fighter described as
    killed ("a Bosnian, who was also killed") stays in the story's country."""
    tgt = event.target
    if place is None or tgt is None or not tgt.country or tgt.country == place.country:
        return False
    return tgt.sector in _STATE_SECTORS


def _gone_elsewhere(event: Event, trigger: Token) -> bool:
    """A withdrawal told with where it went ("forces retreating to the area east of the
    river", "pulled back towards the border"): it left some other place than the story's or
    the sentence before's town, which the text does not name; their country at most."""
    if event.event != "RETREAT":
        return False
    ground = gazetteer().part_nouns | _GROUND_NOUNS
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("to", "towards", "toward", "into")
        and any(g.dep_ == "pobj" and g.lemma_.lower() in ground for g in c.children)
        for c in trigger.children
    )  # not "surrendered to the SDF", "redeployed to Afghanistan" (the place rules read it)


#: Ground a withdrawal goes to, beside ``part_nouns`` ("retreated to their positions").
_GROUND_NOUNS = {"position", "base", "line", "hideout", "territory", "desert", "mountain", "front"}


def _over_many_towns(trigger: Token) -> bool:
    """The act is done to or in towns it does not name ("reclaimed northern towns", "shelled
    villages along the river", "raids in several cities"): more than the story's one town, so
    its country at most."""
    clause = _clause_head(trigger)
    for verb in {trigger.i: trigger, clause.i: clause}.values():
        for c in verb.children:
            noun = c
            if c.dep_ == "prep":
                noun = next((g for g in c.children if g.dep_ == "pobj"), None)
            elif c.dep_ not in ("dobj", "nsubjpass"):
                continue
            if noun is not None and noun.tag_ == "NNS" and noun.lemma_.lower() in _BACK_NOUNS:
                return True
    return False


#: Words that make a plural act many acts ("repeated defeats", "dozens of attacks").
_MANY_WORDS = {"repeated", "successive", "numerous", "countless", "many", "several", "multiple"}
_MANY_OF = {"dozens", "hundreds", "scores", "thousands", "series", "spate", "string", "wave"}


def _many_acts(trigger: Token) -> bool:
    """The act is told as many acts ("after repeated military defeats", "dozens of chemical
    attacks by the regime", "a series of raids"): more than the story's one town, so its
    country at most."""
    if trigger.tag_ != "NNS":
        return False
    if any(c.dep_ in ("amod", "nummod") and c.lower_ in _MANY_WORDS for c in trigger.children):
        return True
    of = trigger.head
    return trigger.dep_ == "pobj" and of.lower_ == "of" and of.head.lower_ in _MANY_OF


#: What a long stretch of time is of ("since 2014", "throughout the war", "for decades").
_LONG_TIMES = {"war", "conflict", "uprising", "revolution", "year", "decade", "century"}
#: Prepositions that tie harm to the acts that did it ("deaths in airstrikes").
_HARM_BY = {"in", "from", "by"}


def told_in_general(trigger: Token) -> bool:
    """The act is told in general, not as the story's one happening: a bare plural act inside
    a noun phrase ("civilian deaths in coalition airstrikes"), or acts in the present perfect
    over a long stretch ("airstrikes have killed thousands since 2014", "has shelled towns
    throughout the war"). Done at many places, so its country at most, never the story's town."""
    if (
        trigger.tag_ == "NNS"
        and trigger.dep_ == "pobj"
        and trigger.head.lower_ in _HARM_BY
        and trigger.head.head.pos_ in ("NOUN", "PROPN")
        and not any(c.dep_ in ("det", "poss", "nummod") for c in trigger.children)
    ):
        return True
    verb = trigger
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("nsubj", "nsubjpass"):
        verb = trigger.head  # "airstrikes have killed": the act's verb
    if verb.tag_ != "VBN" or not any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ in ("VBZ", "VBP")
        for c in verb.children
    ):
        return False
    for c in verb.children:
        if c.dep_ != "prep" or c.lower_ not in ("since", "throughout", "for"):
            continue
        for g in c.subtree:
            if g.lemma_.lower() in _LONG_TIMES and (c.lower_ != "for" or g.tag_ == "NNS"):
                return True
            if c.lower_ == "since" and g.tag_ == "CD" and len(g.text) == 4 and g.text.isdigit():
                return True
    return False


def _describes(trigger: Token) -> bool:
    """The event is told inside a relative clause that describes someone ("the PKK, which has
    fought an insurgency against the Turkish state"): background, not the scene's action."""
    clause = _clause_head(trigger)
    return clause.dep_ == "relcl" or (clause.dep_ == "conj" and clause.head.dep_ == "relcl")


#: Nouns of a long stretch of time ("for years", "for decades").
_STRETCHES = {"year", "decade", "month", "generation", "century"}


def _going_on(trigger: Token) -> bool:
    """The relative clause tells what an act of the story is doing, in the present, the
    present perfect or the progressive ("reports of airstrikes that have killed dozens of
    civilians", "a siege that is starving the town"): that act's scene, the story's. A clause
    that describes a side ("the PKK, which has fought an insurgency", "a dictator who
    massacres his own people", "border guards who have shot scores") or tells another time
    ("a town that was bombed in 2017") stays a description."""
    clause = _clause_head(trigger)
    if clause.dep_ == "conj" and clause.head.dep_ == "relcl":
        clause = clause.head
    if clause.dep_ != "relcl":
        return False
    g = gazetteer()
    acts = g.incident_nouns | g.campaign_nouns | _STRIKE_NOUNS
    if clause.head.lemma_.lower() not in acts and clause.head.lower_ not in acts:
        return False
    for c in clause.children:  # "which has gone on for years", "since 2014": a long
        if c.dep_ == "prep" and c.lower_ == "since":  # stretch that describes, not a scene
            return False
        if (
            c.dep_ == "prep"
            and c.lower_ == "for"
            and any(g.lemma_.lower() in _STRETCHES for g in c.children)
        ):
            return False
    auxes = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if auxes:
        first = auxes[0]
        return first.tag_ in ("VBZ", "VBP") and first.lemma_.lower() in ("have", "be")
    return clause.tag_ in ("VBZ", "VBP", "VBG")


#: Nouns of blows from the air or by guns, beside ``incident_nouns`` and ``campaign_nouns``.
_STRIKE_NOUNS = {"airstrike", "airstrikes", "strike", "strikes", "shelling", "bombardment"}


def _in_story(event: Event, published: date | None) -> bool:
    """Whether the event belongs to the article's present story: not historical, and not
    dated (by its own words) more than ``STORY_DAYS`` before publication."""
    if event.modality == "historical":
        return False
    if published is None or not event.date:
        return True
    try:
        parts = [int(x) for x in event.date.split("-")]
    except ValueError:
        return True
    year, month = parts[0], parts[1] if len(parts) > 1 else 12
    day = parts[2] if len(parts) > 2 else calendar.monthrange(year, month)[1]
    try:
        end = date(year, month, day)
    except ValueError:
        return True
    return (published - end).days <= STORY_DAYS


def _dated_before(event: Event, sent, published: date | None) -> bool:
    """The event's own words date it more than ``STORY_DAYS`` before publication ("In April,
    the US dropped a bomb", "was captured in November 2012"): not the scene of the sentence
    before, unless the sentence says so ("There, she was abducted in 2013")."""
    if not event.date:
        return False
    first = next((t for t in sent if not t.is_punct and not t.is_space), None)
    if first is not None and first.lower_ in ("there", "here"):
        return False
    return not _in_story(replace(event, modality="asserted"), published)


def _country_level(place: Location | None, basis: str = "article") -> Location | None:
    """The country of a borrowed place (the article's, the sentence before's), for events its
    town cannot be tied to."""
    if place is None or place.precision == "country":
        return place
    country = gazetteer().country(place.country) if place.country else None
    return to_location(country, None, basis) if country else None


#: The article's town places an event only when named this many sentences before it or in it;
#: farther away, only its country does.
NEAR_SENTENCES = 4
#: The article's opening sentences, which the story's town may be named just after.
OPENING = 2
#: How many sentences after the lead the story's town may first be named for the lead's
#: acts: a lead tells the act ("Fighting hits the last Isis pocket") and the second to
#: fourth sentence names the town ("... in the village of X"). For the opening's second
#: sentence only the next one (a second sentence tells background as often as the scene).
LEAD_AHEAD = 3


def _near(
    about: Location | None, mentions, sents, index: int, text: str | None,
    refs: dict[int, PlaceMention] | None = None, raw: list[RawTown] = (),
) -> Location | None:  # fmt: skip
    """The article's place for the event of sentence ``index``: its town when the town is named
    in that sentence or the ``NEAR_SENTENCES`` before it (in the article's text: the parsed
    text may skip sentences), or in the opening (``OPENING`` sentences) in the sentence after
    it (the lead: in the ``LEAD_AHEAD`` sentences after it, unless it speaks of towns it does
    not name), or called "the town" there (``refs``, :func:`_town_references`), else its
    country."""
    if about is None or about.precision == "country":
        return about
    first = sents[max(0, index - NEAR_SENTENCES)]
    if any(
        first.start <= i < sents[index].end and m.place.feature_id == about.feature_id
        for i, m in (refs or {}).items()
    ):
        return about  # "... shockwaves through Baghuz." ... "in this desert town"
    lo = first.start_char
    hi = sents[index].end_char
    words = {w for m in mentions if m.place.feature_id == about.feature_id for w in _names(m)}
    words |= {r.text for r in raw if r.place.feature_id == about.feature_id}
    whole = text or sents[index].doc.text
    if index < OPENING and not any(_occurrences(whole[:lo], w) for w in words):
        hi = _next_end(whole, hi)  # the opening, before the town is first named: the next
        lead = index == 0 and not whole[:lo].strip()  # the article's first sentence
        if lead and not _unnamed_towns(sents[0]):  # sentences name the scene the lead
            for _ in range(LEAD_AHEAD - 1):  # told ("Fighters shot ... . In X")
                hi = _next_end(whole, hi)
    window = whole[lo:hi]
    if any(_occurrences(window, w) for w in words):
        return about
    place = gazetteer().country(about.country) if about.country else None
    return to_location(place, None, "article") if place else None


def _unnamed_towns(sent) -> bool:
    """The sentence speaks of towns it does not name ("Several southern towns have
    surrendered", "villages fell"): more than the story's one town."""
    return any(t.tag_ == "NNS" and t.lemma_.lower() in _BACK_NOUNS for t in sent)


def _fits_actors(event: Event, place: Location | None, trigger: Token | None = None) -> bool:
    """False when both sides' countries are known and neither is the place's: "the US imposed
    sanctions on Russia" in a story about Syria did not happen in Syria. One side known says
    little (an American soldier killed in Manbij), and acts on the ground are often fought
    by two foreign sides on a third's (Israeli strikes on Iranian forces in Syria)."""
    if place is None:
        return False
    if _on_ground(event, trigger):
        return True  # fighting between two foreign sides happens on a third's ground
    sides = [a.country if a is not None else None for a in (event.source, event.target)]
    return not all(sides) or place.country in sides


def _said_at_dateline(event: Event, dateline: Location | None) -> Location | None:
    """Words whose text names no place: the dateline, when it lies in the speaker's country."""
    src = event.source
    if dateline is None or src is None or src.country != dateline.country:
        return None
    return dateline


def _said_in_story(event: Event, about: Location | None) -> Location | None:
    """Words whose text names no place, in an article about one country: that country, at
    country precision (never the article's town: nothing ties the words to it), when the
    speaker is of that country ("Syrian officials said" in a story about Syria). A foreign
    speaker's words are not placed ("a US senator said"), nor words whose speaker has no known
    country: in a hand check of 50 words placed also for speakers without a country, those were
    3 right of 16 judged (mostly British or US politicians whose country the actor stage had
    not found: "the shadow home secretary", "a House speaker"); the country's own speakers'
    were 9 right of 11, 5 more wrong only by a speaker's wrong country."""
    src = event.source
    if about is None or src is None or not src.country or src.country != about.country:
        return None
    return _country_level(about)


def _said_at_home(event: Event) -> Location | None:
    """Words whose text names no place, at their speaker's country (basis ``speaker``): GDELT's
    convention for statements, a guess the coding guide does not make ("use none rather than
    guessing"), so it is off unless asked for (``Settings.words_at_speaker_country``) and its
    own basis lets a user drop it."""
    src = event.source
    if src is None or not src.country:
        return None
    place = gazetteer().country(src.country)
    return to_location(place, None, "speaker") if place else None


_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*\s+|\n\s*")


def _next_end(text: str, end: int) -> int:
    """Where the sentence after the one ending at ``end`` ends (``end`` when none follows)."""
    m = _SENTENCE_END.search(text, end + 1) if text[end:].strip() else None
    return m.start() + 1 if m else len(text) if text[end:].strip() else end


def _previous_range(text: str, start: int) -> tuple[int, int] | None:
    """Character range of the sentence before the one starting at ``start`` (None: first)."""
    head = text[:start].rstrip()
    if not head:
        return None
    begin = 0
    for m in _SENTENCE_END.finditer(head):
        if m.end() < len(head):
            begin = m.end()
    return begin, len(head)


def _before(
    doc: Doc, sent, mentions, actors, text: str, hints, doc_text: str | None = None
) -> Location | None:
    """The place of the sentence before, when this sentence goes on with its scene: a town,
    site or division where something happens there ("in Idlib", "shelled
    Afrin"; not a place that acts or one only talked about), and only one of the most specific
    kind. A sentence that opens with a scene change ("Meanwhile", "Last year", ...) borrows
    nothing; neither does a sentence in quotation marks (someone's words, not the scene).
    The sentence before may not have been parsed (the pipeline parses only sentences that can
    yield records): its places are then read from its words after "in", "near", "at"...
    ``doc_text``: ``doc.text`` when the caller has it (spaCy builds it anew on each access)."""
    first = next((t for t in sent if not t.is_space), None)
    if first is None:
        return None
    if text[first.idx] in '"\u201c' or _scene_change(sent, text):
        return None
    span = _previous_range(text, first.idx)
    if span is None:
        return None
    lo, hi = span
    found: list[Location] = []
    parsed = [m for m in mentions if lo <= doc[m.start].idx < hi]
    if (doc.text if doc_text is None else doc_text)[lo:hi].strip():
        roots = {doc[m.start : m.end].root.i for m in parsed if m.place.kind in _FINE}
        for m in parsed:
            root = doc[m.start : m.end].root
            if _qualifies(root, roots - {root.i}):
                continue  # "eastern Ghouta, on the outskirts of Damascus": Ghouta
            if m.place.kind not in _FINE or _acts(doc, m, actors) or not _scene_place(root):
                continue
            if _aside(root) or _compared(root):
                continue  # "attacked Idlib as ministers gathered in Brussels": Idlib
            if _sent_to(root):
                continue  # "to send them to the camp at Guantanamo Bay": not where they are
            found.append(m.location("before"))
    else:
        found = _raw_places(text[lo:hi], hints)
    if not found:
        return None
    best = min(_SPECIFICITY.get(p.precision, 5) for p in found)
    top = {(p.feature_id or p.name) for p in found if _SPECIFICITY.get(p.precision, 5) == best}
    if len(top) != 1:
        return None  # two towns named: which one this sentence goes on with is a guess
    return next(p for p in found if _SPECIFICITY.get(p.precision, 5) == best)


def _compared(root: Token, trigger: Token | None = None) -> bool:
    """The place is named as a comparison ("a long blockade, like the siege of eastern Ghouta",
    "As in Bosnia, nobody protected the civilians", "Unlike in Aleppo, ..."): another scene
    the act is likened to, not its own (unless the act is the one told in the comparison:
    "the siege of eastern Ghouta" itself is there); or a town used as a figure of speech
    (:func:`_likened`)."""
    if _likened(root):
        return True
    for tok in [root, *root.ancestors][:10]:
        if tok.dep_ != "prep":
            continue
        compared = tok.lower_ in ("like", "unlike") or (
            tok.lower_ == "as" and any(c.dep_ == "prep" for c in tok.children)
        )  # "as in Bosnia", "as at Srebrenica"; not "such as" (examples)
        compared = compared or _never_seen(tok.head)
        if compared:
            return trigger is None or not tok.is_ancestor(trigger)
    return False


def _never_seen(verb: Token) -> bool:
    """ "a tempo not seen even in the battles for Mosul", "on a scale never witnessed since
    the siege of Aleppo": a measure against another scene, not the act's own."""
    return verb.lemma_.lower() in ("see", "witness") and any(c.dep_ == "neg" for c in verb.children)


#: Words before a town's name that make it a figure ("another Srebrenica", "a new Aleppo").
_FIGURE_WORDS = {"a", "an", "another", "new", "second", "next", "latest"}


def _likened(root: Token) -> bool:
    """A town's name used as a figure of speech, not a place: with an indefinite or "another"
    ("could become another Srebrenica", "a new Aleppo"), or owned by a country it does not lie
    in ("is turning into Syria's Srebrenica")."""
    if root.pos_ != "PROPN" or gazetteer().country_code(root.text):
        return False  # "a US-led plot": a country's name is no figure
    for c in root.children:
        if c.dep_ in ("det", "amod") and c.text in _FIGURE_WORDS:
            if not root.ent_type_ or root.ent_type_ == "WORK_OF_ART":
                return False  # "We Crossed a Bridge": a title's word, not a town
            name = " ".join(t.text for t in root.subtree if c.i < t.i <= root.i and t.is_title)
            return any(p.kind == "city" for p, _ in gazetteer().candidates(name))
        if c.dep_ == "poss" and c.pos_ == "PROPN":
            code = gazetteer().country_code(c.text)
            name = " ".join(
                t.text for t in root.subtree if c.i < t.i <= root.i and t.dep_ != "case"
            )
            towns = [p for p, _ in gazetteer().candidates(name) if p.kind == "city"]
            if code and towns and all(p.country != code for p in towns):
                return True
    return False


def _aside(root: Token) -> bool:
    """The place is in an "as" clause beside the sentence's main act ("Russia attacked Idlib,
    as foreign ministers gathered in Brussels"): another scene, which the next sentence does
    not go on with."""
    clause = _place_clause(root)
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    return clause.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in clause.children
    )


def _scene_change(sent, text: str) -> bool:
    """The sentence opens by leaving the scene before it ("Meanwhile, ...", "Elsewhere, ...",
    "Last year, ...": ``scene_changes`` of ``data/places.yaml``)."""
    first = next((t for t in sent if not t.is_space), None)
    if first is None:
        return False
    opening = text[first.idx : first.idx + 40].lower().lstrip("\"'\u201c\u2018 ")
    return _scene_opening(gazetteer().scene_changes).match(opening) is not None


@cache
def _scene_opening(words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for ``any(re.match(rf"{re.escape(w)}\b", s) for w in words)``: an
    alternation tries each word in turn, so it matches where one of them does."""
    return re.compile("(?:" + "|".join(re.escape(w) for w in words) + r")\b") if words else _NEVER


_NEVER = re.compile(r"(?!)")


#: What the sentence before may lend: a town, a site or a division; a country it names is too
#: often one the story only passes through ("returned to Britain from Syria").
_FINE = {"city", "admin1", "point"}

_RAW_PLACE = re.compile(
    r"\b(?:in|near|at|outside|around|inside|into|across|through|throughout"
    r"|of the (?:city|town|village) of)"
    r" (?:the )?((?:al-|el-)?[A-Z][\w'\u2019-]+(?: (?:al-)?[A-Z][\w'\u2019-]+){0,2})"
)


def _raw_places(words: str, hints) -> list[Location]:
    """Places after a locative word in text the parser did not see ("clashes near al-Bab"):
    towns and divisions of the article's countries, big towns elsewhere."""
    return [to_location(place, name, "before") for _, name, place in _raw_hits(words, hints)]


def _raw_hits(words: str, hints) -> Iterator[tuple[int, str, Place]]:
    """(offset, name, place) of each place :func:`_raw_places` reads in ``words``."""
    for m in _RAW_PLACE.finditer(words):
        name = m.group(1)
        if name.split()[0].lower() in _CALENDAR or _talk_before(words[: m.start()]):
            continue
        if gazetteer().demonym(name.split()[0]) or gazetteer().country_code(name):
            continue  # "near the Syrian border": a demonym or a country, not a town
        place = gazetteer().resolve(name, hints[:3])
        if place is None or place.kind not in _FINE:
            continue
        if place.kind == "city" and not (
            place.country in hints[:3] or place.population >= TOWN_NOT_PERSON
        ):
            continue
        yield m.start(1), name, place


@dataclass(frozen=True, slots=True)
class RawTown:
    """A town or division named in a sentence the pipeline did not parse: where its name
    starts in the article's text, the name and what the gazetteer made of it."""

    idx: int
    text: str
    place: Place


_PERSONAL = {"PERSON", "ORG", "NORP"}


def unparsed_towns(doc: Doc, doc_text: str, text: str, hints) -> list[RawTown]:
    """Towns and divisions named after a locative word ("in", "near", "through"...) in the
    sentences the cheap pass blanked (the text spaCy saw is blank where the article's is not):
    "The sonic boom sends shockwaves through Baghuz" names the scene of a story about one town
    though no event is coded there. As :func:`_raw_places` (towns of the article's first
    three countries, big towns elsewhere; no town named just after words of talking); not a
    name the parsed text calls a person, group or people ("in Hamas" is no town)."""
    if text is doc_text or len(text) != len(doc_text):
        return []
    personal = {e.text for e in doc.ents if e.label_ in _PERSONAL}
    out = []
    for gap in re.finditer(r"\s+", doc_text):
        lo, hi = gap.span()
        if not text[lo:hi].strip():
            continue
        for idx, name, place in _raw_hits(text[lo:hi], hints):
            if place.kind in ("city", "admin1") and name not in personal:
                out.append(RawTown(lo + idx, name, place))
    return out


#: Forms of speech verbs the lemmas of ``talk_words`` do not reach by trimming a suffix.
_SAID = {"said", "says", "told", "spoke", "speaking", "met", "meets"}


def _talk_before(words: str) -> bool:
    """Whether the four words before a place phrase are words of talking ("told reporters in",
    "at a summit in"): for text the parser did not see."""
    talk = gazetteer().talk_words
    for word in re.findall(r"[a-z]+", words.lower())[-4:]:
        stems = {word, word.removesuffix("s"), word.removesuffix("ing"), word.removesuffix("ed")}
        if word in _SAID or stems & talk:
            return True
    return False


def _scene_place(root: Token) -> bool:
    """A place where something happens ("fighting in Idlib", "shelled Afrin"), not where
    words were said ("speaking in Geneva") nor what they were about ("discussed Syria")."""
    from dateline.quotes import lexicon as quote_words

    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head  # "bombed Homs and Aleppo": Aleppo as Homs
    talk = gazetteer().talk_words | quote_words().speech_verbs
    tok = root
    for _ in range(8):  # up to the clause's verb: "talks in Geneva", "spoke in Geneva"
        if tok.lemma_.lower() in talk:
            return False
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            break
        tok = tok.head
    if _locative(root):
        return True
    return root.dep_ in ("dobj", "nsubjpass") and root.head.pos_ == "VERB"


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in the article: its tokens, its words and what the gazetteer made of it."""

    start: int
    end: int
    text: str
    place: Place
    refers_to: str | None = None  # "the town": the name it points back at ("Douma")
    tagged_org: bool = False  # a town the NER called an organisation ("an attack on Homs")

    def location(self, basis: str) -> Location:
        if self.refers_to:
            return replace(to_location(self.place, self.refers_to, basis), text=self.text)
        return to_location(self.place, self.text, basis)


#: Names of the whole world, which some towns share ("Earth", Texas): never a place of events.
_WORLD_NAMES = {"earth", "planet earth", "the earth", "the world", "the globe"}


def find_mentions(doc: Doc, actors) -> list[PlaceMention]:
    """Every place named in ``doc``: NER places, gazetteer phrases, "the city of X" (a place
    even when the NER took it for a person); not a person's name, not a demonym. Resolved with
    the article's countries as hints, then again with the divisions of the other places."""
    spans = []
    own = _hints(actors)
    for sent in doc.sents:
        listed = set(_phrase_matches(doc, sent))  # landmarks and regions of the gazetteer
        for start, end in _candidates(doc, sent) + _named_as_places(doc, sent):
            site = (start, end) in listed  # "Incirlik" stays a base if the NER said person
            start, end = _widen(doc, start, end)
            person = (
                _is_person(actors, start, end)
                and not site
                and not _called_place(doc, start, end)
                and not _town_in_place_phrase(doc, start, end, own)
            )
            if person or not any(t.is_title or t.is_upper for t in doc[start:end]):
                continue
            spans.append((start, end))
    hints = _hints(actors)
    names = {(s, e): _with_qualifier(doc, s, e, spans) for s, e in spans}
    first = [(s, e, gazetteer().resolve(names[(s, e)], hints)) for s, e in spans]
    orgs = set()
    for s, e, p in _unmarked_places(doc, actors, spans, hints):
        first.append((s, e, p))
        names[(s, e)] = doc[s:e].text
        if doc[s].ent_type_ == "ORG":  # found against the NER's label (see _unmarked_places)
            orgs.add((s, e))
    counts = Counter(p.country for _, _, p in first if p and p.country)
    hints = tuple(dict.fromkeys([*sorted(counts, key=counts.get, reverse=True), *hints]))
    near = {(p.country, p.admin1) for _, _, p in first if p and p.kind in ("city", "admin1")}
    ours = set(_hints(actors)) | {p.country for _, _, p in first if p and p.kind == "country"}
    divisions = _divisions_named(nlp_doc_text(doc))
    out = []
    for s, e, p in first:
        if p is None or names[(s, e)].lower() in _WORLD_NAMES:
            continue  # "than any government on Earth": the planet, not a Texan town
        if p.kind in ("city", "admin1"):
            p = gazetteer().resolve(names[(s, e)], hints, near=near) or p
            p = _division_meant(names[(s, e)], p, hints, divisions) or p
        if _stray_namesake(p, ours, names[(s, e)]) or _apposition_disagrees(doc, s, e, p, first):
            continue
        if area_modifier(doc[e - 1]) and _sounds_like_only(p, names[(s, e)]):
            continue  # "the Bousraya neighbourhood" of Raqqa: no village of Daraa found by sound
        site = _site(doc, e, p)
        org = (s, e) in orgs
        if site is not p:
            out.append(PlaceMention(s, e + 1, doc[s : e + 1].text, site, tagged_org=org))
        else:
            out.append(PlaceMention(s, e, doc[s:e].text, p, tagged_org=org))
    out = [m for m in out if not home_of_person(doc[m.start : m.end].root)]
    out += _capital_named(doc, out)
    out += _named_again(doc, out, actors)
    out += _back_references(doc, out)
    return sorted(out + _it_references(doc, out) + _capitals(doc), key=lambda m: m.start)


_DIVISION_NAMED = re.compile(
    r"\b([A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+)?) (?:province|governorate)\b"
    r"|\b(?:province|governorate) of ([A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+)?)"
)
_TOWN_NAMED = re.compile(
    r"\b([A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+)?) city\b"
    r"|\b(?:city|town) of ([A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+)?)"
)


def _divisions_named(text: str) -> set[str]:
    """Names the text gives a province of ("Idlib province", "the governorate of Daraa") and
    never a town of ("Idlib city", "the city of Idlib"): a story that speaks of the province
    and never singles out its seat."""
    divisions = {a or b for a, b in _DIVISION_NAMED.findall(text)}
    towns = {a or b for a, b in _TOWN_NAMED.findall(text)}
    return divisions - towns


def _division_meant(name: str, place: Place, hints, divisions: set[str]) -> Place | None:
    """The province a bare town name means in a story that names the province of that name
    and never the town as one (:func:`_divisions_named`): "Idlib" after "Idlib province" is
    the province ("Russian jets hit Idlib"), not its seat, which the gazetteer prefers for a
    bare name. Only the division whose seat the town is (same country and division code)."""
    if place.kind != "city" or not place.admin1 or name not in divisions:
        return None
    division = gazetteer().resolve(name, hints, kind="admin1")
    if (
        division is None
        or division.kind != "admin1"
        or (division.country, division.admin1) != (place.country, place.admin1)
    ):
        return None
    return division


def home_of_person(root: Token) -> bool:
    """The place is where a person comes from ("Sam Jones, 29, from Leeds, was killed", "a
    neighbour from Leeds", "the two men from London"): their home, not where anything
    happens, so no place of events nor of the article. "from" hangs from a person's name, from
    one described by an age ("Jones, 29, from Leeds"), or from a noun of `origin_nouns`; not
    from an act ("the withdrawal from Syria") nor refugees (who fled from the place)."""
    while root.dep_ == "appos" and root.head.i != root.i:
        root = root.head  # "from Accrington, Lancashire"
    root = _of_head(root)  # "from the town of X"
    if root.dep_ != "pobj" or root.head.lower_ != "from" or root.head.dep_ != "prep":
        return False
    who = root.head.head
    if who.ent_type_ == "PERSON":
        return True
    if who.pos_ == "NUM" and who.dep_ == "appos":
        return who.head.ent_type_ == "PERSON" or who.head.pos_ in ("NOUN", "PROPN")
    return who.pos_ in ("NOUN", "PROPN") and (
        who.lower_ in gazetteer().origin_nouns
        or any(c.dep_ == "appos" and c.like_num for c in who.children)
    )


def _name_part(doc: Doc, m: PlaceMention) -> tuple[str, ...]:
    """The proper name of a town's mention: "Tal Afar" of "the town of Tal Afar", "Douma";
    nothing for a site or a phrase that ends in a common noun ("al-Hol camp", "Idlib province")."""
    toks = list(doc[m.start : m.end])
    for k, tok in enumerate(toks):
        if tok.lower_ == "of":
            toks = toks[k + 1 :]
    if not toks or not all(t.is_title or t.is_upper or t.is_punct for t in toks):
        return ()
    if toks[0].is_punct or toks[-1].is_punct:
        return ()
    return tuple(t.text for t in toks)


def positions_by_text(doc: Doc) -> dict[str, list[int]]:
    """Where each token text of ``doc`` stands (ascending): a name is then looked for only
    where its first word is, not by slicing the document at every token."""
    at: dict[str, list[int]] = {}
    for i, token in enumerate(doc):
        at.setdefault(token.text, []).append(i)
    return at


def _named_again(doc: Doc, found: list[PlaceMention], actors) -> list[PlaceMention]:
    """A town the article names as a place is that place wherever its name comes back bare,
    even where the NER missed it or called it a person ("the Damascus suburb of Douma" and later
    "the government has retaken Douma"; "the town of Tal Afar" and later "Tal Afar fell"): one
    name, one sense in an article. Not inside a longer name ("the Douma Revolutionary Council",
    a person's full name "Ahmed Douma"), not next to another proper noun, not where the actor
    stage found a group or a state (a namesake town of "Isis" is no place of the story)."""
    names: dict[tuple[str, ...], Place | None] = {}
    for m in found:
        if m.refers_to or m.place.kind not in _FINE:
            continue
        name = _name_part(doc, m)
        if not name:
            continue
        known = names.setdefault(name, m.place)
        if known is not None and known.feature_id != m.place.feature_id:
            names[name] = None  # one name, two places: no sense to carry
    taken = {i for m in found for i in range(m.start, m.end)}
    out = []
    starts = positions_by_text(doc) if any(p is not None for p in names.values()) else {}
    for name, place in names.items():
        n = len(name)
        for i in starts.get(name[0], ()) if place is not None else ():
            if i + n > len(doc) or tuple(t.text for t in doc[i : i + n]) != name:
                continue
            if taken & set(range(i, i + n)):
                continue
            if doc[i].ent_iob_ == "I" or (i + n < len(doc) and doc[i + n].ent_iob_ == "I"):
                continue  # part of a longer name the NER marked
            neighbours = [doc[j] for j in (i - 1, i + n) if 0 <= j < len(doc)]
            if any(t.pos_ == "PROPN" and (t.is_title or t.is_upper) for t in neighbours):
                continue  # "Ahmed Douma", "Douma Council" the NER did not mark
            if any(a.kind != "person" for j in range(i, i + n) for a in actors.all_at(j)):
                continue
            out.append(PlaceMention(i, i + n, doc[i : i + n].text, place))
            taken.update(range(i, i + n))
    return out


#: "the town", "the city": a town named just before, when the words point back at it.
#: ("fled the enclave": a story's besieged town, called so after its name)
_BACK_NOUNS = {
    "town": "city",
    "city": "city",
    "village": "city",
    "province": "admin1",
    "enclave": "city",
}


def _back_references(doc: Doc, found: list[PlaceMention]) -> list[PlaceMention]:
    """ "Russian police deployed in the town" just after a sentence about Douma: "the town",
    "the city", "the village", "the province" after a locative word point back at the one town
    (or division) named in that sentence before them or in the sentence before; two different
    ones, or none, and the words name no place ("the town of X" is X itself, found above)."""
    out = []
    sents = list(doc.sents)
    text: str | None = None
    for tok in doc:
        kind = _BACK_NOUNS.get(tok.lower_)
        if kind is None or not (_locative(tok) or _struck(tok) or _struck_ground(tok)):
            continue  # "deployed in the town", "shelled the town", "the town was shelled"
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) or any(
            c.dep_ in ("prep", "relcl", "acl")
            or c.pos_ == "PROPN"
            or (c.dep_ == "compound" and not (c.pos_ == "NOUN" and c.is_lower))
            for c in tok.children
        ):
            continue  # "the town of Manbij", "the Kurdish town where ...": not a back reference
        if any(c.lower_ in ("other", "another", "each", "every") for c in tok.children):
            continue
        told = {gazetteer().demonym(c.text) for c in tok.children if c.dep_ == "amod"} - {None}
        here = next(i for i, sent in enumerate(sents) if sent.start <= tok.i < sent.end)
        if text is None:
            text = doc.text  # spaCy builds it anew on each access
        # "Meanwhile, in eastern Syria, fighters pushed into the enclave": not the one before
        back = here > 0 and not _scene_change(sents[here], text)
        lo = sents[here - 1].start if back else sents[here].start
        named = {
            m.place.feature_id or m.place.name: m
            for m in found
            if lo <= m.start < tok.i
            and m.place.kind == kind
            and doc[m.start : m.end].root.dep_ not in ("compound", "poss", "nmod", "amod")
            and (not told or m.place.country in told)
        }  # not a town that qualifies another place ("the Damascus suburb of Douma"), nor one
        # of another country than the words say ("the Turkish town" is not Aleppo)
        if len(named) == 1:
            first = next(iter(named.values()))
            start = min(c.i for c in tok.subtree)
            text = doc[start : tok.i + 1].text
            out.append(PlaceMention(start, tok.i + 1, text, first.place, first.text))
    return out


#: Entity labels of words that are no antecedent of "it" ("on Monday", "48 hours").
_NOT_ANTECEDENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"}


def _it_references(doc: Doc, found: list[PlaceMention]) -> list[PlaceMention]:
    """ "The fall of Afrin, two days after it was surrounded", "Troops reached Manbij. They
    stormed it at dawn": "it" as what a blow on the ground hits (the object or passive subject
    of a verb of ``ground_verbs``) points back at a town when the nearest singular noun before
    it, in its sentence or the one before, is that town's name (a later singular noun, "the
    group", "the army", "the area", is what "it" may mean: no reference)."""
    out = []
    sents = list(doc.sents)
    towns = [m for m in found if m.place.kind == "city"]
    for tok in doc:
        if tok.lower_ != "it" or tok.tag_ != "PRP" or not (_struck(tok) or _struck_ground(tok)):
            continue
        here = next(i for i, sent in enumerate(sents) if sent.start <= tok.i < sent.end)
        lo = sents[here - 1].start if here > 0 else sents[here].start
        for i in range(tok.i - 1, lo - 1, -1):
            prev = doc[i]
            if prev.ent_type_ in _NOT_ANTECEDENTS:
                continue
            if prev.tag_ in ("NN", "NNP") or (prev.tag_ == "PRP" and prev.lower_ == "it"):
                town = next((m for m in towns if m.start <= i < m.end), None)
                if town is not None:
                    name = town.refers_to or town.text
                    out.append(PlaceMention(tok.i, tok.i + 1, tok.text, town.place, name))
                break
    return out


_REF_DETS = {"the", "this", "that"}


def _town_references(
    doc: Doc, named: list[PlaceMention], raw: list[RawTown] = ()
) -> dict[int, PlaceMention | RawTown]:
    """ "the town", "this desert town", "the besieged city" (no name of its own: no "of X",
    no proper noun, no relative clause) after the article has named one town and no other
    (parsed, or in a sentence the pipeline did not parse: ``raw``, :func:`unparsed_towns`):
    that town, by the index of the noun. A story about one besieged town names it once or
    twice and calls it "the town" from then on."""
    towns = [
        (doc[m.start].idx, m) for m in named
        if m.place.kind == "city" and not _compared(doc[m.start : m.end].root)
    ]  # fmt: skip
    towns += [(r.idx, r) for r in raw if r.place.kind == "city"]
    found: dict[int, PlaceMention] = {}
    for tok in doc:
        if tok.tag_ != "NN" or _BACK_NOUNS.get(tok.lower_) != "city":
            continue
        if not any(c.dep_ == "det" and c.lower_ in _REF_DETS for c in tok.children):
            continue
        if any(
            c.dep_ in ("prep", "acl", "appos", "nmod")
            or (c.dep_ == "relcl" and doc[c.left_edge.i - 1].text != ",")  # ", which ...": told
            or c.pos_ == "PROPN"
            or c.ent_type_
            or c.lower_ in ("other", "another", "each", "every", "same", "next")
            or (c.dep_ == "compound" and not (c.pos_ == "NOUN" and c.is_lower))
            for c in tok.children
        ):
            continue  # "the town of Manbij", "the Kurdish town", "the town where ..."
        before = {m.place.feature_id or m.place.name: m for at, m in towns if at < tok.idx}
        if len(before) == 1 and not any(m.start <= tok.i < m.end for m in named):
            found[tok.i] = next(iter(before.values()))
    return found


def _capitals(doc: Doc) -> list[PlaceMention]:
    """ "arrested in the Turkish capital", "shelled the Syrian capital": a country's capital
    called by its demonym (or "Syria's capital") after a locative word or as what a blow hits,
    is that capital town. Like a back reference it places events but does not count towards the
    article's place (the words name the town only through the country)."""
    out = []
    for tok in doc:
        if tok.lower_ != "capital" or tok.pos_ != "NOUN" or not (_locative(tok) or _struck(tok)):
            continue
        if any(c.dep_ in ("prep", "appos", "relcl", "acl", "compound") for c in tok.children):
            continue  # "the capital of X", "the Syrian capital, Damascus": the name is there
        codes = {
            gazetteer().demonym(c.text) if c.dep_ == "amod" else gazetteer().country_code(c.text)
            for c in tok.children
            if c.dep_ in ("amod", "poss")
        } - {None}
        if len(codes) != 1:
            continue
        place = gazetteer().capital(codes.pop())
        if place is None:
            continue
        start = min(c.i for c in tok.subtree)
        out.append(PlaceMention(start, tok.i + 1, doc[start : tok.i + 1].text, place, place.name))
    return out


def _capital_named(doc: Doc, found: list[PlaceMention]) -> list[PlaceMention]:
    """The name set beside a country's capital ("seized Yemen's capital, Sanaa", "the Syrian
    capital, Damascus") is that capital town, even where the NER took it for an organisation:
    when its letters are the capital's name (up to spelling: "Sana'a")."""
    taken = {i for m in found for i in range(m.start, m.end)}
    out = []
    for tok in doc:
        if tok.lower_ != "capital" or tok.pos_ != "NOUN":
            continue
        codes = {
            gazetteer().demonym(c.text) if c.dep_ == "amod" else gazetteer().country_code(c.text)
            for c in tok.children
            if c.dep_ in ("amod", "poss", "nmod")
        } - {None}
        name = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if len(codes) != 1 or name is None:
            continue
        start, end = min(t.i for t in name.subtree), max(t.i for t in name.subtree) + 1
        while end > start and doc[end - 1].is_punct:
            end -= 1
        place = gazetteer().capital(codes.pop())
        words = doc[start:end].text
        if place is None or taken & set(range(start, end)) or end - start > 3:
            continue
        if skeleton(words) == skeleton(place.name):
            out.append(PlaceMention(start, end, words, place))
    return out


#: A town smaller than this in none of the article's countries is a namesake of a place the
#: gazetteer lacks ("Roj" camp in Syria is no Roj in the US; "Hol" no village in Norway).
STRAY_TOWN = 15_000


def _stray_namesake(place: Place, ours: set[str], name: str) -> bool:
    """A town in none of the article's countries, named without a qualifier ("Paris, Texas"
    is kept), that is small, or found only under another of its names and not big ("Roj" is
    an old name of Roy, Utah; the camp in Syria is not in the gazetteer)."""
    if place.kind != "city" or place.country in ours or "," in name:
        return False
    core, _ = parse_form(name)
    other_name = skeleton(core.removeprefix("the ")) != skeleton(place.name)
    return place.population < STRAY_TOWN or (other_name and place.population < TOWN_NOT_PERSON)


_NOT_PLACES = {"PERSON", "ORG", "NORP", "DATE", "TIME", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"}
_CALENDAR = {m.lower() for m in (*calendar.month_name, *calendar.day_name) if m}


#: Quad classes of words, not deeds (verbal cooperation and conflict): said where the speaker is.
_VERBAL = {1, 3}


#: Organs of a state (government, legislature, courts, police): an act of theirs off the ground
#: ("Britain stripped him of his citizenship", "the US lifted sanctions") is done at home, so a
#: borrowed place of another country (the story's, the sentence before's) is not where it was.
_STATE_SECTORS = {"GOV", "LEG", "JUD", "COP"}

#: Sectors whose acts happen in their own country unless the text says otherwise.
_AT_HOME_SECTORS = {"COP", "JUD"}


def _home(event: Event) -> str | None:
    """The country a domestic act happens in: both sides of one country ("Turkish police
    detained Turkish journalists"), or a police force or court, which act inside their own
    country's jurisdiction; else None."""
    src, tgt = event.source, event.target
    if src and tgt and src.country and src.country == tgt.country:
        return src.country
    if src is not None and src.sector in _AT_HOME_SECTORS:
        return src.country
    return None


def _home_town(home: Location | None, here: list[PlaceMention], doc: Doc) -> Location | None:
    """A domestic act placed at home (basis ``actors``) whose sentence names one town or
    division of that country ("Kurdish forces, who had held Kirkuk, were pushed out by the
    Iraqi army"; "the battle for the town of Tal Afar was won by Iraqi forces"): that town,
    not the whole country; not a town that acts or owns, nor one they come from. Two towns of
    it, or none: the country."""
    if home is None or home.basis != "actors":
        return home
    roots = {doc[m.start : m.end].root.i for m in here if m.place.kind in _FINE}
    towns: dict[str, PlaceMention] = {}
    for m in here:
        root = doc[m.start : m.end].root
        if m.place.kind not in _FINE or m.place.country != home.country:
            continue
        if _compared(root) or _qualifies(root, roots - {root.i}) or _names_incident(root):
            continue
        if root.dep_ in ("nsubj", "poss") and not _struck_ground(root):
            continue  # "Ankara protested", "Hawaii's challenge to the ban": a side, an owner
        origin = _of_head(root)
        if (
            origin.dep_ == "pobj"
            and origin.head.lower_ == "from"
            and origin.head.head.lemma_.lower() not in _LEAVING
        ):
            continue  # "the men were from west London": where they come from
        towns.setdefault(m.place.feature_id or m.place.name, m)
    if len(towns) != 1:
        return home
    return next(iter(towns.values())).location("actors")


def _at_home(event: Event, fallback: Location | None) -> Location | None:
    """A domestic act (:func:`_home`) whose text names no place happens at home, when the
    article's place lies elsewhere (or the article has none): that country (basis
    ``actors``)."""
    home = _home(event)
    if home is None or (fallback is not None and fallback.country == home):
        return None
    place = gazetteer().country(home)
    return to_location(place, None, "actors") if place else None


def _unmarked_places(doc: Doc, actors, spans, hints) -> list[tuple[int, int, Place]]:
    """Proper names the NER did not mark as places: after "in", "near", "into"... ("fighting
    near al-Bab"), places when the gazetteer finds a town or division of the article's own
    countries there, or a big town; the same as the object of an act ("seized Tal Abyad"); a
    name the NER took for a person ("shelled Jisr al-Shughur") only when a town of the article's
    countries is so spelt in GeoNames (no other spelling: "Bashar" is no "Basra"); never a name
    the actor stage knows, unless a blow hits it, or it stands after a locative word or names
    an attack ("in Khan Sheikhun", "the Khan Sheikhun attack": the actor stage makes a
    person of the NER's PERSON) and a town of 15,000+ people of the article's countries is so
    spelt."""
    taken = {i for s, e in spans for i in range(s, e)}
    entity_at = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
    incident_nouns = gazetteer().incident_nouns
    out = []
    for tok in doc:
        if tok.i in taken or tok.pos_ != "PROPN" or tok.lower_ in _CALENDAR:
            continue
        if not (tok.is_title or tok.is_upper or tok.text[:1].isupper()):
            continue  # a proper name is written so: "at prison demos" is a noun the tagger missed
        base = tok
        while base.dep_ == "conj" and base.head.i != base.i:
            base = base.head  # "bombed Homs and Aleppo": Aleppo as Homs
        area = False
        if base.dep_ == "compound" and base.head.lower_ in _SITE_WORDS:
            base = base.head  # "arrested him at Manchester airport" (the NER said DATE)
        elif area_modifier(base):
            base, area = base.head, True  # "bombed the Douma district" (the NER found no name)
        # a name in a place's position: after "in", "near"...; or what saw or came under blows
        # ("Homs has been under siege", the NER's ORG)
        locative = _locative(base) or saw_events(base)
        acted_on = base.dep_ in ("dobj", "nsubjpass") and base.head.pos_ == "VERB"
        person = tok.ent_type_ == "PERSON"
        # the small model tags some towns NORP or DATE ("bombed positions in Aleppo"): after a
        # locative word, a name that is no demonym may still be a town (checked below)
        mislabel = locative and tok.ent_type_ in ("NORP", "DATE") and not _demonym_or_country(tok)
        # and PRODUCT ("arrived at the frontline in Manbij"), not after "on" ("on Twitter")
        mislabel = mislabel or (
            locative
            and tok.ent_type_ == "PRODUCT"
            and _of_head(base).head.lower_ != "on"
            and not _demonym_or_country(tok)
        )
        # and some big towns ORG ("a chemical attack on Homs"): read as a name the NER took for
        # a person (a big town of the article's countries so spelt), never by sound ("Hamas")
        org = locative and tok.ent_type_ == "ORG" and not _demonym_or_country(tok)
        # a "person" naming an attack ("the Khan Sheikhun chemical attack"): see ``held``
        incident = person and base.dep_ == "compound" and base.head.lower_ in incident_nouns
        # and a name the NER took for an organisation or a product naming one ("the Salisbury
        # attack", "the Leeds bombing"): a town of the article's countries so spelt, as above
        named = (
            not person
            and tok.ent_type_ in ("ORG", "PRODUCT")
            and base.dep_ == "compound"
            and base.head.lower_ in incident_nouns
            and not _demonym_or_country(tok)
        )
        if not (locative or acted_on or incident or named) or (
            tok.ent_type_ in _NOT_PLACES and not person and not mislabel and not org and not named
        ):
            continue
        ent = entity_at.get(tok.i)
        if (org or named) and (ent is None or len(ent) > 1):
            continue  # "attacks on Hayat Tahrir al-Sham": a group's long name
        if (person or org or named) and ent is not None:
            start, end = ent.start, ent.end
        else:
            start = min(
                [tok.i, *(c.i for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN")]
            )
            start, end = _widen(doc, start, tok.i + 1)
        known = any(actors.all_at(i) for i in range(start, end))
        if (org or named) and known and not _bare_org(actors, start, end):
            continue  # a group the actor stage knows ("an attack on Hezbollah")
        known = known and not (org or named)  # an ORG name it knows only as the NER's ORG
        struck = known and _struck(base)
        # a name the actor stage made a person, after a locative word or naming an attack
        # ("killed dozens in Khan Sheikhun": the NER's PERSON): a town, checked as below
        held = known and person and (locative or incident)
        if taken.intersection(range(start, end)) or (known and not struck and not held):
            continue
        name = doc[start:end].text
        # as GeoNames spells it or an alternate, no other spelling; a name before an area noun
        # too ("the Bousraya neighbourhood" of a city is no village found by sound elsewhere)
        if person or struck or org or area or named:
            own = [
                p for p, _ in gazetteer().candidates(name)
                if p.kind == "city" and p.country in hints[:3]
                and (not (struck or org) or area or named or p.population >= TOWN_NOT_PERSON)
                and (not (held or named) or p.population >= STRAY_TOWN)
            ]  # fmt: skip
            place = max(own, key=lambda p: p.population) if own else None
            if place is not None and named and not _best_known(name, place):
                place = None  # "the Salisbury attack" of a US story: not Salisbury, Maryland
            if place is None and area:  # "the Douma district": GeoNames' "Duma", a town of
                found = gazetteer().resolve(name, hints[:3])  # 15,000+ found by its sound
                if found and found.kind == "city" and found.country in hints[:3]:
                    place = found if found.population >= STRAY_TOWN else None
        else:
            place = gazetteer().resolve(name, hints[:3])
            if place is not None and not (
                place.kind in ("city", "admin1")
                and (place.country in hints[:3] or place.population >= TOWN_NOT_PERSON)
            ):
                place = None
        if place is not None:
            out.append((start, end, place))
            taken.update(range(start, end))
    return out


def _best_known(name: str, place: Place) -> bool:
    """The town is the biggest of those spelt as ``name`` (of those spelt so exactly, when any
    is): a name that names an incident alone ("the Salisbury attack") names the best-known
    town of the name, not a smaller namesake in another of the article's countries."""
    towns = [(p, exact) for p, exact in gazetteer().candidates(name) if p.kind == "city"]
    pool = [p for p, exact in towns if exact] or [p for p, _ in towns]
    return bool(pool) and max(p.population for p in pool) <= place.population


def _bare_org(actors, start: int, end: int) -> bool:
    """The actor stage knows the name only as an organisation the NER found and nothing it
    knows resolved (no sector, no known group): "an attack on Homs" tagged ORG."""
    found = [a for i in range(start, end) for a in actors.all_at(i)]
    return all(
        a.kind == "organisation"
        and not a.sector
        and all(m.rule.startswith("ner-org") for m in a.mentions)
        for a in found
    )


def _struck(tok: Token) -> bool:
    """The name is what a blow on the ground hits ("jets bombed Douma", "troops stormed
    Raqqa": a verb of ``ground_verbs``): a town, when one of 100,000+ people of the article's
    countries bears it, even where the actor stage took it for a person (its surname rule
    spreads a NER slip; nobody bombs a person by surname)."""
    if len(list(tok.subtree)) > 3 or tok.dep_ != "dobj" or tok.head.pos_ != "VERB":
        return False
    return tok.head.lemma_.lower() in gazetteer().ground_verbs


def _demonym_or_country(tok: Token) -> bool:
    """ "Syrian", "Kurds", "Iraq": a people or a country, not a town the NER mislabelled."""
    g = gazetteer()
    return bool(g.demonym(tok.text) or g.demonym(tok.lemma_) or g.country_code(tok.text))


def _named_as_places(doc: Doc, sent) -> list[tuple[int, int]]:
    """Names the text calls a place ("the city of Mykolaiv") whatever label the NER gave."""
    out = []
    for ent in entities_in(sent):
        s = ent.start
        if ent.label_ in _PLACE_LABELS:
            continue
        called = s >= 2 and doc[s - 1].lower_ == "of" and doc[s - 2].lower_ in _CITY_WORDS
        called = called or (  # "shelled the suburb of Harasta" (the NER's PERSON)
            s >= 2 and doc[s - 1].lower_ == "of" and doc[s - 2].lower_ in _AREA_OF_WORDS
        )
        called = called or _town_apposition(doc, s, ent.end)  # "Khan Sheikhoun, a town in"
        called = called or town_modifier(doc[ent.end - 1])  # "the Albu Kamal border city"
        called = called or _names_gathering(ent)  # "the Sochi peace talks", tagged NORP
        if called or (ent.label_ == "PERSON" and len(ent) == 1 and _town_not_person(ent)):
            out.append((s, ent.end))
    return out


def _names_gathering(ent) -> bool:
    """ "the Sochi peace talks", the name tagged NORP: one word before a noun of talks
    (:func:`_talks_noun`) is a town when a town of 100,000+ people bears it; not a people
    or a country ("the Syrian peace talks", "the Kurdish talks" name parties)."""
    tok = ent.root
    return (
        len(ent) == 1
        and tok.dep_ == "compound"
        and _talks_noun(tok.head)
        and not _demonym_or_country(tok)
        and any(
            p.kind == "city" and own and p.population >= TOWN_NOT_PERSON
            for p, own in gazetteer().candidates(ent.text)
        )
    )


#: A one-word "person" the NER found is a town when a town this big has that name.
TOWN_NOT_PERSON = 100_000


def _town_not_person(ent) -> bool:
    """ "bombed Homs": a single word the NER took for a person that names a big town and is
    the object or place of an act, not someone who acts or speaks."""
    tok = ent.root
    if tok.dep_ not in ("dobj", "pobj", "conj", "appos") and not (
        tok.dep_ == "poss" and _locative(tok)  # "in Aleppo's eastern countryside"
    ):
        return False
    found = gazetteer().candidates(ent.text)
    return any(p.kind == "city" and own and p.population >= TOWN_NOT_PERSON for p, own in found)


_CITY_WORDS = {"city", "town", "village", "port", "capital", "province", "governorate", "region",
               "resort", "bordertown"}  # fmt: skip
#: Nouns of a part of a town whose "of" phrase names a place ("the suburb of Harasta", "the
#: neighbourhood of Jobar"), whatever label the NER gave the name; only for a name the NER did
#: not take for a place ("Ghouta, a suburb of Damascus" keeps its Damascus as it was).
_AREA_OF_WORDS = {"suburb", "neighbourhood", "neighborhood", "enclave"}
_DIVISION_WORDS = {"province", "governorate", "region", "state", "oblast", "district", "county"}


#: Words after a town's name that make it a site of that town ("Manchester airport").
_SITE_WORDS = {"airport", "camp", "prison", "airbase", "base", "border crossing", "crossing",
               "hospital", "university", "square", "mosque", "refinery", "dam", "port"}  # fmt: skip


def _site(doc: Doc, end: int, place: Place | None) -> Place | None:
    """ "Manchester airport", "the Hol camp": a point at the town's coordinates."""
    if place is None or place.kind != "city" or end >= len(doc):
        return place
    word = doc[end].lower_
    if word not in _SITE_WORDS:
        return place
    return replace(place, name=f"{place.name} {word}", kind="point")


#: The article inside an Arabic name ("Deir ez-Zor", "Ras al-Ain", "Jisr al-Shughur").
_NAME_ARTICLES = {"al", "el", "ez", "az", "ar", "as", "ash", "ad", "an", "at", "es", "ed"}


def _widen(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Take in "the city of" before and "province" after a name: they say what kind it is."""
    while (
        start >= 3
        and doc[start - 1].text in ("-", "\u2011")
        and doc[start - 2].lower_ in _NAME_ARTICLES
        and doc[start - 3].text[:1].isupper()
    ):
        start -= 3  # "Deir ez-Zor" of which the NER marked only "Zor" (a town in Kuwait)
    while (
        end + 2 < len(doc)
        and doc[end].lower_ in _NAME_ARTICLES
        and doc[end + 1].text in ("-", "\u2011")
        and doc[end + 2].text[:1].isupper()
        and doc[end - 1].text[:1].isupper()
    ):
        end += 3  # ... or only "Deir" ("after abandoning Deir ez-Zor"), or "Ras" of "Ras al-Ain"
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in _CITY_WORDS:
        start -= 2
    if end < len(doc) and doc[end].lower_ in _DIVISION_WORDS:
        end += 1
    return start, end


def _called_place(doc: Doc, start: int, end: int) -> bool:
    """The words call the name a place ("the town of Manbij", "Idlib province"): a place even
    when the actor stage took the name for a person (its surname rule can carry a NER slip in
    one sentence to every other mention of the name)."""
    called = end - start > 2 and doc[start].lower_ in _CITY_WORDS and doc[start + 1].lower_ == "of"
    called = called or (
        start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in _AREA_OF_WORDS
    )
    return (
        called
        or (end - start > 1 and doc[end - 1].lower_ in _DIVISION_WORDS)
        or _town_apposition(doc, start, end)
    )


def _apposition_disagrees(doc: Doc, start: int, end: int, place: Place, found) -> bool:
    """ "Keshma, a village next to Baghuz": a town apposition that names another place of
    another country than the one the name resolved to (a namesake found by sound elsewhere)."""
    if not _town_apposition(doc, start, end):
        return False
    noun = next(t for t in doc[end + 1 : end + 5] if t.lower_ in _TOWN_NOUNS)
    inside = {t.i for t in noun.subtree}
    return any(
        p is not None and p.country and p.country != place.country and s in inside
        for s, _, p in found
    )


#: Nouns that call an apposed name a populated place ("Khan Sheikhoun, a town in Idlib").
_TOWN_NOUNS = {"city", "town", "village", "hamlet", "port", "bordertown"}


def town_modifier(tok: Token) -> bool:
    """The name stands before a noun that calls it a town ("advanced in the Albu Kamal border
    city", "shelled the Manbij border town"; the NER tags such names ORG or PRODUCT): a proper
    name that modifies a noun of ``_TOWN_NOUNS`` (not "the Hama city council", where the town
    noun itself modifies another)."""
    return (
        tok.pos_ == "PROPN"
        and tok.dep_ in ("compound", "amod", "nmod")
        and tok.head.lower_ in _TOWN_NOUNS
        and tok.head.i > tok.i
        and tok.head.dep_ != "compound"
    )


#: Nouns of an area a town's name may modify ("the Douma district", "the Afrin enclave").
_AREA_NOUNS = {"district", "neighbourhood", "neighborhood", "suburb", "suburbs", "enclave",
               "pocket", "canton"}  # fmt: skip


def area_modifier(tok: Token) -> bool:
    """The name stands before a noun of an area of it ("bombed the Douma district", "advanced
    into the Afrin enclave"; the NER often tags such names ORG or NORP, or not at all): where
    the area noun is, as for ``town_modifier``. Not "the Damascus suburb of Douma": the "of"
    phrase names the place."""
    head = tok.head
    return (
        tok.pos_ == "PROPN"
        and tok.dep_ in ("compound", "amod", "nmod")
        and head.lower_ in _AREA_NOUNS
        and head.i > tok.i
        and head.dep_ != "compound"
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)
    )


def _sounds_like_only(place: Place, name: str) -> bool:
    """A small town (under ``STRAY_TOWN``) the gazetteer found for ``name`` only by its sound,
    not as GeoNames spells it or an alternate: for the name of a district or neighbourhood
    ("the Bousraya neighbourhood"), likely a village elsewhere."""
    if place.kind != "city" or place.population >= STRAY_TOWN:
        return False
    exact = {p.feature_id for p, _ in gazetteer().candidates(name)}
    return place.feature_id not in exact


def _town_apposition(doc: Doc, start: int, end: int) -> bool:
    """ "Khan Sheikhoun, a town in Idlib province", "Qabasin, a village held by rebels": the
    apposition right after the name calls it a town (an indefinite noun of ``_TOWN_NOUNS``
    with its own article)."""
    if end + 2 >= len(doc) or doc[end].text != ",":
        return False
    span = doc[start:end]
    for tok in doc[end + 1 : min(end + 5, len(doc))]:
        if tok.lower_ in _TOWN_NOUNS:
            det = [c for c in tok.children if c.dep_ == "det"]
            return (
                tok.dep_ == "appos"
                and tok.head.i in {t.i for t in span}
                and bool(det)
                and det[0].lower_ in ("a", "an")
            )
        if tok.pos_ not in ("DET", "ADJ", "NOUN", "PROPN"):
            return False
    return False


def _town_in_place_phrase(doc: Doc, start: int, end: int, hints: tuple[str, ...]) -> bool:
    """ "kidnapped in Douma": a name the NER marks as a place here, after a locative word, that
    names a town of 100,000+ people of the article's countries (by any of its GeoNames names)
    is that town, even where the actor stage made it a person (its surname rule carries one
    sentence's NER slip, "Douma" tagged PERSON, to every mention of the name)."""
    span = doc[start:end]
    if not all(t.ent_type_ in _PLACE_LABELS for t in span) or not _locative(span.root):
        return False
    return any(
        p.kind == "city" and p.country in hints[:3] and p.population >= TOWN_NOT_PERSON
        for p, _ in gazetteer().candidates(span.text)
    )


def _is_person(actors, start: int, end: int) -> bool:
    """A name that the actor stage resolved as a person is no place ("Jordan" the minister)."""
    return any(a.kind == "person" for i in range(start, end) for a in actors.all_at(i))


def _hints(actors) -> tuple[str, ...]:
    counts: dict[str, int] = {}
    for actor in getattr(actors, "actors", ()) or ():
        if actor.country:
            counts[actor.country] = counts.get(actor.country, 0) + max(1, len(actor.mentions))
    return tuple(sorted(counts, key=counts.get, reverse=True))


#: Events whose target is the ground they act on: "shelled Afrin" happened in Afrin.
_ON_TARGET = {"ASSAULT", "COERCE", "MOBILIZE", "RETREAT", "AID"}
#: Modes of those types that are done in an office, not on the ground: a resignation.
_OFF_GROUND_MODES = {"resign"}


def _on_ground(event: Event, trigger: Token | None = None) -> bool:
    """An act done on the ground it targets (a strike, an arrest, a withdrawal, aid delivered),
    which foreign sides often do in a third country; not a resignation, done where its office
    is ("the envoy to Kabul resigned" in Washington), nor an act on a measure of a state's
    office ("sanctions were lifted", "eased the travel ban": ``desk_nouns``)."""
    if event.event not in _ON_TARGET or event.mode in _OFF_GROUND_MODES:
        return False
    return trigger is None or not _on_desk_measure(trigger)


def _on_desk_measure(trigger: Token) -> bool:
    """The act's object or passive subject is a measure a state decides in an office
    ("lifted sanctions", "sanctions were lifted", "the lifting of sanctions")."""
    desk = gazetteer().desk_nouns
    for child in trigger.children:
        if child.dep_ in ("dobj", "nsubjpass") and child.lemma_.lower() in desk:
            return True
        of = child.lower_ == "of" or (child.lower_ == "on" and trigger.pos_ == "NOUN")
        measure = any(g.dep_ == "pobj" and g.lemma_.lower() in desk for g in child.children)
        if child.dep_ == "prep" and of and measure:  # "stripped of citizenship", "a ban on visas"
            return True
    return False


def _by_capital(event: Event, trigger: Token) -> bool:
    """A government named by its capital ("Damascus granted the UN access", "Moscow gave
    support to the incursion", "Ottawa pulled out") doing something other than a blow, an
    arrest, a deployment or a withdrawal of its forces: a decision taken where it sits, so a
    town borrowed from the story or the sentence before is not its place (and the capital,
    named as the actor, is not either unless the words put the act there)."""
    src = event.source
    if src is None or not src.country or not src.text:
        return False
    if event.event in ("ASSAULT", "COERCE", "MOBILIZE") or (
        event.event == "RETREAT" and event.mode == "withdraw" and not _on_desk_measure(trigger)
    ):
        return False
    return gazetteer().is_capital(src.text, src.country)


def _unknown_doer(event: Event, trigger: Token) -> bool:
    """A passive act on a measure of a state's office with no agent and no source found
    ("have been stripped of their citizenship", "sanctions were lifted on two ministers"):
    whoever did it acted where their state sits, which the text leaves open, so no place is
    borrowed for it. Not a sentence or an expulsion ("she was sentenced to two years", "were
    driven out of Afrin"): done where the person is."""
    if event.source is not None or not _on_desk_measure(trigger):
        return False
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else None
    if verb is None:
        return False
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    agent = any(c.dep_ == "agent" for c in verb.children)
    return passive and not agent


#: Prepositions that place an act at or around a place (and "into", "across" its ground).
_WHERE = _LOCATIVE | {"into", "across", "through", "throughout", "around", "on", "over"}


def _in_clause(
    event: Event, trigger: Token, here: list[PlaceMention], actors, verbal: bool = False
) -> Location | None:
    """A place phrase of the event's own clause, or the ground its act is done to. For words
    (``verbal``) only where they were said: a place phrase of their clause ("told reporters in
    Geneva"), of their noun ("talks in Sochi") or what a visit visits ("visited Moscow"); never
    their target ("called on the Kremlin") or a noun's modifier ("a US withdrawal")."""
    clause = _clause_head(trigger)
    dated = _time_of_noun(trigger)
    inner: list[tuple[tuple[int, int], PlaceMention]] = []  # the clause's own places
    antecedent: list[tuple[tuple[int, int], PlaceMention]] = []  # the place a "where" is of
    for m in here:
        root = trigger.doc[m.start : m.end].root
        if m.refers_to and root.tag_ == "PRP" and root.head.i != trigger.i:
            continue  # "it was surrounded, like the siege of Ghouta": "it" is its verb's only
        verb = _attached_verb(root)
        in_clause = verb is not None and (
            verb.i == clause.i or (not verbal and verb.head.i == clause.i and _venue_aside(verb))
        )  # "the congress, meeting in Sochi, was boycotted": done where the congress met
        if verbal:  # "talks in Sochi", not "a promise of a strike in Syria"
            on_noun = trigger.pos_ not in ("VERB", "AUX") and (
                _hangs_from(root, trigger, 1) or _gathering_town(root, trigger, m)
            )
            on_target = _visited(root, trigger, clause)
            in_clause = in_clause or (
                verb is not None and (_said_there(verb, clause) or _speaker_there(verb, clause))
            )
            in_clause = in_clause or _venue_of_pledge(root, clause) or _met_there(root, trigger)
            in_clause = in_clause or _gathering_town(root, trigger, m)  # "met at the X summit"
        else:
            on_noun = trigger.pos_ not in ("VERB", "AUX") and (
                _hangs_from(root, trigger)
                or (
                    root.head.i == trigger.i
                    and root.dep_ in ("compound", "nmod")
                    and m.place.kind in _FINE  # "the Afrin offensive"; "US operations" and
                    # "Ankara's war" say whose
                )
            )
            on_target = event.event in _ON_TARGET and (
                _acted_on(root, trigger, clause, event.event == "RETREAT")
                or _argument_place(root, clause, trigger)
            )
        where = _where_clause_of(root, clause) and (not verbal or _meeting(trigger))
        if not (in_clause or on_noun or on_target or where):
            if not verbal and _where_clause(clause) and _argument_place(root, clause):
                inner.append(((_SPECIFICITY.get(m.place.kind, 5), abs(m.start - trigger.i)), m))
            continue  # ("Russia, where a court in Dagestan convicted her": Dagestan)
        if dated and not on_noun and _destination(root):
            continue  # "fled to the US after the invasion of Afghanistan": where they went
        rank = (_SPECIFICITY.get(m.place.kind, 5), abs(m.start - trigger.i))
        (antecedent if where and not in_clause else inner).append((rank, m))
    best = min((r[0] for r, _ in antecedent), default=5)
    if any(r[0] <= best for r, _ in inner):
        antecedent = []  # "Idlib, where rebels in Saraqib killed soldiers": Saraqib
    return _one_place(inner + antecedent, "clause", trigger.doc, here)


_DASHES = {"-", "\u2013", "\u2014", "/"}
_SIDELINES = {"sidelines", "sideline", "margins", "margin"}


def _met_at(noun: Token, trigger: Token) -> bool:
    """ "met his counterpart at the Vienna conference", "on the sidelines of the Munich
    conference": a meeting held at a gathering is where the gathering met."""
    if trigger.lemma_.lower() not in _MEET or noun.dep_ != "pobj":
        return False
    prep = noun.head
    if prep.lower_ == "of" and prep.head.lower_ in _SIDELINES and prep.head.dep_ == "pobj":
        prep = prep.head.head
    return prep.lower_ in ("at", "on", "during") and prep.head.i == trigger.i


def _gathering_town(root: Token, trigger: Token, m: PlaceMention) -> bool:
    """ "the Munich security conference", "the Sochi peace talks", "the 1991 Madrid peace
    conference": a town naming a gathering is where it met, as "talks in Sochi" is. Not a
    country or a division ("the US-Russia talks", "an Idlib summit" name parties or a topic),
    not an agreement ("the Idlib deal" is about Idlib), not talks to come, not two names
    joined by a dash ("the Baghdad–Washington talks": its parties). A meeting held at such a
    gathering ("met on the sidelines of the Munich conference") is there too."""
    doc = root.doc
    joined = {doc[i].text for i in (m.start - 1, m.end) if 0 <= i < len(doc)}
    gathering = root.head
    return (
        not joined & _DASHES
        and root.dep_ == "compound"
        and (gathering.i == trigger.i or _met_at(gathering, trigger))
        and m.place.kind in ("city", "point")
        and _talks_noun(gathering)
        and gathering.lower_ not in ("agreement", "agreements")
        and not _to_come(gathering)
    )


#: Words of meeting whose "with" phrase names the people met ("held talks with X", "met with X").
_MEET = {"meet", "talk", "talks", "meeting", "negotiate", "negotiation", "negotiations", "confer"}


def _met_there(root: Token, trigger: Token) -> bool:
    """ "held talks with officials at Ankara's presidential complex", "met with rebel leaders in
    Gaziantep": the parser hangs the place phrase on the people met; a meeting happens where
    they are met. Only "at" and "in", only for the people of a "with" phrase of a meeting word
    (not a phone call, which has no single place)."""
    if trigger.lemma_.lower() not in _MEET and trigger.lower_ not in _MEET:
        return False
    place = _of_head(root)
    if place.dep_ != "pobj" or place.head.lower_ not in ("at", "in"):
        return False
    people = place.head.head
    while people.dep_ == "conj" and people.head.i != people.i:
        people = people.head  # "with his counterpart, X, and other officials at ..."
    while people.dep_ == "appos" and people.head.i != people.i:
        people = people.head
    if people.dep_ == "dobj" and people.head.lemma_.lower() == "meet":
        return people.head.i == trigger.i  # "met Iran's leaders in Tehran"
    if people.dep_ != "pobj" or people.head.lower_ != "with":
        return False
    return people.head.head.i == trigger.i or (
        trigger.pos_ == "NOUN" and people.head.head.i == trigger.head.i
    )  # "met with X", "talks with X"; "held talks with X" (the parser hangs "with" on "held")


def _where_clause(clause: Token) -> bool:
    """ "Russia, where a court convicted her": a relative clause of a place opened by "where"."""
    return clause.dep_ == "relcl" and any(
        c.dep_ == "advmod" and c.lower_ == "where" for c in clause.children
    )


def _told_of_noun(
    event: Event, trigger: Token, here: list[PlaceMention], actors
) -> Location | None:
    """A noun act whose relative clause tells what it did ("an assault that drove the Kurds
    from Afrin", "an airstrike which hit a market in Idlib") or who did it where ("the
    offensive that Turkey launched in Afrin"): the place of that clause, whose subject is the
    act itself or whose verb carries the act out (``_CARRY_OUT``); not any clause about the
    act ("the attack, which they blamed on rebels based in Idlib")."""
    if trigger.pos_ != "NOUN":
        return None
    for verb in trigger.children:
        if verb.dep_ != "relcl" or verb.pos_ not in ("VERB", "AUX"):
            continue
        does = any(c.dep_ == "nsubj" and c.tag_ == "WDT" for c in verb.children)
        if does or verb.lemma_.lower() in _CARRY_OUT:  # "the offensive Turkey launched in Afrin"
            return _in_clause(event, verb, here, actors)
    return None


def _by_blow_subject(
    event: Event, trigger: Token, here: list[PlaceMention], actors
) -> Location | None:
    """An act whose subject is the blow that did it, with its ground ("airstrikes against the
    eastern Ghouta district have killed dozens", "a bomb attack in Kirkuk wounded ten"): the
    place of that blow."""
    clause = _clause_head(trigger)
    g = gazetteer()
    blows = g.incident_nouns | g.campaign_nouns | _STRIKE_NOUNS
    for subj in clause.children:  # the tagger may call "airstrikes" a verb: read the word
        if subj.dep_ == "nsubj" and (subj.lower_ in blows or subj.lemma_.lower() in blows):
            return _in_clause(event, subj, here, actors)
    return None


#: Verbs that do the act their object names ("launched an offensive", "carried out a raid").
_CARRY_OUT = {"launch", "carry", "conduct", "stage", "mount", "wage", "unleash"}


#: Prepositions whose noun act only dates another act ("fled after the invasion").
_TIME_PREPS = {"after", "before", "since", "following", "until", "amid"}


def _time_of_noun(trigger: Token) -> bool:
    """A noun act that only tells when another act happened ("the family fled to the US after
    the Soviet invasion of Afghanistan"): where that other act went is not the act's ground."""
    return trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and trigger.head.lower_ in _TIME_PREPS


def _said_there(verb: Token, clause: Token) -> bool:
    """The place is the venue of the speech act the words are told in: "had told a news
    conference in Geneva that he was aiming for ...", "'We will not accept it,' he told
    reporters in Ankara", "Speaking in Ankara, he accused ...": the verb it hangs from is the
    speech verb whose content the event's clause is (through "that" and quoted clauses), or a
    participle of speaking beside it."""
    from dateline.quotes import lexicon as quote_words

    talk = gazetteer().talk_words | quote_words().speech_verbs
    speaking, tok = {clause.i}, clause
    for _ in range(4):
        if tok.dep_ not in ("ccomp", "parataxis") or tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.lemma_.lower() not in talk:
            break
        speaking.add(tok.i)
    if verb.i in speaking - {clause.i}:
        return True
    return verb.dep_ == "advcl" and verb.lemma_.lower() in talk and verb.head.i in speaking


#: Nouns of a speech given to a legislature ("in a speech to parliament").
_SPEECH_NOUNS = {"speech", "address", "statement", "remarks"}


def _said_to_legislature(event: Event, trigger: Token) -> Location | None:
    """Words said to the speaker's own legislature ("told MPs", "addressed parliament", "in a
    speech to parliament, he said ...", "told the Commons"; `legislatures`) were said where it
    sits: the capital of the speaker's country (basis ``clause``, city precision). The speech
    verb is the trigger or the verb whose content the trigger's clause is, as in
    :func:`_said_there`. Not a legislature of another country than the speaker's ("the
    European parliament", "told Congress" of a foreign leader), nor words with no speaker of a
    known country."""
    from dateline.quotes import lexicon as quote_words

    src = event.source
    if src is None or not src.country:
        return None
    g = gazetteer()
    talk = g.talk_words | quote_words().speech_verbs
    verbs, tok = [_clause_head(trigger)], _clause_head(trigger)
    for _ in range(4):
        if tok.dep_ not in ("ccomp", "parataxis") or tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.lemma_.lower() not in talk:
            break
        verbs.append(tok)
    for verb in verbs:  # the words' own verb ("accused X in a speech to parliament"), or one
        for noun in _legislature_nouns(verb):  # of speaking whose content they are
            home = g.legislatures[noun.lower_]
            owners = {
                g.demonym(c.text) if c.dep_ == "amod" else g.country_code(c.text)
                for c in noun.children
                if c.dep_ in ("amod", "poss", "compound")
            } - {None}
            if home:
                owners.add(home)
            if owners - {src.country} or any(
                c.dep_ in ("amod", "compound") and c.lower_ in ("european", "eu", "un")
                for c in noun.children
            ):
                continue  # another country's legislature, or a bloc's
            capital = g.capital(src.country)
            if capital is not None:
                return to_location(capital, None, "clause")
    return None


#: Verbs whose object is the audience words are told to ("told MPs", "addressed parliament").
_TOLD = {"tell", "address", "brief", "inform", "warn"}


def _legislature_nouns(verb: Token) -> Iterator[Token]:
    """The legislature a speech verb's words were told to: its object ("told MPs"; not "urged
    lawmakers", said anywhere), a "to", "in" or "before" phrase ("said in parliament"), or that
    of a speech noun in such a phrase, on the verb or its subject ("Erdogan, in a speech to
    parliament, said")."""
    legislatures = gazetteer().legislatures
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    preps = [c for c in (*verb.children, *(p for s in subjects for p in s.children))]
    for c in preps:
        if (
            c.head.i == verb.i
            and c.dep_ in ("dobj", "dative")
            and c.lower_ in legislatures
            and verb.lemma_.lower() in _TOLD
        ):
            yield c
        if c.dep_ != "prep":
            continue
        for obj in c.children:
            if obj.dep_ != "pobj":
                continue
            if c.lower_ in ("to", "in", "before") and obj.lower_ in legislatures:
                yield obj
            if c.lower_ in ("in", "during") and obj.lower_ in _SPEECH_NOUNS:
                for p in obj.children:
                    if p.dep_ == "prep" and p.lower_ in ("to", "before"):
                        yield from (o for o in p.children if o.lower_ in legislatures)


def _venue_of_pledge(root: Token, clause: Token) -> bool:
    """ "promised to set up a committee at a meeting in Sochi": the parser hangs the venue on
    what was promised, but the words were given there. Only a venue noun after "at" or
    "during", on the infinitive the words' verb governs, and not where that infinitive is
    itself a meeting ("pledged to meet again at a summit in Paris": a meeting to come)."""
    token = _of_head(root)
    if token.dep_ != "pobj" or token.head.lower_ not in _LOCATIVE:
        return False
    noun = token.head.head
    g = gazetteer()
    if noun.dep_ != "pobj" or noun.lemma_.lower() not in g.venue_nouns:
        return False
    wanted = noun.head.head
    return (
        noun.head.lower_ in ("at", "during")
        and wanted.dep_ == "xcomp"
        and wanted.head.i == clause.i
        and wanted.lemma_.lower() not in g.talk_words | g.visit_verbs
    )


def _speaker_there(verb: Token, clause: Token) -> bool:
    """ "Hariri, who is in London, expressed reservations": a relative clause that puts the
    speaker in the place as the words are said (a present or past "be", not "was born in")."""
    if verb.dep_ != "relcl" or verb.lemma_.lower() != "be" or verb.head.dep_ not in ("nsubj",):
        return False
    return verb.head.head.i == clause.i and not any(c.dep_ == "acomp" for c in verb.children)


def _argument_place(root: Token, clause: Token, trigger: Token | None = None) -> bool:
    """The place of a side of an act on the ground ("troops based in Mosul shelled the village",
    "fighters in Kobane held off an army", "bombed positions near Aleppo"; of a noun act, what
    it is on or against: "the assault on Isis troops based in Raqqa"): where the act was."""
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head  # "targets in Iraq and Syria": Syria as Iraq
    token = _of_head(root)
    if token.dep_ != "pobj" or token.head.lower_ not in _LOCATIVE:
        return False
    noun = token.head.head
    if noun.dep_ == "acl" and noun.lemma_.lower() in ("base", "station", "deploy", "hold"):
        noun = noun.head  # "troops based in Mosul", "fighters held in Hasakah"
    if (
        trigger is not None
        and trigger.pos_ == "NOUN"
        and noun.dep_ == "pobj"
        and noun.head.lower_ in ("on", "against")
        and noun.head.head.i == trigger.i
    ):
        return noun.pos_ in ("NOUN", "PROPN")  # "the assault on troops based in Raqqa"
    return (
        noun.pos_ in ("NOUN", "PROPN", "PRON")
        and noun.dep_ in ("nsubj", "nsubjpass", "dobj")
        and noun.head.i == clause.i
    )


def _meeting(trigger: Token) -> bool:
    """Words that happen where people meet ("held talks", "met", "a meeting"), not a statement
    ("announced", "said"), which a "where" clause may place by its topic ("a suburb where Russia
    had announced that a ceasefire would take hold")."""
    g = gazetteer()
    lemma = trigger.lemma_.lower()
    return lemma in g.talk_words or (trigger.pos_ == "NOUN" and lemma in g.venue_nouns)


def _where_clause_of(root: Token, clause: Token) -> bool:
    """The event's clause is a "where" clause of the place ("Damascus, where the regime
    conducted its attack"; "the capital, Damascus, where ..."; "Afrin, where talks were held")."""
    if not _where_clause(clause):
        return False
    noun = clause.head
    return (
        noun.i == root.i
        or (root.dep_ == "appos" and root.head.i == noun.i)
        or (noun.dep_ == "appos" and noun.head.i == root.i)
    )


def _visited(root: Token, trigger: Token, clause: Token) -> bool:
    """ "visited Moscow", "a tour of Iraq": the object of a visit is where it happened."""
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in ("of", "to"):
        head = head.head
    elif root.dep_ != "dobj":
        return False
    visits = gazetteer().visit_verbs
    if (
        head.pos_ == "NOUN"
        and head.lemma_.lower() in visits | {"trip"}
        and head.dep_ == "pobj"
        and head.head.lower_ in ("on", "during")
        and head.head.head.i in (trigger.i, clause.i)
    ):
        return True  # "On a visit to Baghdad, the minister called for calm": said there
    return head.i in (trigger.i, clause.i) and head.lemma_.lower() in visits


def _acted_on(root: Token, trigger: Token, clause: Token, retreat: bool = False) -> bool:
    """The place is the object of the act ("attacked Afrin", "the siege of Ghouta", "pulled out
    of Manbij"), or a place listed with it ("besieged Idlib and Ghouta"). A withdrawal
    (``retreat``) happens where it leaves, not where it goes ("jets redeployed to Kabul" left
    somewhere else), and what is said to be withdrawn is the side, not the ground ("Germany
    was obliged to withdraw")."""
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    if _told_by_participle(root, trigger):
        return True  # "Afrin, defended by the YPG": the place the act was done to
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.dep_ in ("dobj", "pobj"):
        root = root.head  # "drove Isis out of its capital, Raqqa": the noun the town names
    root = _of_head(root)  # "took control of Afrin", "shelled the outskirts of Hama"
    head = root.head
    # the act's own verb, or the one it is obliged or tried to do ("was obliged to withdraw
    # its forces from Incirlik", "failed to capture Aleppo")
    acts = {trigger.i, clause.i}
    acts |= {c.i for v in (trigger, clause) for c in v.children if c.dep_ == "xcomp"}
    # "led the campaign against the city of Raqqa", "launched an offensive on Afrin": the
    # ground of the campaign the act carries out
    # (a town or division: "an operation against Turkey" says whom it is against)
    campaigns = gazetteer().campaign_nouns
    if not _demonym_or_country(root):
        acts |= {
            c.i for v in (trigger, clause) for c in v.children
            if c.dep_ == "dobj" and c.lemma_.lower() in campaigns
        }  # fmt: skip
    if not retreat:  # "sent in aircraft to attack the province of Idlib": what the act is for
        acts |= {
            c.i for v in (trigger, clause) for c in v.children
            if c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            and c.lemma_.lower() in gazetteer().ground_verbs | {"attack", "hit", "target"}
        }  # fmt: skip
    if root.dep_ == "dobj" or (root.dep_ == "nsubjpass" and not retreat):
        return head.i in acts
    preps = _WHERE | {"of", "against", "from"} | (set() if retreat else {"to"})
    if root.dep_ == "pobj" and head.lower_ in preps - ({"into"} if retreat else set()):
        verb = head.head
        if head.lower_ == "of" and verb.lower_ == "out" and verb.dep_ in ("prep", "prt"):
            verb = verb.head  # "drove the jihadists out of Tikrit"
        if head.lower_ == "from" and not retreat and _launched_from(verb):
            return False  # "stormed across the border from Syria": where it came from
        return verb.i in acts
    return False


def _told_by_participle(root: Token, trigger: Token) -> bool:
    """The act is a past participle that describes the place ("Afrin, defended by the YPG",
    "the town of Raqqa, captured by Kurdish forces"): done to it. Not a participle that has a
    place phrase of its own ("the Afrin region, shelled from Kilis"; "captured in 2014" is a
    time)."""
    if trigger.dep_ != "acl" or trigger.tag_ != "VBN":
        return False
    for c in trigger.children:
        if (
            c.dep_ == "prep"
            and c.lower_ in _WHERE | {"from", "to", "towards"}
            and any(g.dep_ == "pobj" and g.ent_type_ not in _NOT_PLACE_ENTS for g in c.children)
        ):
            return False  # "in 2014" is no place
    return trigger.head.i in (root.i, _of_head(root).i)


#: Blows sent from one place to land in another ("fired rockets from Lebanon").
_FIRED = {"fire", "launch", "shell", "bombard", "bomb", "strike", "attack", "hit", "target",
          "shoot", "lob", "bombardment", "shelling", "airstrike", "rocket", "missile"}  # fmt: skip
#: Acts that take people or ground away from a place, which is then their scene ("drove the
#: militants from Mosul", "were kidnapped from their homes in Raqqa").
_TAKEN_FROM = _LEAVING | {"push", "clear", "flush", "free", "rescue", "evict", "chase", "dislodge",
                          "remove", "kick", "force", "abduct", "kidnap", "snatch", "seize",
                          "take", "capture", "liberate", "rout", "purge", "eject", "deport"}  # fmt: skip


def _launched_from(verb: Token) -> bool:
    """A place after "from" on this act is where the act came from, not where it happened:
    a blow sent to land elsewhere ("fired rockets from Lebanon", "artillery bombardment from
    Turkey"), or a move with no one taken away ("stormed across the border from Syria",
    "attacked from the north"); not an act that takes people or ground from the place
    ("drove the militants from Mosul", "were abducted from Raqqa")."""
    lemma = verb.lemma_.lower()
    if lemma in _FIRED or verb.lower_ in _FIRED:
        return True
    if verb.pos_ not in ("VERB", "AUX") or lemma in _TAKEN_FROM:
        return False
    return not any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children)


def _in_sentence(event: Event, trigger: Token, here: list[PlaceMention], actors) -> Location | None:
    """The most specific place elsewhere in the sentence that is not one of its actors, in
    the event's clause or one that governs it ("In Idlib, officials said rebels attacked"),
    not a clause beside it ("where Kurdish forces pushed into Raqqa, and in Iraq, where the
    army ousted them": the ousting is not in Raqqa). Several towns of the best kind: their
    one country, at country precision (an act over "Latakia, Homs and Hama" is not in one)."""
    clause = _clause_head(trigger)
    governing = {clause.i, *(t.i for t in clause.ancestors)}
    if _reduced_relative(clause):  # "fighters killed on the front a day earlier were buried
        governing = {clause.i}  # in Qamishli": the burial's town is not the killing's
    governing |= {t.i for t in clause.conjuncts}  # "..., and the rally went ahead in Brussels"
    governing |= _at_the_time(clause)  # "was killed when a mine exploded in Raqqa"
    ranked: list[tuple[tuple[int, int], PlaceMention]] = []
    dated: list[tuple[tuple[int, int], PlaceMention]] = []  # places of the act dating this one
    for m in here:
        root = trigger.doc[m.start : m.end].root
        if m.place.kind == "country" or m.place.kind == "region":
            # a country counts only where things happen in it ("in Syria"), not when it acts
            if not _locative(root):
                continue
            if _of_head(root).head.lower_ == "on" and not _on_ground(event, trigger):
                continue  # "sanctions imposed on Russia": the side they hit, not the scene
        elif _acts(trigger.doc, m, actors) and not _listed_after_locative(root):
            continue
        if _elsewhere(root, clause) or _since(root, clause):
            continue
        if _in_time_phrase(root, _dated_act(trigger, clause)):
            dated.append(((_SPECIFICITY.get(m.place.kind, 5), abs(m.start - trigger.i)), m))
            continue  # "struck targets after a drone attack in the Golan": the attack's scene
        origin = _of_head(root)
        if (
            origin.dep_ == "pobj"
            and origin.head.lower_ == "from"
            and origin.head.head.i in (trigger.i, clause.i)
            and event.event != "RETREAT"
            and _launched_from(origin.head.head)
        ):
            continue  # "militants attacked from Manbij": where they came from
        if _place_clause(root).i not in governing and not _country_within(m, root, clause):
            continue
        if event.event == "RETREAT" and _destination(root):
            continue  # "redeployed to Kabul": not where the withdrawal happened
        ranked.append(((_SPECIFICITY.get(m.place.kind, 5), abs(m.start - trigger.i)), m))
    found = _one_place(ranked, "sentence", trigger.doc, here)
    if found is None and dated:  # the earlier act's country: "strikes on Syria after ..."
        found = _country_level(_one_place(dated, "sentence", trigger.doc, here), "sentence")
    return found


#: Prepositions of a phrase that dates an act by another one ("after the attack in Douma",
#: "following clashes in Cairo"): the place inside is the scene of that other act.
_DATED_BY = {"after", "before", "following", "since"}


def _dating_preposition(tok: Token) -> bool:
    """A preposition of ``_DATED_BY``: its phrase dates an act by another act."""
    return tok.dep_ == "prep" and tok.lower_ in _DATED_BY


def _dated_act(trigger: Token, clause: Token) -> Token:
    """What a dating phrase is measured from: a noun trigger itself ("airstrikes after ..."),
    else the trigger's clause (``clause``, its :func:`_clause_head`)."""
    return trigger if trigger.pos_ == "NOUN" else clause


def _in_time_phrase(root: Token, top: Token) -> bool:
    """The place is inside a phrase that dates the act by another act ("Airstrikes on regime
    targets after April's atrocity in Douma were meant to reassure"; "struck Iranian targets
    after a drone attack in the Golan"): walking up from the place to ``top`` (the trigger or
    its clause), a preposition of ``_DATED_BY`` whose phrase holds the place and not ``top``'s
    act. Not "during", "amid" or "until" (the same time or the act's own span, often the same
    scene)."""
    for tok in [root, *root.ancestors]:
        if tok.i == top.i:
            return False
        if _dating_preposition(tok):
            return not tok.is_ancestor(top)
    return False


def _dated_town(here: list[PlaceMention], town: Location, trigger: Token) -> bool:
    """The town is named in the sentence only as the scene of the act that dates the event
    (:func:`_in_time_phrase`): "strikes on regime targets after the atrocity in Douma" in a
    story about Douma were not in Douma."""
    top = _dated_act(trigger, _clause_head(trigger))
    ours = [m for m in here if m.place.feature_id == town.feature_id]
    return bool(ours) and all(_in_time_phrase(trigger.doc[m.start : m.end].root, top) for m in ours)


def _since(root: Token, clause: Token) -> bool:
    """The place is in a "since" phrase or clause ("Since last April's attack on Khan
    Sheikhun in Idlib province, chlorine has been used several times"): the scene of the
    earlier event the act is counted from, not the act's."""
    for tok in [root, *root.ancestors]:
        if tok.i == clause.i:
            return False
        if tok.lower_ == "since" and tok.dep_ in ("prep", "mark"):
            return not tok.is_ancestor(clause)  # the act itself told inside the phrase: its place
    return False


def _country_within(m: PlaceMention, root: Token, clause: Token) -> bool:
    """A country where things happen named anywhere inside the event's clause, not in a
    relative clause ("killed while working alongside forces fighting Isis in Syria"): the
    act's country, though its phrase hangs from another verb of the clause."""
    head = _of_head(root)
    if m.place.kind != "country" or head.dep_ != "pobj" or head.head.lower_ not in _IN_COUNTRY:
        return False  # not "sanctions imposed on Russia": the side, not the scene
    for tok in root.ancestors:
        if tok.i == clause.i:
            return True
        if tok.dep_ in _OTHER_CLAUSES or (tok.dep_ == "advcl" and not _simultaneous(tok)):
            return False  # "..., and there is a case for trying them in the US"
    return False


#: Prepositions that put an act inside a country ("in Syria", "across Iraq").
_IN_COUNTRY = {"in", "inside", "within", "across", "throughout"}
#: Dependencies of a clause that tells another act than the one it hangs from.
_OTHER_CLAUSES = {"relcl", "ccomp", "xcomp", "conj", "parataxis", "csubj", "acomp"}


def _reduced_relative(clause: Token) -> bool:
    """A participle describing a noun with its own place or time ("fighters killed on the
    battlefront a day earlier", "men captured in 2017"): another act than the clause it sits
    in, which happened elsewhere or at another time."""
    if clause.dep_ != "acl" or clause.tag_ != "VBN":
        return False
    return any(
        (c.dep_ == "prep" and c.lower_ in _WHERE) or c.dep_ in ("npadvmod", "advmod")
        for c in clause.children
    )


def _destination(root: Token) -> bool:
    """ "to Kabul", "into Turkey", "back to Germany": where someone goes."""
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    return root.dep_ == "pobj" and root.head.lower_ in ("to", "into", "towards", "toward")


#: Subordinators of a clause that happens at the same time, so in the same place, as its main one.
_SAME_TIME = {"when", "while", "whilst"}  # not "as": "attacked Idlib as ministers met in Brussels"


def _simultaneous(verb: Token) -> bool:
    """An adverbial clause of the same moment ("when a mine exploded", "while they patrolled");
    not a "while" after a comma, which contrasts another scene ("swept through Raqqa province,
    while rebels reclaimed towns further west")."""
    if verb.dep_ != "advcl":
        return False
    for c in verb.children:
        if c.dep_ in ("mark", "advmod") and c.lower_ in _SAME_TIME:
            return c.lower_ == "when" or c.i == 0 or c.doc[c.i - 1].text != ","
        if c.dep_ == "mark" and c.lower_ == "as":
            return _as_of_same_people(verb)
    return False


#: Pronouns that point at the people an act was done by or to ("as his unit cleared mines").
_SAME_PEOPLE = {"he", "she", "they", "we", "his", "her", "their", "our"}


def _as_of_same_people(verb: Token) -> bool:
    """ "was killed as his unit cleared mines in Raqqa", "was wounded as they patrolled a
    market in Kirkuk": an "as" clause whose subject is the act's own people (a personal
    pronoun in it) tells the act's moment and scene; not one of other people ("bombed a bridge
    as ministers met in Brussels"), nor words ("as he spoke in Brussels": `talk_words`)."""
    from dateline.quotes import lexicon as quote_words

    if verb.lemma_.lower() in gazetteer().talk_words | quote_words().speech_verbs:
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(t.lower_ in _SAME_PEOPLE for s in subjects for t in s.subtree)


def _at_the_time(clause: Token) -> set[int]:
    """Clauses that tell the moment of ``clause`` ("was killed when a mine exploded while his
    unit cleared a village"): where they happen, it happened; a clause of another time or
    purpose ("after he returned from Raqqa", "to attend a summit in Sochi") is not, nor one of
    "as", which often sets another scene beside the act ("as ministers met in Brussels")."""
    found: set[int] = set()
    todo = [clause]
    while todo:
        verb = todo.pop()
        for child in verb.children:
            if _simultaneous(child) and child.i not in found:
                found.add(child.i)
                todo.append(child)
    return found


def _one_place(
    ranked: list[tuple[tuple[int, int], PlaceMention]], basis: str, doc: Doc | None = None,
    here: list[PlaceMention] = (),
) -> Location | None:  # fmt: skip
    """The best-ranked place; several towns of the best kind (an act over "Aleppo, Homs and
    Damascus") give their one country at country precision, or nothing when they lie in
    several: which town is meant would be a guess. A town listed with names the gazetteer
    did not find as places ("attacks on Atarib, Atmeh, Sarmada and Harem") is one of several
    too: their country when no listed name is a place of another country."""
    if not ranked:
        return None
    if doc is not None:
        ranked = _without_qualifiers(ranked, doc)
    ranked.sort(key=lambda r: r[0])
    best = ranked[0][1]
    rivals = {
        m.place.feature_id or m.place.name
        for rank, m in ranked
        if rank[0] == ranked[0][0][0] and m.place.kind in _FINE
    }
    if len(rivals) > 1:
        countries = {m.place.country for _, m in ranked if m.place.kind in _FINE}
        country = gazetteer().country(countries.pop()) if len(countries) == 1 else None
        return to_location(country, None, basis) if country else None
    if best.place.kind == "country" and len({m.place.country for _, m in ranked}) > 1:
        return None  # "airstrikes in Iraq and Syria": which country is a guess
    if doc is not None and best.place.kind in _FINE:
        listed = _listed_names(doc, best, here)
        if _with_other_towns(doc, best):  # "out of Tikrit and other cities": not one town
            country = gazetteer().country(best.place.country) if best.place.country else None
            return to_location(country, None, basis) if country else None
        if listed:
            found = {p.country for p in map(gazetteer().resolve, listed) if p and p.country}
            if found - {best.place.country}:
                return None  # "powerbases in Mosul and Raqqa": two countries
            country = gazetteer().country(best.place.country) if best.place.country else None
            return to_location(country, None, basis) if country else None
    return best.location(basis)


def _without_qualifiers(
    ranked: list[tuple[tuple[int, int], PlaceMention]], doc: Doc
) -> list[tuple[tuple[int, int], PlaceMention]]:
    """ "an attack in eastern Ghouta, near Damascus", "Douma, outside Damascus": a town that
    only says where another town of the list lies is no second scene."""
    roots = {doc[m.start : m.end].root.i for _, m in ranked}
    kept = [(rank, m) for rank, m in ranked if not _qualifies(doc[m.start : m.end].root, roots)]
    return kept or ranked


def _qualifies(root: Token, roots: set[int]) -> bool:
    """The place only says where another of the places (``roots``) lies: "eastern Ghouta, near
    Damascus", "Douma, on the outskirts of Damascus", "the town of Afrin in Idlib"."""
    head = _of_head(root)  # "on the outskirts of Damascus": the part carries the preposition
    prep = head.head
    if head.dep_ != "pobj":
        return False
    doc = root.doc
    after = prep.i >= 2 and doc[prep.i - 1].text == "," and prep.i - 2 in roots
    if prep.lower_ in ("near", "outside") and (prep.head.i in roots or after):
        return True
    if head.i != root.i and prep.lower_ in ("on", "in") and (prep.head.i in roots or after):
        return True  # "Douma, on the outskirts of Damascus", whatever the parser hung it on
    return prep.lower_ == "in" and _named_noun(prep.head, roots)  # "Sinjar in Iraq"


def _named_noun(noun: Token, roots: set[int]) -> bool:
    """The noun is one of the places (``roots``), or calls one a town: "the town of Afrin",
    "Khan Sheikhoun, a town": a place phrase hanging from it says where that town lies."""
    if noun.i in roots:
        return True
    if noun.lower_ not in _TOWN_NOUNS and noun.lower_ not in _DIVISION_WORDS:
        return False
    if noun.dep_ == "appos" and noun.head.i in roots:
        return True
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.i in roots for g in c.children)
        for c in noun.children
    )


def _with_other_towns(doc: Doc, m: PlaceMention) -> bool:
    """ "Mosul and other cities", "Homs and several towns": the place listed with towns it
    does not name (a plural of ``_BACK_NOUNS``)."""
    root = doc[m.start : m.end].root
    return any(
        tok.pos_ == "NOUN" and tok.tag_ == "NNS" and tok.lemma_.lower() in _BACK_NOUNS
        for tok in root.conjuncts
    )


def _listed_names(doc: Doc, m: PlaceMention, here: list[PlaceMention]) -> list[str]:
    """Proper names coordinated with the place ("Atarib, Atmeh and Harem") that are not
    places found in the sentence: names of other places the gazetteer lacks, mostly."""
    root = doc[m.start : m.end].root
    taken = {i for x in here for i in range(x.start, x.end)}
    names = []
    for tok in root.conjuncts:
        if tok.pos_ != "PROPN" or tok.i in taken:  # the NER's label for it: often a slip
            continue
        lo = min((t.i for t in tok.subtree if t.dep_ == "compound"), default=tok.i)
        names.append(doc[min(lo, tok.i) : tok.i + 1].text)
    return names


_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z.'\u2019-]+(?: [A-Z][A-Za-z.'\u2019-]+){0,3})"
    r"(?:, (?P<qualifier>[A-Z][A-Za-z.' ]+?))?\s*(?:\([^)]{1,40}\))?\s*[-\u2013\u2014:]+\s"
)


def _dateline(text: str | None, mentions: list[PlaceMention]) -> Location | None:
    """The place of a dateline that opens the article: "BEIRUT (Reuters) -", "Idlib, Syria —"."""
    if not text:
        return None
    m = _DATELINE.match(text[:120])
    if m is None:
        return None
    words = m["place"]
    if not (words.isupper() or m["qualifier"] or "(" in m.group(0)):
        return None
    name = words.title() if words.isupper() else words
    hints = [p.place.country for p in mentions if p.place.country]
    query = f"{name}, {m['qualifier']}" if m["qualifier"] else name
    place = gazetteer().resolve(
        query, Counter(hints).most_common() and [c for c, _ in Counter(hints).most_common()]
    )
    if place is None or place.kind not in ("city", "admin1", "point", "country"):
        return None
    location = to_location(place, m.group(0).strip(" -\u2013\u2014:"), "dateline")
    location.name = name if place.kind != "country" else place.name
    return location


#: An article is about one country when more than this share of its named places lie in it.
ARTICLE_COUNTRY_SHARE = 0.5
#: ... and a town or division is its place when named at least this often and most.
ARTICLE_PLACE_MIN = 2


def _article_place(
    doc: Doc, mentions: list[PlaceMention], actors, article_text: str | None = None,
    refs: dict[int, PlaceMention | RawTown] | None = None, raw: list[RawTown] = (),
) -> Location | None:  # fmt: skip
    """The place the whole article is about, for events whose text names none: the country
    counted over the places where things happen (towns and divisions twice; a country only
    after "in", "across"...; a place that acts, "Turkey said", not at all), then its town or
    division named most often in the whole text (the parsed text may skip sentences), never a
    site (a camp, the White House: the venue of some events, not the scene of a whole story;
    its country stands). Counting only the times it does not act ("Baghdad troops") cost a
    dev gold place, measured, so every time counts."""
    weights: Counter = Counter()
    for m in mentions:
        if not m.place.country or _acts(doc, m, actors) or _sent_to(doc[m.start : m.end].root):
            continue
        root = doc[m.start : m.end].root
        if _compared(root):
            continue  # "a long blockade, like the siege of Sarajevo": not the story's scene
        if m.tagged_org or root.dep_ == "poss":  # the NER's ORG may still be a group's name;
            continue  # "in Syria's north", "at Mosul's airport" count as they did: not at all
        if _names_incident(root):
            continue  # "angered by the Manchester attack": an incident told, not the scene
        if _battle_for(root) is not None:
            continue  # "a tempo not seen even in the battles for Mosul": often a fight recalled
        if m.place.kind in ("city", "admin1", "point"):
            weights[m.place.country] += 2
        elif _locative(root):
            weights[m.place.country] += 1
    if not weights:
        return None
    country, n = weights.most_common(1)[0]
    if n / sum(weights.values()) <= ARTICLE_COUNTRY_SHARE:
        return None
    local = Counter(
        m.place.feature_id for m in mentions
        if m.place.country == country and m.place.kind in ("city", "admin1")
        and not _compared(doc[m.start : m.end].root)
    )  # fmt: skip
    unparsed = {}  # a town named only in sentences the pipeline did not parse (its words)
    for r in raw:
        if r.place.country == country and r.place.feature_id and r.place.feature_id not in local:
            unparsed.setdefault(r.place.feature_id, r)
    if article_text:
        for fid, r in unparsed.items():
            local[fid] = _occurrences(article_text, r.text)
    if local and article_text:
        for fid in local:
            if fid in unparsed:
                continue
            words = {min(_names(m), key=len) for m in mentions if m.place.feature_id == fid}
            local[fid] = max(local[fid], sum(_occurrences(article_text, w) for w in words))
    for m in (refs or {}).values():  # "the town" of a town named once counts as a naming
        if m.place.feature_id in local:
            local[m.place.feature_id] += 1
    if local:
        (fid, k), *rest = local.most_common(2)
        if k >= ARTICLE_PLACE_MIN and (not rest or k > rest[0][1]):
            if fid in unparsed:
                return to_location(unparsed[fid].place, unparsed[fid].text, "article")
            # the town, not a site of it: "the White House" carries Washington's GeoNames id
            kinds = ("city", "admin1")
            towns = [m for m in mentions if m.place.feature_id == fid and m.place.kind in kinds]
            m = _most_named(towns, article_text)
            return m.location("article")
    place = gazetteer().country(country)
    return to_location(place, None, "article") if place else None


def _most_named(towns: list[PlaceMention], article_text: str | None) -> PlaceMention:
    """Of the mentions of one GeoNames id, the place named most in the text: a place the
    gazetteer lists within a town shares the town's id, and a story about "Baghuz" that once
    names "Abu Kamal" across the river is about Baghuz. The first named on a tie."""
    if not article_text:
        return towns[0]
    times = {m.place.name: sum(_occurrences(article_text, w) for w in _names(m)) for m in towns}
    return max(towns, key=lambda m: times[m.place.name])  # max keeps the first of equals


def _names_incident(root: Token) -> bool:
    """The place only names a one-off incident ("the Manchester attack", "the Salisbury
    poisoning"; not a campaign, "the Afrin offensive", which is a story's scene)."""
    g = gazetteer()
    head = root.head
    return (
        root.dep_ in ("compound", "nmod")
        and head.i != root.i
        and head.lower_ in g.incident_nouns - g.campaign_nouns
    )


def _sent_to(root: Token) -> bool:
    """The place is where people are sent away by others ("could be sent to Guantánamo Bay",
    "a transfer to Guantánamo", "extradited back to Spain": `sent_verbs`): somewhere they end
    up, not the scene of the story, so it does not count towards the article's place. Not
    where people travel, flee or are taken: "we travelled to the town of Kobani" to report the
    story there. A place inside what they are sent to counts as it ("sent to the detention camp
    at Guantánamo Bay in Cuba": Cuba too)."""
    root = _of_head(root)
    for _ in range(4):
        prep = root.head
        if not (root.dep_ == "pobj" and prep.lower_ in ("at", "in", "near", "on", "of")):
            break
        if prep.head.pos_ not in ("NOUN", "PROPN") or prep.head.i == prep.i:
            break
        root = prep.head
    if root.dep_ != "pobj" or root.head.lower_ != "to":
        return False
    verb = root.head.head
    if verb.dep_ == "advmod" and verb.lower_ in ("back", "home"):  # "sent back to Spain"
        verb = verb.head
    return verb.lemma_.lower() in gazetteer().sent_verbs


def _elsewhere(root: Token, clause: Token) -> bool:
    """The place belongs to another act or is a topic: inside a clause that hangs from the
    event's ("agreed to attend a conference in Hamburg") or the thing talked about ("discussed
    the situation in the Middle East")."""
    tok = root
    for _ in range(12):
        head = tok.head
        if head.i == tok.i:
            return False
        if head.i == clause.i:
            if _simultaneous(tok) or _campaign_purpose(tok):
                return False  # "killed when a mine exploded in Raqqa": the same scene
            if tok.dep_ in ("xcomp", "ccomp", "advcl", "relcl", "acl"):
                return True
            return (
                tok.dep_ in ("dobj", "attr") and tok.lemma_.lower() not in gazetteer().venue_nouns
            )
        tok = head
    return False


_CALLED = re.compile(r"^(?:the\s+)?(?:\w+\s+){0,2}?(?:city|town|village|port|resort)\s+of\s+", re.I)


def _names(m: PlaceMention) -> set[str]:
    """The words a mention names its town by, with and without what calls it one: "the town
    of Manbij" is also "Manbij" wherever else the article names it."""
    bare = _CALLED.sub("", m.text)
    return {m.text, bare} if bare and bare[:1].isupper() else {m.text}


def _occurrences(text: str, words: str) -> int:
    """How often ``words`` stand in ``text`` as whole words."""
    return len(re.findall(rf"(?<![\w-]){re.escape(words)}(?![\w-])", text))


def _locative(root: Token) -> bool:
    """ "in Syria", "across Iraq", "on the outskirts of Damascus": the place is where something
    happens."""
    if _battle_for(root) is not None:
        return True  # "the battle for Raqqa": fought there
    root = _of_head(root)
    return root.dep_ == "pobj" and root.head.lower_ in _WHERE


def _acts(doc: Doc, m: PlaceMention, actors) -> bool:
    """ "Turkey said", "Damascus's forces", "Ankara" as the government: the place is an actor."""
    root = doc[m.start : m.end].root
    if _locative(root):
        return False
    if saw_events(root):
        return False  # even where the actor stage took the place for a side
    subject = root.dep_ in ("nsubj", "nsubjpass", "poss") and not _struck_ground(root)
    if _fought_for(root):
        return False  # "killed in the battle to recapture Tikrit": the fight's ground
    return subject or bool(actors.all_at(root.i))


#: Verbs whose subject is where things happened ("Douma has seen heavy shelling").
_SAW = {"see", "witness", "suffer", "experience", "endure", "undergo"}
#: Verbs that report or guess a clause about their subject ("X is said to have seen ...").
_RAISING = {"say", "report", "believe", "think", "know", "understand", "appear", "seem"}


def saw_events(root: Token) -> bool:
    """ "Douma has seen heavy shelling", "the town is said to have suffered three attacks": a
    place that saw or suffered something is where it happened, not a side that acts."""
    while root.dep_ == "conj" and root.head.i != root.i:  # "both Damascus and Riyadh saw"
        root = root.head
    if root.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = root.head
    if _under_blows(verb):
        return True  # "Ghouta is under daily bombardment", "the town came under attack"
    if verb.lemma_.lower() in _RAISING:
        verb = next((c for c in verb.children if c.dep_ == "xcomp"), verb)
    if verb.lemma_.lower() == "see" and verb.tag_ not in ("VBD", "VBN"):
        return False  # "Paris sees the fight as vital": a view, not a scene
    return verb.lemma_.lower() in _SAW


#: Verbs whose subject is put under blows ("X is under siege", "X came under attack").
_UNDER_VERBS = {"be", "come", "remain", "stay", "fall"}


def _under_blows(verb: Token) -> bool:
    """The verb puts its subject under blows of ``under_nouns`` ("is under daily bombardment",
    "came under heavy attack", "has been under siege"): its subject is where they fell."""
    if verb.lemma_.lower() not in _UNDER_VERBS:
        return False
    return any(
        c.dep_ == "prep"
        and c.lower_ == "under"
        and any(
            g.dep_ == "pobj" and g.lemma_.lower() in gazetteer().under_nouns for g in c.children
        )
        for c in verb.children
    )


def _struck_ground(root: Token) -> bool:
    """ "Zabadani has been besieged", "Afrin was shelled": a place that suffers a blow on the
    ground (a passive of ``ground_verbs``) is where it fell, not a side that acts."""
    return root.dep_ == "nsubjpass" and root.head.lemma_.lower() in gazetteer().ground_verbs


#: Marks that end one piece of text and start another within what the parser takes for one
#: sentence (a letters page: "... Jane Doe Leeds, Yorkshire • Last week the minister ...").
_BULLETS = {"\u2022", "\u25aa", "\u25cf"}


def _across_bullet(doc: Doc, start: int, trigger: int) -> bool:
    """A bullet lies between the place and the trigger: they are in different pieces of text
    (a letter's signature and the next letter's first words; a note after an article), so
    the place says nothing of where the act happened."""
    lo, hi = sorted((start, trigger))
    return any(doc[i].text in _BULLETS for i in range(lo, hi))


def _fought_for(root: Token) -> bool:
    """ "the battle to recapture Tikrit", "an operation to retake Hajin": a town a fight of
    ``campaign_nouns`` is waged to take (the object of ``ground_verbs`` in the fight's purpose
    clause) is its ground, where the fight and what happens in it take place, not a side that
    acts (the actor stage takes the object of "recapture" for its target)."""
    verb = root.head
    while root.dep_ == "conj" and root.head.i != root.i:  # "to retake Raqqa and Tabqa"
        root = root.head
        verb = root.head
    return (
        root.dep_ == "dobj"
        and verb.lemma_.lower() in gazetteer().ground_verbs
        and _campaign_purpose(verb)
    )


def _listed_after_locative(root: Token) -> bool:
    """ "in Aleppo and Damascus": a town listed after a locative is a place as the first is,
    even when the actor stage took it for the government it names."""
    head = root
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    return head.i != root.i and _locative(head)


def _hangs_from(token: Token, noun: Token, steps: int = 4) -> bool:
    """True when a place phrase modifies a noun trigger: "a summit [in Hamburg]" (through at
    most ``steps`` words: 1, the noun itself)."""
    found = _place_governor(token)
    if found is None:
        return False
    tok = found[1]
    for _ in range(steps):
        if tok.i == noun.i:
            return True
        if _dating_preposition(tok):
            return False  # "airstrikes after the atrocity in Douma": the atrocity's place
        if tok.dep_ in ("pobj", "prep", "npadvmod", "appos"):
            tok = tok.head
        else:
            return False
    return False


def actor_place(text: str, country: str) -> Location | None:
    """A town or division named in an actor's own words ("Idlib rebels", "the Damascus
    government") that lies in the actor's country, or None."""
    for name in re.findall(r"[A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+)*", text):
        found = [
            p
            for p, own in gazetteer().candidates(name)
            if own
            and p.country == country
            and (p.kind == "admin1" or (p.kind == "city" and p.population >= TOWN_NOT_PERSON))
        ]  # fmt: skip  (a person called like a village is no place: big towns only)
        if found:
            return to_location(max(found, key=lambda p: p.kind == "city"), name)
    return None

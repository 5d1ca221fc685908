"""Named entities and knowledge-base phrases: countries, organisations, groups, metonyms, places."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from dateline.actors.namesakes import is_place_word
from dateline.actors.resolve.context import Context, get_actor, mention, norm
from dateline.actors.resolve.cues import (
    country_inside,
    gazetteer_country,
    namesake_town,
    place_country,
    town_country,
)
from dateline.actors.resolve.persons import country_cue, looks_like_person, resolve_person
from dateline.actors.resolve.roles import is_role_noun
from dateline.actors.theatre import theatre


def dateline_place(span: Span) -> bool:
    """ "OTTAWA — ...", "BRASILIA (Reuters) -": the place a story was filed from, not an actor."""
    doc = span.doc
    at_start = span.start == 0 or doc[span.start - 1].is_space or doc[span.start - 1].is_sent_start
    after = doc[span.end] if span.end < len(doc) else None
    return (
        at_start
        and span.text.isupper()
        and len(span.text) > 2
        and after is not None
        and (after.text in {"—", "–", "-", "(", ","} or after.is_punct)
    )


def named_spans(doc: Doc, kb) -> list[Span]:
    spans: list[Span] = [
        e for e in doc.ents if e.label_ in {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
    ]
    spans.extend(_kb_matches(doc, kb))
    # Longest first, then document order; ties resolved by start.
    spans.sort(key=lambda s: (s.start, -(s.end - s.start)))
    out: list[Span] = []
    taken: set[int] = set()
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if not taken.intersection(range(span.start, span.end)):
            out.append(span)
            taken.update(range(span.start, span.end))
    out.sort(key=lambda s: s.start)
    return out


_matchers: dict[int, object] = {}


def _kb_matches(doc: Doc, kb) -> list[Span]:
    from spacy.matcher import PhraseMatcher

    key = id(kb)
    matcher = _matchers.get(key)
    if matcher is None:
        matcher = PhraseMatcher(doc.vocab, attr="LOWER")
        phrases = sorted({p for p in kb.phrases() if p and (len(p) > 2 or p.isupper())})
        phrases += kb.multiword_country_words()  # "Sierra Leonean", "South Korean"
        from spacy.lang.en import English

        make = English(vocab=doc.vocab).tokenizer
        matcher.add("KB", [make(p) for p in phrases])
        _matchers[key] = matcher
    spans = []
    for _, start, end in matcher(doc):
        span = doc[start:end]
        text = span.text
        # Case matters for short or common words: "May" the month is not Theresa May,
        # "US" the country is not "us".
        if not any(c.isupper() for c in text) and not lowercase_body(span, kb):
            continue
        if len(span) == 1 and span[0].pos_ in {"VERB", "AUX", "ADP", "PRON", "DET"}:
            continue
        spans.append(span)
    return spans


#: Kinds of knowledge-base entry a name written in lower case can still stand for: a body
#: ("the security council", "the state department"), never a person or a place.
LOWERCASE_KINDS = {"organisation", "metonym"}


def lowercase_body(span: Span, kb) -> bool:
    """ "the security council", "the state department": a body's name of two words or more,
    written in lower case as some newspapers do, after "the"; its entry must be an organisation
    or a metonym for a state's office, so no common phrase becomes a person or a place. A name
    whose head is a role noun stays that role ("the general assembly" of a story's own state)."""
    if len(span) < 2 or span.start == 0 or span.doc[span.start - 1].lower_ != "the":
        return False
    if is_role_noun(kb, span.root):
        return False
    entry = kb.lookup(span.text)
    return entry is not None and entry.kind in LOWERCASE_KINDS


def resolve_named(ctx: Context, span: Span) -> bool:
    kb = ctx.kb
    # Strip a leading "the" that NER sometimes includes.
    if span[0].lower_ == "the" and len(span) > 1:
        span = span[1:]
    text = span.text
    if norm(text) in ctx.authors:
        return False
    label = span.label_ if span.label_ else ""
    verb = next((t for t in span[1:-1] if t.is_lower and t.pos_ in {"VERB", "AUX"}), None)
    if label == "PERSON" and verb is not None:
        # "Jaafari thanked de Mistura": NER ran two names together over the verb between them
        doc = span.doc
        parts = [doc[span.start : verb.i], doc[verb.i + 1 : span.end]]
        done = [resolve_named(ctx, Span(doc, p.start, p.end, label="PERSON")) for p in parts]
        return any(done)
    entry = kb.lookup(text, on=ctx.on)
    if entry is not None and _other_nationals(kb, span, entry.country):
        # "the Iraqi national congress": a common noun in lower case that NER called a
        # name, whose nationality is not the named institution's ("Congress"); the noun pass
        # reads it as a role of its own country
        return False
    if entry is None and (code := kb.country_of(text)):
        entry = kb.lookup(
            code, on=ctx.on
        )  # a demonym ("German", "Ugandan"), whatever NER called it
    if (entry is None or entry.kind == "person") and is_place_word(
        span, lambda name: town_country(name, ctx)
    ):
        # "a rally in Bolton", "Jackson, Mississippi": a town named like a person
        country = town_country(span.text, ctx)
        if country:
            return _place_stands_for_country(ctx, kb, span, country)
    if (
        (entry is None or entry.kind == "person")
        and (town := compass_place(span)) is not None
        and (country := gazetteer_country(town.text, ctx))
    ):
        # "in eastern Ghouta", "northern Idlib": nobody is called "eastern X"
        return _place_stands_for_country(ctx, kb, span, country)
    if label == "PERSON" and entry is None and _platform_not_person(ctx, span):
        return False  # "the Twitter account of ...", "posted on Telegram": a medium, no one
    if (label == "PERSON" or looks_like_person(ctx, span)) and (
        entry is None or entry.kind == "person"
    ):
        return resolve_person(ctx, span, entry)
    if entry is None and span[-1].text in {"'s", "’s"}:
        entry = kb.lookup(span[:-1].text, on=ctx.on)

    if entry is None and label in {"GPE", "LOC"}:
        # "South Lebanon", "eastern Ukraine", "Tel Aviv": a place names its country
        country = country_inside(ctx, span) or gazetteer_country(span.text, ctx)
        if country:
            return _place_stands_for_country(ctx, kb, span, country)
    if entry is None and len(span) > 1 and kb.country_of(span[0].text):
        rest = kb.lookup(span[1:].text, on=ctx.on)
        if rest is not None and rest.kind == "group":
            # "British Isis militants": NER joins the nationality to the group's name
            return resolve_named(ctx, span[1:])
    if entry is None:
        if label in {"ORG"} and span.root.pos_ == "PROPN":
            # An organisation we do not know: keep it, affiliation from context.
            country = (
                country_cue(ctx, span) or country_inside(ctx, span) or place_country(ctx, span.root)
            )
            actor = get_actor(ctx, ("org", norm(text)), text, country, None, "organisation")
            mention(ctx, actor, span, "ner-org")
            return True
        return False
    if entry.kind == "person":
        return resolve_person(ctx, span, entry)
    if entry.source.endswith(" capital") and (home := namesake_town(ctx, span, entry.country)):
        # "Tripoli ... the north Lebanese port": a town of a country the sentence names, not
        # the capital of the same name
        found = kb.lookup(home)
        actor = get_actor(
            ctx, ("place", home), found.name if found else home, home, None, "country"
        )
        mention(ctx, actor, span, "gazetteer")
        return True
    if (
        entry.id.startswith("people:")
        and (place := place_country(ctx, span.root))
        and place != entry.country
    ):
        # "the Albanians of southern Serbia": residents of the place they live in
        actor = get_actor(
            ctx, ("ethnic", norm(text), place), f"{text} of {place}", place, "CVL", "group"
        )
        mention(ctx, actor, span, "residents")
        return True
    if _ethnic(span):
        # "ethnic Albanians in Serbia": a community, placed by where it lives, not a state
        country = place_country(ctx, span.root)
        actor = get_actor(
            ctx, ("ethnic", norm(text), country), f"ethnic {text}", country, "CVL", "group"
        )
        mention(ctx, actor, span, "ethnic")
        return True
    # A demonym used as an adjective of a role noun ("Russian officials") belongs to that role
    # noun phrase; on any other noun ("German goods", "a U.S. request") it names the country.
    modifier = span.root
    while modifier.dep_ == "conj" and modifier.head.i != modifier.i:
        modifier = modifier.head  # "German and French ministers": French hangs off German
    if (
        modifier.dep_ in {"amod", "compound", "nmod"}
        and modifier.head.pos_ in {"NOUN", "PROPN"}
        and modifier.head.i not in range(span.start, span.end)
        and entry.kind in {"country", "metonym"}
        and is_role_noun(kb, modifier.head)
    ):
        return False
    if entry.kind == "country" and span.root.dep_ == "compound" and span.root.head.pos_ == "PROPN":
        return False  # "U.S. President Trump": the country is a title cue, not an actor
    kind = {
        "country": "country",
        "organisation": "organisation",
        "group": "group",
        "metonym": "country",
    }.get(entry.kind, "organisation")
    key = (
        ("gov", entry.country, entry.sector)
        if entry.kind == "metonym" and entry.country
        else ("kb", entry.id)
    )
    actor = get_actor(ctx, key, entry.name, entry.country, entry.sector, kind)
    group_id = entry.id.removeprefix("group:")
    if entry.country is None and group_id in theatre().groups:
        ctx.theatre[actor.id] = theatre().groups[group_id]  # Islamic State: SYR or IRQ
    mention(ctx, actor, span, f"kb:{entry.source}" if entry.source else "kb")
    return True


def _other_nationals(kb, span: Span, country: str | None) -> bool:
    """A name in lower case ("congress", "parliament") under a nationality other than
    ``country``, the country of the knowledge-base entry of that name ("the Syrian congress")."""
    if country is None or any(c.isupper() for c in span.text):
        return False
    root = span.root
    words = span.doc[root.left_edge.i : root.i]  # its noun phrase's words before it
    return any(
        t.dep_ in {"amod", "compound", "nmod"}
        and (other := kb.country_of(t.text))
        and other != country
        for t in words
    )


def _ethnic(span: Span) -> bool:
    root = span.root
    while root.dep_ in {"amod", "compound"} and root.head.i != root.i:
        root = root.head
    words = [t.lower_ for t in root.lefts] + [
        t.lower_ for t in span.doc[max(0, span.start - 2) : span.start]
    ]
    return "ethnic" in words


def _place_stands_for_country(ctx: Context, kb, span: Span, country: str) -> bool:
    """A place mention acts for its country: the country's one actor, this span as evidence."""
    found = kb.lookup(country)
    actor = get_actor(
        ctx, ("place", country), found.name if found else country, country, None, "country"
    )
    mention(ctx, actor, span, "gazetteer")
    return True


#: Words of a compass point in front of a place: "eastern Ghouta", "north-western Syria".
COMPASS = {"eastern", "western", "northern", "southern", "central", "northeastern",
           "northwestern", "southeastern", "southwestern"}  # fmt: skip


def compass_place(span: Span) -> Span | None:
    """The name of a place a compass word stands in front of ("eastern Ghouta": Ghouta), the
    word inside NER's span or right before it, in lower case; a capitalised one only with the
    name ("Eastern Ghouta"; the gazetteer then decides); None otherwise."""
    doc = span.doc
    if len(span) > 1 and span[0].text in COMPASS:
        name = span[1:]
    elif len(span) > 1 and span[0].lower_ in COMPASS:
        name = span  # "Eastern Ghouta" must be a place as a whole: "Western Union" is none
    elif span.start > 0 and doc[span.start - 1].text in COMPASS:
        name = span
    else:
        return None
    return name if all(t.is_title for t in name) else None


#: Nouns a medium's name modifies: "the Twitter account", "a Telegram channel".
MEDIUM_NOUNS = {"account", "accounts", "page", "pages", "feed", "post", "posts", "video",
                "videos", "channel", "channels", "handle", "website", "site", "profile", "app",
                "platform", "message", "messages", "group", "chat", "livestream", "thread"}  # fmt: skip


def _platform_not_person(ctx: Context, span) -> bool:
    """A one-word name NER calls a person but the sentence uses as a medium: a modifier of
    "account", "channel", "video" ("the Twitter account of X"), or what something was posted
    or said "on" ("wrote on Telegram"); a name met before as a person stays one."""
    if len(span) != 1 or norm(span.text) in ctx.people:
        return False
    tok = span.root
    if tok.dep_ in {"compound", "nmod"} and tok.head.lower_ in MEDIUM_NOUNS:
        return True
    return (
        tok.dep_ == "pobj"
        and tok.head.lower_ in {"on", "via"}
        and tok.head.head.pos_ == "VERB"
        and tok.head.head.lemma_.lower() in POSTING_VERBS
    )


POSTING_VERBS = {"post", "write", "say", "tweet", "publish", "share", "announce", "appear",
                 "upload", "broadcast", "circulate", "claim", "state"}  # fmt: skip

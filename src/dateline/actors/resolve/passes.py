"""The passes over one article, in order: named spans, noun heads, groups and appositions, pronouns."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.symbols import NOUN, PRON, PROPN
from spacy.tokens import Doc, Token

from dateline.actors import home, theatre
from dateline.actors.gender import person_genders
from dateline.actors.index import ActorIndex
from dateline.actors.namesakes import is_date_word
from dateline.actors.resolve.context import Context, norm
from dateline.actors.resolve.coreference import appositions, counted_states, register_groups
from dateline.actors.resolve.cues import gazetteer_country
from dateline.actors.resolve.describe import AGE_WORD, age_description
from dateline.actors.resolve.fighters import affiliate_fighters
from dateline.actors.resolve.named import dateline_place, named_spans, resolve_named
from dateline.actors.resolve.persons import citizenship_countries
from dateline.actors.resolve.possessed import possessed_roles
from dateline.actors.resolve.pronouns import country_noun, resolve_country_noun, resolve_pronoun
from dateline.actors.resolve.roles import is_role_noun, resolve_noun, role_words
from dateline.actors.resolve.speakers import quoted_first_person
from dateline.model import Actor, Article, Mention
from dateline.nlp import word_ids

_NOUNS = (NOUN, PROPN)


def resolve_actors(doc: Doc, article: Article, kb) -> ActorIndex:
    """Resolve every actor mention of ``doc`` (the annotated ``article``) into an ActorIndex."""
    index = ActorIndex()
    sent_of: dict[int, int] = {}
    for s_i, sent in enumerate(doc.sents):
        sent_of.update(dict.fromkeys(range(sent.start, sent.end), s_i))
    authors = {norm(a) for a in article.authors}
    ctx = Context(doc, kb, article.published, index, authors, sent_of, {}, [], [])

    claimed: set[int] = set()
    # 1. Named entities and knowledge-base phrases, longest first, in document order.
    for span in named_spans(doc, kb):
        if claimed.intersection(range(span.start, span.end)) or dateline_place(span):
            continue
        if is_date_word(span):  # "in May", "May 5": the month, not Theresa May
            claimed.update(range(span.start, span.end))
            continue
        if resolve_named(ctx, span):
            claimed.update(range(span.start, span.end))
    # 2. Noun heads: role nouns with nationality, bare surnames NER missed, group and role coref.
    #    (the loops below read ``by_token`` and ``tok.pos``, the integer, directly: they visit
    #    every token of the article, and ``all_at`` copies a list, ``pos_`` looks up a string)
    by_token = index.by_token
    peoples = word_ids(doc, theatre.theatre().peoples)  # holder_word's first test, as ids
    for tok in doc:
        if tok.i in claimed or by_token.get(tok.i):
            continue
        if tok.pos not in _NOUNS and not (tok.lower in peoples and theatre.holder_word(tok)):
            continue
        if (
            tok.dep_ in {"compound", "flat"}
            and tok.head.pos_ in {"NOUN", "PROPN"}
            and not _owner_compound(ctx, tok)
        ):
            continue
        if resolve_noun(ctx, tok):
            claimed.add(tok.i)
    # 3. Actors whose country is where the story happens (Islamic State, "Kurdish fighters"),
    #    now that every place is known.
    _theatre_countries(ctx)
    # 4. Coordinated noun phrases ("Trump and Putin", "Jordan and Britain") are groups that
    #    "they" and "the two" can refer to.
    register_groups(ctx)
    appositions(ctx)
    counted_states(ctx, role_words("counted_state_nouns"))  # "the two countries"
    # 5. Pronouns, now that every explicit mention is known, agreeing in gender with the people
    #    whose titles, first names or roles say it.
    ctx.genders = person_genders(doc, index)
    states = role_words("state_reference_nouns")
    for tok in doc:
        if tok.pos == PRON and tok.i not in claimed:
            resolve_pronoun(ctx, tok)
        elif tok.pos == NOUN and not by_token.get(tok.i) and country_noun(tok, states):
            resolve_country_noun(ctx, tok)  # "a boycott on the small nation": the state named
    age = doc.vocab.strings[AGE_WORD]
    for tok in doc:
        if tok.lower == age and tok.i not in claimed and not by_token.get(tok.i):
            age_description(ctx, tok)  # "the 26-year-old": the person last named
    # 6. "I" and "we" inside a quotation are its speaker.
    quoted_first_person(ctx)
    possessed_roles(ctx)  # "its citizens": the country "its" stands for
    citizenship_countries(ctx)  # "her British citizenship": the state she is a national of
    # 7. Foreign fighters act for the armed group they fight with ("a Briton who fought with
    #    the YPG"), then unnamed bodies ("police", "the army", "40 people") of a story set in
    #    one country.
    affiliate_fighters(ctx)
    index.theatre = set(ctx.theatre)
    index.theatre_countries = dict(ctx.theatre)
    _home_country(ctx)
    return index


def _owner_compound(ctx: Context, tok: Token) -> bool:
    """A role noun in front of a thing it owns or does: "regime positions", "army checkpoint",
    "government shelling" name the regime, the army, the government (not "intelligence
    agencies", whose head is the role)."""
    head = tok.head
    return (
        tok.dep_ == "compound"
        and tok.pos_ == "NOUN"
        and head.pos_ == "NOUN"
        and is_role_noun(ctx.kb, tok)
        and not is_role_noun(ctx.kb, head)
        and not index_has(ctx, head)
    )


def index_has(ctx: Context, tok: Token) -> bool:
    return bool(ctx.index.all_at(tok.i))


def _theatre_countries(ctx: Context) -> None:
    """Give each actor the story decides (actors/theatre.py) the country the article names most
    among those it may belong to."""
    if not ctx.theatre:
        return
    votes = theatre.place_votes(ctx.index)
    first = theatre.first_named(ctx.index)
    by_id = {a.id: a for a in ctx.index.actors}
    for actor_id, candidates in ctx.theatre.items():
        actor = by_id.get(actor_id)
        if actor is not None and actor.country is None:
            actor.country = theatre.theatre_country(votes, candidates, first)


def _home_country(ctx: Context) -> None:
    """Give the story's dominant country to role actors that name none (actors/home.py)."""
    place = home.dateline_place(ctx.doc)
    filed_from = (ctx.kb.country_of(place) or gazetteer_country(place, ctx)) if place else None
    country = home.dominant_country(ctx.index, filed_from)
    if country:
        entry = ctx.kb.lookup(country)
        home.localise_roles(ctx.index, country, entry.name if entry else country)
    elif country := home.conflict_country(ctx.index, filed_from):
        entry = ctx.kb.lookup(country)
        home.localise_conflict_roles(ctx.index, country, entry.name if entry else country)
    if country:
        home.localise_unplaced(ctx.index, country)


def describe(index: ActorIndex) -> Iterable[tuple[str, Actor, Mention]]:
    """(mention text, actor, mention) for every mention in text order, for `dateline actors`."""
    rows = [(m.text, a, m) for a in index.actors for m in a.mentions]
    rows.sort(key=lambda r: r[2].start)
    return rows

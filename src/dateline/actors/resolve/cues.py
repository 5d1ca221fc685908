"""Where a country comes from: a country word or demonym, a knowledge-base metonym, a town of the
gazetteer, a possessor, a place attached by in/of/from.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from dateline.actors.resolve.context import Context


def place_country(ctx: Context, tok: Token) -> str | None:
    """The country of a place attached by in/of/from to a noun ("Albanians of southern Serbia")."""
    head = tok
    while head.dep_ in {"amod", "compound"} and head.head.i != head.i:
        head = head.head
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in {"in", "of", "from"}:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    country = country_inside(ctx, pobj.subtree)
                    if country:
                        return country
    return None


def possessor_country(ctx: Context, span: Span) -> str | None:
    for child in span.root.children:
        if child.dep_ == "poss":
            c = ctx.kb.country_of(child.text)
            if c:
                return c
            entry = ctx.kb.lookup(child.text, on=ctx.on)
            if entry is not None and entry.country:
                return entry.country
    return None


def place_word_country(ctx: Context, words: str) -> str | None:
    """The country a word or phrase names: a country word or demonym ("South Korean"), else a
    country or metonym of the knowledge base ("White House", "Kremlin")."""
    code = ctx.kb.country_of(words)
    if code is None:
        entry = ctx.kb.lookup(words, on=ctx.on)
        if entry is not None and entry.kind in {"metonym", "country"}:
            code = entry.country
    return code


def country_inside(ctx: Context, tokens) -> str | None:
    """A country named inside a phrase: "Baghdad University", "Romania's new government"."""
    for tok in tokens:
        if not (tok.is_title or tok.is_upper) or tok.is_stop:
            continue
        if code := place_word_country(ctx, tok.text):
            return code
    for tok in tokens:  # then towns and regions from the gazetteer: "the Tyumen region"
        if (
            tok.pos_ == "PROPN"
            and tok.ent_type_ not in {"PERSON", "ORG"}
            and (c := town_country(tok.text, ctx))
        ):
            return c
    return None


def namesake_town(ctx: Context, span: Span, capital_of: str | None) -> str | None:
    """The country of a town called like a capital elsewhere, when the sentence names that
    country and not the capital's ("Tripoli" with "Lebanese": Tripoli, Lebanon)."""
    sent = ctx.doc[span.start].sent
    named = {c for t in sent if (t.is_title or t.is_upper) and (c := ctx.kb.country_of(t.text))}
    if not named or capital_of in named:
        return None
    from dateline.gazetteer import gazetteer

    home = gazetteer().town_country(span.text, tuple(sorted(named)))
    return home if home in named else None


def town_country(name: str, ctx: Context) -> str | None:
    """The country of a town named by a word the NER did not mark as a place (strict: no
    alternate names; a small town only in a country the article already names)."""
    from dateline.gazetteer import gazetteer

    return gazetteer().town_country(name, _article_countries(ctx))


def _article_countries(ctx: Context) -> tuple[str, ...]:
    """Countries of the actors resolved so far: hints for places named in the article."""
    return tuple(a.country for a in ctx.index.actors if a.country)


def gazetteer_country(name: str, ctx: Context) -> str | None:
    """The country of a populated place from the offline gazetteer, preferring the article's countries."""
    from dateline.gazetteer import gazetteer

    place = gazetteer().resolve(name, _article_countries(ctx))
    if place is None or place.kind not in {"city", "admin1", "point"}:
        return None
    return place.country

"""The state of one article's resolution, and how actors and mentions are recorded in it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span

from dateline.actors.index import ActorIndex
from dateline.model import Actor, Mention
from dateline.nlp import doc_text, listed_apposition

_name_chars = re.compile(r"[^\w\s'-]")


@dataclass
class Context:
    """One article's resolution so far: the persons met, recent mentions and groups, roles."""

    doc: Doc
    kb: object
    on: date | None
    index: ActorIndex
    authors: set[str]
    sent_of: dict[int, int]
    people: dict[str, Actor]  # surname / full name (lowercase) -> person actor
    recent: list[tuple[int, int, Actor]]  # (token index, sentence, actor) in document order
    recent_groups: list[tuple[int, int, tuple[Actor, ...]]]
    roles: dict[str, str] = None  # person actor id -> role ("president", "prime minister")
    genders: dict[str, str] = None  # person actor id -> "female" / "male", where cues agree
    #: actor id -> the countries it may belong to; the story decides (actors/theatre.py)
    theatre: dict[str, tuple[str, ...]] = None
    #: a first name (lowercase) -> the one person met by full name with it; None when two were
    given_names: dict[str, Actor | None] = None

    def __post_init__(self) -> None:
        if self.given_names is None:
            self.given_names = {}
        if self.roles is None:
            self.roles = {}
        if self.genders is None:
            self.genders = {}
        if self.theatre is None:
            self.theatre = {}


def get_actor(ctx: Context, key: tuple, name: str, country, sector, kind: str) -> Actor:
    return ctx.index.get_or_add(
        key, lambda aid: Actor(id=aid, name=name, country=country, sector=sector, kind=kind)
    )


def mention(ctx: Context, actor: Actor, span: Span, rule: str) -> None:
    mention_tokens(ctx, actor, span.start, span.end, rule)


def mention_tokens(ctx: Context, actor: Actor, start: int, end: int, rule: str) -> None:
    doc = ctx.doc
    span = doc[start:end]
    sentence = ctx.sent_of.get(start, 0)
    first, last = span.start_char, span.end_char
    ctx.index.add_mention(
        actor,
        start,
        end,
        # the span's text cut from the text kept with the doc (spaCy joins Span.text token by
        # token on every access; the characters are the same)
        Mention(
            text=doc_text(doc)[first:last], start=first, end=last, sentence=sentence, rule=rule
        ),
    )
    ctx.recent.append((start, sentence, actor))
    # Compound subjects: remember groups of actors joined by "and" for "they" / "the two".
    root = span.root
    if root.dep_ == "conj" or any(c.dep_ == "conj" for c in root.children):
        head = root
        # "The US, UK and France": the list's second name, read as an apposition, is a member
        while head.dep_ == "conj" or listed_apposition(head):
            head = head.head
        members: list[Actor] = []
        listed = [c for c in head.subtree if c.dep_ == "conj" or listed_apposition(c)]
        for t in [head, *listed]:
            for a in ctx.index.all_at(t.i):
                if a not in members:
                    members.append(a)
        if len(members) > 1:
            ctx.recent_groups.append((start, sentence, tuple(members)))


def norm(text: str) -> str:
    return " ".join(_name_chars.sub(" ", text.lower()).split())

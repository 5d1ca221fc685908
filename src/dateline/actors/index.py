"""ActorIndex: which actor each token of an annotated article refers to."""

from __future__ import annotations

from dataclasses import dataclass, field

from dateline.model import Actor, ActorRef, Mention


@dataclass
class ActorIndex:
    """The actors of one article, with a token-level map from ``Doc`` token index to actor.

    ``spans`` maps each resolved mention's token range ``(start, end)`` (spaCy token indices, end
    exclusive) to the actor it refers to; ``by_token`` maps every token of those ranges to the
    actors it belongs to (usually one; a shared head such as "ministers" in "German and French
    foreign ministers" belongs to two).
    """

    actors: list[Actor] = field(default_factory=list)
    spans: dict[tuple[int, int], Actor] = field(default_factory=dict)
    by_token: dict[int, list[Actor]] = field(default_factory=dict)
    _by_key: dict[tuple, Actor] = field(default_factory=dict)
    #: ids of the actors whose country only the story decides, among a few (actors/theatre.py:
    #: Islamic State, "Kurdish fighters"): no other country is given to them
    theatre: set[str] = field(default_factory=set)
    #: the same actors' candidate countries ("ISIS": Syria, Iraq): an act the text places in
    #: another of them is that country's (:func:`dateline.actors.home.localise_theatre_sides`)
    theatre_countries: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: actor id -> the countries named as its backers ("Turkish-backed rebels"): a force is not
    #: its backer's, so the story's country is not given to it when it is one of these
    backers: dict[str, set[str]] = field(default_factory=dict)

    def get_or_add(self, key: tuple, make: callable) -> Actor:
        """The actor under ``key``, creating it with ``make(id)`` the first time."""
        actor = self._by_key.get(key)
        if actor is None:
            actor = make(f"A{len(self.actors) + 1}")
            self._by_key[key] = actor
            self.actors.append(actor)
        return actor

    def add_mention(self, actor: Actor, tok_start: int, tok_end: int, mention: Mention) -> None:
        """Record that tokens ``tok_start:tok_end`` refer to ``actor``."""
        self.spans[(tok_start, tok_end)] = actor
        for i in range(tok_start, tok_end):
            bucket = self.by_token.setdefault(i, [])
            if actor not in bucket:
                bucket.append(actor)
        if not any(m.start == mention.start and m.end == mention.end for m in actor.mentions):
            actor.mentions.append(mention)

    def reassign(self, tok_start: int, tok_end: int, actor: Actor, mention: Mention) -> None:
        """Tokens ``tok_start:tok_end`` refer to ``actor`` only (an acronym or apposition that names
        an actor already met)."""
        for i in range(tok_start, tok_end):
            self.by_token[i] = [actor]
        self.spans[(tok_start, tok_end)] = actor
        actor.mentions.append(mention)

    def at(self, token_index: int) -> Actor | None:
        """The (first) actor a token belongs to, or None."""
        bucket = self.by_token.get(token_index)
        return bucket[0] if bucket else None

    def all_at(self, token_index: int) -> list[Actor]:
        """Every actor a token belongs to ("German and French ministers" has two)."""
        return list(self.by_token.get(token_index, ()))

    def ref_at(self, token_index: int, text: str) -> ActorRef | None:
        actor = self.at(token_index)
        return actor.ref(text) if actor else None

    def used(self) -> list[Actor]:
        """Actors that have at least one mention."""
        return [a for a in self.actors if a.mentions]

"""A trigger before it is coded: the token, its lexicon entry and the words that carry its frame."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from dateline.events.lexicon import TriggerEntry


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
    undergone: bool = False  # the governing verb's subject suffers the event ("came under fire")
    confidence: float | None = None  # the event model's calibrated probability of the type
    model_mode: str | None = None  # the event model's mode, used when the lexicon gives none
    speaker: Token | None = None  # who says a quoted sentence no verb of saying governs

    @property
    def head(self) -> Token:
        return self.frame if self.frame is not None else self.token

    @property
    def proposed_type(self) -> str:
        """The lexicon's type as the event model reads it: a type from the converted PETRARCH
        verb table is a feature of its own ("pv:ASSAULT"), weighed apart from the hand lexicon's."""
        return f"pv:{self.event}" if self.entry.fallback else self.event

"""Noun classes that both the trigger rules (:mod:`.triggers`) and the argument rules
(:mod:`.arguments`) read: kept below both, so that neither imports the other."""

from __future__ import annotations

#: Nouns whose "of" phrase may name who did the act rather than who underwent it ("the
#: withdrawal of the troops"); those also in UNDERGONE_NOUNS ("arrest") may name either.
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

#: Nouns of acts done to a person whose possessor is that person: "his sentence", "her
#: detention", "Brunson's arrest" (but "Turkey's detention of a US citizen": of names them).
UNDERGONE_NOUNS = {"sentence", "arrest", "detention", "conviction", "deportation", "extradition",
                   "expulsion", "trial", "execution", "imprisonment", "jailing", "capture",
                   "kidnapping", "abduction", "torture", "assassination", "prosecution",
                   "internment", "incarceration", "persecution", "removal", "ouster",
                   "punishment", "killing", "murder"}  # fmt: skip

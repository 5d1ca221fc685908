"""CAMEO codes below a type's default where the trigger's words say which (an air strike is
195, a shooting 193), and the Goldstein score of the code chosen.

The rules are data (``dateline/data/cameo_subcodes.yaml``); this module only reads the words
around each trigger and applies the first rule of the event's type that they match.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from dateline.datafiles import data_file, load_mapping
from dateline.errors import DataFileError
from dateline.events.ontology import Ontology
from dateline.model import Event

SUBCODES_FILE = "cameo_subcodes.yaml"
#: Dependencies whose words say what kind of act a trigger is ("killed in an airstrike",
#: "demanded the release", "gunmen opened fire").
ATTACHED = {"dobj", "obj", "compound", "amod", "nsubj", "nsubjpass", "agent", "pobj", "prep",
            "npadvmod", "attr", "xcomp", "prt", "acomp", "nmod", "poss"}  # fmt: skip


@dataclass(frozen=True)
class Rule:
    cameo: str
    words: frozenset[str]


@cache
def rules() -> dict[str, tuple[Rule, ...]]:
    """PLOVER type -> its sub-code rules, in order; every code checked against the ontology."""
    raw = load_mapping(data_file(SUBCODES_FILE))
    ontology = Ontology.load()
    out: dict[str, tuple[Rule, ...]] = {}
    for event, entries in raw.items():
        if event == "version":
            continue
        if event not in ontology.types:
            raise DataFileError(f"unknown PLOVER type {event!r}", SUBCODES_FILE)
        parsed = []
        for entry in entries or []:
            code = str(entry.get("cameo", ""))
            if code not in ontology.cameo or ontology.cameo[code].event != event:
                raise DataFileError(
                    f"{event}: CAMEO {code!r} is not a code of {event} in cameo_plover.csv",
                    SUBCODES_FILE,
                )
            words = frozenset(str(w).lower() for w in entry.get("words") or [])
            parsed.append(Rule(code, words))
        out[event] = tuple(parsed)
    return out


def context_words(token: Token) -> set[str]:
    """Lemmas and two-word phrases of the trigger and the words attached to it (two levels)."""
    tokens = [token]
    for child in token.children:
        if child.dep_ in ATTACHED:
            tokens.append(child)
            tokens.extend(g for g in child.children if g.dep_ in ATTACHED)
    words: set[str] = set()
    for t in tokens:
        lemma, lower = t.lemma_.lower(), t.lower_
        words |= {lemma, lower}
        for child in t.children:
            if child.dep_ in {"compound", "amod"} and child.i == t.i - 1:
                words |= {f"{child.lower_} {lower}", f"{child.lemma_.lower()} {lemma}"}
    return words


def choose(event: str, words: set[str]) -> str | None:
    """The first sub-code rule of ``event`` that one of ``words`` matches, else None."""
    for rule in rules().get(event, ()):
        if rule.words & words:
            return rule.cameo
    return None


def refine_codes(events: Iterable[Event], doc: Doc) -> None:
    """Give each event whose code is its type's default the sub-code its trigger's words name,
    and the Goldstein score of that code. A code the coder chose from a mode is kept."""
    ontology = Ontology.load()
    for e in events:
        etype = ontology.types.get(e.event)
        if etype is None or (e.cameo not in (None, etype.cameo, etype.cameo_root)):
            continue
        span = doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        code = choose(e.event, context_words(span.root))
        if code is None:
            continue
        e.cameo = code
        e.goldstein = ontology.cameo[code].goldstein

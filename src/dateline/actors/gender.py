"""Grammatical gender of the people of an article, so that "he" and "she" agree with their antecedent.

A person's gender comes from cues a reader would use: a title before the name ("Mrs", "Sir",
"King"), a gendered role noun in the title or an apposition ("spokeswoman", "chairman"), the
first name ("Angela", "Donald"; ``data/actors/gender.yaml``), and the article's own unambiguous
usage ("Merkel ... herself"). Cues are votes; with none, or a tie, the gender is unknown and the
person stays a candidate for every pronoun. Nothing here guesses from a surname.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from dateline.actors.dictionaries import DATA_DIR
from dateline.actors.index import ActorIndex
from dateline.datafiles import load_yaml
from dateline.errors import DataFileError
from dateline.nlp import word_ids

FEMALE, MALE = "female", "male"
PRONOUNS = {
    "he": MALE,
    "him": MALE,
    "his": MALE,
    "himself": MALE,
    "she": FEMALE,
    "her": FEMALE,
    "hers": FEMALE,
    "herself": FEMALE,
}
REFLEXIVES = {"himself", "herself"}


@dataclass(frozen=True, slots=True)
class GenderCues:
    """Word -> gender tables: titles before a name, role nouns, first names."""

    titles: dict[str, str]
    roles: dict[str, str]
    first_names: dict[str, str]


@lru_cache(maxsize=1)
def cues() -> GenderCues:
    """The shipped cue tables (read once per process)."""
    path = DATA_DIR / "gender.yaml"
    data = load_yaml(path)
    tables: list[dict[str, str]] = []
    for key in ("titles", "roles", "first_names"):
        section = data.get(key) if isinstance(data, dict) else None
        if not isinstance(section, dict):
            raise DataFileError(f"expected a '{key}:' mapping of female/male lists", str(path))
        table: dict[str, str] = {}
        for gender, words in section.items():
            if gender not in (FEMALE, MALE) or not isinstance(words, list):
                raise DataFileError(f"{key}.{gender}: use 'female:' and 'male:' lists", str(path))
            table.update((str(w).lower(), gender) for w in words)
        tables.append(table)
    return GenderCues(*tables)


def pronoun_gender(word: str) -> str | None:
    """``"she"`` -> female, ``"his"`` -> male, ``"they"`` -> None."""
    return PRONOUNS.get(word.lower())


def agrees(person_gender: str | None, pronoun: str) -> bool:
    """A pronoun may refer to a person unless both genders are known and differ."""
    wanted = pronoun_gender(pronoun)
    return wanted is None or person_gender is None or person_gender == wanted


def name_gender(name: str) -> str | None:
    """Gender from a written name: a leading title ("Mrs Jane Roe"), else the first name."""
    c = cues()
    for word in name.replace(".", " ").split():
        low = word.lower()
        if low in c.titles:
            return c.titles[low]
        return c.first_names.get(low)
    return None


def context_gender(doc: Doc, start: int, end: int) -> str | None:
    """Gender from the words of and around a mention ``doc[start:end]``: a title or gendered role
    noun just before it in the same noun phrase ("Queen Rania", "spokeswoman Jane Roe"), a
    mention that is a gendered role noun ("the chairwoman"), or one in apposition ("Jane Roe,
    the chairwoman, ...")."""
    c = cues()
    sent_start = doc[start].sent.start
    i = start - 1
    while i >= sent_start and start - i <= 4:
        tok = doc[i]
        low = tok.lower_.rstrip(".")
        if low in c.titles:
            return c.titles[low]
        if low in c.roles:
            return c.roles[low]
        if tok.is_punct and tok.text != ".":
            break
        if tok.pos_ in {"VERB", "AUX", "ADP", "PRON", "CCONJ", "DET"}:
            break
        i -= 1
    root = doc[start:end].root
    if gender := c.roles.get(root.lower_) or c.roles.get(root.lemma_.lower()):
        return gender  # the mention is itself a role noun: "the spokeswoman" (an apposition)
    appositions = [t for t in root.children if t.dep_ == "appos"]
    if root.dep_ == "appos":  # "the chairwoman, Jane Roe": the name hangs on the role noun
        appositions.append(root.head)
    for tok in appositions:
        if gender := c.roles.get(tok.lemma_.lower()) or c.roles.get(tok.lower_):
            return gender
    return None


def person_genders(doc: Doc, index: ActorIndex) -> dict[str, str]:
    """Actor id -> gender for the people of an article whose cues agree (a majority of votes)."""
    votes: dict[str, Counter] = {}
    for actor in index.actors:
        if actor.kind != "person":
            continue
        tally = votes.setdefault(actor.id, Counter())
        if gender := name_gender(actor.name):
            tally[gender] += 2
    for (start, end), actor in index.spans.items():
        if actor.kind == "person" and (gender := context_gender(doc, start, end)):
            votes[actor.id][gender] += 2
    reflexives = word_ids(doc, REFLEXIVES)
    for tok in doc:
        if tok.lower in reflexives and (actor := _reflexive_subject(tok, index)) is not None:
            votes.setdefault(actor.id, Counter())[PRONOUNS[tok.lower_]] += 1
    for (start, end), actor in index.spans.items():
        if actor.kind == "person" and (
            gender := _own_clause_gender(doc, start, end, index, actor.id)
        ):
            votes[actor.id][gender] += 1
    out: dict[str, str] = {}
    for actor_id, tally in votes.items():
        ranked = tally.most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            out[actor_id] = ranked[0][0]
    return out


def _reflexive_subject(tok: Token, index: ActorIndex):
    """The one person who is the subject of a reflexive's clause ("Roe described herself as")."""
    subjects = [c for c in tok.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    people = {  # by id: an Actor is a mutable dataclass, not hashable
        a.id: a
        for s in subjects
        for t in s.subtree
        for a in index.all_at(t.i)
        if a.kind == "person"
    }
    return next(iter(people.values())) if len(people) == 1 else None


SPEECH_VERBS = {"say", "tell", "add", "insist", "claim", "deny", "announce", "warn", "state"}


def _own_clause_gender(
    doc: Doc, start: int, end: int, index: ActorIndex, person_id: str
) -> str | None:
    """The pronouns of a clause that can only be about the person named: their own relative
    clause ("Jane Roe, who lost her seat in May") or what they say of themselves as its subject
    ("Roe said she would resign"), when no other person is named in between."""
    root = doc[start:end].root
    clauses = [(c, list(c.subtree)) for c in root.children if c.dep_ == "relcl"]
    if root.dep_ == "nsubj" and root.head.lemma_.lower() in SPEECH_VERBS:
        clauses += [  # the subject of what they said, not every pronoun in it
            (c, [g for g in c.children if g.dep_ in {"nsubj", "nsubjpass"}])
            for c in root.head.children
            if c.dep_ == "ccomp"
        ]
    genders: set[str] = set()
    for clause, words in clauses:
        if not words:
            continue
        words_all = list(clause.subtree)
        words = [w for w in words if w.lower_ not in REFLEXIVES]
        lo = min(end, words_all[0].i)
        hi = max(start, words_all[-1].i + 1)
        others = {
            a.id
            for i in range(lo, hi)
            if not start <= i < end
            for a in index.all_at(i)
            if a.kind == "person" and a.id != person_id
        }
        if others:
            continue
        genders.update(PRONOUNS[t.lower_] for t in words if t.lower_ in PRONOUNS)
    return genders.pop() if len(genders) == 1 else None

"""The actor knowledge base: countries, organisations, armed groups, people and role words.

``KnowledgeBase.load()`` reads the tables under ``dateline/data/actors/`` (plus any user
dictionaries) into plain dicts, so every lookup is a normalisation and a dict probe. People are
resolved by date: the office held on the article date gives the sector (GOV, MIL, IGO, ...); a
person who held office before but none on that date is ELI ("former official"); before their first
listed office the sector is unknown (None). See docs/data-files.md.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from dateline.actors.dictionaries import (
    DATA_DIR,
    PHOENIX_PREFIX,
    PHOENIX_UNTIL,
    CountryRow,
    NamedRow,
    RoleRow,
    Tables,
    read_phoenix_people,
    read_shipped,
    read_user_file,
)

__all__ = ["Entry", "KnowledgeBase", "normalize"]


@dataclass(frozen=True, slots=True)
class Entry:
    """One thing a name can refer to, as of one date."""

    id: str  # stable key: "country:RUS", "org:NATO", "group:hamas", "person:vladimir-putin"
    name: str  # canonical name
    country: str | None  # ISO alpha-3 (PLOVER country); None for IGOs/NGOs
    sector: str | None  # PLOVER sector; for a person the sector on the asked date
    kind: str  # "country" | "organisation" | "group" | "person" | "metonym"
    role: str | None = None  # "President", "Prime Minister", "former Prime Minister" on that date
    source: str = ""  # "countries.csv:RUS", "people.csv row 12", "user:my.yaml row 3"


# ---------------------------------------------------------------------------------------------
# normalisation

_APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
_NON_WORD = re.compile(r"[^\w]+")
_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"'s?$")


@lru_cache(maxsize=65536)
def normalize(text: str, fold: bool = True) -> str:
    """Lookup key: no accents, dots or apostrophes, other punctuation -> space, no leading "the".

    ``"the U.S."`` -> ``"us"``; ``"Côte d'Ivoire"`` -> ``"cote divoire"``; ``"al-Qaeda"`` ->
    ``"al qaeda"``. With ``fold=False`` the case is kept (for short acronyms such as "US", "IS").
    """
    text = text.translate(_APOS)
    if not text.isascii():  # ASCII is already NFKD with no combining marks (most names)
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace(".", "").replace("'", "")
    text = _NON_WORD.sub(" ", text).strip().replace("_", " ")
    text = _THE.sub("", text)
    return text.lower() if fold else text


def _case_sensitive(alias: str) -> bool:
    """Short all-caps acronyms ("US", "IS", "WHO", "UN") only match in capitals."""
    if not alias.isupper():  # a lowercase letter survives normalisation: not an acronym
        return False
    key = normalize(alias, fold=False).replace(" ", "")
    return key.isupper() and key.isalpha() and len(key) <= 3


# ---------------------------------------------------------------------------------------------
# people


@dataclass(slots=True)
class _Role:
    role: str | None
    country: str | None
    sector: str | None
    start: date | None
    end: date | None
    source: str

    def active(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


@dataclass(slots=True)
class _Person:
    id: str
    name: str
    country: str | None
    source: str
    aliases: list[str] = field(default_factory=list)
    surname: str = ""
    roles: list[_Role] = field(default_factory=list)
    known_until: date | None = None  # the table's last revision: later offices are not known

    def entry(self, on: date | None) -> Entry:
        """This person as of ``on``; ``on=None`` -> their most recent role."""
        roles = self.roles
        if not roles:
            return Entry(self.id, self.name, self.country, None, "person", None, self.source)
        if on is not None and self.known_until is not None and on > self.known_until:
            # after the table's snapshot an office may have ended (or a new one begun): keep
            # the person's country, leave the sector to the text ("the national security adviser")
            country = self.country or max(roles, key=_role_start).country
            return Entry(self.id, self.name, country, None, "person", None, self.source)
        if on is None:
            r = max(roles, key=_role_start)
            return Entry(self.id, self.name, r.country, r.sector, "person", r.role, r.source)
        active = [r for r in roles if r.active(on)]
        if active:
            r = max(active, key=_role_start)
            return Entry(self.id, self.name, r.country, r.sector, "person", r.role, r.source)
        past = [r for r in roles if r.end is not None and r.end < on]
        if past:
            r = max(past, key=lambda x: x.end)
            role = f"former {r.role}" if r.role else None
            return Entry(
                self.id, self.name, self.country or r.country, "ELI", "person", role, r.source
            )
        return Entry(self.id, self.name, self.country, None, "person", None, self.source)

    def active_on(self, on: date | None) -> bool:
        """Holds an office on ``on`` (an explicit ELI code is not an office)."""
        return on is None or any(r.active(on) and r.sector != "ELI" for r in self.roles)


def _role_start(r: _Role) -> date:
    return r.start or date.min


# ---------------------------------------------------------------------------------------------
# the knowledge base

_PRIORITY = {"country": 0, "organisation": 1, "group": 2, "metonym": 3, "people": 4, "person": 5}
_IRREGULAR_PLURALS = {"man": "men", "woman": "women", "person": "people", "child": "children"}


def _plural(word: str) -> str:
    """English plural of a role phrase: "foreign minister" -> "foreign ministers",
    "chief of staff" -> "chiefs of staff"."""
    if " of " in word:
        first, _, rest = word.partition(" of ")
        return f"{_plural(first)} of {rest}"
    head, _, last = word.rpartition(" ")
    lower = last.lower()
    for sing, plur in _IRREGULAR_PLURALS.items():
        if lower.endswith(sing):
            last = last[: len(last) - len(sing)] + plur
            break
    else:
        if lower.endswith(("s", "x", "z", "ch", "sh")):
            last += "es"
        elif lower.endswith("y") and len(lower) > 1 and lower[-2] not in "aeiou":
            last = last[:-1] + "ies"
        else:
            last += "s"
    return f"{head} {last}" if head else last


def _demonym_plural(word: str) -> str | None:
    """People noun of a demonym: "Israeli" -> "Israelis"; None for "French", "Chinese", "Swiss"."""
    lower = word.lower()
    if lower.endswith(("ese", "ish", "ch", "ss", "sh")) or "." in word or word.isupper():
        return None
    if lower.endswith("man") or lower.endswith("woman"):
        return word[:-3] + "men"
    return word + "s"


def _offices(people: Iterable[_Person]) -> dict[str, list[tuple[str, date | None, date | None]]]:
    """Office title -> (country, start, end) of each curated holder (Phoenix titles are too
    generic: "Government official")."""
    out: dict[str, list[tuple[str, date | None, date | None]]] = {}
    for p in people:
        if p.source.startswith(PHOENIX_PREFIX):
            continue
        for r in p.roles:
            country = r.country or p.country
            if r.role and country and country != "-" and r.sector != "ELI":
                out.setdefault(normalize(r.role), []).append((country, r.start, r.end))
    return out


def _title_variants(title: str) -> set[str]:
    """A title as the KB may spell it: "defense secretary" is also "secretary of defense" (the
    spelling stays: "defence secretary" is Britain's); "adviser" is also "advisor". A one-word
    title ("chancellor", "president") names an office of many states and is left out."""
    base = normalize(title)
    words = base.split()
    if len(words) < 2:
        return set()
    forms = {base, base.replace("adviser", "advisor"), base.replace("advisor", "adviser")}
    if len(words) == 2 and words[1] == "secretary":
        forms.add(f"secretary of {words[0]}")
    return forms


#: Words whose country_of / sector_of answer is kept before the memo starts again.
_MEMO_KEPT = 100_000


def _remembered(memo: dict[str, str | None], word: str, answer) -> str | None:
    """``answer(word)``, kept in ``memo`` (emptied when it holds ``_MEMO_KEPT`` words)."""
    if word in memo:
        return memo[word]
    if len(memo) >= _MEMO_KEPT:
        memo.clear()
    code = memo[word] = answer(word)
    return code


class KnowledgeBase:
    """Who is who: dict-based lookups of names, aliases, demonyms, role words and dated people."""

    def __init__(self, tables: Tables) -> None:
        self._exact: dict[str, tuple[int, object]] = {}  # case-kept key -> (priority, target)
        self._folded: dict[str, tuple[int, object]] = {}
        self._country_exact: dict[str, str] = {}
        self._multiword_country_words: set[str] = set()
        self._country_folded: dict[str, str] = {}
        self._countries: dict[str, Entry] = {}
        self._entries: dict[str, Entry] = {}
        self._people: dict[str, _Person] = {}
        self._surnames: dict[str, list[str]] = {}
        self._sectors: dict[str, str] = {}
        self._modifiers: dict[str, str] = {}
        self._role_phrases: list[str] = []
        self._phrases: dict[str, None] = {}
        self._lazy_people: list[Path] = list(tables.lazy_people)
        self._offices: dict[str, list[tuple[str, date | None, date | None]]] = {}
        # answers of country_of / sector_of per word (the actor passes ask about the same
        # words again and again); emptied whenever a country word or a role phrase is added
        self._country_memo: dict[str, str | None] = {}
        self._sector_memo: dict[str, str | None] = {}
        self._build(tables)

    # -- loading ---------------------------------------------------------------------------

    @classmethod
    def load(cls, extra_files: Iterable[str | Path] = ()) -> KnowledgeBase:
        """The shipped knowledge base plus ``extra_files`` (user YAML/CSV or PETRARCH .txt).

        Later files override earlier ones. The default (no extra files) is built once per
        process; raises :class:`~dateline.errors.DataFileError` for a malformed file.
        """
        extra = tuple(str(Path(p)) for p in extra_files)
        return _load_cached(extra) if not extra else _build(extra)

    @classmethod
    def from_files(
        cls, data_dir: str | Path = DATA_DIR, extra_files: Iterable[str | Path] = ()
    ) -> KnowledgeBase:
        """Build from another copy of the shipped tables (for tests and forks); never cached."""
        tables = read_shipped(Path(data_dir))
        for p in extra_files:
            tables.extend(read_user_file(p))
        return cls(tables)

    def _build(self, t: Tables) -> None:
        for c in t.countries:
            self._add_country(c)
        for n in t.named:
            self._add_named(n)
        self._add_people(t.roles)
        self._offices = _offices(self._people.values())
        for phrase, code, _src in t.sectors:
            self._add_sector(phrase, code)
        for word, code, _src in t.modifiers:
            self._modifiers[normalize(word)] = code
        self._sector_memo.clear()
        self._role_phrases = sorted(set(self._sectors), key=lambda p: (-len(p.split()), -len(p), p))

    def _index(self, alias: str, target: object, kind: str, user: bool, match: bool = True) -> None:
        """Add ``alias`` to the lookup tables; ``match=False`` keeps it out of :meth:`phrases`
        (looked up when NER finds the name, not searched for in every text)."""
        if not alias:
            return
        prio = -1 if user else _PRIORITY[kind]
        # a converted Phoenix acronym ("AMIT", "BRAC") is matched in capitals only, like "UN"
        exact = _case_sensitive(alias) or (not match and alias.isupper() and " " not in alias)
        table = self._exact if exact else self._folded
        key = normalize(alias, fold=not exact)
        if not key:
            return
        old = table.get(key)
        if (
            old is not None
            and isinstance(old[1], tuple)
            and isinstance(target, tuple)
            and prio == old[0]
        ):
            target = tuple(dict.fromkeys(old[1] + target))  # two people share a full name
            table[key] = (prio, target)
        elif old is None or prio < old[0] or (user and prio == old[0]):
            table[key] = (prio, target)
        if match:
            self._phrases[alias] = None

    def _country_word(self, word: str, code: str, user: bool) -> None:
        self._country_memo.clear()
        if " " in word.strip():
            self._multiword_country_words.add(word.strip())
        exact = _case_sensitive(word)
        table = self._country_exact if exact else self._country_folded
        key = normalize(word, fold=not exact)
        if key and (user or key not in table):
            table[key] = code

    def _add_country(self, c: CountryRow) -> None:
        user = c.source.startswith("user:")
        code = c.part_of or c.code
        entry = Entry(f"country:{c.code}", c.name, code, None, "country", None, c.source)
        self._countries[c.code] = entry
        self._entries[entry.id] = entry
        for alias in (c.name, c.official_name, *c.aliases):
            self._index(alias, entry, "country", user)
            self._country_word(alias, code, user)
        for dem in c.demonyms:
            self._country_word(dem, code, user)
            plural = _demonym_plural(dem)
            if plural:
                self._country_word(plural, code, user)
                people = Entry(f"people:{c.code}", plural, code, None, "country", None, c.source)
                self._entries.setdefault(people.id, people)
                self._index(plural, self._entries[people.id], "people", user)
        names = {normalize(a) for a in (c.name, c.official_name, *c.aliases)}
        for cap in c.capitals:
            if normalize(cap) in names:
                continue  # "Singapore", "Kuwait": the country, not its government
            met = Entry(
                f"metonym:{c.code}:{normalize(cap).replace(' ', '-')}",
                c.name,
                code,
                "GOV",
                "metonym",
                None,
                f"{c.source} capital",
            )
            self._entries[met.id] = met
            self._index(cap, met, "metonym", user)

    def _add_named(self, n: NamedRow) -> None:
        user = n.source.startswith("user:")
        name = n.name
        if n.kind == "metonym" and n.country in self._countries:
            name = self._countries[n.country].name  # the Kremlin stands for Russia('s government)
        entry = Entry(n.id, name, n.country, n.sector, n.kind, None, n.source)
        self._entries[n.id] = entry
        # The converted Phoenix names (2,000 organisations and armed groups) are looked up
        # when NER finds them, not searched for in every text (that would double the matcher).
        match = not n.source.startswith(PHOENIX_PREFIX)
        for alias in (n.name, *n.aliases):
            self._index(alias, entry, n.kind, user, match)

    def _add_people(self, rows: list[RoleRow]) -> None:
        seen_user: set[str] = set()
        indexed: set[tuple[str, str, bool]] = set()  # (person id, name, user) already indexed
        for r in rows:
            user = r.source.startswith("user:")
            p = self._people.get(r.id)
            if p is not None and user and r.id not in seen_user:
                p.roles.clear()  # a user file replaces every shipped office of that person
                p.source = r.source
            if p is None:
                p = _Person(r.id, r.name, r.country, r.source)
                if r.source.startswith(PHOENIX_PREFIX):
                    p.known_until = PHOENIX_UNTIL
                self._people[r.id] = p
            if user:
                seen_user.add(r.id)
            p.name = r.name or p.name
            p.country = r.country or p.country
            p.surname = r.surname or p.surname
            for a in r.aliases:
                if a not in p.aliases:
                    p.aliases.append(a)
            if r.role or r.sector or r.start or r.end:
                p.roles.append(_Role(r.role, r.role_country, r.sector, r.start, r.end, r.source))
            for a in (r.name, *r.aliases):
                if (r.id, a, user) not in indexed:  # one person has a row per office
                    indexed.add((r.id, a, user))
                    # 18,000 Phoenix office holders: found by NER, then looked up
                    self._index(a, (r.id,), "person", user, not r.source.startswith(PHOENIX_PREFIX))
        for p in self._people.values():
            if p.surname:
                bucket = self._surnames.setdefault(normalize(p.surname), [])
                if p.id not in bucket:
                    bucket.append(p.id)
                self._phrases[p.surname] = None

    def _add_sector(self, phrase: str, code: str) -> None:
        self._sector_memo.clear()
        key = normalize(phrase)
        self._sectors[key] = code
        plural = normalize(_plural(phrase))
        self._sectors.setdefault(plural, code)

    # -- lookups ---------------------------------------------------------------------------

    def _load_lazy_people(self) -> bool:
        """Read the deferred people tables (the Phoenix office holders) once; True if any were.

        They are looked up by full name only and never outrank a curated entry, so reading them
        at the first miss gives the same answers as reading them up front, without making every
        process that never asks pay for 26,000 rows.
        """
        if not self._lazy_people:
            return False
        paths, self._lazy_people = self._lazy_people, []
        for path in paths:
            self._add_people(read_phoenix_people(path))
        return True

    def _probe(self, phrase: str) -> object | None:
        exact, folded = normalize(phrase, fold=False), normalize(phrase)
        hit = self._exact.get(exact) or self._folded.get(folded)
        if hit is None and self._load_lazy_people():
            hit = self._exact.get(exact) or self._folded.get(folded)
        return hit[1] if hit is not None else None

    def lookup(self, phrase: str, on: date | None = None) -> Entry | None:
        """The entry a whole name or alias refers to ("the U.S.", "Kremlin", "Putin"), or None.

        Case- and punctuation-insensitive (except short acronyms such as "US", "IS", which must be
        capitals), with or without a leading "the" or a trailing "'s"; an ISO alpha-3 code ("RUS")
        gives its country. People are resolved as of ``on``; a bare surname resolves only when it
        is capitalised and unambiguous on that date.
        """
        target = self._probe(phrase)
        if target is None:
            stripped = _POSSESSIVE.sub("", phrase.translate(_APOS).strip())
            if stripped != phrase.strip():
                target = self._probe(stripped)
                phrase = stripped
        if isinstance(target, Entry):
            return target
        if isinstance(target, tuple):
            people = [self._people[pid] for pid in target]
            active = [p for p in people if p.active_on(on)] or people
            return active[0].entry(on)
        code = phrase.strip()
        if len(code) == 3 and code.isupper() and code in self._countries:
            return self._countries[code]  # an ISO alpha-3 code ("RUS"); not a phrase for matching
        if phrase[:1].isupper():
            found = self.people_with_surname(phrase, on)
            if len(found) == 1:
                return found[0]
        return None

    def country_of(self, word: str) -> str | None:
        """Country code of a country name, alias, demonym or people noun ("Russian", "U.S.")."""
        return _remembered(self._country_memo, word, self._country_of)

    def _country_of(self, word: str) -> str | None:
        code = self._country_exact.get(normalize(word, fold=False))
        if code is None:
            code = self._country_folded.get(normalize(word))
        if code is None:
            stripped = _POSSESSIVE.sub("", word.translate(_APOS).strip())
            if stripped != word.strip():
                return self._country_of(stripped)
        return code

    def sector_of(self, role: str) -> str | None:
        """PLOVER sector of a role word or phrase: "prime minister" -> GOV, "troops" -> MIL.

        Tries the whole phrase, then a leading modifier ("rebel commander" -> REB, "police
        spokesman" -> COP), then ever shorter tails ("senior Russian officials" -> "officials").
        """
        return _remembered(self._sector_memo, role, self._sector_of)

    def _sector_of(self, role: str) -> str | None:
        key = normalize(role)
        if not key:
            return None
        code = self._sectors.get(key)
        if code is not None:
            return code
        words = key.split()
        for w in words[:-1]:
            if w in self._modifiers:
                return self._modifiers[w]
        for i in range(1, len(words)):
            code = self._sectors.get(" ".join(words[i:]))
            if code is not None:
                return code
        return None

    def role_phrases(self) -> list[str]:
        """Every role noun or phrase (normalised, singular and plural), longest first."""
        return list(self._role_phrases)

    def phrases(self) -> list[str]:
        """Every name, alias, people noun, capital and surname, in original casing."""
        return list(self._phrases)

    def multiword_country_words(self) -> list[str]:
        """Demonyms and country words of more than one word ("Sierra Leonean", "South Korean")."""
        return sorted(self._multiword_country_words)

    def people_with_surname(self, surname: str, on: date | None = None) -> list[Entry]:
        """People with this surname as of ``on``; those holding an office on that date first."""
        ids = self._surnames.get(normalize(surname), ())
        people = [self._people[pid] for pid in ids]
        if on is not None:
            active = [p for p in people if p.active_on(on)]
            if active:
                people = active
        return [p.entry(on) for p in people]

    def office_country(self, title: str, on: date | None = None) -> str | None:
        """The one country whose office this title names ("home secretary": GBR, "defense
        secretary": USA), from the curated office holders: None when holders of several
        countries bear it ("foreign minister") or, given a date, nobody holds it then."""
        holders = [h for v in _title_variants(title) for h in self._offices.get(v, ())]
        countries = {country for country, _start, _end in holders}
        if len(countries) != 1:
            return None
        if on is not None and not any(
            (start is None or start <= on) and (end is None or on <= end)
            for _c, start, end in holders
        ):
            return None
        return countries.pop()

    # -- inspection (for `dateline actors` and tests) ------------------------------------------

    def get(self, entry_id: str, on: date | None = None) -> Entry | None:
        """An entry by its id ("country:RUS", "person:vladimir-putin")."""
        if entry_id not in self._entries:
            self._load_lazy_people()
        if entry_id in self._people:
            return self._people[entry_id].entry(on)
        return self._entries.get(entry_id)

    def counts(self) -> dict[str, int]:
        """How many entries of each kind ("country", "organisation", "group", "person", ...)."""
        self._load_lazy_people()
        out: dict[str, int] = {}
        for e in self._entries.values():
            kind = "people noun" if e.id.startswith("people:") else e.kind
            out[kind] = out.get(kind, 0) + 1
        out["person"] = len(self._people)
        out["role phrase"] = len(self._sectors)
        return out

    def entries(self, on: date | None = None) -> list[Entry]:
        """Every entry (people as of ``on``), in load order."""
        self._load_lazy_people()
        return list(self._entries.values()) + [p.entry(on) for p in self._people.values()]


def _build(extra: tuple[str, ...]) -> KnowledgeBase:
    tables = read_shipped()
    for p in extra:
        tables.extend(read_user_file(p))
    return KnowledgeBase(tables)


@lru_cache(maxsize=1)
def _load_cached(extra: tuple[str, ...]) -> KnowledgeBase:
    return _build(extra)

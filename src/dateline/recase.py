"""Headlines and lower-case text, re-cased the way a news sentence is written before spaCy reads them.

spaCy's tagger and NER learnt from running text, so "POLICE ARREST 40 AFTER LAHORE MARCH" or
"Police Arrest 40 After Lahore March" comes out as a row of proper nouns with no verb, and
"police arrested 40 people in lahore" names no place. A line set in capitals or in title case
(most of its longer words capitalised), and a text with no capital letter at all, are re-cased:
every word lower case except the first of the line and the names the knowledge base or the
gazetteer knows ("Lahore", "Pakistani", "UN"). Only letters change case and never the length, so
every character offset still points into the original article; other lines are left as they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_WORD = re.compile(r"[^\W\d_](?:[\w'’-]|\.(?=\w))*")
_LINE = re.compile(r"[^\n]+")
#: A title-case line: this share of its words of four letters or more are capitalised (all) ...
TITLE_SHARE = 1.0
#: ... and it has at least this many such words (short lines such as "Ukraine crisis" are left).
TITLE_MIN_WORDS = 3
#: Short function words a title-case headline capitalises and running text does not.
_SMALL = {"after", "over", "with", "from", "into", "amid", "says", "will", "have", "they"}
#: Long function words that title case, in the style of most news desks (Chicago, NYT), keeps
#: in lower case: prepositions and conjunctions ("Police Threaten Protesters with Arrest").
TITLE_LOWER = {
    "about", "above", "across", "after", "against", "along", "amid", "amidst", "among",
    "amongst", "around", "before", "behind", "below", "beneath", "beside", "besides", "between",
    "beyond", "despite", "down", "during", "from", "inside", "into", "near", "onto", "outside",
    "over", "past", "since", "than", "that", "through", "toward", "towards", "under", "unless",
    "until", "upon", "versus", "when", "where", "while", "with", "within", "without",
}  # fmt: skip
#: Short function words title case keeps in lower case; any other short word in lower case
#: ("met", "won") is running text.
TITLE_LOWER_SHORT = {
    "a", "an", "and", "as", "at", "but", "by", "for", "in", "nor", "of", "off", "on", "or", "out",
    "per", "so", "the", "to", "up", "via", "vs", "yet",
}  # fmt: skip


def headline_case(line: str) -> bool:
    """The line is set in capitals or in title case, not as a sentence."""
    words = _WORD.findall(line)
    long_words = [w for w in words if len(w) >= 4]
    lowered = [w for w in long_words if w in TITLE_LOWER]  # "with", "from" in lower case
    long_words = [w for w in long_words if w not in TITLE_LOWER]
    if len(long_words) < TITLE_MIN_WORDS:
        return False
    if TITLE_SHARE >= 1.0 and any(w[0].isalpha() and not w[0].isupper() for w in long_words):
        return False  # a long word in lower case: neither capitals nor title case (running text)
    if lowered and any(
        not w[0].isupper() and w not in TITLE_LOWER_SHORT for w in words if len(w) < 4
    ):
        return False  # "Merkel met with Macron in Paris": a short word in lower case, running text
    letters = [c for c in line if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return True
    capitalised = [w for w in long_words if w[0].isupper()]
    if len(capitalised) / len(long_words) < TITLE_SHARE:
        return False
    # running text capitalises names, not its small words: "After", "Over", "Says" give it away
    small = [w for w in words if w.lower() in _SMALL and w not in TITLE_LOWER]
    return not small or any(w[0].isupper() for w in small)


def recase_text(text: str, is_name: Callable[[str], str | None]) -> str:
    """``text`` with its headline-case lines (or, when it has no capital letter, all of it)
    re-cased; ``is_name(words)`` returns the written form of a known name or None.

    The result has exactly the length of ``text``.
    """
    if not any(c.isupper() for c in text):
        return _recase_spans(text, [m.span() for m in _LINE.finditer(text)], is_name)
    spans = [m.span() for m in _LINE.finditer(text) if headline_case(m.group())]
    return _recase_spans(text, spans, is_name) if spans else text


def _recase_spans(text: str, spans: list[tuple[int, int]], is_name) -> str:
    chars = list(text)
    for start, end in spans:
        line = text[start:end]
        capitals = not any(c.islower() for c in line)
        words = list(_WORD.finditer(line))
        i = 0
        sentence_start = True
        while i < len(words):
            size, form = _longest_name(line, words, i, is_name)
            for k in range(i, i + size):
                m = words[k]
                if not capitals and m.group().isupper() and len(m.group()) <= 5:
                    continue  # an acronym in a title-case line: "UN", "NATO"
                written = form[k - i] if form else m.group().lower()
                if sentence_start and k == i and not form:
                    written = written[:1].upper() + written[1:]
                _put(chars, start + m.start(), m.group(), written)
            last = words[i + size - 1]
            tail = line[last.end() : words[i + size].start()] if i + size < len(words) else ""
            sentence_start = any(c in tail for c in ".!?:")
            i += size
    return "".join(chars)


def _longest_name(line: str, words, i: int, is_name) -> tuple[int, list[str] | None]:
    """(number of words, their written forms) of the longest known name starting at word ``i``."""
    for size in (3, 2, 1):
        if i + size > len(words):
            continue
        group = words[i : i + size]
        if any(
            line[a.end() : b.start()] not in (" ", "-")
            for a, b in zip(group, group[1:], strict=False)
        ):
            continue
        phrase = line[group[0].start() : group[-1].end()]
        written = is_name(phrase)
        if written:
            forms = re.split(r"[ -]", written)
            if len(forms) == size:
                return size, forms
    return 1, None


def _put(chars: list[str], at: int, old: str, new: str) -> None:
    """Write ``new`` over ``old`` letter by letter where only the case differs (never the length)."""
    for k, (a, b) in enumerate(zip(old, new, strict=False)):
        if a != b and a.lower() == b.lower() and len(b) == 1:
            chars[at + k] = b


MONTHS_AND_DAYS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday",
}  # fmt: skip
#: A one-word town is written as a name only from this size (smaller ones share common words).
TOWN_POPULATION = 50_000


def name_lookup(kb, common: frozenset[str]) -> Callable[[str], str | None]:
    """``is_name`` for :func:`recase_text` from the actor knowledge base and the gazetteer:
    countries, demonyms, organisations, groups and full names of people, acronyms ("UN", "US"),
    towns of ``TOWN_POPULATION`` or more, months and weekdays. One-word ``common`` words (event
    triggers, role nouns, stop words) stay lower case."""
    from functools import lru_cache

    from dateline.gazetteer import gazetteer

    @lru_cache(maxsize=8192)
    def written(phrase: str) -> str | None:
        low = phrase.lower()
        title = "-".join(p[:1].upper() + p[1:] for p in low.split("-"))
        title = " ".join(w[:1].upper() + w[1:] for w in title.split(" "))
        single = " " not in phrase
        if single and (low in common or low.rstrip("s") in common):
            return None  # "march", "may", "police"
        if low in MONTHS_AND_DAYS:
            return title
        if single and len(phrase) <= 4 and kb.lookup(phrase.upper()) is not None:
            return phrase.upper()  # "un", "us", "nato"
        if kb.country_of(low) or kb.lookup(low) is not None:
            return title
        if single and any(
            own and (p.kind in {"country", "admin1"} or p.population >= TOWN_POPULATION)
            for p, own in gazetteer().candidates(low, aliases=False)
        ):
            return title
        return None

    return written

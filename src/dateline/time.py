"""Dates: resolve time expressions against the article date, and find the one an event belongs to.

``resolve`` tries cheap regular-expression rules first (they cover the relative expressions news
uses, and fix the cases where dateparser is wrong), then falls back to dateparser for everything
else. Every rule that overrides dateparser is listed in ``docs/dates-places-quotes.md``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from dateline.nlp import entities_in

__all__ = ["ResolvedDate", "resolve", "event_date", "time_expressions"]


@dataclass(frozen=True)
class ResolvedDate:
    """A calendar date, week, month or year, and the range of days it covers."""

    value: str  # "YYYY-MM-DD" (day, and week: its Monday) | "YYYY-MM" | "YYYY"
    precision: str  # day | week | month | year
    start: date
    end: date


# --- vocabulary -----------------------------------------------------------------------------------

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
WEEKDAYS.update({name.lower(): i for i, name in enumerate(calendar.day_abbr)})
WEEKDAYS.update({"tues": 1, "weds": 2, "thur": 3, "thurs": 3})
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS.update({"sept": 9})
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2, "a few": 3,
    "several": 3,
}  # fmt: skip
UNITS = {"day": "day", "week": "week", "month": "month", "year": "year"}

_WD = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_MO = "|".join(sorted(MONTHS, key=len, reverse=True))
_NUM = r"\d+|" + "|".join(sorted(NUMBERS, key=len, reverse=True))
_UNIT_WORDS = "day|week|month|year"
_UNIT = rf"({_UNIT_WORDS})s?"
_APPROX = r"(?:(?:about|around|some|roughly|nearly|almost|approximately|more than|less than|over|under|just|only) )?"

# Words with a date in them: anything without one of these never reaches dateparser.
_PRECHECK = re.compile(
    rf"\d|\b({_WD}|{_MO}|today|tonight|yesterday|tomorrow|ago|(?:day|week|month|year)s?|weekend|"
    r"morning|afternoon|evening|night|noon|midnight)\b"
)
_LEADING = re.compile(
    r"^(?:(?:on|in|at|during|since|by|until|till|from|for|of|the|this past|this coming|"
    r"early|earlier|late|later|mid-|mid|around|about|as of|sometime|some time|beginning of|"
    r"start of|end of|middle of)\s*)+"
)
_TRAILING = re.compile(r"(?:'s|’s|\s+(?:morning|afternoon|evening|night))+$")
_DURATION = re.compile(
    rf"^{_APPROX}(?:{_NUM})[ -](?:second|minute|hour|{_UNIT_WORDS})s?(?:-?long)?$"
)
_REJECT = re.compile(
    r"centur|decade|\d0s\b|\bage\b|\baged\b|\bera\b|[-\d]+(?:st|nd|rd|th)-|years?[- ]old"
)
# A bare number of one to three digits ("Jumah Hamdan, 53, said") is an age or a count, never a date.
_BARE_NUMBER = re.compile(r"\d{1,3}")
_TIME_ONLY = re.compile(r"^(?:\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)|noon|midnight|tonight)$")


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text.lower().replace("\u2019", "'")).strip(" .,;:!?\"'()")
    return text


# --- results --------------------------------------------------------------------------------------


def _day(d: date) -> ResolvedDate:
    return ResolvedDate(d.isoformat(), "day", d, d)


def _week(d: date, start: date | None = None, end: date | None = None) -> ResolvedDate:
    monday = d - timedelta(days=d.weekday())
    return ResolvedDate(
        monday.isoformat(), "week", start or monday, end or monday + timedelta(days=6)
    )


def _month(
    year: int, month: int, start: date | None = None, end: date | None = None
) -> ResolvedDate:
    last = calendar.monthrange(year, month)[1]
    first = date(year, month, 1)
    return ResolvedDate(
        f"{year:04d}-{month:02d}", "month", start or first, end or date(year, month, last)
    )


def _year(year: int, start: date | None = None, end: date | None = None) -> ResolvedDate:
    return ResolvedDate(f"{year:04d}", "year", start or date(year, 1, 1), end or date(year, 12, 31))


def _add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _shift(anchor: date, unit: str, n: int) -> date:
    if unit == "day":
        return anchor + timedelta(days=n)
    if unit == "week":
        return anchor + timedelta(weeks=n)
    if unit == "month":
        return _add_months(anchor, n)
    return _add_months(anchor, 12 * n)


def _at(point: date, unit: str) -> ResolvedDate:
    """The day/week/month/year containing ``point``."""
    if unit == "day":
        return _day(point)
    if unit == "week":
        return _week(point)
    if unit == "month":
        return _month(point.year, point.month)
    return _year(point.year)


def _number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBERS[word]


# --- rules: each takes the regex match, the anchor and the preference -----------------------------


def _weekday(m: re.Match, anchor: date, prefer: str) -> ResolvedDate:
    which, name = m.group(1), m.group(2)
    back = (anchor.weekday() - WEEKDAYS[name]) % 7  # 0..6 days back to the most recent one
    if which == "last":
        back = back or 7
    elif which == "next":
        return _day(anchor + timedelta(days=((WEEKDAYS[name] - anchor.weekday()) % 7) or 7))
    elif prefer == "future" and back:
        return _day(anchor + timedelta(days=7 - back))
    return _day(anchor - timedelta(days=back))


def _relative_unit(m: re.Match, anchor: date, prefer: str) -> ResolvedDate:
    which, unit = m.group(1), UNITS[m.group(2)]
    if unit == "day":  # "this day" / "last day" are not dates
        return None
    offset = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1}.get(which, 0)
    return _at(_shift(anchor, unit, offset), unit)


def _this_week_part(m: re.Match, anchor: date, prefer: str) -> ResolvedDate:
    monday = anchor - timedelta(days=anchor.weekday())
    sunday = monday + timedelta(days=6)
    if m.group(1) == "earlier":
        return _week(anchor, end=anchor)
    return _week(anchor, start=anchor, end=sunday)


def _ago(m: re.Match, anchor: date, prefer: str) -> ResolvedDate:
    return _at(_shift(anchor, UNITS[m.group(2)], -_number(m.group(1))), UNITS[m.group(2)])


def _in_future(m: re.Match, anchor: date, prefer: str) -> ResolvedDate | None:
    if prefer != "future":  # "the first visit in 20 years" is a span, not a date
        return None
    return _at(_shift(anchor, UNITS[m.group(2)], _number(m.group(1))), UNITS[m.group(2)])


def _recent(m: re.Match, anchor: date, prefer: str) -> ResolvedDate:
    unit = UNITS[m.group(1)]
    here = _at(anchor, unit)
    start = _at(_shift(anchor, unit, -3), unit).start
    return ResolvedDate(here.value, here.precision, start, anchor)


def _simple(m: re.Match, anchor: date, prefer: str) -> ResolvedDate:
    return _day(anchor + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(m.group(0), 0)))


def _bare_month(m: re.Match, anchor: date, prefer: str) -> ResolvedDate:
    month = MONTHS[m.group(1)]
    year = anchor.year
    if prefer == "future" and month < anchor.month:
        year += 1
    elif prefer != "future" and month > anchor.month:
        year -= 1
    return _month(year, month)


def _month_day(m: re.Match, anchor: date, prefer: str) -> ResolvedDate | None:
    month, day = MONTHS[m.group("mo")], int(m.group("d"))
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        if day <= calendar.monthrange(year, month)[1]:
            candidates.append(date(year, month, day))
    if prefer == "future":
        ahead = [c for c in candidates if c >= anchor]
        return _day(min(ahead)) if ahead else None
    behind = [c for c in candidates if c <= anchor]
    return _day(max(behind)) if behind else None


def _day_range(m: re.Match, anchor: date | None, prefer: str = "past") -> ResolvedDate | None:
    """'24-25 April' and 'April 24-25': the first day, with day precision, covering the span."""
    month, first, last = MONTHS[m.group("mo")], int(m.group("d1")), int(m.group("d2"))
    if last <= first:
        return None
    if m.group("y"):
        years = [int(m.group("y"))]
    elif anchor is not None:
        years = [anchor.year - 1, anchor.year, anchor.year + 1]
    else:
        return None
    starts = [date(y, month, first) for y in years if last <= calendar.monthrange(y, month)[1]]
    if not m.group("y"):
        if prefer == "future":
            starts = [d for d in starts if d >= anchor]
            starts = starts[:1]
        else:
            starts = [d for d in starts if d <= anchor][-1:]
    if not starts:
        return None
    start = starts[0]
    return ResolvedDate(start.isoformat(), "day", start, start.replace(day=last))


_RANGES = [
    re.compile(
        rf"(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|—|to)\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)? "
        rf"(?:of )?(?P<mo>{_MO})\.?(?:,? (?P<y>\d{{4}}))?"
    ),
    re.compile(
        rf"(?P<mo>{_MO})\.? (?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|—|to)\s*"
        rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:,? (?P<y>\d{{4}}))?"
    ),
]

_RULES: list[tuple[re.Pattern, object]] = [
    (re.compile(r"today|this morning|this afternoon|this evening|yesterday|tomorrow"), _simple),
    (re.compile(rf"(?:(last|next|this|previous) )?({_WD})"), _weekday),
    (re.compile(r"(earlier|later) this week"), _this_week_part),
    (
        re.compile(r"(last|this|next|previous|past|coming|current) (week|month|year)"),
        _relative_unit,
    ),
    (re.compile(rf"{_APPROX}({_NUM}) {_UNIT} (?:ago|earlier|before)"), _ago),
    (re.compile(rf"(?:in|within) {_APPROX}({_NUM}) {_UNIT}(?: time)?(?: from now)?"), _in_future),
    (
        re.compile(rf"(?:in )?(?:the )?(?:recent|(?:past|last) (?:few|several|couple of)) {_UNIT}"),
        _recent,
    ),
    (re.compile(rf"({_MO})\.?"), _bare_month),
    (re.compile(rf"(?P<mo>{_MO})\.? (?P<d>\d{{1,2}})(?:st|nd|rd|th)?"), _month_day),
    (re.compile(rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?(?P<mo>{_MO})\.?"), _month_day),
]
_ABSOLUTE: list[tuple[re.Pattern, object]] = [
    (
        re.compile(r"(\d{4})"),
        lambda m: _year(int(m.group(1))) if 1000 <= int(m.group(1)) <= 2999 else None,
    ),
    (re.compile(rf"({_MO})\.?,? (\d{{4}})"), lambda m: _month(int(m.group(2)), MONTHS[m.group(1)])),
    (re.compile(r"(\d{4})-(\d\d)"), lambda m: _month(int(m.group(1)), int(m.group(2)))),
]


# --- the public resolver --------------------------------------------------------------------------


def resolve(text: str, anchor: date | None, prefer: str = "past") -> ResolvedDate | None:
    """Resolve a time expression against ``anchor`` (the article date); None when it is not a date.

    ``prefer`` ("past" or "future") picks between the previous and the next occurrence of bare
    weekdays, months and month-days. Without an anchor only absolute dates resolve.
    """
    if isinstance(anchor, datetime):
        anchor = anchor.date()
    try:
        return _resolve(_clean(text), anchor, prefer)
    except (ValueError, OverflowError):  # "2019-14", "February 30": not a date in the calendar
        return None


@lru_cache(maxsize=16384)
def _resolve(text: str, anchor: date | None, prefer: str) -> ResolvedDate | None:
    if not text or not _PRECHECK.search(text) or _REJECT.search(text):
        return None
    if text.startswith(("earlier this", "later this")) and anchor is not None:
        for pattern, rule in _RULES:
            if m := pattern.fullmatch(text):
                return rule(m, anchor, prefer)
    stripped = _TRAILING.sub("", _LEADING.sub("", text)).strip(" ,")
    if not stripped or _BARE_NUMBER.fullmatch(stripped):
        return None
    for pattern in _RANGES:
        if m := pattern.fullmatch(stripped):
            return _day_range(m, anchor, prefer)
    for pattern, rule in _ABSOLUTE:
        if m := pattern.fullmatch(stripped):
            return rule(m)
    if anchor is not None:
        for candidate in dict.fromkeys((text, stripped)):
            for pattern, rule in _RULES:
                if m := pattern.fullmatch(candidate):
                    return rule(m, anchor, prefer)
        if _TIME_ONLY.fullmatch(stripped):
            return _day(anchor)
    if _DURATION.fullmatch(stripped):
        return None
    return _dateparser(stripped, anchor, prefer)


_PERIODS = {
    "day": "day",
    "time": "day",
    "part_of_day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
}


def _parse(text: str, base: datetime, prefer: str) -> tuple[datetime | None, str | None]:
    from dateparser.date import DateDataParser

    settings = {
        "RELATIVE_BASE": base,
        "PREFER_DATES_FROM": "future" if prefer == "future" else "past",
        "RETURN_TIME_AS_PERIOD": True,
        "PREFER_DAY_OF_MONTH": "first",
    }
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    return data.date_obj, data.period


def _dateparser(text: str, anchor: date | None, prefer: str) -> ResolvedDate | None:
    if anchor is None:  # absolute only: the answer must not depend on the base date
        first, period = _parse(text, datetime(2001, 6, 15, 12), prefer)
        second, _ = _parse(text, datetime(2011, 3, 10, 12), prefer)
        if first is None or first.date() != (second.date() if second else None):
            return None
        point = first.date()
    else:
        found, period = _parse(text, datetime.combine(anchor, datetime.max.time()), prefer)
        if found is None:
            return None
        point = found.date()
    return _at(point, _PERIODS.get(period or "day", "day"))


# --- the time of an event -------------------------------------------------------------------------

_CLAUSE_DEPS = {
    "ccomp",
    "advcl",
    "relcl",
    "xcomp",
    "acl",
    "csubj",
    "csubjpass",
    "parataxis",
    "conj",
}
_VERBAL = {"VERB", "AUX"}
_FUTURE_MARKERS = {"will", "'ll", "shall"}
_FUTURE_LEMMAS = {"expect", "plan", "schedule", "intend", "hope", "set", "due"}
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
_BARE_WORDS = re.compile(rf"^(?:{_WD}|today|tonight|yesterday|tomorrow)$")


_EXPRESSIONS_KEY = "dateline.time_expressions"


def time_expressions(
    sent: SpacySpan, anchor: date | None, prefer: str = "past"
) -> list[tuple[SpacySpan, ResolvedDate]]:
    """Every DATE/TIME entity and bare weekday/today word of a sentence that resolves to a date
    (kept per sentence in ``doc.user_data``: the event coder asks once per trigger word)."""
    memo = sent.doc.user_data.setdefault(_EXPRESSIONS_KEY, {})
    key = (sent.start, sent.end, anchor, prefer)
    found = memo.get(key)
    if found is None:
        found = memo[key] = _time_expressions(sent, anchor, prefer)
    return list(found)


def _time_expressions(
    sent: SpacySpan, anchor: date | None, prefer: str
) -> list[tuple[SpacySpan, ResolvedDate]]:
    found: list[tuple[SpacySpan, ResolvedDate]] = []
    covered: set[int] = set()
    for ent in entities_in(sent):
        if ent.label_ not in ("DATE", "TIME"):
            continue
        covered.update(range(ent.start, ent.end))
        text = ent.text
        before = ent.doc[ent.start - 1] if ent.start > 0 else None
        if before is not None and before.lower_ in ("in", "within"):
            text = f"{before.lower_} {text}"  # "in [about two weeks]": NER leaves the "in" out
        resolved = resolve(text, anchor, prefer)
        if resolved is not None:
            found.append((ent, resolved))
    doc = sent.doc
    for token in sent:
        if token.i not in covered and _BARE_WORDS.match(token.lower_):
            resolved = resolve(token.text, anchor, prefer)
            if resolved is not None:
                found.append((doc[token.i : token.i + 1], resolved))
    found.sort(key=lambda pair: pair[0].start)
    return found


def _clause_head(token: Token) -> Token:
    """The verb whose clause ``token`` belongs to (itself when it is a verb)."""
    while token.pos_ not in _VERBAL and token.head.i != token.i:
        token = token.head
    return token


def _clause_tokens(head: Token) -> set[int]:
    """Token indices of ``head``'s clause, leaving out subordinate clauses of other verbs."""
    keep: set[int] = set()
    stack = [head]
    while stack:
        tok = stack.pop()
        keep.add(tok.i)
        for child in tok.children:
            if child.dep_ in _CLAUSE_DEPS and (
                child.pos_ in _VERBAL
                or any(g.dep_ in ("nsubj", "nsubjpass", "aux", "mark") for g in child.children)
            ):
                continue
            stack.append(child)
    return keep


def _is_future(head: Token) -> bool:
    for child in head.children:
        if child.dep_ in ("aux", "auxpass") and child.lower_ in _FUTURE_MARKERS:
            return True
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)
    perfect = any(c.dep_ == "aux" and c.lower_ == "have" for c in head.children)
    if infinitive and not perfect and head.dep_ in ("xcomp", "acl", "advcl"):
        return True  # "accepted an invitation to attend ...", "expected to visit ..."
    cur = head
    while cur.dep_ == "xcomp" and cur.head.i != cur.i:
        cur = cur.head
        if cur.lemma_ in _FUTURE_LEMMAS or _is_future(cur):
            return True
    return False


def event_date(trigger: Token | SpacySpan, anchor: date | None) -> ResolvedDate | None:
    """The date of the clause an event trigger belongs to, or None when that clause has none.

    Looks at the trigger's own phrase, then its clause (the verb; for a noun trigger, its governing
    verb) without the subordinate clauses of other verbs, then up through ``xcomp`` chains
    ("agreed Saturday to cooperate").
    """
    if isinstance(trigger, SpacySpan):
        trigger = trigger.root
    sent = trigger.sent
    head = _clause_head(trigger)
    prefer = "future" if _is_future(head) else "past"
    expressions = time_expressions(sent, anchor, prefer)
    if not expressions:
        return None
    scopes: list[tuple[Token, set[int]]] = []
    if trigger.pos_ not in _VERBAL:
        scopes.append((trigger, _clause_tokens(trigger)))
    cur = head
    while True:
        scopes.append((cur, _clause_tokens(cur)))
        if cur.dep_ != "xcomp" or cur.head.i == cur.i:
            break
        cur = cur.head
    if _is_participle_clause(cur):  # "shelled the town on Tuesday, killing four": Tuesday
        scopes.append((cur.head, _clause_tokens(cur.head)))
    for root, tokens in scopes:
        inside = [
            (span, rd)
            for span, rd in expressions
            if (span.root.i in tokens or span.start in tokens)
            and not _anchored_elsewhere(span, root, trigger)
        ]
        if inside:
            return min(inside, key=lambda pair: _rank(pair, root))[1]
    return None


def _is_participle_clause(verb: Token) -> bool:
    """A participle clause hanging from a main verb, without its own subject or subordinator
    ("..., killing four people"; not "after killing ..." nor "..., police said")."""
    return (
        verb.dep_ in ("advcl", "conj")
        and verb.tag_ in ("VBG", "VBN")
        and verb.head.i != verb.i
        and verb.head.pos_ in _VERBAL
        and not any(c.dep_ in ("mark", "nsubj", "nsubjpass", "aux") for c in verb.children)
        and verb.i > verb.head.i
    )


_REFERENCE_PREPS = {"since", "before", "after", "until", "till", "following", "prior"}


def _anchored_elsewhere(span: SpacySpan, root: Token, trigger: Token) -> bool:
    """True for a date that dates another event noun: "since [his inauguration on January 20]"."""
    tok, via_noun, via_reference = span.root, False, False
    while tok.i != root.i and tok.head.i != tok.i:
        tok = tok.head
        if tok.i == root.i:
            break
        if (
            tok.pos_ in ("NOUN", "PROPN")
            and tok.ent_type_ not in ("DATE", "TIME")
            and tok.i != trigger.i
        ):
            via_noun = True
        if tok.dep_ == "prep" and tok.lower_ in _REFERENCE_PREPS and via_noun:
            via_reference = True
    return via_reference


def _rank(pair: tuple[SpacySpan, ResolvedDate], root: Token) -> tuple[int, int, int]:
    span, resolved = pair
    depth, tok = 0, span.root
    while tok.i != root.i and tok.head.i != tok.i and depth < 50:
        tok, depth = tok.head, depth + 1
    return depth, _PRECISION_RANK[resolved.precision], abs(span.start - root.i)

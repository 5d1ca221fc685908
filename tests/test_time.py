"""Dates: resolve() against calendar arithmetic, and event_date() on hand-written sentences."""

from __future__ import annotations

import calendar
import time
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.time import ResolvedDate, event_date, resolve, time_expressions

ANCHORS = st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31))
WEEKDAY_NAMES = list(calendar.day_name)
SAT = date(2017, 1, 28)  # a Saturday


@settings(max_examples=200, deadline=None)
@given(anchor=ANCHORS, name=st.sampled_from(WEEKDAY_NAMES))
def test_weekday_is_most_recent_on_or_before_anchor(anchor, name):
    got = resolve(name, anchor)
    day = date.fromisoformat(got.value)
    assert got.precision == "day"
    assert 0 <= (anchor - day).days <= 6
    assert calendar.day_name[day.weekday()] == name


@settings(max_examples=100, deadline=None)
@given(anchor=ANCHORS, name=st.sampled_from(WEEKDAY_NAMES))
def test_weekday_future_is_next_on_or_after_anchor(anchor, name):
    day = date.fromisoformat(resolve(name, anchor, prefer="future").value)
    assert 0 <= (day - anchor).days <= 6
    assert calendar.day_name[day.weekday()] == name


@settings(max_examples=100, deadline=None)
@given(anchor=ANCHORS)
def test_yesterday_today_tomorrow(anchor):
    assert resolve("yesterday", anchor).value == (anchor - timedelta(days=1)).isoformat()
    assert resolve("today", anchor).value == anchor.isoformat()
    assert resolve("tomorrow", anchor).start == anchor + timedelta(days=1)


@settings(max_examples=100, deadline=None)
@given(anchor=ANCHORS, n=st.integers(min_value=1, max_value=30))
def test_n_days_ago(anchor, n):
    got = resolve(f"{n} days ago", anchor)
    assert got == ResolvedDate((anchor - timedelta(days=n)).isoformat(), "day", got.start, got.end)
    assert got.start == got.end == anchor - timedelta(days=n)


@settings(max_examples=100, deadline=None)
@given(anchor=st.one_of(st.none(), ANCHORS), year=st.integers(min_value=1900, max_value=2100))
def test_in_year(anchor, year):
    got = resolve(f"in {year}", anchor)
    assert (got.value, got.precision) == (str(year), "year")
    assert (got.start, got.end) == (date(year, 1, 1), date(year, 12, 31))


@settings(max_examples=100, deadline=None)
@given(anchor=ANCHORS, month=st.integers(min_value=1, max_value=12))
def test_bare_month_is_most_recent(anchor, month):
    got = resolve(f"during {calendar.month_name[month]}", anchor)
    year = anchor.year if month <= anchor.month else anchor.year - 1
    assert (got.value, got.precision) == (f"{year:04d}-{month:02d}", "month")
    future = resolve(calendar.month_name[month], anchor, prefer="future")
    assert (
        future.value
        == f"{anchor.year if month >= anchor.month else anchor.year + 1:04d}-{month:02d}"
    )


@settings(max_examples=100, deadline=None)
@given(anchor=ANCHORS)
def test_weeks_start_on_monday(anchor):
    for text in ("last week", "this week", "next week", "earlier this week", "in two weeks"):
        got = resolve(text, anchor, prefer="future" if text.startswith("in ") else "past")
        assert got.precision == "week"
        assert date.fromisoformat(got.value).weekday() == 0
        assert got.start <= got.end
    assert resolve("earlier this week", anchor).end == anchor
    assert resolve("last week", anchor).end < anchor - timedelta(days=anchor.weekday())


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("Saturday", "2017-01-28", "day"),  # dateparser says 2017-01-21
        ("Friday", "2017-01-27", "day"),
        ("Friday night", "2017-01-27", "day"),
        ("Saturday's", "2017-01-28", "day"),
        ("last Saturday", "2017-01-21", "day"),
        ("next Tuesday", "2017-01-31", "day"),
        ("earlier this week", "2017-01-23", "week"),  # dateparser: None
        ("this month", "2017-01", "month"),
        ("last month", "2016-12", "month"),
        ("in recent months", "2017-01", "month"),
        ("late last year", "2016", "year"),
        ("January 20", "2017-01-20", "day"),
        ("on Jan. 20", "2017-01-20", "day"),
        ("January 20, 2017", "2017-01-20", "day"),
        ("20 January 2017", "2017-01-20", "day"),
        ("2017-01-20", "2017-01-20", "day"),
        ("March 2016", "2016-03", "month"),
        ("noon", "2017-01-28", "day"),  # dateparser: the day before
        ("mid-2015", "2015", "year"),
    ],
)
def test_resolve_examples(text, value, precision):
    got = resolve(text, SAT)
    assert (got.value, got.precision) == (value, precision)


def test_in_n_units_is_a_date_ahead_only_in_a_future_clause():
    got = resolve("in about two weeks", SAT, prefer="future")
    assert (got.value, got.precision) == ("2017-02-06", "week")
    assert resolve("in about two weeks", SAT) is None  # "the second raid in two weeks": a span


@pytest.mark.parametrize(
    "text",
    ["four months", "25-minute", "the 1990s", "21st-century", "the day before", "first time", ""],
)
def test_not_dates(text):
    assert resolve(text, SAT) is None


def test_recent_months_range():
    got = resolve("recent months", SAT)
    assert (got.start, got.end) == (date(2016, 10, 1), SAT)


def test_without_anchor_only_absolute_dates():
    assert resolve("January 20, 2017", None).value == "2017-01-20"
    assert resolve("2015", None).value == "2015"
    for text in ("Friday", "yesterday", "last week", "January 20", "two days ago", "July"):
        assert resolve(text, None) is None, text


def test_resolve_is_fast():
    started = time.perf_counter()
    for i in range(2000):
        resolve(
            ["Saturday", "last week", "in recent months", "January 20"][i % 4],
            SAT - timedelta(days=i),
        )
    assert time.perf_counter() - started < 5


def _token(doc, word, nth=0):
    return [t for t in doc if t.text == word][nth]


def test_event_date_skips_relative_clause(nlp):
    doc = nlp(
        "Ms. Okafor, who is expected to travel to Lagos in about two weeks, said Wednesday "
        "that she would meet the governor."
    )
    assert event_date(_token(doc, "said"), SAT).value == "2017-01-25"
    travel = event_date(_token(doc, "travel"), SAT)
    assert (travel.value, travel.precision) == ("2017-02-06", "week")
    assert event_date(_token(doc, "meet"), SAT) is None


def test_event_date_skips_parenthetical_ccomp(nlp):
    doc = nlp(
        "The minister had announced Friday, at a briefing with reporters in Oslo, that it was "
        "too soon to lift the tariffs."
    )
    assert event_date(_token(doc, "announced"), SAT).value == "2017-01-27"


def test_event_date_noun_trigger_uses_governing_verb(nlp):
    doc = nlp("The two leaders held talks by telephone on Tuesday.")
    assert event_date(_token(doc, "talks"), SAT).value == "2017-01-24"


def test_event_date_future_clause_prefers_future(nlp):
    doc = nlp("The president accepted an invitation to attend a summit during July in Berlin.")
    assert event_date(_token(doc, "attend"), SAT).value == "2017-07"


def test_event_date_ignores_dates_of_other_events(nlp):
    doc = nlp("The two ministers were meeting for the first time since the election on November 8.")
    assert event_date(_token(doc, "meeting"), SAT) is None
    assert event_date(_token(doc, "election"), SAT).value == "2016-11-08"


def test_time_expressions_lists_resolvable_ones(nlp):
    doc = nlp("The talks, which began Monday, ended today after a 25-minute call.")
    found = [(span.text, rd.value) for span, rd in time_expressions(doc[:], SAT)]
    assert ("Monday", "2017-01-23") in found
    assert ("today", "2017-01-28") in found
    assert all(text != "25-minute" for text, _ in found)


def test_impossible_calendar_dates_are_not_dates():
    from datetime import date as _date

    from dateline.time import resolve as _resolve

    assert _resolve("2019-14", _date(2019, 2, 1)) is None
    assert _resolve("February 30, 2019", _date(2019, 3, 1)) is None

"""Dates that make sense: ages are not years, spans are not dates, day ranges give their first
day, nothing that happened is dated after publication unless the text says so, and a
participle clause takes its main clause's date. Every sentence here is our own."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.events.dating import AFTER_PUBLICATION, DROPPED, check_dates
from dateline.model import Event, Span
from dateline.time import resolve

ANCHOR = date(2024, 3, 15)


@pytest.mark.parametrize("text", ["53", "61", "aged 47", "a 38-year-old", "7"])
def test_ages_and_bare_numbers_are_not_dates(text):
    assert resolve(text, ANCHOR) is None


def test_in_n_years_is_a_span_in_the_past_and_a_date_only_in_the_future():
    assert resolve("in 20 years", ANCHOR, prefer="past") is None
    assert resolve("in two years", ANCHOR, prefer="future").value == "2026"


@pytest.mark.parametrize(
    ("text", "value", "end"),
    [
        ("24-25 April", "2023-04-24", date(2023, 4, 25)),  # April 2024 is after the anchor
        ("12-13 March", "2024-03-12", date(2024, 3, 13)),
        ("March 12-13", "2024-03-12", date(2024, 3, 13)),
        ("3–5 June 2019", "2019-06-03", date(2019, 6, 5)),
        ("June 3 to 5, 2019", "2019-06-03", date(2019, 6, 5)),
    ],
)
def test_day_ranges_give_their_first_day_and_span(text, value, end):
    found = resolve(text, ANCHOR)
    assert (found.value, found.precision, found.end) == (value, "day", end)


def _event(value, precision="day", modality="asserted", sentence="They met on Friday."):
    return Event(event="CONSULT", sentence=0, trigger=Span("met", 5, 8), date=value,
                 date_precision=precision, modality=modality, sentence_text=sentence)  # fmt: skip


def test_happened_events_after_publication_move_back_or_are_flagged():
    friday = _event("2024-03-22")  # a weekday read forwards: a week earlier
    august = _event("2024-08", "month", sentence="They met in late August.")
    written = _event("2025-05-03", sentence="They met on 3 May 2025.")
    planned = _event("2024-04-02", modality="future")
    far = _event("2031-01-05")
    check_dates([friday, august, written, planned, far], ANCHOR)
    assert friday.date == "2024-03-15" and friday.date_note is None
    assert august.date == "2023-08"
    assert written.date == "2025-05-03" and written.date_note == AFTER_PUBLICATION
    assert planned.date == "2024-04-02"  # a plan may lie ahead
    assert far.date is None and far.date_note == DROPPED


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        # an age after a name and a comma
        ("Kenyan police arrested farmer Omar Said Tannous, 47, in Nairobi.", "arrested",
         "2024-03-15"),
        # a perfect infinitive is past, so a bare month is the last one
        ("The rebel commander is believed to have surrendered to Nigerian troops in late August.",
         "surrendered", "2023-08"),
        # a participle clause takes its main clause's date (one that goes on telling an act of
        # force is that act, not coded apart: events/extract/clauses.py, drop_elaborations)
        ("The foreign minister spoke to reporters on Tuesday, accusing Russia of lying.",
         "accusing", "2024-03-12"),
        ("Egyptian and Sudanese ministers met in Cairo on March 12-13.", "met", "2024-03-12"),
    ],
)  # fmt: skip
def test_coded_dates(pipeline, sentence, trigger, expected):
    result = pipeline.code_text(sentence, date="2024-03-15")
    dated = {e.trigger.text: e.date for e in result.events}
    assert dated[trigger] == expected


@pytest.mark.slow
def test_an_explicit_date_after_publication_is_kept_and_flagged(pipeline):
    result = pipeline.code_text("Syrian troops shelled Idlib on 3 May 2025, officials said.",
                                date="2024-03-15")  # fmt: skip
    [event] = [e for e in result.events if e.trigger.text == "shelled"]
    assert event.date == "2025-05-03" and event.date_note == AFTER_PUBLICATION
    assert result.to_dict()["events"][0]["date_note"] == AFTER_PUBLICATION

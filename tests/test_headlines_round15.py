"""Round 15: headline language. Headlines set in title case with their prepositions in lower
case are re-cased like any other headline, so spaCy finds their verb."""

from __future__ import annotations

import pytest

from dateline.recase import headline_case, recase_text


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Police Threaten Striking Dockers with Arrest", True),
        ("Army Pulls Troops out of Border Town after Talks with Rebels", True),
        ("Minister Resigns over Bribery Claims", True),
        ("Ruling Party Expels Deputies from Parliament", True),
        # running text: a short word ("met", "won") or a long one in lower case
        ("Merkel met with Macron in Paris", False),
        ("Harris won with Democratic Votes from Ohio", False),
        ("The minister resigned over bribery claims", False),
        ("Talks with Rebels", False),  # too short to tell
    ],
)
def test_title_case_with_lower_case_prepositions(line, expected):
    assert headline_case(line) is expected


def test_lower_case_prepositions_stay_lower_case():
    text = "Police Threaten Striking Dockers with Arrest\nThe union said so."
    out = recase_text(text, lambda phrase: None)
    assert out == "Police threaten striking dockers with arrest\nThe union said so."


@pytest.mark.slow
@pytest.mark.parametrize(
    ("headline", "event"),
    [
        ("Police Threaten Dockers with Arrest", "THREATEN"),
        ("Kenya Downgrades Diplomatic Ties with Uganda amid Border Row", "SANCTION"),
    ],
)
def test_title_case_headline_is_coded(pipeline, headline, event):
    text = headline + ".\n\nOfficials spoke on Monday."
    events = [e for e in pipeline.code_text(text).events if e.sentence == 0]
    assert event in {e.event for e in events}

"""Round 12, last recall (issue 13): the backers of an attack fought too.

An act of force whose attackers are said to be backed in it ("government forces, backed by
Russian jets, shelled the town", "Backed by Russian air power, the army took the town",
"attacked ... with American air support")
is one record per acting side (the coding guide), so the backer is coded as a source too; a
backer of the side attacked is not ("rebels backed by Turkey were shelled"):
events/extract/coder.py, ``_backers``.

Sentences of our own, never from the evaluation sets.
"""

from __future__ import annotations

import pytest

from coded import happened

pytestmark = pytest.mark.slow


def attackers(pipeline, text: str) -> set:
    return {e.source.country for e in happened(pipeline, text, "ASSAULT") if e.source}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Syrian government forces, backed by Russian jets, shelled the rebel-held town of "
            "Idlib on Monday.",
            {"SYR", "RUS"},
        ),
        (
            "Backed by Russian air power, Syrian government forces captured the town from the "
            "rebels.",
            {"SYR", "RUS"},
        ),
        (
            "Iraqi troops attacked Islamic State fighters in Mosul with American air support.",
            {"IRQ", "USA"},
        ),
    ],
)
def test_backer_of_the_attackers_is_an_attacker(coder, text, expected):
    assert attackers(coder, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Iraqi troops attacked Islamic State fighters in Mosul.",
        "Rebels backed by Turkey were shelled by the Syrian army.",
    ],
)
def test_no_backer_no_second_attacker(coder, text):
    found = attackers(coder, text)
    assert "TUR" not in found and "USA" not in found and len(found) == 1, found

"""A person the text calls a member of an armed group acts for the group (coding guide: "the
state or affiliation"), unless the text only asks or denies it (actors/resolve/fighters.py); a role owned by a pronoun
("its citizens") is the owner's (actors/resolve/possessed.py). Sentences of our own."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.model import Article


def _target(pipeline, text, kind: str | tuple[str, ...]):
    kinds = (kind,) if isinstance(kind, str) else kind
    events = pipeline.code(Article(id="t", text=text, published=date(2019, 3, 1))).events
    found = [e.target for e in events if e.event in kinds and e.target is not None]
    assert found, events
    return found[0].country, found[0].sector


@pytest.mark.slow
def test_members_of_an_armed_group_named_in_a_copular_clause(pipeline):
    text = (
        "The fighters, Alan Roe and Sam Vale, are the remaining members of the Isis cell in "
        "Syria. Roe was captured by Kurdish forces in January."
    )
    assert _target(pipeline, text, "ASSAULT") == ("SYR", "REB")


@pytest.mark.slow
def test_a_commander_of_a_group_is_the_group_s(pipeline):
    text = "Alan Roe was a commander of al-Shabaab. Kenyan troops killed Roe in an airstrike."
    assert _target(pipeline, text, "ASSAULT") == ("SOM", "REB")


@pytest.mark.slow
def test_asked_whether_someone_is_a_member_is_no_tie(pipeline):
    text = (
        "Alan Roe, a pharmacist from Leeds, was detained by Kurdish forces in Syria. "
        "Asked if he is a member of Isis, Roe said he had worked in hospitals."
    )
    # detained by armed forces: a capture (ASSAULT/abduct) or an arrest (COERCE) by the guide;
    # either way the one taken is no fighter on the strength of a question
    country, sector = _target(pipeline, text, ("COERCE", "ASSAULT"))
    assert sector != "REB"


@pytest.mark.slow
def test_a_role_owned_by_a_pronoun_takes_the_owner_s_country(pipeline):
    text = (
        "Rebels shelled Idlib and Aleppo in Syria on Monday. "
        "The British government urged its citizens to leave the country."
    )
    assert _target(pipeline, text, "REQUEST")[0] == "GBR"


@pytest.mark.slow
def test_enemies_owned_by_a_pronoun_are_not_the_owner_s(pipeline):
    text = "Kenyan troops entered Somalia in 2011. The Kenyan army said its enemies had fled."
    events = pipeline.code(Article(id="t", text=text, published=date(2019, 3, 1))).events
    assert not [e for e in events if e.target is not None and e.target.text == "its enemies"
                and e.target.country == "KEN"]  # fmt: skip

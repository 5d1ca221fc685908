"""Round 16, typing (issue 13): acts the coder gave another PLOVER type than the manual does.

- A boycott announced, declared or staged by its boycotters is a PROTEST (mode boycott: "the
  withdrawal of commercial or social relations"); one a state imposes on another's goods stays a
  SANCTION (lexicon protest-announce-boycott, sanction-impose-boycott).
- A concession won is one made to the winner: "the unions won concessions from the government"
  is the government's CONCEDE toward the unions (``winning_verbs`` with ``won_nouns``); a
  concession held as a licence is no act.
- Agreeing to a withdrawal promises it: a CONCEDE (the coding guide: an announced or promised
  withdrawal is a CONCEDE), as agreeing to a ceasefire is.
- Withdrawing oneself or one's non-military resources (aid, observers, diplomats) from a country
  is a SANCTION (withdraw), a military retreat a RETREAT: aid agencies and rights groups pulling
  out, envoys withdrawn (``coder.civilian_withdrawal``, lexicon sanction-withdraw-envoys).
- Raising the possibility or the prospect of a hostile act threatens it (PLOVER THREATEN, mode
  relations: "threaten to suspend ... ongoing talks"; lexicon threaten-raise-prospect); the
  prospect of talks threatens nothing.
- Cancelling or shuttering a project backs down from it, as shelving it does (CONCEDE, lexicon
  concede-abandon); closing an office or a crossing is no concession.
- Peacekeepers who arrived in a country were let in: besides the sender's AID, the host's
  RETREAT (access: PLOVER "allowing the entry of ... peacekeepers"; ``coder.admitted``); an
  arrival only planned is neither.
- Improving or expanding diplomatic cooperation is SUPPORT (PLOVER: "improve, or expand
  diplomatic, non-material cooperation"; lexicon support-improve-cooperation); military,
  security or economic cooperation is material, no SUPPORT.
- Expressing respect, admiration or gratitude commends (PLOVER SUPPORT; lexicon
  support-express-regard); "in this respect ... expressed concern" stays an ACCUSE.
- A vow that a hostile act will not happen threatens nothing ("pledged not to expel the
  refugees": ``triggers._complement_holds`` leaves out a negated complement); "vowed not to
  allow them to hold the border" stays a threat.

Sentences of our own, never from the evaluation sets.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

DATE = "2021-05-10"


def _events(pipeline, text: str):
    return [e for e in pipeline.code_text(text, date=DATE).events if not e.negated]


def _types(pipeline, text: str) -> list[str]:
    return sorted(e.event for e in _events(pipeline, text))


@pytest.mark.parametrize(
    "text",
    [
        "Ghanaian opposition parties announced a boycott of the election.",
        "Kenya and Chile declared a boycott of the Oslo summit on Monday.",
    ],
)
def test_an_announced_boycott_is_a_protest(pipeline, text):
    events = _events(pipeline, text)
    types = sorted(e.event for e in events)
    assert "PROTEST" in types and "SANCTION" not in types, types
    assert all(e.mode == "boycott" for e in events if e.event == "PROTEST")


def test_a_boycott_imposed_on_goods_stays_a_sanction(pipeline):
    types = _types(pipeline, "Egypt imposed a boycott on Qatari goods in June.")
    assert "SANCTION" in types and "PROTEST" not in types, types


@pytest.mark.parametrize(
    "text",
    [
        "Peruvian miners won concessions from the Bolivian government.",
        "The Zambian unions extracted major concessions from the Malawian government.",
    ],
)
def test_a_concession_won_is_made_by_whom_it_was_won_from(pipeline, text):
    events = [e for e in _events(pipeline, text) if e.event == "CONCEDE"]
    assert events, _types(pipeline, text)
    assert events[0].source is not None and events[0].source.country in {"BOL", "MWI"}
    assert events[0].target is None or events[0].target.country not in {"BOL", "MWI"}


def test_a_concession_won_in_talks_is_made_by_the_other_side(pipeline):
    events = _events(
        pipeline, "Kenyan reformers gained important concessions in talks with Uganda."
    )
    conceded = [e for e in events if e.event == "CONCEDE"]
    assert conceded and conceded[0].source is not None and conceded[0].source.country == "UGA"


def test_a_concession_held_as_a_licence_is_no_act(pipeline):
    types = _types(pipeline, "The Chinese firm holds mining concessions in Guinea.")
    assert "CONCEDE" not in types, types


@pytest.mark.parametrize(
    "text",
    [
        "The Yemeni parties agreed to a withdrawal of forces from the port.",
        "Armenia consented to a pullout of its troops from the district.",
    ],
)
def test_agreeing_to_a_withdrawal_concedes(pipeline, text):
    types = _types(pipeline, text)
    assert "CONCEDE" in types and "AGREE" not in types, types


@pytest.mark.parametrize(
    "text",
    [
        "Amnesty International withdrew its staff from Yemen.",
        "The human rights group withdrew from Afghanistan amid security concerns.",
        "Sweden withdrew its ambassador from Ethiopia on Monday.",
    ],
)
def test_a_withdrawal_of_unarmed_resources_is_a_sanction(pipeline, text):
    events = _events(pipeline, text)
    types = sorted(e.event for e in events)
    assert "SANCTION" in types and "RETREAT" not in types, types
    assert all(e.mode == "withdraw" for e in events if e.event == "SANCTION")


@pytest.mark.parametrize(
    "text",
    [
        "Russia withdrew its troops from Syria on Monday.",
        "The rebel group withdrew from the town after the fighting.",
    ],
)
def test_a_military_withdrawal_stays_a_retreat(pipeline, text):
    types = _types(pipeline, text)
    assert "RETREAT" in types and "SANCTION" not in types, types


@pytest.mark.parametrize(
    "text",
    [
        "Morocco raised the possibility of suspending talks with Algeria.",
        "The Kenyan minister raised the prospect of sanctions against Uganda.",
    ],
)
def test_raising_the_prospect_of_a_hostile_act_threatens(pipeline, text):
    types = _types(pipeline, text)
    assert "THREATEN" in types, types


def test_a_headline_raising_the_prospect_of_suspended_talks_threatens(pipeline):
    # the parser hangs "Suspending" on "Talks" as a modifier (triggers._hostile_modifier)
    from dateline.model import Article

    article = Article(
        id="t", title="Ghana Raises Potential of Suspending Talks with Togo", text="."
    )
    types = [e.event for e in pipeline.code(article).events if not e.negated]
    assert "THREATEN" in types, types


@pytest.mark.parametrize(
    "text",
    [
        "Kenya raised the possibility of talks with Somalia.",
        "The report raised the possibility of a deal with Iran.",
    ],
)
def test_raising_the_prospect_of_talks_threatens_nothing(pipeline, text):
    types = _types(pipeline, text)
    assert "THREATEN" not in types, types


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan government cancelled the controversial dam project after protests.",
        "The Norwegian ministry will shutter the disputed mining project.",
    ],
)
def test_cancelling_a_project_concedes(pipeline, text):
    types = _types(pipeline, text)
    assert "CONCEDE" in types, types


def test_closing_a_campaign_office_concedes_nothing(pipeline):
    types = _types(pipeline, "The Iraqi government closed the campaign office of the party.")
    assert "CONCEDE" not in types, types


def test_peacekeepers_arrived_were_let_in_by_the_host(pipeline):
    events = _events(pipeline, "Kenyan peacekeepers arrived in Haiti on Tuesday.")
    aid = [e for e in events if e.event == "AID"]
    retreat = [e for e in events if e.event == "RETREAT"]
    assert aid and aid[0].source.country == "KEN"
    assert len(retreat) == 1 and retreat[0].mode == "access"
    assert retreat[0].source.country == "HTI" and retreat[0].target.country == "KEN"


def test_peacekeepers_due_to_arrive_are_not_let_in_yet(pipeline):
    types = _types(pipeline, "Ghanaian peacekeepers will arrive in Mali next week.")
    assert "RETREAT" not in types, types


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan government pledged not to expel the Somali refugees.",
        "The Ugandan government vowed not to attack the rebel-held villages.",
    ],
)
def test_a_vow_that_a_hostile_act_will_not_happen_threatens_nothing(pipeline, text):
    types = _types(pipeline, text)
    assert "THREATEN" not in types, types


def test_a_vow_not_to_allow_someone_stays_a_threat(pipeline):
    text = "The Turkish president vowed not to allow Kurdish groups to hold the border."
    types = _types(pipeline, text)
    assert "THREATEN" in types and "CONCEDE" not in types, types


@pytest.mark.parametrize(
    "text",
    [
        "Chile and Peru improved their diplomatic cooperation on Monday.",
        "Ghana and Togo expanded their partnership in the region.",
    ],
)
def test_improving_diplomatic_cooperation_is_support(pipeline, text):
    types = _types(pipeline, text)
    assert "SUPPORT" in types, types


@pytest.mark.parametrize(
    "text",
    [
        "Chile and Peru expanded their military cooperation on Monday.",
        "Kenya and Uganda strengthened security cooperation.",
    ],
)
def test_improving_material_cooperation_is_no_support(pipeline, text):
    types = _types(pipeline, text)
    assert "SUPPORT" not in types, types


@pytest.mark.parametrize(
    "text",
    [
        "Ghana and Togo expressed their respect for each other.",
        "The Kenyan president voiced his gratitude to Uganda.",
    ],
)
def test_expressed_regard_is_support(pipeline, text):
    types = _types(pipeline, text)
    assert "SUPPORT" in types, types


def test_expressed_concern_in_some_respect_stays_an_accusation(pipeline):
    types = _types(pipeline, "In this respect, Kenya expressed concern about Uganda.")
    assert "ACCUSE" in types and "SUPPORT" not in types, types


def test_admiration_for_nobody_named_is_no_commendation(pipeline):
    types = _types(pipeline, "Instead the senator expresses admiration for strongmen.")
    assert "SUPPORT" not in types, types

"""Round 12, clause rules: an act told in a background clause with its own actor is coded beside
the main clause's event, even where the model is not sure of it (the coding guide codes
background history as asserted): a finite past verb with its own named subject ("when
al-Shabaab attacked a resort"), a passive participle with a named agent ("talks brokered by
Norway"). A subject that names nobody ("which attacked", "the guerrillas"), an agent that is no
actor and ground held ("occupied by") do not make one. Sentences of our own;
the model is off (``lexicon_only``), so the model's sure-background rule plays no part."""

from __future__ import annotations

import pytest

from coded import happened

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "main", "background"),
    [
        (
            "The Colombian army attacked a rebel camp in Cauca after the FARC ambushed a"
            " police patrol.",
            ("ASSAULT", "attacked"),
            ("ASSAULT", "ambushed"),
        ),
        (
            "Kenya closed its border with Somalia in 2011, when al-Shabaab attacked a tourist"
            " resort near Lamu.",
            ("SANCTION", "closed"),
            ("ASSAULT", "attacked"),
        ),
        (
            "The talks, brokered by Norway, collapsed and the army shelled the rebel villages.",
            ("ASSAULT", "shelled"),
            ("CONSULT", "brokered"),
        ),
    ],
)
def test_an_act_with_its_own_actor_in_a_background_clause_is_coded(
    lexicon_only, text, main, background
):
    for event, word in (main, background):
        words = {e.trigger.text for e in happened(lexicon_only, text, event)}
        assert word in words, (event, word, words)


@pytest.mark.parametrize(
    ("text", "main", "background"),
    [
        # a relative clause whose subject is its relative word: who the noun is
        (
            "Sudan expelled the envoy of Chad, which attacked the rebels in Darfur.",
            ("SANCTION", "expelled"),
            ("ASSAULT", "attacked"),
        ),
        # a subject that names nobody
        (
            "The Colombian army attacked a rebel camp in Cauca after the guerrillas ambushed"
            " a police patrol.",
            ("ASSAULT", "attacked"),
            ("ASSAULT", "ambushed"),
        ),
        # ground held, not taken
        (
            "The army shelled the villages occupied by the Lord's Resistance Army.",
            ("ASSAULT", "shelled"),
            ("ASSAULT", "occupied"),
        ),
        # a passive participle whose agent is no actor
        (
            "Rebel fighters, hemmed in by heavy shelling, attacked a government convoy near Goma.",
            ("ASSAULT", "attacked"),
            ("COERCE", "hemmed"),
        ),
    ],
)
def test_a_background_clause_without_its_own_named_actor_stays_background(
    lexicon_only, text, main, background
):
    event, word = main
    assert word in {e.trigger.text for e in happened(lexicon_only, text, event)}
    event, word = background
    assert word not in {e.trigger.text for e in happened(lexicon_only, text, event)}


def _kept_after_absorption(pipeline, text: str) -> tuple[set[str], set[str]]:
    """The words of the sentence's lexicon candidates, and those that drop_absorbed keeps."""
    from dateline.events.extract.clauses import drop_absorbed
    from dateline.events.extract.triggers import find_candidates

    doc = pipeline.nlp(text)
    cands = find_candidates(next(iter(doc.sents)), pipeline.lexicon)
    return {c.token.text for c in cands}, {c.token.text for c in drop_absorbed(cands)}


@pytest.mark.parametrize(
    "text",
    [
        "The two presidents agreed to coordinate their response to the attack on the embassy.",
        "Kenya promised a swift retaliation for the attack on its base in Somalia.",
    ],
)
def test_the_act_an_answer_answers_is_not_absorbed(pipeline, text):
    found, kept = _kept_after_absorption(pipeline, text)
    assert "attack" in found, found
    assert "attack" in kept, kept


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # what a demand or a pledge asks or promises stays its content
        ("Kenya asked Somalia to capture the militants near the border.", "capture"),
        ("The rebels vowed to attack the town in response.", "attack"),
        ("The president promised to respond with an attack on the militants.", "attack"),
    ],
)
def test_the_content_of_a_demand_or_a_pledge_is_still_absorbed(pipeline, text, content):
    found, kept = _kept_after_absorption(pipeline, text)
    assert content in found, found
    assert content not in kept, kept

"""One act told twice in a sentence is one record (issue 13, item 3): a death or wound told as
what a coded attack did ("were killed when jets bombed the school"), and conjoined words of one
measure of the same kind ("convicted and sentenced"). Sentences of our own."""

from __future__ import annotations

import pytest

from dateline.events.extract.coder import dedupe_events
from dateline.model import ActorRef, Event, Span

pytestmark = pytest.mark.slow


def _event(doc, word, event="ASSAULT", source=None, target=None, mode=None):
    tok = next(t for t in doc if t.text == word)
    return Event(
        event=event,
        sentence=0,
        trigger=Span(text=tok.text, start=tok.idx, end=tok.idx + len(tok.text)),
        source=ActorRef(text=source, country=source[:3].upper(), actor_id=source)
        if source
        else None,
        target=ActorRef(text=target, country=target[:3].upper(), actor_id=target)
        if target
        else None,
        mode=mode,
    )


def _kept(events, doc):
    return [(e.trigger.text, e.source and e.source.text, e.target and e.target.text)
            for e in dedupe_events(events, doc)]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "toll", "attack"),
    [
        # a "when" clause tells the attack the deaths were
        ("Twelve villagers were killed when army jets bombed a school in Sagaing.", "killed", "bombed"),
        # the agent of the passive is the attack
        ("At least thirty people were killed by an airstrike on a wedding in Saada.", "killed", "airstrike"),
        # "died in" the attack
        ("Four guards died in the bombing of the prison gate on Sunday.", "died", "bombing"),
        # the attack noun is the subject
        ("The shelling killed two children in the market on Friday.", "killed", "shelling"),
        # a relative clause on the attack's place ("the strike on Kharkiv, which killed six")
        ("The missile strike on Kharkiv, which killed six people, drew condemnation.", "killed", "strike"),
    ],
)  # fmt: skip
def test_a_toll_of_a_coded_attack_is_that_attack(nlp, text, toll, attack):
    doc = nlp(text)
    events = [
        _event(doc, attack, source="mmr army"),
        _event(doc, toll, source="mmr army", target="mmr villagers"),
    ]
    kept = _kept(events, doc)
    assert [k[0] for k in kept] == [attack]
    # the attack's record takes the victims it lacked from the toll
    lacking = [_event(doc, attack, source="mmr army"), _event(doc, toll, target="mmr villagers")]
    assert _kept(lacking, doc) == [(attack, "mmr army", "mmr villagers")]


def test_a_toll_of_an_act_not_coded_or_not_its_cause_stays(nlp):
    doc = nlp("Rebels attacked the convoy near Goma and later killed two hostages in the forest.")
    events = [
        _event(doc, "attacked", source="cod rebels", target="cod convoy"),
        _event(doc, "killed", source="cod rebels", target="cod hostages"),
    ]
    # two acts told one after the other, not one act with its toll
    assert [k[0] for k in _kept(events, doc)] == ["attacked", "killed"]
    doc = nlp("The shelling killed two children in the market on Friday.")
    # the shelling was not coded: the toll is the only record of the act
    assert [k[0] for k in _kept([_event(doc, "killed", target="syr children")], doc)] == ["killed"]


def test_conjoined_words_of_one_measure_are_one_act(nlp):
    doc = nlp("A court in Tehran convicted and sentenced the aid worker to five years in prison.")
    events = [
        _event(doc, w, "SANCTION", "irn court", "gbr worker", "convict")
        for w in ("convicted", "sentenced")
    ]
    assert [k[0] for k in _kept(events, doc)] == ["convicted"]
    doc = nlp("Police in Kampala arrested and detained the opposition leader on Tuesday.")
    events = [
        _event(doc, w, "COERCE", "uga police", "uga leader", "detain")
        for w in ("arrested", "detained")
    ]
    assert [k[0] for k in _kept(events, doc)] == ["arrested"]


def test_conjoined_measures_of_two_kinds_or_acts_of_force_stay_two(nlp):
    doc = nlp("Police in Kampala arrested and deported two journalists on Tuesday.")
    events = [
        _event(doc, "arrested", "COERCE", "uga police", "ken journalists", "detain"),
        _event(doc, "deported", "COERCE", "uga police", "ken journalists", "deport"),
    ]
    assert [k[0] for k in _kept(events, doc)] == ["arrested", "deported"]
    doc = nlp("Soldiers captured and killed three fighters near the border.")
    events = [
        _event(doc, "captured", "ASSAULT", "eth soldiers", "eri fighters", "abduct"),
        _event(doc, "killed", "ASSAULT", "eth soldiers", "eri fighters", "abduct"),
    ]
    assert [k[0] for k in _kept(events, doc)] == ["captured", "killed"]


class _Cand:
    """What coder._nearest reads of a candidate: its trigger word."""

    def __init__(self, token):
        self.token = token
        self.head = token
        self.nominal = False


def _targets(nlp, text, trigger, words):
    from dateline.events.extract.coder import _nearest
    from dateline.model import Actor

    doc = nlp(text)
    tok = {t.text: t for t in doc}
    parties = [(Actor(id=w, name=w), tok[w]) for w in words]
    return [a.id for a, _ in _nearest(_Cand(tok[trigger]), parties)]


def test_a_party_named_deep_inside_what_is_said_of_another_is_no_target(nlp):
    # the offensive's target is not what the blame is aimed at
    text = "Kenyan officials blamed Somalia's offensive against the rebels of Jubaland."
    assert _targets(nlp, text, "blamed", ["Somalia", "Jubaland"]) == ["Somalia"]
    text = "Prosecutors in Nairobi charged Omondi with being a member of Shabaab."
    assert _targets(nlp, text, "charged", ["Omondi", "Shabaab"]) == ["Omondi"]
    text = "Nigeria accused Cameroon of arming separatists in Ambazonia."
    assert _targets(nlp, text, "accused", ["Cameroon", "separatists"]) == ["Cameroon"]


def test_conjoined_or_near_parties_stay_targets(nlp):
    text = "The Ghanaian president urged Togo and Benin to reopen the border."
    assert _targets(nlp, text, "urged", ["Togo", "Benin"]) == ["Togo", "Benin"]
    # one step further is no restatement
    text = "Nigeria warned Cameroon about its soldiers on Tuesday."
    assert _targets(nlp, text, "warned", ["Cameroon", "soldiers"]) == ["Cameroon", "soldiers"]

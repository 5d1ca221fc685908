"""A decision, order or announcement to withdraw is one act, the concession the withdrawal names
("the president's decision to withdraw the troops": CONCEDE, coder._announced_withdrawal), not
also an AGREE of the decision noun that swallows the withdrawal as its content. Sentences of our
own."""

from __future__ import annotations

import pytest

from coded import happened
from dateline.events.extract import clauses

pytestmark = pytest.mark.slow


def test_the_decision_to_withdraw_is_a_concession_not_an_agreement(pipeline):
    text = "The envoy resigned over the president's decision to withdraw troops from Somalia."
    assert [e.trigger.text for e in happened(pipeline, text, "CONCEDE")] == ["withdraw"]
    assert not happened(pipeline, text, "AGREE")


def test_the_deciding_noun_is_the_noun_that_holds_the_withdrawal(nlp):
    doc = nlp("The envoy resigned over the president's decision to withdraw troops.")
    withdraw = next(t for t in doc if t.lower_ == "withdraw")
    decision = next(t for t in doc if t.lower_ == "decision")
    words = frozenset({"withdraw", "decision"})
    assert clauses._deciding_noun(withdraw, words) == decision.i


def test_a_decision_to_do_something_else_keeps_its_content(nlp):
    """Only a decided withdrawal is the concession ("the decision to hold talks", "the decision
    to expel the ambassador" stay as they were)."""
    doc = nlp("Kenya welcomed the decision to expel the ambassador.")
    expel = next(t for t in doc if t.lower_ == "expel")
    announced = frozenset({"withdraw", "leave", "decision", "announce"})
    assert not clauses.decided_withdrawal(expel, announced)
    assert clauses._deciding_noun(next(t for t in doc if t.lower_ == "welcomed"), announced) is None

"""One act restated across an article is one event group; distinct acts stay apart."""

from __future__ import annotations

import pytest

from dateline.store import Store
from dateline.store.dedup import GroupKey, article_group_ids, group_id
from test_store_builders import event, make_result

DAY = "2024-05-06"


def key(src: str, kind: str, tgt: str, day: str | None = DAY, negated: bool = False) -> GroupKey:
    return GroupKey(day, kind, src, tgt, negated)


def test_a_reciprocal_act_groups_on_the_unordered_dyad():
    ids = article_group_ids([key("usa", "CONSULT", "rus"), key("rus", "CONSULT", "usa")], "a")
    assert ids[0] == ids[1]
    assert group_id(DAY, "AGREE", "fra", "deu", False, "x") == group_id(
        DAY, "AGREE", "deu", "fra", False, "y"
    )


def test_a_directed_act_keeps_its_direction():
    ids = article_group_ids([key("usa", "ACCUSE", "rus"), key("rus", "ACCUSE", "usa")], "a")
    assert ids[0] != ids[1]


@pytest.mark.parametrize(
    "other",
    [
        key("usa", "CONSULT", "rus", day="2024-05-07"),  # another day
        key("usa", "AGREE", "rus"),  # another type
        key("usa", "CONSULT", "rus", negated=True),  # "did not meet"
        key("usa", "CONSULT", "chn"),  # another party
    ],
)
def test_different_acts_stay_apart(other):
    ids = article_group_ids([key("usa", "CONSULT", "rus"), other], "a")
    assert ids[0] != ids[1]


def test_a_restatement_missing_a_side_joins_the_one_compatible_group():
    keys = [
        key("usa", "CONSULT", "rus"),
        key("rus", "CONSULT", "usa"),
        key("", "CONSULT", "usa"),  # "the call with Washington": either side of a meeting
        key("rus", "CONSULT", ""),
    ]
    ids = article_group_ids(keys, "a")
    assert len(set(ids)) == 1


def test_a_missing_side_of_a_directed_act_matches_the_same_side_only():
    keys = [key("usa", "ASSAULT", "syr"), key("", "ASSAULT", "syr"), key("", "ASSAULT", "usa")]
    ids = article_group_ids(keys, "a")
    assert ids[1] == ids[0]  # "strikes on Syria": the US strikes restated
    assert ids[2] != ids[0]  # "strikes on the US" are another act


def test_an_ambiguous_or_empty_restatement_stays_apart():
    keys = [
        key("usa", "CONSULT", "jpn"),
        key("usa", "CONSULT", "deu"),
        key("usa", "CONSULT", ""),  # which of the two calls? nothing says
        key("", "ASSAULT", ""),
        key("", "ASSAULT", "", day="2024-05-09"),
    ]
    ids = article_group_ids(keys, "a")
    assert len(set(ids)) == 5


def test_a_missing_side_never_joins_another_articles_group():
    assert article_group_ids([key("", "CONSULT", "usa")], "a") != article_group_ids(
        [key("rus", "CONSULT", "usa")], "b"
    )


def test_near_duplicate_links_are_found_from_either_direction():
    links = {key("rus", "CONSULT", "usa").link(): "0123456789abcdef"}
    assert article_group_ids([key("usa", "CONSULT", "rus")], "copy", links) == ["0123456789abcdef"]


def test_the_store_counts_a_restated_call_once_and_keeps_every_record():
    r = make_result(
        "call",
        [
            event("USA", "CONSULT", "RUS", DAY),
            event("RUS", "CONSULT", "USA", DAY),  # the same call coded both ways
            event("RUS", "CONSULT", "USA", DAY, sentence=3),  # restated later
            event("USA", "CONSULT", "FRA", DAY, sentence=4),  # another call
            event("USA", "ACCUSE", "RUS", DAY, sentence=5),
            event("RUS", "ACCUSE", "USA", DAY, sentence=5),
            event("USA", "CONSULT", "RUS", DAY, sentence=6),
        ],
        published=DAY,
    )
    r.events[-1].source = None  # "the call with Moscow": one side only, and it is unique
    with Store() as s:
        s.add_result(r)
        assert len(s.events()) == 7  # each sentence keeps its own record
        groups = s.groups()
        assert len(groups) == 4  # the call, the other call, two accusations
        call = groups[groups["num_mentions"] == 4].iloc[0]
        assert {call["source_country"], call["target_country"]} == {"USA", "RUS"}
        assert call["num_articles"] == 1
        assert s.dyad("USA", "RUS", freq="day")["events"].sum() == 3  # call + 2 accusations
        assert s.dyad("RUS", "USA", freq="day", directed=True)["events"].sum() == 2
        assert s.stats()["event_groups"] == 4
        graph = s.network()  # the call coded both ways is listed under each direction
        assert graph["USA"]["RUS"]["weight"] == graph["RUS"]["USA"]["weight"] == 2
        assert graph["USA"]["FRA"]["weight"] == 1 and not graph.has_edge("FRA", "USA")
        panel = s.panel(freq="day").set_index(["source", "target"])["events"]
        assert panel[("USA", "RUS")].sum() == panel[("RUS", "USA")].sum() == 2

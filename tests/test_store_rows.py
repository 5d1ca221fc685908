"""The rows of a coded article are built once (store/rows.py) for the Store and the Dask runner."""

from __future__ import annotations

from dateline.store import Store
from dateline.store.dedup import signature
from dateline.store.rows import TABLE_COLUMNS, TABLES, result_rows
from test_store_builders import event, make_result


def _stored(store: Store, table: str) -> list[tuple]:
    key = "id" if table != "mentions" else "actor_key, mention_index"
    cols = [c for c in TABLE_COLUMNS[table] if c != "coded_at"]
    return [
        tuple(r) for r in store.db.rows(f"SELECT {', '.join(cols)} FROM {table} ORDER BY {key}")
    ]


def _built(rows: list[tuple], table: str) -> list[tuple]:
    keep = [i for i, c in enumerate(TABLE_COLUMNS[table]) if c != "coded_at"]
    return sorted(tuple(r[i] for i in keep) for r in rows)


def test_the_store_holds_exactly_the_rows_the_dask_runner_writes():
    result = make_result(
        "r1",
        [event("USA", "AGREE", "RUS", "2024-01-09"), event("RUS", "ACCUSE", "UKR", negated=True)],
        quotes=[("FRA", "We will talk again")],
    )
    rows = result_rows(result, signature(result.article.text), None, "run-1")
    assert set(rows) == set(TABLES)
    assert [len(rows[t]) for t in TABLES] == [1, 2, 1, 4, 2]
    with Store() as store:
        store.add_result(result, run_id="run-1")
        for table in TABLES:
            assert _stored(store, table) == _built(rows[table], table), table


def test_an_event_row_counts_a_month_date_on_the_publication_day_inside_it():
    result = make_result("r2", [event("USA", "AID", "UKR", "2024-01")], published="2024-01-20")
    (row,) = result_rows(result, None)["events"]
    day = row[TABLE_COLUMNS["events"].index("day")]
    assert day.isoformat() == "2024-01-20"

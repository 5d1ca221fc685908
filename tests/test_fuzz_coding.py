"""Hostile text for the coder: the real pipeline returns a valid Result, or a time limit stops it.

Bounded by default (``DATELINE_FUZZ_CODING`` examples, 40 unless set); ``python
benchmarks/fuzz.py`` runs the long version. ``DATELINE_FUZZ_REPORT=FILE`` appends how many
inputs were tried, as JSON lines.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.errors import ArticleTimeout
from dateline.ingest import make_id
from dateline.limits import call_with_limit, can_interrupt, time_limit
from dateline.model import Article, validate
from dateline.runs.local import run_corpus
from dateline.settings import Settings
from dateline.store import Store

pytestmark = pytest.mark.slow

EXAMPLES = int(os.environ.get("DATELINE_FUZZ_CODING", "40"))
PER_ARTICLE_S = 60.0
TRIED: Counter[str] = Counter()
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize="DATELINE_FUZZ_SEED" not in os.environ,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
TRICKY = "\u200b\u200d\u2060\ufeff\u200e\u200f\u202a\u202e\u2066\u2069\u0301\u00a0\u2028\x85"
WORDS = ["Ruritania", "Freedonia", "the", "minister", "of", "defence", "said", "troops", "attacked",
         "signed", "an", "accord", "with", "police", "arrested", "protesters", "in", "Paris", "on",
         "Monday", "Putin", "Trump", "Mr.", "U.N.", "NATO", "rebels", "threatened", "sanctions",
         "\u201c", "\u201d", '"', "'", "(", ")", "-", "\u2014", ",", ".", "?", "!", ";", ":",
         "\u05d9\u05e9\u05e8\u05d0\u05dc", "\u0627\u0644\u0639\u0631\u0627\u0642", "\u5317\u4eac",
         "2024", "12/31/1999", "yesterday", "$5bn", "#", "@user", "http://x.example/a?b=1"]  # fmt: skip


@pytest.fixture(scope="module", autouse=True)
def _report():
    yield
    out = os.environ.get("DATELINE_FUZZ_REPORT")
    if out:
        with open(out, "a", encoding="utf-8") as fh:
            fh.write(json.dumps({"module": "coding", "tried": dict(TRIED)}) + "\n")


def texts() -> st.SearchStrategy[str]:
    token = st.one_of(st.sampled_from(WORDS), st.text(alphabet=TRICKY, min_size=1, max_size=2),
                      st.text(max_size=6))  # fmt: skip
    sep = st.sampled_from([" ", " ", " ", " ", "\n", "\n\n", "\t", "\u200b", "", ". "])
    body = st.lists(st.tuples(token, sep), min_size=1, max_size=120)
    line = st.tuples(st.sampled_from(["Ruritania attacked Freedonia ", "word ", "\u202e,"]),
                     st.integers(10, 1500)).map(lambda p: p[0] * p[1])  # fmt: skip
    return st.one_of(body.map(lambda parts: "".join(a + b for a, b in parts)), line).filter(
        lambda t: t.strip()
    )


def check(result, article: Article) -> None:
    """A coded result keeps its spans inside the text and meets the JSON contract."""
    n = len(article.text)
    for event in result.events:
        assert 0 <= event.trigger.start <= event.trigger.end <= n
    for quote in result.quotes:
        assert 0 <= quote.start <= quote.end <= n
    for actor in result.actors:
        for m in actor.mentions:
            assert 0 <= m.start <= m.end <= n
    validate(result.to_dict(include_negated=True))


@FUZZ
@given(text=texts(), date=st.one_of(st.none(), st.dates()))
def test_coding_hostile_text(pipeline, text, date):
    TRIED["coded"] += 1
    article = Article(id=make_id(text), text=text, published=date, title=text[:40])
    started = time.monotonic()
    result = call_with_limit(PER_ARTICLE_S, article.id, pipeline.code, article)
    assert time.monotonic() - started < PER_ARTICLE_S
    check(result, article)


@settings(FUZZ, max_examples=max(1, EXAMPLES // 2))
@given(st.lists(texts(), min_size=1, max_size=4))
def test_batch_coding_matches_one_by_one(pipeline, batch):
    TRIED["batched"] += len(batch)
    articles = [Article(id=f"b{i}", text=t) for i, t in enumerate(batch)]
    with time_limit(PER_ARTICLE_S * len(articles), "fuzz batch"):
        piped = list(pipeline.pipe(articles, batch_size=len(articles)))
    assert [r.article.id for r in piped] == [a.id for a in articles]
    for result, article in zip(piped, articles, strict=True):
        check(result, article)
        alone = pipeline.code(article)
        key = [(e.event, e.trigger.start, e.negated) for e in result.events]
        assert key == [(e.event, e.trigger.start, e.negated) for e in alone.events]


# --- the per-article time limit -------------------------------------------------------------


@pytest.mark.skipif(not can_interrupt(), reason="SIGALRM time limits need POSIX")
def test_time_limit_stops_pure_python_and_restores_the_timer():
    import signal

    def remaining() -> float:  # pytest-timeout may run its own SIGALRM timer around the test
        return signal.getitimer(signal.ITIMER_REAL)[0]

    before = remaining()
    with pytest.raises(ArticleTimeout, match="timeout_s=0.05"), time_limit(0.05, "spin"):
        while True:
            pass
    assert remaining() == pytest.approx(before, abs=1.0)
    with time_limit(5.0, "outer"):
        with time_limit(1.0, "inner"):
            pass
        assert 3.0 < remaining() <= 5.0
    assert remaining() == pytest.approx(before, abs=1.0)
    with time_limit(None), time_limit(0):
        time.sleep(0.01)


@pytest.mark.skipif(not can_interrupt(), reason="SIGALRM time limits need POSIX")
def test_time_limit_stops_the_coder(pipeline):
    text = "The Ruritanian army attacked rebels near the border, officials said. " * 400
    with pytest.raises(ArticleTimeout):
        call_with_limit(0.05, "long", pipeline.code, Article(id="long", text=text))
    # the pipeline still works afterwards
    result = pipeline.code(Article(id="ok", text="Ruritania and Freedonia signed an accord."))
    assert result.article.id == "ok"


@pytest.mark.skipif(not can_interrupt(), reason="SIGALRM time limits need POSIX")
def test_a_slow_article_becomes_an_error_row_and_the_run_goes_on(tmp_path, pipeline):
    short = [f"Ruritania and Freedonia signed accord number {i} in the capital." for i in range(3)]
    slow = "The Ruritanian army attacked rebels near the border, officials said. " * 3600
    corpus = tmp_path / "corpus.jsonl"
    rows = [{"id": f"s{i}", "text": t} for i, t in enumerate(short)]
    rows.insert(1, {"id": "slow", "text": slow})
    corpus.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    # ~250k characters code in several seconds (60k coded within the limit once spaCy's products
    # ran on OpenBLAS, round 10), short ones in milliseconds; reading the long one takes a few
    # tenths of a second, which a 0.5 s limit did not leave room for
    settings_ = Settings.load(timeout_s=1.0)
    with Store(tmp_path / "run.duckdb") as store:
        summary = run_corpus([str(corpus)], store, settings_, batch_size=2)
        errors = store.errors()
        stored = store.article_ids()
    assert summary.coded == 3 and summary.coding_errors == 1
    assert len(errors) == 1
    row = " ".join(map(str, errors.iloc[0].tolist()))
    assert "ArticleTimeout" in row and "timeout_s=1 s" in row and "slow" in row
    assert len(stored) == 3


@pytest.mark.skipif(not can_interrupt(), reason="SIGALRM time limits need POSIX")
def test_an_alarm_inside_a_finaliser_or_error_report_waits_for_ordinary_code(monkeypatch):
    """An exception raised in ``__del__`` or in ``sys.unraisablehook`` is swallowed or breaks
    the hook; the limit must fire once the block is back in ordinary code instead."""
    swallowed: list[object] = []
    monkeypatch.setattr(sys, "unraisablehook", swallowed.append)

    class SlowToDie:
        def __del__(self) -> None:
            stop = time.monotonic() + 0.3
            while time.monotonic() < stop:  # the alarm fires in here
                pass

    started = time.monotonic()
    with pytest.raises(ArticleTimeout), time_limit(0.05, "finaliser"):
        SlowToDie()  # dropped at once: __del__ runs past the limit
        while True:
            pass
    assert swallowed == []
    assert 0.3 <= time.monotonic() - started < 2.0

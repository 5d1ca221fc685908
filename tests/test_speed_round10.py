"""Round 10, speed: spaCy's matrix products through numpy's BLAS, not blis.

``dateline.components.use_numpy_gemm`` must change only how fast spaCy runs: the same
annotations as the stock (blis) pipeline, the tok2vec tensor the event model reads bit for bit
(``exact_tensor``), and one BLAS thread.
"""

from __future__ import annotations

import numpy as np
import pytest
from thinc.api import NumpyOps

from dateline.components import GEMM_COMPONENTS, NumpyGemmOps, exact_tensor, use_numpy_gemm
from dateline.events.classifier import dense_features, doc_tensor

# sentences written for this test (news-like: entities, clauses, quotes, line breaks)
TEXTS = [
    "Border guards in Moldova detained 14 people on Tuesday after clashes near the crossing "
    "at Palanca, the interior ministry said.",
    "The Peruvian foreign minister, Ana Cecilia Gervasi, met her Chilean counterpart in Lima "
    "to discuss migration.\n\nProtesters later blocked the Pan-American Highway.",
    '"We will not accept this," said Tomasz Nowak, a spokesman for the Polish government, '
    "who accused Belarus of pushing migrants across the frontier.",
    "Rebels shelled the outskirts of Goma overnight, killing at least six civilians, "
    "according to the UN mission in the Democratic Republic of the Congo.",
    "SEOUL, March 3 - North Korea fired two short-range missiles into the sea off its east "
    "coast on Sunday, South Korea's military said.",
]


@pytest.fixture(scope="module")
def stock():
    """The same pipeline as dateline.nlp.load, every layer on thinc's blis NumpyOps."""
    import spacy

    from dateline.components import speed_up
    from dateline.settings import DEFAULT_MODEL

    nlp = spacy.load(DEFAULT_MODEL)
    speed_up(nlp)
    nlp.add_pipe("dateline_paragraphs", before="parser")
    return nlp


def _annotations(doc):
    return [
        (t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.lemma_, t.is_sent_start) for t in doc
    ]


def test_tok2vec_parser_and_ner_get_numpy_gemm(nlp, stock):
    assert GEMM_COMPONENTS == ("tok2vec", "parser", "ner")
    for name in GEMM_COMPONENTS:
        kinds = {type(node.ops) for node in nlp.get_pipe(name).model.walk()}
        assert kinds == {NumpyGemmOps}, name
    assert {type(n.ops) for n in nlp.get_pipe("tagger").model.walk()} == {NumpyOps}
    assert {type(n.ops) for n in stock.get_pipe("ner").model.walk()} == {NumpyOps}


def test_same_annotations_and_exact_tensor_as_the_blis_pipeline(nlp, stock):
    for fast, slow in zip(nlp.pipe(TEXTS), stock.pipe(TEXTS), strict=True):
        assert _annotations(fast) == _annotations(slow)
        assert [(e.start, e.end, e.label_) for e in fast.ents] == [
            (e.start, e.end, e.label_) for e in slow.ents
        ]
        # the tensor the event model reads is stock spaCy's, bit for bit
        assert np.array_equal(exact_tensor(fast), slow.tensor)
        assert np.array_equal(doc_tensor(fast), slow.tensor)
        every = list(range(len(fast)))
        assert np.array_equal(dense_features(fast, every), dense_features(slow, every))
        # though the tok2vec that fed the parser ran on numpy's BLAS
        assert not np.array_equal(fast.tensor, slow.tensor)
        assert np.allclose(fast.tensor, slow.tensor, atol=1e-3)
        assert exact_tensor(fast) is exact_tensor(fast)  # computed once per doc
    assert any(len(doc.ents) for doc in nlp.pipe(TEXTS))  # the check saw entities at all


def test_exact_tensor_of_other_docs_is_their_own(nlp, stock):
    from spacy.tokens import DocBin

    slow = stock(TEXTS[0])
    assert exact_tensor(slow) is slow.tensor  # another pipeline's vocab
    restored = next(iter(DocBin(docs=[nlp(TEXTS[0])]).get_docs(nlp.vocab)))
    assert restored.tensor.size == 0 and exact_tensor(restored).size == 0
    assert doc_tensor(restored) is None  # as before: no tensor, the model's training mean


@pytest.mark.parametrize("trans1", [False, True])
@pytest.mark.parametrize("trans2", [False, True])
def test_gemm_is_the_matrix_product(trans1, trans2):
    rng = np.random.default_rng(7)
    x = rng.standard_normal((40, 30), dtype=np.float32)
    y = rng.standard_normal((30, 20), dtype=np.float32)
    a = np.ascontiguousarray(x.T) if trans1 else x
    b = np.ascontiguousarray(y.T) if trans2 else y
    got = NumpyGemmOps().gemm(a, b, trans1=trans1, trans2=trans2)
    blis = NumpyOps().gemm(a, b, trans1=trans1, trans2=trans2)
    assert got.shape == (40, 20) and got.dtype == np.float32
    np.testing.assert_allclose(got, x @ y, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(got, blis, rtol=1e-5, atol=1e-5)
    out = np.empty((40, 20), dtype=np.float32)
    assert NumpyGemmOps().gemm(a, b, out=out, trans1=trans1, trans2=trans2) is out
    np.testing.assert_allclose(out, got, rtol=0, atol=0)


def test_gemm_runs_one_blas_thread_and_restores_the_setting(monkeypatch):
    threadpoolctl = pytest.importorskip("threadpoolctl")
    import dateline.components as components

    blas = threadpoolctl.ThreadpoolController().select(user_api="blas")
    if not blas.lib_controllers:
        pytest.skip("numpy's BLAS is not visible to threadpoolctl")
    with blas.limit(limits=2):
        with components.one_blas_thread():
            assert {c.num_threads for c in blas.lib_controllers} == {1}
        assert {c.num_threads for c in blas.lib_controllers} == {2}
    entered = []

    class Recorder:
        def __enter__(self):
            entered.append(True)

        def __exit__(self, *exc):
            return None

    monkeypatch.setattr(components, "one_blas_thread", Recorder)
    NumpyGemmOps().gemm(np.ones((4, 3), np.float32), np.ones((3, 2), np.float32))
    assert entered == [True]


def test_other_ops_are_left_alone(stock):
    class OtherOps(NumpyOps):
        pass

    import spacy

    from dateline.settings import DEFAULT_MODEL

    nlp = spacy.load(DEFAULT_MODEL, exclude=["tagger", "attribute_ruler", "lemmatizer"])
    ner = nlp.get_pipe("ner").model
    other = OtherOps()
    for node in ner.walk():
        node.ops = other
    use_numpy_gemm(nlp)
    assert {type(n.ops) for n in ner.walk()} == {OtherOps}
    assert {type(n.ops) for n in nlp.get_pipe("parser").model.walk()} == {NumpyGemmOps}

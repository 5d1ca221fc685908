"""Round 20, speed: spaCy's entity recognizer decoded in numpy (``dateline.ner.FastNER``).

The decoder must give exactly the entities spaCy's own greedy decoder gives (same tokens, same
labels, every other token outside), fall back to spaCy where it cannot reproduce it, and
reproduce blis's output-layer scores bit for bit where a decision is close.
"""

from __future__ import annotations

import numpy as np
import pytest
from spacy.attrs import ENT_IOB, ENT_TYPE
from spacy.tokens import Span

from dateline.ner import FastNER
from dateline.nlp import annotate, annotate_batch, fast_ner

# sentences written for this test: multi-word names, entities at a sentence's end, line
# breaks, numbers and dates, a quotation, a one-word text and an empty one
TEXTS = [
    "Border guards in Moldova detained 14 people on Tuesday after clashes near the crossing "
    "at Palanca, the interior ministry of the Republic of Moldova said.",
    "The Peruvian foreign minister, Ana Cecilia Gervasi, met her Chilean counterpart in Lima "
    "to discuss migration.\n\nProtesters later blocked the Pan-American Highway in Piura.",
    '"We will not accept this," said Tomasz Nowak, a spokesman for the Polish government, '
    "who accused Belarus of pushing migrants across the frontier last week.",
    "Rebels shelled the outskirts of Goma overnight, killing at least six civilians, according "
    "to the United Nations mission in the Democratic Republic of the Congo.",
    "SEOUL, March 3 - North Korea fired two short-range missiles into the sea off its east "
    "coast on Sunday, South Korea's military said.\n\n\n\nKim Jong Un watched.",
    "Paris",
    "",
    "The European Central Bank raised rates by 0.25% to 4.5% on 14 September 2023 in Frankfurt",
]


def _ents(doc):
    return doc.to_array([ENT_IOB, ENT_TYPE]).tolist()


@pytest.fixture(scope="module")
def without_ner(nlp):
    return [d for d in nlp.pipe(TEXTS, batch_size=len(TEXTS), disable=["ner"])]


def _another_kernel(decoder: FastNER) -> bool:
    """The decoder stood down because this CPU's blis sums in another order (spaCy decodes)."""
    return bool(decoder.reason) and "blis" in decoder.reason


def test_same_entities_as_spacy_in_one_batch(nlp, without_ner):
    stock = [d.copy() for d in without_ner]
    list(nlp.get_pipe("ner").pipe(stock, batch_size=len(stock)))
    fast = [d.copy() for d in without_ner]
    decoder = FastNER(nlp.get_pipe("ner"))
    assert decoder.reason is None or _another_kernel(decoder)
    decoder(fast)
    assert [_ents(d) for d in fast] == [_ents(d) for d in stock]
    # the texts hold entities of several kinds and lengths, so the check is not vacuous
    labels = {e.label_ for d in fast for e in d.ents}
    assert {"GPE", "PERSON", "ORG", "DATE"} <= labels
    assert any(len(e) >= 3 for d in fast for e in d.ents)
    assert all(t.ent_iob_ in {"B", "I", "O"} for d in fast for t in d)


def test_annotate_batch_equals_nlp_pipe(nlp):
    stock = list(nlp.pipe(TEXTS, batch_size=len(TEXTS)))
    docs = annotate_batch(nlp, TEXTS)
    assert fast_ner(nlp) is not None or _another_kernel(FastNER(nlp.get_pipe("ner")))
    assert [_ents(d) for d in docs] == [_ents(d) for d in stock]
    assert [[(t.dep_, t.head.i, t.lemma_) for t in d] for d in docs] == [
        [(t.dep_, t.head.i, t.lemma_) for t in d] for d in stock
    ]
    one = annotate(nlp, TEXTS[1])
    assert _ents(one) == _ents(nlp(TEXTS[1]))


def test_preset_entities_go_to_spacy(nlp, without_ner):
    doc = without_ner[0].copy()
    doc.set_ents([Span(doc, 0, 2, label="ORG")], default="unmodified")
    reference = doc.copy()
    list(nlp.get_pipe("ner").pipe([reference], batch_size=1))
    FastNER(nlp.get_pipe("ner"))([doc])
    assert _ents(doc) == _ents(reference)
    assert doc.ents[0].label_ == "ORG" and doc.ents[0].start == 0


def test_exact_scores_are_blis_bit_for_bit(nlp):
    blis = pytest.importorskip("blis.py")
    decoder = FastNER(nlp.get_pipe("ner"))
    if _another_kernel(decoder):
        pytest.skip(decoder.reason)
    rng = np.random.default_rng(20)
    hidden = (rng.standard_normal((6, decoder.W.shape[1])) * 3).astype(np.float32)
    cols = np.arange(decoder.n_classes)
    expected = blis.gemm(hidden, decoder.W, trans2=True) + decoder.b
    for row, want in zip(hidden, expected, strict=True):
        assert np.array_equal(decoder._exact(row, cols), want.astype(np.float32))


def test_a_kernel_that_sums_in_another_order_stands_the_decoder_down(nlp, monkeypatch):
    """Near-ties are settled by replaying blis's sum: where it is not blis's (checked against
    blis when built), every batch goes to spaCy's own decoder, so entities stay spaCy's."""
    monkeypatch.setattr(FastNER, "_exact", lambda self, hidden, cols: np.zeros(len(cols)))
    decoder = FastNER(nlp.get_pipe("ner"))
    assert _another_kernel(decoder)


def test_no_fast_decoder_when_a_component_follows_ner():
    import spacy

    from dateline.settings import DEFAULT_MODEL

    other = spacy.load(DEFAULT_MODEL, exclude=["lemmatizer", "attribute_ruler"])
    if _another_kernel(FastNER(other.get_pipe("ner"))):
        pytest.skip("this CPU's blis kernel: the decoder stands down everywhere")
    assert fast_ner(other) is not None
    other.add_pipe("sentencizer", last=True)  # the cached decoder no longer fits
    assert fast_ner(other) is None
    docs = annotate_batch(other, TEXTS[:2])
    assert docs[1].ents  # spaCy's own component ran

"""The trained event model: fitting, saving, calibration, the coder's gate, the shipped model."""

from __future__ import annotations

import json

import numpy as np
import pytest

from dateline.events.classifier import NONE, EventModel
from dateline.train import Example, fit, fit_temperature, reliability, validation_titles

# Hand-made feature lists: "strike" is an attack with "air" in front of it, a labour protest
# when people go "on" it; "capture" of a town is an assault, of a suspect an arrest.
SENSES = [
    (["l=strike", "mod=air|strike", "gov=carry|dobj"], "ASSAULT"),
    (["l=strike", "mod=air|strike", "gov=launch|dobj"], "ASSAULT"),
    (["l=strike", "mod=drone|strike", "gov=launch|dobj"], "ASSAULT"),
    (["l=strike", "govp=on|go", "mod=general|strike"], "PROTEST"),
    (["l=strike", "govp=on|go", "mod=rail|strike"], "PROTEST"),
    (["l=strike", "gov=call|dobj", "mod=teacher|strike"], "PROTEST"),
    (["l=capture", "cl=dobj:town", "arg=nsubj:actor:MIL"], "ASSAULT"),
    (["l=capture", "cl=dobj:village", "arg=nsubj:actor:MIL"], "ASSAULT"),
    (["l=capture", "cl=dobj:suspect", "arg=nsubj:actor:COP"], "COERCE"),
    (["l=capture", "cl=dobj:fugitive", "arg=nsubj:actor:COP"], "COERCE"),
    (["l=day", "dep=dobj"], NONE),
    (["l=town", "dep=pobj"], NONE),
    (["l=suspect", "dep=dobj"], NONE),
    (["l=pay", "dep=dobj"], NONE),
]


def _examples(copies: int = 3) -> list[Example]:
    return [Example(f"g{i % 5}", feats, label) for i, (feats, label) in enumerate(SENSES * copies)]


def test_fitting_is_deterministic():
    a, b = fit(_examples(), seed=7), fit(_examples(), seed=7)
    assert a.classes == b.classes and a.vocab == b.vocab
    assert np.array_equal(a.weights, b.weights) and np.array_equal(a.bias, b.bias)


def test_the_model_separates_senses_it_was_shown():
    model = fit(_examples(), c=10.0)

    def top(feats: list[str]) -> str:
        probs = model.predict(feats)
        return max(probs, key=probs.get)

    assert top(["l=strike", "mod=air|strike", "gov=order|dobj"]) == "ASSAULT"
    assert top(["l=strike", "govp=on|go", "mod=nurse|strike"]) == "PROTEST"
    assert top(["l=capture", "cl=dobj:city", "arg=nsubj:actor:MIL"]) == "ASSAULT"
    assert top(["l=capture", "cl=dobj:suspect", "arg=nsubj:actor:COP"]) == "COERCE"
    assert top(["l=day", "dep=dobj"]) == NONE


def test_a_saved_model_reads_back_the_same(tmp_path):
    model = fit(_examples(), c=10.0, temperature=1.3)
    path = tmp_path / "m.npz"
    model.save(path)
    again = EventModel.read(path)
    assert again.classes == model.classes and again.vocab == model.vocab
    assert again.temperature == pytest.approx(1.3)
    feats = SENSES[0][0]
    # weights are stored as float16: probabilities agree to about 3 decimals
    assert np.allclose(again.scores([feats]), model.scores([feats]), atol=2e-3)


def test_probabilities_sum_to_one_and_unknown_features_are_ignored():
    model = fit(_examples())
    probs = model.scores([["l=never-seen", "x=y"], []])
    assert probs.shape == (2, len(model.classes))
    assert np.allclose(probs.sum(axis=1), 1.0)
    assert np.allclose(probs[0], probs[1])  # nothing known: the prior only


def test_temperature_softens_overconfident_scores():
    rng = np.random.default_rng(0)
    classes = ("A", "B")
    labels = [str(x) for x in rng.choice(["A", "B"], size=400)]
    # right 70% of the time, but claiming ~99%
    right = rng.random(400) < 0.7
    logits = np.array(
        [
            [5.0, 0.0] if (lbl == "A") == r else [0.0, 5.0]
            for lbl, r in zip(labels, right, strict=True)
        ]
    )
    assert fit_temperature(logits, labels, classes) > 2.0


def test_reliability_bins_compare_predicted_and_observed():
    classes = (NONE, "ASSAULT")
    probs = np.array([[0.1, 0.9], [0.1, 0.9], [0.8, 0.2]])
    rows = reliability(probs, ["ASSAULT", NONE, NONE], classes)
    top = next(r for r in rows if r["bin"] == "0.9-1.0")
    assert top["n"] == 2 and top["observed"] == 0.5 and top["predicted"] == 0.9


def test_validation_headlines_are_stable_and_exclusive():
    titles = [f"Headline number {i}" for i in range(500)]
    first = validation_titles(titles, 0.2, exclude={"Headline number 3"})
    assert first == validation_titles(reversed(titles), 0.2, exclude={"Headline number 3"})
    assert "Headline number 3" not in first
    assert 60 < len(first) < 140


# Modes of our own: an air strike is ASSAULT/aerial, a shooting ASSAULT/firearms, a generic
# attack has no mode; "arrested" is COERCE/arrest.
MODED = [
    (["l=strike", "mod=air|strike"], "ASSAULT", "aerial"),
    (["l=bomb", "mod=air|bomb", "gov=drop|dobj"], "ASSAULT", "aerial"),
    (["l=raid", "mod=air|raid"], "ASSAULT", "aerial"),
    (["l=shoot", "cl=dobj:protester"], "ASSAULT", "firearms"),
    (["l=shoot", "lprep=shoot|at"], "ASSAULT", "firearms"),
    (["l=gun", "gov=fire|dobj"], "ASSAULT", "firearms"),
    (["l=attack", "cl=dobj:village"], "ASSAULT", None),
    (["l=attack", "cl=dobj:convoy"], "ASSAULT", None),
    (["l=assault", "gov=launch|dobj"], "ASSAULT", None),
    (["l=arrest", "cl=dobj:activist"], "COERCE", "arrest"),
    (["l=detain", "cl=dobj:journalist"], "COERCE", "arrest"),
    (["l=day", "dep=dobj"], NONE, None),
]


def _moded(copies: int = 5) -> list[Example]:
    return [
        Example(f"g{i % 5}", feats, label, mode=mode)
        for i, (feats, label, mode) in enumerate(MODED * copies)
    ]


def test_modes_are_learnt_per_type_and_read_back(tmp_path):
    model = fit(_moded(), c=10.0, modes=True)
    # COERCE shows a single mode, so it has nothing to tell apart and is not learnt
    assert {c.split("|")[0] for c in model.mode_classes} == {"ASSAULT"}
    guessed = model.modes(
        [["l=strike", "mod=air|strike"], ["l=shoot", "cl=dobj:protester"], ["l=attack"],
         ["l=arrest"]],
        ["ASSAULT", "ASSAULT", "ASSAULT", "COERCE"],
    )  # fmt: skip
    assert [mode for mode, _ in guessed] == ["aerial", "firearms", None, None]
    assert guessed[0][1] > 0.5 and guessed[3] == (None, 0.0)
    model.save(tmp_path / "m.npz")
    again = EventModel.read(tmp_path / "m.npz")
    assert again.mode_classes == model.mode_classes
    assert again.modes([["l=raid", "mod=air|raid"]], ["ASSAULT"])[0][0] == "aerial"


def test_rare_modes_count_as_no_mode_and_weak_examples_teach_none():
    from dateline.train import WEAK_WEIGHT, mode_labels

    weak = Example("w", ["l=strike"], "ASSAULT", WEAK_WEIGHT, "aerial", source="weak")
    examples = _moded(1) + [weak]
    labels = list(mode_labels(examples, min_count=2))
    assert labels[0] == "ASSAULT|aerial" and labels[3] == "ASSAULT|firearms"
    assert labels[-1] == ""  # a weak example's mode is not known
    assert labels[-2] == ""  # NONE
    assert labels[9] == ""  # COERCE|arrest alone: nothing to tell apart


def test_a_model_without_modes_guesses_none():
    model = fit(_examples())
    assert model.modes([["l=strike"]], ["ASSAULT"]) == [(None, 0.0)]


def test_without_a_model_the_gate_changes_nothing():
    from dateline.events.gate import gate_candidates

    cands = [object(), object()]
    assert gate_candidates(None, cands, None, None) is cands


def test_the_model_can_be_switched_off(monkeypatch):
    from dateline.events.gate import active_model

    monkeypatch.setenv("DATELINE_EVENT_MODEL", "off")
    assert active_model() is None


# --------------------------------------------------------------------------- with spaCy

OWN_TRAINING = [
    ("Russian jets carried out an air strike on the village.", "strike", "ASSAULT"),
    ("Israeli aircraft launched an air strike on a camp in Gaza.", "strike", "ASSAULT"),
    ("Turkish drones carried out a strike on a convoy near the border.", "strike", "ASSAULT"),
    ("The army said an air strike hit a rebel base overnight.", "strike", "ASSAULT"),
    ("Teachers went on strike in Nairobi over unpaid wages.", "strike", "PROTEST"),
    ("Rail workers in France went on strike against the pension reform.", "strike", "PROTEST"),
    ("The union called a general strike to protest the new tax.", "strike", "PROTEST"),
    ("Doctors in Lagos went on strike for better pay.", "strike", "PROTEST"),
    ("The minister spent the day in his office.", None, None),
    ("The town lies on the river.", None, None),
]


def _fixture(folder) -> None:
    articles = []
    for n, (sentence, trigger, event) in enumerate(OWN_TRAINING):
        events = [{"sent": 0, "event": event, "trigger": trigger, "modality": "asserted"}]
        articles.append({"id": f"own-{n}", "date": "2024-05-01", "sents": [sentence],
                         "events": events if event else []})  # fmt: skip
    lines = "\n".join(json.dumps(a) for a in articles)
    (folder / "guardian_lead_train.jsonl").write_text(lines + "\n", "utf-8")


@pytest.mark.slow
def test_training_on_own_sentences_is_deterministic_and_separates_senses(tmp_path):
    from dateline.actors.resolve import resolve_actors
    from dateline.events.classifier import token_features
    from dateline.model import Article
    from dateline.pipeline import Pipeline
    from dateline.train import lexicon_types, train

    _fixture(tmp_path)
    pipeline = Pipeline()
    train(tmp_path, tmp_path / "a.npz", pipeline, folds=2, log=lambda *_: None)
    train(tmp_path, tmp_path / "b.npz", pipeline, folds=2, log=lambda *_: None)
    a, b = EventModel.read(tmp_path / "a.npz"), EventModel.read(tmp_path / "b.npz")
    assert np.array_equal(a.weights, b.weights) and a.vocab == b.vocab
    assert a.dense_parts == b.dense_parts and np.array_equal(a.dense_weights, b.dense_weights)

    def at_strike(text: str) -> dict[str, float]:
        doc = pipeline.nlp(text)
        actors = resolve_actors(doc, Article(id="t", text=text), pipeline.kb)
        tok = next(t for t in doc if t.lower_ == "strike")
        feats = token_features(tok, actors, lexicon_types(doc, pipeline.lexicon).get(tok.i))
        dense = a.dense_inputs(doc, [tok.i])
        return a.predict(feats, None if dense is None else dense[0])

    air = at_strike("Syrian jets carried out an air strike on the market.")
    labour = at_strike("Nurses in Accra went on strike over pay.")
    assert air["ASSAULT"] > air["PROTEST"]
    assert labour["PROTEST"] > labour["ASSAULT"]


@pytest.mark.slow
def test_a_model_records_its_training_inputs_and_verify_tells_a_changed_checkout(tmp_path):
    """``dateline train --verify``: the digests a model records are what the same data parses
    to, and a changed input (here a relabelled sentence) shows without refitting."""
    from dateline.pipeline import Pipeline
    from dateline.train import train, verify_inputs

    _fixture(tmp_path)
    pipeline = Pipeline()
    train(tmp_path, tmp_path / "m.npz", pipeline, folds=2, calibrate=False, log=lambda *_: None)
    info = EventModel.read(tmp_path / "m.npz").info
    assert info["inputs"]["examples"] > len(OWN_TRAINING)
    trained_with = {"C": info["C"], "folds": 2, "seed": 0}
    same = verify_inputs(tmp_path, info, pipeline, None, None, lambda *_: None, trained_with)
    assert same["same"] and same["now"] == info["inputs"] and same["settings"]["C"] == info["C"]
    other_c = verify_inputs(
        tmp_path, info, pipeline, None, None, lambda *_: None, {**trained_with, "C": 2 * info["C"]}
    )
    assert not other_c["same"] and other_c["changed_settings"] == ["C"]

    path = tmp_path / "guardian_lead_train.jsonl"
    path.write_text(path.read_text("utf-8").replace('"PROTEST"', '"DEMAND"', 1), "utf-8")
    changed = verify_inputs(tmp_path, info, pipeline, None, None, log=lambda *_: None)
    assert not changed["same"] and changed["now"]["sparse"] != info["inputs"]["sparse"]
    assert (
        changed["now"]["dense"] == info["inputs"]["dense"]
    )  # the text, so the tensors, are the same
    assert not verify_inputs(tmp_path, {}, pipeline, None, None, log=lambda *_: None)["same"]

    from typer.testing import CliRunner

    from dateline.cli import app

    args = ["train", "--data", str(tmp_path), "--out", str(tmp_path / "m.npz"), "--verify",
            "--no-annotations", "--folds", "2"]  # fmt: skip
    stale = CliRunner().invoke(app, args)
    assert stale.exit_code == 1 and "retrain" in stale.output
    path.write_text(path.read_text("utf-8").replace('"DEMAND"', '"PROTEST"', 1), "utf-8")
    fresh = CliRunner().invoke(app, args)
    assert fresh.exit_code == 0, fresh.output
    assert "exactly the examples" in fresh.output
    other_folds = CliRunner().invoke(app, args[:-1] + ["5"])
    assert other_folds.exit_code == 1 and "other settings (folds" in other_folds.output


@pytest.mark.slow
def test_features_from_the_parse_arrays_name_the_words_roles():
    from dateline.actors.resolve import resolve_actors
    from dateline.events.classifier import candidate_indices, token_features, word_features
    from dateline.model import Article
    from dateline.pipeline import Pipeline

    pipeline = Pipeline()
    text = "Police in Lagos did not arrest the striking nurses, who had marched to parliament."
    doc = pipeline.nlp(text)
    actors = resolve_actors(doc, Article(id="t", text=text), pipeline.kb)
    sent = next(iter(doc.sents))
    indices = candidate_indices(sent)
    words = [doc[i].lower_ for i in indices]
    assert "arrest" in words and "did" not in words and "lagos" not in words
    arrest = indices[words.index("arrest")]
    feats = word_features(doc, indices, actors, {arrest: "COERCE"})[words.index("arrest")]
    assert {"l=arrest", "neg", "lex=COERCE", "lexl=COERCE|arrest", "c=dobj"} <= set(feats)
    assert "cl=dobj:nurse" in feats and "clause=main" in feats
    assert any(f.startswith("arg=nsubj:") and f != "arg=nsubj:-" for f in feats)
    marched = indices[words.index("marched")]
    assert "clause=relcl" in token_features(doc[marched], actors)
    # one word alone gets the same features as in a batch
    assert token_features(doc[arrest], actors, "COERCE") == feats


@pytest.mark.slow
def test_the_shipped_model_reads_sentences_of_our_own():
    from dateline.events.classifier import load_model
    from dateline.pipeline import Pipeline

    assert load_model() is not None
    pipeline = Pipeline()

    def types(text: str) -> dict[str, float]:
        return {e.event: e.confidence for e in pipeline.code_text(text, date="2024-05-01").events}

    shot = types("Israeli soldiers shot dead two Palestinian protesters near the border.")
    assert "ASSAULT" in shot and shot["ASSAULT"] > 0.7
    air = types("Russian warplanes carried out an air strike on the rebel-held town of Idlib.")
    assert "PROTEST" not in air  # the lexicon's labour sense of "strike" is overruled
    visit = types("The French president welcomed the Kenyan prime minister in Paris.")
    assert visit and max(visit.values()) > 0.5
    for e in pipeline.code_text("Germany pledged aid to Yemen.", date="2024-05-01").events:
        assert 0.0 <= e.confidence <= 1.0


@pytest.mark.slow
def test_the_coder_drops_events_below_min_confidence():
    from dateline.pipeline import Pipeline
    from dateline.settings import Settings

    text = (
        "Russian warplanes carried out an air strike on the town. "
        "The French president welcomed the Kenyan prime minister in Paris."
    )
    every = Pipeline().code_text(text, date="2024-05-01").events
    values = sorted({e.confidence for e in every})
    assert len(values) >= 2  # the test means something: a cut between two events
    cut = (values[0] + values[-1]) / 2
    confident = Pipeline(Settings.load(min_confidence=cut)).code_text(text, date="2024-05-01")
    assert [e.event for e in confident.events] == [e.event for e in every if e.confidence >= cut]
    assert 0 < len(confident.events) < len(every)


# --------------------------------------------------------------------------- --min-confidence


def _store_with_confidences(path):
    from dateline.store import Store
    from test_store_builders import event, make_result

    result = make_result("c1", [event("USA", "AGREE", "RUS", "2024-01-10"),
                                event("RUS", "ACCUSE", "USA", "2024-01-10"),
                                event("CHN", "AID", "UKR", "2024-01-10")])  # fmt: skip
    for e, confidence in zip(result.events, (0.2, 0.6, 0.9), strict=True):
        e.confidence = confidence
    store = Store(path)
    store.add_result(result)
    return store


def test_stored_events_filter_on_confidence(tmp_path):
    store = _store_with_confidences(tmp_path / "e.duckdb")
    assert len(store.events()) == 3
    assert sorted(store.events(min_confidence=0.5)["event"]) == ["ACCUSE", "AID"]
    assert store.count_events(min_confidence=0.85) == 1
    store.close()


def test_events_and_export_commands_take_min_confidence(tmp_path):
    from typer.testing import CliRunner

    from dateline.cli import app

    db = tmp_path / "e.duckdb"
    _store_with_confidences(db).close()
    runner = CliRunner()
    listed = runner.invoke(app, ["events", "--db", str(db), "--min-confidence", "0.5",
                                 "--format", "csv"])  # fmt: skip
    assert listed.exit_code == 0, listed.output
    assert "AID" in listed.output and "AGREE" not in listed.output
    out = tmp_path / "high.csv"
    exported = runner.invoke(app, ["export", "--db", str(db), "--format", "csv", str(out),
                                   "--min-confidence", "0.85"])  # fmt: skip
    assert exported.exit_code == 0, exported.output
    assert out.read_text("utf-8").count("\n") == 2  # header + the one confident event
    refused = runner.invoke(app, ["events", "--db", str(db), "--min-confidence", "1.5"])
    assert refused.exit_code != 0


def test_event_calibration_is_saved_and_keeps_the_order(tmp_path):
    model = fit(_examples())
    assert model.event_confidence(0.3) == pytest.approx(0.3)  # no curve: the word's probability
    curved = EventModel(model.classes, model.vocab, model.weights, model.bias,
                        calibration=(0.4, 0.3))  # fmt: skip
    curved.save(tmp_path / "c.npz")
    again = EventModel.read(tmp_path / "c.npz")
    assert again.calibration == pytest.approx((0.4, 0.3))
    values = [again.event_confidence(p) for p in (0.01, 0.2, 0.5, 0.9, 0.99)]
    assert values == sorted(values) and values[0] > 0.0 and values[-1] < 1.0
    assert values[0] > 0.01 and values[-1] < 0.99  # a shallow curve pulls both ends in


def test_scores_do_not_depend_on_the_process_hash_seed():
    """A re-run or a resumed batch stores the same confidences: float32 weights summed in a
    set's order (which changes with PYTHONHASHSEED) differed in the last digits."""
    from hash_seeds import outputs_under_hash_seeds

    script = (
        "import numpy as np\n"
        "from dateline.events.classifier import EventModel\n"
        "rng = np.random.default_rng(3)\n"
        "vocab = {f'f{i}': i for i in range(400)}\n"
        "weights = (rng.normal(size=(400, 3)) * 10.0 ** rng.integers(-3, 3, (400, 1)))\n"
        "model = EventModel(classes=('NONE', 'A', 'B'), vocab=vocab,\n"
        "                   weights=weights.astype(np.float32), bias=np.zeros(3, np.float32))\n"
        "print(repr(model.scores([list(vocab)]).tolist()))\n"
    )
    outputs = outputs_under_hash_seeds(script, (1, 2, 3, 4), timeout=120)
    assert len(outputs) == 1, outputs


def test_weak_examples_take_the_likeliest_word_of_the_labelled_type_in_a_story_lead():
    from dateline.train import WEAK_WEIGHT, StoryWords, pick_weak

    model = fit(_examples(), c=10.0)
    stories = [
        # the lead's words: a day, an air strike, a town; labelled ASSAULT
        StoryWords("h1", "ASSAULT", [["l=day", "dep=dobj"], SENSES[0][0], ["l=town"]]),
        StoryWords("h2", "PROTEST", [["l=strike", "govp=on|go", "mod=dock|strike"]]),
        StoryWords("h3", "NEVER-SEEN", [SENSES[0][0]]),  # a label the model has no class for
    ]
    weak = pick_weak(stories, model)
    assert [(ex.group, ex.label, ex.feats) for ex in weak] == [
        ("h1", "ASSAULT", SENSES[0][0]),
        ("h2", "PROTEST", ["l=strike", "govp=on|go", "mod=dock|strike"]),
    ]
    assert all(ex.weight == WEAK_WEIGHT and ex.source == "weak" for ex in weak)
    # a lead whose words all look unlike the label gives no example at a high floor
    assert pick_weak([StoryWords("h4", "PROTEST", [["l=day", "dep=dobj"]])], model, 0.3, 0.9) == []


def test_a_weak_example_never_overrides_what_the_lexicon_says_the_word_reports():
    from dateline.train import StoryWords, pick_weak

    model = fit(_examples(), c=10.0)
    agreed = ["l=agree", "lex=AGREE", "mod=air|strike"]  # looks like the label, lexicon says AGREE
    hinted = ["l=halt", "lex=pv:ASSAULT"]  # a PETRARCH hint is no veto
    weak = pick_weak([StoryWords("h", "ASSAULT", [agreed, hinted, ["l=day"]])], model)
    assert [ex.feats for ex in weak] == [hinted]


# --------------------------------------------------------------------------- dense features


def _dense_examples() -> list[Example]:
    """Words whose sparse features say nothing (one shared lemma) and whose dense row does:
    an event word's row points one way, a non-event's the other (rows of our own)."""
    rng = np.random.default_rng(5)
    out = []
    for n in range(60):
        label = "ASSAULT" if n % 2 else NONE
        row = rng.normal(size=480).astype(np.float32)
        row[:96] += 2.0 if label == "ASSAULT" else -2.0  # the "word" block carries the sense
        out.append(Example(f"g{n % 5}", ["l=hit", "dep=ROOT"], label, dense=row))
    return out


def test_a_model_with_dense_blocks_reads_them_and_reads_back_the_same(tmp_path):
    examples = _dense_examples()
    sparse_only = fit(examples, c=10.0)
    with_dense = fit(examples, c=10.0, dense=("word", "sent"), dense_scale=0.5)
    assert with_dense.dense_parts == ("word", "sent") and with_dense.dense_weights.shape[0] == 192
    event = np.r_[np.full(96, 2.0), np.zeros(96)][None, :]
    quiet = np.r_[np.full(96, -2.0), np.zeros(96)][None, :]
    col = with_dense.classes.index("ASSAULT")
    assert with_dense.scores([["l=hit"]], dense=event)[0, col] > 0.9
    assert with_dense.scores([["l=hit"]], dense=quiet)[0, col] < 0.1
    assert 0.3 < sparse_only.scores([["l=hit"]])[0, col] < 0.7  # the lemma alone cannot tell
    with_dense.save(tmp_path / "d.npz")
    again = EventModel.read(tmp_path / "d.npz")
    assert again.dense_parts == ("word", "sent")
    assert np.allclose(again.scores([["l=hit"]], dense=event),
                       with_dense.scores([["l=hit"]], dense=event), atol=2e-3)  # fmt: skip
    # no tensor (NaN rows, or none passed) counts as the training mean: the sparse part alone
    missing = np.full((1, 192), np.nan)
    assert np.allclose(again.scores([["l=hit"]], dense=missing), again.scores([["l=hit"]]))
    mean_row = again.dense_mean[None, :]
    assert np.allclose(again.scores([["l=hit"]], dense=mean_row), again.scores([["l=hit"]]))


def test_dense_fitting_is_deterministic():
    a = fit(_dense_examples(), dense=("word", "head", "subj", "obj", "sent"), seed=3)
    b = fit(_dense_examples(), dense=("word", "head", "subj", "obj", "sent"), seed=3)
    assert np.array_equal(a.weights, b.weights) and np.array_equal(a.dense_weights, b.dense_weights)


def test_the_dense_option_names_known_blocks_only():
    from dateline.errors import InputError
    from dateline.train import dense_option

    assert dense_option("word, head") == ("word", "head")
    assert dense_option("none") == () and dense_option("") == ()
    with pytest.raises(InputError, match="wrod"):
        dense_option("wrod")


@pytest.mark.slow
def test_dense_features_are_the_tensor_rows_of_the_word_and_its_neighbours():
    from spacy.tokens import DocBin

    from dateline.events.classifier import candidate_indices, dense_features, doc_tensor
    from dateline.pipeline import Pipeline

    nlp = Pipeline().nlp
    doc = nlp("The rebels shelled the airport at dawn. Farmers sold their grain in the market.")
    assert doc.tensor.shape == (len(doc), 96)  # the shared tok2vec's rows, in the default mode
    # the rows as stock spaCy (blis) computes them: the tok2vec that fed the parser ran on
    # numpy's BLAS and differs in the last bits (dateline.components.exact_tensor)
    tensor = doc_tensor(doc)
    assert tensor.shape == doc.tensor.shape and np.allclose(tensor, doc.tensor, atol=1e-3)
    shelled = next(t for t in doc if t.lower_ == "shelled")
    sold = next(t for t in doc if t.lower_ == "sold")
    airport = next(t for t in doc if t.lower_ == "airport")
    rows = dense_features(doc, [shelled.i, airport.i, sold.i])
    word, head, subj, obj, sent = (rows[:, k * 96 : (k + 1) * 96] for k in range(5))
    assert np.allclose(word[0], tensor[shelled.i])
    assert np.allclose(word[1], tensor[airport.i])
    assert np.allclose(head[1], tensor[shelled.i])  # the airport's head is the verb
    rebels = next(t for t in doc if t.lower_ == "rebels")
    assert np.allclose(subj[0], tensor[rebels.i]) and np.allclose(obj[0], tensor[airport.i])
    assert np.allclose(subj[1], 0.0)  # a noun has no subject of its own
    first, second = list(doc.sents)
    assert np.allclose(sent[0], tensor[first.start : first.end].mean(axis=0))
    assert np.allclose(sent[2], tensor[second.start : second.end].mean(axis=0))
    # a Doc restored from a DocBin has lost its tensor: NaN rows, which the model reads as none
    bin_ = DocBin()
    bin_.add(doc)
    restored = next(DocBin().from_bytes(bin_.to_bytes()).get_docs(nlp.vocab))
    assert np.isnan(dense_features(restored, candidate_indices(next(restored.sents)))).all()


@pytest.mark.slow
def test_a_trigger_phrase_that_is_the_sentence_root_is_labelled_on_its_head(pipeline):
    from dateline.train import head_of, trigger_span

    doc = pipeline.nlp("Rocket attacks on the northern towns overnight.")
    span = trigger_span(doc, 0, len(doc.text), "rocket attacks")
    assert span is not None and span.root.dep_ == "ROOT"  # the phrase heads the fragment
    assert head_of(span).text == "attacks"


@pytest.mark.slow
def test_training_scores_the_words_the_coder_scores_in_the_parse_the_coder_makes(pipeline):
    from dateline import nlp as nlp_mod
    from dateline.actors.resolve import resolve_actors
    from dateline.events.classifier import candidate_indices, word_features
    from dateline.model import Article
    from dateline.train import CodedText, coder_view, lexicon_types, parse_texts

    sents = [
        "The weather was mild and the gardens looked lovely.",  # the cheap pass skips it
        "Kenyan police arrested twelve protesters in Nairobi.",
    ]
    coded = CodedText("own", "own", sents, [{"sent": 1, "event": "COERCE", "trigger": "arrested"}])
    examples = list(parse_texts([coded], pipeline))
    assert not any(f in ex.feats for ex in examples for f in ("l=weather", "l=garden"))
    assert [ex.label for ex in examples if "l=arrest" in ex.feats] == ["COERCE"]
    # the features are those the coder computes on its own parse of the article
    article = Article(id="own", text=" ".join(sents))
    doc = nlp_mod.annotate(pipeline.nlp, coder_view(pipeline, article)[0])
    actors = resolve_actors(doc, article, pipeline.kb)
    indices = [i for sent in doc.sents for i in candidate_indices(sent)]
    assert [ex.feats for ex in examples] == word_features(
        doc, indices, actors, lexicon_types(doc, pipeline.lexicon)
    )


@pytest.mark.slow
def test_a_story_lead_is_its_first_sentences_even_when_one_is_blanked(pipeline):
    from dateline import nlp as nlp_mod
    from dateline.model import Article
    from dateline.train import coder_view, lead_sentences

    text = (
        "The weather was mild and the gardens looked lovely. "
        "Police in Lima arrested twelve protesters. "
        "Troops shelled the town of Ayacucho."
    )
    seen, starts = coder_view(pipeline, Article(id="s", text=text))
    assert seen.startswith("\n")  # the first sentence is blanked for the parser
    doc = nlp_mod.annotate(pipeline.nlp, seen)
    lead = lead_sentences(doc, starts, 2)
    assert [s.text.strip() for s in lead] == ["Police in Lima arrested twelve protesters."]


def _promise_doc():
    """ "Chile promised support to Peru." parsed by hand (no spaCy model needed)."""
    import spacy
    from spacy.tokens import Doc

    words = ["Chile", "promised", "support", "to", "Peru", "."]
    return Doc(
        spacy.blank("en").vocab,
        words=words,
        lemmas=["Chile", "promise", "support", "to", "Peru", "."],
        pos=["PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
        deps=["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
        heads=[1, 1, 1, 2, 3, 1],
    )


def test_the_model_never_retypes_a_promise_the_lexicon_reads_by_its_content():
    from dateline.events.candidate import Candidate
    from dateline.events.gate import gate_sentences
    from dateline.events.lexicon import TriggerEntry

    # a model sure that "promise" reports a threat (as "promised to retaliate" does)
    model = fit(
        [Example("a", ["l=promise", "x"], "THREATEN")] * 6
        + [Example("b", ["l=support", "y"], NONE)] * 2
        + [Example("c", ["l=sign", "z"], "AGREE")] * 2
    )
    doc = _promise_doc()
    sent = next(iter(doc.sents))

    def gated(event: str) -> list[str]:
        cand = Candidate(doc[1], TriggerEntry(id=f"own-{event}", event=event), event, None)
        return [c.event for c in gate_sentences([sent], [[cand]], None, model)[0]]

    assert gated("AGREE") == ["AGREE"]  # what is promised decides: the lexicon's reading stays
    assert gated("ASSAULT") == ["THREATEN"]  # another sense the model is sure of: retyped


def test_the_model_proposes_no_event_at_a_plan_verb_whose_complement_holds_a_candidate():
    import spacy
    from spacy.tokens import Doc

    from dateline.events.candidate import Candidate
    from dateline.events.gate import gate_sentences
    from dateline.events.lexicon import TriggerEntry

    # "Chile is expected to sign the treaty.", parsed by hand
    doc = Doc(
        spacy.blank("en").vocab,
        words=["Chile", "is", "expected", "to", "sign", "the", "treaty", "."],
        lemmas=["Chile", "be", "expect", "to", "sign", "the", "treaty", "."],
        pos=["PROPN", "AUX", "VERB", "PART", "VERB", "DET", "NOUN", "PUNCT"],
        deps=["nsubjpass", "auxpass", "ROOT", "aux", "xcomp", "det", "dobj", "punct"],
        heads=[2, 2, 2, 4, 2, 6, 4, 2],
    )
    sent = next(iter(doc.sents))
    # a model sure that "expect" reports an agreement (annotators code "expected to visit" so)
    model = fit(
        [Example("a", ["l=expect", "x"], "AGREE")] * 6
        + [Example("b", ["l=sign", "y"], "AGREE")] * 3
        + [Example("c", ["l=treaty", "z"], NONE)] * 6
    )
    sign = Candidate(doc[4], TriggerEntry(id="own-sign", event="AGREE"), "AGREE", None)
    with_sign = gate_sentences([sent], [[sign]], None, model)[0]
    # the act is coded at "sign", whose modality the plan verb gives; no second event at it
    assert [c.token.text for c in with_sign] == ["sign"]
    # with no candidate in its complement, the model may still propose the plan verb
    alone = gate_sentences([sent], [[]], None, model)[0]
    assert ("expected", "AGREE") in [(c.token.text, c.event) for c in alone]


def test_real_news_keeps_its_share_of_the_weight_however_much_synthetic_text_there_is():
    from dateline.train import balance_sources

    real = [Example("r", ["l=arrest"], "COERCE"), Example("r", ["l=day"], NONE)]
    for n in (2, 20):
        synthetic = [
            Example(f"s{i}", ["l=raid"], "ASSAULT", 0.7, source="synthetic") for i in range(n)
        ]
        weak = [Example("w", ["l=raid"], "ASSAULT", 0.3, source="weak")]
        out = balance_sources(real + synthetic + weak, 0.4)
        total = {k: sum(e.weight for e in out if e.source == k) for k in ("real", "synthetic")}
        assert total["real"] == 2.0  # real news keeps its weights
        assert total["real"] / (total["real"] + total["synthetic"]) == pytest.approx(0.4)
        assert out[-1].weight == 0.3  # weak examples keep theirs
    assert synthetic[0].weight == 0.7  # the originals are left as they were
    assert [e.weight for e in balance_sources(real + synthetic, None)] == [1.0, 1.0] + [0.7] * 20
    assert balance_sources(real, 0.4) == real  # nothing synthetic: nothing to scale


@pytest.mark.slow
def test_a_gold_event_is_labelled_on_the_word_the_lexicon_reads_as_its_type(pipeline):
    from dateline.train import CodedText, parse_texts

    sents = ["The colonel led the military assault on the rebel town of Kamba."]
    event = {"sent": 0, "event": "ASSAULT", "trigger": "led the military assault"}
    examples = list(parse_texts([CodedText("own", "own", sents, [event])], pipeline))
    labelled = {next(f[2:] for f in ex.feats if f.startswith("l=")): ex.label for ex in examples}
    assert labelled.get("assault") == "ASSAULT"  # the coder codes it there
    assert "lead" not in labelled  # the phrase's head counts neither way
    # where the lexicon reads the phrase as another type, the head keeps the label
    other = {"sent": 0, "event": "MOBILIZE", "trigger": "led the military assault"}
    examples = list(parse_texts([CodedText("own2", "own2", sents, [other])], pipeline))
    assert [ex.label for ex in examples if "l=lead" in ex.feats] == ["MOBILIZE"]


@pytest.mark.slow  # spawning two interpreters costs 10-40 s on the shared machine
def test_cross_validation_gives_the_same_probabilities_in_worker_processes(monkeypatch):
    from dateline import train as T

    monkeypatch.setattr(T, "PARALLEL_MIN_EXAMPLES", 0)
    one = T.cross_validate(_examples(4), k=3, workers=1)
    two = T.cross_validate(_examples(4), k=3, workers=2)
    assert one[0] == two[0] and np.array_equal(one[1], two[1])

"""Building the event model (:mod:`dateline.events.classifier`) from sentence-coded gold.

``dateline train`` reads the coded articles of ``../shared/train/`` (``guardian_lead_train.jsonl``:
real Guardian leads; ``ngec_synthetic_sentences.jsonl``: synthetic stories coded sentence by
sentence) and the repository's hand-coded corpus rows (``annotations/guardian_corpus/``, joined
with ``../shared/corpus/guardian_sample_249.csv``; real news, weighed like the Guardian leads),
parses them with the same spaCy pipeline and actor resolver the coder uses, labels
every candidate word with the type of the gold event whose trigger it heads (or NONE), and fits a
multinomial logistic regression. Probabilities are calibrated with one temperature fitted on
out-of-fold predictions (folds by article, or by headline for the synthetic stories, so that text
written from one headline stays on one side). Deterministic for a given seed and data.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import numpy as np

from dateline.errors import InputError
from dateline.events.classifier import (
    DENSE_PARTS,
    NONE,
    EventModel,
    candidate_indices,
    dense_features,
    word_features,
)
from dateline.model import Article

#: Files of the training folder and how much each one's examples weigh (real news counts most).
SENTENCE_FILES = {"guardian_lead_train.jsonl": 1.0, "ngec_synthetic_sentences.jsonl": 0.7}
STORY_FILE = "ngec_synthetic_train.jsonl"
#: The hand-coded corpus rows are real news: they weigh what the Guardian leads weigh.
ANNOTATION_WEIGHT = SENTENCE_FILES["guardian_lead_train.jsonl"]
#: Synthetic stories coded by sentence in the repository weigh what the shared ones weigh.
STORY_ANNOTATION_WEIGHT = SENTENCE_FILES["ngec_synthetic_sentences.jsonl"]
MIN_FEATURE_COUNT = 2
#: The logistic regression's inverse regularisation strength (scikit-learn's ``C``). Chosen on
#: held-out real articles, word by word (``scripts/token_cv.py``; docs/accuracy-history.md "Round 8:
#: event model"): 0.5 gave more recall at every precision from 0.6 to 0.8 than 1.0 on three
#: article folds; 2.0 less, 0.25 and 0.1 no more.
C = 0.5
#: The share of the hand-coded training weight (summed over every candidate word) that real
#: news carries, whatever the amount of synthetic text: the synthetic words' weights are scaled
#: so that real news keeps this share (None: the per-file weights as they are). Synthetic stories
#: are written from headlines and outnumber the real articles' words; without a fixed share
#: every new batch of them pulled the model further towards synthetic prose (docs/accuracy-history.md,
#: "Round 6: event model").
REAL_SHARE: float | None = 0.5
#: Weak examples from the story-level stories: their weight; the least probability of the
#: labelled type the model must give the chosen word; how many of the story's first sentences
#: it is chosen from; how many rounds of choosing (each round's model learns from the last's).
#: Chosen by cross-validation on the training data (docs/accuracy.md).
WEAK_WEIGHT = 0.3
WEAK_MIN_PROBABILITY = 0.02
WEAK_SENTENCES = 2
WEAK_ROUNDS = 2
#: The tensor blocks the model reads beside its sparse features (:func:`dense_features`), and
#: how much a standardised block counts against a sparse feature (the regulariser's view of
#: them); chosen by cross-validation on the training data (docs/accuracy-history.md, "Dense
#: features from spaCy's token vectors").
DENSE: tuple[str, ...] = ()
DENSE_SCALE = 0.05


@dataclass
class Example:
    """One candidate word of a training sentence with its features and label."""

    group: str  # article id or story headline: folds never split a group
    feats: list[str]
    label: str
    weight: float = 1.0
    mode: str | None = None  # the gold event's PLOVER mode (event words only)
    dense: np.ndarray | None = None  # tensor rows, every block of DENSE_PARTS (float32)
    source: str = "real"  # "real" news, "synthetic" text, or "weak" (a story's label)


@dataclass
class CodedText:
    """A text coded sentence by sentence: its sentences and gold events (``sent`` 0-based)."""

    id: str
    group: str
    sents: list[str]
    events: list[dict]
    date: str | None = None
    weight: float = 1.0
    meta: dict = field(default_factory=dict)
    real: bool = True  # real news (False: a synthetic story)


#: The training folder's files of real news (the others are synthetic stories).
REAL_FILES = frozenset({"guardian_lead_train.jsonl"})


def read_coded(path: Path, weight: float = 1.0) -> list[CodedText]:
    """Articles or stories of the sentence-coded format (``sents`` + ``events`` with ``sent``)."""
    out = []
    for line_no, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            sents = [str(s) for s in row["sents"]]
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise InputError(
                f"{path} line {line_no}: not a sentence-coded record ({exc})"
            ) from None
        out.append(
            CodedText(
                id=str(row.get("id") or f"{path.stem}-{line_no}"),
                group=str(row.get("title") or row.get("id") or line_no),
                sents=sents,
                events=list(row.get("events") or []),
                date=row.get("date"),
                weight=weight,
                real=path.name in REAL_FILES,
            )
        )
    return out


def read_training_folder(folder: Path) -> list[CodedText]:
    """Every sentence-coded file of the training folder that exists."""
    texts: list[CodedText] = []
    for name, weight in SENTENCE_FILES.items():
        path = folder / name
        if path.is_file():
            texts += read_coded(path, weight)
    if not texts:
        raise InputError(
            f"{folder}: none of {', '.join(SENTENCE_FILES)} found; pass the shared train/ folder"
        )
    return texts


def default_annotations() -> Path:
    """The repository's ``annotations/guardian_corpus`` (beside ``src/`` in a checkout; an
    installed wheel has none)."""
    return Path(__file__).resolve().parents[2] / "annotations" / "guardian_corpus"


def default_corpus(folder: Path) -> Path:
    """The shared corpus beside the training folder: ``<data>/../corpus/guardian_sample_249.csv``."""
    from dateline.evaluation.corpus import CORPUS_FILE

    return folder.parent / "corpus" / CORPUS_FILE


def read_corpus_annotations(
    annotations: Path | None,
    corpus: Path | None,
    known: Iterable[str] = (),
    log=print,
    weight: float = ANNOTATION_WEIGHT,
    excluded: set[str] = frozenset(),
) -> list[CodedText]:
    """The hand-coded corpus rows as coded texts (weight :data:`ANNOTATION_WEIGHT`, one group per
    article so that folds never split one), or none, with a note saying why, when the
    annotation folder or the corpus is absent. A line that does not check out (held-back or
    unknown row, a trigger not in its sentence, ...) is left out with a note naming it; a row
    coded twice (the agreement sample) counts in its first file's coding; a row the training
    folder already codes (``known`` ids) is left out. ``corpus`` may also be the story file:
    coded stories group by headline, and ``excluded`` story ids (validation headlines) are
    refused."""
    from dateline.evaluation.corpus import (
        annotation_lines,
        check_annotation,
        read_rows,
        to_record,
    )
    from dateline.events.ontology import Ontology

    if annotations is None:
        return []
    if not annotations.is_dir() or not any(annotations.glob("*.jsonl")):
        log(f"note: no corpus annotations at {annotations}; training without them")
        return []
    if corpus is None or not corpus.is_file():
        log(f"note: corpus {corpus} not found; training without the corpus annotations")
        return []
    rows = read_rows(corpus)
    onto = Ontology.load()
    out: list[CodedText] = []
    seen = set(known)
    for path, line_no, item in annotation_lines(annotations):
        key = str(item.get("key"))
        problems = check_annotation(item, rows, onto, excluded)
        if problems:
            log(f"note: {path.name} line {line_no} (row {key}) left out: {problems[0]}")
            continue
        record = to_record(item, rows[key])
        if record["id"] in seen:
            continue
        seen.add(record["id"])
        out.append(
            CodedText(
                id=record["id"],
                group=record.get("title") or record["id"],
                sents=record["sents"],
                events=record["events"],
                date=record["date"],
                weight=weight,
                meta={"annotator": record.get("annotator")},
                real=corpus.name != STORY_FILE,
            )
        )
    return out


def extend_texts(
    texts: list[CodedText], annotations: Path | None, corpus: Path | None, log=print
) -> int:
    """Append to the real training articles the sentences after their first 15 that the
    repository codes (``annotations/guardian_more``, beside the corpus annotations; see
    :func:`~dateline.evaluation.corpus.chained_extensions`), so one article stays one text and
    one fold; returns how many articles grew."""
    from dateline.evaluation.corpus import MORE_FOLDER, chained_extensions, extend_record, read_rows
    from dateline.events.ontology import Ontology

    folder = annotations.parent / MORE_FOLDER if annotations is not None else None
    if folder is None or not folder.is_dir() or corpus is None or not corpus.is_file():
        return 0
    rows = read_rows(corpus)
    articles = {t.id.removeprefix("guardian-"): t for t in texts if t.id.startswith("guardian-")}
    first = {key: list(t.sents) for key, t in articles.items()}
    chains = chained_extensions(first, folder, rows, Ontology.load(), log)
    for key, chain in chains.items():
        text = articles[key]
        for item in chain:
            record = extend_record({"sents": text.sents, "events": text.events}, item, rows[key])
            text.sents, text.events = record["sents"], record["events"]
    return len(chains)


def read_story_annotations(
    folder: Path, annotations: Path | None, known: Iterable[str] = (), log=print
) -> list[CodedText]:
    """The synthetic stories the repository codes by sentence (``annotations/ngec_stories``,
    beside the corpus annotations), never one whose headline the story check holds out."""
    story_file = folder / STORY_FILE
    if annotations is None or not story_file.is_file():
        return []
    stories = read_stories(story_file)
    held = story_check_headlines(folder, {str(s.get("title") or s.get("id")) for s in stories})
    excluded = {str(s["id"]) for s in stories if str(s.get("title") or s.get("id")) in held}
    return read_corpus_annotations(
        annotations.parent / "ngec_stories",
        story_file,
        known,
        log,
        weight=STORY_ANNOTATION_WEIGHT,
        excluded=excluded,
    )


def read_stories(path: Path) -> list[dict]:
    """The story-level synthetic stories (``text``, ``title``, ``events`` with one label)."""
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def validation_titles(titles: Iterable[str], share: float = 0.2, exclude: set[str] = frozenset()):
    """Headlines set aside for validation: a fixed hash of the title, so every run agrees."""
    out = set()
    for title in titles:
        if title in exclude:
            continue
        bucket = int(hashlib.sha1(title.encode("utf-8")).hexdigest()[:8], 16) % 1000
        if bucket < share * 1000:
            out.add(title)
    return out


def story_check_headlines(folder: Path, titles: Iterable[str], share: float = 0.2) -> set[str]:
    """The headlines the story check holds out: a fixed share of ``titles`` (by
    :func:`validation_titles`), never one of the stories the training folder codes by sentence,
    which the model trains on."""
    coded = folder / "ngec_synthetic_sentences.jsonl"
    seen = {t.group for t in read_coded(coded)} if coded.is_file() else set()
    return validation_titles(titles, share, seen)


# --------------------------------------------------------------------------- labels


def trigger_span(doc, start: int, end: int, trigger: str):
    """The tokens of the first part of ``trigger`` ("airstrike", "accused ... of") found in the
    sentence at characters ``start:end``."""
    text = doc.text[start:end].lower()
    for piece in re.split(r"\s*(?:\.\.\.|\u2026)\s*", trigger or ""):
        piece = piece.strip().lower()
        if not piece:
            continue
        at = text.find(piece)
        if at < 0:
            continue
        span = doc.char_span(start + at, start + at + len(piece), alignment_mode="expand")
        if span is not None and len(span):
            return span
    return None


def head_of(span):
    """The word a trigger phrase is about: its syntactic head, else its first verb or noun."""
    from dateline.events.classifier import is_candidate

    # a root is its own head; compare indices (spaCy builds a new Token on every access, so
    # ``t.head is t`` never holds)
    heads = [t for t in span if not span.start <= t.head.i < span.end or t.head.i == t.i]
    for tok in heads + list(span):
        if is_candidate(tok):
            return tok
    return None


def _lexicon_word(span, event: str, lexicon_types: dict[int, str]):
    """The word of a trigger phrase the hand lexicon reads as the gold type ("assault" in "led
    the military assault", "attacks" in "claimed responsibility for attacks"), else None. The
    coder codes such an event at the lexicon's word, so that is the word the model must learn
    to keep; labelling the phrase's head instead ("led", "claimed") taught it to propose words
    that report no act of their own. The head wins when it is such a word itself."""
    from dateline.events.classifier import is_candidate

    head = head_of(span)
    if head is not None and lexicon_types.get(head.i) == event:
        return head
    return next((t for t in span if is_candidate(t) and lexicon_types.get(t.i) == event), None)


def label_text(coded: CodedText, doc, actors, lexicon_types: dict[int, str]) -> list[Example]:
    """Examples for every candidate word of a parsed coded text: the word of each gold
    trigger phrase the coder codes the event at (:func:`_lexicon_word`, else the phrase's
    head) is an event word, the phrase's other words count neither way."""
    starts, pos = [], 0
    for sent in coded.sents:
        starts.append(pos)
        pos += len(sent) + 1
    labels: dict[int, str] = {}
    modes: dict[int, str | None] = {}
    ignore: set[int] = set()
    for event in coded.events:
        s = event.get("sent")
        if not isinstance(s, int) or not 0 <= s < len(coded.sents):
            continue
        span = trigger_span(doc, starts[s], starts[s] + len(coded.sents[s]), event.get("trigger"))
        if span is None:
            continue
        head = _lexicon_word(span, str(event["event"]).upper(), lexicon_types) or head_of(span)
        if head is None:
            continue
        if head.i not in labels:
            labels[head.i] = str(event["event"]).upper()
            modes[head.i] = event.get("mode") or None
        ignore.update(t.i for t in span if t.i != head.i)
    out = []
    for sent in doc.sents:
        indices = [
            i for i in candidate_indices(sent) if i in labels or i not in ignore
        ]  # part of a trigger phrase, not its head: neither event nor non-event
        feats = word_features(doc, indices, actors, lexicon_types)
        dense = dense_features(doc, indices)
        for i, f, d in zip(indices, feats, dense, strict=True):
            label = labels.get(i, NONE)
            source = "real" if coded.real else "synthetic"
            out.append(Example(coded.group, f, label, coded.weight, modes.get(i), d, source))
    return out


def lexicon_types(doc, lexicon) -> dict[int, str]:
    """The type the lexicon proposes for each word it matches (a feature of the model)."""
    from dateline.events.extract.triggers import find_candidates

    out: dict[int, str] = {}
    for sent in doc.sents:
        for cand in find_candidates(sent, lexicon, fallback=True):
            out.setdefault(cand.token.i, cand.proposed_type)
    return out


def coder_view(pipeline, article: Article) -> tuple[str, list[int] | None]:
    """What the coder's spaCy pass sees of ``article`` (the sentences the cheap pass skips
    blanked out, headline-case lines re-cased; offsets kept) and where the article's own
    sentences start (None: the parse's sentences are the article's). Training parses this,
    not the raw text, so that every word is scored in the parse the coder will give it and no
    word of a sentence the coder never reads counts as an example."""
    return pipeline._prepare(article)


def parse_texts(texts: list[CodedText], pipeline, batch_size: int = 32) -> Iterator[Example]:
    """Parse, resolve actors and label every coded text with the coder's own components, on
    the coder's view of the text (:func:`coder_view`)."""
    from dateline.actors.resolve import resolve_actors
    from dateline.nlp import remember_text

    articles = [Article(id=t.id, text=" ".join(t.sents), published=_date(t.date)) for t in texts]
    seen = [coder_view(pipeline, article)[0] for article in articles]
    docs = pipeline.nlp.pipe(seen, batch_size=batch_size)
    for coded, article, text, doc in zip(texts, articles, seen, docs, strict=True):
        remember_text(doc, text)
        actors = resolve_actors(doc, article, pipeline.kb)
        yield from label_text(coded, doc, actors, lexicon_types(doc, pipeline.lexicon))


@dataclass
class StoryWords:
    """The candidate words of a story's lead (its first :data:`WEAK_SENTENCES` sentences) with
    their features, and the story's label: what weak examples are picked from."""

    group: str
    label: str
    feats: list[list[str]]
    dense: np.ndarray | None = None  # one row per word (see Example.dense)


def story_words(folder: Path, pipeline, exclude: set[str]) -> list[StoryWords]:
    """Parse the lead of every story-level story whose headline is not in ``exclude`` (the
    validation part) once; :func:`pick_weak` then chooses among its words."""
    from dateline.actors.resolve import resolve_actors

    path = folder / STORY_FILE
    if not path.is_file():
        return []
    from dateline.nlp import remember_text

    stories = [s for s in read_stories(path) if (s.get("title") or s.get("id")) not in exclude]
    leads = [Article(id=str(s.get("id")), text=str(s.get("text") or "")[:600]) for s in stories]
    views = [coder_view(pipeline, article) for article in leads]
    docs = pipeline.nlp.pipe([text for text, _ in views], batch_size=64)
    out: list[StoryWords] = []
    for story, article, (text, starts), doc in zip(stories, leads, views, docs, strict=True):
        labels = [str(e.get("event") or "").upper() for e in story.get("events") or []]
        if not labels:
            continue
        remember_text(doc, text)
        indices = [i for sent in lead_sentences(doc, starts) for i in candidate_indices(sent)]
        if not indices:
            continue
        actors = resolve_actors(doc, article, pipeline.kb)
        feats = word_features(doc, indices, actors, lexicon_types(doc, pipeline.lexicon))
        group = str(story.get("title") or story.get("id"))
        out.append(StoryWords(group, labels[0], feats, dense_features(doc, indices)))
    return out


def lead_sentences(doc, starts: list[int] | None, count: int = WEAK_SENTENCES) -> list:
    """The parsed sentences of ``doc`` that lie in the text's first ``count`` sentences
    (``starts``: where the text's own sentences start, when the parse saw it with sentences
    blanked; None: the parse's sentences are the text's)."""
    from dateline.select import sentence_numbers

    every = list(doc.sents)
    numbers = sentence_numbers(doc, starts) if starts is not None else None
    written = [sent for sent in every if not all(t.is_space for t in sent)]
    if numbers is None:
        return written[:count]
    return [
        sent
        for sent, n in zip(every, numbers, strict=True)
        if n < count and not all(t.is_space for t in sent)
    ]


def pick_weak(
    stories: list[StoryWords],
    model: EventModel,
    weight: float = WEAK_WEIGHT,
    min_probability: float = WEAK_MIN_PROBABILITY,
) -> list[Example]:
    """In each story's lead, the word ``model`` finds likeliest to report the story's labelled
    type becomes an example of it, when it gives that type at least ``min_probability``. A word
    the hand lexicon reads as another type is never chosen: the label says what the story is
    about, the lexicon what that word reports ("agreed" in a story labelled CONCEDE is the
    agreement, not the concession)."""
    out: list[Example] = []
    for story in stories:
        if story.label not in model.classes:
            continue
        probs = model.scores(story.feats, dense=_story_dense(story, model))
        probs = probs[:, model.classes.index(story.label)]
        probs[[_lexicon_disagrees(f, story.label) for f in story.feats]] = -1.0
        best = int(probs.argmax())
        if probs[best] >= min_probability:
            dense = story.dense[best] if story.dense is not None else None
            out.append(
                Example(
                    story.group, story.feats[best], story.label, weight, dense=dense, source="weak"
                )
            )
    return out


def _story_dense(story: StoryWords, model: EventModel) -> np.ndarray | None:
    """The columns of the story words' dense rows that ``model`` reads."""
    if not model.dense_parts or story.dense is None:
        return None
    return story.dense[:, _dense_columns(model.dense_parts)]


def _lexicon_disagrees(feats: list[str], label: str) -> bool:
    """Whether the word's hand-lexicon type (feature ``lex=``; not the PETRARCH table's
    ``pv:`` hints) is an event type other than ``label``."""
    lex = next((f[4:] for f in feats if f.startswith("lex=")), NONE)
    return lex not in {NONE, label} and not lex.startswith("pv:")


def weak_story_examples(
    folder: Path,
    pipeline,
    examples: list[Example],
    exclude: set[str],
    c: float = C,
    seed: int = 0,
    rounds: int = WEAK_ROUNDS,
    dense: tuple[str, ...] = (),
    stories: list[StoryWords] | None = None,
) -> list[Example]:
    """Weak examples from the story-level stories (their label is usually reported in the lead):
    see :func:`pick_weak`. The first round's model is trained on the hand-coded ``examples``;
    each further round's on them and the previous round's weak examples, so a type the
    sentence-coded texts rarely show (CONCEDE, COOPERATE) gains words from the stories
    themselves. No negatives: the other words are not known to be none. Stories whose headline
    is in ``exclude`` (the validation part) are never used. ``stories``: their leads parsed
    already by :func:`story_words` (cross-validation parses them once for every fold)."""
    if stories is None:
        stories = story_words(folder, pipeline, exclude)
    weak: list[Example] = []
    for _ in range(rounds):
        weak = pick_weak(stories, fit(examples + weak, c=c, seed=seed, dense=dense))
    return weak


def _date(value) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


# --------------------------------------------------------------------------- fitting


def balance_sources(
    examples: list[Example], real_share: float | None = REAL_SHARE
) -> list[Example]:
    """The examples with the synthetic words' weights scaled so that real news carries
    ``real_share`` of the summed weight (see :data:`REAL_SHARE`); unchanged when ``real_share``
    is None or either kind is missing. New Example objects: callers may share the originals."""
    real = sum(ex.weight for ex in examples if ex.source == "real")
    synthetic = sum(ex.weight for ex in examples if ex.source == "synthetic")
    if real_share is None or not real or not synthetic:
        return list(examples)
    if not 0.0 < real_share < 1.0:
        raise ValueError(f"real_share must lie strictly between 0 and 1, not {real_share}")
    factor = real * (1.0 - real_share) / real_share / synthetic
    return [
        replace(ex, weight=ex.weight * factor) if ex.source == "synthetic" else ex
        for ex in examples
    ]


def _vocabulary(examples: list[Example], min_count: int = MIN_FEATURE_COUNT) -> dict[str, int]:
    counts = Counter(f for ex in examples for f in set(ex.feats))
    kept = sorted(f for f, n in counts.items() if n >= min_count)
    return {f: i for i, f in enumerate(kept)}


def _matrix(examples: list[Example], vocab: dict[str, int]):
    from scipy.sparse import csr_matrix

    rows, cols = [], []
    for r, ex in enumerate(examples):
        idx = sorted({vocab[f] for f in ex.feats if f in vocab})
        rows += [r] * len(idx)
        cols += idx
    data = np.ones(len(rows), dtype=np.float32)
    return csr_matrix((data, (rows, cols)), shape=(len(examples), len(vocab)))


def dense_option(text: str) -> tuple[str, ...]:
    """The dense blocks named in a comma-separated option ('none' or '': no blocks)."""
    parts = tuple(p.strip() for p in text.split(",") if p.strip() and p.strip() != "none")
    unknown = [p for p in parts if p not in DENSE_PARTS]
    if unknown:
        raise InputError(
            f"unknown dense block(s) {', '.join(unknown)}; known: {', '.join(DENSE_PARTS)}"
        )
    return parts


def _dense_columns(parts: tuple[str, ...]) -> np.ndarray:
    """The columns of :attr:`Example.dense` (every block of DENSE_PARTS) that ``parts`` name."""
    width = 96
    return np.concatenate(
        [np.arange(DENSE_PARTS.index(p) * width, (DENSE_PARTS.index(p) + 1) * width) for p in parts]
    )


def _dense_rows(examples: list[Example], parts: tuple[str, ...]) -> np.ndarray:
    """The examples' dense rows for ``parts`` (NaN where an example has none)."""
    cols = _dense_columns(parts)
    out = np.full((len(examples), len(cols)), np.nan)
    for r, ex in enumerate(examples):
        if ex.dense is not None:
            out[r] = ex.dense[cols]
    return out


def _standardise(rows: np.ndarray, scale: float) -> tuple[np.ndarray, np.ndarray]:
    """Mean and divisor that make each column's training values mean 0, spread ``scale``."""
    with np.errstate(invalid="ignore"):
        mean = np.nan_to_num(np.nanmean(rows, axis=0)) if len(rows) else np.zeros(rows.shape[1])
        spread = np.nan_to_num(np.nanstd(rows, axis=0)) if len(rows) else np.ones(rows.shape[1])
    return mean, (spread + 1e-6) / scale


def _logistic(x, y: np.ndarray, w: np.ndarray, c: float, seed: int):
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits

    clf = LogisticRegression(C=c, max_iter=1000, random_state=seed, tol=1e-4)
    with threadpool_limits(1):  # threads only slow it down on a shared machine
        clf.fit(x, y, sample_weight=w)
    return clf


def fit(
    examples: list[Example],
    c: float = C,
    seed: int = 0,
    temperature: float = 1.0,
    modes: bool = False,
    mode_c: float | None = None,
    dense: tuple[str, ...] = (),
    dense_scale: float = DENSE_SCALE,
) -> EventModel:
    """A multinomial logistic regression over the examples' features (and, with ``dense``,
    those blocks of their tensor rows, standardised to spread ``dense_scale``); with ``modes``,
    a second one over the sparse features for the mode of the event words (see
    :func:`mode_labels`)."""
    from scipy.sparse import csr_matrix, hstack

    vocab = _vocabulary(examples)
    x = _matrix(examples, vocab)
    y = np.array([ex.label for ex in examples])
    w = np.array([ex.weight for ex in examples], dtype=np.float64)
    dense_fields: dict = {}
    x_all = x
    if dense:
        rows = _dense_rows(examples, dense)
        mean, divisor = _standardise(rows, dense_scale)
        z = np.nan_to_num((rows - mean) / divisor, nan=0.0)
        x_all = hstack([x, csr_matrix(z)], format="csr")
        dense_fields = {"dense_parts": tuple(dense), "dense_mean": mean, "dense_scale": divisor}
    clf = _logistic(x_all, y, w, c, seed)
    coef = _coef(clf).T.astype(np.float32)
    if dense:
        dense_fields["dense_weights"] = coef[len(vocab) :].copy()
    mode_parts = _fit_modes(examples, x, w, mode_c or c, seed) if modes else {}
    return EventModel(
        classes=tuple(str(k) for k in clf.classes_),
        vocab=vocab,
        weights=coef[: len(vocab)].copy(),
        bias=_intercept(clf).astype(np.float32),
        temperature=temperature,
        **mode_parts,
        **dense_fields,
    )


def _fit_modes(examples: list[Example], x, w: np.ndarray, c: float, seed: int) -> dict:
    """The mode model's fields of :class:`EventModel` (empty when there is nothing to learn)."""
    mode_y = mode_labels(examples)
    rows = np.flatnonzero(mode_y != "")
    if len(set(mode_y[rows])) < 2:
        return {}
    clf = _logistic(x[rows], mode_y[rows], w[rows], c, seed)
    return {
        "mode_classes": tuple(str(k) for k in clf.classes_),
        "mode_weights": _coef(clf).T.astype(np.float32).copy(),
        "mode_bias": _intercept(clf).astype(np.float32),
    }


def fit_modes_only(examples: list[Example], c: float = C, seed: int = 0) -> EventModel:
    """A model whose mode part alone is fitted (for cross-validating modes cheaply)."""
    vocab = _vocabulary(examples)
    x = _matrix(examples, vocab)
    w = np.array([ex.weight for ex in examples], dtype=np.float64)
    empty = np.zeros((len(vocab), 1), dtype=np.float32)
    return EventModel((NONE,), vocab, empty, np.zeros(1, np.float32),
                      **_fit_modes(examples, x, w, c, seed))  # fmt: skip


def _coef(clf) -> np.ndarray:
    """(n_classes, n_features) weights; scikit-learn keeps one row for two classes."""
    if len(clf.classes_) == 2:
        return np.vstack([-clf.coef_[0] / 2, clf.coef_[0] / 2])
    return clf.coef_


def _intercept(clf) -> np.ndarray:
    if len(clf.classes_) == 2:
        return np.array([-clf.intercept_[0] / 2, clf.intercept_[0] / 2])
    return clf.intercept_


#: A type's mode is learnt when the hand-coded event words show at least this many of it
#: (rarer modes count as the type's "no mode").
MIN_MODE_EXAMPLES = 5


def mode_labels(examples: list[Example], min_count: int = MIN_MODE_EXAMPLES) -> np.ndarray:
    """``TYPE|mode`` (``TYPE|-``: none) for each hand-coded event word, '' for the others
    (non-events, weak examples whose mode is unknown). A mode seen fewer than ``min_count``
    times becomes ``TYPE|-``; a type left with one class has nothing to predict ('')."""
    raw = [
        f"{ex.label}|{ex.mode or '-'}" if ex.label != NONE and ex.source != "weak" else ""
        for ex in examples
    ]
    counts = Counter(r for r in raw if r)
    kept = [r if not r or counts[r] >= min_count else r.split("|")[0] + "|-" for r in raw]
    per_type = Counter(k.split("|")[0] for k in set(kept) if k)
    return np.array([k if k and per_type[k.split("|")[0]] >= 2 else "" for k in kept])


def _folds(examples: list[Example], k: int, seed: int) -> list[np.ndarray]:
    """Fold number of each example, by group (deterministic shuffle of the groups)."""
    groups = sorted({ex.group for ex in examples})
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(groups))
    fold_of = {groups[g]: i % k for i, g in enumerate(order)}
    return np.array([fold_of[ex.group] for ex in examples])


#: Processes the cross-validation folds are fitted in at once (each fold's fit is independent of
#: the others', so the result is the same for any number; 1: one after the other, in this
#: process). Two: the issue's training budget is 30 minutes on 2 cores.
WORKERS = 2
#: Fewer examples than this are cheaper to fit in this process than to send to workers.
PARALLEL_MIN_EXAMPLES = 20_000

_FOLD_DATA: dict = {}


def _remember_folds(examples, fold, c, seed, dense) -> None:
    """A worker process's copy of what every fold is fitted from (sent once per worker)."""
    _FOLD_DATA.update(examples=examples, fold=fold, c=c, seed=seed, dense=dense)


def _fold_in_worker(f: int):
    return _fold_probabilities(f, **_FOLD_DATA)


def _fold_probabilities(f: int, examples, fold, c, seed, dense):
    """Fold ``f``'s model's classes, the indices of its held-out examples and their
    probabilities."""
    train = [ex for ex, g in zip(examples, fold, strict=True) if g != f]
    test_idx = np.flatnonzero(fold == f)
    model = fit(train, c=c, seed=seed, dense=dense)
    test = [examples[i] for i in test_idx]
    probs = model.scores([ex.feats for ex in test], dense=example_dense(test, model))
    return model.classes, test_idx, probs


def cross_validate(
    examples: list[Example],
    k: int = 5,
    c: float = C,
    seed: int = 0,
    dense: tuple = (),
    workers: int = WORKERS,
):
    """Out-of-fold class probabilities (uncalibrated) for every example, and the class order
    (the first fold's). The folds are fitted in ``workers`` processes at once (a script that
    calls this must guard its top level with ``if __name__ == "__main__"``: the workers are
    spawned, and spawning imports the main module)."""
    fold = _folds(examples, k, seed)
    if workers > 1 and k > 1 and len(examples) >= PARALLEL_MIN_EXAMPLES:
        from concurrent.futures import ProcessPoolExecutor
        from multiprocessing import get_context

        with ProcessPoolExecutor(
            max_workers=min(workers, k),
            mp_context=get_context("spawn"),  # no fork of a process holding spaCy's threads
            initializer=_remember_folds,
            initargs=(examples, fold, c, seed, dense),
        ) as pool:
            results = list(pool.map(_fold_in_worker, range(k)))
    else:
        results = [_fold_probabilities(f, examples, fold, c, seed, dense) for f in range(k)]
    classes = results[0][0]
    logits = np.zeros((len(examples), len(classes)))
    for fold_classes, test_idx, probs in results:
        # re-order to the first fold's classes (a fold may lack a rare class)
        for j, name in enumerate(classes):
            if name in fold_classes:
                logits[test_idx, j] = np.log(probs[:, fold_classes.index(name)] + 1e-12)
            else:
                logits[test_idx, j] = np.log(1e-12)
    return classes, logits


def example_dense(examples: list[Example], model: EventModel) -> np.ndarray | None:
    """The dense rows ``model`` reads for ``examples`` (None for a sparse-only model)."""
    return _dense_rows(examples, model.dense_parts) if model.dense_parts else None


def cross_validate_modes(
    examples: list[Example], k: int = 5, c: float = C, seed: int = 0, min_probability=0.5
) -> dict:
    """Out-of-fold accuracy of the mode model on the hand-coded event words whose type has
    modes to tell apart, given the gold type: every word, and the words where the model's
    mode reaches ``min_probability`` (the coder uses it only there); against always guessing
    the type's commonest mode of the training folds."""
    labels = mode_labels(examples)
    fold = _folds(examples, k, seed)
    right = majority = total = sure = sure_right = 0
    for f in range(k):
        model = fit_modes_only([e for e, g in zip(examples, fold, strict=True) if g != f], c, seed)
        train_labels = labels[(fold != f) & (labels != "")]
        common = {}
        for lbl, _ in Counter(train_labels).most_common():
            common.setdefault(lbl.split("|")[0], lbl.split("|")[1])
        test = [i for i in np.flatnonzero(fold == f) if labels[i]]
        types = [examples[i].label for i in test]
        guessed = model.modes([examples[i].feats for i in test], types)
        for i, (mode, prob) in zip(test, guessed, strict=True):
            gold = labels[i].split("|")[1]
            total += 1
            right += (mode or "-") == gold
            majority += common.get(examples[i].label) == gold
            if prob >= min_probability:
                sure += 1
                sure_right += (mode or "-") == gold
    return {
        "event_words": total,
        "accuracy": round(right / total, 3) if total else None,
        "majority_accuracy": round(majority / total, 3) if total else None,
        f"share_at_{min_probability}": round(sure / total, 3) if total else None,
        f"accuracy_at_{min_probability}": round(sure_right / sure, 3) if sure else None,
    }


def fit_temperature(logits: np.ndarray, labels: list[str], classes: tuple[str, ...]) -> float:
    """The temperature minimising the log loss of out-of-fold predictions."""
    from scipy.optimize import minimize_scalar

    y = np.array([classes.index(lbl) if lbl in classes else 0 for lbl in labels])

    def nll(t: float) -> float:
        z = logits / t
        z = z - z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return -float(logp[np.arange(len(y)), y].mean())

    return float(minimize_scalar(nll, bounds=(0.3, 5.0), method="bounded").x)


def token_report(probs: np.ndarray, labels: list[str], classes: tuple[str, ...], threshold=0.5):
    """Precision/recall of event words (type must match) at a probability threshold."""
    best = probs.argmax(axis=1)
    tp = fp = fn = 0
    for row, label in enumerate(labels):
        name = classes[best[row]]
        pred = name if name != NONE and probs[row, best[row]] >= threshold else NONE
        if pred != NONE and pred == label:
            tp += 1
        else:
            fp += pred != NONE
            fn += label != NONE
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "tp": tp, "fp": fp, "fn": fn}


def reliability(probs: np.ndarray, labels: list[str], classes: tuple[str, ...], bins: int = 10):
    """Predicted vs observed precision of the top non-NONE class, by probability bin."""
    none = classes.index(NONE) if NONE in classes else -1
    masked = probs.copy()
    if none >= 0:
        masked[:, none] = -1
    best = masked.argmax(axis=1)
    conf = masked[np.arange(len(best)), best]
    rows = []
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        sel = (conf >= lo) & ((conf < hi) if b < bins - 1 else (conf <= hi))
        if not sel.any():
            continue
        right = [labels[i] == classes[best[i]] for i in np.flatnonzero(sel)]
        rows.append(
            {
                "bin": f"{lo:.1f}-{hi:.1f}",
                "n": int(sel.sum()),
                "predicted": round(float(conf[sel].mean()), 3),
                "observed": round(float(np.mean(right)), 3),
            }  # fmt: skip
        )
    return rows


def training_texts(
    folder: Path, annotations: Path | None, corpus: Path | None, log=print
) -> list[CodedText]:
    """Everything ``dateline train`` learns from, in its order: the training folder, the
    hand-coded corpus rows (marked ``meta["corpus"]``), their later sentences, and the
    synthetic stories the repository codes by sentence."""
    texts = read_training_folder(folder)
    corpus_texts = read_corpus_annotations(annotations, corpus, {t.id for t in texts}, log=log)
    for text in corpus_texts:
        text.meta["corpus"] = True
    if corpus_texts:
        log(f"{len(corpus_texts)} hand-coded corpus articles from {annotations}")
    texts += corpus_texts
    grown = extend_texts(texts, annotations, corpus, log)
    if grown:
        log(f"{grown} real articles coded beyond their first 15 sentences")
    story_texts = read_story_annotations(folder, annotations, {t.id for t in texts}, log)
    if story_texts:
        log(f"{len(story_texts)} synthetic stories coded by sentence in the repository")
    return texts + story_texts


#: Decimals the dense rows are rounded to before hashing: the parse's float noise across
#: machines stays below it, while a changed feature does not.
DIGEST_DECIMALS = 3


def examples_digest(examples: list[Example]) -> dict[str, str | int]:
    """SHA-256 digests of what the fit reads from the parsed texts: each example's group,
    features, label, mode, weight and source ("sparse"), and its tensor rows rounded to
    :data:`DIGEST_DECIMALS` ("dense"). Stored in the model's ``info`` so that
    :func:`verify_inputs` can tell, without refitting, whether this checkout still builds the
    same training matrix (a lexicon, actor or sentence-preparation change shows here)."""
    sparse, dense = hashlib.sha256(), hashlib.sha256()
    for ex in examples:
        line = [ex.group, ex.label, ex.mode or "", f"{ex.weight:.6g}", ex.source, *sorted(ex.feats)]
        sparse.update(("\x1f".join(line) + "\n").encode("utf-8"))
        if ex.dense is not None:
            dense.update(
                np.round(np.asarray(ex.dense, dtype=np.float64), DIGEST_DECIMALS).tobytes()
            )
        dense.update(b"\n")
    return {"examples": len(examples), "sparse": sparse.hexdigest(), "dense": dense.hexdigest()}


def verify_inputs(
    folder: Path,
    model_info: dict,
    pipeline,
    annotations: Path | None,
    corpus: Path | None,
    log=print,
    settings: dict | None = None,
) -> dict:
    """Parse what ``dateline train`` reads with this checkout and compare the examples'
    digests (:func:`examples_digest`) with those a model file recorded when it was trained,
    and the training ``settings`` it would use (keys of :data:`VERIFIED_SETTINGS`, e.g. the
    defaults of ``dateline train``) with those the file records. Same digests and settings:
    the same fitted weights. A few minutes (the parse) instead of the half hour of a retrain;
    the weak story examples, drawn by a fitted model from the parsed stories, are not part of
    the check."""
    texts = training_texts(folder, annotations, corpus, log)
    log(f"parsing {len(texts)} coded texts ({sum(len(t.sents) for t in texts)} sentences)")
    now = examples_digest(list(parse_texts(texts, pipeline)))
    recorded = model_info.get("inputs") or {}
    trained_with = {k: model_info.get(k) for k in VERIFIED_SETTINGS}
    changed = sorted(k for k, v in (settings or {}).items() if trained_with.get(k) != v)
    return {
        "recorded": recorded,
        "now": now,
        "settings": trained_with,
        "changed_settings": changed,
        "same": bool(recorded) and not changed and all(recorded.get(k) == now[k] for k in now),
    }


#: The training settings a model file records and :func:`verify_inputs` compares.
VERIFIED_SETTINGS = ("C", "seed", "folds", "real_share", "dense")


def train(
    folder: Path,
    out: Path,
    pipeline,
    seed: int = 0,
    folds: int = 5,
    c: float = C,
    stories: bool = True,
    calibrate: bool = True,
    annotations: Path | None = None,
    corpus: Path | None = None,
    log=print,
    dense: tuple[str, ...] = DENSE,
    examples: list[Example] | None = None,
    story_leads: list[StoryWords] | None = None,
    real_share: float | None = REAL_SHARE,
) -> dict:
    """Parse the training folder and the corpus annotations (``annotations`` joined with
    ``corpus``; see :func:`read_corpus_annotations`), cross-validate, fit the final model and
    save it to ``out``. ``dense``: the tensor blocks the model reads (empty: sparse only).
    ``examples`` and ``story_leads``, when given, are used instead of parsing the texts and the
    stories' leads (article-level cross-validation, :mod:`dateline.evaluation.crossval`, parses
    once and trains each fold on a subset). ``real_share``: see :data:`REAL_SHARE`."""
    texts = training_texts(folder, annotations, corpus, log)
    corpus_texts = [t for t in texts if t.meta.get("corpus")]
    if examples is None:
        log(f"parsing {len(texts)} coded texts ({sum(len(t.sents) for t in texts)} sentences)")
        examples = list(parse_texts(texts, pipeline))
    log(f"{len(examples)} candidate words, {sum(ex.label != NONE for ex in examples)} event words")
    inputs = examples_digest(examples)
    examples = balance_sources(examples, real_share)
    weak: list[Example] = []
    if stories:
        held_out = validation_titles(
            {str(s.get("title") or s.get("id")) for s in read_stories(folder / STORY_FILE)},
            exclude={t.group for t in texts},
        ) if (folder / STORY_FILE).is_file() else set()  # fmt: skip
        weak = weak_story_examples(
            folder, pipeline, examples, held_out, c=c, seed=seed, dense=dense, stories=story_leads
        )
        log(
            f"{len(weak)} weak examples from the story-level stories ({len(held_out)} headlines held out)"
        )
    classes, logits = cross_validate(examples + weak, k=folds, c=c, seed=seed, dense=dense)
    logits = logits[: len(examples)]  # calibrate and report on the hand-coded words only
    labels = [ex.label for ex in examples]
    temperature = fit_temperature(logits, labels, classes)
    z = logits / temperature
    probs = np.exp(z - z.max(axis=1, keepdims=True))
    probs /= probs.sum(axis=1, keepdims=True)
    real = np.array([ex.source == "real" for ex in examples])
    report = {
        "corpus_articles": len(corpus_texts),
        "examples": len(examples),
        "event_words": int(sum(lbl != NONE for lbl in labels)),
        "folds": folds,
        "seed": seed,
        "C": c,
        "real_share": real_share,
        "dense": list(dense),
        "dense_scale": DENSE_SCALE if dense else None,
        "temperature": round(temperature, 3),
        "cv_all": {str(t): token_report(probs, labels, classes, t) for t in (0.3, 0.5, 0.7)},
        "cv_guardian": {
            str(t): token_report(
                probs[real], [lbl for lbl, r in zip(labels, real, strict=True) if r], classes, t
            )
            for t in (0.3, 0.5, 0.7)
        },  # fmt: skip
        "reliability": reliability(probs, labels, classes),
        "inputs": inputs,
    }
    log(f"cross-validated (by article/headline): {json.dumps(report['cv_all'])}")
    report["weak_examples"] = len(weak)
    report["cv_modes"] = cross_validate_modes(examples, k=folds, c=c, seed=seed)
    log(f"cross-validated mode accuracy (given the gold type): {json.dumps(report['cv_modes'])}")
    if calibrate:
        report["event_calibration"] = calibrate_events(
            texts, examples, pipeline, temperature, seed, c=c, dense=dense
        )
        log(f"event-level calibration: {report['event_calibration']}")
    model = fit(examples + weak, c=c, seed=seed, temperature=temperature, modes=True, dense=dense)
    cal = report.get("event_calibration") or {}
    model = replace(
        model,
        info={k: v for k, v in report.items() if k != "reliability"},
        calibration=(cal.get("slope", 1.0), cal.get("intercept", 0.0)),
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    model.save(out)
    log(f"saved {out} ({out.stat().st_size / 1e6:.1f} MB, {len(model.vocab)} features)")
    return report


def story_check(folder: Path, pipeline, share: float = 0.2) -> dict:
    """Story-level recall of the labelled type on the stories whose headline is set aside for
    validation (a fixed hash of the title; headlines of the sentence-coded stories, which the
    model trains on, never count). Each story's headline is coded with its body when the
    pipeline's ``settings.code_title`` is on (DATELINE_CODE_TITLE=0: the body only)."""
    from dateline.evaluation import articles

    path = folder / STORY_FILE
    if not path.is_file():
        raise InputError(f"{path}: no story file to check story-level recall on")
    stories = articles.load_stories(path)
    keep = story_check_headlines(folder, {s.title or s.id for s in stories}, share)
    held = [s for s in stories if (s.title or s.id) in keep]
    predicted = articles.code_texts(((s.id, s.text, None, s.title) for s in held), pipeline)
    report = articles.score_stories(held, predicted)
    return {
        "stories": len(held),
        "headlines": len(keep),
        "titles": articles.titles_coded(pipeline),
        "recall": round(report.types.recall, 4),
        "per_type": {k: round(v.recall, 3) for k, v in sorted(report.per_type.items())},
    }


# --------------------------------------------------------------------------- event-level calibration


def calibrate_events(
    texts: list[CodedText], examples: list[Example], pipeline, temperature: float, seed: int = 0,
    folds: int = 2, c: float = C, workdir: Path | None = None, dense: tuple[str, ...] = (),
) -> dict:  # fmt: skip
    """Map the model's word-level probability to the probability that a coded event is right
    (its type among its sentence's asserted gold types), by cross-fitting: a model trained on the
    other folds codes each fold's texts, and a logistic curve is fitted to (probability, right)
    over all folds. The coder applies it to every event's confidence."""
    import os
    import tempfile

    from sklearn.linear_model import LogisticRegression

    from dateline.events.classifier import MODEL_FILE_ENV

    groups = sorted({t.group for t in texts})
    fold_of = {g: i % folds for i, g in enumerate(np.random.default_rng(seed).permutation(groups))}
    judged: list[tuple[float, bool]] = []
    workdir = Path(workdir or tempfile.mkdtemp(prefix="dateline-calib-"))
    previous = os.environ.get(MODEL_FILE_ENV)
    try:
        for f in range(folds):
            model = fit([ex for ex in examples if fold_of[ex.group] != f], c=c, seed=seed,
                        temperature=temperature, modes=True, dense=dense)  # fmt: skip
            path = workdir / f"fold{f}-{seed}.npz"
            model.save(path)
            os.environ[MODEL_FILE_ENV] = str(path)
            held = [t for t in texts if fold_of[t.group] == f]
            judged += _judge_coded(held, pipeline)
    finally:
        if previous is None:
            os.environ.pop(MODEL_FILE_ENV, None)
        else:
            os.environ[MODEL_FILE_ENV] = previous
    x = np.array([[_logit(p)] for p, _ in judged])
    y = np.array([int(r) for _, r in judged])
    curve = LogisticRegression(C=1.0).fit(x, y)
    return {
        "slope": round(float(curve.coef_[0][0]), 4),
        "intercept": round(float(curve.intercept_[0]), 4),
        "events": len(judged),
        "right": int(y.sum()),
    }


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return float(np.log(p / (1 - p)))


def _judge_coded(texts: list[CodedText], pipeline) -> list[tuple[float, bool]]:
    """(raw model probability, right) for every counted event the pipeline codes in ``texts``."""
    from dateline.evaluation.articles import counted_prediction

    articles = [Article(id=t.id, text=" ".join(t.sents), published=_date(t.date)) for t in texts]
    out: list[tuple[float, bool]] = []
    for coded, result in zip(texts, pipeline.pipe(articles), strict=True):
        starts, pos = [], 0
        for sent in coded.sents:
            starts.append(pos)
            pos += len(sent) + 1
        gold: dict[int, Counter] = {}
        for e in coded.events:
            if e.get("modality", "asserted") == "asserted" and isinstance(e.get("sent"), int):
                gold.setdefault(e["sent"], Counter())[str(e["event"]).upper()] += 1
        events = [e for e in result.events if counted_prediction(e.to_dict())]
        for e in sorted(events, key=lambda e: -e.confidence):
            n = max(i for i, s in enumerate(starts) if s <= e.trigger.start)
            left = gold.setdefault(n, Counter())
            right = left[e.event] > 0
            left[e.event] -= right
            out.append((e.confidence, right))  # the fold models carry no calibration
    return out

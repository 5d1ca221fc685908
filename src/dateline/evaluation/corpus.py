"""Hand-coded articles of the shared corpus, kept as keys and offsets, never as copies.

The repository's ``annotations/guardian_corpus/<annotator>.jsonl`` files code more rows of
``../shared/corpus/guardian_sample_249.csv`` the way ``../shared/eval/CODING_GUIDE.md`` says.
Each line names a corpus row (``key``), the character ``spans`` of its first sentences in the
row's text, and the events by 0-based sentence. The article text itself stays in the corpus, so
the annotations are useless without it: :func:`read_annotations` joins the two into records of
the gold format (``id``, ``key``, ``sents``, ``text``, ``date``, ``events``), which training and
``dateline eval`` read like ``../shared/train/guardian_lead_train.jsonl``.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline.errors import EvaluationError
from dateline.evaluation.articles import ArticleGold
from dateline.events.ontology import Ontology

CORPUS_FILE = "guardian_sample_249.csv"
#: Beside ``guardian_corpus/``: the sentences after the first 15 of already coded training
#: articles (``annotations/guardian_more/<annotator>.jsonl``, same format).
MORE_FOLDER = "guardian_more"
#: Rows of the corpus kept for blind scoring (``../shared/eval/README.md``): never coded here.
#: The one list in the repository; ``benchmarks/corpus.py`` reads it from here.
HELD_BACK = frozenset(
    {"11", "41", "62", "82", "87", "97", "110", "143", "154", "204"}
    | {"520", "537", "575", "620", "633", "685", "716", "721", "732", "766"}
)
MODALITIES = frozenset({"asserted", "future", "hypothetical", "negated"})
SENTENCES_PER_ARTICLE = 15


@dataclass(frozen=True, slots=True)
class CorpusRow:
    """One article of the corpus: its key (first column), publication date and text."""

    key: str
    date: str | None
    text: str
    source: str | None = None


def read_corpus(path: str | Path) -> dict[str, CorpusRow]:
    """The corpus CSV by key (its columns: key, date, text, source)."""
    csv.field_size_limit(sys.maxsize)
    rows: dict[str, CorpusRow] = {}
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        next(reader, None)
        for cells in reader:
            if len(cells) >= 3:
                source = cells[3] if len(cells) > 3 else None
                rows[cells[0]] = CorpusRow(cells[0], cells[1] or None, cells[2], source)
    return rows


def read_story_rows(path: str | Path) -> dict[str, CorpusRow]:
    """The synthetic stories of ``../shared/train/ngec_synthetic_train.jsonl`` by id, in the
    corpus row's shape (the headline in ``source``), so that stories are coded like articles."""
    rows: dict[str, CorpusRow] = {}
    for line in Path(path).read_text("utf-8").splitlines():
        if line.strip():
            story = json.loads(line)
            key = str(story["id"])
            rows[key] = CorpusRow(key, None, str(story["text"]), story.get("title"))
    return rows


def read_rows(path: str | Path) -> dict[str, CorpusRow]:
    """The texts annotations point into: the corpus CSV, or the story JSONL."""
    return read_story_rows(path) if str(path).endswith(".jsonl") else read_corpus(path)


def is_story(key: str) -> bool:
    """Story ids are names (``ngec-syn-0123``); corpus keys are numbers."""
    return not key.isdigit()


def sentence_spans(text: str, nlp: Any, limit: int = SENTENCES_PER_ARTICLE) -> list[list[int]]:
    """Character spans of the first ``limit`` sentences, split by the coder's own pipeline so
    training sentences are the sentences the coder sees; surrounding whitespace is left out."""
    spans: list[list[int]] = []
    for sent in nlp(text[: 400 * limit]).sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append([start, end])
        if len(spans) == limit:
            break
    return spans


def annotation_lines(folder: str | Path) -> Iterator[tuple[Path, int, dict[str, Any]]]:
    """Every annotation line of the folder's ``*.jsonl`` files, in file-name order."""
    for path in sorted(Path(folder).glob("*.jsonl")):
        for line_no, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise EvaluationError(f"{path} line {line_no}: not JSON ({exc})") from None
            yield path, line_no, item


def check_annotation(
    item: dict[str, Any],
    corpus: dict[str, CorpusRow],
    onto: Ontology,
    excluded: set[str] = frozenset(),
) -> list[str]:
    """What is wrong with one annotation line (empty when nothing is)."""
    problems = []
    key = str(item.get("key"))
    if key in HELD_BACK:
        return [f"row {key} is held back for blind scoring: never code it"]
    if key in excluded:
        return [f"row {key} is coded in ../shared already or set aside for validation"]
    row = corpus.get(key)
    if row is None:
        return [f"row {key} is not in the corpus"]
    spans = item.get("spans")
    if not isinstance(spans, list) or not spans:
        return ["'spans' must be a list of [start, end] pairs"]
    last = 0
    for n, span in enumerate(spans):
        ok = isinstance(span, list) and len(span) == 2 and all(isinstance(x, int) for x in span)
        if not ok or not last <= span[0] < span[1] <= len(row.text):
            problems.append(f"span {n} {span!r} is not an increasing offset pair into the text")
            continue
        last = span[1]
    if not problems:
        item = expand(item, row)
    for e in item.get("events") or []:
        where = f"event {e.get('event')!r} of sentence {e.get('sent')!r}"
        if not isinstance(e.get("sent"), int) or not 0 <= e["sent"] < len(spans):
            problems.append(f"{where}: 'sent' must index 'spans'")
        if e.get("event") not in onto.types:
            problems.append(f"{where}: not one of the 16 PLOVER types")
        elif e.get("mode"):
            try:
                onto.normalise(e["event"], e["mode"])
            except KeyError:
                problems.append(f"{where}: {e['mode']!r} is not a mode of {e['event']}")
        if e.get("modality", "asserted") not in MODALITIES:
            problems.append(f"{where}: modality must be one of {sorted(MODALITIES)}")
        for side in ("source", "target"):
            actor = e.get(side)
            if actor is None:
                continue
            if not isinstance(actor, dict) or not actor.get("text"):
                problems.append(f"{where}: {side} must be null or {{text, country, sector}}")
                continue
            country = actor.get("country")
            if country is not None and not (
                isinstance(country, str) and len(country) == 3 and country.isupper()
            ):
                problems.append(f"{where}: {side} country {country!r} is not ISO alpha-3")
        sentence = _sentence(row.text, spans, e.get("sent"))
        trigger = e.get("trigger")
        if sentence is not None and (not trigger or str(trigger).lower() not in sentence.lower()):
            problems.append(f"{where}: trigger {trigger!r} is not words of its sentence")
    return problems


def _sentence(text: str, spans: list, n: Any) -> str | None:
    if isinstance(n, int) and 0 <= n < len(spans) and isinstance(spans[n], list):
        return text[spans[n][0] : spans[n][1]]
    return None


_QUOTED = re.compile(r"(['‘“\"])([^'‘’“”\"]{8,}?)(['’”\"])")
_MARK = re.compile(r"«(\d+):(\d+)»")


def _find(text: str, words: str, within: tuple[int, int]) -> list[int] | None:
    """Offsets of ``words`` in ``text``, first inside ``within``, else anywhere."""
    a, b = within
    at = text.find(words, a, b)
    if at < 0:
        at = text.find(words)
    return [at, at + len(words)] if at >= 0 and words else None


def compact(item: dict[str, Any], row: CorpusRow) -> dict[str, Any]:
    """The annotation with every copy of the row's words replaced by offsets into its text:
    triggers (``trigger_at``), actor and place words (``text_at``) and quotations in notes
    (``«start:end»``); words of the coder's own ("the US (implied)") stay as written."""
    text, spans = row.text, item["spans"]
    whole = (spans[0][0], spans[-1][1])

    def quotes(note: str, within: tuple[int, int]) -> str:
        def mark(m: re.Match) -> str:
            pieces = []
            for piece in re.split(r"(\s*(?:\.\.\.|\u2026)\s*)", m.group(2)):
                at = _find(text, piece, within) if piece.strip(" .\u2026") else None
                pieces.append(f"«{at[0]}:{at[1]}»" if at else piece)
            return m.group(1) + "".join(pieces) + m.group(3)

        return _QUOTED.sub(mark, note)

    events = []
    for e in item.get("events") or []:
        e = dict(e)
        n = e.get("sent")
        within = tuple(spans[n]) if isinstance(n, int) and 0 <= n < len(spans) else whole
        trigger = e.get("trigger")
        if isinstance(trigger, str):
            found = re.compile(re.escape(trigger), re.IGNORECASE).search(text, *within)
            if found and trigger:
                e["trigger_at"] = [found.start(), found.end()]
                del e["trigger"]
        for side in ("source", "target", "location"):
            part = e.get(side)
            if isinstance(part, dict) and isinstance(part.get("text"), str):
                at = _find(text, part["text"], within) or _find(text, part["text"], whole)
                if at:
                    part = {k: v for k, v in part.items() if k != "text"}
                    e[side] = {"text_at": at, **part}
        if isinstance(e.get("note"), str):
            e["note"] = quotes(e["note"], within)
        events.append(e)
    hard = [quotes(h, whole) if isinstance(h, str) else h for h in item.get("hard") or []]
    return {**item, "events": events, "hard": hard}


def expand(item: dict[str, Any], row: CorpusRow) -> dict[str, Any]:
    """The annotation with its offsets read back into words (the inverse of :func:`compact`)."""
    text = row.text

    def words(at: Any) -> str | None:
        ok = isinstance(at, list) and len(at) == 2 and all(isinstance(x, int) for x in at)
        return text[at[0] : at[1]] if ok and 0 <= at[0] < at[1] <= len(text) else None

    def unquote(note: str) -> str:
        return _MARK.sub(lambda m: text[int(m.group(1)) : int(m.group(2))], note)

    events = []
    for e in item.get("events") or []:
        e = dict(e)
        if "trigger_at" in e:
            e["trigger"] = words(e.pop("trigger_at"))
        for side in ("source", "target", "location"):
            part = e.get(side)
            if isinstance(part, dict) and "text_at" in part:
                part = dict(part)
                e[side] = {"text": words(part.pop("text_at")), **part}
        if isinstance(e.get("note"), str):
            e["note"] = unquote(e["note"])
        events.append(e)
    hard = [unquote(h) if isinstance(h, str) else h for h in item.get("hard") or []]
    return {**item, "events": events, "hard": hard}


def to_record(item: dict[str, Any], row: CorpusRow) -> dict[str, Any]:
    """An annotation joined with its corpus row: a record of the gold format."""
    item = expand(item, row)
    sents = [row.text[a:b] for a, b in item["spans"]]
    story = is_story(row.key)
    return {
        "id": row.key if story else f"guardian-{row.key}",
        "key": row.key,
        "source_dataset": "ngec_story_annotation" if story else "guardian_corpus_annotation",
        "title": row.source if story else None,
        "date": row.date,
        "sents": sents,
        "text": " ".join(sents),
        "events": list(item.get("events") or []),
        "annotator": item.get("annotator"),
        "hard": list(item.get("hard") or []),
    }


def read_annotations(
    folder: str | Path, corpus_path: str | Path, first_coder_only: bool = True
) -> list[dict[str, Any]]:
    """The folder's annotations as gold-format records; an article coded twice (the
    double-coded agreement sample) counts once, in its first file's coding, unless
    ``first_coder_only`` is false."""
    corpus = read_rows(corpus_path)
    records, seen = [], set()
    for path, line_no, item in annotation_lines(folder):
        key = str(item.get("key"))
        row = corpus.get(key)
        if row is None or key in HELD_BACK:
            raise EvaluationError(f"{path} line {line_no}: row {key} is not a codable corpus row")
        if first_coder_only and key in seen:
            continue
        seen.add(key)
        records.append(to_record(item, row))
    return records


def first_part_end(text: str, sents: list[str]) -> int | None:
    """Where an article's coded first sentences end in its corpus text (None when they are not
    found there in order): an extension annotation's spans start at or after it."""
    at = 0
    for sent in sents:
        found = text.find(sent, at)
        if found < 0:
            return None
        at = found + len(sent)
    return at


def check_extension(
    item: dict[str, Any], corpus: dict[str, CorpusRow], onto: Ontology, first: dict[str, list[str]]
) -> list[str]:
    """What is wrong with one line of ``guardian_more/``: the line's own problems, a row whose
    first part is not coded (``first``: training article key -> its coded sentences), and spans
    that overlap that first part."""
    key = str(item.get("key"))
    if key not in first and key not in HELD_BACK:
        return [f"row {key} is not a coded training article: only those are extended"]
    problems = check_annotation(item, corpus, onto)
    spans = item.get("spans")
    if problems or key in HELD_BACK:
        return problems
    end = first_part_end(corpus[key].text, first[key])
    if end is None or spans[0][0] < end:
        return [f"spans must start after the first part's coded sentences (offset {end})"]
    return []


def chained_extensions(
    first: dict[str, list[str]],
    folder: str | Path,
    corpus: dict[str, CorpusRow],
    onto: Ontology,
    log=print,
) -> dict[str, list[dict[str, Any]]]:
    """Per training article (``first``: key -> its coded first sentences), the extension lines
    that continue it, in text order (sentences 16-30, then 31-45, ...): each starts at or after
    the end of the one before. A line overlapping one already taken is another coder's copy of
    the same sentences (the agreement sample) and counts once, in the first file's coding; a
    line that does not check out is left out with a note naming it."""
    valid: dict[str, list[tuple[int, int, dict[str, Any]]]] = {}
    for order, (path, line_no, item) in enumerate(annotation_lines(folder)):
        key = str(item.get("key"))
        problems = check_extension(item, corpus, onto, first)
        if problems:
            log(f"note: {path.name} line {line_no} (row {key}) left out: {problems[0]}")
            continue
        valid.setdefault(key, []).append((item["spans"][0][0], order, item))
    chains: dict[str, list[dict[str, Any]]] = {}
    for key, items in valid.items():
        end, chain = -1, []
        for start, _order, item in sorted(items, key=lambda x: x[:2]):
            if start >= end:
                chain.append(item)
                end = item["spans"][-1][1]
        chains[key] = chain
    return chains


def extend_record(record: dict[str, Any], item: dict[str, Any], row: CorpusRow) -> dict[str, Any]:
    """A gold-format record with the sentences and events of an extension annotation appended
    (its ``sent`` numbers shifted), so the article is one text, parsed with its context."""
    item = expand(item, row)
    shift = len(record["sents"])
    sents = list(record["sents"]) + [row.text[a:b] for a, b in item["spans"]]
    events = [{**e, "sent": e["sent"] + shift} for e in item.get("events") or []]
    hard = [f"(sentences after {shift}) {h}" for h in item.get("hard") or []]
    return {
        **record,
        "sents": sents,
        "text": " ".join(sents),
        "events": list(record["events"]) + events,
        "hard": list(record.get("hard") or []) + hard,
    }


def as_predictions(record: dict[str, Any]) -> list[dict[str, Any]]:
    """One coder's events in the coder's prediction shape, so that a second coder's coding of
    the same article can be scored against the first with the evaluation's own counting."""
    starts = ArticleGold(record["id"], record["text"], record["sents"]).sentence_starts()
    out = []
    for e in record["events"]:
        modality = e.get("modality") or "asserted"
        out.append(
            {
                "event": e["event"],
                "mode": e.get("mode"),
                "source": e.get("source"),
                "target": e.get("target"),
                "modality": "asserted" if modality == "negated" else modality,
                "negated": modality == "negated",
                "trigger": {"start": starts[e["sent"]], "text": e.get("trigger")},
                "location": _as_predicted_place(e.get("location")),
            }
        )
    return out


def _as_predicted_place(location: Any) -> dict[str, Any] | None:
    """A coded location in the coder's shape (``name`` for the place, ``country``)."""
    if not isinstance(location, dict):
        return None
    return {"name": location.get("place"), "country": location.get("country")}


def double_coded(folder: str | Path, corpus_path: str | Path) -> list[tuple[dict, dict]]:
    """Pairs (first coding, second coding) of every article, or block of an article's later
    sentences (``guardian_more``), coded in two files: the same key and first span."""
    by_key: dict[tuple[str, Any], list[dict]] = {}
    corpus = read_rows(corpus_path)
    for _path, _line, item in annotation_lines(folder):
        key = str(item.get("key"))
        spans = item.get("spans") or [[None]]
        if key in corpus:
            by_key.setdefault((key, spans[0][0]), []).append(to_record(item, corpus[key]))
    return [(codings[0], codings[1]) for codings in by_key.values() if len(codings) >= 2]


def write_jsonl(records: Iterable[dict[str, Any]], path: str | Path) -> int:
    """Write records one JSON object a line; how many were written."""
    n = 0
    with open(path, "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n

"""Score coded events against a gold standard: sentence, article and story gold, and reports.

``gold`` reads the sentence gold formats, ``sentences`` counts a coding against it (the article
scorer in ``articles`` reuses those counts), ``report`` holds what was measured and renders it.
:func:`evaluate_file` detects the gold's level and codes and scores it with a pipeline.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dateline.errors import EvaluationError
from dateline.evaluation import articles
from dateline.evaluation.gold import (
    GoldActor,
    GoldEvent,
    GoldRecord,
    detect_format,
    load_gold,
)
from dateline.evaluation.report import (
    NONE,
    ErrorItem,
    Report,
    Scores,
    compare,
    confusion_markdown,
    errors_markdown,
)
from dateline.evaluation.sentences import (
    evaluate_sentences,
    expected_cameo_root,
    gold_triples,
    score,
)

__all__ = [
    "NONE",
    "ErrorItem",
    "GoldActor",
    "GoldEvent",
    "GoldRecord",
    "Report",
    "Scores",
    "compare",
    "confusion_markdown",
    "detect_format",
    "errors_markdown",
    "evaluate_file",
    "expected_cameo_root",
    "gold_triples",
    "load_gold",
    "score",
]


def evaluate_file(path: str | Path, pipeline: Any, batch_size: int = 32) -> Report:
    """Code every gold sentence (or article, or story: the format is detected) with
    ``pipeline`` and score the result."""
    try:
        with open(path, encoding="utf-8") as fh:
            head = fh.read(1 << 16)
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(f"{path}: cannot read the gold file ({exc})") from None
    level = articles.detect_level(head)
    if level == articles.ARTICLE:
        return articles.evaluate_articles(path, pipeline)
    if level == articles.STORY:
        return articles.evaluate_stories(path, pipeline)
    return evaluate_sentences(path, pipeline, batch_size)

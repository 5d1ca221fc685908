"""Reading news into Articles: text, HTML, JSONL/JSON, CSV/TSV and WARC, one bad item at a time."""

from dateline.ingest.detect import check_article, decode_bytes, detect_language, sniff_format
from dateline.ingest.html import article_from_html
from dateline.ingest.sources import iter_articles
from dateline.ingest.text import article_from_text, make_id, normalise_text
from dateline.ingest.warc import write_warc

__all__ = [
    "article_from_html",
    "article_from_text",
    "check_article",
    "decode_bytes",
    "detect_language",
    "iter_articles",
    "make_id",
    "normalise_text",
    "sniff_format",
    "write_warc",
]

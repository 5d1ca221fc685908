"""Convert the PETRARCH2 / Phoenix CAMEO verb dictionary into Dateline's verb table.

Reads ``CAMEO.verbpatterns.150430.txt`` of ``../shared/reference/petrarch/`` (MIT, Open Event
Data Alliance; see docs/data-files.md) at build time only and writes
``src/dateline/data/petrarch_verbs.csv``: one row per verb (or verb + particle, "fight back")
with the CAMEO code of its block (or its own code), and the PLOVER type and mode that code maps
to through ``cameo_plover.csv``.

What is kept: the verbs of each synonym block, never the block's multi-word patterns (most are
fitted to single news reports, and the dependency parse finds the arguments they spell out);
verbs whose code has a PLOVER type (statements and appeals, CAMEO 01 and 02, and the "[---]"
blocks of non-events are dropped); single words and verb + particle phrases only. The event
coder uses the table as a lower-priority candidate source, after the hand lexicon
(``triggers.yaml``): a verb the hand lexicon names is never looked up here, and the trained
model must confirm what the table proposes. Run from the repository root::

    python scripts/convert_petrarch_verbs.py [--source ../shared/reference/petrarch]

The output is deterministic (sorted), so a re-run on the same source changes nothing.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from dateline.events.ontology import Ontology  # noqa: E402

DEFAULT_SOURCE = ROOT.parent / "shared" / "reference" / "petrarch"
if not DEFAULT_SOURCE.is_dir():
    DEFAULT_SOURCE = Path("/work/shared/reference/petrarch")
VERB_FILE = "CAMEO.verbpatterns.150430.txt"
OUT = ROOT / "src" / "dateline" / "data" / "petrarch_verbs.csv"
PARTICLES = {"up", "down", "out", "off", "back", "away", "over", "in", "on", "into", "around"}
#: Verbs whose everyday senses are mostly no political act; a synonym set lists them with an
#: event code for one sense ("go" as a visit, "hit" as an attack, "name" as an appointment).
#: The hand lexicon codes their event senses in context where it needs them.
TOO_GENERAL = {
    "be", "become", "get", "go", "come", "do", "have", "make", "take", "give", "put", "set",
    "keep", "let", "say", "tell", "see", "look", "find", "think", "know", "want", "use", "work",
    "call", "run", "move", "turn", "leave", "hold", "bring", "show", "play", "live", "stand",
    "lead", "follow", "meet", "pass", "happen", "include", "continue", "change", "open", "close",
    "start", "begin", "end", "stop", "try", "need", "seem", "help", "ask", "feel", "match",
    "hit", "pit", "strike", "state", "report", "name", "note", "mention", "point", "raise",
    "deal", "face", "head", "form", "post", "rule", "cover", "reach", "serve", "draw", "fall",
    "rise", "grow", "lose", "win", "carry", "pull", "push", "drive", "break", "cut", "fill",
    "build", "join", "link", "order", "press", "sign", "visit", "return", "release", "fire",
}  # fmt: skip

_HEADER = re.compile(r"^---\s*(?P<name>[A-Z_&]+)\s*\[(?P<code>[^\]]*)\]\s*---")
_VERB = re.compile(
    r"^(?P<plus>\+?)(?P<words>[A-Z][A-Z_'-]*)\s*(?:\{[^}]*\})?\s*(?:\[(?P<code>[^\]]*)\])?"
)


def clean_code(raw: str | None) -> str | None:
    """'040:040' -> '040', '080!' -> '080', '---' -> None."""
    if not raw:
        return None
    code = raw.split(":")[0].strip().rstrip("!").strip()
    return code if code.isdigit() else None


def parse(path: Path) -> list[dict]:
    """Every (verb, particle, code, block, line) of the verb-pattern section."""
    rows: list[dict] = []
    in_patterns = False
    block, block_code = None, None
    for line_no, raw in enumerate(path.read_text("latin-1").splitlines(), start=1):
        line = raw.split("#", 1)[0].rstrip()
        if "VERB PATTERNS" in raw:
            in_patterns = True
            continue
        if not in_patterns or not line.strip():
            continue
        header = _HEADER.match(line.strip())
        if header:
            block, block_code = header["name"], clean_code(header["code"])
            continue
        if line.startswith("-") or block is None:
            continue  # a pattern of the block, or text before the first block
        verb = _VERB.match(line.strip())
        if not verb:
            continue
        words = [w for w in verb["words"].lower().split("_") if w]
        code = clean_code(verb["code"]) if verb["code"] is not None else block_code
        if verb["code"] is not None and clean_code(verb["code"]) is None:
            code = None  # "[---]" on the verb itself: no event
        if len(words) == 1 and not verb["plus"]:
            rows.append({"verb": words[0], "particle": "", "cameo": code, "block": block,
                         "line": line_no})  # fmt: skip
        elif len(words) == 2 and words[1] in PARTICLES:
            rows.append({"verb": words[0], "particle": words[1], "cameo": code, "block": block,
                         "line": line_no})  # fmt: skip
    return rows


def convert(rows: list[dict], ontology: Ontology) -> list[dict]:
    """Rows with a PLOVER type; the first code a verb is listed with wins (blocks list a verb
    once; a later listing is a narrower sense)."""
    out: dict[tuple[str, str], dict] = {}
    for row in rows:
        key = (row["verb"], row["particle"])
        if key in out or row["cameo"] is None:
            continue
        if not row["particle"] and row["verb"] in TOO_GENERAL:
            continue
        if not re.fullmatch(r"[a-z][a-z'-]+", row["verb"]):
            continue
        try:
            event, mode, _ = ontology.from_cameo(row["cameo"])
        except KeyError:
            continue  # statements and appeals (01, 02): no PLOVER type
        out[key] = dict(row, event=event, mode=mode or "")
    return sorted(out.values(), key=lambda r: (r["verb"], r["particle"]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    src = args.source / VERB_FILE
    if not src.is_file():
        print(f"{src}: not found; pass --source (the shared reference/petrarch folder)")
        return 2
    rows = convert(parse(src), Ontology.load())
    with args.out.open("w", newline="", encoding="utf-8") as fh:
        fh.write(
            "# Converted from the PETRARCH2/Phoenix CAMEO verb dictionary "
            f"({VERB_FILE}), MIT licence,\n"
            "# Copyright (c) 2015 Open Event Data Alliance; by scripts/convert_petrarch_verbs.py. "
            "See docs/data-files.md.\n"
        )
        writer = csv.DictWriter(
            fh, ["verb", "particle", "cameo", "event", "mode", "block", "line"], lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {args.out} ({len(rows)} verbs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Where gold events are lost: a recall audit of the event coder on sentence-coded training data.

For every asserted gold event of the coded texts (``../shared/train/guardian_lead_train.jsonl``,
``ngec_synthetic_sentences.jsonl``; never the eval sets when writing rules) the audit follows its
trigger word through the coder's stages and names the first stage that loses it:

- ``found``: an asserted event of the gold type is coded in the gold sentence;
- ``not_parsed``: the cheap pass blanked the sentence (no lexicon word, quote or new name);
- ``no_trigger_span``: the gold trigger text is not in the sentence (coding noise);
- ``no_candidate``: neither the lexicon nor the model proposes anything on the trigger phrase;
- ``lexicon_other_type`` / ``model_other_type``: a candidate of another type sits there;
- ``gate_dropped``: a lexicon candidate of the gold type the model drops;
- ``gate_retyped``: a lexicon candidate of the gold type the model retypes;
- ``lost_in_coding``: a candidate of the gold type survives the gate but no event is coded
  (no arguments, modality, a restatement merged);
- ``wrong_sentence`` is a flag on a miss: an unmatched event of the gold type was coded in the
  sentence before or after.

Usage::

    python benchmarks/recall_audit.py ../shared/train/guardian_lead_train.jsonl \
        ../shared/train/ngec_synthetic_sentences.jsonl [--top 40] [--json out.json]

``DATELINE_EVENT_MODEL=off`` audits the lexicon alone. ``--cv-models DIR`` audits out of fold:
each article of the fold manifest in DIR (``scripts/cv_articles.py --models DIR``) is audited with
the model of the fold that held it out, and texts in no fold are skipped::

    python scripts/corpus_annotations.py materialize --out /tmp/corpus.jsonl
    python benchmarks/recall_audit.py ../shared/train/guardian_lead_train.jsonl /tmp/corpus.jsonl \
        --cv-models /tmp/cv14/main
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path

from dateline import nlp as nlp_mod
from dateline.actors.resolve import resolve_actors
from dateline.evaluation.articles import counted_prediction
from dateline.events.extract.triggers import find_candidates
from dateline.events.gate import active_model, gate_candidates
from dateline.model import Article
from dateline.pipeline import get_pipeline
from dateline.train import _date, head_of, read_coded, trigger_span

STAGES = (
    "found",
    "not_parsed",
    "no_trigger_span",
    "no_candidate",
    "lexicon_other_type",
    "model_other_type",
    "gate_dropped",
    "gate_retyped",
    "lost_in_coding",
)


def audit_text(coded, pipeline, model) -> list[dict]:
    """One row per asserted gold event of ``coded``: its type, stage and trigger words."""
    text = " ".join(coded.sents)
    article = Article(id=coded.id, text=text, published=_date(coded.date))
    prepared, starts = pipeline._prepare(article)
    doc = nlp_mod.annotate(pipeline.nlp, prepared)
    result = pipeline._code_doc(article, doc, starts)
    actors = resolve_actors(doc, article, pipeline.kb)
    sent_starts, pos = [], 0
    for s in coded.sents:
        sent_starts.append(pos)
        pos += len(s) + 1
    lexicon_at: dict[int, str] = {}
    gated_at: dict[int, str] = {}
    for sent in doc.sents:
        if not sent.text.strip():
            continue
        raw = find_candidates(sent, pipeline.lexicon, fallback=model is not None)
        for cand in raw:
            lexicon_at.setdefault(cand.token.i, cand.event)
        for cand in gate_candidates(sent, raw, actors, model):
            gated_at.setdefault(cand.token.i, cand.event)

    def sentence_of(char: int) -> int:
        return max((n for n, s in enumerate(sent_starts) if s <= char), default=0)

    coded_by_sent: dict[int, Counter] = defaultdict(Counter)
    coded_at: dict[int, list[dict]] = defaultdict(list)
    for event in result.events:
        coded_at[event.trigger.start].append(event.to_dict())
    for event in result.events:
        e = event.to_dict()
        if counted_prediction(e):
            coded_by_sent[sentence_of(event.trigger.start)][e["event"].split("/")[0]] += 1
    gold_by_sent: dict[int, Counter] = defaultdict(Counter)
    for e in coded.events:
        if e.get("modality", "asserted") == "asserted" and isinstance(e.get("sent"), int):
            gold_by_sent[e["sent"]][str(e["event"]).upper()] += 1
    spare = {n: coded_by_sent[n] - gold_by_sent.get(n, Counter()) for n in range(len(coded.sents))}
    budget = {n: Counter(c) for n, c in coded_by_sent.items()}
    rows = []
    for e in coded.events:
        n = e.get("sent")
        if e.get("modality", "asserted") != "asserted" or not isinstance(n, int):
            continue
        etype = str(e["event"]).upper()
        row = {"id": coded.id, "sent": n, "type": etype, "trigger": e.get("trigger"),
               "lemma": None, "pos": None, "got": None, "wrong_sentence": False}  # fmt: skip
        if budget.get(n, Counter())[etype] > 0:
            budget[n][etype] -= 1
            row["stage"] = "found"
            rows.append(row)
            continue
        row["wrong_sentence"] = any(spare.get(m, Counter())[etype] > 0 for m in (n - 1, n + 1))
        start = sent_starts[n]
        end = start + len(coded.sents[n])
        if not doc.text[start:end].strip():
            row["stage"] = "not_parsed"
            rows.append(row)
            continue
        span = trigger_span(doc, start, end, e.get("trigger"))
        if span is None:
            row["stage"] = "no_trigger_span"
            rows.append(row)
            continue
        head = head_of(span) or span.root
        row["lemma"], row["pos"] = head.lemma_.lower(), head.pos_
        idx = [t.i for t in span]
        lex = [lexicon_at[i] for i in idx if i in lexicon_at]
        gated = [gated_at[i] for i in idx if i in gated_at]
        chars = {t.idx for t in span}
        here = [d for c in chars for d in coded_at.get(c, [])]
        row["why"] = _why_lost(here, etype)
        if etype in lex:
            if etype in gated:
                row["stage"] = "lost_in_coding"
            elif gated:
                row["stage"], row["got"] = "gate_retyped", gated[0]
            else:
                row["stage"] = "gate_dropped"
        elif lex:
            row["stage"], row["got"] = "lexicon_other_type", lex[0]
            if etype in gated:
                row["stage"] = "lost_in_coding"
        elif gated:
            row["stage"], row["got"] = "model_other_type", gated[0]
            if etype in gated:
                row["stage"] = "lost_in_coding"
        else:
            row["stage"] = "no_candidate"
        rows.append(row)
    return rows


def _why_lost(coded: list[dict], etype: str) -> str:
    """Why a candidate of the right type gave no counted event: what was coded on its words."""
    mine = [d for d in coded if d["event"].split("/")[0] == etype]
    if not coded:
        return "nothing coded (no arguments, a journey, a plan nobody has)"
    if not mine:
        return "coded as another type (retyped by modality rules)"
    if all(not counted_prediction(d) for d in mine):
        kinds = sorted({"negated" if d.get("negated") else d.get("modality") for d in mine})
        return "coded but not asserted: " + ",".join(map(str, kinds))
    return "coded and counted: another gold event of the type took it"


def report(rows: list[dict], top: int) -> str:
    lines = []
    stages = Counter(r["stage"] for r in rows)
    total = len(rows)
    lines.append(f"asserted gold events: {total}")
    lines.append("| stage | events | share | of which an event of the type one sentence off |")
    lines.append("| --- | ---: | ---: | ---: |")
    for stage in STAGES:
        off = sum(1 for r in rows if r["stage"] == stage and r["wrong_sentence"])
        lines.append(f"| {stage} | {stages[stage]} | {stages[stage] / max(total, 1):.3f} | {off} |")
    lines.append("")
    lines.append(
        "| type | gold | found | no_candidate | other type | gate | lost in coding | not parsed |"
    )
    lines.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    by_type: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        by_type[r["type"]][r["stage"]] += 1
    for t in sorted(by_type):
        c = by_type[t]
        lines.append(
            f"| {t} | {sum(c.values())} | {c['found']} | {c['no_candidate']} | "
            f"{c['lexicon_other_type'] + c['model_other_type']} | "
            f"{c['gate_dropped'] + c['gate_retyped']} | {c['lost_in_coding']} | {c['not_parsed']} |"
        )
    lines.append("")
    why = Counter(r.get("why") for r in rows if r["stage"] == "lost_in_coding")
    lines.append("lost in coding, what was coded on the trigger words:")
    for reason, n in why.most_common():
        lines.append(f"  {n:3d}  {reason}")
    lines.append("")
    missing = Counter(
        (r["lemma"], r["pos"], r["type"]) for r in rows if r["stage"] == "no_candidate"
    )
    lines.append(f"most frequent trigger heads with no candidate (top {top}):")
    for (lemma, pos, etype), n in missing.most_common(top):
        lines.append(f"  {n:3d}  {lemma} ({pos}) {etype}")
    other = Counter(
        (r["lemma"], r["type"], r["got"])
        for r in rows
        if r["stage"] in {"lexicon_other_type", "gate_retyped"}
    )
    lines.append(f"most frequent other-type candidates (top {top // 2}):")
    for (lemma, etype, got), n in other.most_common(top // 2):
        lines.append(f"  {n:3d}  {lemma}: gold {etype}, candidate {got}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--json", type=Path, help="write every audited event here")
    parser.add_argument("--cv-models", type=Path, help="audit out of fold with these fold models")
    args = parser.parse_args(argv)
    pipeline = get_pipeline()
    texts = [coded for path in args.files for coded in read_coded(path)]
    rows: list[dict] = []
    if args.cv_models is None:
        model = active_model()
        for coded in texts:
            rows += audit_text(coded, pipeline, model)
    else:
        fold_of = json.loads((args.cv_models / "folds.json").read_text("utf-8"))["fold_of"]
        for fold in sorted(set(fold_of.values())):
            os.environ["DATELINE_EVENT_MODEL_FILE"] = str(args.cv_models / f"fold{fold}.npz")
            model = active_model()
            for coded in texts:
                if fold_of.get(coded.id) == fold:
                    rows += audit_text(coded, pipeline, model)
    print(report(rows, args.top))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Who did it to whom: where the (type, source, target) triples go wrong (docs/accuracy.md).

Codes the articles of an article-level gold file, pairs predicted and gold events of the same
type in the same sentence (pairs whose triple matches first) and tallies, per pair, what is wrong
with the source and the target, then sorts each wrong side into a kind a rule would fix (actor
missing, swapped, IGO/NGO vs state, topic or place as participant, pronoun resolved wrong, an
unnamed body with no or the wrong country, a named actor with the wrong country or office);
``--show F`` writes the failing pairs to a markdown file for reading. Run it on the TRAINING articles to find failure kinds; on dev only to measure::

    python benchmarks/dyad_audit.py ../shared/train/guardian_lead_train.jsonl --show /tmp/a.md

``--oof`` reads the out-of-fold predictions of ``scripts/cv_articles.py --predictions`` instead
(the 209 real training articles, each coded by a model that never saw it)::

    python benchmarks/dyad_audit.py --oof /tmp/oof.jsonl --show /tmp/a.md
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

# Words before a name that make it the subject matter rather than a participant.
TOPIC_WORDS = {"on", "about", "over", "regarding", "concerning", "discuss", "discussed"}


def _key(actor: Any) -> str | None:
    from dateline.evaluation.articles import actor_key

    return actor_key(actor)


#: Pronouns and back-references: a side built on one is a coreference error.
PRONOUNS = {
    "he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "his", "its",
    "their", "our", "my", "who", "which", "this", "that",
}  # fmt: skip
#: Unnamed bodies that take the country where the story is set (issue 13, item 4).
ROLE_WORDS = {
    "police", "policeman", "policemen", "officers", "army", "troops", "soldiers", "military",
    "forces", "government", "authorities", "officials", "official", "ministry", "regime",
    "protesters", "demonstrators", "activists", "rebels", "militants", "fighters", "opposition",
    "prosecutors", "court", "judge", "parliament", "lawmakers", "mps", "civilians", "people",
    "men", "women", "children", "residents", "villagers", "students", "workers", "guards",
    "minister", "president", "spokesman", "spokeswoman", "security", "jets", "warplanes",
    "militia", "group", "coalition", "administration", "cabinet", "leaders", "leader",
}  # fmt: skip
ACTORLESS = {"IGO", "NGO"}


def _words(text: str | None) -> list[str]:
    return re.findall(r"[a-z0-9']+", (text or "").lower())


def _kind(
    gold: Any, pred: dict[str, Any] | None, other: tuple[Any, Any], sentence: str, place: str | None
) -> str:
    """A finer kind of a side's error: what a rule would have to fix."""
    if pred is None:
        words = _words(gold.text)
        if words and words[0] in PRONOUNS and len(words) == 1:
            return "missing (gold a pronoun)"
        if words and words[-1] in ROLE_WORDS:
            return "missing (gold an unnamed body)"
        named = re.sub(r"[\(\[].*?[\)\]]", "", gold.text or "").strip()
        if not named or named.lower() not in sentence.lower():
            return "missing (only other sentences name it)"
        return "missing (gold named in the sentence)"
    gk, pk = _key(gold), _key(pred)
    other_gold, other_pred = other
    if (
        pk is not None
        and other_gold is not None
        and pk == _key(other_gold)
        and (other_pred is None or _key(other_pred) == gk)
    ):
        return "swapped source/target"
    if (gk in ACTORLESS) != (pk in ACTORLESS) and pk is not None:
        return "IGO/NGO vs state"
    text = (pred.get("text") or "").strip()
    words = _words(text)
    if _is_topic(pred, sentence) or (place and text and text.lower() in place.lower()):
        return "topic or place taken as participant"
    first = text.split()[0] if text.split() else ""
    if words and words[0] in PRONOUNS and not (first.isupper() and len(first) > 1):
        return "pronoun resolved wrong" if len(words) == 1 else "possessive phrase resolved wrong"
    if words and words[-1] in ROLE_WORDS and not any(w[:1].isupper() for w in text.split()[1:]):
        return "unnamed body: " + ("no country" if pk is None else "wrong country")
    if pk is None:
        return "named actor: no country"
    return "named actor: wrong country or office"


def _side(gold: Any, pred: dict[str, Any] | None, sentence: str, side: str) -> str:
    """One word for how a predicted side compares with the gold side."""
    if gold is None:
        if pred is None:
            return "ok"
        return f"{side} spurious" + (" (topic)" if _is_topic(pred, sentence) else "")
    if _key(gold) == _key(pred):
        return "ok"  # a gold side with no key ("the west") matches any side, none included
    if pred is None:
        return f"{side} missing"
    if _is_topic(pred, sentence):
        return f"{side} topic taken as participant"
    if gold.country or pred.get("country"):
        return f"{side} wrong country"
    return f"{side} wrong sector-key"


def _is_topic(pred: dict[str, Any], sentence: str) -> bool:
    text = (pred.get("text") or "").strip()
    if not text:
        return False
    m = re.search(r"(\w+)\s+(?:the\s+)?" + re.escape(text), sentence)
    return bool(m and m.group(1).lower() in TOPIC_WORDS)


def audit(path: Path, show: Path | None) -> None:
    from dateline.evaluation.articles import (
        _dyad_fits,
        _max_matching,
        code_texts,
        load_articles,
    )
    from dateline.events.ontology import Ontology
    from dateline.pipeline import get_pipeline

    onto = Ontology.load()
    gold = load_articles(path)
    predicted = code_texts(((a.id, a.text, a.date) for a in gold), get_pipeline())
    tally: Counter = Counter()
    error_kinds: Counter = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for art in gold:
        by_sent = art.predictions_by_sentence(predicted.get(art.id, []), onto)
        for n, sentence in enumerate(art.sents):
            g = [e for e in art.events if e.sent == n and e.modality == "asserted"]
            p = by_sent.get(n, [])
            pairs = _max_matching(g, p, _dyad_fits)
            used_g, used_p = {a for a, _ in pairs}, {b for _, b in pairs}
            rest_g = [i for i in range(len(g)) if i not in used_g]
            rest_p = [j for j in range(len(p)) if j not in used_p]
            same_type = _max_matching(
                rest_g, rest_p, lambda a, b, g=g, p=p: g[a].event == p[b]["_type"]
            )
            pairs += [(rest_g[a], rest_p[b]) for a, b in same_type]
            tally["gold events"] += len(g)
            tally["predicted events"] += len(p)
            tally["type pairs"] += len(pairs)
            for gi, pj in pairs:
                e, q = g[gi], p[pj]
                tally["triple right"] += _dyad_fits(e, q)
                tally["source country right"] += bool(e.source) and _key(e.source) == _key(
                    q.get("source")
                )
                tally["gold source set"] += bool(e.source)
                tally["target country right"] += bool(e.target) and _key(e.target) == _key(
                    q.get("target")
                )
                tally["gold target set"] += bool(e.target)
                place = (q.get("location") or {}).get("text")
                for side, gs in (("source", e.source), ("target", e.target)):
                    verdict = _side(gs, q.get(side), sentence, side)
                    if verdict == "ok":
                        continue
                    tally[verdict] += 1
                    if gs is not None:
                        o = "target" if side == "source" else "source"
                        kind = _kind(gs, q.get(side), (getattr(e, o), q.get(o)), sentence, place)
                        error_kinds[kind] += 1
                        verdict = f"{side}: {kind}"
                    ps = q.get(side) or {}
                    gtxt = f"{gs.text} {gs.country}/{gs.sector}" if gs else "-"
                    ptxt = f"{ps.get('text')} {ps.get('country')}/{ps.get('sector')}" if ps else "-"
                    examples[verdict].append(
                        f"- {art.id}#{n} {e.event} [{(q.get('trigger') or {}).get('text')}] "
                        f"gold {gtxt} | pred {ptxt}\n  > {sentence}"
                    )
    share = lambda a, b: f"{tally[a] / tally[b]:.3f}" if tally[b] else "-"  # noqa: E731
    print(f"| {path.name} | count |\n| --- | ---: |")
    for name in ("gold events", "predicted events", "type pairs", "triple right"):
        print(f"| {name} | {tally[name]} |")
    kinds = sorted(k for k in tally if k.startswith(("source ", "target ")) and "right" not in k)
    for name in kinds:
        if name.endswith(" set"):
            continue
        print(f"| {name} | {tally[name]} |")
    src_share = share("source country right", "gold source set")
    tgt_share = share("target country right", "gold target set")
    print(f"| source key right (pairs with a gold source) | {src_share} |")
    print(f"| target key right (pairs with a gold target) | {tgt_share} |")
    _print_kinds(path, error_kinds, examples, show)


def audit_oof(path: Path, show: Path | None) -> None:
    """The same tally over out-of-fold predictions (``scripts/cv_articles.py --predictions``):
    each sentence's counted predictions against its asserted gold events, nothing coded again."""
    import json

    from dateline.evaluation.articles import GoldActor, _max_matching

    def actor(d: dict[str, Any] | None) -> GoldActor | None:
        return GoldActor(d.get("text"), d.get("country"), d.get("sector")) if d else None

    def fits(e: dict[str, Any], q: dict[str, Any]) -> bool:
        return e["event"] == q["event"] and all(
            e[side] is None or _key(actor(e[side])) == _key(q.get(side))
            for side in ("source", "target")
        )

    tally: Counter = Counter()
    error_kinds: Counter = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for line in path.read_text("utf-8").splitlines():
        art = json.loads(line)
        for s in art["sents"]:
            g = [e for e in s["gold"] if e.get("modality", "asserted") == "asserted"]
            p = [q for q in s["predicted"] if q.get("counted", True)]
            pairs = _max_matching(g, p, fits)
            used_g, used_p = {a for a, _ in pairs}, {b for _, b in pairs}
            rest_g = [i for i in range(len(g)) if i not in used_g]
            rest_p = [j for j in range(len(p)) if j not in used_p]
            same = _max_matching(
                rest_g, rest_p, lambda a, b, g=g, p=p: g[a]["event"] == p[b]["event"]
            )
            tally["triple right"] += len(pairs)
            tally["type pairs"] += len(pairs) + len(same)
            for a, b in same:
                e, q = g[rest_g[a]], p[rest_p[b]]
                for side, other in (("source", "target"), ("target", "source")):
                    gs = actor(e[side])
                    if gs is None or _key(gs) == _key(q.get(side)):
                        continue
                    kind = _kind(gs, q.get(side), (actor(e[other]), q.get(other)), s["text"], None)
                    error_kinds[kind] += 1
                    ps = q.get(side) or {}
                    examples[kind].append(
                        f"- {art['id']}#{s['n']} {side} {e['event']} [{q.get('trigger')}] gold "
                        f"{gs.text} {gs.country}/{gs.sector} | pred {ps.get('text')} "
                        f"{ps.get('country')}/{ps.get('sector')}\n  > {s['text']}"
                    )
    print(f"| {path.name} | count |\n| --- | ---: |")
    for name in ("type pairs", "triple right"):
        print(f"| {name} | {tally[name]} |")
    _print_kinds(path, error_kinds, examples, show)


def _print_kinds(path: Path, error_kinds: Counter, examples: dict, show: Path | None) -> None:
    """The error-kind table of both audits, and the examples of each kind into ``show``."""
    print(f"\n| error kind (both sides, gold side set) | {path.name} |\n| --- | ---: |")
    for name, n in error_kinds.most_common():
        print(f"| {name} | {n} |")
    if show:
        parts = [f"## {k} ({len(v)})\n" + "\n".join(v) for k, v in sorted(examples.items())]
        show.write_text("\n\n".join(parts) + "\n", "utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", type=Path, help="article gold to code, or out-of-fold predictions")
    ap.add_argument("--show", type=Path, help="write the failing pairs here (markdown)")
    ap.add_argument(
        "--oof", action="store_true", help="GOLD is scripts/cv_articles.py --predictions output"
    )
    args = ap.parse_args()
    (audit_oof if args.oof else audit)(args.gold, args.show)


if __name__ == "__main__":
    main()

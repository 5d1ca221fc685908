"""First-person words inside a quotation are its speaker: in "'We will not stop,' the minister
said", "we" is the minister (and the side the minister speaks for)."""

from __future__ import annotations

from dateline.actors.resolve.context import Context, mention_tokens
from dateline.nlp import doc_text

FIRST_PERSON = {"i", "me", "my", "myself", "we", "us", "our", "ourselves"}


def quoted_first_person(ctx: Context) -> None:
    """Resolve "I", "we", "our" inside each quotation to the speaker the quotes module finds for
    it (``quotes.attributed_spans``), where that speaker is an actor of the article."""
    from dateline.quotes import attributed_spans

    doc = ctx.doc
    by_id = {a.id: a for a in ctx.index.actors}
    for start, end, speaker, _sentence in attributed_spans(doc, doc_text(doc), ctx.index):
        actor = by_id.get(speaker.actor_id) if speaker is not None else None
        if actor is None:
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        for tok in span if span is not None else ():
            if tok.lower_ in FIRST_PERSON and tok.pos_ == "PRON" and not ctx.index.all_at(tok.i):
                mention_tokens(ctx, actor, tok.i, tok.i + 1, "quote-speaker")

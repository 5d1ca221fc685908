"""Words that share a politician's name but are not the politician: a month in a date ("in May",
"May 5", "since last May") or a town ("a rally in Bolton").

The resolver asks these before it reads a bare name as a person of the knowledge base. Both are
decided from the words around the name, never from a list of people: a title before the name
("Prime Minister May"), a possessive after it ("May's government") or a first name keep the
person reading.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
}  # fmt: skip
#: Words before a month that make it a date whatever follows: "in May", "last May", "early May".
DATE_LEADS = {"in", "on", "last", "next", "this", "early", "late", "mid", "mid-", "during",
              "every", "each", "throughout"}  # fmt: skip
#: Words before a month that make it a date unless a verb follows ("since May took office").
WEAK_LEADS = {"since", "until", "till", "by", "before", "after", "from", "through", "starting"}
#: Words before a month that make it a party dealt with, never a date: "talks with May".
PARTY_LEADS = {"with"}
#: Verbs whose "on" names whom they ask, not a day: "called on May to act".
ASKING_VERBS = {"call"}
#: "the end of May", "April and May", "March to May".
_SPAN_WORDS = {"end", "beginning", "middle", "start", "half", "month"}
_LINKS = {"and", "or", "to", "-", "–", "through", "until"}
#: Prepositions that put a name in a place: "in Bolton", "near Lincoln".
PLACE_PREPS = {"in", "at", "near", "outside", "inside", "around", "across", "throughout"}
_POSSESSIVE = {"'s", "’s", "'"}


def is_date_word(span: Span) -> bool:
    """A one-word span that is a month used as a date ("in May", "May 5", "5 May", "May 2019",
    "the end of May", "April and May"), not a person of that name ("May's government",
    "since May took office", "Theresa May")."""
    if len(span) != 1 or span[0].lower_ not in MONTHS:
        return False
    tok = span[0]
    doc = tok.doc
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    before = doc[tok.i - 1] if tok.i > 0 else None
    before2 = doc[tok.i - 2] if tok.i > 1 else None
    lead = before.lower_ if before is not None else ""
    if after is not None and after.text in _POSSESSIVE:
        return False  # "May's government"
    if after is not None and after.like_num or before is not None and before.like_num:
        return True  # "May 5", "May 2019", "5 May"
    noun_after = after is not None and after.pos_ == "NOUN"  # "with May elections in mind"
    if (lead in PARTY_LEADS and not noun_after) or (
        lead == "on"
        and before2 is not None
        and before2.lemma_.lower() in ASKING_VERBS
        and not any(c.dep_ == "auxpass" for c in before2.children)  # "was called on May 5"
    ):
        return False  # "talks with May", "called on May to act": whom one deals with, no date
    if lead in DATE_LEADS:
        return True
    verb_after = after is not None and after.pos_ in {"VERB", "AUX"}
    if lead in WEAK_LEADS:
        return not verb_after
    if before2 is not None and (
        (lead == "of" and before2.lower_ in _SPAN_WORDS)
        or (lead in _LINKS and before2.lower_ in MONTHS)
    ):
        return True
    return tok.ent_type_ in {"DATE", "TIME"} and not verb_after and not _titled(tok)


def is_place_word(span: Span, town_country: Callable[[str], str | None]) -> bool:
    """A one-word name used as a place: right after "in"/"near"/"at" with NER or the gazetteer
    (``town_country``) calling it a place ("a rally in Bolton"), or followed by its state or
    country ("Jackson, Mississippi")."""
    if len(span) != 1:
        return False
    tok = span[0]
    doc = tok.doc
    if _titled(tok):
        return False
    before = doc[tok.i - 1] if tok.i > 0 else None
    if before is not None and before.lower_ in PLACE_PREPS and before.pos_ == "ADP":
        return tok.ent_type_ in {"GPE", "LOC", "FAC"} or town_country(tok.text) is not None
    after = doc[tok.i + 1 : tok.i + 3]
    return (
        len(after) == 2
        and after[0].text == ","
        and after[1].ent_type_ in {"GPE", "LOC"}
        and town_country(tok.text) is not None
    )


def _titled(tok: Token) -> bool:
    """A capitalised word or title right before: "Theresa May", "Prime Minister May"."""
    doc = tok.doc
    before = doc[tok.i - 1] if tok.i > 0 else None
    return before is not None and before.is_title and before.pos_ in {"PROPN", "NOUN"}

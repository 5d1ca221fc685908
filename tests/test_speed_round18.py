"""Round 18 speed-ups (speed18, issue 13): each faster path gives what the slower one gave, on
sentences of our own."""

from __future__ import annotations

from dateline.places import _named_again, find_mentions, positions_by_text
from located import one_side


def _named_again_by_scan(doc, found, actors):
    """The old way of :func:`dateline.places._named_again`'s search: slice the document at
    every token and compare the texts (kept here as the reference)."""
    from dateline.places import _FINE, PlaceMention, _name_part

    names = {}
    for m in found:
        if m.refers_to or m.place.kind not in _FINE:
            continue
        name = _name_part(doc, m)
        if name:
            known = names.setdefault(name, m.place)
            if known is not None and known.feature_id != m.place.feature_id:
                names[name] = None
    taken = {i for m in found for i in range(m.start, m.end)}
    out = []
    for name, place in names.items():
        n = len(name)
        for i in range(len(doc) - n + 1) if place is not None else ():
            if tuple(t.text for t in doc[i : i + n]) != name or taken & set(range(i, i + n)):
                continue
            if doc[i].ent_iob_ == "I" or (i + n < len(doc) and doc[i + n].ent_iob_ == "I"):
                continue
            neighbours = [doc[j] for j in (i - 1, i + n) if 0 <= j < len(doc)]
            if any(t.pos_ == "PROPN" and (t.is_title or t.is_upper) for t in neighbours):
                continue
            if any(a.kind != "person" for j in range(i, i + n) for a in actors.all_at(j)):
                continue
            out.append(PlaceMention(i, i + n, doc[i : i + n].text, place))
            taken.update(range(i, i + n))
    return out


def test_positions_by_text_lists_every_token_where_it_stands(nlp):
    doc = nlp("Kafr Nabl fell. Rebels left Kafr Nabl, then Nabl again.")
    at = positions_by_text(doc)
    assert at["Kafr"] == [0, 6]
    assert at["Nabl"] == [1, 7, 10]
    assert sorted(i for spots in at.values() for i in spots) == list(range(len(doc)))
    assert all(doc[i].text == text for text, spots in at.items() for i in spots)


def test_a_town_named_again_is_found_where_the_scan_found_it(nlp):
    text = (
        "The army besieged the town of Kafr Nabl for months. Soldiers finally stormed Kafr "
        "Nabl on Sunday, and the people of Kafr Nabl fled to the town of Maarat al-Numan. "
        "Nabl is quiet now. Maarat al-Numan was shelled later, and Kafr Nabl"
    )
    doc = nlp(text)
    actors = one_side()
    found = list(find_mentions(doc, actors))
    first = [m for m in found if m.start < 12]
    again = _named_again(doc, first, actors)
    assert [(m.start, m.end, m.text) for m in again] == [
        (m.start, m.end, m.text) for m in _named_again_by_scan(doc, first, actors)
    ]
    assert [m.text for m in again][:2] == ["Kafr Nabl", "Kafr Nabl"]
    assert again[-1].end == len(doc)  # a name at the very end of the document


def test_quotations_are_attributed_once_per_document_and_text(nlp):
    from dateline.quotes import _attributed_tokens, _attributed_tokens_fresh, quoted_speakers

    text = (
        'The minister said: "We will not withdraw our troops." Rebels rejected the offer.\n'
        '"The talks have failed," a spokesman told reporters. "We fight on."'
    )
    doc = nlp(text)
    fresh = [
        (s, e, t.i if t is not None else None, n)
        for s, e, t, n in _attributed_tokens_fresh(doc, text)
    ]
    first = _attributed_tokens(doc, text)
    assert [(s, e, t.i if t is not None else None, n) for s, e, t, n in first] == fresh
    assert fresh and fresh[0][2] is not None  # the minister's "said" names a speaker
    assert _attributed_tokens(doc, text) is first  # the second caller reads the first answer

    def by_index(speakers: dict) -> dict:
        return {k: v.i if v is not None else None for k, v in speakers.items()}

    # the cached answer gives the quoted sentences a fresh parse gives
    assert by_index(quoted_speakers(doc, text, None)) == by_index(
        quoted_speakers(nlp(text), text, None)
    )
    other = text.replace('"We fight on."', "We fight on.")  # another text of the same length
    assert len(_attributed_tokens(doc, other)) == len(fresh) - 1


def test_fold_drops_the_combining_marks_the_character_by_character_filter_dropped():
    import unicodedata

    from dateline.gazetteer import fold, skeletons

    def fold_by_character(text: str) -> str:
        quotes = {"\u2019": "'", "\u2018": "", "\u02bf": "", "\u02be": "", "`": ""}
        text = text.translate(str.maketrans(quotes))
        if text.isascii():
            return text
        text = unicodedata.normalize("NFKD", text)
        return "".join(c for c in text if not unicodedata.combining(c)).replace("\u0131", "i")

    names = ["\u1e28alab", "\u00c9lys\u00e9e", "Diyarbak\u0131r", "Ar Raqqah", "Qu\u1ea3ng Tr\u1ecb",
             "S\u00e3o Paulo", "\u0130zmir", "Ma\u02bfarrat", "Sh\u0101m\u012b", "plain"]  # fmt: skip
    for name in names:
        assert fold(name) == fold_by_character(name)
    joined = "\n".join(names)
    assert fold(joined) == fold_by_character(joined)
    assert fold("\u1e28alab") == "Halab" and fold("Diyarbak\u0131r") == "Diyarbakir"
    assert skeletons(names) == [skeletons([n])[0] for n in names]


def test_a_scene_change_opens_a_sentence_as_any_of_its_words_does():
    import re

    from dateline.places import _scene_opening

    words = ("meanwhile", "last year", "last", "elsewhere", "in 2014")
    pattern = _scene_opening(words)
    for opening in ("meanwhile, rebels", "last year the army", "lastly, he said", "last week",
                    "elsewhere in syria", "in 2014,", "in 20145", "meanwhiles", "the army"):  # fmt: skip
        expected = any(re.match(rf"{re.escape(w)}\b", opening) for w in words)
        assert (pattern.match(opening) is not None) == expected, opening
    assert _scene_opening(()).match("meanwhile") is None

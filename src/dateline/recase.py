"""Headlines and lower-case text, re-cased the way a news sentence is written before spaCy reads them.

spaCy's tagger and NER learnt from running text, so "POLICE ARREST 40 AFTER LAHORE MARCH" or
"Police Arrest 40 After Lahore March" comes out as a row of proper nouns with no verb, and
"police arrested 40 people in lahore" names no place. A line set in capitals or in title case
(most of its longer words capitalised), and a text with no capital letter at all, are re-cased:
every word lower case except the first of the line and the names the knowledge base or the
gazetteer knows ("Lahore", "Pakistani", "UN"). Only letters change case and never the length, so
every character offset still points into the original article; other lines are left as they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_WORD = re.compile(r"[^\W\d_](?:[\w'’-]|\.(?=\w))*")
_LINE = re.compile(r"[^\n]+")
#: A title-case line: this share of its words of four letters or more are capitalised (all) ...
TITLE_SHARE = 1.0
#: ... and it has at least this many such words (short lines such as "Ukraine crisis" are left).
TITLE_MIN_WORDS = 3
#: Short function words a title-case headline capitalises and running text does not.
_SMALL = {"after", "over", "with", "from", "into", "amid", "says", "will", "have", "they"}
#: Long function words that title case, in the style of most news desks (Chicago, NYT), keeps
#: in lower case: prepositions and conjunctions ("Police Threaten Protesters with Arrest").
TITLE_LOWER = {
    "about", "above", "across", "after", "against", "along", "amid", "amidst", "among",
    "amongst", "around", "before", "behind", "below", "beneath", "beside", "besides", "between",
    "beyond", "despite", "down", "during", "from", "inside", "into", "near", "onto", "outside",
    "over", "past", "since", "than", "that", "through", "toward", "towards", "under", "unless",
    "until", "upon", "versus", "when", "where", "while", "with", "within", "without",
}  # fmt: skip
#: Short function words title case keeps in lower case; any other short word in lower case
#: ("met", "won") is running text.
TITLE_LOWER_SHORT = {
    "a", "an", "and", "as", "at", "but", "by", "for", "in", "nor", "of", "off", "on", "or", "out",
    "per", "so", "the", "to", "up", "via", "vs", "yet",
}  # fmt: skip


#: A headline (an article's title) is in title case from this share of capitalised long words
#: ("Guinea and Nauru have Promised to Ratify a New Treaty"); body lines need all of them.
HEADLINE_TITLE_SHARE = 0.75
#: A name's particle before its capital ("d'Ivoire", "al-Assad"): a capitalised word.
_PARTICLE = re.compile(r"^[a-z]{1,2}['’-][A-Z]")


def headline_case(line: str, share: float = TITLE_SHARE) -> bool:
    """The line is set in capitals or in title case, not as a sentence. With ``share`` below 1
    (a title: :data:`HEADLINE_TITLE_SHARE`), that share of its long words capitalised is title
    case whatever its small words ("have", "will"), and a name's particle ("d'Ivoire") counts
    as a capital."""
    words = _WORD.findall(line)
    long_words = [w for w in words if len(w) >= 4]
    lowered = [w for w in long_words if w in TITLE_LOWER]  # "with", "from" in lower case
    long_words = [w for w in long_words if w not in TITLE_LOWER]
    if len(long_words) < TITLE_MIN_WORDS:
        return False
    if share >= 1.0 and any(w[0].isalpha() and not w[0].isupper() for w in long_words):
        return False  # a long word in lower case: neither capitals nor title case (running text)
    if lowered and any(
        not w[0].isupper() and w not in TITLE_LOWER_SHORT for w in words if len(w) < 4
    ):
        return False  # "Merkel met with Macron in Paris": a short word in lower case, running text
    letters = [c for c in line if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return True
    capitalised = [w for w in long_words if w[0].isupper() or (share < 1.0 and _PARTICLE.match(w))]
    if len(capitalised) / len(long_words) < share:
        return False
    if share < 1.0:
        return True
    # running text capitalises names, not its small words: "After", "Over", "Says" give it away
    small = [w for w in words if w.lower() in _SMALL and w not in TITLE_LOWER]
    return not small or any(w[0].isupper() for w in small)


def recase_text(text: str, is_name: Callable[[str], str | None], headline: bool = False) -> str:
    """``text`` with its headline-case lines (or, when it has no capital letter, all of it)
    re-cased; ``is_name(words)`` returns the written form of a known name or None. With
    ``headline`` (an article's title, :func:`_longest_name`), names written with a hyphen
    ("Guinea-Bissau") or of up to :data:`HEADLINE_NAME_WORDS` words ("Saint Vincent and the
    Grenadines") keep their capitals too.

    The result has exactly the length of ``text``.
    """
    if not any(c.isupper() for c in text):
        spans = [m.span() for m in _LINE.finditer(text)]
        return _recase_spans(text, spans, is_name, headline)
    share = HEADLINE_TITLE_SHARE if headline else TITLE_SHARE
    spans = [m.span() for m in _LINE.finditer(text) if headline_case(m.group(), share)]
    return _recase_spans(text, spans, is_name, headline) if spans else text


def _recase_spans(text: str, spans: list[tuple[int, int]], is_name, headline: bool = False) -> str:
    chars = list(text)
    for start, end in spans:
        line = text[start:end]
        capitals = not any(c.islower() for c in line)
        words = list(_WORD.finditer(line))
        i = 0
        sentence_start = True
        while i < len(words):
            size, form = _longest_name(line, words, i, is_name, headline)
            for k in range(i, i + size):
                m = words[k]
                if not capitals and m.group().isupper() and len(m.group()) <= 5:
                    continue  # an acronym in a title-case line: "UN", "NATO"
                written = form[k - i] if form else m.group().lower()
                if form and headline and written[:1].isupper() and not m.group().isupper():
                    written = m.group()  # a name as the headline writes it: "McDonald", "d'Ivoire"
                if sentence_start and k == i and not form:
                    written = written[:1].upper() + written[1:]
                _put(chars, start + m.start(), m.group(), written)
            last = words[i + size - 1]
            tail = line[last.end() : words[i + size].start()] if i + size < len(words) else ""
            sentence_start = any(c in tail for c in ".!?:")
            i += size
    return "".join(chars)


#: The most words of a known name a headline's re-casing looks for ("Heard Island and McDonald
#: Islands"); the body's lines look for three.
HEADLINE_NAME_WORDS = 6
#: Small words written in lower case inside a headline's name ("Trinidad and Tobago").
_NAME_SMALL = {"and", "of", "the"}


def _longest_name(
    line: str, words, i: int, is_name, headline: bool = False
) -> tuple[int, list[str] | None]:
    """(number of words, their written forms) of the longest known name starting at word ``i``.
    With ``headline``: names of up to :data:`HEADLINE_NAME_WORDS` words, their small words
    in lower case, and a written form of the phrase's own length cut where its words are (a
    word may hold a hyphen: "Guinea-Bissau")."""
    for size in range(HEADLINE_NAME_WORDS if headline else 3, 0, -1):
        if i + size > len(words):
            continue
        group = words[i : i + size]
        if any(
            line[a.end() : b.start()] not in (" ", "-")
            for a, b in zip(group, group[1:], strict=False)
        ):
            continue
        phrase = line[group[0].start() : group[-1].end()]
        written = is_name(phrase)
        if not written:
            continue
        forms = re.split(r"[ -]", written)
        if len(forms) != size:
            if not headline or len(written) != len(phrase):
                continue
            at = group[0].start()
            forms = [written[w.start() - at : w.end() - at] for w in group]
        if headline:
            forms = [
                f.lower() if 0 < k < size - 1 and f.lower() in _NAME_SMALL else f
                for k, f in enumerate(forms)
            ]
        return size, forms
    return 1, None


def _put(chars: list[str], at: int, old: str, new: str) -> None:
    """Write ``new`` over ``old`` letter by letter where only the case differs (never the length)."""
    for k, (a, b) in enumerate(zip(old, new, strict=False)):
        if a != b and a.lower() == b.lower() and len(b) == 1:
            chars[at + k] = b


MONTHS_AND_DAYS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday",
}  # fmt: skip
#: A one-word town is written as a name only from this size (smaller ones share common words).
TOWN_POPULATION = 50_000


def _country_named(kb, low: str) -> bool:
    """``low`` is the name of the country it stands for ("chad", "peru"; not "uk")."""
    code = kb.country_of(low)
    entry = kb.lookup(code) if code else None
    return entry is not None and (entry.name or "").lower() == low


def name_lookup(
    kb, common: frozenset[str], words: frozenset[str] | None = None
) -> Callable[[str], str | None]:
    """``is_name`` for :func:`recase_text` from the actor knowledge base and the gazetteer:
    countries, demonyms, organisations, groups and full names of people, acronyms ("UN", "US"),
    towns of ``TOWN_POPULATION`` or more, months and weekdays. One-word ``common`` words (event
    triggers, role nouns, stop words) stay lower case. Given ``words`` (common words: verbs,
    adjectives, adverbs), the surname of a person of the knowledge base that is none of them
    is a name too ("Putin", "Erdogan"; not "Bush", "Rice")."""
    from functools import lru_cache

    from dateline.gazetteer import gazetteer

    @lru_cache(maxsize=8192)
    def written(phrase: str) -> str | None:
        low = phrase.lower()
        title = "-".join(p[:1].upper() + p[1:] for p in low.split("-"))
        title = " ".join(w[:1].upper() + w[1:] for w in title.split(" "))
        single = " " not in phrase
        if single and (low in common or low.rstrip("s") in common):
            return None  # "march", "may", "police"
        if single and words is not None and low not in words and kb.people_with_surname(low):
            return title  # "Putin": a known person's surname that is no common word
        if low in MONTHS_AND_DAYS:
            return title
        if single and len(phrase) <= 4 and _country_named(kb, low):
            return title  # "Chad", "Iran": a country's own name, not an acronym ("UK", "UAE")
        if single and len(phrase) <= 4 and kb.lookup(phrase.upper()) is not None:
            return phrase.upper()  # "un", "us", "nato"
        if kb.country_of(low) or kb.lookup(low) is not None:
            return title
        if single and any(
            own and (p.kind in {"country", "admin1"} or p.population >= TOWN_POPULATION)
            for p, own in gazetteer().candidates(low, aliases=False)
        ):
            return title
        return None

    return written


# --------------------------------------------------------------------------- headline verbs

#: Noun tags spaCy gives a headline's verb when it reads the line as one noun phrase.
_NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS"}
#: Tags of a finite verb: a headline with one has its verb.
_FINITE = {"VBD", "VBZ", "VBP", "MD"}
#: Subject words that take a plural verb though spaCy may tag them singular.
_PLURAL_NOUNS = {"police", "people", "military", "troops", "forces"}


def verb_lemma(word: str, verbs: frozenset[str], singular: bool) -> str | None:
    """The verb ``word`` is in the present tense after a ``singular`` (or plural) subject: its
    base form from ``verbs`` ("approves" -> "approve", "decry" after "activists"), or None."""
    low = word.lower()
    if not singular:
        return low if low in verbs else None
    if not low.endswith("s") or low.endswith("ss") or len(low) < 4:
        return None
    stems = [low[:-1]]
    if low.endswith("es"):
        stems.append(low[:-2])
    if low.endswith("ies"):
        stems.append(low[:-3] + "y")
    return next((s for s in stems if s in verbs), None)


def headline_verb(
    doc,
    verbs: frozenset[str],
    actor_nouns: frozenset[str] = frozenset(),
    acts: Callable[[str], bool] | None = None,
    act_nouns: Callable[[str], object] | None = None,
) -> int | None:
    """A headline parsed as one noun phrase ("Bolivia approves of Gambia's policy", "Activists
    decry new policy": no verb at all) gets its verb back: the first word spaCy tagged a noun
    that is a known verb (``verbs``, base forms) agreeing in number with the words before it,
    with a word after it; after a plural noun of ``actor_nouns`` ("Government forces attack
    rebels"), the verb that follows it. The verb becomes the root, the head of the words before it its
    subject, the words after it its object and phrases. A base form followed by the "-s" form
    of a verb that ``acts`` names an act (by lemma) where the first does not ("Human rights
    group withdraws from X": "group" no act, "withdraws" one) is a noun, the next word the
    verb; so is a plural noun of an act (``act_nouns``, a word's noun of an act or None: "Peace
    talks resume", "Rebel attacks kill 10") before a verb in its base form. Returns the verb's
    index, or None when the line has a verb or none is found. Only
    tags, lemmas and arcs change."""
    if len(doc) < 3 or any(
        t.tag_ in _FINITE
        or (
            t.pos_ in {"VERB", "AUX"}
            and (t.dep_ == "ROOT" or any(c.dep_ == "nsubj" for c in t.children))
        )
        for t in doc
    ):
        return None
    start = max((t.i + 1 for t in doc if t.text == ":"), default=0)  # "Sudan: ..."
    for tok in doc[start + 1 :]:
        found = _headline_verb_at(doc, start, tok, verbs)
        if found is None:
            continue
        verb, lemma, subject = found
        nxt = doc[verb.i + 1]
        later = _headline_verb_at(doc, start, nxt, verbs)
        if (
            later is not None
            and later[1] == nxt.lower_
            and (
                verb.lower_ in actor_nouns
                or (act_nouns is not None and lemma != verb.lower_ and act_nouns(verb.lower_))
            )
        ):
            # "Government forces attack rebels": a plural actor noun, then the verb
            verb, lemma, subject = later
        elif (
            later is not None
            and acts is not None
            and lemma == verb.lower_
            and later[1] != nxt.lower_
            and acts(later[1])
            and not acts(lemma)
        ):
            # "Human rights group withdraws from X": "group" a noun, "withdraws" the act
            verb, lemma, subject = later
        _make_verb(doc, start, verb, lemma, subject)
        return verb.i
    return None


def _headline_verb_at(doc, start: int, tok, verbs):
    if tok.tag_ not in _NOUN_TAGS or tok.ent_type_ or tok.i + 1 >= len(doc):
        return None
    if doc[tok.i + 1].is_punct or doc[tok.i - 1].tag_ not in _NOUN_TAGS | {","}:
        return None
    subject = _subject(doc, start, tok.i)
    if subject is None:
        return None
    plural = (
        subject.tag_ in {"NNS", "NNPS"}
        or subject.lower_ in _PLURAL_NOUNS
        or any(c.dep_ in {"conj", "appos"} and c.i < tok.i for c in subject.children)
    )
    lemma = verb_lemma(tok.text, verbs, singular=not plural)
    return (tok, lemma, subject) if lemma else None


def _subject(doc, start: int, end: int):
    """The head of the words ``doc[start:end]``: the first noun among those whose head lies
    outside them."""
    roots = [t for t in doc[start:end] if not start <= t.head.i < end or t.head.i == t.i]
    nouns = [t for t in roots if t.tag_ in _NOUN_TAGS | {"PRP"}]
    return nouns[0] if nouns else None


def _make_verb(doc, start: int, verb, lemma: str, subject) -> None:
    heads = [t.head.i for t in doc]
    deps = [t.dep_ for t in doc]
    old_root = next((t for t in doc if t.dep_ == "ROOT" and t.i > verb.i), None)
    if old_root is not None:  # the noun spaCy took for the head: its phrases are the verb's
        for c in old_root.children:
            if c.i > old_root.i and (c.dep_ == "prep" or c.is_punct):
                heads[c.i] = verb.i
    heads[verb.i], deps[verb.i] = verb.i, "ROOT"
    heads[subject.i], deps[subject.i] = verb.i, "nsubj"
    has_object = False
    for t in doc:
        if t.i in (verb.i, subject.i):
            continue
        if t.i < start:
            if not 0 <= heads[t.i] < start or heads[t.i] == t.i:
                heads[t.i], deps[t.i] = verb.i, "punct" if t.is_punct else "npadvmod"
        elif t.i < verb.i:
            if not start <= heads[t.i] < verb.i or heads[t.i] == t.i:
                heads[t.i] = subject.i
                deps[t.i] = "conj" if deps[t.i] in {"ROOT", "compound"} else deps[t.i]
        elif not verb.i < heads[t.i] < len(doc) or heads[t.i] == t.i:
            heads[t.i] = verb.i
            if t.is_punct:
                deps[t.i] = "punct"
            elif t.pos_ == "ADP":
                deps[t.i] = "prep"
            elif t.tag_ in _NOUN_TAGS | {"PRP", "CD"} and not has_object:
                deps[t.i] = "dobj"
            elif t.pos_ == "ADV":
                deps[t.i] = "advmod"
            elif deps[t.i] in {"ROOT", "compound"}:
                deps[t.i] = "dep"
        if t.i > verb.i and heads[t.i] == verb.i and deps[t.i] == "dobj":
            has_object = True
    _set_arcs(doc, heads, deps)
    verb.tag_ = "VBP" if lemma == verb.lower_ else "VBZ"
    verb.pos_ = "VERB"
    verb.lemma_ = lemma
    verb.set_morph("Tense=Pres|VerbForm=Fin")


def headline_passive(doc, acts_on: Callable[[str], bool] | None = None) -> int | None:
    """A headline's passive without its auxiliary ("Curfew imposed in Nairobi", "Envoy expelled
    from Uganda"): a past participle that is the root, or that follows the root noun as its
    only verb, with no finite verb in the line, gets that noun as its passive subject, as "a
    curfew was imposed" has. A headline states a past act in the present tense, so a bare
    "-ed" root after its subject, with no object, of a verb that ``acts_on`` someone (by its
    lemma), is that participle too ("Journalists detained in X", "Students abducted by
    gunmen": its "by" the agent; not "Minister resigned"). Returns the participle's index, or
    None."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if len(doc) < 3 or root is None or any(t.dep_.startswith("aux") for t in doc):
        return None
    if root.tag_ == "VBD" and root.lower_.endswith("ed") and acts_on and acts_on(root.lemma_):
        if any(t.tag_ in _FINITE for t in doc if t.i != root.i) or any(
            c.dep_ in {"dobj", "dative", "ccomp", "xcomp", "attr"} for c in root.children
        ):
            return None
        root.tag_ = "VBN"
        root.set_morph("Aspect=Perf|Tense=Past|VerbForm=Part")
    if any(t.tag_ in _FINITE for t in doc):
        return None
    if root.tag_ == "VBN":
        subjects = [c for c in root.children if c.dep_ == "nsubj" and c.i < root.i]
        if not subjects:
            return None
        for c in subjects:
            c.dep_ = "nsubjpass"
        for c in root.children:
            if c.dep_ == "prep" and c.lower_ == "by" and c.i > root.i:
                c.dep_ = "agent"  # "shot by gunmen"
        return root.i
    participles = [c for c in root.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.i > root.i]
    if root.tag_ in _NOUN_TAGS and len(participles) == 1 and participles[0].i == root.i + 1:
        return _verb_over_noun(doc, root, participles[0], "nsubjpass")
    return _passive_after_phrase(doc)


def _passive_after_phrase(doc) -> int | None:
    """The participle of a passive headline whose subject is a longer phrase, a number or a
    phrase after a colon ("Hundreds of protesters arrested in X", "Restrictions on rights,
    media freedoms imposed in X", "Six indicted by grand jury", "Unrest in X: curfew imposed
    after clashes"): the line's only participle spaCy hung inside the noun phrase, right after
    it, becomes the root, the phrase's head (after a colon: the noun in apposition to the words
    before it, which become the root's modifier) its passive subject. Returns its index, or
    None."""
    found = [t for t in doc if t.dep_ == "acl" and t.tag_ == "VBN"]
    if len(found) != 1:
        return None
    verb = found[0]
    root = verb.sent.root  # "Kenya: Curfew imposed in X" may be two sentences
    head = verb.head
    while head.dep_ == "conj":
        head = head.head  # "Restrictions on rights, media freedoms imposed"
    if head.i == root.i:
        subject = root
    elif head.dep_ == "appos" and head.head.i == root.i:
        subject = head  # "Unrest in X: curfew imposed"
    else:
        return None  # "return of the vehicle seized in the raid": the participle describes
    if subject.tag_ not in _NOUN_TAGS | {"CD"} or subject.i > verb.i:
        return None
    if any(subject not in (t, *t.ancestors) for t in doc[subject.i : verb.i]):
        return None  # the participle does not follow the subject's phrase
    heads = [t.head.i for t in doc]
    deps = [t.dep_ for t in doc]
    heads[verb.i], deps[verb.i] = verb.i, "ROOT"
    heads[subject.i], deps[subject.i] = verb.i, "nsubjpass"
    if subject.i != root.i:
        heads[root.i], deps[root.i] = verb.i, "npadvmod"  # "Unrest in X:"
    for t in doc[verb.i + 1 :]:
        if t.is_punct and heads[t.i] in {root.i, subject.i}:
            heads[t.i] = verb.i
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            deps[c.i] = "agent"  # "indicted by a grand jury"
    _set_arcs(doc, heads, deps)
    return verb.i


def headline_infinitive(doc) -> int | None:
    """A headline's act announced by "to" and a verb after its subject, which spaCy hung on the
    subject noun ("International body to establish inquiry into ...": a noun root, the verb its
    relative clause): with no finite verb in the line, the verb becomes the root and the noun its
    subject, as in "UN to establish inquiry". Returns the verb's index, or None."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.tag_ not in _NOUN_TAGS or any(t.tag_ in _FINITE for t in doc):
        return None
    verbs = [
        c
        for c in root.children
        if c.tag_ == "VB" and c.dep_ in {"relcl", "acl"} and c.i > root.i
        and any(a.tag_ == "TO" and a.dep_ == "aux" and a.i == c.i - 1 for a in c.children)
    ]  # fmt: skip
    if len(verbs) != 1 or verbs[0].i != root.i + 2:
        return None
    return _verb_over_noun(doc, root, verbs[0], "nsubj")


def _verb_over_noun(doc, noun, verb, subject_dep: str) -> int:
    """Make ``verb`` the root and ``noun`` (spaCy's root) its subject; the phrases after the verb
    that hung on the noun go to the verb. Returns the verb's index."""
    heads = [t.head.i for t in doc]
    deps = [t.dep_ for t in doc]
    heads[verb.i], deps[verb.i] = verb.i, "ROOT"
    heads[noun.i], deps[noun.i] = verb.i, subject_dep
    for c in noun.children:
        if c.i > verb.i and (c.dep_ == "prep" or c.is_punct):
            heads[c.i] = verb.i
    _set_arcs(doc, heads, deps)
    return verb.i


def _set_arcs(doc, heads: list[int], deps: list[str]) -> None:
    import numpy
    from spacy.attrs import DEP, HEAD

    arr = numpy.zeros((len(doc), 2), dtype="uint64")
    for i in range(len(doc)):
        arr[i, 0] = (
            numpy.uint64(heads[i] - i) if heads[i] >= i else numpy.uint64(2**64 + heads[i] - i)
        )
        arr[i, 1] = doc.vocab.strings.add(deps[i])
    doc.from_array([HEAD, DEP], arr)


#: Lower-case words inside a name of the list a headline opens with ("Trinidad and Tobago").
_NAME_INNER = {"and", "of", "the", "&"}


def headline_list_subject(doc) -> int | None:
    """A headline opening with names joined by commas, as headlines write "and" ("Turkey, Russia
    sign deal", "Trump, Putin agree to ..."), before its finite verb: the first name becomes the
    verb's subject and the others its conjuncts, so each is a side (spaCy took the first for a
    verb's modifier or the root, the last alone for the subject). A finite verb spaCy hung
    inside a noun phrase ("sign" a compound of "deal") becomes the root. Returns the verb's
    index, or None when the line does not open so."""
    verb = next((t for t in doc if t.tag_ in {"VBP", "VBZ", "VBD"}), None)
    if verb is None or verb.i < 3:
        return None
    groups: list[list] = [[]]
    for t in doc[: verb.i]:
        if t.text == ",":
            groups.append([])
        elif t.text[:1].isupper() or (t.lower_ in _NAME_INNER and groups[-1]):
            groups[-1].append(t)
        else:
            return None
    if groups and not groups[-1]:
        groups.pop()  # "Gambia, Ireland, hold drills": a comma before the verb
    if len(groups) < 2 or any(not g for g in groups):
        return None
    heads = [t.head.i for t in doc]
    deps = [t.dep_ for t in doc]
    if verb.dep_ != "ROOT":
        if verb.dep_ not in {"compound", "amod", "nmod"}:
            return None
        old_root = next(t for t in doc if t.dep_ == "ROOT")
        heads[verb.i], deps[verb.i] = verb.i, "ROOT"
        for t in doc:
            if t.i != verb.i and (
                heads[t.i] == t.i
                or (t.i > verb.i and heads[t.i] == old_root.i and (t.dep_ == "prep" or t.is_punct))
            ):
                heads[t.i], deps[t.i] = verb.i, "punct" if t.is_punct else deps[t.i]
        obj = doc[verb.head.i] if verb.head.i > verb.i else None
        if obj is not None:
            heads[obj.i], deps[obj.i] = verb.i, "dobj"
    roots = [g[-1] for g in groups]  # the head of a name is its last word
    first = roots[0]
    for g, r in zip(groups, roots, strict=True):
        for t in g:
            if t.i != r.i:
                heads[t.i] = r.i
                deps[t.i] = "cc" if t.lower_ in _NAME_INNER else "compound"
    heads[first.i], deps[first.i] = verb.i, "nsubj"
    for r in roots[1:]:
        heads[r.i], deps[r.i] = first.i, "conj"
    for t in doc[: verb.i]:
        if t.text == ",":
            heads[t.i], deps[t.i] = first.i, "punct"
    _set_arcs(doc, heads, deps)
    return verb.i


def headline_first_noun(doc, act_noun: Callable[[str], str | None]) -> int | None:
    """A headline's first word, and the first after a colon, are capitalised as the first word
    of any sentence, and spaCy may take one for a name ("Ceasefire begins in X", "Unrest in X:
    Curfew imposed"): such a word tagged a proper noun, before a word that is none, or a
    gerund subject ("Fighting resumes in X"), whose lower-case form ``act_noun`` knows as the
    noun of an act (returning its base form) is that common noun again. Returns the index of the last one changed, or None. Only tags, parts of
    speech and lemmas change."""
    starts = [0] + [t.i + 1 for t in doc if t.text == ":"]
    changed = None
    for i in starts:
        if i + 1 >= len(doc):
            continue
        if doc[i].tag_ not in {"NNP", "NNPS"} and not (
            doc[i].tag_ == "VBG" and doc[i].dep_ in {"nsubj", "nsubjpass"}
        ):
            continue  # "Fighting resumes in X": a gerund subject named the act
        if doc[i + 1].tag_ in {"NNP", "NNPS"}:
            continue  # "Saint Lucia": a name of two words
        tok = doc[i]
        lemma = act_noun(tok.lower_)
        if lemma is None:
            continue
        tok.tag_ = "NN" if lemma == tok.lower_ else "NNS"
        tok.pos_ = "NOUN"
        tok.lemma_ = lemma
        changed = i
    return changed


#: Prepositions of where an act takes place and between whom ("talks begin between X and Y in Z").
_SETTING_PREPS = {
    "in", "across", "near", "inside", "outside", "throughout", "around", "between", "among",
    "amongst", "with", "against", "on",
}  # fmt: skip
#: Objects with which "take" says that something takes place or effect ("sanctions take hold").
_TAKING_OBJECTS = {"hold", "effect", "place", "shape"}


def headline_occurrence(
    doc, occurs: frozenset[str], is_act: Callable, reports: frozenset[str] = frozenset()
) -> list[int]:
    """An act named by a noun that is the subject of a verb of its taking place ("Ceasefire
    begins in X", "Peace talks resume between X and Y", "Sanctions take hold in X": ``occurs``,
    lemmas; ``is_act(token)`` says the noun names an act), or the passive subject of a verb
    of reporting (``reports``: "Clashes reported in X", "Deportations confirmed in Y"): the
    verb's phrases of place and parties are the act's own ("a ceasefire in X", "talks between
    X and Y"), as a news sentence writes them, so the act gets its place and sides. Not a verb
    with another object ("talks open a new chapter") or one spaCy took for a clause's. Returns
    the indices of the phrases moved."""
    heads = [t.head.i for t in doc]
    moved: list[int] = []
    for verb in doc:
        if verb.pos_ != "VERB":
            continue
        lemma = verb.lemma_.lower()
        if lemma in occurs and verb.tag_ not in {"VBN", "VBG"}:
            subject_dep = "nsubj"
        elif lemma in reports and verb.tag_ == "VBN":
            subject_dep = "nsubjpass"
        else:
            continue
        nouns = [c for c in verb.children if c.dep_ == subject_dep and c.pos_ == "NOUN"]
        if len(nouns) != 1 or not is_act(nouns[0]):
            continue
        objects = [c for c in verb.children if c.dep_ in {"dobj", "xcomp", "ccomp", "attr"}]
        if any(c.dep_ != "dobj" or c.lemma_.lower() not in _TAKING_OBJECTS for c in objects):
            continue
        noun = nouns[0]
        own = {c.lower_ for c in noun.children if c.dep_ == "prep"}
        for c in verb.children:
            if c.dep_ == "prep" and c.i > verb.i and c.lower_ in _SETTING_PREPS - own:
                heads[c.i] = noun.i
                moved.append(c.i)
                own.add(c.lower_)  # the first "in" is the place: "in X in the lead-up to"
    if moved:
        _set_arcs(doc, heads, [t.dep_ for t in doc])
    return moved

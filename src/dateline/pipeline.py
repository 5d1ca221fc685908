"""The stages in order: annotate -> actors -> events -> time/place/quotes, over one article."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc

from dateline import nlp as nlp_mod
from dateline.model import Article, Result
from dateline.settings import Settings


class Pipeline:
    """Codes articles into :class:`~dateline.model.Result` records. Build once, reuse."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings.load()
        self._nlp = None
        self._kb = None
        self._lexicon = None
        self._selector = None
        self._names = None
        self._title_names = None
        self._verbs: frozenset[str] | None = None
        self._actor_nouns: frozenset[str] | None = None

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = nlp_mod.load(self.settings.model)
        return self._nlp

    @property
    def kb(self):
        if self._kb is None:
            from dateline.actors.kb import KnowledgeBase

            self._kb = KnowledgeBase.load(extra_files=self.settings.actors_files)
        return self._kb

    def _country_name(self, code: str) -> str:
        entry = self.kb.lookup(code)
        return entry.name if entry else code

    @property
    def lexicon(self):
        if self._lexicon is None:
            from dateline.events.lexicon import Lexicon

            self._lexicon = Lexicon.load()
        return self._lexicon

    @property
    def selector(self):
        """The cheap pass that picks the sentences the full pipeline sees (see dateline.select)."""
        if self._selector is None:
            from dateline.select import SentenceSelector

            self._selector = SentenceSelector.build(self.nlp, self.lexicon, self.kb)
        return self._selector

    def annotation_text(self, article: Article) -> str:
        """What spaCy's full pipeline runs over: the article, with the sentences the cheap pass
        found nothing in blanked out (unless ``settings.full_parse``)."""
        return self._prepare(article)[0]

    def _prepare(self, article: Article) -> tuple[str, list[int] | None]:
        """The text spaCy sees, and where the article's sentences start (None: spaCy sees the
        whole article, so its own sentences are the article's). Headlines in capitals or title
        case, and text with no capitals, are re-cased as running text (``dateline.recase``)."""
        if self.settings.full_parse:
            return self._recase(article.text), None
        plan = self.selector.plan(article.text)
        return self._recase(plan.blank(article.text)), plan.starts

    def title_view(self, article: Article) -> str | None:
        """The headline as spaCy sees it (:func:`title_text`, re-cased on its own), or None when
        it is not coded: ``settings.code_title`` off, no title, or the body opens with it; its
        typographic apostrophes written straight. A headline without a trigger word of the
        lexicon is parsed too, in fast mode as well (the event model may still propose its
        act)."""
        if not self.settings.code_title:
            return None
        text = title_text(article)
        if not text:
            return None
        # a typographic apostrophe as spaCy and the actor tables read names ("Côte d'Ivoire",
        # "Assad's forces"); one character for one, so every offset still points into the title
        return self._recase(text.replace("\u2019", "'"), title=True)

    def _recase(self, text: str, title: bool = False) -> str:
        """``text`` re-cased (:func:`recase.recase_text`); a ``title`` also knows the surnames
        of the knowledge base's people as names (the body's lines do not: they are training
        text)."""
        from dateline.recase import name_lookup, recase_text

        if self._names is None:
            common = self.lexicon.trigger_lemmas() | frozenset(self.nlp.Defaults.stop_words)
            common |= frozenset(w for p in self.kb.role_phrases() for w in p.split())
            self._names = name_lookup(self.kb, common)
            self._title_names = name_lookup(self.kb, common, self.common_words)
        if title:
            return recase_text(text, self._title_names, headline=True)
        return recase_text(text, self._names)

    def code(self, article: Article) -> Result:
        """Code one article."""
        text, starts = self._prepare(article)
        result = self._code_doc(article, nlp_mod.annotate(self.nlp, text), starts)
        title = self.title_view(article)
        if title:
            self._add_title(result, nlp_mod.annotate(self.nlp, title))
        return result

    def pipe(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Result]:
        """Code many articles, batching the spaCy work (at most ``batch_size`` articles and
        about ``dateline.fast.CHARS_PER_BATCH`` characters a batch, which bounds memory)."""
        from dateline.fast import pipe_docs

        def prepared() -> Iterator[tuple[Article, str, list[int] | None, bool]]:
            for article in articles:
                yield (article, *self._prepare(article), False)
                title = self.title_view(article)
                if title:  # the headline, its own small Doc, right after its article's
                    yield (article, title, None, True)

        pending: Result | None = None
        for doc, (article, _, starts, is_title) in pipe_docs(
            self.nlp, prepared(), max_articles=batch_size, text_of=lambda item: item[1]
        ):
            if is_title and pending is not None:
                self._add_title(pending, doc)
                continue
            if pending is not None:
                yield pending
            pending = self._code_doc(article, doc, starts)
        if pending is not None:
            yield pending

    def code_text(
        self, text: str, date: date | str | None = None, title: str | None = None
    ) -> Result:
        """Code a plain text (no title/byline detection)."""
        from dateline.ingest import article_from_text

        return self.code(article_from_text(text, published=date, title=title, detect_header=False))

    def _add_title(self, result: Result, doc: Doc) -> None:
        """Code the headline (its annotated ``doc``, :meth:`title_view`) as an article of its
        own, dated as the article, and put its events before the body's, marked
        ``part="title"`` (:func:`merge_title`). The body's events stay exactly as coded."""
        article = result.article
        headline = replace(article, text=title_text(article), title=None)
        self.repair_title(doc)
        merge_title(result, self._code_doc(headline, doc))

    def repair_title(self, doc: Doc) -> None:
        """The parse repairs a headline's own Doc gets before it is coded (``dateline.recase``:
        a first word taken for a name, a verb read as a noun, "X to act", passives without their
        auxiliary, names joined by commas, an act that takes place somewhere)."""
        from dateline.recase import (
            headline_first_noun,
            headline_infinitive,
            headline_list_subject,
            headline_occurrence,
            headline_passive,
            headline_verb,
        )

        headline_first_noun(doc, self.act_noun)
        verb = headline_verb(
            doc,
            self.verbs,
            self.actor_nouns,
            lambda lemma: bool(self.lexicon.by_verb.get(lemma)),
            self.act_noun,
        )
        reports = self.lexicon.word_set("report_verbs")
        if verb is None and headline_infinitive(doc) is None:
            # "Clashes reported in X": a verb of reporting with no object is a passive too
            headline_passive(doc, lambda lemma: lemma in reports or self.acts_on(lemma))
        headline_list_subject(doc)
        headline_occurrence(
            doc,
            self.lexicon.word_set("occurrence_verbs"),
            lambda t: bool(self.lexicon.noun_entries(t)),
            reports,
        )

    @property
    def actor_nouns(self) -> frozenset[str]:
        """One-word role nouns of the knowledge base ("forces", "police"), for
        :func:`recase.headline_verb`."""
        if self._actor_nouns is None:
            self._actor_nouns = frozenset(p for p in self.kb.role_phrases() if " " not in p)
        return self._actor_nouns

    def act_noun(self, word: str) -> str | None:
        """The base form of ``word`` (lower case) as a noun of the lexicon that names an act
        ("ceasefire", "sanctions" -> "sanction"), unless it is a known name; else None. For
        :func:`recase.headline_first_noun`."""
        if self._title_names is None:
            self._recase("")
        if self._title_names(word):
            return None
        forms = [word]
        if word.endswith("ies"):
            forms.append(word[:-3] + "y")
        if word.endswith("es"):
            forms.append(word[:-2])
        if word.endswith("s") and not word.endswith("ss"):
            forms.append(word[:-1])
        lexicon = self.lexicon
        return next((f for f in forms if lexicon.by_noun.get(f)), None)

    def acts_on(self, lemma: str) -> bool:
        """Every entry of the verb ``lemma`` in the lexicon acts on someone (its example names a
        target: "kill", "detain", "deport"; not "resign", "march", "protest"), for
        :func:`recase.headline_passive`."""
        entries = [e for e in self.lexicon.by_verb.get(lemma.lower(), ()) if not e.fallback]
        return bool(entries) and all(e.example and e.example.get("target") for e in entries)

    @property
    def common_words(self) -> frozenset[str]:
        """The verbs, adjectives and adverbs spaCy's lemmatizer knows (base forms), for
        :func:`recase.name_lookup` ("trump", "brown", "rice"). Not its nouns: they hold the
        names of the famous ("putin", "castro")."""
        index = self._lemma_index()
        return frozenset(w for pos in ("verb", "adj", "adv") for w in index.get(pos, ()))

    @property
    def verbs(self) -> frozenset[str]:
        """The verbs (base forms) spaCy's lemmatizer knows, for :func:`recase.headline_verb`."""
        if self._verbs is None:
            self._verbs = frozenset(self._lemma_index().get("verb", ()))
        return self._verbs

    def _lemma_index(self):
        """spaCy's lemmatizer's ``lemma_index`` table (base forms by part of speech), or an
        empty mapping when its lookups have none."""
        lookups = self.nlp.get_pipe("lemmatizer").lookups
        return lookups.get_table("lemma_index") if lookups.has_table("lemma_index") else {}

    def _code_doc(self, article: Article, doc: Doc, starts: list[int] | None = None) -> Result:
        from dateline.actors.home import (
            citizenship_revoker,
            custody_authorities,
            domestic_targets,
            localise_event_sides,
            place_victims,
            placed_authorities,
            previous_actor,
            previous_target,
            refused_asker,
            story_attacker,
            story_authorities,
            withdrawal_theatre,
        )
        from dateline.actors.resolve import resolve_actors
        from dateline.events.cameo_codes import refine_codes
        from dateline.events.dating import check_dates
        from dateline.events.extract import extract_events
        from dateline.places import locate_events
        from dateline.quotes import find_quotes

        actors = resolve_actors(doc, article, self.kb)
        events = extract_events(doc, article, actors, self.lexicon)
        if self.settings.min_confidence > 0:
            events = [e for e in events if e.confidence >= self.settings.min_confidence]
        refine_codes(events, doc)
        check_dates(events, article.published)
        quotes = find_quotes(doc, article, actors)
        locate_events(
            events, doc, actors, article.text, article.published,
            words_at_speaker=self.settings.words_at_speaker_country,
        )  # fmt: skip
        localise_event_sides(events, actors, self._country_name)
        domestic_targets(events, actors, self._country_name)
        story_attacker(events, doc, actors)
        placed_authorities(events, self._country_name)
        custody_authorities(events, self._country_name)
        story_authorities(events, self._country_name)
        citizenship_revoker(events, doc, actors, self._country_name)
        place_victims(events, self._country_name)
        withdrawals = self.lexicon.word_set("withdrawal_words")
        withdrawal_theatre(events, doc, actors, withdrawals, self._country_name)
        refused_asker(events)
        previous_actor(events)  # last: a source only the act before gives
        previous_target(events)  # and a target only the act of the same kind before gives
        result = Result(article=article, events=events, quotes=quotes, actors=actors.used())
        if starts is not None:  # count the article's sentences, not the blanked text's
            from dateline.select import renumber_sentences

            renumber_sentences(result, doc, starts)
        return result


#: What ends a headline as a sentence; one without it gets a full stop.
_TITLE_END = (".", "!", "?", "\u2026")


def title_text(article: Article) -> str:
    """The headline as the coder reads it: the title on one line (other whitespace turned to
    spaces, so every offset stays the title's own) with a full stop when it has no final
    punctuation. Empty when there is no title, or when the body opens with the title (it is
    coded there already)."""
    title = article.title or ""
    if not title.strip():
        return ""
    first_line = article.text.lstrip().split("\n", 1)[0]
    if _bare(first_line) == _bare(title):
        return ""
    line = "".join(" " if c.isspace() else c for c in title)
    return line if line.rstrip().endswith(_TITLE_END) else line + "."


def _bare(line: str) -> str:
    return " ".join(line.lower().split()).rstrip(".!?\u2026 ")


def merge_title(result: Result, headline: Result) -> None:
    """Put the events of the coded ``headline`` before those of ``result`` (its article):
    each marked ``part="title"``, sentence 0, its trigger's offsets and words those of
    ``Article.title``, its evidence the title. A headline actor is the article's actor of the
    same name, country, sector and kind when there is one, else it joins the article's actors
    (without mentions: their offsets would point into the title)."""
    title = result.article.title or ""
    same = {(a.name, a.country, a.sector, a.kind): a for a in result.actors}
    ids = {a.id for a in result.actors}
    renamed: dict[str, str] = {}
    for actor in headline.actors:
        known = same.get((actor.name, actor.country, actor.sector, actor.kind))
        if known is not None:
            renamed[actor.id] = known.id
            continue
        new_id = f"t{actor.id}"
        while new_id in ids:
            new_id += "'"
        renamed[actor.id] = new_id
        ids.add(new_id)
        actor.id = new_id
        actor.mentions = []
        result.actors.append(actor)
    for e in headline.events:
        for ref in (e.source, e.target, e.reported_by):
            if ref is not None and ref.actor_id is not None:
                ref.actor_id = renamed.get(ref.actor_id, ref.actor_id)
        e.part = "title"
        e.sentence = 0
        end = min(e.trigger.end, len(title))
        e.trigger.text = title[e.trigger.start : end] or e.trigger.text
        e.trigger.end = max(end, e.trigger.start)
        e.sentence_text = title
    result.events[:0] = headline.events


_default: dict[Settings, Pipeline] = {}


def get_pipeline(settings: Settings | None = None) -> Pipeline:
    """A shared pipeline per settings, so the model and tables load once per process."""
    settings = settings or Settings.load()
    if settings not in _default:
        _default[settings] = Pipeline(settings)
    return _default[settings]


def code_text(
    text: str, date: date | str | None = None, settings: Settings | None = None
) -> Result:
    """Code a text with the default pipeline: ``dateline.code_text("...", date="2017-01-28")``."""
    return get_pipeline(settings).code_text(text, date=date)

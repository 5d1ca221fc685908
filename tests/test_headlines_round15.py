"""Round 15: headline language. Headlines set in title case with their prepositions in lower
case are re-cased like any other headline, so spaCy finds their verb."""

from __future__ import annotations

import pytest

from dateline.recase import headline_case, recase_text


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Police Threaten Striking Dockers with Arrest", True),
        ("Army Pulls Troops out of Border Town after Talks with Rebels", True),
        ("Minister Resigns over Bribery Claims", True),
        ("Ruling Party Expels Deputies from Parliament", True),
        # running text: a short word ("met", "won") or a long one in lower case
        ("Merkel met with Macron in Paris", False),
        ("Harris won with Democratic Votes from Ohio", False),
        ("The minister resigned over bribery claims", False),
        ("Talks with Rebels", False),  # too short to tell
    ],
)
def test_title_case_with_lower_case_prepositions(line, expected):
    assert headline_case(line) is expected


def test_lower_case_prepositions_stay_lower_case():
    text = "Police Threaten Striking Dockers with Arrest\nThe union said so."
    out = recase_text(text, lambda phrase: None)
    assert out == "Police threaten striking dockers with arrest\nThe union said so."


@pytest.mark.slow
@pytest.mark.parametrize(
    ("headline", "event"),
    [
        ("Police Threaten Dockers with Arrest", "THREATEN"),
        ("Kenya Downgrades Diplomatic Ties with Uganda amid Border Row", "SANCTION"),
    ],
)
def test_title_case_headline_is_coded(pipeline, headline, event):
    text = headline + ".\n\nOfficials spoke on Monday."
    events = [e for e in pipeline.code_text(text).events if e.sentence == 0]
    assert event in {e.event for e in events}


# --------------------------------------------------------------------------- headline verbs


def test_verb_lemma_agrees_with_its_subject():
    from dateline.recase import verb_lemma

    verbs = frozenset({"approve", "decry", "deny", "thank", "pass"})
    assert verb_lemma("approves", verbs, singular=True) == "approve"
    assert verb_lemma("denies", verbs, singular=True) == "deny"
    assert verb_lemma("decry", verbs, singular=False) == "decry"
    assert verb_lemma("decry", verbs, singular=True) is None  # "the campaign decry"
    assert verb_lemma("thanks", verbs, singular=False) is None  # "voters thanks"
    assert verb_lemma("pass", verbs, singular=True) is None  # not a third-person form


@pytest.mark.slow
def test_a_verbless_headline_parse_gets_its_verb(pipeline):
    from dateline import nlp as nlp_mod
    from dateline.recase import headline_verb

    doc = nlp_mod.annotate(pipeline.nlp, "Students in Lagos decry fuel price rise.")
    assert "VERB" not in {t.pos_ for t in doc}  # spaCy reads it as one noun phrase
    at = headline_verb(doc, pipeline.verbs)
    verb = doc[at]
    assert (verb.text, verb.pos_, verb.lemma_, verb.dep_) == ("decry", "VERB", "decry", "ROOT")
    assert [t.text for t in verb.children if t.dep_ == "nsubj"] == ["Students"]
    assert headline_verb(doc, pipeline.verbs) is None  # it has a verb now


@pytest.mark.slow
def test_a_headline_with_a_verb_is_left_alone(pipeline):
    from dateline import nlp as nlp_mod
    from dateline.recase import headline_verb

    doc = nlp_mod.annotate(pipeline.nlp, "Students protest fuel price rise in Lagos.")
    before = [(t.tag_, t.dep_, t.head.i) for t in doc]
    assert headline_verb(doc, pipeline.verbs) is None
    assert [(t.tag_, t.dep_, t.head.i) for t in doc] == before


@pytest.mark.slow
@pytest.mark.parametrize(
    ("title", "event", "source"),
    [
        ("Kenya Thanks Uganda for Help on Refugees", "SUPPORT", "KEN"),
        ("Students in Lagos Decry Fuel Price Rise", "ACCUSE", "NGA"),
        ("Chile and Peru Sign Fisheries Accord", "SUPPORT", "CHL"),
    ],
)
def test_a_verbless_title_is_coded_through_article_title(pipeline, title, event, source):
    result = pipeline.code_text("Officials spoke on Monday.", title=title)
    heads = [e for e in result.events if e.part == "title"]
    assert (event, source) in {(e.event, e.source.country) for e in heads if e.source}


@pytest.mark.slow
def test_phrases_of_the_noun_taken_for_the_head_go_to_the_verb(pipeline):
    result = pipeline.code_text(
        "Officials spoke.", title="Police Fire Tear Gas at Students in Accra"
    )
    heads = [e for e in result.events if e.part == "title"]
    assert [(e.event, e.target.name) for e in heads if e.target] == [("ASSAULT", "Ghana students")]


# --------------------------------------------------------------------------- passives


@pytest.mark.slow
def test_a_participle_root_takes_a_passive_subject(pipeline):
    from dateline import nlp as nlp_mod
    from dateline.recase import headline_passive

    doc = nlp_mod.annotate(pipeline.nlp, "Curfew imposed in Mombasa after riots.")
    assert [t.dep_ for t in doc][:2] == ["nsubj", "ROOT"]  # as spaCy reads it
    assert headline_passive(doc) == 1
    assert doc[0].dep_ == "nsubjpass"


@pytest.mark.slow
def test_a_headline_passive_without_auxiliary_is_coded(pipeline):
    result = pipeline.code_text("Officials spoke.", title="Curfew Imposed in Mombasa after Riots")
    heads = [e for e in result.events if e.part == "title"]
    assert ("COERCE", "KEN") in {(e.event, e.source.country) for e in heads if e.source}


# --------------------------------------------------------------------------- headline verbs


@pytest.mark.slow
@pytest.mark.parametrize(
    ("title", "event"),
    [
        ("Turkey Hits Out at Greece over Island Dispute", "ACCUSE"),
        ("Ghana Approves of Togo's Election Reforms", "SUPPORT"),
        ("Britain Slashes Aid to Zambia", "SANCTION"),
        ("Government Axes Aid to Refugees", "SANCTION"),
    ],
)
def test_headline_verbs_with_a_political_meaning(pipeline, title, event):
    result = pipeline.code_text("Officials spoke.", title=title)
    assert event in {e.event for e in result.events if e.part == "title"}


@pytest.mark.slow
def test_nix_is_a_rejection_in_the_body_too(pipeline):
    events = pipeline.code_text("The Chilean senate nixed the arms deal with Peru.").events
    assert ("REJECT", "PER") in {(e.event, e.target.country) for e in events if e.target}


# --------------------------------------------------------------------------- names


@pytest.mark.slow
def test_a_short_country_name_is_no_acronym(pipeline):
    from dateline.recase import name_lookup

    written = name_lookup(pipeline.kb, frozenset())
    assert [written(w) for w in ("Chad", "PERU", "Togo")] == ["Chad", "Peru", "Togo"]
    assert [written(w) for w in ("Nato", "uk")] == ["NATO", "UK"]  # acronyms stay acronyms


# --------------------------------------------------------------------------- "X to act"


@pytest.mark.slow
def test_an_announced_act_hung_on_its_subject_noun_gets_the_root(pipeline):
    from dateline import nlp as nlp_mod
    from dateline.recase import headline_infinitive

    doc = nlp_mod.annotate(pipeline.nlp, "Regional bloc to impose sanctions on Mali.")
    at = headline_infinitive(doc)
    assert at is not None and doc[at].lemma_ == "impose" and doc[at].dep_ == "ROOT"
    assert [t.text for t in doc[at].children if t.dep_ == "nsubj"] == ["bloc"]


@pytest.mark.slow
def test_an_announced_act_in_a_title_is_coded(pipeline):
    title = "Security Council to Establish Probe into Chemical Attack"
    heads = [e for e in pipeline.code_text("Officials spoke.", title=title).events]
    assert "ACCUSE" in {e.event for e in heads if e.part == "title"}


@pytest.mark.slow
def test_an_inquiry_established_or_convened_is_an_investigation(pipeline):
    text = "The Kenyan government established an inquiry into the shooting."
    assert "ACCUSE" in {e.event for e in pipeline.code_text(text).events}


@pytest.mark.slow
@pytest.mark.parametrize("verb", ["Weighs", "Mulls"])
def test_sanctions_weighed_are_no_sanctions_imposed(pipeline, verb):
    title = f"Canada {verb} Sanctions on Venezuela"
    heads = [e for e in pipeline.code_text("Officials spoke.", title=title).events]
    heads = [e for e in heads if e.part == "title"]
    assert heads and all(e.modality == "future" for e in heads)
    assert "SANCTION" not in {e.event for e in heads}

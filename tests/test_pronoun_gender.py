"""Pronouns agree with their antecedent (issue 13 item 5): cues from the article itself (a
person's own relative clause, what they say of themselves), an object pronoun that cannot be its
own clause's subject, and a person with no cue left open to "he" and "she". Sentences of our own
(actors/gender.py, actors/resolve/pronouns.py)."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.actors import gender
from dateline.actors.resolve import resolve_actors
from dateline.model import Article


def _resolve(pipeline, text):
    doc = pipeline.nlp(text)
    return doc, resolve_actors(
        doc, Article(id="t", text=text, published=date(2019, 3, 1)), pipeline.kb
    )


def _gender_of(pipeline, text, name):
    doc, index = _resolve(pipeline, text)
    genders = gender.person_genders(doc, index)
    (person,) = [a for a in index.actors if a.name == name]
    return genders.get(person.id)


def _antecedents(index, word):
    """Surnames of the people ``word`` was resolved to (NER may keep a title in the name)."""
    return [a.name.split()[-1] for a in index.actors for m in a.mentions if m.text == word]


@pytest.mark.slow
def test_a_pronoun_in_the_person_s_own_relative_clause_is_a_cue(pipeline):
    text = "Kim Lund, who lost her seat in May, met officials in Oslo."
    assert _gender_of(pipeline, text, "Kim Lund") == "female"


@pytest.mark.slow
def test_what_a_person_says_of_themselves_is_a_cue(pipeline):
    assert _gender_of(pipeline, "Robin Vale said he would resign.", "Robin Vale") == "male"


@pytest.mark.slow
def test_a_name_set_after_its_role_noun_takes_the_role_s_gender(pipeline):
    """The name hangs on the role noun as an apposition ("the chairwoman, Ngozi Adebayo")."""
    text = "The committee's chairwoman, Ngozi Adebayo, said on Monday that the vote would go ahead."
    doc = pipeline.nlp(text)
    (person,) = [e for e in doc.ents if e.label_ == "PERSON"]
    assert gender.context_gender(doc, person.start, person.end) == "female"


@pytest.mark.slow
def test_another_person_in_between_is_no_cue(pipeline):
    text = "Kim Lund, who met Helga Berg in Oslo and praised her, left on Monday."
    assert _gender_of(pipeline, text, "Kim Lund") is None


@pytest.mark.slow
def test_he_and_she_follow_the_cue_of_an_ambiguous_first_name(pipeline):
    doc, index = _resolve(
        pipeline,
        "Kim Lund, who lost her seat in May, met Robin Vale in Oslo. He praised the talks.",
    )
    assert _antecedents(index, "He") == ["Vale"]


@pytest.mark.slow
def test_a_person_with_no_cue_stays_open_to_either_pronoun(pipeline):
    for pronoun in ("He", "She"):
        doc, index = _resolve(pipeline, f"Sasha Vale met officials in Oslo. {pronoun} left.")
        assert _antecedents(index, pronoun) == ["Vale"]


@pytest.mark.slow
def test_titles_decide_a_he_and_she_pair(pipeline):
    doc, index = _resolve(
        pipeline,
        "Mrs Kim Lund met Mr Robin Vale in Oslo on Monday. She said he had been helpful.",
    )
    assert _antecedents(index, "She") == ["Lund"]
    assert _antecedents(index, "he") == ["Vale"]


@pytest.mark.slow
def test_an_object_pronoun_is_not_its_own_clause_s_subject(pipeline):
    doc, index = _resolve(
        pipeline, "Tomas Berg criticised the mayor on Monday and accused him of corruption."
    )
    assert all(a.kind == "role" for a in index.actors if any(m.text == "him" for m in a.mentions))


@pytest.mark.slow
def test_a_medium_ner_calls_a_person_is_no_antecedent(pipeline):
    doc, index = _resolve(
        pipeline,
        "A video of the blindfolded man being questioned by Kurdish fighters was posted on the "
        "Twitter account of a monitoring group on Saturday. The group said he had been captured "
        "in the city a month ago.",
    )
    assert not [a for a in index.actors if a.name == "Twitter"]
    assert [a.name for a in index.actors for m in a.mentions if m.text == "he"] == [
        "blindfolded man"
    ]


@pytest.mark.slow
def test_it_opening_a_sentence_goes_on_with_the_last_subject(pipeline):
    doc, index = _resolve(
        pipeline,
        "Turkey accused the Kurdish militia of attacks near Manbij on Monday. "
        "It has vowed to drive the fighters from its border.",
    )
    assert [a.name for a in index.actors for m in a.mentions if m.text == "It"] == ["Turkey"]


@pytest.mark.slow
def test_a_person_once_she_is_never_he(pipeline):
    """No cue says Kiryakos is a woman until "She" is resolved to her: a later "he" goes to the
    man named nearer, not to her."""
    _, index = _resolve(
        pipeline,
        "Jo Kiryakos, a lawyer for the families, spoke in Beirut on Monday. She cites reports "
        "that the militia tortured prisoners. The announcement may be one of Trump's impulses, "
        "though he is consistent in his distaste for foreign wars.",
    )
    assert _antecedents(index, "She") == ["Kiryakos"]
    assert _antecedents(index, "he") == ["Trump"]


@pytest.mark.slow
def test_a_they_that_stood_for_two_people_is_no_antecedent_of_he(pipeline):
    """ "Hague said they must answer ... He told reporters": "they" (the two men) is the nearest
    subject, but a plural pronoun is no antecedent of "he"; Hague, who said it, is."""
    _, index = _resolve(
        pipeline,
        "John Smith and Tom Barker were captured in Syria last month. Lord Hague said they must "
        "answer to a legitimate court. He told reporters that Britain would not take them back.",
    )
    assert sorted(_antecedents(index, "they")) == ["Barker", "Smith"]
    assert _antecedents(index, "He") == ["Hague"]


@pytest.mark.slow
def test_a_pronoun_goes_to_the_subject_of_the_clause_it_stands_in(pipeline):
    """ "Ward seems to have dropped his demand to see Berg sacked, as part of his pact ...":
    Berg is the subject of a clause deep inside Ward's, so the later "his" and "he" are Ward's,
    and "him" (not the clause's own subject) is Berg."""
    _, index = _resolve(
        pipeline,
        "Although Tom Ward seems to have dropped his demand to see Karl Berg sacked, as part of "
        "his new pact with the unions, many of his aides say he still distrusts him.",
    )
    assert set(_antecedents(index, "his")) == {"Ward"}
    assert _antecedents(index, "he") == ["Ward"] and _antecedents(index, "him") == ["Berg"]


@pytest.mark.slow
def test_he_in_a_who_clause_is_the_noun_the_clause_hangs_on(pipeline):
    _, index = _resolve(pipeline, "Tom Ward met Karl Berg, who said he would resign in May.")
    assert _antecedents(index, "he") == ["Berg"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("Iran is seeking China's help with its programme to build new ports.", "Iran"),
        (
            "Al-Shabaab has tried to exploit the weakness of the government in Mogadishu, and it "
            "has kept launching raids into Kenya.",
            "al-Shabaab",
        ),
    ],
)
def test_it_goes_to_the_subject_of_the_clause_it_stands_in(pipeline, text, owner):
    """ "its programme", "and it has kept ...": the subject of the clause (or of the first of
    two joined clauses) the pronoun stands in, not the nearest state or body before it."""
    _, index = _resolve(pipeline, text)
    word = "its" if "its" in text.split() else "it"
    assert [a.name for a in index.actors for m in a.mentions if m.text == word] == [owner]


@pytest.mark.slow
def test_its_in_a_where_clause_is_the_country_the_clause_hangs_on(pipeline):
    """ "in Mali, where its army has retaken two towns": Mali's army, not the state named
    before; "it" itself in a relative clause still skips the noun ("a force which it armed")."""
    _, index = _resolve(
        pipeline,
        "In Libya, rebels have advanced on the capital, and in Mali, where its army has retaken "
        "two towns, the militants have fled north.",
    )
    assert [a.name for a in index.actors for m in a.mentions if m.text == "its"] == ["Mali"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word"),
    [
        (
            "Brexit talks stalled again. During his visit to Tokyo, Tom Ward said the deal "
            "was dead.",
            "his",
        ),
        (
            "Tom Ward met Kim Lee. When she landed in Paris, Anna Roe said the talks had failed.",
            "she",
        ),
    ],
)
def test_a_pronoun_set_before_its_clause_s_subject_is_that_subject(pipeline, text, word):
    """ "During his visit ..., Ward said": the phrase in front of the subject speaks of it
    (cataphora), not of a person named before."""
    _, index = _resolve(pipeline, text)
    assert _antecedents(index, word) == [("Ward" if word == "his" else "Roe")]


@pytest.mark.slow
def test_they_after_two_people_met_is_the_two_and_stays_them(pipeline):
    """ "X spoke to Y. They agreed that the militia ... They agreed to ...": the two who spoke,
    and the second "they" goes on with the first, not with the militia named between."""
    doc, index = _resolve(
        pipeline,
        "Prime Minister Anna Roe spoke to President Tom Ward on Monday. They agreed that the "
        "militia had broken the truce. They agreed to keep working closely together.",
    )
    they = [t.i for t in doc if t.text == "They"]
    assert len(they) == 2
    for i in they:
        assert sorted(a.name.split()[-1] for a in index.all_at(i)) == ["Roe", "Ward"]


@pytest.mark.slow
def test_one_person_named_by_a_role_is_no_they(pipeline):
    doc, index = _resolve(
        pipeline,
        "The Italian prime minister arrived in Rome on Monday. It is not clear whether they "
        "will resume the talks.",
    )
    (they,) = [t.i for t in doc if t.text == "they"]
    assert not [a for a in index.all_at(they) if a.kind == "role" and "minister" in a.name]

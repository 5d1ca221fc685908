"""In-document actor resolution: every mention to who it is, using the parse and the knowledge base.

Rules, in the order they apply (each mention records the rule that resolved it):

``kb``            a name, alias or metonym in the knowledge base ("Russia", "the Kremlin", "NATO")
``kb-person``     a person in the knowledge base, chosen by the article date ("Vladimir Putin")
``title``         a person introduced with a title and nationality ("Japanese Prime Minister X")
``surname``       a later bare mention of a person introduced earlier ("Abe", also when NER missed it)
``possessive``    "Germany's Merkel", "Australia's Turnbull": the possessor gives the country
``affiliation``   "Michael Schmidt of The New York Times": the organisation gives country and sector
``role``          a role noun with a nationality ("U.S. intelligence agencies", "German ministers")
``role-coref``    a role description of a person already met ("the French president")
``group-coref``   "the two presidents", "both leaders": the persons of that role met so far
``pronoun``       he/she/they/it with a clear antecedent in the last two sentences, agreeing in
                  gender where titles, first names or roles tell it (``actors/gender.py``)
``description``   "the militia", "the ministry": the one earlier actor of that kind; "the
                  26-year-old": the person last named (``describe``)
``people``        a role of a people without a state ("Kurdish fighters"); with Islamic State,
                  given the country the story happens in (``actors/theatre.py``)
``...+home``      an unnamed body ("police", "the army", "40 people") given the country of a
                  story set in one country (``actors/home.py``)
``...+unplaced``  a person or group nothing in the text places, given the story's country
``quote-speaker`` "I", "we", "our" inside a quotation: its speaker (``speakers``)
``igo-title``     "EU commissioner X", "UN envoy X": X acts for the IGO (no country)

A month used as a date ("in May") and a town named like a person ("a rally in Bolton") are not
read as people (``actors/namesakes.py``).

Modules, in the order the passes use them (``passes.resolve_actors`` runs them):

- ``named``: named entities and knowledge-base phrases (``persons`` for people)
- ``roles``: role nouns and bare surnames; ``coreference`` for "the president", "the two leaders"
- ``coreference``: groups and appositions, after every explicit mention
- ``pronouns``: last, when every explicit mention is known
- below them: ``cues`` (where a country comes from) and ``context`` (the article's state)
"""

from dateline.actors.resolve.passes import describe, resolve_actors

__all__ = ["describe", "resolve_actors"]

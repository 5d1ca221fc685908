"""The event coder, one job a module, in the order a sentence goes through them:

- ``triggers``: tokens the lexicon names as events (verbs, event nouns, "willing to")
- ``clauses``: which triggers are events of their own (not content, conditions, aims, background)
- ``arguments``: source and target actors from the dependency parse
- ``inference``: arguments from context when the sentence names none (place, own country, ...)
- ``coder``: modality, PLOVER type and date (``dateline.events.modality``), CAMEO and scores
  (``dateline.events.ontology``), then one record per (source, target) pair

Shared with ``modality``: ``dateline.events.candidate`` (a trigger before coding) and
``dateline.events.syntax`` (subjects and actor noun phrases).
"""

from dateline.events.candidate import Candidate
from dateline.events.extract.arguments import arguments
from dateline.events.extract.coder import extract_events
from dateline.events.extract.triggers import find_candidates

__all__ = ["Candidate", "arguments", "extract_events", "find_candidates"]

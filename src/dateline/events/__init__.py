"""Event coding: the PLOVER ontology, the trigger lexicon and the event extractor."""

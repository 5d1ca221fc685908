"""What a test sentence reports as having happened, shared by the false-event test files."""

from __future__ import annotations


def happened(pipeline, text: str, event: str) -> list:
    """Events of type ``event`` that the coder says happened (asserted or historical, not
    negated) in ``text``, dated as a 2021 story."""
    events = pipeline.code_text(text, date="2021-05-10").events
    return [
        e
        for e in events
        if e.event == event and not e.negated and e.modality in {"asserted", "historical"}
    ]

"""Which events count: the ``modality`` filter of every query, export and chart.

An event "happened" when the text asserts it, reports someone saying it happened, or tells it
as history; planned (future), hypothetical and negated events did not happen. Series, networks
and the GDELT export count only events that happened unless asked otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence

from dateline.errors import StoreError
from dateline.model import HAPPENED, MODALITIES

#: Names that stand for a set of modalities.
GROUPS = {"happened": HAPPENED, "all": MODALITIES}
HELP = (
    "Only events of this modality: asserted, reported, historical, future, hypothetical, "
    "negated, 'happened' (asserted+reported+historical) or 'all'; comma-separated or repeated."
)


def resolve(spec: str | Sequence[str] | None) -> tuple[str, ...] | None:
    """The modalities a filter names, or None for no filter ("all" or nothing given).

    ``"happened"`` -> asserted, reported, historical; ``"future,hypothetical"`` -> both.
    """
    if spec is None or spec == [] or spec == ():
        return None
    parts = (
        spec.split(",") if isinstance(spec, str) else [p for s in spec for p in str(s).split(",")]
    )
    chosen: list[str] = []
    for part in (p.strip().lower() for p in parts):
        if not part:
            continue
        if part in GROUPS:
            chosen.extend(GROUPS[part])
        elif part in MODALITIES:
            chosen.append(part)
        else:
            raise StoreError(
                f"modality: {part!r} is not one of {', '.join(MODALITIES)}, happened or all"
            )
    unique = tuple(dict.fromkeys(chosen))
    return None if not unique or set(unique) == set(MODALITIES) else unique

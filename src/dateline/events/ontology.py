"""The PLOVER event ontology: types, modes, contexts, sectors, QuadClass, scores and CAMEO codes."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from dateline.datafiles import data_file, load_mapping, read_csv
from dateline.errors import DataFileError

ONTOLOGY_FILE = "plover.yaml"
CAMEO_FILE = "cameo_plover.csv"
#: QuadClasses by side: 1-2 cooperation (verbal, material), 3-4 conflict (verbal, material).
COOPERATION_QUADS = frozenset({1, 2})
CONFLICT_QUADS = frozenset({3, 4})


@dataclass(frozen=True)
class Mode:
    """A PLOVER mode (the "how") of one event type, with its closest CAMEO code."""

    name: str
    cameo: str | None
    goldstein: float | None  # CAMEO Goldstein value of ``cameo``
    definition: str
    plover_score: float | None = None  # the PLOVER manual's score for type + mode


@dataclass(frozen=True)
class EventType:
    """One of the 16 PLOVER event types."""

    name: str
    quad_class: int
    goldstein: float  # CAMEO Goldstein value of ``cameo``
    cameo_root: str
    modes: dict[str, Mode]
    definition: str
    cameo: str = ""  # the CAMEO code written for the bare type
    plover_score: float | None = None
    mode_aliases: dict[str, str | None] = field(default_factory=dict)
    # both parties do the act together (a meeting, a deal): "A met B" and "B met A" are one act
    reciprocal: bool = False


@dataclass(frozen=True)
class CameoEntry:
    """One row of the CAMEO -> PLOVER table."""

    code: str
    event: str
    mode: str | None
    contexts: tuple[str, ...]
    goldstein: float
    description: str


class Ontology:
    """The PLOVER ontology as shipped in ``dateline/data``. Use :meth:`load` (cached)."""

    def __init__(
        self,
        types: dict[str, EventType],
        contexts: list[str],
        sectors: dict[str, str],
        cameo: dict[str, CameoEntry],
        aliases: dict[str, tuple[str, str | None]],
        context_aliases: dict[str, str],
        quad_classes: dict[int, str],
        cameo_actors: dict[str, dict[str, str | None]] | None = None,
    ) -> None:
        self.types = types
        self.contexts = contexts
        self.sectors = sectors
        self.cameo = cameo
        self.aliases = aliases
        self.context_aliases = context_aliases
        self.quad_classes = quad_classes
        self.cameo_actors = cameo_actors or {}

    @classmethod
    def load(cls) -> Ontology:
        """The shipped ontology, read and validated once per process."""
        return _load()

    # ------------------------------------------------------------------ names

    def normalise(self, name: str, mode: str | None = None) -> tuple[str, str | None]:
        """Canonical (type, mode): case-insensitive, old names renamed (DEMAND -> REQUEST, ...).

        Raises ``KeyError`` for an unknown type or a mode the type does not have.
        """
        key = (name or "").strip().upper()
        alias_mode = None
        if key in self.aliases:
            key, alias_mode = self.aliases[key]
        etype = self.types.get(key)
        if etype is None:
            raise KeyError(
                f"unknown PLOVER event type {name!r}; expected one of {', '.join(self.types)} "
                f"(or an old name: {', '.join(self.aliases)})"
            )
        if mode is None or not str(mode).strip():
            return key, alias_mode
        m = str(mode).strip().lower().replace("_", "-")
        if m in etype.modes:
            return key, m
        if m in etype.mode_aliases:
            return key, etype.mode_aliases[m]
        known = ", ".join(etype.modes) or "none"
        raise KeyError(f"{key} has no mode {mode!r}; its modes are: {known}")

    def normalise_context(self, name: str) -> str | None:
        """A known context name, mapping older names (refugees -> migration); None if unknown."""
        key = (name or "").strip().lower().replace(" ", "_").replace("-", "_")
        if key in self.contexts:
            return key
        return self.context_aliases.get(key)

    # ------------------------------------------------------------------ CAMEO

    def cameo_for(self, event: str, mode: str | None = None) -> str:
        """The most specific CAMEO code for a type (and mode): ``CONSULT``/``phone`` -> ``"041"``."""
        name, mode = self.normalise(event, mode)
        etype = self.types[name]
        if mode is not None and etype.modes[mode].cameo:
            return etype.modes[mode].cameo
        return etype.cameo or etype.cameo_root

    def from_cameo(self, code: str) -> tuple[str, str | None, list[str]]:
        """CAMEO event code -> (type, mode, contexts), falling back to the longest known prefix."""
        clean = str(code).strip()
        for end in range(len(clean), 1, -1):
            entry = self.cameo.get(clean[:end])
            if entry is not None:
                return entry.event, entry.mode, list(entry.contexts)
        if clean[:2] in {"01", "02"}:
            raise KeyError(
                f"CAMEO code {code!r}: statements (01) and appeals (02) have no PLOVER type"
            )
        raise KeyError(f"unknown CAMEO event code {code!r}; expected 03..20 with up to four digits")

    def actor_code(self, code: str) -> tuple[str | None, str | None]:
        """CAMEO actor code -> (ISO alpha-3 country or None, PLOVER sector or None).

        ``USAGOV`` -> ``("USA", "GOV")``, ``IGOUNO`` -> ``(None, "IGO")``, ``RUS`` -> ``("RUS", None)``.
        """
        clean = (code or "").strip().upper()
        head, rest = clean[:3], clean[3:]
        international = self.cameo_actors.get("international", {})
        roles = self.cameo_actors.get("roles", {})
        country: str | None = None
        sector: str | None = None
        if head in international:
            sector = international[head]
        elif head in self.sectors and len(clean) == 3:
            sector = head
        elif len(head) == 3:
            country = self.cameo_actors.get("countries", {}).get(head, head)
        for i in range(0, len(rest) - 2, 3):
            chunk = rest[i : i + 3]
            mapped = roles.get(chunk, chunk)
            if sector is None and mapped in self.sectors:
                sector = mapped
                break
        return country, sector

    # ------------------------------------------------------------------ scores

    def quad_class(self, event: str) -> int:
        """1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."""
        return self.types[self.normalise(event)[0]].quad_class

    def goldstein(self, event: str, mode: str | None = None) -> float:
        """CAMEO Goldstein-scale value (-10..+10) of the CAMEO code :meth:`cameo_for` gives."""
        return self.cameo[self.cameo_for(event, mode)].goldstein

    def plover_score(self, event: str, mode: str | None = None) -> float | None:
        """The PLOVER manual's expert score for the type, or for type + mode where it gives one."""
        name, mode = self.normalise(event, mode)
        etype = self.types[name]
        if mode is not None and etype.modes[mode].plover_score is not None:
            return etype.modes[mode].plover_score
        return etype.plover_score


def reciprocal_types() -> frozenset[str]:
    """Types whose two parties act together (``reciprocal: true`` in ``data/plover.yaml``)."""
    return frozenset(name for name, t in Ontology.load().types.items() if t.reciprocal)


def plover_types() -> tuple[str, ...]:
    """The 16 PLOVER event types, in the order of ``data/plover.yaml``: ask here, never list them."""
    return tuple(Ontology.load().types)


# ---------------------------------------------------------------------- loading


@cache
def _load() -> Ontology:
    cameo = _read_cameo(read_csv(data_file(CAMEO_FILE)))
    raw = load_mapping(data_file(ONTOLOGY_FILE))
    return _build(raw, cameo)


def _read_cameo(rows: list[tuple[int, dict[str, Any]]]) -> dict[str, CameoEntry]:
    out: dict[str, CameoEntry] = {}
    for row_no, row in rows:
        code = (row.get("cameo") or "").strip()
        if not code.isdigit() or not 2 <= len(code) <= 4:
            raise DataFileError(f"bad CAMEO code {code!r}; use 2 to 4 digits", CAMEO_FILE, row_no)
        if code in out:
            raise DataFileError(f"CAMEO code {code} listed twice; keep one row", CAMEO_FILE, row_no)
        try:
            goldstein = float(row["goldstein"])
        except (TypeError, ValueError):
            raise DataFileError(
                f"goldstein {row.get('goldstein')!r} is not a number", CAMEO_FILE, row_no
            ) from None
        contexts = tuple(c.strip() for c in (row.get("context") or "").split(";") if c.strip())
        out[code] = CameoEntry(
            code=code,
            event=(row.get("event") or "").strip(),
            mode=(row.get("mode") or "").strip() or None,
            contexts=contexts,
            goldstein=goldstein,
            description=(row.get("description") or "").strip(),
        )
    return out


def _build(raw: dict[str, Any], cameo: dict[str, CameoEntry]) -> Ontology:
    where = ONTOLOGY_FILE

    def gold(code: str | None, what: str) -> float | None:
        if code is None:
            return None
        if code not in cameo:
            raise DataFileError(
                f"{what}: CAMEO code {code} is not in {CAMEO_FILE}; add a row there", where
            )
        return cameo[code].goldstein

    contexts = list((raw.get("contexts") or {}).keys())
    types: dict[str, EventType] = {}
    for name, spec in (raw.get("types") or {}).items():
        quad = spec.get("quad_class")
        if quad not in (1, 2, 3, 4):
            raise DataFileError(f"type {name}: quad_class must be 1..4, not {quad!r}", where)
        code = str(spec.get("cameo") or spec["cameo_root"])
        modes = {}
        for mname, mspec in (spec.get("modes") or {}).items():
            mcode = mspec.get("cameo")
            modes[mname] = Mode(
                name=mname,
                cameo=str(mcode) if mcode else None,
                goldstein=gold(str(mcode) if mcode else None, f"{name}/{mname}"),
                definition=mspec.get("definition", ""),
                plover_score=mspec.get("plover_score"),
            )
        aliases = dict(spec.get("mode_aliases") or {})
        for alias, target in aliases.items():
            if target is not None and target not in modes:
                raise DataFileError(
                    f"type {name}: mode alias {alias} -> unknown mode {target}", where
                )
        types[name] = EventType(
            name=name,
            quad_class=quad,
            goldstein=gold(code, name),
            cameo_root=str(spec["cameo_root"]),
            modes=modes,
            definition=spec.get("definition", ""),
            cameo=code,
            plover_score=spec.get("plover_score"),
            mode_aliases=aliases,
            reciprocal=bool(spec.get("reciprocal", False)),
        )
    for code, entry in cameo.items():
        if entry.event not in types:
            raise DataFileError(f"CAMEO {code}: unknown PLOVER type {entry.event!r}", CAMEO_FILE)
        if entry.mode is not None and entry.mode not in types[entry.event].modes:
            raise DataFileError(
                f"CAMEO {code}: {entry.event} has no mode {entry.mode!r}", CAMEO_FILE
            )
        for ctx in entry.contexts:
            if ctx not in contexts:
                raise DataFileError(f"CAMEO {code}: unknown context {ctx!r}", CAMEO_FILE)
    aliases = {k.upper(): (v[0], v[1]) for k, v in (raw.get("aliases") or {}).items()}
    context_aliases = dict(raw.get("context_aliases") or {})
    quads = {int(k): v for k, v in (raw.get("quad_classes") or {}).items()}
    sectors = dict(raw.get("sectors") or {})
    cameo_actors = dict(raw.get("cameo_actors") or {})
    return Ontology(types, contexts, sectors, cameo, aliases, context_aliases, quads, cameo_actors)

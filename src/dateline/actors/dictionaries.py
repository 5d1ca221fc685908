"""Reading actor data files: the shipped tables, user dictionaries (YAML/CSV) and PETRARCH dictionaries.

Every reader validates as it goes and raises :class:`~dateline.errors.DataFileError` naming the file
and the row. The readers return plain records (``CountryRow``, ``NamedRow``, ``RoleRow`` and sector
pairs); :mod:`dateline.actors.kb` turns them into lookup tables.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from dateline.datafiles import data_file, load_yaml, read_csv
from dateline.errors import DataFileError

DATA_DIR = data_file("actors")

#: PLOVER sector codes (manual, "Sector Codes") plus IGO/NGO, which PLOVER files under "country"
#: but Dateline reports as the sector of an organisation whose country is None.
SECTORS = frozenset(
    {
        "COP",
        "GOV",
        "JUD",
        "LEG",
        "MIL",
        "PRM",
        "PTY",
        "REB",
        "SPY",
        "UAF",
        "UNK",
        "AGR",
        "BUS",
        "CRM",
    }
    | {"CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC", "IGO", "NGO"}
)
KINDS = ("country", "organisation", "group", "person", "metonym", "sector")

#: CAMEO agent codes that differ from PLOVER sectors (CAMEO MED = media, HLH = health, ...).
CAMEO_SECTORS = {
    "MED": "JRN",
    "HLH": "MED",
    "INS": "REB",
    "SEP": "REB",
    "HRI": "NGO",
    "ENV": "SOC",
    "SET": "CVL",
    "UAF": "UAF",
    "MOD": None,
    "RAD": None,
}
#: CAMEO "country" codes for international actors -> (country, sector).
CAMEO_INTERNATIONAL = {
    "IGO": (None, "IGO"),
    "NGO": (None, "NGO"),
    "NGM": (None, "NGO"),
    "IMG": (None, "REB"),
    "MNC": (None, "BUS"),
    "UNO": (None, "IGO"),
}

_CODE = re.compile(r"^[A-Z]{3}$")
_LIST_SPLIT = re.compile(r"\s*\|\s*")


@dataclass(slots=True)
class CountryRow:
    """One row of countries.csv (or a user row of kind ``country``)."""

    code: str
    name: str
    official_name: str = ""
    aliases: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    capitals: list[str] = field(default_factory=list)
    part_of: str = ""
    source: str = ""


@dataclass(slots=True)
class NamedRow:
    """An organisation, armed group or metonym: a name with aliases, a country and a sector."""

    kind: str
    id: str
    name: str
    aliases: list[str]
    country: str | None
    sector: str | None
    source: str = ""


@dataclass(slots=True)
class RoleRow:
    """One office of one person (people.csv has one row per office)."""

    id: str
    name: str
    aliases: list[str]
    surname: str
    country: str | None  # the person's own country (nationality)
    role: str | None
    role_country: str | None  # the country the office belongs to (None for a UN post)
    sector: str | None
    start: date | None
    end: date | None
    source: str = ""


@dataclass(slots=True)
class Tables:
    """Everything read from a set of files, in file order (later rows override earlier ones)."""

    countries: list[CountryRow] = field(default_factory=list)
    named: list[NamedRow] = field(default_factory=list)
    roles: list[RoleRow] = field(default_factory=list)
    sectors: list[tuple[str, str, str]] = field(default_factory=list)  # (phrase, sector, source)
    modifiers: list[tuple[str, str, str]] = field(default_factory=list)
    #: people tables read on the first lookup that needs them (phoenix_people.csv: 26,000 rows)
    lazy_people: list[Path] = field(default_factory=list)

    def extend(self, other: Tables) -> None:
        self.countries += other.countries
        self.named += other.named
        self.roles += other.roles
        self.sectors += other.sectors
        self.modifiers += other.modifiers
        self.lazy_people += other.lazy_people


def slug(text: str) -> str:
    """``"Vladimir Putin"`` -> ``"vladimir-putin"`` (ASCII, lowercase, hyphens)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


# --------------------------------------------------------------------------------------------
# shipped files


#: Tables converted from the Phoenix dictionaries (scripts/convert_phoenix.py), read after the
#: curated ones so that a curated name or alias always wins.
PHOENIX_FILES = (
    ("phoenix_organisations.csv", "organisation"),
    ("phoenix_groups.csv", "group"),
    ("phoenix_people.csv", "person"),
)
PHOENIX_PREFIX = "phoenix_"
#: The last date the Phoenix tables record (their 2014-2015 revision): on a later date an
#: office holder's sector is unknown, since offices end and begin without the table knowing.
PHOENIX_UNTIL = date(2015, 1, 31)


def read_shipped(data_dir: Path = DATA_DIR, include_phoenix: bool = True) -> Tables:
    """Read the shipped actor tables from ``data_dir`` (the curated ones, then the Phoenix ones)."""
    tables = Tables()
    tables.extend(
        _rows_to_tables(
            read_csv(data_dir / "countries.csv"), "country", data_dir / "countries.csv", ""
        )
    )
    for name, kind in (
        ("organisations.yaml", "organisation"),
        ("groups.yaml", "group"),
        ("metonyms.yaml", "metonym"),
    ):
        path = data_dir / name
        tables.extend(_rows_to_tables(_read_yaml_rows(path), kind, path, ""))
    tables.extend(
        _rows_to_tables(read_csv(data_dir / "people.csv"), "person", data_dir / "people.csv", "")
    )
    tables.extend(read_sectors_yaml(data_dir / "sectors.yaml"))
    if include_phoenix:
        for name, kind in PHOENIX_FILES:
            path = data_dir / name
            if not path.is_file():
                continue
            if kind == "person":
                tables.lazy_people.append(path)
            else:
                tables.extend(_rows_to_tables(read_csv(path), kind, path, ""))
    return tables


def read_phoenix_people(path: Path) -> list[RoleRow]:
    """phoenix_people.csv, generated by scripts/convert_phoenix.py: about 27,000 offices.

    A lean reader (no per-cell validation, about 5x faster than the user-file path): the file is
    generated and checked by ``tests/test_phoenix_kb.py`` with the strict reader instead.
    """
    out: list[RoleRow] = []
    iso = date.fromisoformat
    with path.open(encoding="utf-8", newline="") as fh:
        lines = (line for line in fh if not line.startswith("#"))
        reader = csv.reader(lines)
        next(reader)  # header: the people.csv columns
        last_id, aliases = "", []
        for cells in reader:
            ident, name, alias_cell, _surname, country, role, role_country, sector, start, end = (
                cells[:10]
            )
            if ident != last_id:
                last_id, aliases = ident, alias_cell.split("|") if alias_cell else []
            out.append(
                RoleRow(
                    id=f"person:{ident}",
                    name=name,
                    aliases=aliases,
                    surname="",
                    country=country or None,
                    role=role or None,
                    role_country=None if role_country == "-" else (role_country or country or None),
                    sector=sector or None,
                    start=iso(start) if start else None,
                    end=iso(end) if end else None,
                    source=f"{path.name} row {reader.line_num}",
                )
            )
    return out


def read_sectors_yaml(path: Path, prefix: str = "") -> Tables:
    """sectors.yaml: ``sectors: {GOV: [president, ...]}`` and ``modifiers: {rebel: REB, ...}``."""
    data = load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("sectors"), dict):
        raise DataFileError(
            "expected a mapping with a 'sectors:' mapping of CODE: [phrases]", str(path)
        )
    tables = Tables()
    for code, phrases in data["sectors"].items():
        code = _sector(code, path, None)
        if not isinstance(phrases, list):
            raise DataFileError(f"sectors.{code}: expected a list of phrases", str(path))
        tables.sectors += [(str(p), code, f"{prefix}{path.name}:{code}") for p in phrases]
    for word, code in (data.get("modifiers") or {}).items():
        tables.modifiers.append(
            (str(word), _sector(code, path, None), f"{prefix}{path.name}:modifiers")
        )
    return tables


# --------------------------------------------------------------------------------------------
# user dictionaries


def read_user_file(path: str | Path) -> Tables:
    """Read one user dictionary: a CSV or YAML file with the shipped columns, or a PETRARCH file.

    Each row's kind comes from its ``kind`` column, else from the file name (``*countries*``,
    ``*organisations*``, ``*groups*``, ``*people*``, ``*metonyms*``, ``*sectors*``). Files ending in
    ``.txt`` are read as PETRARCH/Phoenix actor dictionaries.
    """
    path = Path(path)
    if not path.is_file():
        raise DataFileError(
            "no such file; check the path given to --actors / extra_files", str(path)
        )
    suffix = path.suffix.lower()
    if suffix == ".txt":
        return read_petrarch(path)
    if suffix == ".csv":
        rows = read_csv(path)
    elif suffix in (".yaml", ".yml"):
        data = load_yaml(path)
        if isinstance(data, dict) and "sectors" in data and isinstance(data["sectors"], dict):
            return read_sectors_yaml(path, prefix="user:")
        rows = _yaml_rows(data, path)
    else:
        raise DataFileError(
            "unknown dictionary format; use .csv, .yaml/.yml or a PETRARCH .txt", str(path)
        )
    return _rows_to_tables(rows, _kind_from_name(path), path, "user:")


def _kind_from_name(path: Path) -> str | None:
    stem = path.stem.lower()
    for needle, kind in (
        ("countr", "country"),
        ("organi", "organisation"),
        ("org", "organisation"),
        ("group", "group"),
        ("people", "person"),
        ("person", "person"),
        ("metonym", "metonym"),
        ("sector", "sector"),
    ):
        if needle in stem:
            return kind
    return None


# --------------------------------------------------------------------------------------------
# PETRARCH / Phoenix actor dictionaries

_PET_CODE = re.compile(r"\[([^\]]*)\]")
_PET_DATE = re.compile(r"^(?:([<>])(\d{6}|\d{8})|(\d{6}|\d{8})-(\d{6}|\d{8}))$")


def read_petrarch(path: str | Path) -> Tables:
    """Import a PETRARCH/Phoenix actor dictionary.

    An entry is a name line (``VLADIMIR_PUTIN_``), optional ``+ALIAS_`` lines, and code lines
    ``[RUSGOV]``, ``[RUSGOV 000507-080507]``, ``[RUSELI >120507]`` (after) or ``[RUSGOV <080507]``
    (before); codes may also follow the name on its line. ``#`` starts a comment. Dates are
    YYMMDD (years < 50 are 20xx) or YYYYMMDD. Each dated or undated code becomes one office of a
    person; an entry whose codes are all undated and have no country becomes an organisation.
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as exc:
        raise DataFileError(
            f"not UTF-8 ({exc.reason}); re-save the file as UTF-8", str(path)
        ) from None
    tables = Tables()
    entry: dict[str, Any] | None = None

    def flush() -> None:
        if entry is not None:
            _petrarch_entry(entry, path, tables)

    for lineno, raw in enumerate(lines, start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("+"):
            if entry is None:
                raise DataFileError("alias line before any name line", str(path), lineno)
            entry["aliases"].append(_pet_name(_PET_CODE.sub("", line[1:]).strip()))
            continue
        codes = _PET_CODE.findall(line)
        rest = _PET_CODE.sub("", line).strip()
        if rest and not rest.startswith(("[", "{", "<", "=")):
            flush()
            entry = {"name": _pet_name(rest.split()[0]), "aliases": [], "codes": [], "row": lineno}
        elif entry is None:
            raise DataFileError("code line before any name line", str(path), lineno)
        for code in codes:
            entry["codes"].append((code.strip(), lineno))
    flush()
    return tables


def _pet_name(token: str) -> str:
    return re.sub(r"\s+", " ", token.replace("_", " ")).strip().title()


def _pet_date(text: str, path: Path, row: int) -> date:
    try:
        if len(text) == 6:
            yy = int(text[:2])
            return date(2000 + yy if yy < 50 else 1900 + yy, int(text[2:4]), int(text[4:6]))
        return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        raise DataFileError(f"bad date {text!r}; use YYMMDD or YYYYMMDD", str(path), row) from None


def cameo_to_plover(code: str) -> tuple[str | None, str | None]:
    """A CAMEO actor code -> (country, sector): ``RUSGOV`` -> (RUS, GOV), ``IGOUNO`` -> (None, IGO)."""
    code = code.strip().upper()
    head, tail = code[:3], code[3:6]
    if head in CAMEO_INTERNATIONAL:
        return CAMEO_INTERNATIONAL[head]
    if len(code) == 3 and (head in SECTORS or head in CAMEO_SECTORS):
        # "[ELI]" after an office in the Phoenix files: a sector with no country of its own
        # (no sector code is an ISO country code)
        return None, CAMEO_SECTORS.get(head, head)
    sector = CAMEO_SECTORS.get(tail, tail) if tail else None
    if sector is not None and sector not in SECTORS:
        sector = None
    return head, sector


def _petrarch_entry(entry: dict[str, Any], path: Path, tables: Tables) -> None:
    name, row = entry["name"], entry["row"]
    if not entry["codes"]:
        raise DataFileError(f"entry {name!r} has no [CODE] line", str(path), row)
    roles: list[tuple[str | None, str | None, date | None, date | None, int]] = []
    dated = False
    for text, lineno in entry["codes"]:
        parts = text.split()
        if not parts or not re.fullmatch(r"[A-Z]{3}(?:[A-Z]{3})*", parts[0].upper()):
            raise DataFileError(
                f"bad actor code [{text}]; expected e.g. [RUSGOV 000101-081231]", str(path), lineno
            )
        country, sector = cameo_to_plover(parts[0])
        start = end = None
        if len(parts) > 1:
            m = _PET_DATE.match(parts[1])
            if not m:
                raise DataFileError(
                    f"bad date restriction {parts[1]!r}; use >YYMMDD, <YYMMDD or YYMMDD-YYMMDD",
                    str(path),
                    lineno,
                )
            dated = True
            if m.group(1) == ">":
                start = _pet_date(m.group(2), path, lineno)
            elif m.group(1) == "<":
                end = _pet_date(m.group(2), path, lineno)
            else:
                start, end = (
                    _pet_date(m.group(3), path, lineno),
                    _pet_date(m.group(4), path, lineno),
                )
        roles.append((country, sector, start, end, lineno))
    source = f"user:{path.name} row {row}"
    if not dated and all(r[0] is None for r in roles):
        tables.named.append(
            NamedRow(
                "organisation",
                f"org:{slug(name)}",
                name,
                entry["aliases"],
                None,
                roles[0][1],
                source,
            )
        )
        return
    home = next((r[0] for r in roles if r[0]), None)
    surname = name.split()[-1] if " " in name else ""
    for country, sector, start, end, lineno in roles:
        tables.roles.append(
            RoleRow(
                id=f"person:{slug(name)}",
                name=name,
                aliases=entry["aliases"],
                surname=surname,
                country=home,
                role=None,
                role_country=country,
                sector=sector,
                start=start,
                end=end,
                source=f"user:{path.name} row {lineno}",
            )
        )


# --------------------------------------------------------------------------------------------
# low-level readers and validation


def _read_yaml_rows(path: Path) -> list[tuple[int, dict[str, Any]]]:
    return _yaml_rows(load_yaml(path), path)


def _yaml_rows(data: Any, path: Path) -> list[tuple[int, dict[str, Any]]]:
    """A YAML list of mappings (or ``{kind: [mappings]}``) -> numbered rows (1-based item number)."""
    if data is None:
        return []
    if isinstance(data, dict):
        out: list[tuple[int, dict[str, Any]]] = []
        for key, items in data.items():
            kind = _KIND_KEYS.get(str(key).lower())
            if kind is None or not isinstance(items, list):
                raise DataFileError(
                    f"unknown top-level key {key!r}; use a list of entries or one of {sorted(_KIND_KEYS)}",
                    str(path),
                )
            for _row, item in _yaml_rows(items, path):
                item = dict(item)
                item.setdefault("kind", kind)
                out.append((len(out) + 1, item))
        return out
    if not isinstance(data, list):
        raise DataFileError("expected a list of entries (mappings)", str(path))
    out = []
    for i, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise DataFileError(
                f"entry is a {type(item).__name__}, expected a mapping (name: ...)", str(path), i
            )
        out.append((i, item))
    return out


_KIND_KEYS = {
    "countries": "country",
    "organisations": "organisation",
    "organizations": "organisation",
    "groups": "group",
    "people": "person",
    "metonyms": "metonym",
    "sectors": "sector",
}


def _rows_to_tables(
    rows: Iterable[tuple[int, dict[str, Any]]], default_kind: str | None, path: Path, prefix: str
) -> Tables:
    tables = Tables()
    for row, item in rows:
        kind = str(item.get("kind") or default_kind or "").strip().lower()
        kind = _KIND_KEYS.get(kind, kind)
        if kind not in KINDS:
            raise DataFileError(
                f"unknown kind {kind!r}; add a 'kind' column ({', '.join(KINDS)}) or name the file after it",
                str(path),
                row,
            )
        where = f"{prefix}{path.name} row {row}"
        if kind == "country":
            tables.countries.append(_country(item, path, row, prefix))
        elif kind == "person":
            tables.roles.append(_role(item, path, row, where))
        elif kind == "sector":
            phrase = _required(item, "phrase", path, row)
            tables.sectors.append((phrase, _sector(item.get("sector"), path, row), where))
        else:
            tables.named.append(_named(kind, item, path, row, where))
    return tables


def _required(item: dict[str, Any], key: str, path: Path, row: int) -> str:
    value = item.get(key)
    if value is None or str(value).strip() == "":
        raise DataFileError(f"missing '{key}'; add one or delete the row", str(path), row)
    return str(value).strip()


def _list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [v for v in _LIST_SPLIT.split(str(value).strip()) if v]


def _country_code(value: Any, path: Path, row: int | None, key: str = "country") -> str | None:
    if value is None or str(value).strip() in ("", "null", "None", "-"):
        return None
    code = str(value).strip().upper()
    if not _CODE.match(code):
        raise DataFileError(
            f"'{key}' {value!r} is not a 3-letter ISO alpha-3 code (e.g. RUS)", str(path), row
        )
    return code


def _sector(value: Any, path: Path, row: int | None) -> str | None:
    if value is None or str(value).strip() in ("", "null", "None", "-"):
        return None
    code = str(value).strip().upper()
    if code not in SECTORS:
        raise DataFileError(
            f"unknown sector {value!r}; use a PLOVER sector code ({', '.join(sorted(SECTORS))})",
            str(path),
            row,
        )
    return code


def _date(value: Any, key: str, path: Path, row: int) -> date | None:
    if value is None or str(value).strip() == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise DataFileError(
            f"'{key}' {value!r} is not a date; use YYYY-MM-DD", str(path), row
        ) from None


def _country(item: dict[str, Any], path: Path, row: int, prefix: str) -> CountryRow:
    code = _country_code(_required(item, "code", path, row), path, row, "code")
    assert code is not None
    return CountryRow(
        code=code,
        name=_required(item, "name", path, row),
        official_name=str(item.get("official_name") or "").strip(),
        aliases=_list(item.get("aliases")),
        demonyms=_list(item.get("demonyms")),
        capitals=_list(item.get("capitals")),
        part_of=_country_code(item.get("part_of"), path, row, "part_of") or "",
        source=f"{prefix}{path.name}:{code}" if not prefix else f"{prefix}{path.name} row {row}",
    )


def _named(kind: str, item: dict[str, Any], path: Path, row: int, where: str) -> NamedRow:
    name = _required(item, "name", path, row)
    prefix = {"organisation": "org", "group": "group", "metonym": "metonym"}[kind]
    ident = str(item.get("id") or "").strip() or slug(name)
    if ":" not in ident:
        ident = f"{prefix}:{ident}"
    if kind == "metonym" and not item.get("country"):
        raise DataFileError(
            "missing 'country'; a metonym stands for a country's institution", str(path), row
        )
    return NamedRow(
        kind=kind,
        id=ident,
        name=name,
        aliases=_list(item.get("aliases")),
        country=_country_code(item.get("country"), path, row),
        sector=_sector(item.get("sector"), path, row),
        source=where,
    )


def _role(item: dict[str, Any], path: Path, row: int, where: str) -> RoleRow:
    name = _required(item, "name", path, row)
    ident = str(item.get("id") or "").strip() or slug(name)
    if ":" not in ident:
        ident = f"person:{ident}"
    start = _date(item.get("start"), "start", path, row)
    end = _date(item.get("end"), "end", path, row)
    if start and end and end < start:
        raise DataFileError(f"'end' {end} is before 'start' {start}", str(path), row)
    country = _country_code(item.get("country"), path, row)
    role_country = item.get("role_country")
    return RoleRow(
        id=ident,
        name=name,
        aliases=_list(item.get("aliases")),
        surname=str(item.get("surname") or "").strip(),
        country=country,
        role=str(item.get("role") or "").strip() or None,
        role_country=country
        if role_country is None or str(role_country).strip() == ""
        else _country_code(role_country, path, row, "role_country"),
        sector=_sector(item.get("sector"), path, row),
        start=start,
        end=end,
        source=where,
    )

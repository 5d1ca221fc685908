"""Convert the Phoenix (PETRARCH2) actor dictionaries into Dateline's own actor data files.

Reads ``../shared/reference/petrarch/`` (MIT, Open Event Data Alliance; see docs/data-files.md)
at build time only and writes, under ``src/dateline/data/actors/``:

* ``phoenix_people.csv``  dated office holders (one row per office, the people.csv columns);
* ``phoenix_organisations.csv``  international organisations (IGO/NGO) of the International file;
* ``phoenix_groups.csv``  armed non-state groups of the MilNonState file.

What is kept is what a news reader can check: full names of at least two words (no bare surnames,
which would make "May" or "Brown" a minister), offices with a known country or an IGO, date
ranges as given. Anything the curated tables (people.csv, organisations.yaml, groups.yaml,
countries.csv) already name is left to them. Run from the repository root::

    python scripts/convert_phoenix.py [--source ../shared/reference/petrarch]

The output is deterministic (sorted), so a re-run on the same source changes nothing.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from dateline.actors.dictionaries import (  # noqa: E402
    CAMEO_SECTORS,
    DATA_DIR,
    SECTORS,
    read_shipped,
    slug,
)
from dateline.actors.kb import normalize  # noqa: E402

DEFAULT_SOURCE = ROOT.parent / "shared" / "reference" / "petrarch"
if not DEFAULT_SOURCE.is_dir():
    DEFAULT_SOURCE = Path("/work/shared/reference/petrarch")

#: CAMEO country codes that are not ISO alpha-3 (the rest are).
CAMEO_COUNTRY = {"ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "YUG": "SRB", "KSV": "KOS"}
#: International CAMEO heads -> (country, sector).
INTERNATIONAL = {"IGO": "IGO", "NGO": "NGO", "NGM": "NGO", "UNO": "IGO", "IMG": "REB"}
#: First words that make a dictionary "name" a title or a description, not a person's name.
TITLE_WORDS = {
    "acting",
    "ambassador",
    "archbishop",
    "chairman",
    "chief",
    "commander",
    "deputy",
    "dr",
    "emir",
    "envoy",
    "former",
    "foreign",
    "general",
    "gen",
    "governor",
    "interim",
    "interior",
    "judge",
    "justice",
    "king",
    "lieutenant",
    "mayor",
    "minister",
    "mr",
    "mrs",
    "ms",
    "pope",
    "premier",
    "president",
    "prime",
    "prince",
    "princess",
    "queen",
    "secretary",
    "secretary-general",
    "senator",
    "sheikh",
    "speaker",
    "sultan",
    "the",
    "un",
    "vice",
}
#: The year the dictionaries were last revised (a YYMMDD date after it is from the 1900s).
SOURCE_YEAR = 2016
#: Words that mark an organisation's name (an undated IGO/NGO entry without one is a person).
ORG_WORDS = {
    "agency", "alliance", "assembly", "association", "bank", "board", "bureau", "center",
    "centre", "coalition", "commission", "committee", "conference", "corporation", "council",
    "court", "federation", "forum", "foundation", "fund", "group", "institute", "international",
    "league", "mission", "movement", "network", "office", "organisation", "organization",
    "party", "programme", "program", "secretariat", "society", "trust", "tribunal", "union",
    "watch",
}  # fmt: skip
#: Words that, with ORG_WORDS, make a description rather than a name.
GENERIC_WORDS = {
    "aid", "and", "children", "development", "for", "human", "humanitarian", "of", "peace",
    "relief", "rights", "the", "women", "youth", "national", "world", "global", "health",
    "action", "new", "people", "popular", "armed", "army", "front", "liberation", "revolutionary",
}  # fmt: skip
GENERIC_ACRONYMS = {"NGO", "NGOS", "IGO", "UN", "EU", "AU", "MNC"}
#: Acronyms kept in capitals inside a longer name ("UN High Commission ...").
ACRONYMS = {"UN", "U.N.", "EU", "US", "U.S.", "UK", "AU", "OAS", "NATO", "OPEC", "ASEAN", "OSCE"}
_BRACKET = re.compile(r"\[([^\]]*)\]")
_BRACE = re.compile(r"\{[^}]*\}")
_PAREN = re.compile(r"\([^)]*\)")
_DATE = re.compile(r"^(?:([<>])(\d{6}|\d{8})|(\d{6}|\d{8})-(\d{6}|\d{8}))$")
_NAME_OK = re.compile(r"^[A-Za-z][A-Za-z.'\- ]*$")


@dataclass
class Code:
    country: str | None  # ISO alpha-3, None for an IGO/NGO or an unknown head
    sector: str | None
    start: date | None
    end: date | None
    international: bool = False


@dataclass
class PetEntry:
    name: str
    aliases: list[str] = field(default_factory=list)
    raw_codes: list[str] = field(default_factory=list)
    line: int = 0


def _phrase(text: str) -> str:
    """``ASHRAF_GHANI_`` -> ``Ashraf Ghani`` (parenthesised acronyms dropped, ``DPKO`` kept)."""
    text = _PAREN.sub(" ", _BRACE.sub(" ", text)).replace("_", " ")
    text = re.sub(r"\s+", " ", text).strip(" -")
    if " " not in text and len(text) <= 6:
        return text  # an acronym: the files are in capitals, so a short single word stays so
    words = []
    for w in text.split():
        if w.upper() not in ACRONYMS:
            w = "-".join(p[:1].upper() + p[1:] for p in w.lower().split("-"))
        words.append(w)
    return " ".join(words)


def parse(path: Path) -> list[PetEntry]:
    """Entries of a TABARI/PETRARCH actor file: name line, ``+alias`` lines, ``[CODE date]`` lines."""
    entries: list[PetEntry] = []
    current: PetEntry | None = None
    for lineno, raw in enumerate(
        path.read_text(encoding="utf-8", errors="replace").splitlines(), 1
    ):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        codes = _BRACKET.findall(line)
        text = _BRACKET.sub(" ", line).strip()
        if line.lstrip().startswith("+"):
            if current is not None:
                alias = text.lstrip("+").strip()
                if alias and "+" not in alias:
                    current.aliases.append(alias)
                current.raw_codes += codes
            continue
        if text and not line[:1].isspace():
            current = PetEntry(text, line=lineno)
            entries.append(current)
            current.raw_codes += codes
        elif current is not None:
            current.raw_codes += codes
    return entries


def _date6(text: str) -> date:
    if len(text) == 6:  # YYMMDD: the files end in 2016, so a later 20YY is a 19YY
        yy = int(text[:2])
        return date(
            2000 + yy if yy <= SOURCE_YEAR % 100 else 1900 + yy, int(text[2:4]), int(text[4:6])
        )
    return date(int(text[:4]), int(text[4:6]), int(text[6:8]))


def parse_code(text: str, countries: set[str]) -> Code | None:
    """``AFGGOVBUS 050101-060531`` -> Code(AFG, GOV, 2005-01-01, 2006-05-31); None if unusable."""
    parts = text.split()
    if not parts or not re.fullmatch(r"[A-Z]{3,}", parts[0]):
        return None
    code = parts[0]
    start = end = None
    if len(parts) > 1:
        m = _DATE.match(parts[1])
        if not m:
            return None
        try:
            if m.group(1) == ">":
                start = _date6(m.group(2))
            elif m.group(1) == "<":
                end = _date6(m.group(2))
            else:
                start, end = _date6(m.group(3)), _date6(m.group(4))
        except ValueError:
            return None
    head, tail = code[:3], code[3:6]
    if head in INTERNATIONAL:
        return Code(None, INTERNATIONAL[head], start, end, international=True)
    if head in SECTORS or head in CAMEO_SECTORS:  # "[ELI]": a role with no country of its own
        return Code(None, CAMEO_SECTORS.get(head, head), start, end)
    country = CAMEO_COUNTRY.get(head, head)
    if country not in countries:
        return None
    sector = CAMEO_SECTORS.get(tail, tail) if tail else None
    if tail and tail in INTERNATIONAL:
        sector = None
    if sector is not None and sector not in SECTORS:
        sector = None
    return Code(country, sector, start, end)


def person_name(text: str) -> str | None:
    """A person's full name, or None for a title, a description or a single word."""
    name = _phrase(text)
    words = name.split()
    if len(words) < 2 or not _NAME_OK.match(name):
        return None
    if words[0].lower().rstrip(".") in TITLE_WORDS:
        return None
    if any(len(w.strip(".'-")) == 0 for w in words):
        return None
    return name


# --------------------------------------------------------------------------------------------


def first_names(entries: list[PetEntry], countries: set[str]) -> set[str]:
    """First words of dated office holders' names seen at least twice ("Abdul", "Maria")."""
    counts: dict[str, int] = {}
    for e in entries:
        name = person_name(e.name)
        codes = [c for c in (parse_code(t, countries) for t in e.raw_codes) if c is not None]
        if name and any(c.start or c.end for c in codes):
            first = name.split()[0].lower()
            counts[first] = counts.get(first, 0) + 1
    return {w for w, n in counts.items() if n >= 2 and len(w) > 1}


def _is_person(name: str, codes: list[Code], firsts: set[str]) -> bool:
    """Dated codes make an office holder; an undated IGO/NGO entry is a person only when its
    name starts with a known first name and has no organisation word ("Youth For Unity" is not)."""
    if any(c.start or c.end for c in codes):
        return True
    return (
        all(c.international for c in codes)
        and name.split()[0].lower() in firsts
        and len(name.split()) <= 4
        and not _org_like(name)
    )


def convert_people(
    entries: list[PetEntry], countries: set[str], known: set[str], file: str, firsts: set[str]
):
    """Rows for phoenix_people.csv from the office holders of one file."""
    rows = []
    for e in entries:
        name = person_name(e.name)
        codes = [c for c in (parse_code(t, countries) for t in e.raw_codes) if c is not None]
        if name is None or not codes or not _is_person(name, codes, firsts):
            continue
        aliases = sorted(
            {
                a
                for a in (person_name(x) for x in e.aliases)
                if a and normalize(a) != normalize(name)
            }
        )
        if normalize(name) in known or any(normalize(a) in known for a in aliases):
            continue  # the curated people.csv knows this person better
        home = next((c.country for c in codes if c.country and not c.international), None)
        if home is None and not any(c.international for c in codes):
            continue
        first = True
        for c in codes:
            if (c.sector is None and c.country is None) or (c.start and c.end and c.end < c.start):
                continue
            role_country = (
                "-" if c.international else ("" if c.country == home else c.country or "")
            )
            rows.append(
                {
                    "id": f"phx-{slug(name)}",
                    "name": name,
                    "aliases": "|".join(aliases) if first else "",
                    "surname": "",
                    "country": home or "",
                    "role": "",
                    "role_country": role_country,
                    "sector": c.sector or "",
                    "start": c.start.isoformat() if c.start else "",
                    "end": c.end.isoformat() if c.end else "",
                    "note": f"{file} line {e.line}",
                }
            )
            first = False
    return rows


def org_name(text: str) -> str | None:
    """An organisation's name, or None for a single ordinary word ("Youth", "Foundation"), which
    would turn every mention of the word into the group; acronyms ("DPKO") are kept."""
    name = _phrase(text)
    bare = re.sub(r"^The ", "", name)
    if len(bare) < 3 or not re.search(r"[A-Za-z]{2}", bare):
        return None
    if " " not in bare and (not bare.isupper() or bare in GENERIC_ACRONYMS):
        return None
    if all(w.lower() in ORG_WORDS | GENERIC_WORDS for w in bare.replace("-", " ").split()):
        return None  # "Aid Group", "International Council": a description, not a name
    return name


def convert_named(
    entries: list[PetEntry],
    countries: set[str],
    known: set[str],
    default_sector: str,
    firsts: set[str],
):
    """Undated organisations/groups -> rows (name, aliases, country, sector)."""
    out = {}
    for e in entries:
        codes = [c for c in (parse_code(t, countries) for t in e.raw_codes) if c is not None]
        name = org_name(e.name)
        if not codes or name is None or any(c.start or c.end for c in codes):
            continue
        if person_name(e.name) and _is_person(person_name(e.name), codes, firsts):
            continue  # an IGO official without dates (convert_people keeps them)
        aliases = sorted(
            {
                a
                for a in (org_name(x) for x in e.aliases)
                if a and normalize(a) != normalize(name) and normalize(a) not in known
            }
        )
        if normalize(name) in known:
            continue
        c = codes[0]
        sector = c.sector or default_sector
        if default_sector == "REB" and sector not in {"REB", "PRM", "CRM", "UAF"}:
            sector = "REB"
        ident = slug(name)
        if ident in out:
            continue
        out[ident] = {
            "id": f"phx-{ident}",
            "name": name,
            "aliases": aliases,
            "country": None if c.international else c.country,
            "sector": sector,
        }
    return [out[k] for k in sorted(out)]


def _org_like(name: str) -> bool:
    return any(w.lower() in ORG_WORDS for w in name.replace("-", " ").split())


def _known_names(tables) -> set[str]:
    names: set[str] = set()
    for c in tables.countries:
        names.update(normalize(x) for x in (c.name, c.official_name, *c.aliases, *c.demonyms))
        names.update(normalize(x) for x in c.capitals)
    for n in tables.named:
        names.update(normalize(x) for x in (n.name, *n.aliases))
    for r in tables.roles:
        names.update(normalize(x) for x in (r.name, *r.aliases))
    names.discard("")
    return names


HEADER = """\
# Converted by scripts/convert_phoenix.py from the Phoenix actor dictionaries of PETRARCH2
# (openeventdata/UniversalPetrarch, MIT licence, (c) Open Event Data Alliance; derived from the
# CountryInfo file of the Computational Event Data System project). Do not edit by hand:
# add corrections to people.csv / organisations.yaml / groups.yaml, which take precedence.
# Dates are those of the source (2014-2016 snapshot): an open end means "open in the source".
"""


def write_people(rows: list[dict], path: Path) -> None:
    cols = ["id", "name", "aliases", "surname", "country", "role", "role_country", "sector"]
    cols += ["start", "end", "note"]
    buf = io.StringIO()
    buf.write(HEADER)
    writer = csv.DictWriter(buf, fieldnames=cols, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def write_named(items: list[dict], path: Path) -> None:
    """id,name,aliases,country,sector (aliases joined by ``|``, as in the curated CSV files)."""
    buf = io.StringIO()
    buf.write(HEADER)
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["id", "name", "aliases", "country", "sector"])
    for o in items:
        writer.writerow(
            [o["id"], o["name"], "|".join(o["aliases"]), o["country"] or "", o["sector"]]
        )
    path.write_text(buf.getvalue(), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    ap.add_argument("--out", type=Path, default=DATA_DIR)
    args = ap.parse_args(argv)
    src: Path = args.source
    if not (src / "Phoenix.Countries.actors.txt").is_file():
        print(f"no Phoenix dictionaries under {src}", file=sys.stderr)
        return 2
    curated = read_shipped(args.out, include_phoenix=False)
    countries = {c.code for c in curated.countries}
    known = _known_names(curated)

    parsed = {
        f: parse(src / f"Phoenix.{f}.actors.txt")
        for f in ("Countries", "International", "MilNonState")
    }
    firsts = first_names(parsed["Countries"], countries)
    people: list[dict] = []
    for file in ("Countries", "International"):
        people += convert_people(parsed[file], countries, known, file, firsts)
    people.sort(key=lambda r: (r["id"], r["start"], r["end"], r["sector"]))
    seen: set[tuple] = set()
    unique = []
    for r in people:
        key = (r["id"], r["sector"], r["role_country"], r["start"], r["end"])
        if key not in seen:
            seen.add(key)
            unique.append(r)
    orgs = convert_named(parsed["International"], countries, known, "IGO", firsts)
    orgs = [o for o in orgs if o["country"] is None and o["sector"] in {"IGO", "NGO"}]
    groups = convert_named(parsed["MilNonState"], countries, known, "REB", firsts)
    write_people(unique, args.out / "phoenix_people.csv")
    write_named(orgs, args.out / "phoenix_organisations.csv")
    write_named(groups, args.out / "phoenix_groups.csv")
    n_people = len({r["id"] for r in unique})
    print(
        f"{n_people} people ({len(unique)} offices), {len(orgs)} organisations, "
        f"{len(groups)} armed groups -> {args.out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

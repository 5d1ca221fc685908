"""The PLOVER ontology: shipped tables load, names normalise, CAMEO codes map both ways."""

from __future__ import annotations

import pytest

from dateline.events.ontology import Ontology


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return Ontology.load()


def test_load_is_cached_and_complete(onto):
    assert Ontology.load() is onto
    assert len(onto.types) == 16
    assert len(onto.contexts) == 37
    assert {"GOV", "MIL", "REB", "IGO", "NGO", "JRN", "COP"} <= set(onto.sectors)


@pytest.mark.parametrize(
    ("event", "quad"),
    [("AGREE", 1), ("CONSULT", 1), ("SUPPORT", 1), ("CONCEDE", 1), ("COOPERATE", 2), ("AID", 2),
     ("RETREAT", 2), ("REQUEST", 3), ("ACCUSE", 3), ("REJECT", 3), ("THREATEN", 3), ("PROTEST", 4),
     ("SANCTION", 4), ("MOBILIZE", 4), ("COERCE", 4), ("ASSAULT", 4)],
)  # fmt: skip
def test_quad_class_follows_the_manual(onto, event, quad):
    assert onto.quad_class(event) == quad


def test_modes_named_in_the_brief(onto):
    assert set(onto.types["CONSULT"].modes) == {"visit", "third-party", "multilateral", "phone"}
    assert set(onto.types["RETREAT"].modes) == {
        "withdraw",
        "release",
        "disarm",
        "ceasefire",
        "access",
        "resign",
    }
    for name in ("REQUEST", "REJECT"):
        assert set(onto.types[name].modes) == {"assist", "change", "yield", "meet"}
    assert set(onto.types["ACCUSE"].modes) == {"disapprove", "investigate", "allege"}
    assert "arrest" in onto.types["COERCE"].modes and "firearms" in onto.types["ASSAULT"].modes


@pytest.mark.parametrize(
    ("name", "mode", "expected"),
    [
        ("DEMAND", None, ("REQUEST", None)),
        ("disapprove", None, ("ACCUSE", "disapprove")),
        ("Investigate", None, ("ACCUSE", "investigate")),
        ("FIGHT", None, ("ASSAULT", None)),
        ("consult", "PHONE", ("CONSULT", "phone")),
        ("ASSAULT", "suicide_attack", ("ASSAULT", "suicide-attack")),
        ("PROTEST", "strike-hun", ("PROTEST", "hunger")),
        ("ACCUSE", "allege", ("ACCUSE", "allege")),
    ],
)
def test_normalise(onto, name, mode, expected):
    assert onto.normalise(name, mode) == expected


def test_normalise_unknown_names_say_what_exists(onto):
    with pytest.raises(KeyError, match="unknown PLOVER event type 'PRAISE'.*AGREE"):
        onto.normalise("PRAISE")
    with pytest.raises(KeyError, match="CONSULT has no mode 'email'.*phone"):
        onto.normalise("CONSULT", "email")


@pytest.mark.parametrize(
    ("event", "mode", "code"),
    [("CONSULT", "phone", "041"), ("CONSULT", None, "040"), ("CONSULT", "multilateral", "040"),
     ("ACCUSE", "investigate", "090"), ("DISAPPROVE", None, "111"), ("ASSAULT", "firearms", "193"),
     ("RETREAT", "release", "0841"), ("COERCE", "arrest", "173"), ("SANCTION", "convict", "116")],
)  # fmt: skip
def test_cameo_for(onto, event, mode, code):
    assert onto.cameo_for(event, mode) == code


def test_every_cameo_code_starts_with_its_types_root_or_a_documented_exception(onto):
    for etype in onto.types.values():
        assert onto.cameo_for(etype.name)[:2] == etype.cameo_root
        for mode in etype.modes.values():
            if mode.cameo:
                assert onto.from_cameo(mode.cameo)[0] == etype.name, (etype.name, mode.name)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("041", ("CONSULT", "phone", [])),
        ("1123", ("ACCUSE", "allege", ["military"])),
        ("0874", ("RETREAT", "withdraw", ["military"])),
        ("081", ("CONCEDE", None, ["legal"])),
        ("163", ("SANCTION", "discontinue", ["economic"])),
        ("1949", ("ASSAULT", "heavy-weapons", ["military"])),  # unknown 4-digit -> longest prefix
        ("19", ("ASSAULT", None, ["military"])),
    ],
)
def test_from_cameo(onto, code, expected):
    assert onto.from_cameo(code) == expected


def test_from_cameo_rejects_dropped_and_unknown_codes(onto):
    with pytest.raises(KeyError, match="no PLOVER type"):
        onto.from_cameo("010")
    with pytest.raises(KeyError, match="unknown CAMEO"):
        onto.from_cameo("99")


def test_goldstein_uses_the_cameo_scale(onto):
    assert onto.goldstein("CONSULT", "phone") == 1.0
    assert onto.goldstein("ASSAULT", "firearms") == -10.0
    assert onto.goldstein("AGREE") == 4.0
    assert onto.types["MOBILIZE"].goldstein == -7.2
    for etype in onto.types.values():
        assert -10 <= etype.goldstein <= 10
        assert (etype.goldstein > 0) == (etype.quad_class <= 2), etype.name


def test_plover_scores(onto):
    assert onto.plover_score("CONSULT", "visit") == 4.0
    assert onto.plover_score("CONSULT", "multilateral") == 4.0
    assert onto.plover_score("ACCUSE") == -3.0
    assert onto.plover_score("AID") == 10.0


@pytest.mark.parametrize(
    ("code", "expected"),
    [("USAGOV", ("USA", "GOV")), ("RUSMIL", ("RUS", "MIL")), ("IGOUNO", (None, "IGO")),
     ("NGO", (None, "NGO")), ("PALREB", ("PSE", "REB")), ("ISRMED", ("ISR", "JRN")), ("FRA", ("FRA", None))],
)  # fmt: skip
def test_actor_code(onto, code, expected):
    assert onto.actor_code(code) == expected


def test_context_aliases(onto):
    assert onto.normalise_context("refugees") == "migration"
    assert onto.normalise_context("Human Rights") == "human_rights"
    assert onto.normalise_context("nonsense") is None


def test_the_ontology_owns_the_list_of_types(onto):
    """Types, QuadClasses and scores are asked of the ontology: no other module lists all 16."""
    import ast
    from pathlib import Path

    from dateline.events.ontology import plover_types

    assert plover_types() == tuple(onto.types)
    src = Path(__file__).resolve().parents[1] / "src" / "dateline"
    listing = []
    for path in src.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.List | ast.Tuple | ast.Set | ast.Dict):
                items = node.keys if isinstance(node, ast.Dict) else node.elts
                words = {i.value for i in items if isinstance(i, ast.Constant)}
                if set(onto.types) <= words:
                    listing.append(f"{path.relative_to(src)}:{node.lineno}")
    assert listing == [], f"ask dateline.events.ontology.plover_types() instead: {listing}"


def test_the_dashboard_fixtures_agree_with_the_ontology(onto):
    from dateline.web.fixtures import sample_results

    events = [e for result in sample_results() for e in result.events]
    assert events
    for e in events:
        assert (e.quad_class, e.cameo, e.goldstein) == (
            onto.quad_class(e.event),
            onto.cameo_for(e.event),
            onto.goldstein(e.event),
        )

"""Long fuzzing runs: the hypothesis properties with many more examples, then atheris (libFuzzer,
coverage-guided) over ingestion when it is installed (``pip install -e '.[fuzz]'``)::

    python benchmarks/fuzz.py                          # 5,000 ingest + 400 coding examples, 10 min atheris
    python benchmarks/fuzz.py --ingest 20000 --coding 1000 --atheris-seconds 3600
    python benchmarks/fuzz.py --atheris-seconds 0      # hypothesis only
    DATELINE_FUZZ_SEED=1 python benchmarks/fuzz.py     # a random (not derandomised) search

Prints how many inputs each part tried and exits 1 when anything failed (a crash, a hang
past the per-input limit, or a broken invariant). Crash inputs from atheris are written to
``--artifacts`` (default ``fuzz-artifacts/``).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KINDS = [None, "text", "html", "jsonl", "json", "csv", "tsv", "warc"]


def run_hypothesis(ingest: int, coding: int) -> tuple[int, dict]:
    """The fuzz properties of tests/test_fuzz_*.py with ``ingest``/``coding`` examples each."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "tried.jsonl"
        env = {**os.environ, "DATELINE_FUZZ_INGEST": str(ingest),
               "DATELINE_FUZZ_CODING": str(coding), "DATELINE_FUZZ_REPORT": str(report)}  # fmt: skip
        cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
               "tests/test_fuzz_ingest.py", "tests/test_fuzz_coding.py", "-m", "slow or not slow",
               "-o", "timeout=0"]  # fmt: skip
        if coding <= 0:
            cmd = [c for c in cmd if c != "tests/test_fuzz_coding.py"]
        done = subprocess.run(cmd, cwd=ROOT, env=env)
        tried: dict[str, int] = {}
        if report.exists():
            for line in report.read_text().splitlines():
                entry = json.loads(line)
                for key, n in entry["tried"].items():
                    tried[f"{entry['module']}: {key}"] = n
    return done.returncode, tried


def atheris_child(seconds: int, artifacts: Path) -> None:
    """Run inside a subprocess: libFuzzer over ``read_content`` (never returns)."""
    import atheris

    with atheris.instrument_imports(include=["dateline"]):
        from dateline.ingest.sources import read_content
        from dateline.limits import time_limit
        from dateline.settings import Settings

    settings = Settings.load(max_chars=20_000)

    def one_input(data: bytes) -> None:
        if not data:
            return
        kind = KINDS[data[0] % len(KINDS)]
        with time_limit(30.0, "atheris input"):
            for item in read_content(data[1:], "fuzz", kind, settings, None):
                assert item is not None

    artifacts.mkdir(parents=True, exist_ok=True)
    argv = [sys.argv[0], f"-max_total_time={seconds}", f"-artifact_prefix={artifacts}/",
            "-rss_limit_mb=4096", "-timeout=60", "-max_len=65536", "-print_final_stats=1"]  # fmt: skip
    atheris.Setup(argv, one_input)
    atheris.Fuzz()


def run_atheris(seconds: int, artifacts: Path) -> tuple[int, int | None]:
    """(exit code, inputs tried) of an atheris run of ``seconds``; (0, None) when not installed."""
    try:
        import atheris  # noqa: F401
    except ImportError:
        print("atheris is not installed (pip install -e '.[fuzz]'); hypothesis only")
        return 0, None
    done = subprocess.run(
        [sys.executable, __file__, "--atheris-child", str(seconds), "--artifacts", str(artifacts)],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    tail = done.stderr[-3000:]
    runs = re.findall(r"stat::number_of_executed_units:\s*(\d+)", done.stderr) or re.findall(
        r"Done (\d+) runs", done.stderr
    )
    print(tail if done.returncode else "\n".join(tail.splitlines()[-8:]))
    return done.returncode, int(runs[-1]) if runs else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ingest", type=int, default=5000, help="examples per ingest property")
    parser.add_argument("--coding", type=int, default=400, help="examples per coding property")
    parser.add_argument("--atheris-seconds", type=int, default=600)
    parser.add_argument("--artifacts", type=Path, default=ROOT / "fuzz-artifacts")
    parser.add_argument("--atheris-child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--json", type=Path, help="write the counts here too")
    args = parser.parse_args(argv)
    if args.atheris_child is not None:
        atheris_child(args.atheris_child, args.artifacts)
        return 0
    started = time.monotonic()
    code, tried = run_hypothesis(args.ingest, args.coding)
    a_code, a_runs = (0, None)
    if args.atheris_seconds > 0:
        a_code, a_runs = run_atheris(args.atheris_seconds, args.artifacts)
    summary = {
        "hypothesis": {"exit_code": code, "tried": tried, "total": sum(tried.values())},
        "atheris": {"exit_code": a_code, "inputs": a_runs, "seconds": args.atheris_seconds},
        "seconds": round(time.monotonic() - started, 1),
    }
    print(json.dumps(summary, indent=2))
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return 1 if code or a_code else 0


if __name__ == "__main__":
    sys.exit(main())

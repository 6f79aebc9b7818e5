"""A benchmark's verdict: its targets, each met or missed, printed and machine-readable.

Every benchmark ends with :func:`finish`: it prints one line per target and then "meets the
target" or "MISSES THE TARGET: …", writes the figures and the targets as JSON with
``--json PATH``, and gives the exit code: 0 when every judged target is met, 3
(``EXIT_MISSED``) when one is missed. A crash exits 1 and bad arguments 2, as in any Python
program, so whoever runs a benchmark can tell the three apart.

Time targets hold for the full size. A ``--smoke`` run (tiny sizes, run by the tests)
reports them but does not judge them: a tiny run says nothing about speed, and the tests are
not timed. Every other target (a count that must not grow with N, the page count of the
plan, the family shown whole) holds at any size and is judged in a smoke run too.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

EXIT_MISSED = 3


@dataclass(frozen=True)
class Target:
    name: str
    met: bool
    measured: str  # what the run gave, as printed
    wanted: str  # the target, as printed
    timing: bool  # a speed target: judged only at full size


def below(name: str, value_ms: float, limit_ms: float) -> Target:
    """A time target: ``value_ms`` under ``limit_ms``."""
    return Target(name, value_ms < limit_ms, f"{value_ms:.1f} ms", f"< {limit_ms:g} ms", timing=True)


def ratio_below(name: str, ratio: float, limit: float) -> Target:
    """A speed target given as a ratio to the baseline of the same run."""
    return Target(name, ratio < limit, f"{ratio:.2f}", f"< {limit:g}", timing=True)


def holds(name: str, met: bool, measured: object, wanted: object) -> Target:
    """A target that holds at any size (not a time)."""
    return Target(name, met, str(measured), str(wanted), timing=False)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", type=Path, metavar="PATH", help="write the figures and the verdict as JSON")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="a tiny run that checks the benchmark works: time targets are reported, not judged",
    )


@contextmanager
def stores_folder(keep: bool) -> Iterator[Path]:
    """Where a benchmark builds its stores: benchmarks/out with ``--keep``, else a folder
    removed afterwards."""
    if keep:
        out = Path(__file__).with_name("out")
        out.mkdir(exist_ok=True)
        yield out
        return
    with tempfile.TemporaryDirectory() as tmp:
        yield Path(tmp)


def citizens_benchmark(
    benchmark: str,
    description: str | None,
    default_citizens: int,
    run: Callable[[int, int, Path], dict[str, Any]],
    targets: Callable[[dict[str, Any]], list[Target]],
    argv: list[str] | None = None,
) -> int:
    """``main`` of a benchmark on generated stores of N citizens: ``--citizens``,
    ``--repeat``, ``--keep`` (the stores go to benchmarks/out and a later run reuses them)."""
    parser = argparse.ArgumentParser(
        description=description, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--citizens", type=int, default=default_citizens)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--keep", action="store_true", help="keep the stores in benchmarks/out for reuse")
    add_arguments(parser)
    args = parser.parse_args(argv)
    with stores_folder(args.keep) as folder:
        figures = run(args.citizens, args.repeat, folder)
    return finish(benchmark, targets(figures), figures, args)


def judged(target: Target, smoke: bool) -> bool:
    return not (smoke and target.timing)


def finish(benchmark: str, targets: list[Target], figures: dict[str, Any], args: argparse.Namespace) -> int:
    """Print and write the verdict; the exit code for ``main``."""
    smoke = bool(args.smoke)
    missed = [t for t in targets if judged(t, smoke) and not t.met]
    for t in targets:
        state = "met" if t.met else "MISSED"
        if not judged(t, smoke):
            state += " (not judged in a smoke run)"
        print(f"target: {t.name} {t.wanted}: {t.measured} — {state}")
    if missed:
        print("MISSES THE TARGET: " + "; ".join(t.name for t in missed))
    else:
        print("meets the target")
    if args.json is not None:
        verdict = {
            "benchmark": benchmark,
            "smoke": smoke,
            "met": not missed,
            "targets": [{**asdict(t), "judged": judged(t, smoke)} for t in targets],
            "figures": figures,
        }
        args.json.write_text(json.dumps(verdict, indent=2), encoding="utf-8")
    return EXIT_MISSED if missed else 0

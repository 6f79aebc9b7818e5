"""Cold start to the first window, and the frozen folder's size (issue 18 item 5).

    python benchmarks/startup.py [--frozen dist/koordinator-VERSION] [--repeat 5]

In one run, on one demo store, each started offscreen in a fresh home (nothing cached of a
user's), from the process's start until the window is shown (the program's log says "the
window is shown"; the baseline prints it), then closed by SIGTERM:

* baseline: a bare PySide6 window with an empty table in the same Python (what any Qt
  program costs here);
* floor: the same window after opening the store the program's way (SQLAlchemy, the
  models, the store's checks) — what this stack costs before the program's own work;
* the program from source (``python -m app``);
* the frozen program (``make package``), when its folder is there.

Printed: the median and the spread of the starts, the peak memory (Linux), the folder's
size. Judged: the frozen start within 1.5 times the source start (a frozen program must not
start slower than the source it comes from), both not slower than 10 times the baseline.
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.verdict import add_arguments, finish, holds, ratio_below

ROOT = Path(__file__).resolve().parents[1]
SHOWN = "the window is shown"
BARE = (
    "import sys\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow, QTableView\n"
    "app = QApplication(sys.argv)\n"
    "w = QMainWindow(); w.setCentralWidget(QTableView()); w.resize(1280, 760); w.show(); app.processEvents()\n"
    f"print({SHOWN!r}, flush=True)\n"
    "import signal; signal.signal(signal.SIGTERM, lambda *a: app.quit())\n"
    "from PySide6.QtCore import QTimer; t = QTimer(); t.start(50); t.timeout.connect(lambda: None)\n"
    "sys.exit(app.exec())\n"
)
# The stack's own floor: the same bare window, after SQLAlchemy, the models and the store's
# opening (what any start of the program must do before its first page can be read).
FLOOR = (
    "import sys\n"
    f"sys.path.insert(0, {str(ROOT)!r})\n"
    "from app.startup import open_context\n"
    "context = open_context(sys.argv[1])\n" + BARE.replace("import sys\n", "", 1)
)
BASELINE = "baseline: a bare PySide6 window with an empty table"
FLOOR_NAME = "floor: the bare window after opening the store (SQLAlchemy, models)"


def _environment(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KOORDINATOR_", "XDG_"))}
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        QT_QPA_PLATFORM="offscreen",
    )
    return env


def _peak_kib(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def start_once(command: list[str], scratch: Path, by_log: bool) -> tuple[float, int | None]:
    """Seconds from the process's start to its window shown, and its peak memory in KiB."""
    home = Path(tempfile.mkdtemp(dir=scratch))
    started = time.perf_counter()
    program = subprocess.Popen(
        command, env=_environment(home), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    shown_at: float | None = None
    try:
        if by_log:
            while program.poll() is None and time.perf_counter() - started < 120:
                logs = list(home.rglob("koordinator.log"))
                if logs and SHOWN in logs[0].read_text(encoding="utf-8", errors="replace"):
                    shown_at = time.perf_counter()
                    break
                time.sleep(0.005)
        else:
            assert program.stdout is not None
            line = program.stdout.readline()
            if SHOWN in line:
                shown_at = time.perf_counter()
        peak = _peak_kib(program.pid)
    finally:
        if program.poll() is None:
            program.send_signal(signal.SIGTERM)
        try:
            program.wait(timeout=30)
        except subprocess.TimeoutExpired:
            program.kill()
            program.wait()
    if shown_at is None:
        raise RuntimeError(f"{command[0]} showed no window (exit {program.returncode})")
    return shown_at - started, peak


def _folder_mib(folder: Path) -> float:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files) / 2**20


def run(frozen: Path | None, repeat: int, families: int) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        store = scratch / "store.sqlite"
        subprocess.run(
            [sys.executable, "-m", "app", "demo", "--db", str(store), "--families", str(families)],
            cwd=ROOT,
            env=_environment(scratch / "demo-home"),
            check=True,
            capture_output=True,
        )
        programs: list[tuple[str, list[str], bool]] = [
            (BASELINE, [sys.executable, "-c", BARE], False),
            (FLOOR_NAME, [sys.executable, "-c", FLOOR, str(store)], False),
            ("the program from source", [sys.executable, "-m", "app", "--db", str(store)], True),
        ]
        if frozen is not None:
            programs.append(("the frozen program", [str(frozen / "koordinator"), "--db", str(store)], True))
        for name, command, by_log in programs:
            starts, peaks = [], []
            for _ in range(repeat):
                seconds, peak = start_once(command, scratch, by_log)
                starts.append(seconds * 1000)
                if peak is not None:
                    peaks.append(peak / 1024)
            median = statistics.median(starts)
            memory = f", peak memory {max(peaks):.0f} MiB" if peaks else ""
            print(
                f"{name}: {median:.0f} ms to the window (min {min(starts):.0f}, max {max(starts):.0f}){memory}"
            )
            figures[name] = {
                "median_ms": median,
                "starts_ms": starts,
                "peak_mib": max(peaks) if peaks else None,
            }
    if frozen is not None:
        size = _folder_mib(frozen)
        figures["frozen folder MiB"] = size
        print(f"the frozen folder: {size:.0f} MiB")
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--frozen", type=Path, help="the frozen folder (default: dist/koordinator-VERSION if built)"
    )
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--families", type=int, default=30)
    add_arguments(parser)
    args = parser.parse_args(argv)
    from app import __version__

    frozen = args.frozen or ROOT / "dist" / f"koordinator-{__version__}"
    figures = run(frozen if (frozen / "koordinator").exists() else None, args.repeat, args.families)
    baseline = figures[BASELINE]["median_ms"]
    source = figures["the program from source"]["median_ms"]
    floor = figures[FLOOR_NAME]["median_ms"]
    print(
        f"the program / the bare window: {source / baseline:.1f}x; the floor / the bare window: "
        f"{floor / baseline:.1f}x; the program / the floor: {source / floor:.1f}x"
    )
    targets = [ratio_below("the program from source / a bare window", source / baseline, 10)]
    if "the frozen program" in figures:
        frozen_ms = figures["the frozen program"]["median_ms"]
        targets.append(ratio_below("the frozen program / the program from source", frozen_ms / source, 1.5))
    targets.append(holds("every program showed its window", True, "yes", "yes"))
    return finish("startup", targets, figures, args)


if __name__ == "__main__":
    sys.exit(main())

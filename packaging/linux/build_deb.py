"""Build the .deb from the frozen folder (issue 18 item 4; docs/it-guide.md section 1).

    python packaging/linux/build_deb.py dist/koordinator-VERSION OUT_FOLDER

The folder goes to /opt/koordinator, the two programs are linked from /usr/bin, a desktop
entry and the icon make it appear in the desktop's menu; the package depends on the X11
libraries Qt needs (app/qt_libraries.py). Prints the .deb's path.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from app.qt_libraries import XCB_LIBRARIES  # noqa: E402

DESKTOP = """[Desktop Entry]
Type=Application
Name=Koordinator
GenericName=Fælles plan for familien
Comment=Én fælles plan for familien på tværs af sektorer
Exec=/usr/bin/koordinator
Icon=koordinator
Terminal=false
Categories=Office;
"""


def control(version: str, architecture: str, installed_kib: int) -> str:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    depends = ", ".join(sorted(set(XCB_LIBRARIES.values())))
    return (
        f"Package: koordinator\nVersion: {version}\nArchitecture: {architecture}\n"
        f"Maintainer: Koordinator <it@kommune.example>\nInstalled-Size: {installed_kib}\n"
        f"Depends: {depends}\nSection: misc\nPriority: optional\n"
        f"Description: {project['description']}\n"
        " The coordinating caseworker's program: the family's common plan, the network's\n"
        " meetings and the printed plan for the family. See /opt/koordinator and the IT guide.\n"
    )


def build(folder: Path, out: Path) -> Path:
    version = folder.name.removeprefix("koordinator-")
    architecture = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    stage = out / f"koordinator_{version}_{architecture}"
    if stage.exists():
        shutil.rmtree(stage)
    shutil.copytree(folder, stage / "opt" / "koordinator", symlinks=True)
    bin_dir = stage / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    for program in ("koordinator", "koordinator-admin"):
        (bin_dir / program).symlink_to(f"/opt/koordinator/{program}")
    applications = stage / "usr" / "share" / "applications"
    applications.mkdir(parents=True)
    (applications / "koordinator.desktop").write_text(DESKTOP, encoding="utf-8")
    icons = stage / "usr" / "share" / "icons" / "hicolor" / "scalable" / "apps"
    icons.mkdir(parents=True)
    shutil.copy(ROOT / "resources" / "koordinator.svg", icons / "koordinator.svg")
    size = sum(p.stat().st_size for p in stage.rglob("*") if p.is_file() and not p.is_symlink())
    debian = stage / "DEBIAN"
    debian.mkdir()
    (debian / "control").write_text(control(version, architecture, size // 1024), encoding="utf-8")
    deb = out / f"{stage.name}.deb"
    subprocess.run(
        ["dpkg-deb", "--build", "--root-owner-group", "-Zxz", "-z1", str(stage), str(deb)],
        check=True,
        capture_output=True,
    )
    shutil.rmtree(stage)
    return deb


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    print(build(Path(argv[1]).resolve(), Path(argv[2]).resolve()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

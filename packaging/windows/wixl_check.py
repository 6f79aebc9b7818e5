"""The MSI's definition checked and built here, so it cannot rot (issue 18 item 4).

    python packaging/windows/wixl_check.py dist/koordinator-VERSION OUT.msi

The WiX v4 sources (koordinator.wxs and the file list files.py makes from the frozen folder)
are parsed as XML, then turned into the WiX v3 form that wixl (Debian's msitools) reads —
the same elements, v4's ``Package`` split into v3's ``Product`` and ``Package``,
``StandardDirectory`` into a ``Directory`` under ``TARGETDIR`` — and built into an MSI,
whose tables are then read back with msiinfo: the product's name, version and upgrade code,
a file row for every file of the folder, the Start-menu shortcut. Exits 0 when all holds.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from files import fragment  # noqa: E402

V4 = "http://wixtoolset.org/schemas/v4/wxs"
V3 = "http://schemas.microsoft.com/wix/2006/wi"


def to_v3(source: str) -> ET.Element:
    """A v4 document as wixl's v3: the namespace, Package → Product + Package, the standard
    directories under TARGETDIR, SummaryInformation folded into the Package."""
    root = ET.fromstring(source)
    for element in root.iter():
        if element.tag.startswith(f"{{{V4}}}"):
            element.tag = f"{{{V3}}}" + element.tag.split("}", 1)[1]
    package = root.find(f"{{{V3}}}Package")
    if package is None:
        return root
    package.tag = f"{{{V3}}}Product"
    summary = package.find(f"{{{V3}}}SummaryInformation")
    v3_package = ET.Element(
        f"{{{V3}}}Package",
        {
            "InstallerVersion": "500",
            "Compressed": package.attrib.pop("Compressed", "yes"),
            "InstallScope": package.attrib.pop("Scope", "perMachine"),
            "Description": summary.get("Description", "") if summary is not None else "",
            "Manufacturer": package.get("Manufacturer", ""),
        },
    )
    if summary is not None:
        package.remove(summary)
    package.set("Id", "*")
    package.insert(0, v3_package)
    media = package.find(f"{{{V3}}}MediaTemplate")
    if media is not None:  # wixl knows v3's Media
        index = list(package).index(media)
        package.remove(media)
        package.insert(
            index, ET.Element(f"{{{V3}}}Media", {"Id": "1", "Cabinet": "files.cab", "EmbedCab": "yes"})
        )
    target = ET.SubElement(package, f"{{{V3}}}Directory", {"Id": "TARGETDIR", "Name": "SourceDir"})
    for standard in package.findall(f"{{{V3}}}StandardDirectory"):
        package.remove(standard)
        standard.tag = f"{{{V3}}}Directory"
        target.append(standard)
    return root


def table(msi: Path, name: str) -> list[list[str]]:
    done = subprocess.run(["msiinfo", "export", str(msi), name], capture_output=True, text=True, check=True)
    return [line.split("\t") for line in done.stdout.splitlines()[3:]]


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    folder, msi = Path(argv[1]).resolve(), Path(argv[2]).resolve()
    version = folder.name.removeprefix("koordinator-")
    ET.register_namespace("", V3)
    failures: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        sources = []
        for name, text in (
            ("koordinator.wxs", (HERE / "koordinator.wxs").read_text(encoding="utf-8")),
            ("files.wxs", fragment(folder)),
        ):
            converted = Path(scratch) / name
            ET.ElementTree(to_v3(text)).write(converted, encoding="utf-8", xml_declaration=True)
            sources.append(str(converted))
        # wixl takes a file's source relative to the .wxs's folder: the folder and the icon
        # are linked in beside them.
        (Path(scratch) / "SourceDir").symlink_to(folder, target_is_directory=True)
        (Path(scratch) / "koordinator.ico").symlink_to(HERE.parent / "koordinator.ico")
        built = subprocess.run(
            [
                "wixl", "-a", "x64",
                "-D", f"Version={version}",
                "-D", "SourceDir=SourceDir",
                "-D", "IconFile=koordinator.ico",
                "-o", str(msi), *sources,
            ],
            capture_output=True, text=True, cwd=scratch,
        )  # fmt: skip
        if built.returncode != 0:
            print(f"FAILED: wixl: {built.stderr.strip()[-1500:]}")
            return 1
    properties = {row[0]: row[1] for row in table(msi, "Property") if len(row) > 1}
    for key, expected in (("ProductName", "Koordinator"), ("ProductVersion", version)):
        if properties.get(key) != expected:
            failures.append(f"{key} is {properties.get(key)!r}, not {expected!r}")
    if properties.get("UpgradeCode", "").strip("{}").lower() != "ff63b002-cf65-44f6-8738-e87195d0c327":
        failures.append(f"UpgradeCode is {properties.get('UpgradeCode')!r}")
    files = [p for p in folder.rglob("*") if p.is_file() and not (p.is_symlink() and p.resolve().is_dir())]
    rows = table(msi, "File")
    if len(rows) != len(files):
        failures.append(f"{len(rows)} files in the MSI, {len(files)} in the folder")
    shortcuts = table(msi, "Shortcut")
    if not any(row[0] == "KoordinatorShortcut" for row in shortcuts):
        failures.append("no Start-menu shortcut")
    for failure in failures:
        print(f"FAILED: {failure}")
    size = msi.stat().st_size / 2**20
    print(
        f"the MSI ({size:.0f} MiB, {len(rows)} files): "
        + ("OK" if not failures else f"{len(failures)} failed")
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

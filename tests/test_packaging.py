"""The installers' definitions stay in step with the program (issue 18): the Group Policy
template writes the settings the program reads, the MSI's WiX source is well-formed and turns
into what wixl builds, the file list covers a folder, Qt's unused parts stay out. The builds
themselves (PyInstaller, the .deb, wixl) run in .ci/run: make package deb msi."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app.machine_settings import KEYS, LANGUAGES, LOG_LEVELS, POLICY_KEY, SSLMODES, _valid

ROOT = Path(__file__).resolve().parents[1]
WINDOWS = ROOT / "packaging" / "windows"
sys.path.insert(0, str(WINDOWS))
sys.path.insert(0, str(ROOT / "packaging"))
sys.path.insert(0, str(ROOT / "packaging" / "linux"))

import build_deb  # noqa: E402
import files  # noqa: E402
import lean  # noqa: E402
import wixl_check  # noqa: E402

GP = "{http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions}"


def test_the_policy_template_writes_what_the_program_reads() -> None:
    admx = ET.parse(WINDOWS / "policy" / "koordinator.admx").getroot()
    policies = admx.findall(f".//{GP}policy")
    assert {p.get("key") for p in policies} == {POLICY_KEY}
    names = {e.get("valueName") for p in policies for e in p.find(f"{GP}elements")}  # type: ignore[union-attr]
    assert names == set(KEYS)
    for enum in admx.iter(f"{GP}enum"):
        key = enum.get("valueName")
        values = [s.text for s in enum.iter(f"{GP}string")]
        assert values and all(_valid(key, v or "") == v for v in values), (key, values)  # type: ignore[arg-type]
        assert set(values) == set({"sslmode": SSLMODES, "language": LANGUAGES, "log_level": LOG_LEVELS}[key])  # type: ignore[index]
    referenced = set(
        re.findall(r"\$\(string\.(\w+)\)", (WINDOWS / "policy" / "koordinator.admx").read_text())
    )
    presentations = set(
        re.findall(r"\$\(presentation\.(\w+)\)", (WINDOWS / "policy" / "koordinator.admx").read_text())
    )
    for language in ("en-US", "da-DK"):
        adml = ET.parse(WINDOWS / "policy" / language / "koordinator.adml").getroot()
        assert {s.get("id") for s in adml.iter(f"{GP}string")} == referenced, language
        assert {p.get("id") for p in adml.iter(f"{GP}presentation")} == presentations, language


def test_the_msi_source_is_wix_v4_and_turns_into_what_wixl_reads() -> None:
    source = (WINDOWS / "koordinator.wxs").read_text(encoding="utf-8")
    root = ET.fromstring(source)
    assert root.tag == f"{{{wixl_check.V4}}}Wix"
    v3 = wixl_check.to_v3(source)
    product = v3.find(f"{{{wixl_check.V3}}}Product")
    assert product is not None and product.get("Id") == "*" and product.get("Version") == "$(var.Version)"
    package = product.find(f"{{{wixl_check.V3}}}Package")
    assert package is not None and package.get("InstallScope") == "perMachine"
    target = product.find(f"{{{wixl_check.V3}}}Directory")
    assert target is not None and target.get("Id") == "TARGETDIR"
    assert {d.get("Id") for d in target} == {"ProgramFiles64Folder", "ProgramMenuFolder"}
    assert not [e for e in v3.iter() if wixl_check.V4 in e.tag]


def test_the_file_list_has_every_file_once_and_the_window_program(tmp_path: Path) -> None:
    folder = tmp_path / "koordinator-9.9.9"
    for relative in (
        "koordinator.exe",
        "koordinator-admin.exe",
        "_internal/a.dll",
        "_internal/PySide6/Qt/b.dll",
    ):
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_bytes(b"x")
    root = ET.fromstring(files.fragment(folder))
    found = root.findall(f".//{{{wixl_check.V4}}}File")
    assert len(found) == 4
    ids = [f.get("Id") for f in found] + [d.get("Id") for d in root.iter(f"{{{wixl_check.V4}}}Directory")]
    assert len(ids) == len(set(ids)) and "KoordinatorExe" in ids
    refs = root.findall(f".//{{{wixl_check.V4}}}ComponentRef")
    assert len(refs) == 4
    assert files.fragment(folder) == files.fragment(folder)  # the same ids from build to build


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("PySide6/Qt/lib/libQt6Qml.so.6", False),
        ("PySide6/Qt/lib/libQt6QuickWidgets.so.6", False),
        ("PySide6/Qt/lib/libQt6VirtualKeyboard.so.6", False),
        ("PySide6/Qt/lib/libQt6WaylandClient.so.6", False),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6\\Qt6Qml.dll", False),
        ("PySide6/Qt/translations/qt_ar.qm", False),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/translations/qtbase_da.qm", True),
        ("PySide6/Qt/translations/qt_en.qm", True),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so", True),
        ("resources/fonts/NotoSans-Regular.ttf", True),
    ],
)
def test_qts_unused_parts_stay_out_and_what_the_program_uses_stays_in(name: str, kept: bool) -> None:
    assert lean.keep(name) is kept


def test_the_deb_depends_on_every_library_qt_needs() -> None:
    from app.qt_libraries import XCB_LIBRARIES

    text = build_deb.control("1.2.3", "amd64", 1000)
    depends = next(line for line in text.splitlines() if line.startswith("Depends: "))
    assert set(depends.removeprefix("Depends: ").split(", ")) == set(XCB_LIBRARIES.values())
    assert "Version: 1.2.3" in text and "Architecture: amd64" in text


@pytest.mark.skipif(
    shutil.which("wixl") is None, reason="wixl (Debian's msitools) is not installed; CI installs it"
)
def test_wixl_builds_the_msi_of_a_small_folder(tmp_path: Path) -> None:
    folder = tmp_path / "koordinator-9.9.9"
    for relative in ("koordinator", "koordinator-admin", "_internal/lib/a.so"):
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_bytes(b"x" * 100)
    msi = tmp_path / "k.msi"
    done = subprocess.run(
        [sys.executable, str(WINDOWS / "wixl_check.py"), str(folder), str(msi)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "3 files" in done.stdout and msi.stat().st_size > 0

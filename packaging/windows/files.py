"""The MSI's file list (WiX v4 ``files.wxs``) from a frozen folder (docs/it-guide.md section 7).

    python packaging/windows/files.py dist/koordinator-VERSION > packaging/windows/files.wxs

Every file of the folder, in its folders under INSTALLFOLDER, one component each (its GUID
made by WiX from the path); the window's program has the id KoordinatorExe, which the
Start-menu shortcut points at. Ids are made from the path, so they stay the same from build
to build.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from xml.sax.saxutils import quoteattr

NAMESPACE = "http://wixtoolset.org/schemas/v4/wxs"
MAIN_PROGRAMS = {"koordinator.exe", "koordinator"}


def _id(kind: str, relative: str) -> str:
    return f"{kind}_{hashlib.sha1(relative.encode('utf-8')).hexdigest()[:24]}"


def fragment(folder: Path, source_var: str = "$(var.SourceDir)") -> str:
    lines = ['<?xml version="1.0" encoding="utf-8"?>', f'<Wix xmlns="{NAMESPACE}">', "  <Fragment>"]
    components: list[str] = []

    def walk(directory: Path, depth: int) -> None:
        pad = "  " * depth
        for path in sorted(directory.iterdir(), key=lambda p: (p.is_dir(), p.name.lower())):
            relative = path.relative_to(folder).as_posix()
            if path.is_symlink() and path.is_dir():
                continue  # a link to another folder of the bundle: its files are there
            if path.is_dir():
                lines.append(
                    f"{pad}<Directory Id={quoteattr(_id('d', relative))} Name={quoteattr(path.name)}>"
                )
                walk(path, depth + 1)
                lines.append(f"{pad}</Directory>")
                continue
            component = _id("c", relative)
            file_id = "KoordinatorExe" if relative in MAIN_PROGRAMS else _id("f", relative)
            source = f"{source_var}/{relative}"
            lines.append(f'{pad}<Component Id="{component}" Guid="*">')
            lines.append(f'{pad}  <File Id="{file_id}" Source={quoteattr(source)} KeyPath="yes" />')
            lines.append(f"{pad}</Component>")
            components.append(component)

    lines.append('    <DirectoryRef Id="INSTALLFOLDER">')
    walk(folder, 3)
    lines.append("    </DirectoryRef>")
    lines.append('    <ComponentGroup Id="ProgramFiles">')
    lines += [f'      <ComponentRef Id="{c}" />' for c in components]
    lines += ["    </ComponentGroup>", "  </Fragment>", "</Wix>", ""]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    sys.stdout.write(fragment(Path(argv[1]).resolve()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

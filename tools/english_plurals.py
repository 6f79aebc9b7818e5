"""Fill the English plural forms: ``python -m tools.english_plurals resources/i18n/koordinator_en.ts``.

Source strings are English with "(s)" for the plural ("%n case(s)"). The English .ts holds
only these plural entries (``lupdate -pluralonly``); this writes "%n case" / "%n cases".
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

_PLURAL = re.compile(r"\(s\)")


def plural_forms(source: str) -> tuple[str, str]:
    return _PLURAL.sub("", source), _PLURAL.sub("s", source)


def fill(path: Path) -> int:
    """Translate every unfinished plural entry; returns how many were filled."""
    text = path.read_text(encoding="utf-8")
    tree = ET.ElementTree(ET.fromstring(text))
    filled = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or message.get("numerus") != "yes":
            continue
        if translation.get("type") != "unfinished":
            continue
        for child in list(translation):
            translation.remove(child)
        translation.text = None
        for form in plural_forms(message.findtext("source", "")):
            ET.SubElement(translation, "numerusform").text = form
        del translation.attrib["type"]
        filled += 1
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return filled


def main(argv: list[str]) -> int:
    for name in argv[1:]:
        print(f"{name}: {fill(Path(name))} plural entries filled")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

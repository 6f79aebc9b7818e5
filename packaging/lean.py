"""What the frozen folder leaves out of Qt (issue 18): parts the program never uses.

Used by koordinator.spec (what goes in) and by smoke_test.py (that none of it came back).
A name is checked by its path inside the folder, with forward slashes.
"""

from __future__ import annotations

import re

# Qt libraries and plugins for QML/Quick, the virtual keyboard, Wayland, embedded platforms
# (EGLFS, framebuffer, VNC, Vulkan display), input devices of kiosks (evdev, tuio), TLS and
# network information (the program talks to PostgreSQL through psycopg, not Qt).
LEFT_OUT = re.compile(
    r"(libQt6(Qml|Quick|VirtualKeyboard|Wayland|WlShell|EglFs|EglFS)[^/]*$)"
    r"|(Qt6(Qml|Quick|VirtualKeyboard)[^/]*\.dll$)"
    r"|(/plugins/(wayland-[^/]+|egldeviceintegrations|networkinformation|tls|generic|qmltooling)/)"
    r"|(/plugins/platforms/[^/]*(eglfs|linuxfb|minimalegl|vkkhrdisplay|vnc|wayland)[^/]*$)"
    r"|(/plugins/platforminputcontexts/[^/]*virtualkeyboard[^/]*$)"
    r"|(/qml/)"
)
# Qt's own translations: only the program's languages.
TRANSLATION = re.compile(
    r"/translations/(qt|qtbase|qt_help|qtconnectivity|qtdeclarative|qtlocation|qtmultimedia|qtserialport|qtwebengine|qtwebsockets|designer|linguist|assistant)_([a-zA-Z_]+)\.qm$"
)
LANGUAGES = {"da", "en"}


def keep(name: str) -> bool:
    """Whether a file (its destination path in the folder) goes into the frozen folder."""
    path = "/" + name.replace("\\", "/")
    if LEFT_OUT.search(path):
        return False
    translation = TRANSLATION.search(path)
    if translation is not None:
        return translation.group(1) in {"qt", "qtbase"} and translation.group(2) in LANGUAGES
    return True

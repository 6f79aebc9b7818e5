"""List every reference to an old module path (dotted or slashed) left in the repository."""
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from move import MODULES  # noqa: E402

repo = Path(sys.argv[1]).resolve()
files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=repo, capture_output=True, text=True, check=True).stdout.split("\0")
# old module names that are new package names too: app.services.cases, app.cli, ...
PACKAGES = {new.rsplit(".", 1)[0] for new in MODULES.values()}
CHILDREN = {pkg: {new.rsplit(".", 1)[1] for new in MODULES.values() if new.rsplit(".", 1)[0] == pkg} for pkg in PACKAGES}
ALLOWED = {  # not module paths, or the package on purpose
    'log = logging.getLogger("app.cli")',
    'koordinator = "app.cli:main"',
}


def fine(old: str, line: str, start: int) -> bool:
    if line.strip() in ALLOWED:
        return True
    if old not in PACKAGES:
        return False
    rest = line[start + len(old):]
    sep = rest[:1]
    if sep in (".", "/"):
        child = re.match(r"\w+", rest[1:])
        return bool(child and child.group(0) in CHILDREN[old])
    m = re.match(r"^\s*from \S+ import ([\w, ]+?)\s*(#.*)?$", line)
    if m and line.strip().startswith(f"from {old} import"):
        return all(n.split(" as ")[0].strip() in CHILDREN[old] for n in m.group(1).split(","))
    return False


bad = 0
for old, new in MODULES.items():
    dotted = re.compile(rf"(?<![\w.]){re.escape(old)}(?![\w])")
    slashed = re.compile(rf"(?<![\w./]){re.escape(old.replace('.', '/'))}(?![\w/])")
    for rel in files:
        if not rel or rel.endswith((".png", ".qm", ".sqlite")):
            continue
        try:
            text = (repo / rel).read_text(encoding="utf-8")
        except (UnicodeDecodeError, FileNotFoundError, IsADirectoryError):
            continue
        for n, line in enumerate(text.splitlines(), 1):
            for rx in (dotted, slashed):
                for m in rx.finditer(line):
                    # the new name may start with the old one (app.services.cases -> app.services.cases.cases)
                    if fine(old, line, m.start()):
                        continue
                    print(f"{rel}:{n}: {old}: {line.strip()}")
                    bad += 1
print("old references:", bad)

# Koordinator — the two commands on a fresh machine:
#   make run    set up .venv, install, and start the program on a local SQLite store with demo data
#   make test   set up .venv, install, and run every test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
TS := $(wildcard resources/i18n/*.ts)
QM := $(TS:.ts=.qm)
DEMO_DB ?= var/koordinator-demo.sqlite

.PHONY: run test typecheck lint translations update-translations screenshots benchmark package deb msi clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e ".[test,encryption]"
	touch $(STAMP)

resources/i18n/%.qm: resources/i18n/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

run: $(STAMP) translations
	$(PY) -m app.qt_libraries
	mkdir -p var
	$(BIN)/koordinator demo --db $(DEMO_DB) --if-empty
	$(BIN)/koordinator --db $(DEMO_DB)

# The suite runs on every core (pytest-xdist); TEST_WORKERS=0 runs it in one process.
TEST_WORKERS ?= auto
test: $(STAMP) translations typecheck
	$(PY) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

# Types: strict on models, store, services and pdf; the UI's function bodies checked too
# (configuration in pyproject.toml).
typecheck: $(STAMP)
	$(BIN)/mypy

lint: $(STAMP)
	$(BIN)/ruff check app tests benchmarks tools
	$(BIN)/ruff format --check app tests benchmarks tools

# Re-extract strings from the code into the .ts files (then translate the new ones).
update-translations: $(STAMP)
	$(BIN)/pyside6-lupdate $$(find app/ui -name '*.py' | sort) -ts resources/i18n/koordinator_da.ts
	$(BIN)/pyside6-lupdate -pluralonly $$(find app/ui -name '*.py' | sort) -ts resources/i18n/koordinator_en.ts
	$(PY) -m tools.english_plurals resources/i18n/koordinator_en.ts

# Every screen at 1366x768 (Danish and English) and 1920x1080 (Danish). With --audit the tool
# also checks each (tools/screen_audit.py; tests/ui/test_screen_audit.py runs that).
screenshots: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(PY) -m tools.screenshots docs/screenshots --size 1366x768 --languages da,en
	QT_QPA_PLATFORM=offscreen $(PY) -m tools.screenshots docs/screenshots --size 1920x1080 --languages da

# Every benchmark runs; the target fails at the end when one missed a target (exit code 3) or crashed.
# The server's audit writer is measured on the PostgreSQL server BENCH_SERVER (a superuser's URL).
BENCH_SERVER ?= postgresql+psycopg://postgres@127.0.0.1:5432/postgres
benchmark: $(STAMP) translations
	status=0; \
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/case_list.py || status=1; \
	$(PY) benchmarks/demo_generator.py || status=1; \
	$(PY) benchmarks/case_list_sql.py --keep || status=1; \
	$(PY) benchmarks/audit_log.py --keep || status=1; \
	$(PY) benchmarks/audit_server.py --server $(BENCH_SERVER) || status=1; \
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/family_page.py || status=1; \
	$(PY) benchmarks/plan_pdf.py || status=1; \
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/plan_editor.py || status=1; \
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/my_day.py --keep || status=1; \
	$(PY) benchmarks/search_everything.py || status=1; \
	$(PY) benchmarks/startup.py || status=1; \
	exit $$status

# An installable folder in dist/ (PyInstaller), then a smoke test of the frozen program.
# The smoke test runs the frozen program as IT would (packaging/smoke_test.py).
VERSION = $$($(PY) -c "import app; print(app.__version__)")
package: $(STAMP) translations
	$(PY) -m pip install --quiet "pyinstaller>=6.10,<7"
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build packaging/koordinator.spec
	$(PY) packaging/smoke_test.py dist/koordinator-$(VERSION)

# The .deb from the frozen folder (make package first), installed, smoke-tested and removed
# (root: dpkg).
# The MSI's definition (packaging/windows) built with wixl against the frozen folder, so it
# cannot rot (the real MSI is built with WiX on Windows: docs/it-guide.md section 7).
msi: $(STAMP)
	command -v wixl >/dev/null || { echo "make msi needs wixl: apt-get install wixl msitools"; exit 1; }
	$(PY) packaging/windows/wixl_check.py dist/koordinator-$(VERSION) dist/Koordinator-$(VERSION)-check.msi

deb: $(STAMP)
	$(PY) packaging/linux/build_deb.py dist/koordinator-$(VERSION) dist
	$(PY) packaging/linux/test_deb.py dist/koordinator_$(VERSION)_$$(dpkg --print-architecture).deb

clean:
	rm -rf $(VENV) var $(QM) .pytest_cache .ruff_cache .mypy_cache

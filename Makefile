# Quick start: `make run` and `make test`. Both create .venv when needed and install the
# project with its development tools; nothing else needs to be on the machine but python3.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.geinstalleerd

POORT ?= 8000

.PHONY: run rondleiding test test-snel lint typecheck pytest chromium spectral axe fuzz bench schermafbeeldingen beelden installeer clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

# The main job: the secretariat's workplace in the browser, on the example register. It prints
# its address (http://127.0.0.1:$(POORT)/) and runs until Ctrl+C. Another port: make run POORT=8080.
run: $(STAMP)
	$(BIN)/convenant web examples --poort $(POORT)

# The command-line tour: check the bundled convenant and its fact files, judge every besluit of
# the example meetings, show an escalation path and the parties. The examples contain besluiten
# that are deliberately not valid, so `toets` exits 1 there; only 2 (unreadable) fails the run.
rondleiding: $(STAMP)
	$(BIN)/convenant valideer --register examples --geen-bevindingen
	$(BIN)/convenant toets examples || test $$? -eq 1
	$(BIN)/convenant maak agenda examples/documenten/stuurgroep-2027-05-12.yaml
	$(BIN)/convenant escaleer --geschil casusregisseur
	$(BIN)/convenant casus toets examples/casus/zvhd-2027-0042.yaml
	$(BIN)/convenant jaaroverzicht examples --jaar 2027 || test $$? -eq 1
	$(BIN)/convenant simuleer uittreding --register examples --partij meppel --opzegging 2027-01-31
	$(BIN)/convenant simuleer liquidatie --begroting examples/documenten/liquidatiebegroting-voorbeeld.yaml
	$(BIN)/convenant partijen --op 2027-02-10

test: lint typecheck pytest

# While working: everything but the slow tests (browser, server processes, PDF layouts, wheel).
# `pytest -k 22.4` runs every scenario of article 22.4.
test-snel: lint typecheck $(STAMP) spectral
	$(BIN)/pytest -n auto -m "not traag"

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP) chromium spectral axe
	$(BIN)/pytest -n auto

# The browser tests drive Debian's Chromium through Playwright (Playwright's own browser
# download is not reachable). Installed here when missing and we may (root with apt-get);
# otherwise the tests skip themselves and say how to enable them. CI (CI=true) fails instead.
chromium:
	@if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Chromium ontbreekt; installeren voor de browsertests (apt-get install chromium)"; \
		(apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || \
			echo "Chromium installeren mislukte; de browsertests worden overgeslagen."; \
	else \
		echo "Chromium ontbreekt: de browsertests worden overgeslagen. Zet ze aan met 'sudo apt-get install chromium' en draai 'make test' opnieuw."; \
	fi

# The linter of the NL GOV API Design Rules is a ruleset (tests/web/api-design-rules/) for Spectral,
# an npm package: installed into tools/spectral/ from its package-lock.json, without running any
# package's install scripts. Without npm the API test skips itself and says how to enable it;
# CI (CI=true) fails instead.
SPECTRAL := tools/spectral/node_modules/.bin/spectral

spectral: $(SPECTRAL)

$(SPECTRAL): tools/spectral/package.json tools/spectral/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --prefix tools/spectral --ignore-scripts --no-audit --no-fund --loglevel=error \
			&& touch $@ || echo "Spectral installeren mislukte; de toets van de API-ontwerpregels wordt overgeslagen."; \
	else \
		echo "npm ontbreekt: de toets van de API-ontwerpregels wordt overgeslagen. Zet hem aan met 'sudo apt-get install npm' en draai 'make test' opnieuw."; \
	fi

# axe-core, the accessibility engine the browser tests run on every page state they visit
# (WCAG 2.1 A and AA), installed into tools/axe/ from its package-lock.json like Spectral. It
# is not optional: without npm or the registry the failure is said here, the browser tests
# warn that nothing was checked, and under CI (CI=true) both fail.
AXE := tools/axe/node_modules/axe-core/axe.min.js

axe: $(AXE)

$(AXE): tools/axe/package.json tools/axe/package-lock.json
	@if command -v npm >/dev/null 2>&1 && npm ci --prefix tools/axe --ignore-scripts --no-audit \
			--no-fund --loglevel=error; then \
		touch $@; \
	else \
		echo "FOUT: axe-core kon niet worden geïnstalleerd (npm ontbreekt of het npm-register is niet bereikbaar): de browsertests toetsen de toegankelijkheid NIET. Installeer npm ('sudo apt-get install npm') en draai 'make axe'." >&2; \
		if [ "$$CI" = true ]; then exit 1; fi; \
	fi

# Mutated example inputs against the promise (exit 0/1/2, a place in every exit-2 message, no
# control characters, bounded memory and time); `make test` runs a few dozen of them.
# CONVENANT_FUZZ=N sets the number of inputs; failing ones are kept in .fuzz-fouten/.
fuzz: $(STAMP)
	CONVENANT_FUZZ=$${CONVENANT_FUZZ:-3000} $(BIN)/pytest tests/grenzen/test_fuzz.py -p no:cacheprovider \
		--hypothesis-show-statistics -q

# The screenshots of the handleiding's chapter "Een jaar van het secretariaat", made by the
# browser test that plays that year (tests/web/test_browser_jaar.py) into docs/afbeeldingen/.
# Dutch date fields in the screenshots need Chromium's Dutch language pack (Debian:
# chromium-l10n); installed here when missing and we may, else the dates show US notation.
schermafbeeldingen: $(STAMP) chromium axe
	@if [ -d /usr/lib/chromium/locales ] && [ ! -f /usr/lib/chromium/locales/nl.pak ] \
	  && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  apt-get install -y -q chromium-l10n >/dev/null || echo "chromium-l10n niet geinstalleerd: datums in Amerikaanse notatie"; fi
	CONVENANT_SCHERMAFBEELDINGEN=$(CURDIR)/docs/afbeeldingen $(BIN)/pytest tests/web/test_browser_jaar.py -q -p no:cacheprovider

# Every document made from a register with real data, in PDF and Word, each page an image, PDF
# beside Word in build/beelden/index.html: to look at before a change in the documents goes out.
# Word files are laid out by LibreOffice (Debian: libreoffice-writer-nogui) when it is there.
beelden: $(STAMP)
	$(BIN)/python tools/beelden.py

bench: $(STAMP)
	$(BIN)/python bench/doelen.py
	$(BIN)/python bench/run.py
	$(BIN)/python bench/werkplek.py
	$(BIN)/python bench/procedures.py

# `convenant` on the PATH, so the handleiding's commands work as written in every new terminal:
# a link in ~/.local/bin (on the PATH of most Linux and macOS shells) to the command in .venv.
# The link follows the checkout: a later `make run` or `git pull` needs no new link.
BINMAP ?= $(HOME)/.local/bin

installeer: $(STAMP)
	mkdir -p "$(BINMAP)"
	ln -sfn "$(CURDIR)/$(BIN)/convenant" "$(BINMAP)/convenant"
	@echo "convenant staat nu in $(BINMAP)/convenant."
	@case ":$$PATH:" in *":$(BINMAP):"*) ;; *) echo "Let op: $(BINMAP) staat niet op uw PATH. Zet 'export PATH=\"$(BINMAP):\$$PATH\"' in ~/.profile en open een nieuw terminalvenster, of gebruik 'source .venv/bin/activate'." ;; esac

clean:
	rm -rf $(VENV) build/beelden tools/spectral/node_modules tools/axe/node_modules .pytest_cache .mypy_cache .ruff_cache .hypothesis .fuzz-fouten *.egg-info

# Two entry points do all the set-up on a fresh Debian machine: `make demo` and `make test`.
# Every step that a clean machine needs is here (CI's green run must not hide one).

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(VENV)/bin/pip
STAMP  := $(VENV)/.installed
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Debian packages: the Belarusian engine and the Apertium tools that compile its data overlay
# (lttoolbox-dev: lt-comp/lt-append; apertium-lex-tools-dev: lrx-comp; cg3: cg-comp), and
# LibreOffice to prove the DOCX outputs open; hunspell-be is the Belarusian dictionary of the
# `spelling` QA check, libhunspell-dev and a C compiler (with python3-dev headers) build its
# Python binding (the `hunspell` package has no wheel).
APT_PACKAGES := apertium-bel-rus lttoolbox-dev apertium-lex-tools-dev cg3 libreoffice-writer-nogui poppler-utils \
                hunspell-be libhunspell-dev gcc python3-dev
# Only for `make screenshots` (docs/screenshots.sh), not for the tests.
DOCS_APT_PACKAGES := chromium
OUT    ?= out/demo

LOCALE := src/translator_flow/writers/locale

.PHONY: setup apt venv demo test lint bench clean help catalogs messages screenshots

help:
	@echo "make demo   - set up, then translate the shipped samples into $(OUT)"
	@echo "make test   - set up, then run the test suite"
	@echo "make lint   - ruff and mypy over the code"
	@echo "make bench  - set up, then run benchmarks/ (speed, quality, glossary matching, writers, English at real size)"
	@echo "make catalogs - compile the review interface catalogs (.po -> .mo, Babel)"
	@echo "make messages - re-extract the interface messages and update every .po"
	@echo "make screenshots - regenerate docs/screenshots/ (review DOCX/HTML, be and ru UI)"

setup: apt venv

apt:
	@missing=""; \
	for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; done; \
	$(PYTHON) -c "import venv, ensurepip" 2>/dev/null || missing="$$missing python3-venv"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -q && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	fi

$(PY):
	$(PYTHON) -m venv $(VENV)

# torch (pulled by argostranslate -> stanza) is pinned to the CPU build that lies on disk,
# installed first and only when missing, so nothing ever pulls a multi-GB CUDA build.
$(STAMP): pyproject.toml | $(PY)
	$(PIP) install -q --upgrade pip
	$(PY) -c "import torch" 2>/dev/null || $(PIP) install -q torch==2.13.0
	$(PIP) install -q -e ".[en,test]" "torch==2.13.0"
	touch $(STAMP)

venv: $(STAMP)

# The review interface in be/ru: gettext catalogs (docs/output-format.md, "Interface language").
# The .mo files are committed; compiling again keeps them in step with an edited .po.
catalogs: venv
	$(VENV)/bin/pybabel compile -d $(LOCALE) -D translator_flow --statistics

messages: venv
	$(VENV)/bin/pybabel extract -F babel.cfg -k N_ -k msg -k ngettext:1,2 -k nmsg:1,2 --no-location --sort-output \
	  --project translator-flow --copyright-holder "translator-flow contributors" \
	  --msgid-bugs-address "the project issue tracker" -o $(LOCALE)/translator_flow.pot .
	$(VENV)/bin/pybabel update -i $(LOCALE)/translator_flow.pot -d $(LOCALE) -D translator_flow \
	  --no-fuzzy-matching --ignore-obsolete --width 100

screenshots: setup catalogs
	@$(MAKE) --no-print-directory apt APT_PACKAGES="$(DOCS_APT_PACKAGES)"
	PY=$(PY) sh docs/screenshots.sh

demo: setup catalogs
	$(PY) -m translator_flow demo --out $(OUT)

lint: setup
	$(VENV)/bin/ruff check src tests benchmarks samples
	$(VENV)/bin/mypy

test: setup catalogs
	$(PY) -m pytest -q

bench: setup
	$(PY) benchmarks/speed.py
	$(PY) benchmarks/quality.py
	$(PY) benchmarks/glossary_matching.py
	$(PY) benchmarks/writers.py
	$(PY) benchmarks/apertium_engine.py
	$(PY) benchmarks/qa_checks.py
	$(PY) benchmarks/review_signal.py
	$(PY) benchmarks/english.py
	$(PIP) install -q -e ".[bench]"
	$(PY) benchmarks/html_content.py

clean:
	rm -rf out .pytest_cache

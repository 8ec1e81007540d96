# Two entry points do all the set-up on a fresh Debian machine: `make demo` and `make test`.
# Every step that a clean machine needs is here (CI's green run must not hide one).

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(VENV)/bin/pip
STAMP  := $(VENV)/.installed
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Debian packages: the Belarusian engine, and LibreOffice to prove the DOCX outputs open.
APT_PACKAGES := apertium-bel-rus libreoffice-writer-nogui poppler-utils
OUT    ?= out/demo

.PHONY: setup apt venv demo test lint bench clean help

help:
	@echo "make demo   - set up, then translate the shipped samples into $(OUT)"
	@echo "make test   - set up, then run the test suite"
	@echo "make lint   - ruff and mypy over the code"
	@echo "make bench  - set up, then run benchmarks/ (speed, quality, glossary matching, writers, English at real size)"

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

demo: setup
	$(PY) -m translator_flow demo --out $(OUT)

lint: setup
	$(VENV)/bin/ruff check src tests benchmarks samples
	$(VENV)/bin/mypy

test: setup
	$(PY) -m pytest -q

bench: setup
	$(PY) benchmarks/speed.py
	$(PY) benchmarks/quality.py
	$(PY) benchmarks/glossary_matching.py
	$(PY) benchmarks/writers.py
	$(PY) benchmarks/apertium_engine.py
	$(PY) benchmarks/english.py
	$(PIP) install -q -e ".[bench]"
	$(PY) benchmarks/html_content.py

clean:
	rm -rf out .pytest_cache

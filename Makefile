# Ingest: the two commands of the quick start are `make quickstart` and `make test`.
#
#   make setup       Debian packages (.ci/apt-packages) and Python's jsonschema (the schema tests use it)
#   make build       debug build of the library and the `ingest` command
#   make sample      run `ingest` on SampleDocs/*.txt, *.pdf and *.eml, writing out/NAME.json
#   make quickstart  setup + build + sample
#   make test        the whole test suite (Swift Testing)
#   make scaffold-test  run the new-extractor scaffold in a copy of the package, build it, run its test
#   make fuzz        one libFuzzer target: make fuzz TARGET=pdf RUNS=10000 (docs/Fuzzing.md; Fuzz/run.sh --list)
#   make lint        swift format lint, strict (.swift-format: 4 spaces, 120 columns); `make format` fixes
#
# SWIFT_FLAGS passes options to every swift command, e.g. `make test SWIFT_FLAGS="--scratch-path .build-mine"`.

SWIFT ?= swift
SWIFT_FLAGS ?=
PYTHON ?= python3
APT_PACKAGES := $(shell grep -v '^\#' .ci/apt-packages)
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
FORMAT_PATHS := Package.swift Sources Plugins Tests

.PHONY: setup build sample quickstart test scaffold-test fuzz lint format

setup:
	@missing=""; \
	for package in $(APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}' "$$package" 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:$$missing"; \
		$(SUDO) apt-get update && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; \
	else \
		echo "Debian packages: all installed"; \
	fi
	@if $(PYTHON) -c 'import jsonschema' 2>/dev/null; then \
		echo "Python jsonschema: installed"; \
	else \
		echo "Installing Python jsonschema"; \
		$(PYTHON) -m pip install --quiet jsonschema 2>/dev/null \
			|| $(PYTHON) -m pip install --quiet --break-system-packages jsonschema; \
		$(PYTHON) -c 'import jsonschema'; \
	fi

build:
	$(SWIFT) build $(SWIFT_FLAGS)

sample: build
	$(SWIFT) run $(SWIFT_FLAGS) ingest SampleDocs/*.txt SampleDocs/*.pdf SampleDocs/*.eml --out out/
	@echo "Documents are in out/: e.g. out/politiradet-oslo-referat.json"

quickstart: setup build sample

test:
	$(SWIFT) test --disable-xctest $(SWIFT_FLAGS)

scaffold-test:
	SWIFT=$(SWIFT) Tests/Scripts/scaffold_test.sh

TARGET ?= text
RUNS ?= 10000
fuzz:
	Fuzz/run.sh $(TARGET) $(RUNS)

lint:
	$(SWIFT) format lint --strict --recursive --parallel $(FORMAT_PATHS)

format:
	$(SWIFT) format format --in-place --recursive --parallel $(FORMAT_PATHS)

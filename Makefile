# simbrowse: the two commands of the README.
#   make run   installs what is missing, builds, and runs the bundled scenario gallery
#   make test  installs what is missing and runs the whole test suite
SWIFT ?= swift
export PATH := /opt/swift/usr/bin:$(PATH)

.PHONY: setup build run test bench truth clean

setup:
	@bash scripts/setup.sh

build: setup
	$(SWIFT) build

run: build
	$(SWIFT) run simbrowse run Fixtures/scenarios

test: setup
	@if command -v node >/dev/null 2>&1; then node --test Tests/js/; else echo "node not found: skipping the DOM prelude's JavaScript tests (Tests/js)"; fi
	$(SWIFT) test

bench: setup
	$(SWIFT) build -c release
	.build/release/simbrowse bench

truth: build
	python3 Fixtures/browser-truth/compare.py --batch --simbrowse .build/debug/simbrowse Fixtures/browser-truth/cases

clean:
	rm -rf .build

# The README's two commands are `make demo` and `make test`; both do all set-up first.
SWIFT ?= swift
PY = scripts/.venv/bin/python
RELEASE_BIN = .build/release/qrconform

.PHONY: setup build release demo test check-generated bench

setup:
	bash scripts/setup

build: setup
	$(SWIFT) build

release: setup
	$(SWIFT) build -c release

demo: release
	bash scripts/demo

# Every committed generated file must be what its generator makes now.
check-generated: setup
	$(PY) scripts/gen_png_fixtures.py --check
	$(PY) scripts/gen_examples.py --check
	$(PY) scripts/gen_symbol_vectors.py --check
	$(PY) scripts/sign_payload.py test-keys --check
	$(PY) scripts/embed-specs --check

test: setup check-generated
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: release
	bash scripts/bench

# The README's two commands are `make demo` and `make test`; both do all set-up first.
SWIFT ?= swift
PY = scripts/.venv/bin/python
RELEASE_BIN = .build/release/qrconform

.PHONY: setup build release demo test check-generated vectors lint format bench fuzz fuzz-build fuzz-smoke \
	scannability-reference worker-inputs serve-demo serve-check

setup:
	bash scripts/setup

build: setup
	$(SWIFT) build

release: setup
	$(SWIFT) build -c release

demo: release
	bash scripts/demo

# The service (`qrconform serve`) on 127.0.0.1:$SERVE_PORT (default 8080) with a fresh ServiceData-demo/, two uploads of
# pass-acme.zip and the curl commands to try; runs until Ctrl-C (scripts/serve-demo --check exits once judged).
serve-demo: build
	bash scripts/serve-demo

# Every committed generated file must be what its generator makes now.
check-generated: setup
	$(PY) scripts/gen_png_fixtures.py --check
	$(PY) scripts/gen_examples.py --check
	$(PY) scripts/gen_symbol_vectors.py --check
	$(PY) scripts/sign_payload.py test-keys --check
	$(PY) scripts/gen_conformance_vectors.py --check
	$(PY) scripts/gen_submissions.py --check
	$(PY) scripts/gen_display_vectors.py --check

# The spec-change gate (spec/README.md): every spec lints, every vector manifest matches its schema and validates,
# every asserted outcome holds for every shipped spec, and every rule has a passing and a failing vector.
vectors: setup
	$(SWIFT) build --product qrconform
	$$($(SWIFT) build --show-bin-path)/qrconform spec lint $(wildcard spec/*/*/rules.json)
	$(PY) scripts/gen_conformance_vectors.py --schema
	$$($(SWIFT) build --show-bin-path)/qrconform vectors validate
	$$($(SWIFT) build --show-bin-path)/qrconform vectors verify
	$$($(SWIFT) build --show-bin-path)/qrconform vectors coverage

# SYM-019's ladder reproduced from the spec text alone (scripts/scannability_reference.py, numpy with zbarimg and
# zxing-cpp's Python binding) on a fresh draw of the held-out scannability set: it must reach the suite's rung on at
# least 90 % of family margins and be within one rung on all (`make bench` runs it on a larger draw).
SCAN_REF = .build/scannability-reference
scannability-reference: setup
	$(SWIFT) build --product qrconform
	rm -rf $(SCAN_REF)
	$(PY) scripts/gen_scannability_corpus.py $(SCAN_REF) --set heldout --count 1
	$(PY) scripts/scannability_reference.py --suite $$($(SWIFT) build --show-bin-path)/qrconform $(SCAN_REF)/*.png

# Issue #24's acceptance line: under `strace -f`, `check --jobs 2` on 10 images opens the spec and the trust list once
# each, in the driver (workers get their bytes in the configuration frame).
worker-inputs: setup
	$(SWIFT) build --product qrconform
	bash scripts/check-worker-inputs $$($(SWIFT) build --show-bin-path)/qrconform

# The service from outside: the browser walk in headless Chromium with its screenshots checked by tesseract (login,
# upload, status page until done, the HTML report; a form post without its CSRF field is 403), then schemathesis
# against the committed openapi.yaml (vendor and officer tokens, 5 examples per operation and phase: about 1,000
# requests). Measured on 2 shared cores: 25 s and 23 s.
serve-check: build
	bash scripts/serve-browser
	bash scripts/serve-schemathesis --max-examples 5

# Formatting: the committed .swift-format, checked strictly over every Swift file; `make format` rewrites them.
SWIFT_FILES = Package.swift Sources Tests Plugins
lint:
	$(SWIFT) format lint --strict --recursive $(SWIFT_FILES)

format:
	$(SWIFT) format format --in-place --recursive $(SWIFT_FILES)

# The tests run with a Python that has no packages first on PATH, so a test that reaches for the system's
# python3 instead of scripts/.venv fails on every machine, not only on a fresh one.
# Last, the fuzz smoke (10 s per target, see fuzz-smoke below): a crash, sanitizer report or hang in any target fails
# make test.
BARE_PY = .build/bare-python
test: setup lint check-generated vectors scannability-reference worker-inputs serve-check fuzz-build
	$(SWIFT) build --build-tests
	rm -rf $(BARE_PY) && python3 -m venv --without-pip $(BARE_PY)
	PATH="$(CURDIR)/$(BARE_PY)/bin:$$PATH" $(SWIFT) test --skip-build
	$(FUZZ_SMOKE)

bench: release
	bash scripts/bench
	bash scripts/bench-display
	bash scripts/bench-scannability
	QRCONFORM_BIN=$(RELEASE_BIN) bash scripts/bench-serve

# libFuzzer targets (Sources/qrfuzz), built with the fuzzer and address sanitizers in their own scratch path; the
# target exists in Package.swift only under QRCONFORM_FUZZ=1, so `swift build` never links it without libFuzzer.
# `make fuzz` runs each target for FUZZ_SECONDS or FUZZ_RUNS runs, whichever first; `make fuzz-smoke` for 10 s each;
# FUZZ_TARGETS picks some (`make fuzz FUZZ_TARGETS="spec zip"`), default all.
# -enable-testing lets it reach internal readers (PNGChunkReader). The coverage instrumentation is spelled out (what
# -sanitize=fuzzer compiles in) and libFuzzer is linked only into qrfuzz (Package.swift), because -Xswiftc also
# reaches the build-tool SpecEmbedder, which has its own `main`.
#
# The smoke in `make test` uses this same build, -c release with the address sanitizer. Measured from an empty scratch
# path on 2 cores shared with other builds (load 5-7), CPU time of the build (wall time in brackets):
#   -c release, fuzzer+address           274 s (345 s)   the smoke: 9 targets in 102 s, 4,300-270,000 runs each
#   -c debug, fuzzer+address             160 s (257 s)   the smoke: 220 runs of zip, 550 of png: only the seeds
#   -c release, C at -O0 (-Xcc -O0)      288 s (473 s)   no gain: compiling swift-crypto's Swift dominates
#   -c debug, Swift -O (all or ours)     333 s / 275 s   per-file -O costs more than release's whole-module build
# Without the address sanitizer was not measured: -sanitize-coverage needs a sanitizer, and -sanitize=fuzzer cannot
# go through -Xswiftc (SpecEmbedder). qrfuzz needs only QRHarness, QRImaging and QRConformance (no GRDB, QRRegister
# or ArgumentParser); swift-crypto it needs for the trust-list keys and hashing. So the smoke adds about 7.5 minutes
# to make test (build about 5.8, runs 1.7).
FUZZ_SECONDS ?= 600
FUZZ_RUNS ?= 1000000
FUZZ_TARGETS ?=
FUZZ_SCRATCH = .build-fuzz
FUZZ_SWIFTC = -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,indirect-calls,trace-cmp,inline-8bit-counters,pc-table \
	-Xswiftc -enable-testing
FUZZ_SMOKE = FUZZ_SECONDS=10 FUZZ_RUNS=$(FUZZ_RUNS) bash scripts/fuzz $(FUZZ_SCRATCH)/release/qrfuzz $(FUZZ_TARGETS)
fuzz-build: setup
	QRCONFORM_FUZZ=1 $(SWIFT) build -c release --scratch-path $(FUZZ_SCRATCH) --product qrfuzz $(FUZZ_SWIFTC)

fuzz: fuzz-build
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_RUNS=$(FUZZ_RUNS) bash scripts/fuzz $(FUZZ_SCRATCH)/release/qrfuzz $(FUZZ_TARGETS)

fuzz-smoke: fuzz-build
	$(FUZZ_SMOKE)

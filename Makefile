# Gongjian: two commands.
#   make run    install what is missing, build the release, serve it at http://127.0.0.1:8080
#   make test   install what is missing, run every test (native, size, end-to-end in Chromium)
#
# Works offline except for the package registries (crates.io, npm, Debian).
# As root on Debian it installs Chromium with apt-get; otherwise it says what to install.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

E2E          := tests/e2e
NODE_BIN     := $(CURDIR)/$(E2E)/node_modules/.bin
# binaryen@132 from npm comes first on PATH: Debian's wasm-opt 108 breaks the wasm.
export PATH  := $(NODE_BIN):$(HOME)/.cargo/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true

TRUNK_VERSION  := 0.21.14
WASM_OPT_MAJOR := 132
WASM_BINDGEN   := $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"/\1/p;}' Cargo.lock)
WASM_SPLIT     := 0.2.4
WASM_BUDGET_KB ?= 300
PORT           ?= 8080
E2E_PORT       ?= 8181
PAGES_PORT     ?= 8182
PUBLIC_URL     ?= /gongjian/

.PHONY: help run test tools browser pages build test-native test-size test-e2e lint clean schema bench

help:
	@echo "make run   - build the release and serve it at http://127.0.0.1:$(PORT)"
	@echo "make test  - run every test: native, wasm size, end-to-end in Chromium"
	@echo "make schema - rewrite schema/gongjian-exchange-v1.json from the Rust types"
	@echo "make bench - time the app against a plain-JavaScript baseline on the large plan (target/bench/results.md)"

## ---- tools: install only what is missing ------------------------------------

tools:
	@rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown \
	  || { echo "» adding the wasm32 target"; rustup target add wasm32-unknown-unknown; }
	@trunk --version 2>/dev/null | grep -q "$(TRUNK_VERSION)" \
	  || { echo "» installing trunk $(TRUNK_VERSION) (about 10 minutes the first time)"; \
	       cargo install trunk --version $(TRUNK_VERSION) --locked; }
	@wasm-bindgen --version 2>/dev/null | grep -q "$(WASM_BINDGEN)" \
	  || { echo "» installing wasm-bindgen-cli $(WASM_BINDGEN) (about 5 minutes)"; \
	       cargo install wasm-bindgen-cli --version $(WASM_BINDGEN); }
	@wasm-split-cli --help >/dev/null 2>&1 && grep -qs '"wasm_split_cli_support $(WASM_SPLIT) ' "$${CARGO_HOME:-$$HOME/.cargo}/.crates.toml" \
	  || { echo "» installing wasm-split-cli $(WASM_SPLIT) (splits the app's wasm; about 3 minutes)"; \
	       cargo install wasm_split_cli_support --version $(WASM_SPLIT) --features build-binary; }
	@if [ ! -x "$(NODE_BIN)/wasm-opt" ] || [ ! -d "$(E2E)/node_modules/@playwright/test" ] \
	     || [ "$(E2E)/package-lock.json" -nt "$(E2E)/node_modules/.package-lock.json" ]; then \
	   echo "» installing npm packages (Playwright, binaryen $(WASM_OPT_MAJOR))"; \
	   (cd $(E2E) && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error); \
	 fi
	@wasm-opt --version | grep -q "version $(WASM_OPT_MAJOR)" \
	  || { echo "wasm-opt on PATH is not binaryen $(WASM_OPT_MAJOR): $$(command -v wasm-opt)"; exit 1; }
	@cargo fetch --quiet

# Debian's Chromium for the end-to-end tests (not needed to build), and a
# Chinese font: the specs measure how the Chinese page lays out (what fits a
# phone, how many lines a heading takes), which boxes for missing glyphs
# would not tell.
BROWSER_PKGS := chromium chromium-driver fonts-noto-cjk
browser:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || ! fc-list :lang=zh 2>/dev/null | grep -q .; then \
	   if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	     echo "» installing Debian's $(BROWSER_PKGS)"; \
	     apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(BROWSER_PKGS) >/dev/null; \
	   else \
	     echo "Chromium or a Chinese font is missing. Install Debian's packages as root:"; \
	     echo "    apt-get install $(BROWSER_PKGS)"; \
	     exit 1; \
	   fi; \
	 fi

## ---- build and run -----------------------------------------------------------

build: tools
	trunk build --release
	@node .ci/wasm-size.mjs dist $(WASM_BUDGET_KB) || true

# The release for a static host under a sub-path (GitHub Pages serves a
# repository at /<name>/): `make pages PUBLIC_URL=/gongjian/` writes dist-pages/.
pages: tools
	trunk build --release --public-url $(PUBLIC_URL) --dist dist-pages

run: build
	@echo "» serving the example plan at http://127.0.0.1:$(PORT)/ (Ctrl-C stops)"
	/usr/bin/python3 .ci/serve.py --port $(PORT) --dir dist

## ---- tests -------------------------------------------------------------------

test: tools browser lint test-native build test-size pages test-e2e
	@echo "== summary =="
	@cat target/test-counts.txt

lint:
	cargo fmt --check
	cargo clippy --quiet --workspace --all-targets -- -D warnings
	cargo clippy --quiet --target wasm32-unknown-unknown --workspace -- -D warnings

test-native:
	@mkdir -p target
	cargo test --workspace 2>&1 | tee target/native-tests.log
	@awk '/^test result:/ {p+=$$4; f+=$$6} END {printf "native tests: %d passed, %d failed\n", p, f}' \
	  target/native-tests.log > target/test-counts.txt

test-size:
	node .ci/wasm-size.mjs dist $(WASM_BUDGET_KB) | tee -a target/test-counts.txt

# The server is started here and stopped by its own process id. The large
# plan the scale test loads is written first, by the Rust generator.
test-e2e:
	@cargo test -q --lib write_large_fixture -- --ignored >/dev/null
	@/usr/bin/python3 .ci/serve.py --port $(E2E_PORT) --dir dist & pid=$$!; \
	 /usr/bin/python3 .ci/serve.py --port $(PAGES_PORT) --dir dist-pages --base $(PUBLIC_URL) --pages & pages=$$!; \
	 trap 'kill $$pid $$pages 2>/dev/null' EXIT; \
	 for p in $(E2E_PORT) $(PAGES_PORT); do \
	   for i in $$(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/$$p) 2>/dev/null && break; sleep 0.1; done; \
	 done; \
	 cd $(E2E) && BASE_URL=http://127.0.0.1:$(E2E_PORT) PAGES_URL=http://127.0.0.1:$(PAGES_PORT)$(PUBLIC_URL) \
	   npx playwright test 2>&1 | tee ../../target/e2e-tests.log
	@grep -Eo '[0-9]+ (passed|failed|flaky|skipped)' target/e2e-tests.log | paste -sd, - | sed 's/^/end-to-end tests: /' >> target/test-counts.txt

# Rewrite the checked-in JSON Schema from the Rust types (review the diff).
schema:
	UPDATE_SCHEMA=1 cargo test -q --lib exchange::schema

clean:
	rm -rf dist dist-pages target/test-counts.txt

## ---- benchmark ---------------------------------------------------------------

BENCH_PORT      ?= 8191
BENCH_BASE_PORT ?= 8192
BENCH_DIR       ?= target/bench

# The app against a plain-JavaScript baseline (bench/baseline/, served from
# another origin so its localStorage is separate) on the large plan, in
# headless Chromium: medians of BENCH_RUNS runs (default 5). Writes
# target/bench/results.md and results.json; BENCH_STRICT=1 fails when a
# budget is over. The servers are stopped by their own process ids.
bench: tools browser build
	cargo run --release --quiet --example large_plan -- --out $(BENCH_DIR)
	@node bench/lz4.test.mjs $(BENCH_DIR)
	@/usr/bin/python3 .ci/serve.py --port $(BENCH_PORT) --dir dist & app=$$!; \
	 /usr/bin/python3 .ci/serve.py --port $(BENCH_BASE_PORT) --dir bench/baseline & base=$$!; \
	 trap 'kill $$app $$base 2>/dev/null' EXIT; \
	 for p in $(BENCH_PORT) $(BENCH_BASE_PORT); do \
	   for i in $$(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/$$p) 2>/dev/null && break; sleep 0.1; done; \
	 done; \
	 APP_URL=http://127.0.0.1:$(BENCH_PORT) BASELINE_URL=http://127.0.0.1:$(BENCH_BASE_PORT) BENCH_DATA=$(BENCH_DIR) \
	   node bench/run.mjs

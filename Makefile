# SPDX-License-Identifier: GPL-3.0-or-later
# The two commands of the README: `make run` and `make test`. Every step runs in packaging/buildenv, which installs
# what is missing (natively, or in a cached Debian 13 build root on Debian 12).
BUILDENV := packaging/buildenv exec
JOBS ?= 2

.PHONY: all build run test test-asan lint format bench deb translations env clean

all: build

env:
	packaging/buildenv setup

build:
	$(BUILDENV) sh -c 'cmake --preset default >/dev/null && cmake --build --preset default -j $(JOBS)'

run: build
	@if [ -z "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ] && [ "$${QT_QPA_PLATFORM:-}" != offscreen ]; then \
	  echo "Cannot start Notechondria Desktop: make run — no display (DISPLAY and WAYLAND_DISPLAY are unset)." >&2; \
	  echo "Run it offscreen with 'QT_QPA_PLATFORM=offscreen make run', or in a virtual X server with 'xvfb-run make run'." >&2; \
	  exit 2; fi
	NOTECHONDRIA_BUILDENV_HOME="$$HOME" $(BUILDENV) build/bin/notechondria-desktop

test: build
	$(BUILDENV) ctest --preset default

# The whole suite again under AddressSanitizer + UndefinedBehaviorSanitizer (preset asan, folder build-asan).
test-asan:
	$(BUILDENV) sh -c 'cmake --preset asan >/dev/null && cmake --build --preset asan -j $(JOBS) && ctest --preset asan'

# clang++ with clang-tidy (.clang-tidy, warnings as errors) on every production file (preset clang, folder build-clang):
# the two executables and every library they link; the tests are not held to the checks.
lint:
	$(BUILDENV) sh -c 'cmake --preset clang >/dev/null && cmake --build --preset clang -j $(JOBS) --target notechondria-sync notechondria-desktop'

format:
	$(BUILDENV) sh -c 'git ls-files "*.cpp" "*.h" | xargs clang-format -i'

bench: build
	$(BUILDENV) tests/bench/run-benchmarks.sh

deb: build
	$(BUILDENV) cmake --build build --target deb

translations: build
	$(BUILDENV) cmake --build build --target update_translations

clean:
	rm -rf build build-asan build-clang

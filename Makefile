# Everything installs into .venv/ in this folder; a fresh machine needs only python3.11 (or python3 >= 3.11).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install release demo test audit bench clean

install: $(STAMP)

# torch==2.13.0 first: it is the CPU build available here; anything looser pulls GBs of CUDA wheels.
# libseccomp2: the sandbox's system-call filter (pyseccomp binds it); chromium: the report's browser test.
$(STAMP): pyproject.toml Makefile
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "mlmathkit needs Python >= 3.11")'
	scripts/ensure-debian-packages libseccomp2 chromium
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $@

release: install
	$(BIN)/mlmathkit release

demo: install
	$(BIN)/mlmathkit demo

audit: install
	$(BIN)/mlmathkit audit

# the audit gate on the committed release, then the project's own tests
test: install
	$(BIN)/mlmathkit audit
	$(BIN)/pytest

# throughput, cold start and memory of `mlmathkit grade` vs `otter run` on synthetic chapter-1 submissions
bench: install
	$(BIN)/python -m mlmathkit.bench --readme

clean:
	rm -rf build .pytest_cache

# ckanext-jakarta: the two commands that matter are `make demo` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
INSTALLED := $(VENV)/.installed

.PHONY: demo test stack stop install lint

demo: install stack
	stack/demo.sh

test: install stack
	$(VENV)/bin/ckan -c test.ini db init >/dev/null
	$(VENV)/bin/pytest $(PYTEST_ARGS)

# Debian packages and the Solr jars, then the virtualenv with the extension.
install: $(INSTALLED)

$(INSTALLED): pyproject.toml
	stack/stack.sh install
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q -e '.[test]'
	touch $@

stack:
	stack/stack.sh start

stop:
	stack/stack.sh stop

lint: install
	$(VENV)/bin/ruff check ckanext tests stack bench

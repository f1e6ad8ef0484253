#!/usr/bin/env bash
# The whole test suite on a fresh machine: project venv, test extras, Debian Chromium and
# PostgreSQL, then pytest (SQLite and PostgreSQL; the tests start their own server on loopback).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -e '.[test]'
scripts/install-system-deps.sh
exec .venv/bin/python -m pytest "$@"

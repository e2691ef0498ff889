#!/usr/bin/env bash
# One entry point for a newcomer:  bash dev.sh demo   |   bash dev.sh test
# Both create .venv (Python 3.11+) and install planwright into it on first use.
set -euo pipefail
cd "$(dirname "$0")"
VENV=${PLANWRIGHT_VENV:-.venv}
PY=${PYTHON:-python3}

setup() {
  if [ ! -x "$VENV/bin/python" ]; then
    "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
      || { echo "planwright needs Python 3.11 or newer (found: $("$PY" --version))" >&2; exit 2; }
    "$PY" -m venv "$VENV"
  fi
  if [ ! -f "$VENV/.installed" ] || [ pyproject.toml -nt "$VENV/.installed" ]; then
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e '.[test]'
    touch "$VENV/.installed"
  fi
}

case "${1:-}" in
  demo)  setup; shift; exec "$VENV/bin/planwright" "$@" ;;
  test)  setup
         # LibreOffice, poppler and CJK fonts render the .docx exports in the tests
         if [ -x .ci/install-system-deps ] || [ -f .ci/install-system-deps ]; then bash .ci/install-system-deps || true; fi
         shift; exec "$VENV/bin/python" -m pytest "$@" ;;
  *)     echo "usage: bash dev.sh demo | test [pytest args]" >&2; exit 2 ;;
esac

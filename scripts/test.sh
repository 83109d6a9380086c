#!/usr/bin/env bash
# Set up (first time) and run every check: lint, formatting, types and the test suite.
# Extra arguments go to pytest, e.g.: scripts/test.sh -k timeline
# Long runs (soak, fault injection, crash loops, floods) carry the `slow` marker: skip them
# while working with scripts/test.sh -m "not slow"; CI (.ci/run) runs everything.
KIOSK_EXTRAS=test
source "$(dirname "$0")/_setup.sh"
"$VENV/bin/ruff" check .
"$VENV/bin/ruff" format --check .
"$VENV/bin/mypy"
# The layers (pyproject.toml [tool.importlinter]): what may import Qt, and in which direction.
"$VENV/bin/lint-imports" --no-logo
exec "$VENV/bin/pytest" "$@"

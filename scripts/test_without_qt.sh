#!/usr/bin/env bash
# The content, pack and analytics tests in a second virtual environment that has no Qt:
# proves that `kiosk validate`, `kiosk pack ...` and `kiosk analytics summary` work on a
# machine without PySide6 (a staff laptop, a build server).  CI (.ci/run) runs it after
# scripts/test.sh; extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
VENV=${KIOSK_NOQT_VENV:-build/venv-without-qt}
PYTHON=${PYTHON:-python3}

# The kiosk's dependencies and its test tools as pinned in pyproject.toml, less Qt's (and
# less the checkers, which scripts/test.sh runs); the kiosk itself goes in with --no-deps.
requirements=$("$PYTHON" - <<'EOF'
import re
import tomllib

with open("pyproject.toml", "rb") as file:
    project = tomllib.load(file)["project"]
leave_out = re.compile(r"^(pyside6|shiboken6|qtawesome|qtpy|pytest-qt|ruff|mypy|types-|import-linter|grimp)", re.I)
for requirement in [*project["dependencies"], *project["optional-dependencies"]["test"]]:
    if not leave_out.match(requirement):
        print(requirement)
EOF
)
stamp="$VENV/.installed-without-qt"
wanted=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV"
  mapfile -t listed <<< "$requirements"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "${listed[@]}"
  # Kept quiet when it works: pip complains of the Qt requirements left out on purpose.
  if ! said=$("$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
    --no-deps --editable . 2>&1); then
    echo "$said" >&2
    exit 1
  fi
  "$VENV/bin/python" -c 'import kiosk.cli'
  echo "$wanted" > "$stamp"
fi
if "$VENV/bin/python" -c 'import PySide6' 2>/dev/null; then
  echo "PySide6 can be imported in $VENV: these tests must run without Qt" >&2
  exit 1
fi

tests=(
  # content and the station's configuration
  tests/test_content.py tests/test_validate.py tests/test_seal.py tests/test_station.py
  tests/test_hostile_yaml.py tests/test_hostile_content.py tests/test_hostile_paths.py
  # packs
  tests/test_packs_archive.py tests/test_packs_build.py tests/test_packs_store.py
  tests/test_hostile_packs.py tests/test_hostile_trust.py
  # analytics, and the commands end to end
  tests/test_analytics.py tests/test_tools_without_qt.py
  # recordings, the studio's rules (kiosk.editing) and the content channel
  tests/test_recordings.py
  tests/test_editing_document.py tests/test_editing_outline.py tests/test_editing_words.py
  tests/test_editing_publish.py tests/test_editing_recovery.py tests/test_editing_reseal.py
  tests/test_editing_settings.py
  tests/test_channel_refusals.py tests/test_channel_sync.py tests/test_channel_units.py
)
# Tests in those files that need Qt itself: its image decoder (content with pictures), its
# widgets' text sizes, or `kiosk run`.  Add a new one here, or start it with
# pytest.importorskip("PySide6").
needs_qt=(
  "tests/test_validate.py::test_each_broken_fixture_gives_its_exact_findings[image-ok]"
  "tests/test_validate.py::test_each_broken_fixture_gives_its_exact_findings[image-truncated]"
  tests/test_hostile_yaml.py::test_a_byte_order_mark_is_accepted
  tests/test_hostile_yaml.py::test_an_exponent_is_a_number_where_a_number_is_asked
  tests/test_hostile_content.py::test_a_figure_written_in_words_is_found
  tests/test_hostile_content.py::test_the_wrapping_bound_follows_the_largest_text_size
  tests/test_hostile_paths.py::test_a_link_that_stays_inside_the_folder_is_fine
  tests/test_hostile_trust.py::test_kiosk_run_names_an_unreadable_configuration_and_its_owner
  tests/test_editing_publish.py::test_a_thorough_check_refuses_too
)
deselect=()
for test in "${needs_qt[@]}"; do deselect+=(--deselect "$test"); done

# pytest-qt's settings in pyproject.toml are unknown without pytest-qt: not an error here.
exec "$VENV/bin/python" -m pytest -p no:cacheprovider -W "ignore:Unknown config option" \
  "${deselect[@]}" "${tests[@]}" "$@"

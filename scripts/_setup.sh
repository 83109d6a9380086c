# Shared by run.sh and test.sh: make .venv, install the kiosk, check Qt's system libraries.
# Sourced, not run: it sets VENV and leaves the shell in the repository root.  As root, or
# where sudo needs no password, it installs the missing system packages (python3-venv, Qt's
# libraries) with apt-get itself; elsewhere it prints the command to run
# (scripts/_system_packages.sh).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
VENV=${KIOSK_VENV:-.venv}
PYTHON=${PYTHON:-python3}

source scripts/_system_packages.sh

python_ok() { "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; }
if ! python_ok && ! { may_install_packages && install_packages "Python" python3 python3-venv \
  && python_ok; }; then
  echo "The kiosk needs Python 3.11 or newer ($PYTHON is $("$PYTHON" --version 2>&1))." >&2
  echo "On Debian/Ubuntu: $(install_command python3 python3-venv)" >&2
  exit 2
fi
ensure_venv "$PYTHON" "$VENV" || exit 2

# Installing needs the network; skip it when nothing changed since the last install, so
# a set-up machine starts the kiosk offline.
target=.
if [ -n "${KIOSK_EXTRAS:-}" ]; then target=".[$KIOSK_EXTRAS]"; fi
stamp="$VENV/.installed-$(echo "$target" | tr -c 'a-z' '_')"
wanted=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
  "$VENV/bin/python" -m pip install --quiet --upgrade pip
  "$VENV/bin/python" -m pip install --quiet --editable "$target"
  echo "$wanted" > "$stamp"
fi

# PySide6 compiles its own support code (kept inside libshiboken) at every start; written
# out once with shiboken's switch for it, Python byte-compiles it like any module: 10-15 ms
# off every first frame.  Redone at every set-up, so it always matches the PySide6 installed.
if ! "$VENV/bin/python" packaging/pyside_support.py install; then
  echo "(the kiosk works as before; only its start is slower)" >&2
fi

# Qt's wheels bring Qt itself but not the system libraries it links against.
qt_dir=$("$VENV/bin/python" -c 'import PySide6, os; print(os.path.join(os.path.dirname(PySide6.__file__), "Qt"))')
if ! ensure_qt_libraries "$qt_dir" && [ "${KIOSK_IGNORE_MISSING_XCB:-0}" != 1 ]; then
  exit 2
fi

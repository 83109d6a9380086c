# Shared by run.sh and test.sh: make .venv, install the kiosk, check Qt's system libraries.
# Sourced, not run: it sets VENV and leaves the shell in the repository root.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
VENV=${KIOSK_VENV:-.venv}
PYTHON=${PYTHON:-python3}

if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "The kiosk needs Python 3.11 or newer ($PYTHON is $("$PYTHON" --version 2>&1))." >&2
  echo "On Debian/Ubuntu: sudo apt-get install python3 python3-venv" >&2
  exit 2
fi
if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV" || {
    echo "Could not create a virtual environment. On Debian/Ubuntu: sudo apt-get install python3-venv" >&2
    exit 2
  }
fi
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

# Qt's wheels bring Qt itself but not the system libraries it links against.
qt_dir=$("$VENV/bin/python" -c 'import PySide6, os; print(os.path.join(os.path.dirname(PySide6.__file__), "Qt"))')
missing=$(ldd "$qt_dir"/lib/libQt6Gui.so.6 "$qt_dir"/lib/libQt6Widgets.so.6 \
  "$qt_dir"/plugins/platforms/libqxcb.so "$qt_dir"/lib/libQt6XcbQpa.so.6 2>/dev/null \
  | awk '/not found/ {print $1}' | sort -u)
if [ -n "$missing" ]; then
  echo "Qt cannot find these system libraries:" >&2
  echo "$missing" | sed 's/^/  /' >&2
  echo "On Debian/Ubuntu install them with:" >&2
  echo "  sudo apt-get install $(tr '\n' ' ' < packaging/debian-qt-runtime.txt)" >&2
  if [ "${KIOSK_IGNORE_MISSING_XCB:-0}" != 1 ]; then exit 2; fi
fi

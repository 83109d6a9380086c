#!/usr/bin/env bash
# Set up (first time) and show the kiosk on the bundled exhibit, in a window.
# Any arguments go to the kiosk command instead, e.g.: scripts/run.sh run --screen 0
source "$(dirname "$0")/_setup.sh"
if [ $# -eq 0 ]; then
  set -- run --windowed
fi
exec "$VENV/bin/kiosk" "$@"

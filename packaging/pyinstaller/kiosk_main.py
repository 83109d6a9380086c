"""PyInstaller's entry script: the same ``kiosk`` command the wheel installs."""

import sys

from kiosk.cli import main

if __name__ == "__main__":
    sys.exit(main())

"""PyInstaller's entry script: the same ``kiosk`` command the wheel installs."""

from kiosk.cli import entry

if __name__ == "__main__":
    entry()

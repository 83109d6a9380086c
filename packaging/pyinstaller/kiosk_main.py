"""PyInstaller's entry script: the same ``kiosk`` command the wheel installs."""

from kiosk.launch import entry

if __name__ == "__main__":
    entry()

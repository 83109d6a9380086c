# Sourced by _setup.sh (and tests/test_setup_script.py): the system packages the kiosk needs
# beside its virtual environment, on Debian and Ubuntu.  Installed with apt-get when this
# shell may (it runs as root, or sudo works without a password), saying what it installs;
# otherwise the exact command to run is printed and the set-up stops.
# Expects to run from the repository root (for packaging/debian-qt-runtime.txt).

# The Qt runtime libraries, one line (the same list the CI and the .deb use).
qt_runtime_packages() {
  tr '\n' ' ' < packaging/debian-qt-runtime.txt | sed 's/ *$//'
}

is_root() {
  [ "$(id -u)" = 0 ]
}

# Whether packages can be installed here without asking anyone for a password.
may_install_packages() {
  command -v apt-get > /dev/null 2>&1 || return 1
  is_root && return 0
  command -v sudo > /dev/null 2>&1 && sudo -n true > /dev/null 2>&1
}

# The command a person would type to install "$@".
install_command() {
  if is_root; then
    echo "apt-get install $*"
  else
    echo "sudo apt-get install $*"
  fi
}

as_root() {
  if is_root; then
    "$@"
  else
    sudo -n "$@"
  fi
}

_apt_updated=0
# install_packages WHAT PACKAGE...: says what it installs, then installs it.
install_packages() {
  local what=$1
  shift
  echo "Installing $what: apt-get install $*" >&2
  if [ "$_apt_updated" = 0 ]; then
    # A fresh machine's package lists may be empty or stale; a failed update (offline) can
    # still leave the lists good enough, so the install below decides.
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || true
    _apt_updated=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}

# The Qt libraries' system dependencies that the dynamic linker cannot find, one a line.
missing_qt_libraries() {
  local qt_dir=$1
  ldd "$qt_dir"/lib/libQt6Gui.so.6 "$qt_dir"/lib/libQt6Widgets.so.6 \
    "$qt_dir"/plugins/platforms/libqxcb.so "$qt_dir"/lib/libQt6XcbQpa.so.6 2> /dev/null \
    | awk '/not found/ {print $1}' | sort -u
}

# ensure_qt_libraries QT_DIR: installs what Qt lacks when it may; else prints the command.
ensure_qt_libraries() {
  local qt_dir=$1 missing
  missing=$(missing_qt_libraries "$qt_dir")
  [ -z "$missing" ] && return 0
  if may_install_packages; then
    # Word splitting wanted: one argument per package.
    # shellcheck disable=SC2046
    if install_packages "the system libraries Qt needs" $(qt_runtime_packages); then
      missing=$(missing_qt_libraries "$qt_dir")
      [ -z "$missing" ] && return 0
    fi
  fi
  echo "Qt cannot find these system libraries:" >&2
  echo "$missing" | sed 's/^/  /' >&2
  echo "On Debian/Ubuntu install them with:" >&2
  echo "  $(install_command "$(qt_runtime_packages)")" >&2
  return 1
}

# A virtual environment that can install packages (Debian's python3 without python3-venv
# leaves one with a python but no pip).
venv_ready() {
  local venv=$1
  [ -x "$venv/bin/python" ] || return 1
  [ -x "$venv/bin/pip" ] || "$venv/bin/python" -m pip --version > /dev/null 2>&1
}

# ensure_venv PYTHON VENV: makes the environment, installing python3-venv first if needed.
# Only an environment that cannot install packages is made again (--clear).
ensure_venv() {
  local python=$1 venv=$2
  venv_ready "$venv" && return 0
  if "$python" -m venv --clear "$venv" > /dev/null 2>&1 && venv_ready "$venv"; then
    return 0
  fi
  if may_install_packages && install_packages "Python's venv module" python3-venv; then
    if "$python" -m venv --clear "$venv" && venv_ready "$venv"; then
      return 0
    fi
  fi
  echo "Could not create a virtual environment in $venv." >&2
  echo "On Debian/Ubuntu: $(install_command python3-venv)" >&2
  return 1
}

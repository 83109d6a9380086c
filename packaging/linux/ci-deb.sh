#!/usr/bin/env bash
# CI for the installers: build the PyInstaller bundle and the .deb, install the package,
# run the installed kiosk's self-test and validate, check the systemd units, run the
# session under cage, upgrade, purge, and prove staff content survives both.
# Needs root and Debian's package registry.  Run from anywhere:  packaging/linux/ci-deb.sh
set -euo pipefail
if [ "$(id -u)" != 0 ]; then echo "ci-deb.sh: run as root (it installs a package)" >&2; exit 2; fi
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
venv=${KIOSK_VENV:-.venv}
started=$(date +%s)
step() { echo "== $* ($(( $(date +%s) - started )) s)"; }
export DEBIAN_FRONTEND=noninteractive
# desktop-file-validate, for the .desktop file; grim, for screenshots of the session's
# output (wlr-screencopy); sway, headless, to give the session a pointer to tap with (see
# session-smoke.py); ansible-core, for the provisioning example (packaging/ansible); the
# package's own Depends come with it.
apt-get install -y -qq --no-install-recommends desktop-file-utils grim sway ansible-core >/dev/null

step "bundle: PyInstaller"
"$venv/bin/python" -m pip install --quiet -e '.[bundle]'
"$venv/bin/pyinstaller" packaging/pyinstaller/kiosk.spec --noconfirm --clean \
    --distpath dist --workpath build/pyinstaller --log-level WARN
echo "bundle: $(du -sm dist/kiosk | cut -f1) MB unpacked in dist/kiosk"
QT_QPA_PLATFORM=offscreen dist/kiosk/kiosk self-test
# PySide6's support code ships compiled (packaging/pyside_support.py): .pyc files only.
support=dist/kiosk/_internal/shiboken6/files.dir
test -f "$support/shibokensupport/signature/loader.pyc"
test -z "$(find "$support" -name '*.py' -print -quit)"

step "package: dpkg-deb"
deb=$(packaging/linux/build-deb.sh)
echo "package: $deb, $(( $(stat -c %s "$deb") / 1048576 )) MB"

step "install"
apt-get install -y -qq --no-install-recommends "./${deb#"$root"/}" >/dev/null
test -x /usr/bin/kiosk && test -d /opt/kiosk && id kiosk >/dev/null

step "installed: self-test, validate, systemd-analyze verify"
(cd / && kiosk self-test)
(cd / && kiosk validate /opt/kiosk/_internal/content)
units="/lib/systemd/system/kiosk.service /lib/systemd/system/kiosk-fallback.service"
# verify only warns about most mistakes: any output at all fails the check.
findings=$(systemd-analyze verify $units 2>&1) || true
if [ -n "$findings" ]; then echo "$findings" >&2; exit 1; fi
echo "systemd-analyze verify: clean"
desktop-file-validate /usr/share/applications/memorial-kiosk.desktop

step "installed: the trust anchors are root's, readable by the kiosk"
owned() {  # path "user:group mode"
    actual=$(stat -c '%U:%G %a' "$1")
    [ "$actual" = "$2" ] || { echo "$1 is $actual, wanted $2" >&2; exit 1; }
}
owned /etc/kiosk "root:kiosk 750"
owned /var/lib/kiosk "root:kiosk 1770"
owned /var/lib/kiosk/trusted-keys "root:kiosk 750"
# A station configuration as staff leave it: the session below runs with it, read-only.
printf 'cursor: hidden\nidle_timeout_seconds: 90\n' > /etc/kiosk/station.yaml
chown root:kiosk /etc/kiosk/station.yaml && chmod 0640 /etc/kiosk/station.yaml
(cd / && runuser -u kiosk -- kiosk self-test >/dev/null)  # reads it as the kiosk
cannot() {  # what the kiosk account must not be able to do
    if runuser -u kiosk -- sh -c "$1" 2>/dev/null; then echo "the kiosk account could: $1" >&2; exit 1; fi
}
cannot 'echo "staff: {pin_hash: x}" > /etc/kiosk/station.yaml'
cannot ': > /var/lib/kiosk/trusted-keys/attacker.pub'
cannot 'mv /var/lib/kiosk/trusted-keys /var/lib/kiosk/gone'
cannot 'rm -r /var/lib/kiosk/trusted-keys'
echo "trust anchors: root's, group kiosk, not writable by the kiosk account"
# Another account on the station gets a message naming the file it may not read, not a
# traceback (issue 12); the exhibit itself would still start, so the exit status is 0.
out=$(cd / && timeout 120 runuser -u nobody -- env QT_QPA_PLATFORM=offscreen \
    kiosk run --windowed --exit-after-first-frame 2>&1) || { echo "$out" >&2; exit 1; }
if ! echo "$out" | grep -q "/etc/kiosk/station.yaml.*cannot be read by the account 'nobody'" \
    || echo "$out" | grep -q Traceback; then
    echo "kiosk run as another account: no clear message" >&2; echo "$out" >&2; exit 1
fi
echo "kiosk run as another account: $(echo "$out" | grep -m1 'cannot be read')"

step "session: the kiosk and the fallback under cage, as user kiosk, proved by pixels"
"$venv/bin/python" packaging/linux/session-smoke.py --save-start packaging/linux/session-start.png \
    --save-dir build/session

step "staff content: a signed pack installed as the kiosk user"
scratch=$(mktemp -d)
chown kiosk: "$scratch"
as_kiosk() { runuser -u kiosk -- "$@"; }
as_kiosk kiosk pack build /opt/kiosk/_internal/content -o "$scratch/exhibit.kioskpack" >/dev/null
as_kiosk kiosk pack keygen --out "$scratch/museum" >/dev/null
as_kiosk kiosk pack sign "$scratch/exhibit.kioskpack" --key "$scratch/museum.key" >/dev/null
# Staff trust the museum's key with sudo: root's file, readable by the kiosk.
kiosk pack trust "$scratch/museum.pub" >/dev/null
for key in /var/lib/kiosk/trusted-keys/*.pub; do owned "$key" "root:kiosk 640"; done
as_kiosk kiosk pack install "$scratch/exhibit.kioskpack"
snapshot() { (cd /var/lib/kiosk && find . -type f -print0 | sort -z | xargs -0 sha256sum); }
before=$(snapshot)
test -n "$before"
# Staff edit the station configuration as root (sudoedit keeps its owner and mode).
printf '# the station settings staff made\ncursor: hidden\n' > /etc/kiosk/station.yaml
chown root:kiosk /etc/kiosk/station.yaml && chmod 0640 /etc/kiosk/station.yaml

step "upgrade: same bundle, next version"
version=$(dpkg-query -W -f='${Version}' memorial-kiosk)
next=$(packaging/linux/build-deb.sh --version "${version}+ci1" --out "$scratch")
apt-get install -y -qq --no-install-recommends "$next" >/dev/null
test "$(dpkg-query -W -f='${Version}' memorial-kiosk)" = "${version}+ci1"
test "$(snapshot)" = "$before" || { echo "upgrade changed /var/lib/kiosk" >&2; exit 1; }
owned /etc/kiosk/station.yaml "root:kiosk 640"
owned /var/lib/kiosk "root:kiosk 1770"
kiosk pack list | grep -q '^\* ' || { echo "no active pack after the upgrade" >&2; exit 1; }
(cd / && kiosk self-test)

step "purge: keeps content, analytics and the station configuration"
apt-get purge -y -qq memorial-kiosk
test ! -e /opt/kiosk && test ! -e /usr/bin/kiosk && test ! -e /lib/systemd/system/kiosk.service
test "$(snapshot)" = "$before" || { echo "purge changed /var/lib/kiosk" >&2; exit 1; }
test -f /etc/kiosk/station.yaml

step "purge on request: KIOSK_PURGE_STAFF_DATA=yes removes what staff made too"
apt-get install -y -qq --no-install-recommends "./${deb#"$root"/}" >/dev/null
KIOSK_PURGE_STAFF_DATA=yes apt-get purge -y -qq memorial-kiosk
test ! -e /var/lib/kiosk && test ! -e /etc/kiosk && ! id kiosk >/dev/null 2>&1 \
    || { echo "KIOSK_PURGE_STAFF_DATA=yes left something behind" >&2; exit 1; }

step "provisioning: the Ansible example against this machine (connection local)"
# Installs the .deb, writes the station file (channel, trusted key, PIN hash), enables the
# session, follows a channel once as the kiosk; runs again (changed=0); purges it all.
packaging/ansible/ci-ansible.sh "$deb"

step "clean up this machine"
rm -rf "$scratch" /var/lib/kiosk /etc/kiosk
# Xwayland's sockets and locks from the session's compositors, stopped with a signal.
find /tmp/.X11-unix /tmp -maxdepth 1 \( -name 'X[0-9]*' -o -name '.X[0-9]*-lock' \) -user kiosk \
    -delete 2>/dev/null || true
deluser --quiet kiosk >/dev/null 2>&1 || true
step "installers: all checks passed"

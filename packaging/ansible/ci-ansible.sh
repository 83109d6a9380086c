#!/usr/bin/env bash
# CI for the provisioning example: run packaging/ansible/playbook.yml against this machine
# (connection local) with the .deb just built, a channel folder published here and a PIN
# hash made here; check what it left (package, station file with its owner, mode and
# content, keys, the session enabled, `kiosk channel status` as the kiosk account, one
# channel round), run it again to prove it changes nothing, then purge everything it made.
# packaging/linux/ci-deb.sh calls it after its own purge, so it starts and ends on a
# machine without the package.  Needs root and ansible-core (apt install ansible-core).
#   packaging/ansible/ci-ansible.sh dist/memorial-kiosk_0.1.0_amd64.deb
set -euo pipefail
if [ "$(id -u)" != 0 ]; then echo "ci-ansible.sh: run as root (it installs a package)" >&2; exit 2; fi
deb=$(realpath "${1:?the .deb to install}")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
venv=${KIOSK_VENV:-$root/.venv}
command -v ansible-playbook >/dev/null || { echo "ci-ansible.sh: apt install ansible-core" >&2; exit 2; }
if dpkg-query -W memorial-kiosk >/dev/null 2>&1; then
  echo "ci-ansible.sh: memorial-kiosk is installed already; it starts from a machine without it" >&2
  exit 2
fi

scratch=$(mktemp -d /tmp/kiosk-ansible.XXXXXX)
chmod 755 "$scratch"  # the kiosk account reads the channel folder
had_ansible_home=false
if [ -e "$HOME/.ansible" ]; then had_ansible_home=true; fi
cleanup() {
  if [ "$had_ansible_home" = false ]; then rm -rf "$HOME/.ansible"; fi
  # Whatever happened: nothing of the station stays behind (ci-deb.sh's own end expects so).
  if dpkg-query -W memorial-kiosk >/dev/null 2>&1; then
    KIOSK_PURGE_STAFF_DATA=yes apt-get purge -y -qq memorial-kiosk >/dev/null 2>&1 || true
  fi
  rm -rf "$scratch" /var/cache/memorial-kiosk
}
trap cleanup EXIT

# What a museum brings: the publisher's key pair, a channel with a signed pack in it, the
# PIN's hash (made with the checkout's kiosk; the station has none yet).
kiosk=("$venv/bin/python" -m kiosk)
"${kiosk[@]}" pack keygen --out "$scratch/museum" >/dev/null
"${kiosk[@]}" pack build "$root/content" -o "$scratch/exhibit.kioskpack" >/dev/null
"${kiosk[@]}" pack sign "$scratch/exhibit.kioskpack" --key "$scratch/museum.key" >/dev/null
published=$("${kiosk[@]}" channel publish "$scratch/exhibit.kioskpack" \
  --channel "$scratch/channel" --key "$scratch/museum.key")
sequence=$(echo "$published" | sed -n 's/^published sequence \([0-9]*\).*/\1/p')
chmod -R a+rX "$scratch/channel"
pin_hash=$("$venv/bin/python" -c 'from kiosk.security import hash_pin; print(hash_pin("2468"))')

# Root already: no sudo on the way (ansible_become false); the session is enabled, not
# started (CI has no seat); variables as JSON so the hash's '$' stay as they are.
printf '[kiosks]\nlocalhost ansible_connection=local ansible_become=false ansible_python_interpreter=/usr/bin/python3\n' \
  > "$scratch/inventory.ini"
cat > "$scratch/vars.json" <<EOF
{"kiosk_deb": "$deb", "kiosk_channel": "$scratch/channel", "kiosk_channel_poll_seconds": 60,
 "kiosk_trusted_key": "$scratch/museum.pub", "kiosk_pin_hash": "$pin_hash",
 "kiosk_start_session": false, "kiosk_first_sync_now": true,
 "kiosk_station_settings": {"cursor": "hidden", "idle_timeout_seconds": 90}}
EOF
play() {
  ANSIBLE_NOCOLOR=1 ANSIBLE_RETRY_FILES_ENABLED=0 ANSIBLE_LOCAL_TEMP="$scratch/ansible-local" \
    ANSIBLE_REMOTE_TEMP="$scratch/ansible-remote" \
    ansible-playbook -i "$scratch/inventory.ini" "$here/playbook.yml" -e "@$scratch/vars.json"
}
first=$(play) || { echo "$first" >&2; exit 1; }
echo "$first" | grep -E '^localhost' || true

owned() {  # path "user:group mode"
  actual=$(stat -c '%U:%G %a' "$1")
  [ "$actual" = "$2" ] || { echo "$1 is $actual, wanted $2" >&2; exit 1; }
}
test -x /usr/bin/kiosk && id kiosk >/dev/null
owned /etc/kiosk "root:kiosk 750"
owned /etc/kiosk/station.yaml "root:kiosk 640"
owned /etc/kiosk/keys "root:kiosk 750"
owned /etc/kiosk/keys/museum.pub "root:kiosk 640"
station=/etc/kiosk/station.yaml
grep -qx "channel: \"$scratch/channel\"" "$station" || { cat "$station" >&2; echo "no channel line" >&2; exit 1; }
grep -qx "  - /etc/kiosk/keys/museum.pub" "$station" || { echo "no trusted key" >&2; exit 1; }
grep -qxF "  pin_hash: \"$pin_hash\"" "$station" || { echo "no PIN hash" >&2; exit 1; }
grep -qx "cursor: hidden" "$station" || { echo "the station's own settings are missing" >&2; exit 1; }
cmp -s "$scratch/museum.pub" /etc/kiosk/keys/museum.pub
test -L /etc/systemd/system/multi-user.target.wants/kiosk.service \
  || { echo "the kiosk session is not enabled" >&2; exit 1; }
# The kiosk account reads its configuration (the station's PIN among it) and its channel.
status=$(cd / && runuser -u kiosk -- kiosk channel status)
echo "$status" | grep -qx "channel     $scratch/channel" || { echo "$status" >&2; exit 1; }
echo "$status" | grep -q "polled      every 60 s" || { echo "$status" >&2; exit 1; }
# The playbook's first round installed the channel's pack, as the kiosk, into its store.
echo "$status" | grep -q "installed   sequence $sequence " || { echo "$status" >&2; exit 1; }
listing=$(runuser -u kiosk -- kiosk pack list)
echo "$listing" | grep '^\* ' | grep -vq factory || { echo "$listing" >&2; exit 1; }
(cd / && runuser -u kiosk -- kiosk self-test >/dev/null)  # the station file has no findings
echo "provisioned: sequence $sequence installed from the channel by the first round"
echo "$status" | sed 's/^/  /'

# A second run changes nothing: the station is as the inventory describes it.
second=$(play) || { echo "$second" >&2; exit 1; }
echo "$second" | grep -qE '^localhost +: ok=[0-9]+ +changed=0 .*failed=0' \
  || { echo "$second" >&2; echo "the second run changed something" >&2; exit 1; }
echo "second run: changed=0"

KIOSK_PURGE_STAFF_DATA=yes apt-get purge -y -qq memorial-kiosk >/dev/null
test ! -e /etc/kiosk && test ! -e /var/lib/kiosk && ! id kiosk >/dev/null 2>&1 \
  || { echo "the purge left the station behind" >&2; exit 1; }
echo "provisioning example: all checks passed, station purged"

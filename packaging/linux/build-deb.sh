#!/usr/bin/env bash
# Build the Debian package from the PyInstaller bundle, offline, with dpkg-deb.
#   packaging/linux/build-deb.sh [--bundle dist/kiosk] [--out dist] [--version X]
# Output: dist/memorial-kiosk_<version>_<arch>.deb
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/packaging/linux"
bundle="$root/dist/kiosk"
out="$root/dist"
version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$root/src/kiosk/__init__.py")
while [ $# -gt 0 ]; do
    case "$1" in
        --bundle) bundle=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        --version) version=$2; shift 2 ;;
        *) echo "build-deb.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
if [ ! -x "$bundle/kiosk" ]; then
    echo "build-deb.sh: no bundle at $bundle; build it first:" >&2
    echo "  pyinstaller packaging/pyinstaller/kiosk.spec --noconfirm --distpath dist --workpath build/pyinstaller" >&2
    exit 2
fi
arch=$(dpkg --print-architecture)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

install -d "$stage/opt" "$stage/usr/bin" "$stage/usr/lib/memorial-kiosk" \
    "$stage/lib/systemd/system" "$stage/usr/share/applications" "$stage/etc/pam.d" \
    "$stage/usr/share/doc/memorial-kiosk" "$stage/DEBIAN"
cp -a "$bundle" "$stage/opt/kiosk"
install -m 0755 "$here/kiosk" "$stage/usr/bin/kiosk"
install -m 0755 "$here/kiosk-session" "$here/kiosk-session-ended" "$stage/usr/lib/memorial-kiosk/"
install -m 0644 "$here/kiosk.service" "$here/kiosk-fallback.service" "$stage/lib/systemd/system/"
install -m 0644 "$here/kiosk.desktop" "$stage/usr/share/applications/memorial-kiosk.desktop"
install -m 0644 "$here/pam-kiosk" "$stage/etc/pam.d/kiosk"
install -m 0644 "$root/packaging/README.md" "$stage/usr/share/doc/memorial-kiosk/README.md"
install -m 0644 "$root/LICENSE" "$stage/usr/share/doc/memorial-kiosk/copyright"

qt_runtime=$(grep -v '^#' "$root/packaging/debian-qt-runtime.txt" | paste -sd, | sed 's/,/, /g')
size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size/" \
    -e "s/@QT_RUNTIME@/$qt_runtime/" "$here/debian/control.in" > "$stage/DEBIAN/control"
install -m 0755 "$here/debian/postinst" "$here/debian/prerm" "$here/debian/postrm" "$stage/DEBIAN/"
echo /etc/pam.d/kiosk > "$stage/DEBIAN/conffiles"
(cd "$stage" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z \
    | xargs -0 md5sum > DEBIAN/md5sums)

mkdir -p "$out"
deb="$out/memorial-kiosk_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz -z6 --build "$stage" "$deb" >/dev/null
echo "$deb"

#!/bin/bash
# Builds the test guest from Debian packages only: the kernel of linux-image-amd64 (vmlinuz, plus the
# PVH-bootable ELF vmlinux that boots about twice as fast under TCG) and a busybox-static initramfs
# running scripts/guest/init. Output in $1 (default .work/guest): vmlinux, vmlinuz, initrd.gz.
# Skips the build when the output matches a hash of this script, scripts/guest/* and the kernel version.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(dirname "$HERE")
SRC=$HERE/guest
OUT=$(mkdir -p "${1:-$REPO/.work/guest}" && cd "${1:-$REPO/.work/guest}" && pwd)
DL=$OUT/dl
mkdir -p "$DL"

KPKG=$(apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-/{print $2; exit}' || true)
if [ -z "$KPKG" ]; then
  # No apt lists (cleaned image): fall back to a kernel package downloaded earlier.
  KPKG=$(cd "$DL" && ls linux-image-*_amd64.deb 2>/dev/null | head -1 | cut -d_ -f1 || true)
  [ -n "$KPKG" ] || { echo "build-guest: cannot resolve linux-image-amd64 (run apt-get update)" >&2; exit 1; }
fi
BUSYBOX=/bin/busybox
dpkg-query -W -f='${Status}' busybox-static 2>/dev/null | grep -q 'install ok installed' && [ -x "$BUSYBOX" ] \
  || { echo "build-guest: busybox-static is not installed (scripts/prereqs.sh installs it)" >&2; exit 1; }

STAMP=$( (cat "$0" "$SRC"/*; echo "$KPKG"; dpkg-query -W -f='${Version}' busybox-static) | sha256sum | cut -c1-16)
if [ -f "$OUT/stamp" ] && [ "$(cat "$OUT/stamp")" = "$STAMP" ] && [ -s "$OUT/vmlinux" ] && [ -s "$OUT/initrd.gz" ]; then
  echo "build-guest: up to date ($OUT)"
  exit 0
fi
rm -f "$OUT/stamp"

cd "$DL"
if ! ls "$KPKG"_*.deb >/dev/null 2>&1; then
  rm -f linux-image-*.deb
  apt-get download "$KPKG" >/dev/null 2>&1 || true
  ls "$KPKG"_*.deb >/dev/null 2>&1 || { echo "build-guest: apt-get download $KPKG failed" >&2; exit 1; }
fi

KX=$DL/kx
rm -rf "$KX" && mkdir -p "$KX"
dpkg-deb --fsys-tarfile "$KPKG"_*.deb | tar -x -C "$KX" --wildcards './boot/vmlinuz-*' \
  '*/kernel/drivers/virtio/*' '*/virtio_net.ko' '*/net_failover.ko' '*/core/failover.ko' '*/net/8021q/*' \
  '*/net/802/*' '*/net/llc/*' '*/virtio_blk.ko' '*/input/evdev.ko' '*/acpi/button.ko'
cp "$KX"/boot/vmlinuz-* "$OUT/vmlinuz.tmp"
# The bzImage carries the kernel ELF as an xz stream; the ELF boots through its PVH entry point.
OFF=$(LC_ALL=C grep -obUaP '\xFD7zXZ\x00' "$OUT/vmlinuz.tmp" | head -1 | cut -d: -f1)
tail -c +$((OFF + 1)) "$OUT/vmlinuz.tmp" > "$DL/payload.xz"
xz -dc --single-stream "$DL/payload.xz" > "$OUT/vmlinux.tmp"
rm -f "$DL/payload.xz"
[ "$(head -c 4 "$OUT/vmlinux.tmp" | od -An -tx1 | tr -d ' ')" = 7f454c46 ] \
  || { echo "build-guest: extracted vmlinux is not an ELF file" >&2; exit 1; }

R=$OUT/root
rm -rf "$R"
mkdir -p "$R/bin" "$R/proc" "$R/sys" "$R/dev" "$R/tmp" "$R/mod" "$R/etc" "$R/usr"
cp "$BUSYBOX" "$R/bin/busybox"
for a in $("$R/bin/busybox" --list); do [ "$a" = busybox ] || ln -sf busybox "$R/bin/$a"; done
ln -s bin "$R/sbin"; ln -s ../bin "$R/usr/bin"; ln -s ../bin "$R/usr/sbin"
gcc -O2 -static -s -o "$R/bin/dirtier" "$SRC/dirtier.c"
gcc -O2 -static -s -o "$R/bin/pwrbtn" "$SRC/pwrbtn.c"
install -m 755 "$SRC/init" "$R/init"
install -m 755 "$SRC/udhcpc.script" "$R/etc/udhcpc.script"

# Modules with their dependencies, in load order (the package has no modules.dep; read each .ko's depends=).
declare -A SEEN=()
ORDER=()
add_module() {
  local m=$1 f deps d
  [ -n "${SEEN[$m]:-}" ] && return 0
  SEEN[$m]=1
  f=$(find "$KX/lib/modules" \( -name "$m.ko" -o -name "${m//_/-}.ko" \) | head -1)
  [ -n "$f" ] || { echo "build-guest: module $m not found" >&2; exit 1; }
  deps=$(grep -a -o -m1 'depends=[A-Za-z0-9_,-]*' "$f" | head -1 | sed 's/^depends=//; s/,/ /g')
  for d in $deps; do add_module "$d"; done
  cp "$f" "$R/mod/$m.ko"
  ORDER+=("$m")
}
for m in virtio_pci virtio_net virtio_blk 8021q evdev button; do add_module "$m"; done
printf '%s\n' "${ORDER[@]}" > "$R/etc/modules.order"

(cd "$R" && find . | "$R/bin/busybox" cpio -o -H newc 2>/dev/null | gzip -9 > "$OUT/initrd.gz.tmp")
mv "$OUT/vmlinuz.tmp" "$OUT/vmlinuz"
mv "$OUT/vmlinux.tmp" "$OUT/vmlinux"
mv "$OUT/initrd.gz.tmp" "$OUT/initrd.gz"
rm -rf "$KX"
echo "$STAMP" > "$OUT/stamp"
echo "build-guest: built $OUT (kernel $KPKG, modules: ${ORDER[*]})"
ls -l "$OUT/vmlinux" "$OUT/vmlinuz" "$OUT/initrd.gz"

#!/bin/bash
# Installs what real hosts need (QEMU, Open vSwitch, busybox-static, ping, a C compiler for the guest's
# memory dirtier) from Debian's packages when missing, then builds the test guest into .work/guest/.
# Idempotent: apt-get runs only when a package is missing, the guest only rebuilds when its sources change.
# Usage: scripts/prereqs.sh [--no-guest]
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
export DEBIAN_FRONTEND=noninteractive

PKGS=(qemu-system-x86 qemu-utils openvswitch-switch busybox-static iproute2 iputils-ping
      gcc libc6-dev xz-utils ca-certificates)

missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { echo "prereqs: need root to install: ${missing[*]}" >&2; exit 1; }
  echo "prereqs: installing ${missing[*]}"
  # Package postinsts must not start daemons (PID 1 is not an init system here); the agent starts
  # ovsdb-server/ovs-vswitchd itself. Leave an existing policy-rc.d exactly as found.
  created_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    created_policy=1
  fi
  restore_policy() { [ "$created_policy" = 1 ] && rm -f /usr/sbin/policy-rc.d; return 0; }
  trap restore_policy EXIT
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  restore_policy; trap - EXIT
else
  echo "prereqs: packages present"
fi

for b in qemu-system-x86_64 qemu-img ovs-vsctl ovsdb-server ovs-vswitchd ovsdb-tool ovs-appctl busybox ping ip gcc; do
  command -v "$b" >/dev/null || { echo "prereqs: $b still missing after install" >&2; exit 1; }
done

if [ "${1:-}" != "--no-guest" ]; then
  "$REPO/scripts/build-guest.sh" "$REPO/.work/guest"
fi

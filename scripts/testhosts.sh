#!/bin/bash
# Several test hosts on one machine: network namespaces <prefix>-h1..N, each with two uplinks (eth1, eth2)
# into a "physical" switch: an OVS bridge <prefix>-phys (userspace datapath, trunking every VLAN) run by a
# root-namespace OVS instance of its own. Optionally one agent per namespace.
#
#   scripts/testhosts.sh up N [--agents] [-- extra agent args]   create hosts 1..N (idempotent); agents need
#       at least: -- --Agent:ControlPlaneUrl=unix:/abs/cp.sock --Agent:JoinToken=<token>
#   scripts/testhosts.sh down                                   kill recorded processes, delete everything
#   scripts/testhosts.sh status
#
# Environment: CP_PREFIX (default cp), CP_WORK (default <repo>/.work), CP_AGENT_DLL (agent build output),
# CP_GUEST (default <repo>/.work/guest). Host i gets data folder $CP_WORK/hosts-<prefix>/<prefix>-hI and
# address 10.99.0.(10+i)/24 on its br0 (set by the agent's ovs driver through Agent:Ovs:HostAddress).
# Only traffic inside these namespaces; `down` is safe to run twice.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
PREFIX=${CP_PREFIX:-cp}
WORK=${CP_WORK:-$REPO/.work}
PHYS=$PREFIX-phys
PHYSDIR=$WORK/phys-ovs
[ "$PREFIX" = cp ] || PHYSDIR=$WORK/phys-ovs-$PREFIX
HOSTS=$WORK/hosts-$PREFIX
PIDS=$HOSTS/pids
GUEST=${CP_GUEST:-$REPO/.work/guest}
AGENT_DLL=${CP_AGENT_DLL:-$REPO/src/ControlPlane.Agent/bin/Debug/net10.0/ControlPlane.Agent.dll}
export OVS_RUNDIR=$PHYSDIR OVS_DBDIR=$PHYSDIR OVS_LOGDIR=$PHYSDIR
VSCTL=(ovs-vsctl --db=unix:$PHYSDIR/db.sock --timeout=30)

alive_ours() { # pid marker: the process lives (not a zombie) and its command line mentions marker
  local pid=$1 marker=$2 st
  [ -r "/proc/$pid/stat" ] || return 1
  st=$(sed 's/.*) //' "/proc/$pid/stat" | cut -d' ' -f1)
  [ "$st" != Z ] || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "$marker"
}

phys_up() {
  mkdir -p "$PHYSDIR"
  if ! { [ -f "$PHYSDIR/ovsdb-server.pid" ] && alive_ours "$(cat "$PHYSDIR/ovsdb-server.pid")" "$PHYSDIR"; }; then
    [ -f "$PHYSDIR/conf.db" ] || ovsdb-tool create "$PHYSDIR/conf.db" /usr/share/openvswitch/vswitch.ovsschema
    ovsdb-server "$PHYSDIR/conf.db" --remote="punix:$PHYSDIR/db.sock" --pidfile="$PHYSDIR/ovsdb-server.pid" \
      --unixctl="$PHYSDIR/ovsdb-server.ctl" --log-file="$PHYSDIR/ovsdb-server.log" -vconsole:off --detach 2>>"$PHYSDIR/start.log"
    "${VSCTL[@]}" --no-wait init
  fi
  if ! { [ -f "$PHYSDIR/ovs-vswitchd.pid" ] && alive_ours "$(cat "$PHYSDIR/ovs-vswitchd.pid")" "$PHYSDIR"; }; then
    ovs-vswitchd "unix:$PHYSDIR/db.sock" --pidfile="$PHYSDIR/ovs-vswitchd.pid" \
      --unixctl="$PHYSDIR/ovs-vswitchd.ctl" --log-file="$PHYSDIR/ovs-vswitchd.log" -vconsole:off --detach 2>>"$PHYSDIR/start.log"
  fi
  "${VSCTL[@]}" --may-exist add-br "$PHYS" -- set bridge "$PHYS" datapath_type=netdev
  ip link set "$PHYS" up
}

host_up() {
  local i=$1 ns=$PREFIX-h$1 dir=$HOSTS/$PREFIX-h$1 n
  mkdir -p "$dir"
  ip netns list | grep -qw "^$ns" || ip netns add "$ns"
  ip -n "$ns" link set lo up
  for n in 1 2; do
    local outer=$PREFIX-h${i}e$n
    if ! ip link show "$outer" >/dev/null 2>&1; then
      ip link add "$outer" type veth peer name "eth$n" netns "$ns"
    fi
    ip link set "$outer" up
    ip -n "$ns" link set "eth$n" up
    "${VSCTL[@]}" --may-exist add-port "$PHYS" "$outer"
  done
}

agent_up() {
  local i=$1 ns=$PREFIX-h$1 dir=$HOSTS/$PREFIX-h$1; shift
  [ -f "$AGENT_DLL" ] || { echo "testhosts: agent not built: $AGENT_DLL" >&2; exit 1; }
  if [ -f "$dir/agent.pid" ] && alive_ours "$(cat "$dir/agent.pid")" "$dir"; then return 0; fi
  rm -f "$dir/agent.sock"
  ip netns exec "$ns" setsid dotnet "$AGENT_DLL" --urls "http://unix:$dir/agent.sock" \
    --Agent:Driver=qemu --Agent:NetworkDriver=ovs --Agent:DataDir="$dir" --Agent:Name="$ns" --Agent:Address="10.99.0.$((10 + i))" \
    --Agent:Ovs:HostAddress="10.99.0.$((10 + i))/24" --Agent:Ovs:Uplinks=eth1,eth2 \
    --Agent:Qemu:Kernel="$GUEST/vmlinux" --Agent:Qemu:Initrd="$GUEST/initrd.gz" --Agent:Qemu:Accelerator=tcg \
    "$@" > "$dir/agent.log" 2>&1 < /dev/null &
  echo $! > "$dir/agent.pid"
  echo "agent $! $dir" >> "$PIDS"
  echo "testhosts: agent for $ns: pid $!, socket $dir/agent.sock, log $dir/agent.log"
}

up() {
  local n=$1; shift
  local agents=0
  if [ "${1:-}" = --agents ]; then agents=1; shift; fi
  [ "${1:-}" = -- ] && shift
  mkdir -p "$HOSTS"; touch "$PIDS"
  phys_up
  for i in $(seq 1 "$n"); do host_up "$i"; done
  if [ $agents = 1 ]; then for i in $(seq 1 "$n"); do agent_up "$i" "$@"; done; fi
  echo "testhosts: $n host(s) up: $(ip netns list | awk '{print $1}' | grep "^$PREFIX-h" | sort | tr '\n' ' ')"
}

kill_pid() { # pid marker: TERM, wait, KILL; only a live process whose command line mentions marker
  local pid=$1 marker=$2 t
  alive_ours "$pid" "$marker" || return 0
  kill "$pid" 2>/dev/null || true
  for t in $(seq 50); do alive_ours "$pid" "$marker" || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}

down() {
  local f dir ns
  if [ -f "$PIDS" ]; then
    while read -r kind pid marker; do [ "$kind" = agent ] && kill_pid "$pid" "$marker"; done < "$PIDS"
  fi
  if [ -d "$HOSTS" ]; then
    for f in "$HOSTS"/*/agent.pid; do [ -f "$f" ] && kill_pid "$(cat "$f")" "$(dirname "$f")"; done
    # QEMU processes the agents started: pidfile plus the VM id in the command line.
    for f in "$HOSTS"/*/vms/*/qemu.pid; do [ -f "$f" ] && kill_pid "$(cat "$f")" "$(basename "$(dirname "$f")")"; done
    for dir in "$HOSTS"/*/ovs; do
      for f in "$dir"/ovs-vswitchd.pid "$dir"/ovsdb-server.pid; do [ -f "$f" ] && kill_pid "$(cat "$f")" "$dir"; done
    done
  fi
  if [ -d "$PHYSDIR" ]; then
    if [ -S "$PHYSDIR/db.sock" ] && [ -f "$PHYSDIR/ovs-vswitchd.pid" ] && alive_ours "$(cat "$PHYSDIR/ovs-vswitchd.pid")" "$PHYSDIR"; then
      "${VSCTL[@]}" --if-exists del-br "$PHYS" || true
    fi
    for f in "$PHYSDIR"/ovs-vswitchd.pid "$PHYSDIR"/ovsdb-server.pid; do [ -f "$f" ] && kill_pid "$(cat "$f")" "$PHYSDIR"; done
    rm -rf "$PHYSDIR"
  fi
  for ns in $(ip netns list | awk '{print $1}' | grep -E "^$PREFIX-h[0-9]+$" || true); do ip netns del "$ns" || true; done
  for f in $(ip -o link show | awk -F': ' '{print $2}' | cut -d@ -f1 | grep -E "^$PREFIX-h[0-9]+e[12]$" || true); do
    ip link del "$f" 2>/dev/null || true
  done
  rm -rf "$HOSTS"
  echo "testhosts: down ($PREFIX)"
}

status() {
  ip netns list | grep "^$PREFIX-h" || echo "no $PREFIX-h* namespaces"
  [ -S "$PHYSDIR/db.sock" ] && "${VSCTL[@]}" show || true
  [ -f "$PIDS" ] && cat "$PIDS" || true
}

case "${1:-}" in
  up) shift; [ $# -ge 1 ] || { echo "usage: $0 up N [--agents] [-- agent args]" >&2; exit 2; }; up "$@" ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 up N [--agents] [-- agent args] | down | status" >&2; exit 2 ;;
esac

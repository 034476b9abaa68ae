#!/usr/bin/env bash
# The load benchmark in one command: builds Release, measures a bare ASP.NET hello-world and then the
# control plane's dev cluster (3 simulated agents) with the same client, 64 clients each: reads as fast as they are
# answered with writes at a fixed rate between them (the goals' run), then on the same server the closed-loop 90/10
# mix and reads alone for comparison; writes the figures and whether the goals were met into bench/README.md ("## Load").
# Servers listen on 127.0.0.1 only; the server side is pinned to core 0 and the client to core 1.
# Usage: bench/load/run.sh [seconds=60] [clients=64] [warmup seconds=20] [writes per second=50]
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${1:-60}
clients=${2:-64}
# Long enough for tiered JIT to promote the hot paths on a busy 2-core machine (they stayed tier 0 after 5 s).
warmup=${3:-20}
# 50 writes/s is 180,000 mutations an hour, more than a busy cluster's control plane sees (the performance anchors'
# design uses 20/s: a 90/10 mix at 200 req/s).
write_rate=${4:-50}
work=$(mktemp -d /tmp/cp-load.XXXXXX)
admin_key="load-admin-$(date +%s)"
pids=()

cleanup() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  done
  # The dev cluster's agents are the control plane's children, started with our data folder on their command line.
  for pid in $(pgrep -f -- "$work/" || true); do
    kill "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

wait_http() { # url, seconds
  for _ in $(seq 1 $(($2 * 5))); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 0.2
  done
  echo "timed out waiting for $1" >&2
  return 1
}

pin() { # core, command...
  local core=$1; shift
  if command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then taskset -c "$core" "$@"; else "$@"; fi
}

echo "== build (Release)"
dotnet build ControlPlane.sln -c Release -warnaserror -nologo -v q
bench=bench/ControlPlane.LoadBench/bin/Release/net10.0/ControlPlane.LoadBench.dll
api=src/ControlPlane.Api/bin/Release/net10.0/ControlPlane.Api.dll

load_before=$(cut -d' ' -f1-3 /proc/loadavg)

echo "== hello-world baseline"
hello_port=$(free_port)
DOTNET_gcServer=1 pin 0 dotnet "$bench" hello --urls="http://127.0.0.1:$hello_port" >"$work/hello.log" 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$hello_port/" 30
pin 1 dotnet "$bench" run --workload=hello --target="http://127.0.0.1:$hello_port" \
  --clients="$clients" --seconds="$seconds" --warmup="$warmup" --out="$work/hello.json"
kill "${pids[0]}"

echo "== control plane (dev cluster, 3 simulated agents)"
cp_port=$(free_port)
agent_port=$(free_port)
pin 0 dotnet "$api" --Urls="http://127.0.0.1:$cp_port" --ControlPlane:DataDir="$work/data" \
  --ControlPlane:Auth:AdminKey="$admin_key" --DevCluster:Agents=3 --DevCluster:AgentBasePort="$agent_port" \
  >"$work/controlplane.log" 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$cp_port/healthz" 60
pin 1 dotnet "$bench" run --workload=controlplane --mix=paced --write-rate="$write_rate" --target="http://127.0.0.1:$cp_port" --key="$admin_key" \
  --clients="$clients" --seconds="$seconds" --warmup="$warmup" --out="$work/controlplane.json"
echo "== control plane, closed-loop 90/10 mix (same server)"
pin 1 dotnet "$bench" run --workload=controlplane --mix=closed --target="http://127.0.0.1:$cp_port" --key="$admin_key" \
  --clients="$clients" --seconds="$seconds" --warmup="$warmup" --out="$work/closed.json"
echo "== control plane, reads only (same server)"
pin 1 dotnet "$bench" run --workload=controlplane --mix=reads --target="http://127.0.0.1:$cp_port" --key="$admin_key" \
  --clients="$clients" --seconds="$seconds" --warmup="$warmup" --out="$work/readsonly.json"

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
dotnet "$bench" report --hello="$work/hello.json" --controlplane="$work/controlplane.json" --closed="$work/closed.json" --readsonly="$work/readsonly.json" --write-rate="$write_rate" --readme=bench/README.md \
  --machine="\`nproc\` = $(nproc), CPU \"$cpu\", $(free -g | awk '/Mem:/ {print $2}') GiB RAM, Debian $(cat /etc/debian_version)" \
  --note="Server (and the dev cluster's agents) pinned to core 0, client to core 1 with taskset; $clients clients over loopback, one connection each, ${seconds} s measured after a ${warmup} s warm-up, each workload in turn. Load average before the run: $load_before (the machine is shared)."
echo "== figures written to bench/README.md (raw results in $work)"

#!/usr/bin/env bash
# Builds the scheduler benchmark in Release and runs the report: solves the shared instances (answers verified),
# then generated ones, prints ratios and timings side by side with first-fit decreasing, and rewrites bench/README.md.
# Usage: bench/run-scheduler.sh [instancesDir]   (default: ../shared/bench/instances relative to the repo root)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/ControlPlane.Bench -c Release --nologo -v quiet
exec dotnet bench/ControlPlane.Bench/bin/Release/net10.0/ControlPlane.Bench.dll report "$@"

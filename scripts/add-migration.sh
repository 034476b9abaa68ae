#!/usr/bin/env bash
# Adds an EF Core migration (with its designer file and the model snapshot) to ControlPlane.Persistence.
# Usage: scripts/add-migration.sh <Name>
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh <MigrationName>}
tools=.work/tools
[ -x "$tools/dotnet-ef" ] || dotnet tool install dotnet-ef --version 10.0.14 --tool-path "$tools"
"$tools/dotnet-ef" migrations add "$name" \
  --project src/ControlPlane.Persistence \
  --startup-project tools/ControlPlane.DesignHost \
  --output-dir Migrations
rm -f tools/ControlPlane.DesignHost/design.db

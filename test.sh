#!/usr/bin/env bash
# Runs every Geo test: unit tests, and integration tests on the real OSM extracts and a real local PostGIS.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
scripts/postgis.sh start >/dev/null
dotnet test Geo.sln --nologo "$@"

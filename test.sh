#!/usr/bin/env bash
# Runs every Geo test: unit tests, and integration tests on the real OSM extracts, GDAL and a real local PostGIS.
# Installs the Debian packages the tests use when missing (as root) and starts the throwaway PostGIS cluster.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
scripts/install-packages.sh
scripts/postgis.sh start >/dev/null
dotnet test Geo.sln --nologo "$@"

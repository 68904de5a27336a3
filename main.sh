#!/usr/bin/env bash
# Geo's main job on the embedded default (a GeoPackage, no server): import the real Chengdu extract, then audit
# its 15-minute e-bike service circles: coverage per planning cell, blind spots, report and map in out/audit/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
extract="${1:-../shared/datasets/chengdu-center.osm.pbf}"
mkdir -p out
[ "$(id -u)" = 0 ] && scripts/install-packages.sh fonts-noto-cjk   # Chinese labels on the map
dotnet build engine/Geo.Cli -c Release --nologo -v quiet >/dev/null
geo() { dotnet engine/Geo.Cli/bin/Release/net10.0/geo.dll "$@"; }
rm -f out/chengdu.gpkg
geo import "$extract" --out out/chengdu.gpkg
geo audit --data out/chengdu.gpkg --profile ebike --minutes 15 --out out/audit
echo "report: out/audit/report.html (map: out/audit/coverage.png, layers: out/audit/audit.gpkg)"
echo "map viewer: dotnet engine/Geo.Cli/bin/Release/net10.0/geo.dll serve --data out/chengdu.gpkg, then open http://127.0.0.1:5080/"

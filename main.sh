#!/usr/bin/env bash
# Geo's main job on the embedded default (a GeoPackage, no server): import the real Chengdu extract and report
# what a station at its centre reaches in 15 minutes by e-bike.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
extract="${1:-../shared/datasets/chengdu-center.osm.pbf}"
mkdir -p out
dotnet build engine/Geo.Cli -c Release --nologo -v quiet >/dev/null
geo() { dotnet engine/Geo.Cli/bin/Release/net10.0/geo.dll "$@"; }
rm -f out/chengdu.gpkg
geo import "$extract" --out out/chengdu.gpkg
geo reach --data out/chengdu.gpkg --from 104.0817,30.6594 --profile ebike --minutes 15 > out/reach.csv
echo "15-minute e-bike reach from 104.0817,30.6594: $(($(wc -l < out/reach.csv) - 1)) junctions, written to out/reach.csv"

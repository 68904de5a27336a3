#!/usr/bin/env bash
# Geo's main job, the planner's loop on the real Chengdu extract and Chengdu's real districts (no server needed):
# import → audit by district (区/县) and by 1 km planning cell (网格) → siting (the fewest new stations reaching the
# target, and the curve) → briefing PDF. No real station list of any Chinese city is published, so the stations are
# the extract's station-like OSM POIs; every output's headline names them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
extract="${1:-../shared/datasets/chengdu-center.osm.pbf}"
districts="${2:-../shared/datasets/chengdu-districts-gcj02.geojson}"   # GCJ-02, as Chinese web maps give it
target="${TARGET:-90%}"
mkdir -p out
[ "$(id -u)" = 0 ] && scripts/install-packages.sh fonts-noto-cjk   # Chinese labels on the map and in the briefing
dotnet build engine/Geo.Cli -c Release --nologo -v quiet >/dev/null
geo() { dotnet engine/Geo.Cli/bin/Release/net10.0/geo.dll "$@"; }
rm -f out/chengdu.gpkg out/siting.gpkg
echo "== import"
geo import "$extract" --out out/chengdu.gpkg
echo "== audit: 15 minutes by e-bike, by district and by planning cell"
geo audit --data out/chengdu.gpkg --subdistricts "$districts" --input-crs gcj02 --profile ebike --minutes 15 --out out/audit
echo "== siting: the fewest new stations reaching $target of the street length"
geo site --data out/chengdu.gpkg --candidates grid:300m --target "$target" --profile ebike --minutes 15 --time-limit 20s \
  --out out/siting.gpkg --plot out/siting-curve.png
echo "== briefing"
geo brief --audit out/audit --siting out/siting.gpkg --all-subdistricts --out out/brief.pdf
cat <<DONE
== outputs
report:   out/audit/report.html (and report.md), map out/audit/coverage.png
tables:   out/audit/coverage.csv (by district), out/audit/cell_coverage.csv (by planning cell), out/audit/blind_spots.csv
layers:   out/audit/audit.gpkg (subdistrict_coverage = districts, cell_coverage, gaps, blind_spots, pairing, …)
siting:   out/siting.gpkg (new_sites, new_site_areas), curve out/siting-curve.png
briefing: out/brief.pdf
viewer:   dotnet engine/Geo.Cli/bin/Release/net10.0/geo.dll serve --data out/chengdu.gpkg --subdistricts $districts --input-crs gcj02, then open http://127.0.0.1:5080/
DONE

#!/usr/bin/env bash
# Geo's service areas against QGIS on the same e-bike network and stations. QGIS: "Service area (from layer)" (fastest
# path, one-ways and speeds as Geo's graph has them, 15 minutes), then each station's area as the reached lines
# widened by the profile's lateral distance (60 m, 5 segments a quarter circle) - "Explode lines", "Buffer" of the
# segments, "Dissolve" by station (several times faster than buffering each station's lines as one geometry: 168 s
# for 100 stations on Chengdu) - and "Dissolve" of those into the merged coverage. Geo: `geo service-areas` gives
# both in one command. Each side is timed as whole processes, QGIS's steps one after another; the script prints each
# time, QGIS's start-up (a buffer of the station points), the merged coverage's area on each side, and the ratio.
#   benchmarks/compare/qgis-service-areas.sh [dataset.gpkg | extract.osm.pbf | synth:VERTICES] [stations]
#   (default: ../shared/datasets/chengdu-center.osm.pbf, 100 stations)
# Installs Debian's qgis (for qgis_process) when missing. QGIS needs its network in metres: both layers are first
# reprojected to the UTM zone of the stations (not timed).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
scripts/install-packages.sh qgis sqlite3
source="${1:-../shared/datasets/chengdu-center.osm.pbf}"
stations="${2:-100}"
dotnet build engine/Geo.Cli -c Release --nologo -v quiet >/dev/null
dotnet build benchmarks/Geo.Benchmarks -c Release --nologo -v quiet >/dev/null
geo="dotnet engine/Geo.Cli/bin/Release/net10.0/geo.dll"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
case "$source" in
  synth:*) $geo synth --vertices "${source#synth:}" --out "$work/dataset.gpkg" >/dev/null; dataset="$work/dataset.gpkg" ;;
  *.pbf) $geo import "$source" --out "$work/dataset.gpkg" >/dev/null; dataset="$work/dataset.gpkg" ;;
  *) dataset="$source" ;;
esac
dotnet benchmarks/Geo.Benchmarks/bin/Release/net10.0/Geo.Benchmarks.dll qgis-inputs "$dataset" "$stations" "$work"

# qgis_process.bin: Debian's qgis_process wrapper passes an option this QGIS version no longer knows.
qgis() { QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$work/runtime" /usr/bin/qgis_process.bin run "$@" --PROJECT_PATH="$work/project.qgs" >"$work/qgis.log" 2>&1 || { cat "$work/qgis.log" >&2; exit 1; }; }
epsg=$(python3 -c "import json,sys; lon,lat=json.load(open(sys.argv[1]))['features'][0]['geometry']['coordinates']; print((32600 if lat>=0 else 32700)+int((lon+180)//6)+1)" "$work/stations.geojson")
mkdir -p "$work/runtime" && chmod 700 "$work/runtime"
cat > "$work/project.qgs" <<EOF
<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis projectname="geo-compare" version="3.22.16">
  <projectCrs><spatialrefsys><authid>EPSG:$epsg</authid></spatialrefsys></projectCrs>
  <properties><Measure><Ellipsoid type="QString">EPSG:7030</Ellipsoid></Measure></properties>
</qgis>
EOF
qgis native:reprojectlayer --INPUT="$work/network.gpkg|layername=network" --TARGET_CRS="EPSG:$epsg" --OUTPUT="$work/network_m.gpkg"
qgis native:reprojectlayer --INPUT="$work/stations.geojson" --TARGET_CRS="EPSG:$epsg" --OUTPUT="$work/stations_m.gpkg"

now() { date +%s.%N; }
t0=$(now)
qgis native:buffer --INPUT="$work/stations_m.gpkg" --DISTANCE=1 --SEGMENTS=1 --DISSOLVE=0 --OUTPUT="$work/startup.gpkg"
t1=$(now)
qgis native:serviceareafromlayer --INPUT="$work/network_m.gpkg" --STRATEGY=1 --DIRECTION_FIELD=direction --VALUE_FORWARD=forward \
  --VALUE_BACKWARD=backward --VALUE_BOTH=both --DEFAULT_DIRECTION=2 --SPEED_FIELD=speed_kmh --DEFAULT_SPEED=15 --TOLERANCE=0 \
  --START_POINTS="$work/stations_m.gpkg" --TRAVEL_COST2=0.25 --INCLUDE_BOUNDS=0 --OUTPUT_LINES="$work/lines.gpkg"
t2=$(now)
qgis native:explodelines --INPUT="$work/lines.gpkg" --OUTPUT="$work/segments.gpkg"
qgis native:buffer --INPUT="$work/segments.gpkg" --DISTANCE=60 --SEGMENTS=5 --END_CAP_STYLE=0 --JOIN_STYLE=0 --MITER_LIMIT=2 --DISSOLVE=0 --OUTPUT="$work/widened.gpkg"
qgis native:dissolve --INPUT="$work/widened.gpkg" --FIELD=id --OUTPUT="$work/areas.gpkg"
t3=$(now)
qgis native:dissolve --INPUT="$work/areas.gpkg" --OUTPUT="$work/coverage.gpkg"
t4=$(now)
$geo service-areas --data "$dataset" --stations "$work/stations.geojson" --minutes 15 --profile ebike --direction from-station \
  --no-overlap --out "$work/geo.gpkg" >"$work/geo.log" 2>&1 || { cat "$work/geo.log" >&2; exit 1; }
t5=$(now)
qgis native:fieldcalculator --INPUT="$work/coverage.gpkg" --FIELD_NAME=km2 --FIELD_TYPE=0 --FIELD_LENGTH=20 --FIELD_PRECISION=3 \
  --FORMULA='$area / 1e6' --OUTPUT="$work/coverage_km2.gpkg"
qgis_km2=$(sqlite3 "$work/coverage_km2.gpkg" "SELECT printf('%.2f', km2) FROM coverage_km2")
geo_km2=$(grep -o '15-minute coverage [0-9.]* km²' "$work/geo.log" | grep -o '[0-9.]* km²' || echo '?')
python3 - "$t0" "$t1" "$t2" "$t3" "$t4" "$t5" "$source" "$stations" "$qgis_km2" "$geo_km2" <<'EOF'
import sys
t = [float(x) for x in sys.argv[1:7]]
source, stations, qgis_km2, geo_km2 = sys.argv[7:11]
startup, lines, areas, coverage, geo = t[1]-t[0], t[2]-t[1], t[3]-t[2], t[4]-t[3], t[5]-t[4]
qgis = lines + areas + coverage
print(f"qgis-service-areas: {source}, {stations} stations, 15 min e-bike | QGIS {qgis:.2f} s (reached lines {lines:.2f} s, "
      f"stations' areas {areas:.2f} s, merged coverage {coverage:.2f} s; start-up {startup:.2f} s a step, 5 steps; coverage "
      f"{qgis_km2} km²) | Geo {geo:.2f} s (coverage {geo_km2}) | ratio {qgis / geo:.1f}x, {(qgis - 5 * startup) / geo:.1f}x "
      f"without QGIS's start-ups")
EOF

#!/usr/bin/env bash
# The audit's figures from this tree and from a reference revision (default: main) on the same synthetic city:
# coverage.csv, blind_spots.csv and every station's service-area figures must be identical, and both runs' times
# and peak memory are printed side by side.
#   benchmarks/compare/audit-figures.sh [VERTICES [STATIONS]]   (default 30000 100)
# Environment: REFERENCE (a git revision, default main), REFERENCE_GEO (a built geo.dll to use instead),
# MINUTES (15), PROFILE (ebike).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
vertices="${1:-30000}"
stations="${2:-100}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet build engine/Geo.Cli -c Release --nologo -v quiet >/dev/null
geo="engine/Geo.Cli/bin/Release/net10.0/geo.dll"
reference="${REFERENCE_GEO:-}"
if [[ -z "$reference" ]]; then
  mkdir "$work/reference"
  git archive "${REFERENCE:-main}" | tar -x -C "$work/reference"
  dotnet build "$work/reference/engine/Geo.Cli" -c Release --nologo -v quiet >/dev/null
  reference="$work/reference/engine/Geo.Cli/bin/Release/net10.0/geo.dll"
fi
dotnet "$geo" synth --vertices "$vertices" --stations "$stations" --out "$work/city.gpkg" >/dev/null 2>&1

figures() {  # the service-area figures of an audit folder, one line per station
  sqlite3 -csv "$1/audit.gpkg" "SELECT station_id, minutes, area_km2, street_km FROM service_areas ORDER BY station_id, minutes"
  sqlite3 -csv "$1/audit.gpkg" "SELECT minutes, stations, area_km2, street_km FROM coverage"
}
for run in reference current; do
  dll="$geo"; [[ "$run" == reference ]] && dll="$reference"
  /usr/bin/time -f "%e %M" -o "$work/$run.time" dotnet "$dll" audit --data "$work/city.gpkg" --minutes "${MINUTES:-15}" \
    --profile "${PROFILE:-ebike}" --out "$work/out-$run" 2>"$work/$run.err" >/dev/null
  figures "$work/out-$run" >"$work/out-$run/figures.csv"
  read -r seconds kb <"$work/$run.time"
  printf '%-9s %6.1f s wall, %5.0f MB peak  %s\n' "$run" "$seconds" "$((kb / 1024))" "$(grep 'geo: time' "$work/$run.err" || true)"
done
status=0
for file in coverage.csv blind_spots.csv figures.csv; do
  if diff -q "$work/out-reference/$file" "$work/out-current/$file" >/dev/null; then
    echo "identical: $file ($(wc -l <"$work/out-current/$file") lines)"
  else
    echo "DIFFERENT: $file"; diff "$work/out-reference/$file" "$work/out-current/$file" | head -20; status=1
  fi
done
exit $status

#!/usr/bin/env bash
# Geo's maximal covering against PuLP + CBC on the same instance: builds the instance from a dataset with
# `geo site --export-instance`, then runs mclp_pulp.py (both solvers, objectives, times, ratio).
#   benchmarks/compare/mclp.sh <dataset.gpkg | synth:VERTICES> [K ...]   (default K: 20 50)
# Environment: CANDIDATES (default grid:400m), MINUTES (15), PROFILE (ebike), TIME_LIMIT (60 seconds each),
# STATIONS (existing stations: default the dataset's; 'none' to site from scratch, a much harder instance),
# GAP (relative gap at which both solvers may stop, e.g. 0.001; default 0: prove optimality).
# Installs the Debian packages python3-pulp and coinor-cbc when missing (/usr/bin/python3 sees them).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
scripts/install-packages.sh python3-pulp coinor-cbc
dataset="${1:?usage: mclp.sh <dataset.gpkg | synth:VERTICES> [K ...]}"
shift
ks=("${@:-20 50}")
dotnet build engine/Geo.Cli -c Release --nologo -v quiet >/dev/null
geo="dotnet engine/Geo.Cli/bin/Release/net10.0/geo.dll"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [[ "$dataset" == synth:* ]]; then
  $geo synth --vertices "${dataset#synth:}" --out "$work/city.gpkg" >/dev/null
  dataset="$work/city.gpkg"
fi
for k in ${ks[@]}; do
  $geo site --data "$dataset" --candidates "${CANDIDATES:-grid:400m}" --add "$k" ${STATIONS:+--stations "$STATIONS"} --minutes "${MINUTES:-15}" \
    --profile "${PROFILE:-ebike}" --time-limit 0 --out "$work/sites.gpkg" --export-instance "$work/instance-$k.json" >/dev/null
  /usr/bin/python3 benchmarks/compare/mclp_pulp.py "$work/instance-$k.json" --k "$k" --time-limit "${TIME_LIMIT:-60}" --gap "${GAP:-0}" --geo "$geo"
done

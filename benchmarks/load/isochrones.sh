#!/usr/bin/env bash
# Bounded load test of geo serve's isochrone endpoint on loopback with wrk: starts the server on an imported extract
# (default: the Chengdu extract), posts 15-minute e-bike isochrones for points jittered around its stations for a fixed
# time, and prints requests/s, p50/p99 latency and the error count.
#   benchmarks/load/isochrones.sh [extract.osm.pbf | dataset.gpkg | synth:VERTICES] [seconds=20] [connections=8]
name=isochrones
source="${1:-../shared/datasets/chengdu-center.osm.pbf}"
seconds="${2:-20}"
connections="${3:-8}"
source "$(dirname "${BASH_SOURCE[0]}")/serve-under-load.sh"
prepare_dataset "$source"
start_server

jittered_station_points 200 | while read -r lon lat; do
  echo "wrk.format(\"POST\", \"/api/isochrones\", { [\"Content-Type\"] = \"application/json\" }, [[{\"locations\": [[$lon, $lat]], \"profile\": \"ebike\", \"range\": [900]}]])"
done > "$work/requests.lua"
write_wrk_script "$work/requests.lua" "$work/post.lua"
# One probe first: it must succeed, or the load figures would be of error answers.
read -r lon lat < <(jittered_station_points 1)
curl -sf -X POST -H 'Content-Type: application/json' --data "{\"locations\": [[$lon, $lat]], \"profile\": \"ebike\", \"range\": [900]}" "${url}api/isochrones" >/dev/null
run_wrk "$work/post.lua" "$seconds" "$connections" "$source"

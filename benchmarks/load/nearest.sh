#!/usr/bin/env bash
# Bounded load test of geo serve's nearest-station endpoint on loopback with wrk: starts the server on a dataset
# (default: a generated city of 30,000 junctions with 1,000 stations and their opening hours), asks
# GET /api/nearest for points around its stations, open at a fixed evening time, for a fixed time, and prints
# requests/s, p50/p99 latency and the error count.
#   benchmarks/load/nearest.sh [dataset.gpkg | extract.osm.pbf | synth:VERTICES] [seconds=20] [connections=8] [k=1]
name=nearest
source="${1:-synth:30000}"
seconds="${2:-20}"
connections="${3:-8}"
k="${4:-1}"
source "$(dirname "${BASH_SOURCE[0]}")/serve-under-load.sh"
prepare_dataset "$source"
start_server

query() { echo "/api/nearest?lon=$1&lat=$2&k=$k&at=2026-12-02T21:30"; }
jittered_station_points 500 | while read -r lon lat; do echo "wrk.format(\"GET\", \"$(query "$lon" "$lat")\")"; done > "$work/requests.lua"
write_wrk_script "$work/requests.lua" "$work/get.lua"
# One probe first (it also builds the labelling for the evening's open stations): it must succeed, or the figures
# would be of error answers.
read -r lon lat < <(jittered_station_points 1)
curl -sf "${url%/}$(query "$lon" "$lat")" >/dev/null
run_wrk "$work/get.lua" "$seconds" "$connections" "$source, k=$k"

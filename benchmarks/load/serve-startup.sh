#!/usr/bin/env bash
# How long `geo serve` takes to answer and how much memory it holds then: starts it on a dataset, waits until
# /api/info answers, prints the seconds and the resident and peak memory (Linux VmRSS, VmHWM), and stops it.
#   benchmarks/load/serve-startup.sh [dataset.gpkg | extract.osm.pbf | synth:VERTICES]
name=serve-startup
source="${1:-synth:300000}"
source "$(dirname "${BASH_SOURCE[0]}")/serve-under-load.sh"
prepare_dataset "$source"
started=$(date +%s.%N)
start_server
curl -sf "${url}api/info" >/dev/null
answered=$(date +%s.%N)
resident=$(awk '/VmRSS/ {print $2 / 1024}' "/proc/$server/status")
peak=$(awk '/VmHWM/ {print $2 / 1024}' "/proc/$server/status")
python3 -c "print(f'serve-startup: $source: answering after {$answered - $started:.1f} s, resident {$resident:.0f} MB, peak {$peak:.0f} MB')"

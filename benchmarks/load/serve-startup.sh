#!/usr/bin/env bash
# How long `geo serve` takes to answer and to work out its first view (the default profile and break's audit with
# pairing and served land, which it does once it answers), and how much memory it holds then: starts it on a dataset, prints the
# seconds until /api/info answers and until it says the first view is ready, the resident and peak memory (Linux
# VmRSS, VmHWM), and stops it.
#   benchmarks/load/serve-startup.sh [dataset.gpkg | extract.osm.pbf | synth:VERTICES]
name=serve-startup
source="${1:-synth:300000}"
source "$(dirname "${BASH_SOURCE[0]}")/serve-under-load.sh"
prepare_dataset "$source"
started=$(date +%s.%N)
listen_server
curl -sf "${url}api/info" >/dev/null
answered=$(date +%s.%N)
answering_resident=$(awk '/VmRSS/ {print $2 / 1024}' "/proc/$server/status")
await_first_view
ready=$(date +%s.%N)
resident=$(awk '/VmRSS/ {print $2 / 1024}' "/proc/$server/status")
peak=$(awk '/VmHWM/ {print $2 / 1024}' "/proc/$server/status")
python3 -c "print(f'serve-startup: $source: answering after {$answered - $started:.1f} s (resident {$answering_resident:.0f} MB), first view ready after {$ready - $started:.1f} s, resident {$resident:.0f} MB, peak {$peak:.0f} MB')"

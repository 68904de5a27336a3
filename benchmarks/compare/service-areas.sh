#!/usr/bin/env bash
# Geo's service areas against pgRouting (pgr_drivingDistance + ST_ConcaveHull, and per station + ST_Union(ST_Buffer)
# of the reached stretches, polygons of Geo's kind) on the same graph and stations,
# on the synthetic Chengdu-sized city and the real shared extracts: prints both times and the ratio.
#   benchmarks/compare/service-areas.sh [station counts...]   (default: 100 1000)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
url="$(scripts/postgis.sh start | tail -n 1)"
dotnet build benchmarks/Geo.Benchmarks -c Release --nologo -v quiet >/dev/null
counts=("${@:-100 1000}")
# Geo runs here under the geo program's own runtime settings (engine/Geo.Cli/Geo.Cli.csproj): its code compiled fully
# optimised when first run, the server garbage collector, large objects compacted rather than the heap grown, arrays
# up to 8 MB started in the young generation.
export DOTNET_TC_QuickJit=0 DOTNET_gcServer=1 DOTNET_GCConserveMemory=7 DOTNET_GCLOHThreshold=0x800000
for dataset in synthetic-300k chengdu-center shanghai-center liechtenstein andorra; do
  for n in ${counts[@]}; do
    dotnet benchmarks/Geo.Benchmarks/bin/Release/net10.0/Geo.Benchmarks.dll compare-service-areas "$url" "$dataset" "$n"
  done
done

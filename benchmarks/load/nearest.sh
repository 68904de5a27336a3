#!/usr/bin/env bash
# Bounded load test of geo serve's nearest-station endpoint on loopback with wrk: starts the server on a dataset
# (default: a generated city of 30,000 junctions with 1,000 stations and their opening hours), asks
# GET /api/nearest for points spread over the streets' extent, open at a fixed evening time, for a fixed time, and
# prints requests/s, p50/p99 latency and the error count.
#   benchmarks/load/nearest.sh [dataset.gpkg | extract.osm.pbf | synth:VERTICES] [seconds=20] [connections=8] [k=1]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
source="${1:-synth:30000}"
seconds="${2:-20}"
connections="${3:-8}"
k="${4:-1}"
scripts/install-packages.sh wrk
dotnet build engine/Geo.Cli -c Release --nologo -v quiet >/dev/null
geo() { dotnet engine/Geo.Cli/bin/Release/net10.0/geo.dll "$@"; }
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
case "$source" in
  *.gpkg) data="$source" ;;
  synth:*) data="$work/city.gpkg"; geo synth --vertices "${source#synth:}" --stations 1000 --out "$data" >/dev/null 2>&1 ;;
  *) data="$work/data.gpkg"; geo import "$source" --out "$data" >/dev/null 2>&1 ;;
esac

geo serve --data "$data" --port 0 > "$work/serve.out" 2> "$work/serve.err" &
server=$!
for _ in $(seq 1 1200); do grep -q "map viewer on" "$work/serve.out" 2>/dev/null && break; kill -0 "$server" 2>/dev/null || { cat "$work/serve.err" >&2; exit 1; }; sleep 0.2; done
url="$(grep -o 'http://[0-9.:]*/' "$work/serve.out" | head -n 1)"
[ -n "$url" ] || { echo "nearest.sh: the server did not start" >&2; cat "$work/serve.err" >&2; exit 1; }

# Request paths: points within about 50 m of the stations (so every one snaps to a street), in a fixed order.
curl -sf "${url}api/stations" | python3 -c '
import json, random, sys
random.seed(7)
stations = [f["geometry"]["coordinates"] for f in json.load(sys.stdin)["features"]]
if not stations: sys.exit("nearest.sh: the dataset has no stations")
paths = []
for i in range(500):
    lon, lat = random.choice(stations)
    paths.append("/api/nearest?lon=%.6f&lat=%.6f&k=%s&at=2026-12-02T21:30" % (lon + random.uniform(-0.0005, 0.0005), lat + random.uniform(-0.0005, 0.0005), sys.argv[1]))
open(sys.argv[2], "w").write(paths[0])
print("paths = {" + ",".join("[==[" + p + "]==]" for p in paths) + "}")
' "$k" "$work/probe.txt" > "$work/paths.lua"
cat "$work/paths.lua" - > "$work/get.lua" <<'LUA'
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
LUA
# One probe first (it also builds the labelling for the evening's open stations): it must succeed, or the figures
# would be of error answers.
curl -sf "${url%/}$(cat "$work/probe.txt")" >/dev/null
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$work/get.lua" "$url" | tee "$work/wrk.txt"
python3 - "$work/wrk.txt" "$source" "$seconds" "$connections" "$k" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
rps = re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)
lat = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", text, re.M))
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
sock = re.search(r"Socket errors: (.*)", text)
errors = int(non2xx.group(1)) if non2xx else 0
print(f"nearest load: {sys.argv[2]}, k={sys.argv[5]}, {sys.argv[3]} s, {sys.argv[4]} connections: {rps} requests/s, p50 {lat.get('50')}, p99 {lat.get('99')}, "
      f"{errors} non-2xx responses{', socket errors ' + sock.group(1) if sock else ''}")
sys.exit(1 if errors or sock else 0)
PY

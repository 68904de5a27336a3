#!/usr/bin/env bash
# Bounded load test of geo serve's isochrone endpoint on loopback with wrk: starts the server on an imported extract
# (default: the Chengdu extract), posts 15-minute e-bike isochrones for points jittered around its stations for a fixed
# time, and prints requests/s, p50/p99 latency and the error count.
#   benchmarks/load/isochrones.sh [extract.osm.pbf | dataset.gpkg] [seconds=20] [connections=8]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
source="${1:-../shared/datasets/chengdu-center.osm.pbf}"
seconds="${2:-20}"
connections="${3:-8}"
scripts/install-packages.sh wrk
dotnet build engine/Geo.Cli -c Release --nologo -v quiet >/dev/null
geo() { dotnet engine/Geo.Cli/bin/Release/net10.0/geo.dll "$@"; }
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
if [[ "$source" == *.gpkg ]]; then data="$source"; else data="$work/data.gpkg"; geo import "$source" --out "$data" >/dev/null 2>&1; fi

geo serve --data "$data" --port 0 > "$work/serve.out" 2> "$work/serve.err" &
server=$!
for _ in $(seq 1 600); do grep -q "map viewer on" "$work/serve.out" 2>/dev/null && break; kill -0 "$server" 2>/dev/null || { cat "$work/serve.err" >&2; exit 1; }; sleep 0.2; done
url="$(grep -o 'http://[0-9.:]*/' "$work/serve.out" | head -n 1)"
[ -n "$url" ] || { echo "isochrones.sh: the server did not start" >&2; cat "$work/serve.err" >&2; exit 1; }

# Request bodies: points within about 50 m of the stations, so every one snaps to a street.
curl -sf "${url}api/stations" | python3 -c '
import json, random, sys
random.seed(7)
stations = [f["geometry"]["coordinates"] for f in json.load(sys.stdin)["features"]]
if not stations: sys.exit("isochrones.sh: the dataset has no stations to place requests around")
bodies = []
for i in range(200):
    lon, lat = stations[i % len(stations)]
    point = [round(lon + random.uniform(-0.0005, 0.0005), 6), round(lat + random.uniform(-0.0005, 0.0005), 6)]
    bodies.append(json.dumps({"locations": [point], "profile": "ebike", "range": [900]}))
open(sys.argv[1], "w").write(bodies[0])
print("bodies = {" + ",".join("[==[" + b + "]==]" for b in bodies) + "}")
' "$work/probe.json" > "$work/bodies.lua"
cat "$work/bodies.lua" - > "$work/post.lua" <<'LUA'
local i = 0
request = function()
  i = i % #bodies + 1
  return wrk.format("POST", "/api/isochrones", { ["Content-Type"] = "application/json" }, bodies[i])
end
LUA
# One probe first: it must succeed, or the load figures would be of error answers.
curl -sf -X POST -H 'Content-Type: application/json' --data @"$work/probe.json" "${url}api/isochrones" >/dev/null
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$work/post.lua" "$url" | tee "$work/wrk.txt"
python3 - "$work/wrk.txt" "$source" "$seconds" "$connections" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
rps = re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)
lat = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", text, re.M))
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
sock = re.search(r"Socket errors: (.*)", text)
errors = int(non2xx.group(1)) if non2xx else 0
print(f"isochrones load: {sys.argv[2]}, {sys.argv[3]} s, {sys.argv[4]} connections: {rps} requests/s, p50 {lat.get('50')}, p99 {lat.get('99')}, "
      f"{errors} non-2xx responses{', socket errors ' + sock.group(1) if sock else ''}")
sys.exit(1 if errors or sock else 0)
PY

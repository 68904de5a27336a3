#!/usr/bin/env bash
# Shared by the load scripts beside it (sourced, not run): builds geo, prepares a dataset, starts `geo serve` on a
# free loopback port, and runs wrk with a Lua request script, printing requests/s, p50/p99 and the error count.
# A caller sets `name` and calls: prepare_dataset SOURCE; start_server; run_wrk SCRIPT SECONDS CONNECTIONS LABEL.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
scripts/install-packages.sh wrk
dotnet build engine/Geo.Cli -c Release --nologo -v quiet >/dev/null
geo() { dotnet engine/Geo.Cli/bin/Release/net10.0/geo.dll "$@"; }
work="$(mktemp -d)"
server=""
trap 'if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi; rm -rf "$work"' EXIT

# SOURCE: a .gpkg (used as it is), synth:VERTICES (a generated city with 1,000 stations) or an OSM extract (imported).
prepare_dataset() {
  case "$1" in
    *.gpkg) data="$1" ;;
    synth:*) data="$work/city.gpkg"; geo synth --vertices "${1#synth:}" --stations 1000 --out "$data" >/dev/null 2>&1 ;;
    *) data="$work/data.gpkg"; geo import "$1" --out "$data" >/dev/null 2>&1 ;;
  esac
}

# Sets `url` once the server prints its address (it answers from then on), and waits until it has worked out its
# first view (the default profile and break's audit), so loads measured after are on a settled server.
start_server() {
  listen_server
  await_first_view
}

listen_server() {
  # exec, so that the PID kept is the server's own and the exit trap stops it.
  (exec dotnet engine/Geo.Cli/bin/Release/net10.0/geo.dll serve --data "$data" --port 0 > "$work/serve.out" 2> "$work/serve.err") &
  server=$!
  for _ in $(seq 1 1200); do
    grep -q "map viewer on" "$work/serve.out" 2>/dev/null && break
    kill -0 "$server" 2>/dev/null || { cat "$work/serve.err" >&2; exit 1; }
    sleep 0.2
  done
  url="$(grep -o 'http://[0-9.:]*/' "$work/serve.out" | head -n 1)"
  [ -n "$url" ] || { echo "$name: the server did not start" >&2; cat "$work/serve.err" >&2; exit 1; }
}

await_first_view() {
  for _ in $(seq 1 2400); do
    # curl and grep, not a Python start every poll: the server shares the cores with this loop.
    state="$(curl -sf "${url}api/info" | grep -o '"first_view":{[^}]*}' | grep -o '"state":"[a-z]*"' | cut -d'"' -f4)"
    [ "$state" = working ] || break
    sleep 0.25
  done
  [ "$state" = ready ] || { echo "$name: the server's first view is $state" >&2; cat "$work/serve.err" >&2; exit 1; }
}

# Fails when wrk could not load the script, any answer was not 2xx or a socket failed, so the figures are never of
# error answers or of other requests.
run_wrk() {
  local script="$1" seconds="$2" connections="$3" label="$4"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$script" "$url" 2> "$work/wrk.err" | tee "$work/wrk.txt"
  # A script wrk cannot load is reported on stderr while wrk goes on asking for "/": no figures then.
  if [ -s "$work/wrk.err" ]; then cat "$work/wrk.err" >&2; echo "$name: wrk could not use its request script" >&2; exit 1; fi
  python3 - "$work/wrk.txt" "$name" "$label" "$seconds" "$connections" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
rps = re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)
lat = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", text, re.M))
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
sock = re.search(r"Socket errors: (.*)", text)
errors = int(non2xx.group(1)) if non2xx else 0
print(f"{sys.argv[2]} load: {sys.argv[3]}, {sys.argv[4]} s, {sys.argv[5]} connections: {rps} requests/s, p50 {lat.get('50')}, p99 {lat.get('99')}, "
      f"{errors} non-2xx responses{', socket errors ' + sock.group(1) if sock else ''}")
sys.exit(1 if errors or sock else 0)
PY
}

# Prints N "lon lat" lines: the server's stations in turn, each moved by up to about 50 m (so every point snaps to a
# street), the same points on every run.
jittered_station_points() {
  curl -sf "${url}api/stations" | python3 -c '
import json, random, sys
random.seed(7)
stations = [f["geometry"]["coordinates"] for f in json.load(sys.stdin)["features"]]
if not stations: sys.exit(sys.argv[2] + ": the dataset has no stations to place requests around")
for i in range(int(sys.argv[1])):
    lon, lat = stations[i % len(stations)]
    print("%.6f %.6f" % (lon + random.uniform(-0.0005, 0.0005), lat + random.uniform(-0.0005, 0.0005)))
' "$1" "$name"
}

# Writes a wrk script that sends the given requests in turn: REQUESTS_FILE holds one wrk.format(...) call per line.
# Each is made when it is sent, as wrk adds the Host header only once its threads are set up.
write_wrk_script() {
  { echo "local requests = {"; sed 's/^/function() return /; s/$/ end,/' "$1"; echo "}"; cat <<'LUA'
local i = 0
request = function()
  i = i % #requests + 1
  return requests[i]()
end
LUA
  } > "$2"
}

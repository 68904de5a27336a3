#!/usr/bin/env bash
# Bounded loopback load test of 'geo serve --cluster': the same mix of cities and requests against SILOS silos
# (default 3; one wrk per silo front, the connections shared among them) and then against one silo alone. Prints
# requests/s, p50 and p99 (of the slowest front), errors, and each silo's resident memory after the run.
#   benchmarks/load/cluster.sh [seconds=15] [connections=12] [silos=3] [synthetic junctions=20000]
# Cities: the Andorra and Liechtenstein extracts and a generated city; requests: 驿站导航 (nearest open station,
# k=1) and 10-minute e-bike isochrones, 10 to 1, at points jittered around each city's stations.
# Membership: the local PostgreSQL of scripts/postgis.sh (GEO_PGPORT picks its port).
name=cluster
seconds="${1:-15}"
connections="${2:-12}"
silos="${3:-3}"
vertices="${4:-20000}"
source "$(dirname "${BASH_SOURCE[0]}")/serve-under-load.sh"
# The shared extracts sit beside the checkout or one of the folders above it (or GEO_DATASETS says where).
datasets="${GEO_DATASETS:-}"
for d in "$PWD/.." "$PWD/../.." "$PWD/../../.."; do
  [ -z "$datasets" ] && [ -f "$d/shared/datasets/andorra.osm.pbf" ] && datasets="$(cd "$d/shared/datasets" && pwd)"
done
[ -n "$datasets" ] || { echo "cluster load: no shared/datasets with andorra.osm.pbf above $PWD; set GEO_DATASETS" >&2; exit 1; }
membership="$(scripts/postgis.sh start | tail -n 1)"
pids=()
fronts=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT

declare -A sources
prepare_dataset "$datasets/andorra.osm.pbf"; mv "$data" "$work/andorra.gpkg"; sources[andorra]="$work/andorra.gpkg"
prepare_dataset "$datasets/liechtenstein.osm.pbf"; mv "$data" "$work/liechtenstein.gpkg"; sources[liechtenstein]="$work/liechtenstein.gpkg"
prepare_dataset "synth:$vertices"; mv "$data" "$work/town.gpkg"; sources[town]="$work/town.gpkg"
cities=""
for c in "${!sources[@]}"; do cities="${cities:+$cities,}$c=${sources[$c]}"; done

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Starts COUNT silos of a new cluster; sets pids and fronts.
start_silos() {
  local count="$1"
  local id="load-$$-$count"
  pids=(); fronts=()
  rm -f "$work"/silo*.out "$work"/silo*.err
  for i in $(seq 1 "$count"); do
    (exec dotnet engine/Geo.Cli/bin/Release/net10.0/geo.dll serve --port 0 --cluster "$membership" --cluster-id "$id" --cities "$cities" \
      --silo-port "$(free_port)" --gateway-port "$(free_port)" > "$work/silo$i.out" 2> "$work/silo$i.err") &
    pids+=($!)
  done
  for i in $(seq 1 "$count"); do
    for _ in $(seq 1 600); do
      grep -q "cluster silo on" "$work/silo$i.out" 2>/dev/null && break
      kill -0 "${pids[$((i - 1))]}" 2>/dev/null || { cat "$work/silo$i.err" >&2; exit 1; }
      sleep 0.2
    done
    fronts+=("$(grep -o 'http://[0-9.:]*/' "$work/silo$i.out" | head -n 1)")
  done
}

stop_silos() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  pids=()
}

# Loads every city (through the first front) and writes the request mix, the same points on every run.
prepare_requests() {
  : > "$work/requests.lua"
  for c in "${!sources[@]}"; do
    # A large city takes longer to load than a request waits: it is told 503 with Retry-After until it is ready.
    for _ in $(seq 1 300); do
      [ "$(curl -s -o /dev/null -w '%{http_code}' "${fronts[0]}cities/$c/api/info")" = 200 ] && break
      sleep 1
    done
    url="${fronts[0]}cities/$c/"
    jittered_station_points 100 | while read -r lon lat; do
      echo "wrk.format(\"GET\", \"/cities/$c/api/nearest?lon=$lon&lat=$lat&k=1&at=any\")"
    done >> "$work/requests.lua"
    jittered_station_points 10 | while read -r lon lat; do
      echo "wrk.format(\"POST\", \"/cities/$c/api/isochrones\", { [\"Content-Type\"] = \"application/json\" }, [=[{\"locations\": [[$lon, $lat]], \"profile\": \"ebike\", \"range\": [600]}]=])"
    done >> "$work/requests.lua"
    # One probe of each kind per city: they must succeed, or the figures would be of error answers.
    read -r lon lat < <(jittered_station_points 1)
    curl -sf "${fronts[0]}cities/$c/api/nearest?lon=$lon&lat=$lat&k=1&at=any" >/dev/null
    curl -sf -X POST -H 'Content-Type: application/json' --data "{\"locations\": [[$lon, $lat]], \"range\": [900]}" "${fronts[0]}cities/$c/api/isochrones" >/dev/null
  done
  python3 -c 'import random, sys; lines = open(sys.argv[1]).readlines(); random.seed(11); random.shuffle(lines); open(sys.argv[1], "w").writelines(lines)' "$work/requests.lua"
  write_wrk_script "$work/requests.lua" "$work/mix.lua"
  # wrk runs GET / when its script does not load, which would measure the map page instead.
  if wrk -t1 -c1 -d1s -s "$work/mix.lua" "${fronts[0]}" 2>&1 | grep -q "mix.lua:"; then
    echo "cluster load: the request script does not load in wrk" >&2; exit 1
  fi
}

# One wrk per front at once, the connections shared among them; then one line of figures.
measure() {
  local label="$1" count="${#fronts[@]}" i=0
  local each=$(( (connections + count - 1) / count ))
  for f in "${fronts[@]}"; do
    i=$((i + 1))
    wrk -t1 -c"$each" -d"${seconds}s" --timeout 10s --latency -s "$work/mix.lua" "$f" > "$work/wrk$i.txt" &
  done
  wait $(jobs -p | grep -v -F -f <(printf '%s\n' "${pids[@]}")) 2>/dev/null || true
  local rss=""
  for p in "${pids[@]}"; do rss="$rss $(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$p/status") MB"; done
  python3 - "$label" "$seconds" "$((each * count))" "$rss" "$work"/wrk*.txt <<'PY'
import re, sys
label, seconds, conns, rss, files = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:]
def ms(v):
    m = re.match(r"([\d.]+)(us|ms|s)", v); x = float(m.group(1))
    return x / 1000 if m.group(2) == "us" else x * 1000 if m.group(2) == "s" else x
rps = p50 = p99 = 0.0; errors = 0
for f in files:
    t = open(f).read()
    rps += float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
    lat = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", t, re.M))
    p50, p99 = max(p50, ms(lat["50"])), max(p99, ms(lat["99"]))
    n = re.search(r"Non-2xx or 3xx responses: (\d+)", t); s = re.search(r"Socket errors: (.*)", t)
    errors += (int(n.group(1)) if n else 0) + (1 if s else 0)
print(f"cluster load: {label}, {seconds} s, {conns} connections: {rps:.1f} requests/s, p50 {p50:.1f} ms, p99 {p99:.1f} ms (slowest front), "
      f"{errors} errors; resident memory per silo:{rss}")
PY
  rm -f "$work"/wrk*.txt
}

start_silos "$silos"
prepare_requests
measure "$silos silos"
stop_silos
start_silos 1
prepare_requests
measure "1 silo"
stop_silos

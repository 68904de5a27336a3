#!/usr/bin/python3
"""Solve a maximal-covering instance written by `geo site --export-instance` with PuLP + CBC, run Geo's solver
(`geo site-instance`) on the same file, and print both objectives, both times and the ratio.

    /usr/bin/python3 benchmarks/compare/mclp_pulp.py instance.json [--k K] [--time-limit SECONDS] [--gap SHARE] [--geo "dotnet path/geo.dll"]

With --gap (e.g. 0.001) both solvers may stop once their choice is proven within that share of the optimum.

Both models are the same: x_j = 1 when candidate j is built (sum x_j = K); y_g = 1 when demand group g is covered,
allowed only if one of the candidates covering it is built; maximise the covered weight. Units already covered by
existing stations count as a constant; units covered by the same candidates are merged, as Geo does.
"""
import argparse
import json
import shlex
import shutil
import subprocess
import sys
import time

import pulp


def load(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    weights = data["weights"]
    existing = set(data.get("covered_by_existing", []))
    covering = {}
    for j, candidate in enumerate(data["candidates"]):
        for u in candidate["covers"]:
            if u not in existing and weights[u] > 0:
                covering.setdefault(u, []).append(j)
    groups = {}
    for u, js in covering.items():
        key = tuple(sorted(set(js)))
        groups[key] = groups.get(key, 0.0) + weights[u]
    base = sum(weights[u] for u in existing)
    return data, base, groups


def solve_pulp(data, base, groups, k, time_limit, gap):
    started = time.perf_counter()
    n = len(data["candidates"])
    model = pulp.LpProblem("mclp", pulp.LpMaximize)
    x = [pulp.LpVariable(f"x{j}", cat="Binary") for j in range(n)]
    y = {key: pulp.LpVariable(f"y{g}", lowBound=0, upBound=1) for g, key in enumerate(groups)}
    model += pulp.lpSum(w * y[key] for key, w in groups.items())
    model += pulp.lpSum(x) == k
    for key in groups:
        model += y[key] <= pulp.lpSum(x[j] for j in key)
    # Debian's python3-pulp ships no CBC binary of its own: use the coinor-cbc one on PATH.
    cbc = shutil.which("cbc")
    solver = pulp.COIN_CMD(path=cbc, msg=False, timeLimit=time_limit, gapRel=gap or None) if cbc \
        else pulp.PULP_CBC_CMD(msg=False, timeLimit=time_limit, gapRel=gap or None)
    status = model.solve(solver)
    seconds = time.perf_counter() - started
    chosen = [j for j in range(n) if (x[j].value() or 0) > 0.5]
    covered = set()
    for j in chosen:
        covered.update(data["candidates"][j]["covers"])
    existing = set(data.get("covered_by_existing", []))
    objective = sum(data["weights"][u] for u in covered | existing)
    return objective, seconds, pulp.LpStatus[status], base


def solve_geo(geo, path, k, time_limit, gap):
    started = time.perf_counter()
    out = subprocess.run(shlex.split(geo) + ["site-instance", "--instance", path, "--add", str(k),
                                             "--time-limit", f"{time_limit}s", "--gap", str(gap), "--json"],
                         check=True, capture_output=True, text=True)
    wall = time.perf_counter() - started
    result = json.loads(out.stdout.strip().splitlines()[-1])
    return result, wall


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("instance")
    parser.add_argument("--k", type=int, help="new sites (default: the instance's k)")
    parser.add_argument("--time-limit", type=float, default=60, help="seconds for each solver")
    parser.add_argument("--gap", type=float, default=0, help="relative gap at which both may stop (default 0: prove optimality)")
    parser.add_argument("--geo", default="geo", help="how to run geo, e.g. 'dotnet engine/Geo.Cli/bin/Release/net10.0/geo.dll'")
    args = parser.parse_args()
    data, base, groups = load(args.instance)
    k = args.k or data.get("k")
    if not k:
        sys.exit("mclp_pulp: the instance has no k; give --k")
    print(f"instance {args.instance}: {len(data['candidates'])} candidates, {len(data['weights'])} demand units "
          f"({len(groups)} merged groups), K = {k}, time limit {args.time_limit:g} s each, accepted gap {100 * args.gap:g} %")
    pulp_objective, pulp_seconds, pulp_status, _ = solve_pulp(data, base, groups, k, args.time_limit, args.gap)
    geo, geo_wall = solve_geo(args.geo, args.instance, k, args.time_limit, args.gap)
    total = sum(data["weights"]) or 1
    print(f"PuLP+CBC   objective {pulp_objective:.4f} ({100 * pulp_objective / total:.2f} %)  {pulp_seconds:8.2f} s  status {pulp_status}")
    print(f"Geo        objective {geo['objective']:.4f} ({100 * geo['objective'] / total:.2f} %)  {geo['seconds']:8.2f} s  "
          f"({geo_wall:.2f} s with start-up)  {geo['method']}, bound {geo['bound']:.4f}, gap {100 * geo['gap']:.3f} %"
          f"{', proven optimal' if geo['proven'] else ''}; greedy alone {geo['greedy']:.4f}")
    ratio_objective = geo["objective"] / pulp_objective if pulp_objective else float("nan")
    ratio_time = pulp_seconds / geo["seconds"] if geo["seconds"] else float("inf")
    print(f"ratio      objective Geo/PuLP {ratio_objective:.4f}   time PuLP/Geo {ratio_time:.2f}x")


if __name__ == "__main__":
    main()

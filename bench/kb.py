"""Benchmark: the actor knowledge base's cost to a process, and the Coder's start-up.

Each measurement is a fresh process (so nothing is shared with the previous one), run --repeat
times; medians are printed with ratios:

    cold    build the knowledge base from its data files (the disk cache off)
    warm    load it from the disk cache (`sitrep.cache`, written by a previous run)
    coder   Coder(Options()) with a warm cache: the spaCy model, knowledge base and lexicon
    import  `import sitrep` alone, the floor every process pays before any of the above

For each: wall time of the step alone (after imports) and the process's peak RSS; the knowledge
base's own memory is its peak RSS less the import floor's. The issue's bars: the knowledge base
loads in under 1 s and under 200 MB per process.

    python bench/kb.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

STEPS = {
    "import": "pass",
    "cold": "from sitrep.actors.knowledge import _build_shipped_kb as build; kb = build()",
    "warm": "from sitrep.actors.knowledge import shipped_kb; kb = shipped_kb()",
    "coder": "from sitrep.pipeline import Coder; from sitrep.options import Options; "
             "c = Coder(Options())",
}

CHILD = """
import json, resource, time
import sitrep  # noqa: F401 - the import floor
start = time.perf_counter()
{step}
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
names = len(kb.names) if "kb" in globals() else None
print(json.dumps({{"seconds": seconds, "peak_mb": peak, "names": names}}))
"""


def run(step: str, cache: str | None) -> dict:
    env = dict(os.environ)
    if cache is not None:
        env["SITREP_CACHE"] = cache
    out = subprocess.run([sys.executable, "-c", CHILD.format(step=STEPS[step])], env=env,
                         capture_output=True, text=True, check=True)
    result: dict = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        run("warm", cache)  # fill the cache once
        results: dict[str, list[dict]] = {step: [] for step in STEPS}
        for _ in range(args.repeat):
            results["import"].append(run("import", cache))
            results["cold"].append(run("cold", ""))
            results["warm"].append(run("warm", cache))
            results["coder"].append(run("coder", cache))
        size = sum(os.path.getsize(os.path.join(cache, f)) for f in os.listdir(cache))
    median = {step: {key: statistics.median(r[key] for r in runs)
                     for key in ("seconds", "peak_mb")} for step, runs in results.items()}
    floor = median["import"]["peak_mb"]
    names = results["warm"][0]["names"]
    print(f"knowledge base: {names} folded names; disk cache {size / 2**20:.1f} MB "
          f"(medians of {args.repeat} fresh processes)")
    print(f"{'step':8} {'seconds':>8} {'peak RSS MB':>12} {'over import MB':>15}")
    for step in STEPS:
        m = median[step]
        print(f"{step:8} {m['seconds']:8.3f} {m['peak_mb']:12.1f} {m['peak_mb'] - floor:15.1f}")
    cold, warm = median["cold"]["seconds"], median["warm"]["seconds"]
    print(f"warm load / cold build: {warm / cold:.2f}; warm load under 1 s: {warm < 1.0}; "
          f"knowledge base under 200 MB: {median['warm']['peak_mb'] - floor < 200}")


if __name__ == "__main__":
    main()

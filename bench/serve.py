"""Benchmark: `sitrep serve` under load, on a store of 1M synthetic events.

The store is bench/queries.py's (same generator, same seed; its FTS index filled by the store's
own triggers, its count tables from the rows). A real server process (uvicorn, as `sitrep
serve` runs it) answers 8 concurrent clients for a fixed time; each client loops over a mix of
requests, the kinds chosen with --kinds (default: all):

    filters   /api/events with actor, actor+recipient, type+since, full text (q) + actor,
              and the second page of one of them (its cursor)
    event     /events/{id}: the evidence page (HTML), for events drawn at random
    dyad      /api/dyad?a=VEN&b=RUS and the /dyads/VEN/RUS page
    actor     /actors/USA (the busiest actor's page)        actor-since  the same, since a date
    network   /network                                      network-since  the same, since a date
    top       /api/actors/top                               facets  / (the search page, no filter)

--before-src DIR compares with the code of another checkout (DIR/src, DIR/bench: e.g. main
before a change), in one run: its bench/queries.py builds the store and its server answers;
then a copy of that store is opened with this code (the migration is timed) and this server
answers the same mix. With --store-events N, bench/storing.py times storing N more events into
each store (ms an event, with the schema's triggers).

It prints requests/s and the p50/p99 latency of each kind and of all (the bar: p99 < 100 ms),
and the CPU time the server spent per request (what the machine's other load hardly moves).
Client and server share this machine's cores, so the figures are a floor; on a busy machine
they are noisy: compare runs made together.

    python bench/serve.py [--events 1000000] [--seconds 20 | --rounds N] [--clients 8]
                          [--keep FILE] [--kinds actor,network,...] [--before-src DIR]
                          [--store-events N] [--migrate-only]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from queries import SEED, build

from sitrep.store.database import Database


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


BENCH = Path(__file__).resolve().parent
KINDS = ["filters", "event", "dyad", "actor", "actor-since", "network", "network-since", "top",
         "facets"]
SINCE = "2025-06-15"  # mid-month: the views count its month from the rows


def old_code(src: Path) -> dict[str, str]:
    """The environment that runs another checkout's sitrep (its src/ first on the path)."""
    return {**os.environ, "PYTHONPATH": str(src / "src")}


def build_with(src: Path, path: Path, events: int) -> None:
    """A store built by another checkout's bench/queries.py and sitrep (its schema)."""
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", "import sys; from pathlib import Path; "
         f"sys.path.insert(0, {str(src / 'bench')!r}); from queries import build, SEED; "
         f"build(Path({str(path)!r}), {events}, SEED).close()"],
        env=old_code(src), check=True)
    print(f"store {path}: {events:,} events built by {src} in "
          f"{time.perf_counter() - start:.0f} s", flush=True)


def storing_cost(path: Path, events: int, env: dict[str, str] | None = None) -> str:
    """bench/storing.py's figure for `events` more events in the store at `path`."""
    done = subprocess.run([sys.executable, str(BENCH / "storing.py"), str(path), "--events",
                           str(events)], env=env, check=True, capture_output=True, text=True)
    return done.stdout.strip()


def store(path: Path, events: int) -> Path:
    if path.exists():
        with Database(path) as db:  # migrates a store built by an older sitrep
            count = db.count("events")
        print(f"store {path}: {count:,} events (reused)", flush=True)
        return path
    start = time.perf_counter()
    build(path, events, SEED).close()
    print(f"store {path}: {events:,} events built in {time.perf_counter() - start:.0f} s",
          flush=True)
    return path


def requests_for(base: str, event_ids: list[str]) -> dict[str, list[str]]:
    second = httpx.get(f"{base}/api/events", params={"actor": "VEN", "limit": 50},
                       timeout=120).json()["next"]
    return {
        "actor": ["/actors/USA"],
        "actor-since": [f"/actors/USA?since={SINCE}"],
        "network": ["/network"],
        "network-since": [f"/network?since={SINCE}"],
        "top": ["/api/actors/top"],
        "facets": ["/"],
        "filters": [
            "/api/events?actor=VEN&limit=50",
            "/api/events?actor=USA&recipient=RUS&limit=50",
            "/api/events?type=REQUEST&since=2025-01-01&limit=50",
            "/api/events?q=request&actor=VEN&limit=50",
            f"/api/events?actor=VEN&limit=50&cursor={second}",
        ],
        "event": [f"/events/{event_id}" for event_id in event_ids],
        "dyad": ["/api/dyad?a=VEN&b=RUS", "/dyads/VEN/RUS"],
    }


async def client(base: str, mix: dict[str, list[str]], until: float, seed: int,
                 timings: dict[str, list[float]], errors: list[str], rounds: int = 0) -> None:
    """Requests of each kind in turn until `until`, or `rounds` times each kind."""
    rng = random.Random(seed)
    kinds = list(mix)
    async with httpx.AsyncClient(base_url=base, timeout=600) as http:
        step = seed
        while (step - seed < rounds * len(kinds)) if rounds else time.perf_counter() < until:
            kind = kinds[step % len(kinds)]
            step += 1
            url = rng.choice(mix[kind])
            start = time.perf_counter()
            response = await http.get(url)
            elapsed = time.perf_counter() - start
            if response.status_code != 200:
                errors.append(f"{url}: {response.status_code}")
            timings[kind].append(elapsed)


def cpu_seconds(pid: int) -> float | None:
    """CPU time (user + system) a process has used so far (Linux), or None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000


def serve_and_time(path: Path, args: argparse.Namespace, kinds: list[str],
                   env: dict[str, str] | None = None) -> dict[str, list[float]]:
    """A server over the store at `path` (run in `env`), 8 clients for --seconds: the
    latencies of each kind of request, after printing the server's CPU and the errors."""
    conn = sqlite3.connect(path)  # not Database: it would migrate an older checkout's store
    ids = [row[0] for row in conn.execute("SELECT id FROM events ORDER BY random() LIMIT 2000")]
    conn.close()
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "sitrep.interfaces.cli", "serve", "--db", str(path),
         "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                httpx.get(f"{base}/static/sitrep.css", timeout=1).raise_for_status()
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        mix = {kind: urls for kind, urls in requests_for(base, ids).items() if kind in kinds}
        for urls in mix.values():  # warm-up: page cache, statement caches, templates
            for url in urls[:5]:
                httpx.get(f"{base}{url}", timeout=300).raise_for_status()
        timings: dict[str, list[float]] = {kind: [] for kind in mix}
        errors: list[str] = []
        server_cpu = cpu_seconds(server.pid)
        client_cpu = time.process_time()
        start = time.perf_counter()
        until = start + args.seconds

        async def run() -> None:
            await asyncio.gather(*(client(base, mix, until, seed, timings, errors, args.rounds)
                                   for seed in range(args.clients)))

        asyncio.run(run())
        wall = time.perf_counter() - start
        client_cpu = time.process_time() - client_cpu
        after = cpu_seconds(server.pid)
        server_cpu = after - server_cpu if after is not None and server_cpu is not None \
            else None
    finally:
        server.terminate()
        server.wait(timeout=30)
    every = [t for values in timings.values() for t in values]
    print(f"\n{args.clients} clients, {wall:.1f} s, {args.events:,} events; "
          f"{len(errors)} errors{': ' + errors[0] if errors else ''}")
    if server_cpu is not None:
        # what the server itself spent: a figure the machine's other load hardly moves
        print(f"server CPU {server_cpu * 1000 / max(len(every), 1):.1f} ms a request "
              f"({server_cpu / wall:.2f} cores busy), client CPU "
              f"{client_cpu * 1000 / max(len(every), 1):.1f} ms a request; "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{'requests':>14} {'count':>7} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} "
          f"{'mean ms':>8}")
    for kind, values in [*timings.items(), ("all", every)]:
        if values:
            print(f"{kind:>14} {len(values):>7} {len(values) / wall:>8.1f} "
                  f"{percentile(values, 0.5):>8.1f} {percentile(values, 0.99):>8.1f} "
                  f"{statistics.mean(values) * 1000:>8.1f}")
    return timings


def compare(before: dict[str, list[float]], after: dict[str, list[float]]) -> None:
    print(f"\n{'p50 ms':>14} {'before':>9} {'after':>9} {'speed-up':>9}")
    for kind in after:
        if before.get(kind) and after[kind]:
            old, new = percentile(before[kind], 0.5), percentile(after[kind], 0.5)
            print(f"{kind:>14} {old:>9.1f} {new:>9.1f} {old / max(new, 1e-9):>8.1f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=0,
                        help="each client asks for each kind this many times (instead of "
                             "--seconds): with --clients 1, each view's latency alone")
    parser.add_argument("--keep", type=Path, help="build the store here and keep it (reused "
                                                  "when it exists)")
    parser.add_argument("--kinds", default=",".join(KINDS),
                        help=f"comma-separated kinds of request (of {', '.join(KINDS)})")
    parser.add_argument("--before-src", type=Path, metavar="DIR",
                        help="a checkout to compare with (its src/ and bench/), e.g. /work/main")
    parser.add_argument("--migrate-only", action="store_true",
                        help="with --before-src: stop after timing the migration")
    parser.add_argument("--store-events", type=int, default=0, metavar="N",
                        help="also time storing N more events into each store")
    args = parser.parse_args()
    kinds = [kind.strip() for kind in args.kinds.split(",") if kind.strip()]
    unknown = set(kinds) - set(KINDS)
    if unknown:
        parser.error(f"--kinds: unknown {', '.join(sorted(unknown))}; use {', '.join(KINDS)}")
    with tempfile.TemporaryDirectory() as tmp:
        if args.before_src is None:
            path = store(args.keep or Path(tmp) / "bench-serve.db", args.events)
            serve_and_time(path, args, kinds)
            if args.store_events:
                print(f"storing: {storing_cost(path, args.store_events)}")
            return
        src = args.before_src.resolve()
        before = Path(tmp) / "before.db"
        build_with(src, before, args.events)
        after = Path(tmp) / "after.db"
        shutil.copy(before, after)
        start = time.perf_counter()
        with Database(after) as db:  # this code's migrations on the older store
            version = db.schema_version
        print(f"migrated a copy to schema {version} in {time.perf_counter() - start:.1f} s",
              flush=True)
        if args.migrate_only:
            return
        print(f"\n== before ({src})")
        old = serve_and_time(before, args, kinds, old_code(src))
        print("\n== after (this checkout)")
        new = serve_and_time(after, args, kinds)
        compare(old, new)
        if args.store_events:
            print(f"\nstoring before: {storing_cost(before, args.store_events, old_code(src))}")
            print(f"storing after:  {storing_cost(after, args.store_events)}")

if __name__ == "__main__":
    main()

"""Benchmark: `sitrep serve` under load, on a store of 1M synthetic events.

The store is bench/queries.py's (same generator, same seed; its FTS index filled by the store's
own triggers). A real server process (uvicorn, as `sitrep serve` runs it) answers 8 concurrent
clients for a fixed time; each client loops over a mix of requests:

    filters   /api/events with actor, actor+recipient, type+since, full text (q) + actor,
              and the second page of one of them (its cursor)
    event     /events/{id}: the evidence page (HTML), for events drawn at random
    dyad      /api/dyad?a=VEN&b=RUS and the /dyads/VEN/RUS page

It prints requests/s and the p50/p99 latency of each kind and of all (the bar: p99 < 100 ms),
and the CPU time the server spent per request (what the machine's other load hardly moves).
Client and server share this machine's cores, so the figures are a floor; on a busy machine
they are noisy: compare runs made together.

    python bench/serve.py [--events 1000000] [--seconds 20] [--clients 8] [--keep FILE]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
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
                 timings: dict[str, list[float]], errors: list[str]) -> None:
    rng = random.Random(seed)
    kinds = list(mix)
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        step = seed
        while time.perf_counter() < until:
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--keep", type=Path, help="build the store here and keep it (reused "
                                                  "when it exists)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = store(args.keep or Path(tmp) / "bench-serve.db", args.events)
        with Database(path) as db:
            ids = [row[0] for row in db.conn.execute(
                "SELECT id FROM events ORDER BY random() LIMIT 2000")]
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "sitrep.interfaces.cli", "serve", "--db", str(path),
             "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(600):
                try:
                    httpx.get(f"{base}/static/sitrep.css", timeout=1).raise_for_status()
                    break
                except httpx.HTTPError:
                    time.sleep(0.2)
            mix = requests_for(base, ids)
            for urls in mix.values():  # warm-up: page cache, statement caches, templates
                for url in urls[:5]:
                    httpx.get(f"{base}{url}", timeout=120).raise_for_status()
            timings: dict[str, list[float]] = {kind: [] for kind in mix}
            errors: list[str] = []
            server_cpu = cpu_seconds(server.pid)
            client_cpu = time.process_time()
            start = time.perf_counter()
            until = start + args.seconds

            async def run() -> None:
                await asyncio.gather(*(client(base, mix, until, seed, timings, errors)
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
    print(f"{'requests':>10} {'count':>7} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'mean ms':>8}")
    for kind, values in [*timings.items(), ("all", every)]:
        if values:
            print(f"{kind:>10} {len(values):>7} {len(values) / wall:>8.1f} "
                  f"{percentile(values, 0.5):>8.1f} {percentile(values, 0.99):>8.1f} "
                  f"{statistics.mean(values) * 1000:>8.1f}")


if __name__ == "__main__":
    main()

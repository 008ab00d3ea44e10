"""A real store (examples/ plus a hostile article written here) served by real `sitrep serve`
processes on free ports: one read-only, one accepting writes on its own copy of the store."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[3]
TOKEN = "test-token-7f3a"
HOSTILE_TITLE = '<script>window.pwned = "title"</script>Hostile <img src=x onerror="window.pwned=1">'
HOSTILE_TEXT = (
    'Iran accused Israel of sabotage <script>window.pwned = "script"</script> at the Natanz '
    "site <img src=x onerror=\"window.pwned='img'\"> on Monday.\n\nIsrael denied it."
)
HOSTILE = {
    "id": "hostile-1", "title": HOSTILE_TITLE, "url": "javascript:window.pwned='url'",
    "outlet": '<b onmouseover="window.pwned=2">Outlet</b>', "date": "2025-07-02",
    "text": HOSTILE_TEXT,
}


@pytest.fixture(scope="session")
def store_path(tmp_path_factory) -> Path:
    """examples/ and the hostile article, ingested with the coder ingest ships."""
    from sitrep import Database, ingest

    folder = tmp_path_factory.mktemp("served")
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    path = folder / "store.db"
    with Database(path) as db:
        summary = ingest(db, [str(ROOT / "examples"), str(hostile)])
    assert summary.new >= 50 and not summary.failures, summary
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db: Path, token: str | None = None, *extra: str):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "SITREP_TOKEN"}
    if token:
        env["SITREP_TOKEN"] = token
    log = open(db.with_suffix(f".{port}.log"), "wb")  # noqa: SIM115 (closed below)
    process = subprocess.Popen(
        [sys.executable, "-m", "sitrep.interfaces.cli", "serve", "--db", str(db),
         "--port", str(port), *extra], env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(f"{base}/static/sitrep.css", timeout=1).raise_for_status()
            break
        except httpx.HTTPError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                log.close()
                raise RuntimeError(db.with_suffix(f".{port}.log").read_text()) from None
            time.sleep(0.2)
    return process, base, log


def stop_server(process, log) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()


@pytest.fixture(scope="session")
def server(store_path):
    """Base URL of a read-only server (no SITREP_TOKEN) over the store."""
    process, base, log = start_server(store_path)
    yield base
    stop_server(process, log)


@pytest.fixture(scope="session")
def writer(store_path, tmp_path_factory):
    """Base URL of a server that accepts writes with TOKEN, over its own copy of the store,
    with a 200,000-byte body limit."""
    copy = tmp_path_factory.mktemp("writable") / "store.db"
    shutil.copy(store_path, copy)
    process, base, log = start_server(copy, TOKEN, "--max-body", "200000")
    yield base
    stop_server(process, log)


@pytest.fixture(scope="session")
def client(server):
    with httpx.Client(base_url=server, timeout=60) as http:
        yield http


def all_pages(client: httpx.Client, path: str, key: str, **params) -> list[dict]:
    """Every row of a paged list, following `next` until it is null."""
    rows, cursor, seen = [], None, set()
    while True:
        response = client.get(path, params={**params, **({"cursor": cursor} if cursor else {})})
        response.raise_for_status()
        page = response.json()
        rows += page[key]
        cursor = page["next"]
        if cursor is None:
            return rows
        assert cursor not in seen, "a cursor came back twice"
        seen.add(cursor)

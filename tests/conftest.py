from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "seed" / "000_ca64f977583370ee.txt"
SEED_GOLD = FIXTURES / "seed" / "gold.json"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def db():
    from sitrep.store import Database

    database = Database(":memory:")
    yield database
    database.close()


def needs_shared(*parts: str) -> Path:
    """A path under ../shared, or skip the test when the reference material is not beside us."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not here (reference material lives in ../shared)")
    return path


def one(nlp, text, published="2025-06-10"):
    """The main event of a sentence: the most confident one (the first printed)."""
    from sitrep.events import code_text

    events = code_text(text, nlp, published=published)
    assert events, f"no event in {text!r}"
    return max(events, key=lambda e: e.confidence)


def codes(actors):
    return sorted(a.code for a in actors if a.code)

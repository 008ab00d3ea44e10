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
    from sitrep.store.database import Database

    database = Database(":memory:")
    yield database
    database.close()


def needs_shared(*parts: str) -> Path:
    """A path under ../shared, or skip the test when the reference material is not beside us."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not here (reference material lives in ../shared)")
    return path


@pytest.fixture(scope="session")
def coder():
    """The coder ingest ships, loaded once for the whole run."""
    from sitrep.pipeline import Coder

    return Coder()


@pytest.fixture(scope="session")
def nlp(coder):
    """Its spaCy pipeline, for tests that parse a sentence themselves."""
    return coder.nlp


def one(coder, text, published="2025-06-10"):
    """The main event of a sentence, by the one rule evaluation and briefs use."""
    from sitrep.coding.document import main_event

    events = coder.code_text(text, published=published)
    assert events, f"no event in {text!r}"
    return main_event(events)


def event_of(coder, text, trigger, published="2024-05-01"):
    """The sentence's (first) event on a trigger word, whatever the main event."""
    events = [e for e in coder.code_text(text, published=published) if e.event_text == trigger]
    assert events, f"no event on {trigger!r} in {text!r}"
    return events[0]


def code_and_sector(text: str, when) -> tuple[str | None, str | None]:
    """What `resolve` makes of a mention on a day: (country code, sector)."""
    from sitrep.actors.resolve import resolve

    actor = resolve(text, when)
    return actor.code, actor.sector


def codes(actors):
    return sorted(a.code for a in actors if a.code)


def assert_coded(coder, text, event_type, actor, recipient):
    """The sentence's main event has this type and these actor and recipient codes (None: any)."""
    event = one(coder, text)
    assert event.event == event_type
    if actor is not None:
        assert codes(event.actor) == actor
    if recipient is not None:
        assert codes(event.recipient) == recipient


@pytest.fixture(scope="session")
def examples_store(tmp_path_factory) -> Path:
    """A store of examples/ ingested with the coder ingest ships (copy it before writing)."""
    from sitrep.runners.local import ingest
    from sitrep.store.database import Database

    path = tmp_path_factory.mktemp("examples") / "store.db"
    with Database(path) as db:
        summary = ingest(db, [str(Path(__file__).resolve().parents[1] / "examples")])
    assert summary.new >= 50 and not summary.failures, summary
    return path

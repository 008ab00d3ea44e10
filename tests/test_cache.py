"""The disk cache: a value comes back as it was built, and loading leaves the collector as it was."""

from __future__ import annotations

import gc

from sitrep.cache import pickled


def test_a_cached_value_loads_as_built_with_the_collector_left_as_it_was(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path))
    built = {"names": [("israel", "ISR")] * 3, "nested": {"a": [1, 2, {"b": None}]}}
    assert pickled("table", "k1", lambda: built) == built  # built, then written
    assert gc.isenabled()
    assert pickled("table", "k1", lambda: {"not": "built again"}) == built  # read back
    assert gc.isenabled()
    gc.disable()
    try:
        assert pickled("table", "k1", lambda: {}) == built
        assert not gc.isenabled()  # a caller's disabled collector stays disabled
    finally:
        gc.enable()

"""The cyclic garbage collector while documents are coded: what a `Coder` loaded (the model, the
knowledge base, the lexicon: a few hundred thousand objects, none of them garbage) is kept out
of the collector's walks.

Python's collector walks every object it tracks in a full collection. Coding, the parses that
outlive a young collection set off a full one every few hundred documents, and each walked the
whole loaded coder again: about a tenth of the coding time of one-sentence documents.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def loaded_frozen() -> Iterator[None]:
    """Within the block, the objects that existed when it began are out of the collector's
    reach (`gc.freeze`; put back with `gc.unfreeze` when it ends, so nothing they hold is kept
    for good). What the block makes is collected as usual. If objects are frozen already (a run
    within a run, a server that froze its own), the block leaves them so and freezes nothing."""
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()

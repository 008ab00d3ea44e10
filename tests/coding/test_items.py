"""Items: quantities, equipment and money in what an event involves."""

from __future__ import annotations

from ..conftest import one


def test_items_with_quantities(coder):
    event = one(coder, "Serbia asked Russia for six MiG-29 fighter jets and two S-300 batteries.")
    found = {(i.item, i.quantity) for i in event.items}
    assert ("MiG-29 fighter jets", 6.0) in found
    assert any(i.quantity == 2.0 and "S-300" in (i.item or "") for i in event.items)

"""A hand-built ownership structure, written through POST /v1/claims by the API tests
(tests/integration/test_ownership.py) and the page's (tests/e2e/test_ownership_panel.py): OFAC FAQ
401's third example (X listed owns 50 % of A and 10 % of B, A owns 40 % of B), an ended holding, an
alleged one, a share not stated, a subsidiary with no share."""

from __future__ import annotations

from typing import Any

TEXT = (
    "OFAC designated Oleg Example on 11 March 2022. "
    "Oleg Example holds 50 percent of Alpha Holding. "
    "Oleg Example holds 10 percent of Beta Trading. "
    "Alpha Holding holds 40 percent of Beta Trading. "
    "From 2015 to 2018 Oleg Example held 60 percent of Gamma Shipping. "
    "Oleg Example is reported to hold 60 percent of Delta Mining. "
    "Oleg Example holds an undisclosed stake in Epsilon Bank. "
    "Zeta Services is a subsidiary of Alpha Holding."
)
FIRMS = {"a": "Alpha Holding", "b": "Beta Trading", "c": "Gamma Shipping", "d": "Delta Mining"}
FIRMS |= {"e": "Epsilon Bank", "f": "Zeta Services"}


def owns(owner: str, owned: str, quote: str, share: int | None = None, **more: Any) -> dict[str, Any]:
    claim = {"subject": owner, "predicate": "owns", "object": owned, "source": "source:own-test", "quote": quote}
    return claim | ({"qualifiers": {"percentage": share}} if share is not None else {}) | more


BODY: dict[str, Any] = {
    "sources": [{"id": "source:own-test", "title": "An ownership notice", "kind": "press-release",
                 "publisher": "Office of Foreign Assets Control", "published_at": "2023-01-10", "text": TEXT}],
    "entities": [{"id": "person:own-x", "type": "Person", "name": "Oleg Example"}]
    + [{"id": f"firm:own-{k}", "type": "Firm", "name": v} for k, v in FIRMS.items()],
    "claims": [
        {"subject": "person:own-x", "predicate": "listed-on", "object": "list:us-ofac-sdn", "asserted_by": "agency:us-ofac",
         "valid_from": "2022-03-11", "source": "source:own-test", "quote": "OFAC designated Oleg Example on 11 March 2022"},
        owns("person:own-x", "firm:own-a", "Oleg Example holds 50 percent of Alpha Holding", 50),
        owns("person:own-x", "firm:own-b", "Oleg Example holds 10 percent of Beta Trading", 10),
        owns("firm:own-a", "firm:own-b", "Alpha Holding holds 40 percent of Beta Trading", 40),
        owns("person:own-x", "firm:own-c", "From 2015 to 2018 Oleg Example held 60 percent of Gamma Shipping", 60,
             valid_from="2015", valid_to="2018"),
        owns("person:own-x", "firm:own-d", "Oleg Example is reported to hold 60 percent of Delta Mining", 60,
             stance="alleged"),
        owns("person:own-x", "firm:own-e", "Oleg Example holds an undisclosed stake in Epsilon Bank"),
        {"subject": "firm:own-f", "predicate": "subsidiary-of", "object": "firm:own-a", "source": "source:own-test",
         "quote": "Zeta Services is a subsidiary of Alpha Holding"},
    ],
}  # fmt: skip

"""A regulator withdrawing or refusing a firm's licence, as news retells it: "revoked the authorization for X" and
"voted in 2022 to revoke the authorization for X" act against X; "rejected X's bid" too; "is moving to revoke the
authority of X" considers action against X. Constructed sentences, invented firms; no evaluation text is quoted."""

from __future__ import annotations

import pytest

from extract import propose


def _tuples(text: str) -> set[tuple[str, str, str, str]]:
    return {(c.subject, c.predicate.value, c.object, c.stance.value) for c in propose(text).parsed.claims}


@pytest.mark.parametrize(
    "text",
    [
        "The FCC revoked the authorization for Acme Telecom LLC.",
        "The FCC voted in 2022 to revoke the authorization for Acme Telecom LLC that had been granted in 2002.",
        "The FCC in 2022 also revoked U.S. operations authorization for Acme Telecom LLC.",
        "In 2019, the FCC rejected Acme Telecom LLC’s bid to provide U.S. telecommunications services.",
    ],
)
def test_a_licence_revoked_or_refused_is_an_action_against_the_firm(text: str) -> None:
    assert ("agency:us-fcc", "acted-against", "firm:acme-telecom-llc", "asserted") in _tuples(text)


def test_moving_to_revoke_a_firms_authority_is_considering_action() -> None:
    found = _tuples(
        "The Federal Communications Commission said on Wednesday it is moving to revoke the authority of Hong Kong "
        "telecom carrier Acme Telecom LLC to operate in the United States."
    )
    assert ("agency:us-fcc", "considering-action-against", "firm:acme-telecom-llc", "asserted") in found
    assert not {t for t in found if t[1] == "acted-against"}


def test_whose_licence_it_is_does_not_act() -> None:
    found = _tuples(
        "The FCC in 2022 also revoked U.S. operations authorization for Omega Networks LLC after it revoked the "
        "U.S. authorization for Acme Telecom LLC the prior year."
    )
    assert ("agency:us-fcc", "acted-against", "firm:acme-telecom-llc", "asserted") in found
    assert not {t for t in found if t[0] == "country:us"}

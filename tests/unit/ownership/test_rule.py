"""ownership/rule.py: OFAC's 50 % rule and the EU variant on hand-built structures (pure, no database).

The first four structures are the examples of OFAC FAQ 401.
"""

from __future__ import annotations

import json
from typing import Any

from ownership.rule import EU, OFAC, TREE_NODE_LIMIT, Finding, Holding, Rule, assess, current

SDN = "sanctioned-by agency:us-ofac (SDN List)"


def own(owner: str, owned: str, share: float | None, **more: Any) -> Holding:
    return Holding(owner=owner, owned=owned, share=share, **more)


def listed(*entities: str) -> dict[str, str]:
    return dict.fromkeys(entities, SDN)


def check(target: str, holdings: list[Holding], blocked: str = "X", rule: Rule = OFAC) -> Finding:
    return assess(target, holdings, listed(*blocked.split()), rule)


def node_of(tree: dict[str, Any], *path: str) -> dict[str, Any]:
    """The node reached from ``tree`` by following the owners named in ``path``."""
    for owner in path:
        tree = next(h["node"] for h in tree["holdings"] if h["owner"] == owner)
    return tree


def test_faq_401_a_chain_of_fifty_percent_holdings_blocks_each_link() -> None:
    """X owns 50 % of A, A owns 50 % of B: A and B are blocked."""
    holdings = [own("X", "A", 50), own("A", "B", 50)]
    assert check("A", holdings).blocked is True
    finding = check("B", holdings)
    assert finding.blocked is True and finding.blocked_by_50_percent_rule == "true"
    assert finding.reason == "owned 50 % or more by blocked persons: A 50 % (blocked by the rule)"


def test_faq_401_shares_of_two_blocked_subsidiaries_add_up() -> None:
    """X owns 50 % of A and of B; A and B each own 25 % of C: C is blocked (25 + 25)."""
    holdings = [own("X", "A", 50), own("X", "B", 50), own("A", "C", 25), own("B", "C", 25)]
    finding = check("C", holdings)
    assert finding.blocked is True and finding.blocked_share == 50


def test_faq_401_direct_and_indirect_blocked_shares_add_up() -> None:
    """X owns 50 % of A and 10 % of B, A owns 40 % of B: B is blocked (10 + 40)."""
    finding = check("B", [own("X", "A", 50), own("X", "B", 10), own("A", "B", 40)])
    assert finding.blocked is True
    assert finding.reason == (
        f"owned 50 % or more by blocked persons: A 40 % (blocked by the rule), X 10 % (listed: {SDN})"
    )


def test_faq_401_interests_through_unblocked_entities_are_disregarded() -> None:
    """X owns 25 % of A and of B; A and B each own 50 % of C: C is not blocked."""
    holdings = [own("X", "A", 25), own("X", "B", 25), own("A", "C", 50), own("B", "C", 50)]
    finding = check("C", holdings)
    assert finding.blocked is False and finding.blocked_by_50_percent_rule == "false"
    assert finding.blocked_share == 0 and finding.missing == ()
    assert finding.reason == "blocked owners hold 0 % (below 50 %)"


def test_two_listed_owners_of_a_quarter_each_block_together() -> None:
    """X and Y, both listed, own 25 % each of A: A is blocked."""
    finding = check("A", [own("X", "A", 25), own("Y", "A", 25)], blocked="X Y")
    assert finding.blocked is True and finding.blocked_share == 50


def test_one_listed_owner_of_a_quarter_does_not_block() -> None:
    """X listed owns 25 % of A, Y unlisted owns the rest: A is not blocked and the reason says 25 %."""
    finding = check("A", [own("X", "A", 25), own("Y", "A", 75)])
    assert finding.blocked is False and finding.reason == "blocked owners hold 25 % (below 50 %)"


def test_a_cycle_reached_by_a_blocked_owner_is_blocked_all_round() -> None:
    """A owns 60 % of B, B owns 10 % of A, X listed owns 50 % of A: A and B are blocked."""
    holdings = [own("A", "B", 60), own("B", "A", 10), own("X", "A", 50)]
    assert check("A", holdings).blocked is True
    assert check("B", holdings).blocked is True


def test_a_cycle_without_a_blocked_owner_is_not_blocked_and_ends() -> None:
    """A and B own 60 % of each other and nobody is listed: neither is blocked (no self-justifying block)."""
    holdings = [own("A", "B", 60), own("B", "A", 60)]
    finding = check("A", holdings, blocked="Z")
    assert finding.blocked is False and check("B", holdings, blocked="Z").blocked is False


def test_a_missing_share_that_decides_the_answer_makes_it_unknown() -> None:
    """X listed owns an unstated share of A and nothing else is known: unknown, and `missing` names it."""
    holding = own("X", "A", None, fact_id="fact:1")
    finding = check("A", [holding])
    assert finding.blocked is None and finding.blocked_by_50_percent_rule == "unknown"
    assert finding.missing == (holding,)
    assert finding.blocked_share == 0 and finding.blocked_share_max == 100
    assert finding.reason == (
        "unknown: the share of X in A is not stated and would decide it (known blocked shares 0 %, at most 100 % with it)"
    )


def test_the_example_sentence_for_a_deciding_missing_share() -> None:
    """Y listed owns 30 % of B, A listed an unstated share: the sentence gives 30 % known, 100 % at most."""
    finding = check("B", [own("Y", "B", 30), own("A", "B", None)], blocked="Y A")
    assert finding.blocked is None
    assert finding.reason == (
        "unknown: the share of A in B is not stated and would decide it (known blocked shares 30 %, at most 100 % with it)"
    )


def test_a_missing_share_beside_a_blocking_one_changes_nothing() -> None:
    """X listed owns 60 % of A, Y unlisted an unstated share: A is blocked and nothing is missing."""
    finding = check("A", [own("X", "A", 60), own("Y", "A", None)])
    assert finding.blocked is True and finding.missing == ()


def test_missing_shares_of_unlisted_owners_change_nothing() -> None:
    """Y and Z, unlisted, own unstated shares of A: A is not blocked."""
    finding = check("A", [own("Y", "A", None), own("Z", "A", None)])
    assert finding.blocked is False and finding.missing == ()


def test_a_missing_blocked_share_is_at_most_what_the_known_shares_leave() -> None:
    """Known shares of 90 % leave at most 10 % for X's unstated share: A is not blocked."""
    finding = check("A", [own("Y", "A", 60), own("Z", "A", 30), own("X", "A", None)])
    assert finding.blocked is False and finding.blocked_share_max == 10
    assert finding.reason == "blocked owners hold 0 % (below 50 %; at most 10 % counting what is not known)"


def test_several_missing_blocked_shares_share_the_remainder() -> None:
    """Y owns 55 %; X and W (listed) own unstated shares: together at most 45 %, so A is not blocked."""
    finding = check("A", [own("Y", "A", 55), own("X", "A", None), own("W", "A", None)], blocked="X W")
    assert finding.blocked is False and finding.blocked_share_max == 45


def test_shares_over_a_hundred_are_capped_and_said() -> None:
    """Sources giving 80 % and 70 % of A do not crash: A is blocked and the reason mentions 150 %."""
    finding = check("A", [own("X", "A", 80), own("Y", "A", 70)])
    assert finding.blocked is True and finding.blocked_share == 80
    assert "add up to 150 %" in finding.reason


def test_two_sources_for_one_pair_count_once_with_the_largest_share() -> None:
    """X is said to own 30 % and 50 % of A (two sources): 50 % counts, not 80 %, and the tree shows both."""
    holdings = [own("X", "A", 30, fact_id="f1"), own("X", "A", 50, fact_id="f2"), own("Y", "A", None)]
    finding = check("A", holdings)
    assert finding.blocked is True and finding.blocked_share == 50
    assert [h["fact_id"] for h in finding.tree["holdings"] if h["owner"] == "X"] == ["f1", "f2"]


def test_a_holding_that_ended_before_as_of_is_not_in_force() -> None:
    """X's 60 % of A ended in 2018: at 2020-01-01 A is not blocked, at 2017-06-01 it is."""
    holdings = [own("X", "A", 60, valid_from="2010", valid_to="2018-03")]
    assert check("A", current(holdings, "2020-01-01", None)).blocked is False
    assert check("A", current(holdings, "2017-06-01", None)).blocked is True


def test_a_year_as_valid_to_lasts_to_the_end_of_that_year() -> None:
    """A holding ending "2019" is in force on 2019-06-30 and not on 2020-01-01."""
    holding = own("X", "A", 60, valid_to="2019")
    assert current([holding], "2019-06-30", None) == [holding]
    assert current([holding], "2020-01-01", None) == []
    assert current([own("X", "A", 60, valid_from="2019-07")], "2019", None) != []


def test_an_alleged_ownership_is_left_out_when_only_asserted_ones_count() -> None:
    """X's 60 % of A is only alleged: with stances={"asserted"} A is not blocked."""
    holdings = [own("X", "A", 60, stances=("alleged",)), own("Y", "A", 40)]
    assert check("A", current(holdings, None, {"asserted"})).blocked is False
    assert check("A", current(holdings, None, None)).blocked is True


def test_exactly_half_blocks_under_ofac_but_not_under_the_eu_rule() -> None:
    """X listed owns exactly 50 % of A: blocked under OFAC, not under the EU's "more than 50 %"."""
    holdings = [own("X", "A", 50), own("Y", "A", 50)]
    assert check("A", holdings).blocked is True
    eu = check("A", holdings, rule=EU)
    assert eu.blocked is False and eu.reason == "blocked owners hold 50 % (not more than 50 %)"
    assert eu.rule.name == "EU owned or controlled"


def test_control_by_a_blocked_person_blocks_under_the_eu_rule_only() -> None:
    """X listed owns 10 % of A but controls it: blocked under the EU rule, not under OFAC's."""
    holdings = [own("X", "A", 10, control=True), own("Y", "A", 90)]
    eu = check("A", holdings, rule=EU)
    assert eu.blocked is True and eu.reason == f"controlled by a blocked person: X (listed: {SDN})"
    assert check("A", holdings).blocked is False


def test_unknown_propagates_up_a_chain() -> None:
    """X listed owns an unstated share of A, A owns 60 % of B: B is unknown and X's holding is missing."""
    unstated = own("X", "A", None)
    finding = check("B", [unstated, own("A", "B", 60)])
    assert finding.blocked is None and finding.missing == (unstated,)
    assert finding.blocked_share == 0 and finding.blocked_share_max == 60
    assert "whether A is blocked is unknown" in finding.reason
    assert node_of(dict(finding.tree), "A")["status"] == "unknown"


def test_a_listed_target_its_owners_do_not_block_is_blocked_by_its_listing() -> None:
    """A is listed and owned by unlisted Y: blocked, but the rule's verdict is "false"."""
    finding = assess("A", [own("Y", "A", 100)], {"A": SDN})
    assert finding.blocked is True and finding.blocked_by_50_percent_rule == "false"
    assert finding.reason == f"listed ({SDN}); the rule alone would not block it: blocked owners hold 0 % (below 50 %)"
    assert finding.tree["listed"] == SDN and finding.tree["by_rule"] == "false"


def test_a_listed_target_the_rule_also_blocks() -> None:
    """A is listed and X, listed, owns 70 % of it: blocked, and the rule blocks it too."""
    finding = assess("A", [own("X", "A", 70)], {"A": SDN, "X": SDN})
    assert finding.blocked is True and finding.blocked_by_50_percent_rule == "true"


def test_a_listed_target_is_not_blocked_by_the_rule_through_its_own_listing() -> None:
    """A listed owns 100 % of B, B owns 60 % of A: A's own listing does not make the rule block A."""
    finding = assess("A", [own("A", "B", 100), own("B", "A", 60)], {"A": SDN})
    assert finding.blocked is True and finding.blocked_by_50_percent_rule == "false"


def test_a_chain_of_eight_levels_is_followed_to_the_top() -> None:
    """X listed owns 51 % of E1, each Ei owns 51 % of the next, down to E8: E8 is blocked, tree 8 deep."""
    chain = ["X", *(f"E{i}" for i in range(1, 9))]
    finding = check("E8", [own(a, b, 51) for a, b in zip(chain, chain[1:], strict=False)])
    assert finding.blocked is True
    top = node_of(dict(finding.tree), *reversed(chain[:-1]))
    assert top["entity"] == "X" and top["listed"] == SDN and "truncated" not in top


def test_a_tree_deeper_than_max_depth_is_truncated() -> None:
    """With max_depth=3 the chain's tree stops at the third owner, marked truncated."""
    chain = ["X", *(f"E{i}" for i in range(1, 9))]
    finding = assess("E8", [own(a, b, 51) for a, b in zip(chain, chain[1:], strict=False)], listed("X"), max_depth=3)
    cut = node_of(dict(finding.tree), "E7", "E6", "E5")
    assert cut["truncated"] is True and cut["holdings"] == [] and cut["status"] == "blocked"


def test_a_dense_lattice_answers_and_its_tree_stays_bounded() -> None:
    """14 layers of 3 entities each owning a third of every entity below: blocked, tree cut at the node limit."""
    layers = [[f"L{depth}.{i}" for i in range(3)] for depth in range(14)]
    holdings = [own(a, b, 100 / 3) for up, down in zip(layers, layers[1:], strict=False) for a in up for b in down]
    finding = assess("L13.0", holdings, listed("L0.0", "L0.1"))
    assert finding.blocked is True

    def count(node: dict[str, Any]) -> int:
        return 1 + sum(count(h["node"]) for h in node.get("holdings", []))

    assert count(dict(finding.tree)) <= 4 * TREE_NODE_LIMIT


def test_the_tree_marks_where_a_cycle_repeats_an_entity() -> None:
    """A owns 60 % of B, B owns 10 % of A: above B the tree goes A, then B again, marked as a cycle."""
    finding = check("B", [own("A", "B", 60), own("B", "A", 10), own("X", "A", 50)])
    assert node_of(dict(finding.tree), "A", "B") == {"entity": "B", "cycle": True}
    assert node_of(dict(finding.tree), "A", "X")["status"] == "blocked"


def test_the_finding_is_plain_json() -> None:
    """to_dict() goes through json.dumps, holdings, tree and rule included."""
    holdings = [own("X", "A", 50, fact_id="f1", quote="X holds half", valid_from="2019"), own("Y", "A", None)]
    finding = check("A", holdings)
    text = json.dumps(finding.to_dict())
    back = json.loads(text)
    assert back["rule"]["threshold"] == 50 and back["rule"]["cite"] == OFAC.cite
    assert back["tree"]["holdings"][0]["quote"] == "X holds half" and back["tree"]["holdings"][0]["stances"] == [
        "asserted"
    ]


def test_a_target_nobody_owns_is_not_blocked() -> None:
    """An entity with no recorded owners is not blocked and its tree has no holdings."""
    finding = check("A", [own("X", "B", 100)])
    assert finding.blocked is False and finding.tree["holdings"] == []

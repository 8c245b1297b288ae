"""The rule's configuration: which rule, a threshold of one's own, the list kinds that block."""

from __future__ import annotations

from config import Settings
from ownership.rule import Holding, assess
from ownership.service import Options, blocking_lists


def test_the_server_configuration_names_the_rule_and_a_request_may_choose_another() -> None:
    settings = Settings(ownership_rule="eu", ownership_threshold=25.0, ownership_block_kinds="sanctions,export-control")
    chosen = Options.of(settings)
    assert (chosen.rule, chosen.threshold, chosen.block_kinds) == ("eu", 25.0, ("sanctions", "export-control"))
    assert Options.of(settings, "ofac").rule == "ofac"
    assert Options.of(Settings()).applied().threshold == 50.0  # the rule's own


def test_a_lower_threshold_blocks_what_the_default_does_not() -> None:
    """X (listed) holds 30 % of A: not blocked at 50 %, blocked at 25 %."""
    holdings = [Holding("person:x", "firm:a", 30.0)]
    listed = {"person:x": "listed-on SDN"}
    assert assess("firm:a", holdings, listed, Options().applied()).blocked is False
    lower = assess("firm:a", holdings, listed, Options(threshold=25.0).applied())
    assert lower.blocked is True and lower.rule.threshold == 25.0 and "25 % or more" in lower.reason


def test_which_lists_block_comes_from_the_registry_kinds() -> None:
    sanctions = blocking_lists(["sanctions"])
    assert "list:us-ofac-sdn" in sanctions and "list:us-bis-entity-list" not in sanctions
    assert "list:us-bis-entity-list" in blocking_lists(["export-control"])

"""Ownership: OFAC's 50 % rule and the EU's "owned or controlled" variant over stated holdings
(rule.py: pure, no driver), each answer with its reason, the shares that would decide it and the tree
above; service.py applies it to the graph (graph.ownership reads the holdings)."""

from .rule import EU, OFAC, Finding, Holding, Rule, assess, current

__all__ = ["EU", "OFAC", "Finding", "Holding", "Rule", "assess", "current"]

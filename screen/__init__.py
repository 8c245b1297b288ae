"""Screening: records (a customer, a supplier, a vessel) matched against the graph's entities,
scored with nomenklatura's matcher and explained feature by feature (pure: no driver)."""

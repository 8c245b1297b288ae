"""The ontology and shared vocabulary of regkg.

Imports nothing else of ours. Everything above (loaders/, graph/, api/) builds on it.
"""

"""The versioned HTTP API (FastAPI). Reaches Neo4j only through :mod:`graph`."""

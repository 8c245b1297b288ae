"""The only layer that talks to Neo4j: driver lifecycle, migrations, writes, reads, the guard."""

"""Source formats -> schema objects. Pure: no driver, no Cypher."""

"""GraphML and GEXF through a networkx ``MultiDiGraph`` (parallel facts stay separate edges): node
attributes ``name, type, country, aliases, description``; edge attributes ``predicate, stances``
(joined with ``;``), ``valid_from, valid_to, n_sources, n_claims, asserted_by, fact_id``.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx  # type: ignore[import-untyped]  # stubs: types-networkx (not a dependency yet)

from .model import FactGraphLike
from .model import text as _s


def to_networkx(fg: FactGraphLike) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for e in fg.entities:
        g.add_node(
            e["id"],
            name=_s(e["name"]),
            type=_s(e["type"]),
            country=_s(e["country"]),
            aliases=";".join(e["aliases"] or []),
            description=_s(e["description"]),
        )
    for f in fg.facts:
        g.add_edge(
            f["subject"],
            f["object"],
            key=f["fact_id"],
            fact_id=f["fact_id"],
            predicate=_s(f["predicate"]),
            stances=";".join(f["stances"] or []),
            valid_from=_s(f["valid_from"]),
            valid_to=_s(f["valid_to"]),
            n_sources=int(f["n_sources"] or 0),
            n_claims=int(f["n_claims"] or 0),
            asserted_by=";".join(f["asserted_by"] or []),
        )
    return g


def graphml(fg: FactGraphLike) -> Iterator[bytes]:
    for line in nx.generate_graphml(to_networkx(fg)):
        yield (line + "\n").encode()


def gexf(fg: FactGraphLike) -> Iterator[bytes]:
    for line in nx.generate_gexf(to_networkx(fg)):
        yield (line + "\n").encode()

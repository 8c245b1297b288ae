"""GraphML and GEXF, written as they are read: parallel facts stay separate edges. Node attributes
``name, type, country, aliases, description``; edge attributes ``fact_id, predicate, stances``
(joined with ``;``), ``valid_from, valid_to, n_sources, n_claims, asserted_by``.

Both files are written the way networkx writes a ``MultiDiGraph`` (its readers read them back,
parallel edges and their keys included) but a page at a time: every node in one pass over the
graph, then every edge in a second, so nothing is held but a page.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any
from xml.sax.saxutils import escape

from .model import Exportable, pages
from .model import text as _s

NODE_ATTRS = (("name", "string"), ("type", "string"), ("country", "string"), ("aliases", "string"),
              ("description", "string"))  # fmt: skip
EDGE_ATTRS = (("fact_id", "string"), ("predicate", "string"), ("stances", "string"), ("valid_from", "string"),
              ("valid_to", "string"), ("n_sources", "long"), ("n_claims", "long"),
              ("asserted_by", "string"))  # fmt: skip
_ATTR = {'"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#09;"}


def _attr(value: str) -> str:
    return '"' + escape(value, _ATTR) + '"'


def node_values(e: dict[str, Any]) -> list[str]:
    return [_s(e["name"]), _s(e["type"]), _s(e["country"]), ";".join(e["aliases"] or []), _s(e["description"])]


def edge_values(f: dict[str, Any]) -> list[str]:
    return [
        f["fact_id"],
        _s(f["predicate"]),
        ";".join(f["stances"] or []),
        _s(f["valid_from"]),
        _s(f["valid_to"]),
        str(int(f["n_sources"] or 0)),
        str(int(f["n_claims"] or 0)),
        ";".join(f["asserted_by"] or []),
    ]


def graphml(fg: Exportable) -> Iterator[bytes]:
    head = [
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
        'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">'
    ]
    keys = [("node", n, t) for n, t in NODE_ATTRS] + [("edge", n, t) for n, t in EDGE_ATTRS]
    head += [f'  <key id="d{i}" for="{kind}" attr.name="{n}" attr.type="{t}" />' for i, (kind, n, t) in enumerate(keys)]
    head.append('  <graph edgedefault="directed">')
    yield ("\n".join(head) + "\n").encode()

    def data(first: int, values: list[str]) -> list[str]:
        return [
            f'      <data key="d{first + i}">{escape(v)}</data>' if v else f'      <data key="d{first + i}" />'
            for i, v in enumerate(values)
        ]

    for page in pages(fg, facts=False):
        lines: list[str] = []
        for e in page.entities:
            lines += [f"    <node id={_attr(e['id'])}>", *data(0, node_values(e)), "    </node>"]
        if lines:
            yield ("\n".join(lines) + "\n").encode()
    for page in pages(fg):
        lines = []
        for f in page.facts:
            ends = f"source={_attr(f['subject'])} target={_attr(f['object'])} id={_attr(f['fact_id'])}"
            lines += [f"    <edge {ends}>", *data(len(NODE_ATTRS), edge_values(f)), "    </edge>"]
        if lines:
            yield ("\n".join(lines) + "\n").encode()
    yield b"  </graph>\n</graphml>\n"


def gexf(fg: Exportable) -> Iterator[bytes]:
    n = len(NODE_ATTRS)
    head = [
        '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">',
        f'  <meta lastmodifieddate="{datetime.now(UTC).date().isoformat()}">',
        "    <creator>regkg</creator>",
        "  </meta>",
        '  <graph defaultedgetype="directed" mode="static" name="">',
        '    <attributes mode="static" class="edge">',
        *(f'      <attribute id="{n + i}" title="{t}" type="{k}" />' for i, (t, k) in enumerate(EDGE_ATTRS)),
        # the fact id again: networkx reads it back as the edge's key
        f'      <attribute id="{n + len(EDGE_ATTRS)}" title="networkx_key" type="string" />',
        "    </attributes>",
        '    <attributes mode="static" class="node">',
        *(f'      <attribute id="{i}" title="{t}" type="{k}" />' for i, (t, k) in enumerate(NODE_ATTRS)),
        "    </attributes>",
        "    <nodes>",
    ]
    yield ("\n".join(head) + "\n").encode()

    def values(first: int, vals: list[str]) -> list[str]:
        return [
            "        <attvalues>",
            *(f'          <attvalue for="{first + i}" value={_attr(v)} />' for i, v in enumerate(vals)),
            "        </attvalues>",
        ]

    for page in pages(fg, facts=False):
        lines: list[str] = []
        for e in page.entities:
            lines += [
                f"      <node id={_attr(e['id'])} label={_attr(e['id'])}>",
                *values(0, node_values(e)),
                "      </node>",
            ]
        if lines:
            yield ("\n".join(lines) + "\n").encode()
    yield b"    </nodes>\n    <edges>\n"
    number = 0
    for page in pages(fg):
        lines = []
        for f in page.facts:
            ends = f'source={_attr(f["subject"])} target={_attr(f["object"])} id="{number}"'
            number += 1
            lines += [f"      <edge {ends}>", *values(n, [*edge_values(f), f["fact_id"]]), "      </edge>"]
        if lines:
            yield ("\n".join(lines) + "\n").encode()
    yield b"    </edges>\n  </graph>\n</gexf>\n"

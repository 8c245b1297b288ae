"""The shape the writers read, and the formats they write."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Protocol


class ExportFormat(StrEnum):
    FTM = "ftm"
    GRAPHML = "graphml"
    GEXF = "gexf"
    CSV = "csv"
    NEO4J_IMPORT = "neo4j-import"

    @property
    def media_type(self) -> str:
        return {
            ExportFormat.FTM: "application/x-ndjson",
            ExportFormat.GRAPHML: "application/graphml+xml",
            ExportFormat.GEXF: "application/gexf+xml",
        }.get(self, "application/zip")

    @property
    def filename(self) -> str:
        return {
            ExportFormat.FTM: "regkg.ftm.json",
            ExportFormat.GRAPHML: "regkg.graphml",
            ExportFormat.GEXF: "regkg.gexf",
            ExportFormat.CSV: "regkg-csv.zip",
            ExportFormat.NEO4J_IMPORT: "regkg-neo4j-import.zip",
        }[self]

    @property
    def is_table(self) -> bool:
        """Written as several CSV files (a directory in the CLI, a zip over HTTP)."""
        return self in (ExportFormat.CSV, ExportFormat.NEO4J_IMPORT)


class FactGraphLike(Protocol):
    """What every writer reads: entities and fact edges as plain dicts (``graph.export.FactGraph``)."""

    entities: list[dict[str, Any]]
    facts: list[dict[str, Any]]


def text(value: Any) -> str:
    """A cell or attribute value: None is empty."""
    return "" if value is None else str(value)

"""The fact graph as a file: FollowTheMoney, GraphML, GEXF, CSV or neo4j-admin import CSVs."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from export import ExportFormat, stream
from graph import export

from .. import examples
from ..deps import GraphDep
from ..errors import responses

router = APIRouter(prefix="/v1/export", tags=["export"])

_CONTENT: dict[str, dict[str, object]] = {
    fmt.media_type: {"example": examples.EXPORT[fmt.media_type]} for fmt in ExportFormat
}


@router.get(
    "",
    response_class=StreamingResponse,
    summary="Export the fact graph (whole, or the neighbourhood of an entity)",
    description="`ftm` is FollowTheMoney JSON lines; `graphml` and `gexf` are XML; `csv` and `neo4j-import` "
    "are a zip of node and relationship CSVs (the latter in `neo4j-admin database import` layout).",
    responses={200: {"content": _CONTENT, "description": "the export file"}, **responses(404, 422, 503)},
)
def export_graph(
    graph: GraphDep,
    format: Annotated[ExportFormat, Query(description="file format")] = ExportFormat.GRAPHML,  # noqa: A002
    entity: Annotated[
        str | None, Query(min_length=1, max_length=300, description="only the neighbourhood of this entity id")
    ] = None,
    hops: Annotated[int, Query(ge=1, le=export.MAX_HOPS, description="neighbourhood radius in fact edges")] = 1,
) -> StreamingResponse:
    # an unknown entity or bad hops is refused before streaming (the error envelope); the graph is
    # then read a page at a time while the file is written
    fg = export.paged(graph, entity, hops)
    return StreamingResponse(
        stream(fg, format),
        media_type=format.media_type,
        headers={"Content-Disposition": f'attachment; filename="{format.filename}"'},
    )

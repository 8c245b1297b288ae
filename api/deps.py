"""Dependencies the routers reach through ``Annotated`` aliases (tests override them)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from graph.database import Graph
from schema.settings import Settings, get_settings


def _graph(request: Request) -> Graph:
    graph: Graph = request.app.state.graph
    return graph


def _settings(request: Request) -> Settings:
    settings: Settings = getattr(request.app.state, "settings", None) or get_settings()
    return settings


GraphDep = Annotated[Graph, Depends(_graph)]
SettingsDep = Annotated[Settings, Depends(_settings)]

"""The CLI's consoles and its one way of reporting a regkg error."""

from __future__ import annotations

import typer
from rich.console import Console

from schema.errors import RegkgError

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


def fail(exc: RegkgError) -> typer.Exit:
    err.print(f"[bold red]error:[/] {exc.message}")
    if exc.details:
        err.print(exc.details)
    return typer.Exit(code=1)

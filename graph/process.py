"""Is a process alive? One check for the two places that ask: the local server's launcher
(:mod:`graph.localdb`) and the loader that began a load run (:mod:`graph.ingest`)."""

from __future__ import annotations

import os
from pathlib import Path


def alive(pid: int, cmdline_contains: bytes | None = None) -> bool:
    """Is ``pid`` a live process — and, with ``cmdline_contains``, one whose command line holds it
    (a recycled PID running something else is not)? A zombie is not alive; without ``/proc``
    (macOS) ``kill(pid, 0)`` is trusted."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        if stat.rsplit(")", 1)[1].split()[0] == "Z":
            return False
        if cmdline_contains is None:
            return True
        return cmdline_contains in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return True

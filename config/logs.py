"""Logging set-up for every process (CLI, API workers, benchmarks): JSON lines in production,
readable text otherwise.

``REGKG_LOG_FORMAT=json`` (or ``auto`` with ``REGKG_ENV=production``) writes one JSON object per
line with the record's ``fields`` merged in; otherwise ``HH:MM:SS LEVEL message key=value…``.
"""

from __future__ import annotations

import json
import logging
import sys
from typing import Any

from .settings import Settings


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "ts": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        out.update(getattr(record, "fields", {}))
        if record.exc_info:
            out["exc"] = self.formatException(record.exc_info)
        return json.dumps(out, ensure_ascii=False)


class TextFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        fields = getattr(record, "fields", {})
        extra = " ".join(f"{k}={v}" for k, v in fields.items())
        return f"{self.formatTime(record, '%H:%M:%S')} {record.levelname:<7} {record.getMessage()} {extra}".rstrip()


def configure_logging(settings: Settings) -> None:
    """Configure the ``regkg`` loggers once (JSON in production, text in development)."""
    use_json = settings.log_format == "json" or (settings.log_format == "auto" and settings.env == "production")
    root = logging.getLogger("regkg")
    handler = next((h for h in root.handlers if getattr(h, "_regkg", False)), None)
    if handler is None:
        handler = logging.StreamHandler(sys.stderr)
        handler._regkg = True  # type: ignore[attr-defined]
        root.addHandler(handler)
        root.setLevel(logging.INFO)
        root.propagate = False
    handler.setFormatter(JsonFormatter() if use_json else TextFormatter())

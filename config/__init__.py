"""Runtime configuration: the one settings class (``REGKG_*`` variables or ``.env``) and the
logging set-up every process shares. The vocabulary (:mod:`schema`) knows nothing of it."""

from .logs import JsonFormatter, TextFormatter, configure_logging
from .settings import ROOT, Settings, get_settings

__all__ = ["ROOT", "Settings", "get_settings", "configure_logging", "JsonFormatter", "TextFormatter"]

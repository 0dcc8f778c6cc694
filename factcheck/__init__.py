"""factcheck: offline checker of fact consistency across news outlets."""

from factcheck.config import Config, load_config
from factcheck.errors import ConfigError, FactcheckError, InputError, ModelError, ReportError

__all__ = ["Config", "ConfigError", "FactcheckError", "InputError", "ModelError", "ReportError", "load_config"]
__version__ = "0.1.0"

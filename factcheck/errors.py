"""Errors raised by factcheck; the CLI turns them into one-line messages."""


class FactcheckError(Exception):
    """Base class of every error factcheck reports to a user."""


class ConfigError(FactcheckError):
    """A settings file or a --set override is invalid."""


class InputError(FactcheckError):
    """An article, a batch folder or a manifest cannot be read."""


class ModelError(FactcheckError):
    """The embedding model cannot be loaded."""


class ReportError(FactcheckError):
    """A report cannot be written."""

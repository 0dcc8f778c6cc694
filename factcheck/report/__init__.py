"""Report renderers: JSON (facts.json) and Markdown (report.md)."""

from factcheck.report.files import FORMATS, write_report

__all__ = ["FORMATS", "write_report"]

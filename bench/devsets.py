"""The labelled development batches: where their texts live and how they become batch folders.

The texts stay in `../shared/data` (they belong to their publishers); this module writes them, on
demand, into batch folders under `bench/.batches/` (gitignored), one JSONL file per batch with the
fields `factcheck check` reads (`id`, `outlet`, `url`, `published`, `text`). The gold files in
`bench/gold/<set>/<batch>.json` name articles by those ids, and their quotes are exact substrings
of the article texts (and so of the files in `../shared/data`).

- `newswcl50`: the six folders of `../shared/data/newswcl50-dev`, used as they are.
- `ecbplus`: four ECB+ topics; each batch holds the first five documents (by document number) of
  *both* look-alike sub-topics, so a contradiction across the two events is always false.
  A document's text is its sentences, one per line, as tokenised in the corpus.
- `gva`: ten Gun Violence Archive incidents with articles from three or more outlets, taken from
  the end of the incident list (the perturbation bench tunes on the first 40).

    python bench/devsets.py          # writes the folders and prints them
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
BATCHES = ROOT / "bench" / ".batches"
GOLD = ROOT / "bench" / "gold"

NEWSWCL50 = ("wcl-0", "wcl-1", "wcl-2", "wcl-3", "wcl-4", "wcl-8")
ECBPLUS_TOPICS = (14, 20, 23, 24)
ECBPLUS_DOCS_PER_EVENT = 5
GVA_INCIDENTS = 10
GVA_MIN_OUTLETS = 3


def _host(url: str) -> str:
    """The site of a URL, an archive.org copy naming the archived site."""
    archived = re.search(r"web\.archive\.org/web/\d+[a-z_]*/(?:https?://)?([^/]+)", url)
    host = archived.group(1) if archived else urlparse(url).netloc
    return host.split(":")[0].removeprefix("www.")


def _doc_number(doc: str) -> int:
    """The number of an ECB+ document ('14_10ecbplus' -> 10)."""
    return int(re.match(r"\d+_(\d+)", doc).group(1))  # type: ignore[union-attr]


def _write_jsonl(folder: Path, records: list[dict[str, str]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "articles.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return folder


def ecbplus_topics() -> list[int]:
    """Every topic of the ECB+ dev file."""
    return sorted({json.loads(line)["topic"] for line in (DATA / "ecbplus-dev" / "docs.jsonl").open(encoding="utf-8")})


def ecbplus_batches(topics: tuple[int, ...] = ECBPLUS_TOPICS, under: str = "") -> dict[str, Path]:
    """One folder per ECB+ topic (default `ECBPLUS_TOPICS`), both sub-topics in it."""
    docs = [json.loads(line) for line in (DATA / "ecbplus-dev" / "docs.jsonl").open(encoding="utf-8")]
    out: dict[str, Path] = {}
    for topic in topics:
        records = []
        for sub in ("ecb", "ecbplus"):
            chosen = sorted(
                (d for d in docs if d["topic"] == topic and d["subtopic"] == sub), key=lambda d: _doc_number(d["doc"])
            )
            for d in chosen[:ECBPLUS_DOCS_PER_EVENT]:
                lines = [s["text"] for s in d["sentences"]]
                url = ""
                if lines and re.match(r"https?\s*:", lines[0]):
                    url = re.sub(r"\s+", "", lines[0])
                records.append(
                    {"id": d["doc"], "outlet": _host(url) if url else d["doc"], "url": url, "text": "\n".join(lines)}
                )
        out[f"ecb-{topic}"] = _write_jsonl(BATCHES / under / f"ecb-{topic}", records)
    return out


def gva_incident_ids(skip: int = 0, count: int = GVA_INCIDENTS) -> list[str]:
    """The incidents labelled: the last `GVA_INCIDENTS` (by id) with `GVA_MIN_OUTLETS` outlets or more.

    `skip` leaves out that many of the last ones first (the audit takes the ones before the labelled).
    """
    outlets: dict[str, set[str]] = {}
    for line in (DATA / "gva-dev" / "docs.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        outlets.setdefault(d["incident"], set()).add(_host(d["uri"]))
    multi = sorted((i for i, hosts in outlets.items() if len(hosts) >= GVA_MIN_OUTLETS), key=int)
    end = len(multi) - skip
    return multi[max(0, end - count) : end]


def gva_batches(ids: list[str] | None = None, under: str = "") -> dict[str, Path]:
    """One folder per chosen GVA incident (default: the labelled ones), its articles as archived (boilerplate kept)."""
    chosen = set(gva_incident_ids() if ids is None else ids)
    by_incident: dict[str, list[dict[str, str]]] = {}
    for line in (DATA / "gva-dev" / "docs.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        if d["incident"] in chosen:
            by_incident.setdefault(d["incident"], []).append(
                {
                    "id": d["doc_id"][:12],
                    "outlet": _host(d["uri"]),
                    "url": d["uri"],
                    "published": d["dct"],
                    "title": d["title"],
                    "text": d["content"],
                }
            )
    return {
        f"gva-{i}": _write_jsonl(BATCHES / under / f"gva-{i}", sorted(recs, key=lambda r: r["id"]))
        for i, recs in sorted(by_incident.items())
    }


def audit_batches(gva_count: int = 15) -> dict[str, dict[str, Path]]:
    """Unlabelled batches for reading a run's contradictions: every other ECB+ topic, and the
    `gva_count` GVA incidents (three outlets or more) before the labelled ones."""
    other_topics = tuple(t for t in ecbplus_topics() if t not in ECBPLUS_TOPICS)
    return {
        "ecbplus": ecbplus_batches(other_topics, under="audit"),
        "gva": gva_batches(gva_incident_ids(skip=GVA_INCIDENTS, count=gva_count), under="audit"),
    }


def newswcl50_batches() -> dict[str, Path]:
    """The NewsWCL50 folders, read in place."""
    return {name: DATA / "newswcl50-dev" / name for name in NEWSWCL50}


def all_batches() -> dict[str, dict[str, Path]]:
    """Every labelled batch, by set and name."""
    return {"newswcl50": newswcl50_batches(), "ecbplus": ecbplus_batches(), "gva": gva_batches()}


def article_texts(folder: Path) -> dict[str, str]:
    """Article id -> text of a dev batch folder, as the gold's quotes must match them."""
    jsonl = folder / "articles.jsonl"
    if jsonl.exists():
        return {r["id"]: r["text"] for r in map(json.loads, jsonl.open(encoding="utf-8"))}
    with (folder / "manifest.csv").open(encoding="utf-8") as fh:
        files = [row["file"] for row in csv.DictReader(fh)]
    return {Path(f).stem: (folder / f).read_text(encoding="utf-8") for f in files}


if __name__ == "__main__":
    for set_name, batches in all_batches().items():
        for name, folder in batches.items():
            print(f"{set_name:10} {name:12} {folder}  ({len(article_texts(folder))} articles)")

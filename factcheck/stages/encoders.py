"""Encoder backends for the sentence model without torch on the cold path (#17).

The installed sentence-transformers model (a BERT encoder, mean pooling, L2 normalisation) is
exported once to ONNX from its own local files and kept under `<embed.cache_dir>/models/`; later
runs tokenise with HF `tokenizers`, run the graph with onnxruntime and pool in numpy, which
imports in a fraction of a second where torch and sentence-transformers take 5-7 s. The vectors
are fp32 and agree with sentence-transformers' to about 1e-6 (bench/README.md, "Encoder
backends"), so both backends share one cache key and one cache. OpenVINO runs the same file
(`OpenVinoEncoder`), in bf16 where asked and the CPU computes it natively; its vectors then have
a cache key of their own (`embed.BF16_SUFFIX`).

Nothing is downloaded: the export reads the model folder with HF_HUB_OFFLINE=1.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from factcheck.errors import ModelError

MODELS_DIR = "models"
"""Sub-folder of embed.cache_dir holding converted models, one folder per model fingerprint."""
ONNX_FILE = "model.onnx"
EXPORT_VERSION = "1"  # bump when the export below changes: old conversions are then ignored
OPSET = 17
BATCH_ATTENTION_CELLS = 32 * 64 * 64
"""Most rows x length² in one batch: a batch of long texts has fewer rows (#17). Its attention matrices,
which onnxruntime's arena keeps for the rest of the run, took the main process from 300 to 670 MiB
with 32 rows of 214 tokens; texts up to 64 tokens still go `batch_size` at a time. The vectors are
bitwise the same (each row is computed alone within its batch; bench/README.md)."""
_MODEL_FILES = ("config.json", "tokenizer.json", "sentence_bert_config.json", "modules.json", "model.safetensors")


def model_fingerprint(path: Path) -> str:
    """Hash of the model folder's files (names, sizes, contents of the small ones) and the export version."""
    digest = hashlib.sha256(f"export-v{EXPORT_VERSION}\x00opset-{OPSET}".encode())
    for name in _MODEL_FILES:
        file = path / name
        if not file.is_file():
            continue
        size = file.stat().st_size
        digest.update(f"\x00{name}\x00{size}\x00".encode())
        with open(file, "rb") as f:  # the weights: their first and last MiB with the size
            digest.update(f.read(1 << 20))
            if size > 2 << 20:
                f.seek(-(1 << 20), os.SEEK_END)
                digest.update(f.read())
    return digest.hexdigest()[:16]


def check_pipeline(path: Path) -> int:
    """The model's max sequence length, after checking it is Transformer + mean pooling (+ Normalize).

    Raises:
        ModelError: another architecture, which this backend does not reproduce.
    """
    try:
        modules = json.loads((path / "modules.json").read_text(encoding="utf-8"))
        kinds = [m["type"].rsplit(".", 1)[-1] for m in modules]
        pooling_dir = next(m["path"] for m in modules if m["type"].endswith("Pooling"))
        pooling = json.loads((path / pooling_dir / "config.json").read_text(encoding="utf-8"))
        bert = json.loads((path / "sentence_bert_config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, StopIteration) as e:
        raise ModelError(f"embed.backend=onnx: {path} is not a sentence-transformers folder ({e})") from None
    modes = [k for k, v in pooling.items() if k.startswith("pooling_mode") and v]
    if (
        kinds[:2] != ["Transformer", "Pooling"]
        or set(kinds[2:]) - {"Normalize"}
        or modes != ["pooling_mode_mean_tokens"]
    ):
        raise ModelError(f"embed.backend=onnx: {path} is {kinds} with {modes}; only mean pooling is supported")
    return int(bert.get("max_seq_length", 256))


def convert_model(model_path: Path, cache_dir: str) -> Path:
    """The ONNX file of the model, exported from its local files on first use (this imports torch once).

    The file is written to a temporary folder and renamed into place, so a killed export or two
    processes exporting at once never leave a torn model.

    Raises:
        ModelError: the export failed (torch or transformers missing, or the model not exportable).
    """
    target = Path(cache_dir) / MODELS_DIR / model_fingerprint(model_path)
    if (target / ONNX_FILE).is_file():
        return target / ONNX_FILE
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".export-", dir=target.parent))
        try:
            _export(model_path, tmp / ONNX_FILE)
            (tmp / "source.txt").write_text(f"{model_path}\n", encoding="utf-8")
            try:
                tmp.rename(target)
            except OSError:  # another process finished first: use its file
                if not (target / ONNX_FILE).is_file():
                    raise
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    except ModelError:
        raise
    except Exception as e:  # any failure of the exporter means: no converted model
        raise ModelError(f"embed.backend=onnx: cannot convert {model_path} to ONNX: {type(e).__name__}: {e}") from None
    return target / ONNX_FILE


def _export(model_path: Path, out: Path) -> None:
    """Export the transformer's last hidden state (pooling is done in numpy) with dynamic batch and length."""
    import warnings

    import torch
    from transformers import AutoModel
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    bert = AutoModel.from_pretrained(str(model_path), local_files_only=True).eval()

    class _Hidden(torch.nn.Module):  # keyword call: BertModel.forward's positional order changed in transformers 5
        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            out = self.bert(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids)
            return out.last_hidden_state

    model = _Hidden().eval()
    sample = torch.ones((2, 8), dtype=torch.int64)
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the TorchScript exporter's deprecation notices
        torch.onnx.export(
            model,
            (sample, sample, torch.zeros_like(sample)),
            str(out),
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["last_hidden_state"],
            dynamic_axes={
                "input_ids": {0: "batch", 1: "length"},
                "attention_mask": {0: "batch", 1: "length"},
                "token_type_ids": {0: "batch", 1: "length"},
                "last_hidden_state": {0: "batch", 1: "length"},
            },
            opset_version=OPSET,
            dynamo=False,
        )


def session_threads(threads: int) -> int:
    """Intra-op threads: `threads`, or one per core this process may use when 0."""
    if threads > 0:
        return threads
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


class OnnxEncoder:
    """onnxruntime on the converted model: tokenise, run, mean-pool and normalise.

    Threads do not spin while waiting (`allow_spinning=0`), so a core taken by another process
    slows the run in proportion instead of stalling every batch on the busy thread.
    """

    runtime = "onnxruntime"

    def __init__(self, onnx_file: Path, model_path: Path, *, batch_size: int, threads: int) -> None:
        """Open the session and the tokenizer.

        Raises:
            ModelError: the runtime or tokenizers missing, or the file does not load.
        """
        try:
            __import__(self.runtime)  # its absence is told here, before any session opens
            from tokenizers import Tokenizer
        except ImportError as e:
            raise ModelError(
                f"embed.backend: {self.runtime} and tokenizers are needed ({e}); pip install them"
            ) from None
        max_length = check_pipeline(model_path)
        self.onnx_file = onnx_file
        self.threads = session_threads(threads)
        try:
            self.session = self._open(self.threads)
            tokenizer = Tokenizer.from_file(str(model_path / "tokenizer.json"))
        except Exception as e:  # the runtimes raise their own exception types
            raise ModelError(f"embed.backend: {self.runtime} cannot load {onnx_file}: {e}") from None
        tokenizer.enable_truncation(max_length=max_length)
        tokenizer.no_padding()
        self.tokenizer = tokenizer
        self.batch_size = batch_size
        self.inputs = {i.name for i in self.session.get_inputs()}
        self.busy: Callable[[], bool] | None = None
        """While this says another process of the run works, batches run on one thread (#17)."""
        self._single: Any = None

    def _open(self, threads: int) -> Any:
        """A session on `threads` threads: `run(None, feed)` gives the last hidden state first."""
        return _open_session(self.onnx_file, threads)

    def _session_now(self) -> Any:
        """The session for the next batch: one thread while the run's other process works, else all.

        The other process then has a core of its own instead of three threads sharing two
        (the vectors are bitwise the same with 1 or 2 threads).
        """
        if self.threads <= 1 or self.busy is None or not self.busy():
            return self.session
        if self._single is None:
            try:
                self._single = self._open(1)
            except Exception:  # no second session (memory): keep the one there is
                self.busy = None
                return self.session
        return self._single

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts, L2-normalised float32; batches of similar length pad little."""
        out = np.zeros((len(texts), 0), dtype=np.float32)
        for rows, feed in self._feeds(texts):
            hidden = self._session_now().run(None, feed)[0]
            pooled = mean_pooled(hidden, feed["attention_mask"])
            if out.shape[1] == 0:
                out = np.zeros((len(texts), pooled.shape[1]), dtype=np.float32)
            out[rows] = pooled
        return out

    def _feeds(self, texts: Sequence[str]) -> Iterator[tuple[np.ndarray, dict[str, np.ndarray]]]:
        """The model's inputs batch by batch, longest texts first, with the rows of `texts` each batch holds."""
        encodings = self.tokenizer.encode_batch(list(texts))
        lengths = [len(e.ids) for e in encodings]
        order = np.argsort([-n for n in lengths], kind="stable")
        for rows in _batches(order, lengths, self.batch_size):
            width = max(lengths[i] for i in rows)
            ids = np.zeros((len(rows), width), dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=np.int64)
            for r, i in enumerate(rows):
                ids[r, : lengths[i]] = encodings[i].ids
                mask[r, : lengths[i]] = 1
            feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            yield rows, {k: v for k, v in feed.items() if k in self.inputs}


def mean_pooled(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Mean of the token vectors under the attention mask, L2-normalised (sentence-transformers' pooling)."""
    weights = mask[:, :, None].astype(np.float32)
    pooled: np.ndarray = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
    pooled /= np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
    return pooled


class OpenVinoEncoder(OnnxEncoder):
    """OpenVINO on the same converted model, in bf16 where asked and the CPU computes it natively (#17).

    bf16 keeps fp32's range with an 8-bit mantissa: the vectors stay within cosine 0.9999 of
    fp32's (bench/README.md). One compiled model runs a stream of one thread per core; batches
    go to the streams as they free up, and only one at a time while another process of the run
    works. A stream's result does not depend on which stream ran it or how many ran at once.
    Compiled models are kept beside the ONNX file, so later runs compile in a fraction of a second.
    """

    runtime = "openvino"

    def __init__(self, onnx_file: Path, model_path: Path, *, batch_size: int, threads: int, precision: str) -> None:
        """Compile the model (`precision` 'bf16' or 'fp32') and open the tokenizer.

        Raises:
            ModelError: openvino or tokenizers missing, or the file does not compile.
        """
        self.precision = precision
        self._encoding = threading.Lock()
        super().__init__(onnx_file, model_path, batch_size=batch_size, threads=threads)

    def _open(self, threads: int) -> Any:
        """The compiled model, `threads` streams of one thread each, not pinned to cores, and their queue."""
        import openvino

        core = openvino.Core()
        core.set_property({"CACHE_DIR": str(self.onnx_file.parent / "openvino")})
        compiled = core.compile_model(
            str(self.onnx_file),
            "CPU",
            {
                "INFERENCE_PRECISION_HINT": "bf16" if self.precision == "bf16" else "f32",
                "NUM_STREAMS": threads,
                "INFERENCE_NUM_THREADS": threads,
                "ENABLE_CPU_PINNING": False,
                # no cache of kernels per input shape: a feed's many batch shapes made it grow by 90 MiB
                "CPU_RUNTIME_CACHE_CAPACITY": 0,
            },
        )
        return _OpenVinoModel(compiled, openvino.AsyncInferQueue(compiled, threads))

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts, L2-normalised float32, a batch on each free stream (one at a time while `busy()`)."""
        out = np.zeros((len(texts), self.session.dimension), dtype=np.float32)

        def done(request: Any, job: tuple[np.ndarray, np.ndarray]) -> None:  # on the stream's thread
            rows, mask = job
            out[rows] = mean_pooled(request.get_output_tensor(0).data, mask)

        with self._encoding:  # one call at a time: the queue's callback is this call's
            queue = self.session.queue
            queue.set_callback(done)
            try:
                for rows, feed in self._feeds(texts):
                    if self.busy is not None and self.busy():
                        queue.wait_all()
                    queue.start_async(feed, (rows, feed["attention_mask"]))
            finally:
                queue.wait_all()
        return out


class _OpenVinoModel:
    """A compiled OpenVINO model with its queue of streams, its vectors' size, and its inputs as onnxruntime's `get_inputs` gives them."""

    def __init__(self, compiled: Any, queue: Any) -> None:
        self.queue = queue
        self.names = [port.get_any_name() for port in compiled.inputs]
        self.dimension = compiled.outputs[0].get_partial_shape()[2].get_length()

    def get_inputs(self) -> list[Any]:
        """The model's inputs, each with a `name`."""
        from types import SimpleNamespace

        return [SimpleNamespace(name=name) for name in self.names]


BF16_CPU_FLAGS = frozenset({"avx512_bf16", "amx_bf16"})
"""/proc/cpuinfo flags of the instructions OpenVINO computes bf16 with."""


def native_bf16() -> bool:
    """Whether OpenVINO is installed and this CPU computes bf16 natively (AVX-512 BF16 or AMX).

    On Linux the CPU's flags tell, without importing OpenVINO (a warm run never loads it);
    elsewhere OpenVINO is asked.
    """
    if importlib.util.find_spec("openvino") is None:
        return False
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            flags = next((line.split(":", 1)[1].split() for line in f if line.startswith("flags")), None)
    except OSError:
        flags = None
    if flags is not None:
        return bool(BF16_CPU_FLAGS & set(flags))
    try:
        import openvino

        return "BF16" in openvino.Core().get_property("CPU", "OPTIMIZATION_CAPABILITIES")
    except Exception:  # no CPU plugin: no bf16
        return False


def _open_session(onnx_file: Path, threads: int) -> Any:
    """An onnxruntime session on the CPU with `threads` intra-op threads that do not spin."""
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads
    opts.inter_op_num_threads = 1
    opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
    opts.log_severity_level = 3
    return ort.InferenceSession(str(onnx_file), opts, providers=["CPUExecutionProvider"])


def _batches(order: np.ndarray, lengths: Sequence[int], batch_size: int) -> list[np.ndarray]:
    """Consecutive rows of `order` (longest first), `batch_size` at most, fewer where long texts would make big attention matrices."""
    batches, start = [], 0
    while start < len(order):
        rows = batch_size
        if BATCH_ATTENTION_CELLS > 0:
            width = lengths[order[start]]
            rows = max(1, min(batch_size, BATCH_ATTENTION_CELLS // max(width * width, 1)))
        batches.append(order[start : start + rows])
        start += rows
    return batches


def torch_imported() -> bool:
    """Whether torch is loaded in this process (tests check the ONNX path keeps it out)."""
    return "torch" in sys.modules


def load_onnx_encoder(
    model_path: Path,
    cache_dir: str,
    *,
    batch_size: int,
    threads: int,
    runtime: str = "onnxruntime",
    precision: str = "fp32",
) -> Any:
    """Convert (once) and open the encoder of a local model folder on `runtime` ('onnxruntime' or 'openvino').

    Raises:
        ModelError: no cache folder to keep the conversion in, or the conversion or loading failed.
    """
    if not cache_dir:
        raise ModelError("embed.backend: the converted model is kept in embed.cache_dir, which is ''")
    if importlib.util.find_spec(runtime) is None:  # before any conversion, which a missing runtime cannot use
        raise ModelError(f"embed.backend: {runtime} is not installed; pip install it")
    check_pipeline(model_path)

    def opened(onnx_file: Path) -> Any:
        if runtime == "openvino":
            return OpenVinoEncoder(onnx_file, model_path, batch_size=batch_size, threads=threads, precision=precision)
        return OnnxEncoder(onnx_file, model_path, batch_size=batch_size, threads=threads)

    onnx_file = convert_model(model_path, cache_dir)
    try:
        return opened(onnx_file)
    except ModelError:  # a damaged conversion (disk trouble, a hand edit): convert once more
        shutil.rmtree(onnx_file.parent, ignore_errors=True)
        return opened(convert_model(model_path, cache_dir))

"""Throughput of press extraction against lean natasha (no yargy extractors), same texts.

`press_throughput.py` compares with the evaluation baseline (natasha NER plus its yargy
Names/Money extractors); this script compares with the bare natasha pipeline instead.

natasha alone = segmentation + morphology + NER + span normalisation (the pipeline a user
would run without our domain layer). Both pipelines load their models before timing.

    PYTHONPATH=src python benchmarks/press_extraction_speed.py [DIR_OR_FILES...] [--repeat N]

Time is the CPU time of the measuring process (``time.process_time``): the machine is
shared, and wall time would measure the neighbours' load as much as our code.

Prints a table and, last, one JSON line with docs/s, kchar/s and peak RSS for both.
Peak RSS of the extractor is measured in a separate process, so the baseline's models do
not inflate it.
"""

from __future__ import annotations

import os

# One BLAS thread per pipeline: spinning worker threads on a shared machine make both the
# timing and the comparison unstable. Set before numpy is imported anywhere.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import contextlib  # noqa: E402
import json  # noqa: E402
import multiprocessing as mp  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import psutil  # noqa: E402
from rich.console import Console  # noqa: E402
from rich.progress import track  # noqa: E402

_DEFAULT_CORPORA = ("tests/press/corpus", "tests/press/texts")


def _texts(paths: list[str]) -> list[str]:
    files: list[Path] = []
    for p in paths or list(_DEFAULT_CORPORA):
        path = Path(p)
        if path.is_dir():
            files += sorted(path.glob("*.txt"))
        elif path.exists():
            files.append(path)
    return [f.read_text(encoding="utf-8") for f in files]


def _natasha_run(texts: list[str], repeat: int, out: mp.Queue) -> None:  # type: ignore[type-arg]
    from natasha import Doc, MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

    seg, vocab, emb = Segmenter(), MorphVocab(), NewsEmbedding()
    morph, ner = NewsMorphTagger(emb), NewsNERTagger(emb)
    start = time.process_time()
    for _ in range(repeat):
        for text in track(texts, description="natasha", console=Console(stderr=True)):
            doc = Doc(text)
            doc.segment(seg)
            doc.tag_morph(morph)
            doc.tag_ner(ner)
            for span in doc.spans:
                span.normalize(vocab)
    elapsed = time.process_time() - start
    out.put((elapsed, psutil.Process().memory_info().rss))


def _ours_run(texts: list[str], repeat: int, out: mp.Queue) -> None:  # type: ignore[type-arg]
    from soyuzprom.press.extraction import get_extractor

    extractor = get_extractor()
    extractor.extract("Минский тракторный завод поставил тракторы в Смоленскую область.")
    start = time.process_time()
    for _ in range(repeat):
        for text in track(texts, description="soyuzprom", console=Console(stderr=True)):
            extractor.extract(text)
    elapsed = time.process_time() - start
    out.put((elapsed, psutil.Process().memory_info().rss))


def _measure(target, texts: list[str], repeat: int) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    queue: mp.Queue = mp.Queue()  # type: ignore[type-arg]
    proc = mp.Process(target=target, args=(texts, repeat, queue))
    proc.start()
    peak = 0
    ps = psutil.Process(proc.pid)
    result = None
    while result is None:
        with contextlib.suppress(psutil.NoSuchProcess):
            peak = max(peak, ps.memory_info().rss)
        try:
            result = queue.get(timeout=0.05)
        except Exception:  # queue.Empty: still running
            continue
    proc.join()
    elapsed, rss = result
    return elapsed, max(peak, rss)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--repeat", type=int, default=2, help="passes over the texts per run")
    parser.add_argument("--rounds", type=int, default=2, help="interleaved runs per pipeline")
    args = parser.parse_args()
    texts = _texts(args.paths)
    if not texts:
        raise SystemExit("no texts found")
    chars = sum(len(t) for t in texts) * args.repeat
    docs = len(texts) * args.repeat
    # Interleave the two pipelines and keep each one's best run: the machine is shared, and
    # a burst of load during one measurement must not decide the ratio.
    best: dict[str, tuple[float, int]] = {}
    for _ in range(args.rounds):
        for name, target in (("natasha", _natasha_run), ("soyuzprom", _ours_run)):
            elapsed, rss = _measure(target, texts, args.repeat)
            old = best.get(name)
            best[name] = (min(elapsed, old[0]) if old else elapsed, max(rss, old[1] if old else 0))
    figures = {}
    for name, (elapsed, rss) in best.items():
        figures[name] = {"docs_per_s": round(docs / elapsed, 2),
                         "kchar_per_s": round(chars / elapsed / 1000, 2),
                         "peak_rss_mb": round(rss / 2**20, 1)}
    console = Console()
    for name, f in figures.items():
        console.print(f"{name:10s} {f['docs_per_s']:8.2f} docs/s {f['kchar_per_s']:8.2f} kchar/s "
                      f"{f['peak_rss_mb']:8.1f} MB")
    ratio = figures["soyuzprom"]["docs_per_s"] / figures["natasha"]["docs_per_s"]
    print(json.dumps({"documents": len(texts), "repeat": args.repeat, "rounds": args.rounds,
                      **figures,
                      "throughput_ratio": round(ratio, 3)}))


if __name__ == "__main__":
    main()

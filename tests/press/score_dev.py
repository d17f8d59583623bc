"""Score extractor output against the development corpus (a developer tool, not a test).

Usage (the scorer lives in the press-eval tree until it is merged)::

    PYTHONPATH=src python -c "from soyuzprom.press.cli import app; app()" \
        extract CORPUS/*.txt --out /tmp/pred
    PYTHONPATH=<eval src> python tests/press/score_dev.py /tmp/pred CORPUS [-v]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from soyuzprom.press.evaluation.scoring import FIELDS, score_corpus, score_document


def main(pred_dir: str, gold_dir: str, verbose: bool) -> None:
    docs = []
    for gold_path in sorted(Path(gold_dir).glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pred_path = Path(pred_dir) / gold_path.name
        pred = json.loads(pred_path.read_text(encoding="utf-8")) if pred_path.exists() else {}
        doc = score_document(pred, gold, name=gold_path.stem)
        docs.append(doc)
        if verbose and (doc.diffs or not doc.relevance_correct):
            print(f"== {gold_path.stem} relevant gold={doc.relevant_gold} "
                  f"pred={doc.relevant_pred}")
            for name, diff in doc.diffs.items():
                if name in ("figures_period", "relations_untyped", "persons_role") \
                        and verbose < 2:
                    continue
                for m in diff.missing:
                    print(f"  {name:17s} MISSING  {m}")
                for s in diff.spurious:
                    print(f"  {name:17s} SPURIOUS {s}")
    total = score_corpus(docs)
    for name in FIELDS:
        c = total.counts[name]
        print(f"{name:18s} P={c.precision:.3f} R={c.recall:.3f} F1={c.f1:.3f}  "
              f"(tp={c.tp} fp={c.fp} fn={c.fn})")
    print(f"relevance accuracy {total.relevance_accuracy:.3f} over {total.documents} docs")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("-v")]
    level = sum(a.count("v") for a in sys.argv[1:] if a.startswith("-v"))
    main(args[0], args[1], level)

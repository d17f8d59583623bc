"""Entity resolution speed on a large synthetic registry: our bucketed lazy index against
the plain baseline (rapidfuzz ``process.extractOne`` over every registry name).

The registry is generated: ``<town adjective> <product> <head>`` names ("Оршанский
станкостроительный завод") with some aliases, N organizations. Mentions are inflected and
colloquial forms of registry names plus unknown names. Both methods resolve the same
mentions in the same run; we print mentions/s, build time, peak RSS and how often the two
agree on the matched record. Final line: JSON.

Run: PYTHONPATH=src python benchmarks/press_resolution.py [N] [MENTIONS]
"""

from __future__ import annotations

import json
import random
import resource
import sys
import time
from typing import Any

from rapidfuzz import fuzz, process

from soyuzprom.core.text import name_key
from soyuzprom.press.resolution import MATCHED, RegistryIndex, normal_key

TOWNS = ["Оршанский", "Вяземский", "Минский", "Гомельский", "Брестский", "Смоленский",
         "Витебский", "Брянский", "Псковский", "Тверской", "Калужский", "Курский",
         "Гродненский", "Могилёвский", "Рославльский", "Ярцевский", "Бобруйский", "Пинский",
         "Лидский", "Борисовский", "Полоцкий", "Новгородский", "Тульский", "Орловский"]
KINDS = ["станкостроительный", "машиностроительный", "автомобильный", "тракторный",
         "льняной", "молочный", "мебельный", "приборостроительный", "электротехнический",
         "литейный", "инструментальный", "керамический", "стекольный", "кабельный",
         "механический", "ремонтный", "деревообрабатывающий", "швейный", "обувной", "химический"]
HEADS = ["завод", "комбинат", "фабрика"]
INFLECT = {"завод": "заводу", "комбинат": "комбината", "фабрика": "фабрике"}


def registry(n: int, rng: random.Random) -> list[tuple[int, str, None, None, None, None]]:
    rows = []
    for i in range(1, n + 1):
        town, kind, head = rng.choice(TOWNS), rng.choice(KINDS), rng.choice(HEADS)
        suffix = f" № {i}" if i > len(TOWNS) * len(KINDS) * len(HEADS) else ""
        rows.append((i, f"{town} {kind} {head}{suffix}", None, None, None, None))
    return rows


def mentions(rows: list[tuple[int, str, None, None, None, None]], m: int,
             rng: random.Random) -> list[str]:
    out = []
    for _ in range(m):
        name = rng.choice(rows)[1]
        words = name.split()
        if rng.random() < 0.5 and words[-1] in INFLECT:
            words[-1] = INFLECT[words[-1]]  # inflected head
        if rng.random() < 0.2:
            out.append(f"Неизвестный {rng.choice(KINDS)} холдинг")
        else:
            out.append(" ".join(words))
    return out


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    m = int(sys.argv[2]) if len(sys.argv) > 2 else 2_000
    rng = random.Random(7)
    rows = registry(n, rng)
    queries = mentions(rows, m, rng)

    start = time.perf_counter()
    index = RegistryIndex.from_rows(rows)
    ours = [index.organization(q) for q in queries]
    ours_time = time.perf_counter() - start

    # Baseline: one fuzzy scan of all names per mention (lemmatised keys, same scorer).
    start = time.perf_counter()
    keys = [normal_key(r[1]) for r in rows]
    baseline = [process.extractOne(normal_key(q), keys, scorer=fuzz.ratio, score_cutoff=88)
                for q in queries]
    base_time = time.perf_counter() - start

    def agrees(ours_match: Any, base: Any) -> bool:
        if base is None:
            return ours_match.status != MATCHED and not ours_match.candidates
        picked = name_key(rows[base[2]][1])
        return picked in {name_key(rows[c - 1][1]) for c in ours_match.candidates}

    agree = sum(1 for a, b in zip(ours, baseline, strict=True) if agrees(a, b))
    figures = {
        "registry": n, "mentions": m,
        "ours_mentions_per_s": round(m / ours_time, 1),
        "baseline_mentions_per_s": round(m / base_time, 1),
        "speedup": round(base_time / ours_time, 1),
        "ours_seconds_including_build": round(ours_time, 2),
        "baseline_seconds_including_keys": round(base_time, 2),
        "agreement": round(agree / m, 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()

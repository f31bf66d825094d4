"""Quality check of the suggester on the labelled set (hit@1 and hit@5).

Run ``python -m metric_library.evaluate`` to print the scores overall and per
split. The ``heldout`` split was written before the suggester was tuned and is
meant to be looked at only for reporting, never for tuning.
"""

from __future__ import annotations

import argparse
import csv
from dataclasses import dataclass
from pathlib import Path

from metric_library.api import default_suggester
from metric_library.suggester import MetricSuggester

LABELLED = Path(__file__).resolve().parent / "eval" / "labelled.csv"


@dataclass(frozen=True, slots=True)
class LabelledPair:
    """One labelled example: a task text and the metric codes that are acceptable."""

    text: str
    acceptable: frozenset[str]
    split: str


@dataclass(frozen=True, slots=True)
class Score:
    """Hit rates of one split."""

    split: str
    count: int
    hit1: float
    hit5: float


def load_labelled(path: Path = LABELLED) -> list[LabelledPair]:
    """Read the labelled set (columns ``text, acceptable_codes, split``)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            LabelledPair(
                text=row["text"],
                acceptable=frozenset(c.strip() for c in row["acceptable_codes"].split("|")),
                split=row["split"].strip(),
            )
            for row in csv.DictReader(handle)
        ]


def evaluate(
    pairs: list[LabelledPair], suggester: MetricSuggester | None = None
) -> dict[str, Score]:
    """Compute hit@1 and hit@5 per split and overall (key ``all``).

    Args:
        pairs: the labelled examples.
        suggester: the suggester to test; defaults to the shared one.

    Returns:
        Scores keyed by split name, plus ``all``.
    """
    engine = suggester or default_suggester()
    hits: dict[str, list[tuple[bool, bool]]] = {}
    for pair in pairs:
        codes = [s.code for s in engine.suggest(pair.text, top=5)]
        result = (bool(codes) and codes[0] in pair.acceptable, bool(pair.acceptable & set(codes)))
        hits.setdefault(pair.split, []).append(result)
        hits.setdefault("all", []).append(result)
    return {
        split: Score(
            split=split,
            count=len(rows),
            hit1=sum(h1 for h1, _ in rows) / len(rows),
            hit5=sum(h5 for _, h5 in rows) / len(rows),
        )
        for split, rows in hits.items()
    }


def misses(pairs: list[LabelledPair], suggester: MetricSuggester | None = None) -> list[str]:
    """Describe the examples whose acceptable codes are not in the top 5."""
    engine = suggester or default_suggester()
    out = []
    for pair in pairs:
        codes = [s.code for s in engine.suggest(pair.text, top=5)]
        if not pair.acceptable & set(codes):
            out.append(f"[{pair.split}] {pair.text!r}: cần {sorted(pair.acceptable)}, có {codes}")
    return out


def main(argv: list[str] | None = None) -> int:
    """Print hit@1 and hit@5 overall and per split."""
    parser = argparse.ArgumentParser(description="Đánh giá gợi ý thước đo (hit@1, hit@5)")
    parser.add_argument("--split", help="chỉ đánh giá một phần (dev hoặc heldout)")
    parser.add_argument("--misses", action="store_true", help="in các câu trượt top 5")
    args = parser.parse_args(argv)
    pairs = load_labelled()
    if args.split:
        pairs = [p for p in pairs if p.split == args.split]
    scores = evaluate(pairs)
    for split in sorted(scores, key=lambda s: (s == "all", s)):
        sc = scores[split]
        print(f"{split:8s} n={sc.count:4d}  hit@1={sc.hit1:.3f}  hit@5={sc.hit5:.3f}")
    if args.misses:
        for line in misses(pairs):
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

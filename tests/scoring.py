"""Score extraction records against gold records with the rules of ../shared/eval/score.py (SCHEMA.md).

Kept here so the suite can hold the parser to a quality floor on our own documents without
reaching outside the repository.
"""

from __future__ import annotations

from dataclasses import dataclass, field

REL_TOL = 0.005


def _norm(text) -> str | None:
    return None if text is None else "".join(str(text).split()).replace("％", "%")


def _close(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    a, b = float(a), float(b)
    return a == b or abs(a - b) <= REL_TOL * max(abs(a), abs(b))


def similarity(a, b) -> float:
    """Character F1 of two phrases through their longest common subsequence (1.0 when equal).

    Unlike containment, a fragment earns only its share: 户 against 贫困户 is 0.5, a verb against
    the counted noun nothing.
    """
    a, b = _norm(a) or "", _norm(b) or ""
    if not a or not b:
        return float(a == b)
    row = [0] * (len(b) + 1)
    for char in a:
        diagonal, row[0] = 0, 0
        for j, other in enumerate(b, 1):
            diagonal, row[j] = row[j], diagonal + 1 if char == other else max(row[j], row[j - 1])
    common = row[-1]
    return 2 * common / (len(a) + len(b))


def _contains(a, b) -> bool:
    a, b = _norm(a), _norm(b)
    if not a or not b:
        return a == b
    return a in b or b in a


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    @property
    def f1(self) -> float:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    metrics: Counts = field(default_factory=Counts)
    regions: Counts = field(default_factory=Counts)
    programs: Counts = field(default_factory=Counts)
    indicator: list[int] = field(default_factory=lambda: [0, 0])
    indicator_similarity: list[float] = field(default_factory=list)
    attribution: list[int] = field(default_factory=lambda: [0, 0])
    fields: dict[str, list[int]] = field(
        default_factory=lambda: {k: [0, 0] for k in ("title", "issue", "published_on", "issuer")}
    )
    misses: list[str] = field(default_factory=list)

    def share(self, pair: list[int]) -> float:
        return pair[0] / pair[1] if pair[1] else 1.0

    def add(self, pred: dict, gold: dict, name: str = "") -> None:
        gold_metrics = [m for m in gold.get("metrics", []) if isinstance(m, dict)]
        tp, fp, fn, pairs, missed = match_metrics(pred.get("metrics", []), gold_metrics)
        self.metrics.add(tp, fp, fn)
        self.misses += [f"{name}: {g.get('text')}={g.get('value')}{g.get('unit')}" for g in missed]
        for m, g in pairs:
            if g.get("indicator"):
                self.indicator[1] += 1
                self.indicator[0] += _contains(m.get("indicator"), g.get("indicator"))
                self.indicator_similarity.append(similarity(m.get("indicator"), g.get("indicator")))
            if g.get("region"):
                self.attribution[1] += 1
                self.attribution[0] += str(m.get("region")) == str(g.get("region"))
        gold_regions = {str(r["code"]) for r in gold.get("regions", [])}
        pred_regions = {str(r["code"]) for r in pred.get("regions", [])}
        self.regions.add(*_set_counts(pred_regions, gold_regions))
        gold_programs = {p["category"] for p in gold.get("programs", [])}
        pred_programs = {p["category"] for p in pred.get("programs", [])}
        self.programs.add(*_set_counts(pred_programs, gold_programs))
        for key, tally in self.fields.items():
            expected = (gold.get("bulletin") or {}).get(key)
            if expected is None:
                continue
            got = (pred.get("bulletin") or {}).get(key)
            tally[1] += 1
            tally[0] += _contains(got, expected) if key in ("title", "issuer") else _norm(got) == _norm(expected)


def _set_counts(pred: set, gold: set) -> tuple[int, int, int]:
    return len(pred & gold), len(pred - gold), len(gold - pred)


def match_metrics(pred: list[dict], gold: list[dict]):
    """One-to-one matching on unit and value (and value_max where gold has one), best pairs first."""
    candidates = []
    for pi, m in enumerate(pred):
        for gi, g in enumerate(gold):
            if _norm(g.get("unit")) != _norm(m.get("unit")) or not _close(g.get("value"), m.get("value")):
                continue
            if g.get("value_max") is not None and not _close(g.get("value_max"), m.get("value_max")):
                continue
            key = (
                not g.get("optional"),
                bool(g.get("indicator")) and _contains(m.get("indicator"), g.get("indicator")),
                str(g.get("region")) == str(m.get("region")),
                _norm(g.get("text")) == _norm(m.get("text")),
            )
            candidates.append((key, pi, gi))
    candidates.sort(key=lambda c: (c[0], -c[1], -c[2]), reverse=True)
    pred_used, gold_used, pairs, tp = set(), set(), [], 0
    for _key, pi, gi in candidates:
        if pi in pred_used or gi in gold_used:
            continue
        pred_used.add(pi)
        gold_used.add(gi)
        if not gold[gi].get("optional"):
            tp += 1
            pairs.append((pred[pi], gold[gi]))
    missed = [g for i, g in enumerate(gold) if i not in gold_used and not g.get("optional")]
    return tp, len(pred) - len(pred_used), len(missed), pairs, missed

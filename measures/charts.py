"""Small SVG bar charts drawn on the server: no JavaScript, nothing fetched from elsewhere."""

from __future__ import annotations

from decimal import Decimal

WIDTH, HEIGHT, BAR_GAP = 360, 120, 6


def year_bars(series: list[dict], units: int = 3) -> list[dict]:
    """For the units with most figures: bars of the yearly totals, with coordinates for an SVG."""
    by_unit: dict[str, list[dict]] = {}
    for row in series:
        by_unit.setdefault(row["unit"], []).append(row)
    ranked = sorted(by_unit.items(), key=lambda item: -sum(r["figures"] for r in item[1]))[:units]
    charts = []
    for unit, rows in ranked:
        rows = sorted(rows, key=lambda r: r["year"])
        top = max((Decimal(r["total"] or 0) for r in rows), default=Decimal(0)) or Decimal(1)
        width = (WIDTH - BAR_GAP * (len(rows) + 1)) / max(len(rows), 1)
        bars = []
        for index, row in enumerate(rows):
            height = float(Decimal(row["total"] or 0) / top) * (HEIGHT - 20)
            bars.append({"x": BAR_GAP + index * (width + BAR_GAP), "y": HEIGHT - height - 14, "width": width,
                         "height": height, "year": row["year"], "total": row["total"]})
        charts.append({"unit": unit, "bars": bars, "width": WIDTH, "height": HEIGHT})
    return charts

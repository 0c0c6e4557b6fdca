"""Reading the division hierarchy from GB/T 2260 codes."""

from __future__ import annotations

from measures.models import Region


def region_prefix(code: str) -> str:
    """GB/T 2260 codes nest: a province's divisions share its first two digits, a prefecture's four."""
    if code.endswith("0000"):
        return code[:2]
    if code.endswith("00"):
        return code[:4]
    return code


def region_ids_within(region: Region) -> list[int]:
    """Ids of the division and all divisions under it, as a list: PostgreSQL then reads the metrics
    through their (public, region, …) indexes instead of joining the region table."""
    return list(Region.objects.filter(code__startswith=region_prefix(region.code)).values_list("id", flat=True))

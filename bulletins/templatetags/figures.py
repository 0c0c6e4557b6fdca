from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def plain_number(value: Decimal | None) -> str:
    """12500000.000000 → "12500000", 1.635000 → "1.635": never exponent notation."""
    if value is None:
        return ""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text

"""What counts as live markup in a page we serve: anything that would run or load what an upload put there."""

from __future__ import annotations

import lxml.html

# Where our own pages take scripts from; anything else (inline, elsewhere) came from somewhere else.
SCRIPT_PREFIXES = ("/static/", "/admin/jsi18n/")
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "srcdoc", "xlink:href")
FORBIDDEN_ELEMENTS = ("iframe", "object", "embed", "base", "frame", "frameset", "applet")


def live_markup(html: str) -> list[str]:
    """Every element or attribute in ``html`` that could execute or load something; [] for a clean page."""
    if not html.strip():
        return []
    tree = lxml.html.document_fromstring(html)
    found = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions
        tag = element.tag.lower()
        if tag in FORBIDDEN_ELEMENTS:
            found.append(f"<{tag}>")
        if tag == "script":
            src = element.get("src", "")
            if element.get("type", "").lower() not in DATA_SCRIPT_TYPES and not src.startswith(SCRIPT_PREFIXES):
                found.append(f"<script src={src!r}>{(element.text or '')[:40]}")
        if tag == "meta" and element.get("http-equiv", "").lower() == "refresh":
            found.append("<meta http-equiv=refresh>")
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                found.append(f"<{tag} {name}=...>")
            if name.lower() in URL_ATTRIBUTES and _scheme(value) in {"javascript", "data", "vbscript"}:
                found.append(f"<{tag} {name}={value[:40]!r}>")
    return found


def _scheme(url: str) -> str:
    # Browsers drop white space and control characters from a URL before reading its scheme.
    squeezed = "".join(char for char in url if char > " ").lower()
    return squeezed.split(":", 1)[0] if ":" in squeezed else ""

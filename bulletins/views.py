"""Public pages about bulletins: home, listing, bulletin page. Published records only."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from bulletins.filters import BulletinFilter
from bulletins.highlight import highlighted_text, spans_for
from bulletins.search import snippet
from bulletins.selectors import FilterError, bulletin_list, bulletin_published_get, bulletin_published_list, page_of
from measures.selectors import portal_totals

PAGE_SIZE = 20


def home(request: HttpRequest) -> HttpResponse:
    latest = bulletin_published_list().only("title", "issue_label", "published_on", "issuer")[:10]
    # bulletin_published_list is the one definition of "public"; the totals use it too.
    return render(request, "home.html", {"latest": latest, "totals": portal_totals()})


def bulletin_listing(request: HttpRequest) -> HttpResponse:
    try:
        bulletins = bulletin_list(filters=request.GET.dict())
    except FilterError as error:
        return _bad_filters(request, error)
    page = page_of(bulletins, request.GET.get("page"), PAGE_SIZE)
    query = request.GET.get("q", "")
    rows = [(b, snippet(b.text, query) if query else "") for b in page.items]
    context = {
        "filter": BulletinFilter(request.GET or None),
        "page": page,
        "rows": rows,
        "query_without_page": _without_page(request),
    }
    return render(request, "bulletins/list.html", context)


def bulletin_detail(request: HttpRequest, pk: int) -> HttpResponse:
    bulletin = bulletin_published_get(pk=pk)
    regions = {}
    for mention in bulletin.region_mentions.select_related("region"):
        regions.setdefault(mention.region.code, mention.region)
    context = {
        "bulletin": bulletin,
        "text": highlighted_text(bulletin.text, spans_for(bulletin)),
        "regions": list(regions.values()),
    }
    return render(request, "bulletins/detail.html", context)


def _without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def _bad_filters(request: HttpRequest, error: FilterError) -> HttpResponse:
    response = render(request, "bad_filters.html", {"errors": error.errors})
    response.status_code = 400
    return response

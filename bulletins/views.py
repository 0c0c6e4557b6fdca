"""Public pages about bulletins: home, listing, bulletin page. Published records only."""

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from bulletins import access
from bulletins.highlight import highlighted_text, spans_for
from bulletins.listing import bad_filters_response, query_without_page
from bulletins.models import Bulletin
from bulletins.search import snippet
from bulletins.selectors import (
    FilterError,
    bulletin_filterset,
    bulletin_list,
    bulletin_published_get,
    bulletin_published_list,
    page_of,
)
from measures.selectors import portal_totals

PAGE_SIZE = 20


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    latest = bulletin_published_list().only("title", "issue_label", "published_on", "issuer")[:10]
    # bulletin_published_list is the one definition of "public"; the totals use it too.
    return render(request, "home.html", {"latest": latest, "totals": portal_totals()})


@require_safe
def bulletin_listing(request: HttpRequest) -> HttpResponse:
    filters = request.GET.dict()
    try:
        filterset = bulletin_filterset(filters=filters)
    except FilterError as error:
        return bad_filters_response(request, error)
    page = page_of(bulletin_list(filters=filters, filterset=filterset), request.GET.get("page"), PAGE_SIZE)
    query = request.GET.get("q", "")
    rows = [(b, snippet(b.text, query) if query else "") for b in page.items]
    context = {
        "filter": filterset,
        "page": page,
        "rows": rows,
        "query_without_page": query_without_page(request),
    }
    return render(request, "bulletins/list.html", context)


@require_safe
def bulletin_detail(request: HttpRequest, pk: int) -> HttpResponse:
    bulletin = bulletin_published_get(pk=pk)
    mentions = list(bulletin.region_mentions.select_related("region"))
    regions = {}
    for mention in mentions:
        regions.setdefault(mention.region.code, mention.region)
    context = {
        "bulletin": bulletin,
        "text": highlighted_text(bulletin.text, spans_for(bulletin, mentions)),
        "regions": list(regions.values()),
    }
    return render(request, "bulletins/detail.html", context)


@require_safe
def original_download(request: HttpRequest, pk: int) -> FileResponse:
    """The file as uploaded: public once published, to staff who may see the bulletin before that.

    Always an attachment with nosniff, so an uploaded HTML page is never rendered by the browser.
    """
    bulletin = Bulletin.objects.filter(pk=pk).first()
    if bulletin is None or not access.may_download_original(request.user, bulletin):
        raise Http404
    response = FileResponse(bulletin.original.open("rb"), as_attachment=True, filename=bulletin.original_name)
    response["X-Content-Type-Options"] = "nosniff"
    return response

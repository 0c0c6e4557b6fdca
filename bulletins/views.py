from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from bulletins.highlight import highlighted_text, spans_for
from bulletins.selectors import bulletin_published_get, bulletin_published_list


def home(request: HttpRequest) -> HttpResponse:
    latest = bulletin_published_list().only("title", "issue_label", "published_on", "issuer")[:20]
    return render(request, "home.html", {"latest": latest})


def bulletin_detail(request: HttpRequest, pk: int) -> HttpResponse:
    bulletin = bulletin_published_get(pk=pk)
    context = {"bulletin": bulletin, "text": highlighted_text(bulletin.text, spans_for(bulletin))}
    return render(request, "bulletins/detail.html", context)

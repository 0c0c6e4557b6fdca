from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from bulletins.selectors import bulletin_published_list


def home(request: HttpRequest) -> HttpResponse:
    latest = bulletin_published_list().only("title", "issue_label", "published_on", "issuer")[:20]
    return render(request, "home.html", {"latest": latest})

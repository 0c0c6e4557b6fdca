"""What every public listing page shares: the 400 page for bad filters, the address without its page number."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from bulletins.selectors import FilterError


def bad_filters_response(request: HttpRequest, error: FilterError) -> HttpResponse:
    response = render(request, "bad_filters.html", {"errors": error.errors})
    response.status_code = 400
    return response


def query_without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()

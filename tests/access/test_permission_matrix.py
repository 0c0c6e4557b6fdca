"""Every URL that names an object × every role × every state of a bulletin, GET and POST.

The URLs come from the URL configuration, not from a list: a new URL that names an object and has
no expectation below fails ``test_every_object_url_has_an_expectation``. The expectations are the
rule of README "Roles" written out by hand, so they can disagree with bulletins/access.py.
A request the rule refuses must also change nothing and show nothing of the object.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.apps import apps
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from api.models import ApiToken
from api.services import token_issue
from bulletins.models import Bulletin, BulletinTransition, Removal
from measures.models import Metric, Program, Region
from tests.access.conftest import person
from tests.factories import BulletinFactory, MetricFactory, ProgramFactory, UserFactory, published

pytestmark = pytest.mark.django_db
Status = Bulletin.Status

ROLES = ("anonymous", "editor_own", "editor_other", "reviewer", "administrator", "partner")
STATES = (Status.PARSED, Status.PUBLISHED, Status.REJECTED, Status.FAILED)
METHODS = ("GET", "POST")
OF_A_BULLETIN = {Bulletin, Metric, Program}

# Answers. ALLOWED: the request is served (a form with errors, a save and its redirect): anything
# but a refusal or a redirect to the login page.
OK, LOGIN, FORBIDDEN, MISSING, UNAUTHENTICATED, NOT_ALLOWED, TO_CHANGE, ALLOWED = (
    "200", "302 login", "403", "404", "401", "405", "302 change page", "served"
)
REFUSALS = {LOGIN, FORBIDDEN, MISSING, UNAUTHENTICATED, NOT_ALLOWED}


# ---- the URLs that name an object, from the URL configuration ----------------------------------

NOT_AN_OBJECT = {"format", "app_label", "url"}  # list suffixes (.json), an app's index, the catch-all


def _walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.pattern.regex


def object_routes() -> list[str]:
    routes = []
    for route, regex in _walk(get_resolver().url_patterns):
        names = set(regex.groupindex)
        if regex.groups and not (names <= NOT_AN_OBJECT and regex.groups == len(names)):
            routes.append(route)
    return routes


@dataclass(frozen=True)
class Target:
    kind: str  # what the route does with the object: change, delete, history, version, review, ...
    model: type


def target_of(route: str) -> Target | None:
    """What a route is about; None for a route this test does not know (which fails it)."""
    admin = re.fullmatch(r"admin/(\w+)/(\w+)/(.*)", route)
    if route.startswith("admin/r/"):
        return Target("view_on_site", Bulletin)
    if admin:
        app_label, model_name, rest = admin.groups()
        kind = {
            "<path:object_id>/change/": "change", "<path:object_id>/delete/": "delete",
            "<path:object_id>/history/": "history", "^([^/]+)/history/([^/]+)/$": "version",
            "<path:object_id>/": "redirect", "<int:bulletin_id>/review/": "review", "<id>/password/": "password",
        }.get(rest)
        return Target(kind, apps.get_model(app_label, model_name)) if kind else None
    site = {"bulletins/<int:pk>/": Target("page", Bulletin), "bulletins/<int:pk>/original": Target("original", Bulletin),
            "regions/<str:code>/": Target("page", Region)}
    if route in site:
        return site[route]
    api = re.fullmatch(r"api/v1/\^(\w+)/\(\?P<(?:pk|code)>\[\^/\.\]\+\)(/\$|\\\.\(\?P<format>\[a-z0-9\]\+\)/\?\$)", route)
    if api:
        models = {"bulletins": Bulletin, "metrics": Metric, "programs": Program, "regions": Region, "uploads": Bulletin}
        kind = "upload" if api.group(1) == "uploads" else "api"
        return Target(kind, models[api.group(1)]) if api.group(1) in models else None
    return None


def url_for(route: str, obj, version_id: int | None) -> str:
    values = {
        "object_id": obj.pk, "pk": obj.pk, "bulletin_id": obj.pk, "id": obj.pk,
        "code": getattr(obj, "code", ""), "format": "json",
        "content_type_id": ContentType.objects.get_for_model(type(obj)).pk,
    }
    path = route.replace("^", "").replace("$", "")
    path = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: str(values[m.group(1)]), path)
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), path)
    positional = iter([obj.pk, version_id])
    path = re.sub(r"\([^)]*\)", lambda m: str(next(positional)), path)
    return "/" + path.replace("\\.", ".").replace("/?", "/")


# ---- the rule, written out -----------------------------------------------------------------------

STAFF = {"editor_own", "editor_other", "reviewer", "administrator"}
# Model permissions of the roles on the records that do not belong to a bulletin (README "Roles").
GRANTS = {
    Region: {"reviewer": {"view"}, "administrator": {"view", "change", "delete"}},
    ApiToken: {"administrator": {"view", "change"}},  # tokens are revoked, never deleted
    apps.get_model("auth", "User"): {"administrator": {"view", "change", "delete"}},
    Group: {"administrator": {"view", "change", "delete"}},
    AccessAttempt: {}, AccessLog: {}, AccessFailureLog: {},  # superusers only
}


def expected(target: Target, role: str, state: str | None, method: str) -> str:
    kind, model = target.kind, target.model
    post = method == "POST"
    public = state == Status.PUBLISHED
    if kind in {"page", "original", "api"}:
        return _public_page(kind, model, role, state, post)
    if kind == "upload":
        if role == "anonymous":
            return UNAUTHENTICATED
        if role in {"partner", "reviewer"}:
            return FORBIDDEN  # their tokens may not upload
        if post:
            return NOT_ALLOWED
        return OK if role == "editor_own" else MISSING
    if role not in STAFF:
        return LOGIN  # the admin: staff only; a partner's account is not staff
    if kind == "redirect":
        return TO_CHANGE
    if kind == "view_on_site":
        return MISSING  # a bulletin has no public address the admin would send to
    if model not in OF_A_BULLETIN:
        grants = GRANTS[model].get(role, set())
        need = {"change": "change" if post else "view", "history": "view", "delete": "delete",
                "password": "change"}[kind]
        return (ALLOWED if post else OK) if need in grants or (need == "view" and "change" in grants) else FORBIDDEN
    return _bulletin_record(kind, model, role, public, post)


def _public_page(kind: str, model, role: str, state: str | None, post: bool) -> str:
    if post:
        return NOT_ALLOWED  # public pages and the partner API are read-only
    if model is Region or state == Status.PUBLISHED:
        return OK
    if kind == "original" and role in {"editor_own", "reviewer", "administrator"}:
        return OK  # staff who may see the bulletin download its file before it is public
    return MISSING


def _bulletin_record(kind: str, model, role: str, public: bool, post: bool) -> str:
    editor = role in {"editor_own", "editor_other"}
    if editor and model is not Bulletin:
        return FORBIDDEN  # editors have no access to figures and programmes at all
    if role == "editor_other" and not (kind == "delete" or (post and kind == "change")):
        return MISSING  # another editor's upload does not exist for them...
    if editor and (kind == "delete" or (post and kind != "history")):
        return FORBIDDEN  # ...and editors change and delete nothing (Django asks the role first)
    if editor and kind == "review":
        return FORBIDDEN  # the desk shows figures, which editors may not see
    if kind == "delete" and model is Bulletin and role == "reviewer":
        return FORBIDDEN  # reviewers reject; only administrators delete bulletins
    if post and kind in {"change", "delete", "version", "review"}:
        return ALLOWED
    return OK


# ---- the world the requests are made in ----------------------------------------------------------


@pytest.fixture
def world():
    people = {
        "editor_own": person("editor-own", "Editor"),
        "editor_other": person("editor-other", "Editor"),
        "reviewer": person("reviewer", "Reviewer"),
        "administrator": person("administrator", "Administrator"),
        "partner": person("partner", None, staff=False),
    }
    issuer = UserFactory(username="issuer", is_superuser=True, is_staff=True)
    keys = {role: token_issue(name=role, user=user, by=issuer)[1] for role, user in people.items()}
    objects: dict[tuple[type, str | None], object] = {}
    for state in STATES:
        bulletin = BulletinFactory(title=f"机密标题{state}", uploaded_by=people["editor_own"], status=Status.PARSED)
        objects[Metric, state] = MetricFactory(bulletin=bulletin, indicator=f"机密指标{state}")
        objects[Program, state] = ProgramFactory(bulletin=bulletin, title=f"机密项目{state}")
        if state == Status.PUBLISHED:
            bulletin = published(bulletin)
        else:
            Bulletin.objects.filter(pk=bulletin.pk).update(status=state)
            bulletin.refresh_from_db()
        objects[Bulletin, state] = bulletin
    region = Region.objects.filter(level=Region.Level.COUNTY).first()
    access = {"user_agent": "test", "ip_address": "10.0.0.1", "username": "someone", "http_accept": "*/*",
              "path_info": "/admin/login/"}
    for model, obj in {
        Region: region,
        ApiToken: ApiToken.objects.get(name="partner"),
        apps.get_model("auth", "User"): UserFactory(username="someone"),
        Group: Group.objects.get(name="Editor"),
        AccessAttempt: AccessAttempt.objects.create(**access, get_data="", post_data="", failures_since_start=1),
        AccessLog: AccessLog.objects.create(**access),
        AccessFailureLog: AccessFailureLog.objects.create(**access),
    }.items():
        objects[model, None] = obj
    return people, keys, objects


def snapshot() -> tuple:
    """Everything a refused request must leave as it was."""
    return (
        list(Bulletin.objects.order_by("pk").values()),
        list(Metric.objects.order_by("pk").values()),
        list(Program.objects.order_by("pk").values()),
        BulletinTransition.objects.count(), Removal.objects.count(),
        Bulletin.history.count(), Metric.history.count(), Program.history.count(),
        list(Region.objects.filter(level=Region.Level.COUNTY).order_by("pk").values()[:1]),
        list(ApiToken.objects.order_by("pk").values("name", "revoked_at")),
        list(apps.get_model("auth", "User").objects.order_by("pk").values("username", "password", "is_staff")),
        Group.objects.count(), AccessAttempt.objects.count(), AccessLog.objects.count(),
    )


def answer_of(response) -> str:
    code = response.status_code
    if code == 302:
        location = response["Location"]
        if "/admin/login/" in location:
            return LOGIN
        return TO_CHANGE if location.rstrip("/").endswith("/change") else ALLOWED
    return {200: OK, 401: UNAUTHENTICATED, 403: FORBIDDEN, 404: MISSING, 405: NOT_ALLOWED}.get(code, str(code))


def matches(answer: str, want: str) -> bool:
    return answer == want or (want == ALLOWED and answer in {OK, ALLOWED, TO_CHANGE})


def secret_of(obj) -> str:
    return str(getattr(obj, "title", None) or getattr(obj, "indicator", None) or "")


def client_for(role: str, people, keys, api: bool) -> Client:
    if role == "anonymous":
        return Client()
    if api:
        return Client(HTTP_AUTHORIZATION=f"Token {keys[role]}")
    client = Client()
    client.force_login(people[role])
    return client


# ---- the tests -----------------------------------------------------------------------------------


def test_every_object_url_has_an_expectation():
    unknown = [route for route in object_routes() if target_of(route) is None]
    assert not unknown, f"URLs that name an object with no expectation in this test: {unknown}"


def test_the_matrix_covers_the_admin_the_site_and_the_api():
    routes = object_routes()
    assert any(r.startswith("admin/bulletins/bulletin/^") for r in routes)  # django-simple-history's revert
    assert any(r.startswith("api/v1/") for r in routes) and "bulletins/<int:pk>/original" in routes


@pytest.mark.parametrize("route", object_routes())
def test_each_role_gets_the_answer_the_rule_gives(route, world):
    people, keys, objects = world
    target = target_of(route)
    assert target is not None, f"no expectation for {route}"
    states = STATES if target.model in OF_A_BULLETIN else (None,)
    wrong = []
    for state in states:
        obj = objects[target.model, state]
        version = obj.history.earliest("history_date").history_id if hasattr(obj, "history") else None
        url = url_for(route, obj, version)
        for role in ROLES:
            client = client_for(role, people, keys, api=route.startswith("api/"))
            for method in METHODS:
                want = expected(target, role, state, method)
                with transaction.atomic():
                    before = snapshot() if method == "POST" else None
                    response = client.post(url, {"post": "yes", "title": "改写"}) if method == "POST" else client.get(url)
                    answer = answer_of(response)
                    if not matches(answer, want):
                        wrong.append(f"{method} {url} as {role} ({state}): {answer}, expected {want}")
                    elif want in REFUSALS:
                        if before is not None and snapshot() != before:
                            wrong.append(f"{method} {url} as {role} ({state}): refused, but something changed")
                        body = b"" if response.streaming else response.content
                        if secret_of(obj) and secret_of(obj).encode() in body:
                            wrong.append(f"{method} {url} as {role} ({state}): refused, but shows the object")
                    transaction.set_rollback(True)
    assert not wrong, "\n".join(wrong)

"""The OpenAPI document: valid, complete, served with local assets, and true of the live API."""

import pytest
import schemathesis
from django.core import signals
from django.core.management import call_command
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from bulletins.services import bulletin_parse, bulletin_upload_bytes
from tests.api.conftest import token_for
from tests.factories import published

pytestmark = pytest.mark.django_db
BULLETIN = "贵州扶贫专报第3期\n\n2018年5月2日\n\n织金县完成易地扶贫搬迁1.2万人，投入资金3.5亿元，建成安置点12个。\n"


def test_the_schema_validates_without_a_single_warning():
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", "/dev/null")


def test_every_field_of_every_component_is_described(api):
    schema = api.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    undescribed = [
        f"{name}.{field}"
        for name, component in schema["components"]["schemas"].items()
        for field, prop in component.get("properties", {}).items()
        if not prop.get("description")
    ]
    assert undescribed == []


def test_every_parameter_is_described(api):
    schema = api.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    undescribed = [
        f"{method} {path} {parameter['name']}"
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
        for parameter in operation.get("parameters", [])
        if not parameter.get("description") and parameter["in"] != "path"
    ]
    assert undescribed == []


def test_the_interactive_docs_load_their_assets_from_this_server(client):
    html = client.get("/api/docs/").content.decode()
    assert "swagger-ui" in html and "/static/drf_spectacular_sidecar/" in html
    assert "cdn" not in html.lower() and "https://" not in html


@pytest.fixture
def live_api():
    """The WSGI application as a server runs it, inside this test's transaction."""
    # A real request cycle closes "old" connections, which would end the test's transaction.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    published(bulletin_parse(bulletin_id=bulletin_upload_bytes(name="a.txt", data=BULLETIN.encode()).bulletin.pk))
    from django.contrib.auth.models import Group

    from tests.factories import UserFactory

    editor = UserFactory(username="schema-editor", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editor"))
    loaded = schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())
    loaded.config.headers = {"Authorization": f"Token {token_for(editor)}"}
    yield loaded
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def test_the_live_api_answers_every_generated_request_as_its_schema_says(live_api):
    checks = [schemathesis.checks.not_a_server_error, response_schema_conformance, content_type_conformance]
    operations = [result.ok() for result in live_api.get_all_operations()]
    assert len(operations) >= 14

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True,
                  database=None)
        def conforms(case) -> None:
            case.call_and_validate(checks=checks)

        conforms()

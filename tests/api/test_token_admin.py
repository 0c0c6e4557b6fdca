"""Staff issue and revoke partner tokens in the admin; the key is shown once and never stored."""

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from api.models import ApiToken
from tests.factories import StaffUserFactory, UserFactory

pytestmark = pytest.mark.django_db


def issue(client, name: str = "省统计局") -> str:
    partner = UserFactory(username="partner-account")
    response = client.post(reverse("admin:api_apitoken_add"), {"name": name, "user": partner.pk}, follow=True)
    assert response.status_code == 200
    return re.search(r"fp_[\w-]{20,}", response.content.decode()).group(0)


def test_an_administrator_issues_a_token_and_sees_its_key_once(client):
    admin = UserFactory(username="administrator", is_staff=True)
    admin.groups.add(Group.objects.get(name="Administrator"))
    client.force_login(admin)
    key = issue(client)
    assert client.get("/api/v1/bulletins/", HTTP_AUTHORIZATION=f"Token {key}").status_code == 200
    assert key not in client.get(reverse("admin:api_apitoken_changelist")).content.decode()


def test_a_revoked_token_stops_working_at_once(client):
    client.force_login(StaffUserFactory())
    key = issue(client)
    token = ApiToken.objects.get()
    response = client.post(reverse("admin:api_apitoken_changelist"),
                           {"action": "revoke_selected", "_selected_action": [token.pk]})
    assert response.status_code == 302
    assert client.get("/api/v1/bulletins/", HTTP_AUTHORIZATION=f"Token {key}").status_code == 401


def test_an_editor_cannot_issue_tokens(client):
    editor = UserFactory(username="an-editor", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editor"))
    client.force_login(editor)
    assert client.get(reverse("admin:api_apitoken_add")).status_code == 403

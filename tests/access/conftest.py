"""People in each role, logged in through the admin's session or holding an API token."""

import pytest
from django.contrib.auth.models import Group

from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # These tests log people in with force_login: a deliberately slow hash would only cost seconds per user.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def person(username: str, role: str | None, *, staff: bool = True):
    user = UserFactory(username=username, is_staff=staff)
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def editor():
    return person("editor-a", "Editor")


@pytest.fixture
def other_editor():
    return person("editor-b", "Editor")


@pytest.fixture
def reviewer():
    return person("reviewer", "Reviewer")

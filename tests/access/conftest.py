"""People in each role, logged in through the admin's session or holding an API token."""

import pytest
from django.contrib.auth.models import Group

from tests.factories import UserFactory


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

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from api.services import token_issue
from tests.factories import StaffUserFactory, UserFactory


@pytest.fixture(autouse=True)
def _fresh_throttles(settings):
    # Throttle counters live in the cache; every test starts with none.
    cache.clear()
    settings.FUPIN_API_ANON_RATE = "10000/min"
    settings.FUPIN_API_PARTNER_RATE = "10000/min"


@pytest.fixture
def api():
    return APIClient()


def token_for(user, name: str = "测试令牌") -> str:
    admin = StaffUserFactory(username="token-admin")
    return token_issue(name=name, user=user, by=admin)[1]


@pytest.fixture
def partner_key():
    return token_for(UserFactory(username="partner"), "省统计局")


@pytest.fixture
def editor():
    from django.contrib.auth.models import Group

    user = UserFactory(username="editor", is_staff=True)
    user.groups.add(Group.objects.get(name="Editor"))
    return user

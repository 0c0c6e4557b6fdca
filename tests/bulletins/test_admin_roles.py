"""The bulletin list and its actions, per role."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from bulletins.models import Bulletin
from tests.factories import BulletinFactory, MetricFactory, UserFactory

pytestmark = pytest.mark.django_db
Status = Bulletin.Status


def login(client, role: str):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    client.force_login(user)
    return user


def changelist(client, **params):
    return client.get(reverse("admin:bulletins_bulletin_changelist"), params)


def act(client, action: str, bulletins, **extra):
    data = {"action": action, "_selected_action": [b.pk for b in bulletins], **extra}
    return client.post(reverse("admin:bulletins_bulletin_changelist"), data, follow=True)


def test_an_editor_sees_only_their_own_uploads(client):
    editor = login(client, "Editor")
    mine = BulletinFactory(title="我的简报", uploaded_by=editor)
    BulletinFactory(title="别人的简报")
    html = changelist(client).content.decode()
    assert mine.title in html and "别人的简报" not in html


def test_an_editor_can_upload(client):
    login(client, "Editor")
    assert client.get(reverse("admin:bulletins_bulletin_upload")).status_code == 200


def test_an_editor_has_no_publish_action(client):
    editor = login(client, "Editor")
    bulletin = BulletinFactory(uploaded_by=editor)
    act(client, "publish_selected", [bulletin])
    bulletin.refresh_from_db()
    assert bulletin.status == Status.PARSED


def test_a_reviewer_bulk_publishes_and_only_parsed_ones_move(client):
    login(client, "Reviewer")
    parsed = BulletinFactory.create_batch(2, status=Status.PARSED)
    failed = BulletinFactory(status=Status.FAILED)
    response = act(client, "publish_selected", [*parsed, failed])
    assert {b.status for b in Bulletin.objects.filter(pk__in=[p.pk for p in parsed])} == {Status.PUBLISHED}
    failed.refresh_from_db()
    assert failed.status == Status.FAILED
    assert "只有已解析的简报可以发布" in response.content.decode()


def test_a_reviewer_rejects_with_a_reason_through_a_confirmation_page(client):
    login(client, "Reviewer")
    bulletin = BulletinFactory()
    page = act(client, "reject_selected", [bulletin])
    assert "驳回理由" in page.content.decode()
    act(client, "reject_selected", [bulletin], reason="内容重复")
    bulletin.refresh_from_db()
    assert (bulletin.status, bulletin.rejection_reason) == (Status.REJECTED, "内容重复")


def test_the_list_filters_bulletins_with_figures_without_region(client):
    login(client, "Reviewer")
    orphan = BulletinFactory(title="有无地区指标")
    MetricFactory(bulletin=orphan, region=None)
    BulletinFactory(title="全部归属")
    html = changelist(client, unattributed="yes").content.decode()
    assert "有无地区指标" in html and "全部归属" not in html


def test_the_list_filters_by_province_including_its_counties(client):
    from measures.models import Region, RegionMention

    login(client, "Reviewer")
    county = BulletinFactory(title="梁平简报")
    RegionMention.objects.create(bulletin=county, region=Region.objects.get(code="500155"), mention="梁平", start=0, end=2)
    BulletinFactory(title="别处简报")
    html = changelist(client, region="500000").content.decode()
    assert "梁平简报" in html and "别处简报" not in html


def test_a_bulletin_with_the_same_text_as_another_is_flagged(client):
    login(client, "Reviewer")
    BulletinFactory(title="原件", text_sha256="a" * 64)
    BulletinFactory(title="另存为", text_sha256="a" * 64)
    html = changelist(client, duplicate="yes").content.decode()
    assert "原件" in html and "另存为" in html


def test_history_of_a_bulletin_is_viewable(client):
    login(client, "Administrator")
    bulletin = BulletinFactory()
    bulletin.title = "改过的标题"
    bulletin.save()
    response = client.get(reverse("admin:bulletins_bulletin_history", args=[bulletin.pk]))
    assert response.status_code == 200
    assert "改过的标题" in response.content.decode()


def test_a_metric_change_can_be_reverted_from_its_history(client):
    from decimal import Decimal

    login(client, "Administrator")
    metric = MetricFactory(value=Decimal(100))
    metric.value = Decimal(999)
    metric.save()
    original = metric.history.earliest()
    url = reverse("admin:measures_metric_simple_history", args=[metric.pk, original.history_id])
    page = client.get(url)
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {name: (form[name].value() if form[name].value() is not None else "") for name in form.fields}
    client.post(url, data)
    metric.refresh_from_db()
    assert metric.value == Decimal(100)

"""django-simple-history's two history views obey the same rule as the rest of the admin."""

import pytest
from django.urls import reverse

from bulletins.models import Bulletin, BulletinTransition
from bulletins.services import bulletin_update_fields
from tests.factories import BulletinFactory, MetricFactory, published

pytestmark = pytest.mark.django_db
Status = Bulletin.Status


def history(bulletin):
    return reverse("admin:bulletins_bulletin_history", args=[bulletin.pk])


def version(bulletin, record=None):
    record = record or bulletin.history.earliest("history_date")
    return reverse("admin:bulletins_bulletin_simple_history", args=[bulletin.pk, record.history_id])


def revert_form(bulletin, **fields):
    data = {"title": bulletin.title, "issue_label": "", "published_on": "", "issuer": ""}
    return {**data, **fields}


def test_an_editor_cannot_rewrite_another_editors_published_bulletin_through_its_history(
    client, editor, other_editor
):
    bulletin = published(BulletinFactory(title="原标题", uploaded_by=other_editor))
    client.force_login(editor)
    response = client.post(version(bulletin), revert_form(bulletin, title="被改写的标题"))
    bulletin.refresh_from_db()
    assert response.status_code == 404
    assert bulletin.title == "原标题"


def test_an_editor_cannot_rewrite_their_own_published_bulletin_through_its_history(client, editor):
    bulletin = published(BulletinFactory(title="原标题", uploaded_by=editor))
    client.force_login(editor)
    response = client.post(version(bulletin), revert_form(bulletin, title="被改写的标题"))
    bulletin.refresh_from_db()
    assert response.status_code == 403
    assert bulletin.title == "原标题"


def test_an_editor_does_not_see_the_history_of_another_editors_draft(client, editor, other_editor):
    draft = BulletinFactory(title="别人的草稿", original_name="secret-draft.txt", uploaded_by=other_editor)
    draft.save()  # a first history row
    client.force_login(editor)
    for url in (history(draft), version(draft)):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "别人的草稿" not in response.content.decode() and "secret-draft" not in response.content.decode()


def test_an_editor_sees_the_history_of_their_own_upload(client, editor):
    draft = BulletinFactory(title="我的草稿", uploaded_by=editor)
    client.force_login(editor)
    assert "我的草稿" in client.get(history(draft)).content.decode()
    assert client.get(version(draft)).status_code == 200


def test_a_reviewer_reverts_the_title_and_the_status_stays_as_it_is(client, reviewer):
    bulletin = BulletinFactory(title="旧标题")
    first = bulletin.history.earliest("history_date")
    bulletin_update_fields(bulletin=bulletin, changes={"title": "新标题"}, by=reviewer)
    bulletin = published(bulletin)
    client.force_login(reviewer)
    response = client.post(version(bulletin, first), revert_form(bulletin, title="旧标题"))
    bulletin.refresh_from_db()
    assert response.status_code == 302
    assert (bulletin.title, bulletin.status) == ("旧标题", Status.PUBLISHED)
    assert not BulletinTransition.objects.filter(bulletin=bulletin, to_status=Status.PARSED).exists()


def test_a_revert_is_credited_to_the_person_who_made_it(client, reviewer):
    bulletin = BulletinFactory(title="旧标题")
    first = bulletin.history.earliest("history_date")
    client.force_login(reviewer)
    client.post(version(bulletin, first), revert_form(bulletin, title="再改一次"))
    assert bulletin.history.latest("history_date").history_user == reviewer


def test_a_version_of_another_bulletin_is_not_found(client, reviewer):
    one, other = BulletinFactory(), BulletinFactory()
    client.force_login(reviewer)
    record = other.history.earliest("history_date")
    url = reverse("admin:bulletins_bulletin_simple_history", args=[one.pk, record.history_id])
    assert client.get(url).status_code == 404


def test_an_editor_does_not_see_the_history_of_a_figure_of_another_editors_bulletin(client, editor, other_editor):
    from django.contrib.auth.models import Permission

    # Even granted the right to view figures, the figure's bulletin decides.
    editor.user_permissions.add(Permission.objects.get(codename="view_metric"))
    metric = MetricFactory(bulletin=BulletinFactory(uploaded_by=other_editor))
    metric.save()
    client.force_login(editor)
    url = reverse("admin:measures_metric_history", args=[metric.pk])
    assert client.get(url).status_code == 404

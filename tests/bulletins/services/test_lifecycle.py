"""Lifecycle services: who may move a bulletin where, and every move recorded."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied

from bulletins.models import Bulletin
from bulletins.services import (
    TransitionError,
    bulletin_mark_reviewed,
    bulletin_publish,
    bulletin_reject,
    bulletin_request_reparse,
    bulletin_unpublish,
)
from tests.factories import BulletinFactory, UserFactory

pytestmark = pytest.mark.django_db
Status = Bulletin.Status


def user_in(role: str):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def reviewer():
    return user_in("Reviewer")


def test_a_reviewer_publishes_a_parsed_bulletin_and_the_step_is_recorded(reviewer):
    bulletin = bulletin_publish(bulletin=BulletinFactory(status=Status.PARSED), by=reviewer)
    assert bulletin.status == Status.PUBLISHED
    step = bulletin.transitions.get()
    assert (step.from_status, step.to_status, step.by) == (Status.PARSED, Status.PUBLISHED, reviewer)


@pytest.mark.parametrize("status", [Status.UPLOADED, Status.PARSING, Status.FAILED, Status.REJECTED])
def test_only_parsed_or_published_bulletins_can_be_published(reviewer, status):
    with pytest.raises(TransitionError):
        bulletin_publish(bulletin=BulletinFactory(status=status), by=reviewer)


def test_publishing_twice_is_harmless(reviewer):
    bulletin = bulletin_publish(bulletin=BulletinFactory(status=Status.PUBLISHED), by=reviewer)
    assert bulletin.status == Status.PUBLISHED
    assert not bulletin.transitions.exists()


def test_unpublish_returns_a_bulletin_to_parsed(reviewer):
    bulletin = bulletin_unpublish(bulletin=BulletinFactory(status=Status.PUBLISHED), by=reviewer)
    assert bulletin.status == Status.PARSED


def test_unpublishing_a_draft_is_refused(reviewer):
    with pytest.raises(TransitionError):
        bulletin_unpublish(bulletin=BulletinFactory(status=Status.PARSED), by=reviewer)


def test_reject_needs_a_reason_and_keeps_it(reviewer):
    with pytest.raises(TransitionError):
        bulletin_reject(bulletin=BulletinFactory(), by=reviewer, reason="  ")
    bulletin = bulletin_reject(bulletin=BulletinFactory(), by=reviewer, reason="与第12期重复")
    assert bulletin.status == Status.REJECTED
    assert bulletin.rejection_reason == "与第12期重复"
    assert bulletin.transitions.get().note == "与第12期重复"


def test_reparse_queues_a_failed_bulletin_again(reviewer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        bulletin = bulletin_request_reparse(bulletin=BulletinFactory(status=Status.FAILED), by=reviewer)
    assert bulletin.status == Status.UPLOADED
    assert len(callbacks) == 1


def test_a_published_bulletin_must_be_unpublished_before_reparsing(reviewer):
    with pytest.raises(TransitionError):
        bulletin_request_reparse(bulletin=BulletinFactory(status=Status.PUBLISHED), by=reviewer)


def test_mark_reviewed_records_who_and_when(reviewer):
    bulletin = bulletin_mark_reviewed(bulletin=BulletinFactory(status=Status.PARSED), by=reviewer)
    assert bulletin.reviewed_by == reviewer
    assert bulletin.reviewed_at is not None


@pytest.mark.parametrize(
    "service",
    [bulletin_publish, bulletin_unpublish, bulletin_request_reparse, bulletin_mark_reviewed],
)
def test_an_editor_may_not_publish_unpublish_reparse_or_review(service):
    with pytest.raises(PermissionDenied):
        service(bulletin=BulletinFactory(status=Status.PUBLISHED), by=user_in("Editor"))


def test_an_editor_may_not_reject():
    with pytest.raises(PermissionDenied):
        bulletin_reject(bulletin=BulletinFactory(), by=user_in("Editor"), reason="x")


def test_an_administrator_may_do_everything_a_reviewer_may():
    administrator = user_in("Administrator")
    bulletin = bulletin_publish(bulletin=BulletinFactory(status=Status.PARSED), by=administrator)
    assert bulletin.status == Status.PUBLISHED

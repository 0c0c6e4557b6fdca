"""Who may see, change or delete a bulletin and the records parsed from it: the one rule.

Every view asks here: the admin's lists, change, delete and history views (ours and
django-simple-history's), the review desk, the original-file download, the duplicate messages and
the API's uploads. The rule:

- A person sees a bulletin if their role may view bulletins (or its records) and either may see
  everybody's (``bulletins.view_all_bulletins``: reviewers, administrators) or uploaded it.
- They change or delete what they see if their role grants that on the model; a person who sees
  only their own uploads (an editor) never changes or deletes a published one.
- Records (metrics, programmes, and their historical versions) follow their bulletin.

What the public may see is another question, answered by the selectors (published only).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import Model, QuerySet

from bulletins.models import Bulletin

VIEW_ALL = "bulletins.view_all_bulletins"

User = AbstractBaseUser | AnonymousUser


def _active(user: User | None) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def _model_perm(user: User, action: str, model: type[Model]) -> bool:
    # History versions are judged as the records they are versions of.
    instance_model = getattr(model, "instance_type", None) or model
    opts = instance_model._meta
    return user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}")


def sees_every_upload(user: User | None) -> bool:
    return _active(user) and user.has_perm(VIEW_ALL)


def visible(user: User | None, queryset: QuerySet, *, via: str = "") -> QuerySet:
    """``queryset`` narrowed to what ``user`` may see; ``via`` is the path to the bulletin ("bulletin__")."""
    model = queryset.model
    if not _active(user) or not (_model_perm(user, "view", model) or _model_perm(user, "change", model)):
        return queryset.none()
    if user.has_perm(VIEW_ALL):
        return queryset
    return queryset.filter(**{f"{via}uploaded_by": user})


def bulletins_visible_to(user: User | None) -> QuerySet[Bulletin]:
    return visible(user, Bulletin.objects.all())


def own_uploads(user: User | None) -> QuerySet[Bulletin]:
    """The bulletins a person uploaded and may follow (the API's uploads, an editor's list)."""
    if not _active(user):
        return Bulletin.objects.none()
    return visible(user, Bulletin.objects.filter(uploaded_by=user))


def _bulletin_of(obj: Any) -> Bulletin | None:
    if isinstance(obj, Bulletin):
        return obj
    try:
        return obj.bulletin
    except Bulletin.DoesNotExist:  # a version of a record whose bulletin is gone
        return None


def _in_scope(user: User, bulletin: Bulletin | None) -> bool:
    if user.has_perm(VIEW_ALL):
        return True
    return bulletin is not None and bulletin.uploaded_by_id is not None and bulletin.uploaded_by_id == user.pk


def may_view(user: User | None, obj: Model) -> bool:
    if not _active(user):
        return False
    model = type(obj)
    if not (_model_perm(user, "view", model) or _model_perm(user, "change", model)):
        return False
    return _in_scope(user, _bulletin_of(obj))


def may(user: User | None, action: str, obj: Model) -> bool:
    """Whether ``user`` may ``action`` ("add", "change", "delete") ``obj``, a bulletin or one of its records."""
    if action == "view":
        return may_view(user, obj)
    if not _active(user) or not _model_perm(user, action, type(obj)):
        return False
    bulletin = _bulletin_of(obj)
    if not _in_scope(user, bulletin):
        return False
    # Own-uploads roles hand a bulletin over at upload: once public it is the reviewers' to change.
    own_only = not user.has_perm(VIEW_ALL)
    return not (own_only and bulletin is not None and bulletin.status == Bulletin.Status.PUBLISHED)


def may_change(user: User | None, obj: Model) -> bool:
    return may(user, "change", obj)


def may_delete(user: User | None, obj: Model) -> bool:
    return may(user, "delete", obj)


def may_download_original(user: User | None, bulletin: Bulletin) -> bool:
    """The file as uploaded: everybody's once published, before that only for those who see the bulletin."""
    return bulletin.status == Bulletin.Status.PUBLISHED or may_view(user, bulletin)

"""Partner tokens: issue, revoke, authenticate."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from api.models import ApiToken

KEY_PREFIX = "fp_"
# last_used_at is written at most this often per token: one write per request would serialise reads.
LAST_USED_PRECISION = timedelta(minutes=1)


def key_digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def token_issue(*, name: str, user: AbstractBaseUser, by: AbstractBaseUser) -> tuple[ApiToken, str]:
    """A new token and its key; the key is shown once and never stored."""
    if not by.has_perm("api.add_apitoken"):
        raise PermissionDenied("缺少权限：api.add_apitoken")
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        name=name, user=user, prefix=key[: len(KEY_PREFIX) + 6], key_hash=key_digest(key), created_by=by
    )
    return token, key


def token_revoke(*, token: ApiToken, by: AbstractBaseUser) -> ApiToken:
    if not by.has_perm("api.change_apitoken"):
        raise PermissionDenied("缺少权限：api.change_apitoken")
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def token_authenticate(*, key: str) -> ApiToken | None:
    """The active token for this key, or None (unknown, revoked, or its account disabled)."""
    token = ApiToken.objects.select_related("user").filter(key_hash=key_digest(key)).first()
    if token is None or not token.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token

"""Bulletin services: every write to a Bulletin's lifecycle goes through here."""

from __future__ import annotations

import hashlib
import logging
import os
import re
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile, File
from django.db import IntegrityError, transaction
from django.utils import timezone

from bulletins.models import Bulletin, BulletinTransition
from bulletins.pipeline import PARSER_VERSION, FailureCode, ParseError, ParserConfig, parse_document
from bulletins.search import search_vector_for, uses_postgres

logger = logging.getLogger(__name__)

Status = Bulletin.Status
# Statuses a parse may start from; a published or rejected bulletin must be reopened first.
PARSABLE = {Status.UPLOADED, Status.PARSING, Status.PARSED, Status.FAILED}
PUBLISHABLE = {Status.PARSED, Status.PUBLISHED}
REJECTABLE = {Status.UPLOADED, Status.PARSED, Status.FAILED, Status.PUBLISHED}
REPARSABLE = {Status.PARSED, Status.FAILED, Status.REJECTED, Status.UPLOADED}


class TransitionError(Exception):
    """The bulletin is not in a status this step may start from; ``message`` says why, for people."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class UploadResult:
    bulletin: Bulletin
    created: bool  # False: the same file was uploaded before and `bulletin` is that upload


def parser_config() -> ParserConfig:
    return ParserConfig(max_bytes=settings.FUPIN_MAX_UPLOAD_BYTES)


def safe_upload_name(name: str) -> str:
    """The basename of a client-supplied file name, without path parts or characters storage would mangle."""
    base = re.split(r"[\\/]", name or "")[-1]
    # Control and format characters (NUL, newlines, right-to-left overrides) become "_".
    base = "".join("_" if unicodedata.category(char)[0] == "C" else char for char in base)
    base = re.sub(r"[<>:\"|?*]", "_", base).strip().lstrip(".")
    stem, ext = os.path.splitext(base)
    # Bytes, not characters: file systems allow 255 bytes a name, and a Chinese character takes three.
    stem = stem.encode()[:150].decode(errors="ignore")
    if not re.search(r"\w", stem):
        stem = "upload"  # storage keeps only word characters, dots and dashes: it would have nothing left
    return stem + ext[:16].lower()


def bulletin_upload(*, file: File, uploaded_by: AbstractBaseUser | None = None) -> UploadResult:
    """Keep the uploaded file as a new Bulletin and queue its parse; a known file returns its Bulletin."""
    digest = hashlib.sha256()
    size = 0
    for chunk in file.chunks():
        digest.update(chunk)
        size += len(chunk)
    sha256 = digest.hexdigest()
    existing = Bulletin.objects.filter(sha256=sha256).first()
    if existing:
        return UploadResult(existing, created=False)
    name = safe_upload_name(getattr(file, "name", "") or "upload")
    file.seek(0)
    bulletin = Bulletin(
        original_name=name,
        sha256=sha256,
        size=size,
        uploaded_by=uploaded_by if uploaded_by and uploaded_by.is_authenticated else None,
    )
    try:
        with transaction.atomic():
            bulletin.original.save(name, file, save=False)
            bulletin.save()
    except IntegrityError:
        # Uploaded by somebody else between our check and our insert.
        bulletin.original.delete(save=False)
        return UploadResult(Bulletin.objects.get(sha256=sha256), created=False)
    bulletin_enqueue_parse(bulletin=bulletin)
    return UploadResult(bulletin, created=True)


def bulletin_upload_bytes(*, name: str, data: bytes, uploaded_by: AbstractBaseUser | None = None) -> UploadResult:
    return bulletin_upload(file=ContentFile(data, name=name), uploaded_by=uploaded_by)


def bulletin_enqueue_parse(*, bulletin: Bulletin) -> None:
    from bulletins.tasks import parse_bulletin

    # After commit, so a worker never looks for a row it cannot see yet.
    transaction.on_commit(lambda: parse_bulletin.delay(bulletin.pk))


def bulletin_parse(*, bulletin_id: int) -> Bulletin:
    """Parse a bulletin's original file and replace its machine-made records; safe to run twice."""
    from measures.services import record_save

    with transaction.atomic():
        bulletin = Bulletin.objects.select_for_update().get(pk=bulletin_id)
        if bulletin.status not in PARSABLE:
            logger.info("bulletin %s is %s; not parsing", bulletin_id, bulletin.status)
            return bulletin
        _set_status(bulletin, Status.PARSING, by=None)
        bulletin.save(update_fields=["status", "updated_at"])

    try:
        record = parse_document(_read_original(bulletin), bulletin.original_name, parser_config())
    except ParseError as error:
        return _mark_failed(bulletin, error.code, error.message)
    except Exception:
        logger.exception("parser crashed on bulletin %s", bulletin_id)
        return _mark_failed(bulletin, FailureCode.INTERNAL, "解析器内部错误，已记录；原文件已保存，可稍后重新解析。")

    with transaction.atomic():
        bulletin = Bulletin.objects.select_for_update().get(pk=bulletin_id)
        bulletin.title = (record.title or bulletin.original_name)[:500]
        bulletin.issue_label = (record.issue or "")[:100]
        bulletin.published_on = record.published_on
        bulletin.issuer = (record.issuer or "")[:200]
        bulletin.detected_format = record.format
        bulletin.encoding = record.encoding
        bulletin.text = record.text
        bulletin.parser_version = PARSER_VERSION
        bulletin.text_sha256 = text_fingerprint(record.text)
        bulletin.failure_code = ""
        bulletin.error_message = ""
        if uses_postgres():
            bulletin.search_vector = search_vector_for(bulletin.title, record.text)
        changes = record_save(bulletin=bulletin, record=record)
        _set_status(bulletin, Status.PARSED, by=None, note=str(changes))
        bulletin.parsed_at = timezone.now()
        bulletin.save()
    return bulletin


def _read_original(bulletin: Bulletin) -> bytes:
    limit = settings.FUPIN_MAX_UPLOAD_BYTES
    if bulletin.size > limit:
        raise ParseError(
            FailureCode.TOO_LARGE,
            f"文件大小 {bulletin.size / 1048576:.1f} MB，超过上限 {limit / 1048576:.1f} MB；原文件已保存。",
        )
    with bulletin.original.open("rb") as handle:
        return handle.read()


def _mark_failed(bulletin: Bulletin, code: FailureCode, message: str) -> Bulletin:
    with transaction.atomic():
        bulletin = Bulletin.objects.select_for_update().get(pk=bulletin.pk)
        _set_status(bulletin, Status.FAILED, by=None, note=message)
        bulletin.failure_code = str(code)
        bulletin.error_message = message
        bulletin.parser_version = PARSER_VERSION
        bulletin.save(update_fields=["status", "failure_code", "error_message", "parser_version", "updated_at"])
    return bulletin


def text_fingerprint(text: str) -> str:
    return hashlib.sha256("".join(text.split()).encode()).hexdigest()


def _set_status(bulletin: Bulletin, status: str, *, by: AbstractBaseUser | None, note: str = "") -> None:
    """Change the status in memory and record the transition; the caller saves the bulletin."""
    from measures.services import metrics_sync_publication

    if bulletin.status != status:
        BulletinTransition.objects.create(
            bulletin=bulletin, from_status=bulletin.status, to_status=status, by=by, note=note
        )
    published_before = bulletin.status == Status.PUBLISHED
    bulletin.status = status
    if published_before != (status == Status.PUBLISHED):
        metrics_sync_publication(bulletin=bulletin)


def bulletin_update_fields(*, bulletin: Bulletin, by: AbstractBaseUser) -> Bulletin:
    """Save a person's edit of a bulletin's own fields (title, date, issuer) and keep its metrics in step."""
    from measures.services import metrics_sync_publication

    bulletin.save()
    metrics_sync_publication(bulletin=bulletin)
    return bulletin


def _require(user: AbstractBaseUser, permission: str) -> None:
    if not user.has_perm(permission):
        raise PermissionDenied(f"缺少权限：{permission}")


def _locked(bulletin: Bulletin) -> Bulletin:
    return Bulletin.objects.select_for_update().get(pk=bulletin.pk)


@transaction.atomic
def bulletin_publish(*, bulletin: Bulletin, by: AbstractBaseUser) -> Bulletin:
    _require(by, "bulletins.publish_bulletin")
    bulletin = _locked(bulletin)
    if bulletin.status not in PUBLISHABLE:
        raise TransitionError(f"“{bulletin}”的状态是“{bulletin.get_status_display()}”，只有已解析的简报可以发布。")
    _set_status(bulletin, Status.PUBLISHED, by=by)
    if bulletin.reviewed_at is None:
        bulletin.reviewed_at, bulletin.reviewed_by = timezone.now(), by
    bulletin.save()
    return bulletin


@transaction.atomic
def bulletin_unpublish(*, bulletin: Bulletin, by: AbstractBaseUser) -> Bulletin:
    _require(by, "bulletins.publish_bulletin")
    bulletin = _locked(bulletin)
    if bulletin.status != Status.PUBLISHED:
        raise TransitionError(f"“{bulletin}”尚未发布，无需撤回。")
    _set_status(bulletin, Status.PARSED, by=by, note="撤回发布")
    bulletin.save()
    return bulletin


@transaction.atomic
def bulletin_reject(*, bulletin: Bulletin, by: AbstractBaseUser, reason: str) -> Bulletin:
    _require(by, "bulletins.publish_bulletin")
    reason = reason.strip()
    if not reason:
        raise TransitionError("驳回时必须填写理由。")
    bulletin = _locked(bulletin)
    if bulletin.status not in REJECTABLE:
        raise TransitionError(f"“{bulletin}”的状态是“{bulletin.get_status_display()}”，不能驳回。")
    _set_status(bulletin, Status.REJECTED, by=by, note=reason)
    bulletin.rejection_reason = reason
    bulletin.save()
    return bulletin


@transaction.atomic
def bulletin_mark_reviewed(*, bulletin: Bulletin, by: AbstractBaseUser) -> Bulletin:
    _require(by, "bulletins.change_bulletin")
    bulletin = _locked(bulletin)
    if bulletin.status not in PUBLISHABLE:
        raise TransitionError(f"“{bulletin}”尚未解析完成，不能标记为已审核。")
    bulletin.reviewed_at, bulletin.reviewed_by = timezone.now(), by
    bulletin.save()
    return bulletin


@transaction.atomic
def bulletin_request_reparse(*, bulletin: Bulletin, by: AbstractBaseUser) -> Bulletin:
    """Queue a new parse; records a person made or edited survive it (see measures.services.record_save)."""
    _require(by, "bulletins.reparse_bulletin")
    bulletin = _locked(bulletin)
    if bulletin.status not in REPARSABLE:
        raise TransitionError(
            f"“{bulletin}”的状态是“{bulletin.get_status_display()}”；已发布的简报请先撤回再重新解析。"
        )
    _set_status(bulletin, Status.UPLOADED, by=by, note="重新解析")
    bulletin.save()
    bulletin_enqueue_parse(bulletin=bulletin)
    return bulletin

"""Bulletin services: every write to a Bulletin's lifecycle goes through here."""

from __future__ import annotations

import hashlib
import logging
import os
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile, File
from django.db import IntegrityError, connection, transaction
from django.db.models import Q
from django.utils import timezone

from bulletins import access
from bulletins.models import Bulletin, BulletinTransition, Removal
from bulletins.parse_attempts import restart_after_cut_short
from bulletins.pipeline import (
    OUT_OF_MEMORY,
    PARSER_VERSION,
    ExtractionRecord,
    FailureCode,
    ParseError,
    ParserConfig,
    parse_document,
)
from bulletins.search import search_vector_for, uses_postgres

logger = logging.getLogger(__name__)

Status = Bulletin.Status
# Statuses a parse may start from; a published or rejected bulletin must be reopened first.
PARSABLE = {Status.UPLOADED, Status.PARSING, Status.PARSED, Status.FAILED}
# Statuses a queued parse acts on: a duplicate delivery (redelivery, sweep) of a finished parse does nothing.
PENDING = {Status.UPLOADED, Status.PARSING}
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
    return ParserConfig(
        max_bytes=settings.FUPIN_MAX_UPLOAD_BYTES,
        max_pdf_pages=settings.FUPIN_MAX_PDF_PAGES,
        max_docx_uncompressed_bytes=settings.FUPIN_MAX_DOCX_UNCOMPRESSED_BYTES,
        max_docx_part_bytes=settings.FUPIN_MAX_DOCX_PART_BYTES,
        max_docx_paragraphs=settings.FUPIN_MAX_DOCX_PARAGRAPHS,
        max_docx_elements=settings.FUPIN_MAX_DOCX_ELEMENTS,
        max_pdf_inflated_bytes=settings.FUPIN_MAX_PDF_INFLATED_BYTES,
    )


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


def queue_parse(bulletin_id: int) -> None:
    """Send the parse to the broker; raises kombu's OperationalError if it cannot be reached."""
    from bulletins.tasks import parse_bulletin

    # No time limits in the message: the worker's own FUPIN_PARSE_* apply, not those of the sender.
    parse_bulletin.apply_async((bulletin_id,), time_limit=None, soft_time_limit=None)


def bulletin_enqueue_parse(*, bulletin: Bulletin) -> None:
    def enqueue() -> None:
        try:
            queue_parse(bulletin.pk)
        except Exception as error:  # broker down: the bulletin stays "uploaded" and the sweep queues it later
            # One line, not a traceback per upload while the broker is down.
            logger.warning("could not queue the parse of bulletin %s (%s: %s); the sweep will queue it",
                           bulletin.pk, type(error).__name__, error)

    # After commit, so a worker never looks for a row it cannot see yet.
    transaction.on_commit(enqueue)


def bulletins_requeue_stalled(
    *, uploaded_for: timedelta, parsing_for: timedelta, limit: int = 500
) -> list[int]:
    """Queue again the parse of bulletins "uploaded" for ``uploaded_for`` or "parsing" for ``parsing_for``.

    Finds parses that were never queued (broker down at upload, queue flushed) or never finished
    (worker killed outright); safe to run any number of times, as a parse skips finished bulletins.
    """
    now = timezone.now()
    stalled = Bulletin.objects.filter(
        Q(status=Status.UPLOADED, updated_at__lt=now - uploaded_for)
        | Q(status=Status.PARSING, updated_at__lt=now - parsing_for)
    )
    ids = list(stalled.order_by("updated_at").values_list("pk", flat=True)[:limit])
    queued = []
    for pk in ids:
        try:
            queue_parse(pk)
        except Exception:
            logger.exception("could not queue the parse of bulletin %s", pk)
            break  # the broker is down; the next sweep tries again
        # Touched, so a long queue is not flooded with a copy per sweep.
        Bulletin.objects.filter(pk=pk).update(updated_at=now)
        queued.append(pk)
    if queued:
        logger.warning("requeued the parse of %d stalled bulletins: %s", len(queued), queued)
    return queued


PARSE_LOCK_NAMESPACE = 0x66757069  # "fupi": keeps our advisory locks apart from anybody else's


@contextmanager
def _parse_lock(bulletin_id: int) -> Iterator[bool]:
    """Whether this process may parse the bulletin: nobody else is parsing it right now.

    A PostgreSQL session lock, so it is released the moment a killed worker's connection drops.
    SQLite (embedded mode) parses in-process one at a time and needs none.
    """
    if connection.vendor != "postgresql":
        yield True
        return
    key = (PARSE_LOCK_NAMESPACE, bulletin_id & 0x7FFFFFFF)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", key)
        acquired = cursor.fetchone()[0]
    try:
        yield acquired
    finally:
        if acquired:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s, %s)", key)


def bulletin_parse(
    *, bulletin_id: int, only_if_pending: bool = False, interrupted_at: datetime | None = None
) -> Bulletin:
    """Parse a bulletin's original file and replace its machine-made records; safe to run twice.

    ``only_if_pending`` (queued parses): do nothing unless the bulletin waits for a parse, so a message
    delivered twice parses once. A parse found "parsing" with nobody at it was cut short: by its document
    (it ran its time budget; after FUPIN_MAX_PARSE_ATTEMPTS the bulletin ends failed) or by an interruption
    (bulletins/parse_attempts.py). ``interrupted_at``: the task's retry after a database fault seen then.
    """
    with _parse_lock(bulletin_id) as free:
        if not free:
            logger.info("bulletin %s is being parsed by another worker; not parsing", bulletin_id)
            return Bulletin.objects.get(pk=bulletin_id)
        return _parse_locked(bulletin_id, PENDING if only_if_pending else PARSABLE, interrupted_at)


def _parse_locked(bulletin_id: int, parsable: set[str], interrupted_at: datetime | None) -> Bulletin:
    with transaction.atomic():
        bulletin = Bulletin.objects.select_for_update().get(pk=bulletin_id)
        if bulletin.status not in parsable:
            logger.info("bulletin %s is %s; not parsing", bulletin_id, bulletin.status)
            return bulletin
        now = timezone.now()
        if bulletin.status == Status.PARSING:  # nobody holds the parse lock: the last parse was cut short
            restart = restart_after_cut_short(bulletin, now=now, interrupted_at=interrupted_at)
            if restart.failure:
                return _fail_locked(bulletin, restart.failure, restart.note,
                                    also=("parse_attempts", "parse_interruptions"))
            BulletinTransition.objects.create(
                bulletin=bulletin, from_status=Status.PARSING, to_status=Status.PARSING, note=restart.note
            )
        else:  # a new request to parse counts afresh
            bulletin.parse_attempts, bulletin.parse_interruptions = 1, 0
        bulletin.parse_started_at = now
        _set_status(bulletin, Status.PARSING, by=None)
        bulletin.save(
            update_fields=["status", "parse_attempts", "parse_interruptions", "parse_started_at", "updated_at"]
        )

    try:
        record = parse_document(_read_original(bulletin), bulletin.original_name, parser_config())
    except ParseError as error:
        return _mark_failed(bulletin, error.code, error.message)
    except SoftTimeLimitExceeded:
        return _mark_timed_out(bulletin)
    except Exception:
        logger.exception("parser crashed on bulletin %s", bulletin_id)
        return _mark_failed(bulletin, FailureCode.INTERNAL, "解析器内部错误，已记录；原文件已保存，可稍后重新解析。")
    try:
        return _save_record(bulletin_id, record)
    except SoftTimeLimitExceeded:  # the time ran out while saving; that transaction was rolled back
        return _mark_timed_out(bulletin)
    except MemoryError:  # the worker's memory ceiling, reached while saving thousands of figures
        del record
        return _mark_failed(bulletin, FailureCode.TOO_LARGE, OUT_OF_MEMORY)


def _mark_timed_out(bulletin: Bulletin) -> Bulletin:
    return _mark_failed(
        bulletin,
        FailureCode.TIMEOUT,
        f"解析超过 {settings.CELERY_TASK_SOFT_TIME_LIMIT} 秒的时间上限，已停止；文件可能过大或过于复杂。"
        "原文件已保存，可拆分后重新上传。",
    )


def _save_record(bulletin_id: int, record: ExtractionRecord) -> Bulletin:
    from measures.services import record_save

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
        return _fail_locked(Bulletin.objects.select_for_update().get(pk=bulletin.pk), code, message)


def _fail_locked(bulletin: Bulletin, code: FailureCode, message: str, *, also: tuple[str, ...] = ()) -> Bulletin:
    """End the parse failed; the caller holds the row lock. ``also``: fields it changed, saved in the same write."""
    _set_status(bulletin, Status.FAILED, by=None, note=message)
    bulletin.failure_code = str(code)
    bulletin.error_message = message
    bulletin.parser_version = PARSER_VERSION
    bulletin.save(
        update_fields=["status", "failure_code", "error_message", "parser_version", "updated_at", *also]
    )
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
    if published_before and status != Status.PUBLISHED:
        reason = Removal.Reason.REJECTED if status == Status.REJECTED else Removal.Reason.UNPUBLISHED
        removal_record(kind=Removal.Kind.BULLETIN, pk=bulletin.pk, bulletin=bulletin, reason=reason)


def removal_record(
    *, kind: str, pk: int, bulletin: Bulletin, reason: str = Removal.Reason.DELETED
) -> Removal | None:
    """Tell syncing partners that a public record is gone; records that never were public need no word."""
    if kind != Removal.Kind.BULLETIN and bulletin.status != Status.PUBLISHED:
        return None
    return Removal.objects.create(kind=kind, object_id=pk, bulletin_id=bulletin.pk, reason=reason)


@transaction.atomic
def bulletin_delete(*, bulletin: Bulletin, by: AbstractBaseUser) -> None:
    """Delete the record (the original file stays in storage); a public one leaves a removal behind."""
    bulletin = _locked(bulletin)
    if not access.may_delete(by, bulletin):
        raise PermissionDenied("无权删除这份简报。")
    if bulletin.status == Status.PUBLISHED:
        removal_record(kind=Removal.Kind.BULLETIN, pk=bulletin.pk, bulletin=bulletin)
    bulletin.delete()


# The fields a person edits on a bulletin (the admin form, a history revert); the rest is the lifecycle's.
EDITABLE_FIELDS = ("title", "issue_label", "published_on", "issuer")


@transaction.atomic
def bulletin_update_fields(*, bulletin: Bulletin, changes: dict, by: AbstractBaseUser) -> Bulletin:
    """Apply a person's edit of a bulletin's own fields (title, number, date, issuer); metrics follow the date."""
    from measures.services import metrics_sync_publication

    bulletin = _locked(bulletin)
    if not access.may_change(by, bulletin):
        raise PermissionDenied("无权修改这份简报。")
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    for field, value in changes.items():
        setattr(bulletin, field, value)
    bulletin._history_user = by
    bulletin.save()
    metrics_sync_publication(bulletin=bulletin)
    return bulletin


def _require(user: AbstractBaseUser, permission: str, bulletin: Bulletin) -> None:
    """The role grants ``permission`` and the person may see this bulletin (bulletins.access)."""
    if not user.has_perm(permission):
        raise PermissionDenied(f"缺少权限：{permission}")
    if not access.may_view(user, bulletin):
        raise PermissionDenied("无权处理这份简报。")


def _locked(bulletin: Bulletin) -> Bulletin:
    return Bulletin.objects.select_for_update().get(pk=bulletin.pk)


@transaction.atomic
def bulletin_publish(*, bulletin: Bulletin, by: AbstractBaseUser) -> Bulletin:
    _require(by, "bulletins.publish_bulletin", bulletin)
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
    _require(by, "bulletins.publish_bulletin", bulletin)
    bulletin = _locked(bulletin)
    if bulletin.status != Status.PUBLISHED:
        raise TransitionError(f"“{bulletin}”尚未发布，无需撤回。")
    _set_status(bulletin, Status.PARSED, by=by, note="撤回发布")
    bulletin.save()
    return bulletin


@transaction.atomic
def bulletin_reject(*, bulletin: Bulletin, by: AbstractBaseUser, reason: str) -> Bulletin:
    _require(by, "bulletins.publish_bulletin", bulletin)
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
    _require(by, "bulletins.change_bulletin", bulletin)
    bulletin = _locked(bulletin)
    if bulletin.status not in PUBLISHABLE:
        raise TransitionError(f"“{bulletin}”尚未解析完成，不能标记为已审核。")
    bulletin.reviewed_at, bulletin.reviewed_by = timezone.now(), by
    bulletin.save()
    return bulletin


@transaction.atomic
def bulletin_request_reparse(*, bulletin: Bulletin, by: AbstractBaseUser) -> Bulletin:
    """Queue a new parse; records a person made or edited survive it (see measures.services.record_save)."""
    _require(by, "bulletins.reparse_bulletin", bulletin)
    bulletin = _locked(bulletin)
    if bulletin.status not in REPARSABLE:
        raise TransitionError(
            f"“{bulletin}”的状态是“{bulletin.get_status_display()}”；已发布的简报请先撤回再重新解析。"
        )
    _set_status(bulletin, Status.UPLOADED, by=by, note="重新解析")
    bulletin.save()
    bulletin_enqueue_parse(bulletin=bulletin)
    return bulletin

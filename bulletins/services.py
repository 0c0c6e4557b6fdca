"""Bulletin services: every write to a Bulletin's lifecycle goes through here."""

from __future__ import annotations

import hashlib
import logging
import os
import re
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.files.base import ContentFile, File
from django.db import IntegrityError, transaction
from django.utils import timezone

from bulletins.models import Bulletin
from bulletins.pipeline import PARSER_VERSION, FailureCode, ParseError, ParserConfig, parse_document

logger = logging.getLogger(__name__)

# Statuses a parse may start from; a published or rejected bulletin must be reopened first.
PARSABLE = {Bulletin.Status.UPLOADED, Bulletin.Status.PARSING, Bulletin.Status.PARSED, Bulletin.Status.FAILED}


@dataclass(frozen=True, slots=True)
class UploadResult:
    bulletin: Bulletin
    created: bool  # False: the same file was uploaded before and `bulletin` is that upload


def parser_config() -> ParserConfig:
    return ParserConfig(max_bytes=settings.FUPIN_MAX_UPLOAD_BYTES)


def safe_upload_name(name: str) -> str:
    """The basename of a client-supplied file name, without path parts or characters storage would mangle."""
    base = re.split(r"[\\/]", name or "")[-1].strip().lstrip(".")
    base = re.sub(r"[\x00-\x1f<>:\"|?*]", "_", base)
    stem, ext = os.path.splitext(base)
    return (stem[:120] or "upload") + ext[:16].lower()


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
        bulletin.status = Bulletin.Status.PARSING
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
        bulletin.failure_code = ""
        bulletin.error_message = ""
        bulletin.status = Bulletin.Status.PARSED
        bulletin.parsed_at = timezone.now()
        bulletin.save()
        record_save(bulletin=bulletin, record=record)
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
        bulletin.status = Bulletin.Status.FAILED
        bulletin.failure_code = str(code)
        bulletin.error_message = message
        bulletin.parser_version = PARSER_VERSION
        bulletin.save(update_fields=["status", "failure_code", "error_message", "parser_version", "updated_at"])
    return bulletin

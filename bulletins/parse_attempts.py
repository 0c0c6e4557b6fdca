"""Whose fault a parse that never finished was: the document's, or the infrastructure's.

A parse found "parsing" with nobody at it (services._parse_locked) was cut short. How long it may have
run tells why. A worker stops a parse at the soft time limit (the hard one if there is none), so one
that ran about that long was cut short by its document: the hard limit killed it, or it never came back
from C code. It spends one of FUPIN_MAX_PARSE_ATTEMPTS, so a poison document still ends failed (timeout).
A parse cut short sooner was interrupted — a lost database connection, a worker killed by a deploy or
the OOM killer — and is run again without spending an attempt, but at most FUPIN_MAX_PARSE_INTERRUPTIONS
times, so a file that crashes its worker every time ends failed (internal) instead of looping.

How long it ran is measured up to when it is found again, so it is an upper bound: a redelivery after a
killed pool child comes within seconds and is judged right; a parse found by the sweep has waited
FUPIN_REQUEUE_PARSING_AFTER (more than the time limit) and is counted as the document's, as before.
The task's own retry after a database fault says when it saw the fault (``interrupted_at``): the parse
it cut short is an interruption however long it had run.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings

from bulletins.models import Bulletin
from bulletins.pipeline import FailureCode

# A child killed at the hard limit is found again moments later, but its parse was recorded as started
# a little after the task began: leave that slack, so a parse killed at its limit is never excused.
BUDGET_SHARE = 0.9


@dataclass(frozen=True, slots=True)
class Restart:
    """What to do with a parse found cut short: run it again (``note`` for the history), or end it failed."""

    note: str
    failure: FailureCode | None = None  # set: give up; ``note`` is the failure message


def time_budget() -> int:
    """Seconds a worker lets a parse run before stopping it: the soft time limit, or the hard one without it."""
    soft, hard = settings.CELERY_TASK_SOFT_TIME_LIMIT, settings.CELERY_TASK_TIME_LIMIT
    return soft if soft and (not hard or soft < hard) else hard or 0


def restart_after_cut_short(bulletin: Bulletin, *, now: datetime, interrupted_at: datetime | None) -> Restart:
    """Count the parse ``bulletin`` was found cut short in (on the object; the caller saves it) and decide."""
    started = bulletin.parse_started_at
    if started is None:  # begun before parse_started_at was kept: nothing tells it was not the document
        return _documents_attempt(bulletin)
    if interrupted_at is not None and started <= interrupted_at:
        return _interruption(bulletin, "数据库连接中断，上一次解析未完成")
    ran = (now - started).total_seconds()
    budget = time_budget()
    if ran < BUDGET_SHARE * budget:
        return _interruption(
            bulletin,
            f"上一次解析开始 {max(ran, 0):.0f} 秒后中断（工作进程中止或数据库连接中断），"
            f"未到 {budget} 秒的时间上限，不是文件本身的问题",
        )
    return _documents_attempt(bulletin)


def _documents_attempt(bulletin: Bulletin) -> Restart:
    if bulletin.parse_attempts >= settings.FUPIN_MAX_PARSE_ATTEMPTS:
        return Restart(
            f"连续 {bulletin.parse_attempts} 次解析都未能完成（超过 {settings.CELERY_TASK_TIME_LIMIT} 秒的时间上限"
            "或工作进程中止），文件可能过大或过于复杂；原文件已保存，可拆分后重新上传。",
            FailureCode.TIMEOUT,
        )
    bulletin.parse_attempts += 1
    return Restart(f"上一次解析未完成（超时或工作进程中止），第 {bulletin.parse_attempts} 次尝试。")


def _interruption(bulletin: Bulletin, cause: str) -> Restart:
    bulletin.parse_interruptions += 1
    count = bulletin.parse_interruptions
    if count > settings.FUPIN_MAX_PARSE_INTERRUPTIONS:
        return Restart(
            f"解析已被中断 {count} 次（数据库连接中断或工作进程中止），不再重试；如果其他文件都能正常解析，"
            "可能是这个文件使解析进程崩溃。原文件已保存，可稍后重新解析。",
            FailureCode.INTERNAL,
        )
    return Restart(f"{cause}；重新解析。这是第 {count} 次中断，不计入文件的解析尝试次数。")

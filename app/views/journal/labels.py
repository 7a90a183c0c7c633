"""Translated names and colours of the journal's enum values, in one place."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QTimeZone

from app.domain.journal import (
    CaseStatus,
    Direction,
    EntryKind,
    Priority,
    TaskBucket,
    TaskStatus,
    TimelineSource,
)


def _t(text: str) -> str:
    return QCoreApplication.translate("JournalLabels", text)


def entry_kind_text(kind: EntryKind | str) -> str:
    """Call, meeting … in the UI language."""
    return {
        EntryKind.CALL: _t("Call"),
        EntryKind.MEETING: _t("Meeting"),
        EntryKind.EMAIL: _t("E-mail"),
        EntryKind.LETTER: _t("Letter"),
        EntryKind.NOTE: _t("Note"),
        EntryKind.VISIT: _t("Visit"),
    }.get(EntryKind(kind) if kind in EntryKind else EntryKind.NOTE, "")


def direction_text(direction: Direction) -> str:
    """Incoming / outgoing."""
    return {
        Direction.NONE: _t("—"),
        Direction.INBOUND: _t("Incoming"),
        Direction.OUTBOUND: _t("Outgoing"),
    }[direction]


def priority_text(priority: Priority | str) -> str:
    """Low … urgent."""
    return {
        Priority.LOW: _t("Low"),
        Priority.NORMAL: _t("Normal"),
        Priority.HIGH: _t("High"),
        Priority.URGENT: _t("Urgent"),
    }.get(Priority(priority) if priority in Priority else Priority.NORMAL, "")


def task_status_text(status: TaskStatus | str) -> str:
    """Open, in progress, done, cancelled."""
    return {
        TaskStatus.OPEN: _t("Open"),
        TaskStatus.IN_PROGRESS: _t("In progress"),
        TaskStatus.DONE: _t("Done"),
        TaskStatus.CANCELLED: _t("Cancelled"),
    }.get(TaskStatus(status) if status in TaskStatus else TaskStatus.OPEN, "")


def case_status_text(status: CaseStatus | str) -> str:
    """New, in progress, waiting for customer, solved, closed."""
    return {
        CaseStatus.NEW: _t("New"),
        CaseStatus.IN_PROGRESS: _t("In progress"),
        CaseStatus.WAITING: _t("Waiting for customer"),
        CaseStatus.SOLVED: _t("Solved"),
        CaseStatus.CLOSED: _t("Closed"),
    }.get(CaseStatus(status) if status in CaseStatus else CaseStatus.NEW, "")


def category_text(category: str) -> str:
    """A case category (free text for categories users typed)."""
    return {
        "question": _t("Question"),
        "complaint": _t("Complaint"),
        "defect": _t("Defect"),
        "order": _t("Order"),
        "billing": _t("Billing"),
        "other": _t("Other"),
    }.get(category, category)


def bucket_text(bucket: TaskBucket) -> str:
    """When a task is due, as a list heading."""
    return {
        TaskBucket.OVERDUE: _t("Overdue"),
        TaskBucket.TODAY: _t("Today"),
        TaskBucket.WEEK: _t("This week"),
        TaskBucket.LATER: _t("Later"),
        TaskBucket.NO_DATE: _t("No due date"),
        TaskBucket.CLOSED: _t("Closed"),
    }[bucket]


def source_text(source: str) -> str:
    """A timeline source's name (unknown sources show their key)."""
    return {
        TimelineSource.JOURNAL: _t("Journal"),
        TimelineSource.TASK: _t("Tasks"),
        TimelineSource.CASE: _t("Cases"),
        "stage": _t("Stage changes"),
    }.get(source, source.replace("_", " ").capitalize())


def subtype_text(source: str, subtype: str) -> str:
    """The badge text of a timeline item."""
    if source == TimelineSource.JOURNAL:
        return entry_kind_text(subtype)
    if source == TimelineSource.TASK:
        return (
            _t("Task")
            if subtype in ("open", "in_progress")
            else task_status_text(subtype)
        )
    if source == TimelineSource.CASE:
        return _t("Case")
    if source == "stage":  # the pipeline's source
        return _t("Stage change")
    return source_text(source)


#: Badge colours (background, text) per kind; calm, distinguishable, readable.
BADGE_COLORS: dict[str, tuple[str, str]] = {
    "call": ("#ddf4ff", "#0969da"),
    "meeting": ("#fbefff", "#8250df"),
    "email": ("#dafbe1", "#1a7f37"),
    "letter": ("#fff8c5", "#9a6700"),
    "note": ("#eaeef2", "#57606a"),
    "visit": ("#ffebe9", "#cf222e"),
    "task": ("#fff1e5", "#bc4c00"),
    "case": ("#ffeff7", "#bf3989"),
}
PRIORITY_COLORS = {
    Priority.URGENT: "#cf222e",
    Priority.HIGH: "#bc4c00",
    Priority.NORMAL: "#57606a",
    Priority.LOW: "#8c959f",
}
OVERDUE_COLOR = "#cf222e"


def badge_colors(source: str, subtype: str) -> tuple[str, str]:
    """Background and text colour of a timeline badge."""
    key = subtype if source == TimelineSource.JOURNAL else source
    return BADGE_COLORS.get(key, ("#eaeef2", "#57606a"))


def local_datetime(value: dt.datetime | None, *, with_time: bool = True) -> str:
    """A UTC time in local time and the UI locale (``31.12.2026 14:30``)."""
    if value is None:
        return ""
    qdt = QDateTime.fromSecsSinceEpoch(
        int(value.timestamp()), QTimeZone.systemTimeZone()
    )
    locale = QLocale()
    if not with_time:
        return locale.toString(qdt.date(), QLocale.FormatType.ShortFormat)
    return locale.toString(qdt, QLocale.FormatType.ShortFormat)


def due_text(due_at: dt.datetime | None, all_day: bool) -> str:
    """A due date (all-day tasks without time)."""
    if due_at is None:
        return ""
    if all_day:
        locale = QLocale()
        d = due_at.date()
        from PySide6.QtCore import QDate

        return locale.toString(
            QDate(d.year, d.month, d.day), QLocale.FormatType.ShortFormat
        )
    return local_datetime(due_at)


def duration_text(minutes: int) -> str:
    """``45 min`` or ``1 h 30 min``."""
    if minutes <= 0:
        return ""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return _t("%1 min").replace("%1", str(rest))
    if not rest:
        return _t("%1 h").replace("%1", str(hours))
    return _t("%1 h %2 min").replace("%1", str(hours)).replace("%2", str(rest))

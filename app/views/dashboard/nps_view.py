"""NPS answers: the score with its counts, a form to record an answer, import, list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.analytics import NpsClass, NpsCounts
from app.domain.errors import UserError, ValidationError
from app.domain.journal import LinkKind
from app.services.container import Services
from app.services.nps import NpsAnswer, NpsImportResult, NpsRow
from app.tasks.runner import TaskRunner
from app.views.dashboard.texts import (
    analytics_error_text,
    nps_class_text,
    nps_text,
    number,
    pct,
)
from app.views.dashboard.tiles import Kpi
from app.views.forms.errors import ErrorLabel, mark
from app.views.journal.pickers import RecordPicker
from app.views.pipeline.texts import date_text
from app.views.progress_dialog import TaskProgressDialog
from app.views.tablemodels.windowed import Column, WindowedTableModel

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _t(text: str) -> str:
    return QCoreApplication.translate("NpsView", text)


def _source(value: str) -> str:
    return {
        "manual": _t("Entered"),
        "import": _t("Imported"),
        "survey": _t("Survey"),
        "email": _t("E-mail"),
        "phone": _t("Phone"),
    }.get(value, value)


NPS_COLUMNS = (
    Column(
        "date", lambda: _t("Answered"), lambda r: date_text(r.answered_on), width=100
    ),
    Column("person", lambda: _t("Person"), lambda r: r.person, width=220),
    Column("score", lambda: _t("Score"), lambda r: str(r.score), align=RIGHT, width=60),
    Column(
        "category",
        lambda: _t("Category"),
        lambda r: nps_class_text(r.category),
        width=110,
    ),
    Column("comment", lambda: _t("Comment"), lambda r: r.comment, width=300),
    Column("source", lambda: _t("Source"), lambda r: _source(r.source), width=100),
)


class NpsTableModel(WindowedTableModel):
    """Answers newest first, filtered by a search text."""

    def __init__(self, services: Services, parent: Any = None) -> None:
        self._nps = services.analytics.nps
        self.search = ""
        super().__init__(
            NPS_COLUMNS,
            fetch_count=lambda: self._nps.count(self.search),
            fetch_page=self._page,
            default_sort="date",
            parent=parent,
        )

    def _page(
        self, offset: int, limit: int, _total: int, _key: str, _desc: bool
    ) -> Sequence[NpsRow]:
        return self._nps.page(search=self.search, offset=offset, limit=limit)


class NpsView(QWidget):
    """Record and import survey answers; the list below.

    Signals:
        sig_data_changed(object, object): answers were added or removed.
        sig_status_message(str): a short message for the status bar.
    """

    sig_data_changed = Signal(object, object)
    sig_status_message = Signal(str)

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._nps = services.analytics.nps
        self._runner = runner
        self._today = today
        self.last_import: NpsImportResult | None = None
        self.score_kpi = Kpi(_t("NPS, last 12 months"))
        self.promoters_kpi = Kpi(nps_class_text(NpsClass.PROMOTER) + " (9–10)")
        self.passives_kpi = Kpi(nps_class_text(NpsClass.PASSIVE) + " (7–8)")
        self.detractors_kpi = Kpi(nps_class_text(NpsClass.DETRACTOR) + " (0–6)")
        kpis = QHBoxLayout()
        for kpi in (
            self.score_kpi,
            self.promoters_kpi,
            self.passives_kpi,
            self.detractors_kpi,
        ):
            kpis.addWidget(kpi, 1)
        journal = services.journal.entries
        self.person = RecordPicker(
            lambda text: journal.find_records(text, kinds=(LinkKind.PERSON,)),
            placeholder=_t("Type a name to search the person"),
        )
        self.score = QSpinBox()
        self.score.setRange(-1, 11)  # out-of-range values reach the rules
        self.score.setSpecialValueText(" ")
        self.score.setValue(-1)
        self.answered = QDateEdit()
        self.answered.setCalendarPopup(True)
        self.answered.setDisplayFormat("dd.MM.yyyy")
        day = today()
        self.answered.setDate(QDate(day.year, day.month, day.day))
        self.comment = QLineEdit()
        self.comment.setPlaceholderText(_t("What the customer said (optional)"))
        self.errors = {
            "person": ErrorLabel(),
            "score": ErrorLabel(),
            "answered_on": ErrorLabel(),
            "comment": ErrorLabel(),
        }
        self.save_button = QPushButton(_t("Record answer"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.clicked.connect(self.save)
        self.import_button = QPushButton(_t("Import survey file …"))
        self.import_button.clicked.connect(self.ask_import)
        form = QFormLayout()
        form.addRow(_t("Person"), self.person)
        form.addRow("", self.errors["person"])
        form.addRow(_t("Score (0–10)"), self.score)
        form.addRow("", self.errors["score"])
        form.addRow(_t("Answered on"), self.answered)
        form.addRow("", self.errors["answered_on"])
        form.addRow(_t("Comment"), self.comment)
        form.addRow("", self.errors["comment"])
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        hint = QLabel(
            _t(
                "“How likely are you to recommend us?” — NPS = % promoters − % "
                "detractors. Import an Excel or CSV file with the columns E-mail "
                "(or Relata ID), Score, Date and Comment."
            )
        )
        hint.setObjectName("formSubheading")
        hint.setWordWrap(True)
        side = QFrame()
        side.setObjectName("sidePanel")
        side_layout = QVBoxLayout(side)
        title = QLabel(_t("Record an answer"))
        title.setObjectName("sectionTitle")
        side_layout.addWidget(title)
        side_layout.addLayout(form)
        side_layout.addLayout(buttons)
        side_layout.addWidget(hint)
        side_layout.addStretch(1)
        side.setFixedWidth(420)
        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setPlaceholderText(_t("Search name or comment …"))
        self.search.setClearButtonEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.refresh_list)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.model = NpsTableModel(services, self)
        self.table = QTableView()
        self.table.setObjectName("recordTable")
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        bold = QFont(self.table.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        for i, column in enumerate(NPS_COLUMNS):  # the heading always fits
            width = max(column.width, metrics.horizontalAdvance(column.title()) + 24)
            self.table.setColumnWidth(i, width)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.delete_button = QPushButton(_t("Delete answer"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.count = QLabel()
        self.count.setObjectName("countLabel")
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.delete_button)
        right = QVBoxLayout()
        right.addWidget(self.search)
        right.addWidget(self.table, 1)
        right.addLayout(bottom)
        body = QHBoxLayout()
        body.setSpacing(14)
        body.addWidget(side)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(kpis)
        layout.addLayout(body, 1)
        self.refresh()

    # ---- public API

    def refresh(self) -> None:
        """Figures and list from the database."""
        today = self._today()
        counts = self._nps.summary(today - dt.timedelta(days=365), today)
        self.show_counts(counts)
        self.refresh_list()

    def refresh_list(self) -> None:
        """Reload the list (search text applied)."""
        self.model.search = self.search.text().strip()
        self.model.refresh()
        self.count.setText(self.tr("%Ln answer(s)", "", self.model.total))

    def show_counts(self, counts: NpsCounts) -> None:
        """The score and its three counts."""
        self.score_kpi.set(
            nps_text(counts.score),
            self.tr("%Ln answer(s)", "", counts.total),
            "" if counts.score is None else ("up" if counts.score >= 0 else "down"),
        )
        for kpi, n in (
            (self.promoters_kpi, counts.promoters),
            (self.passives_kpi, counts.passives),
            (self.detractors_kpi, counts.detractors),
        ):
            share = 100 * n / counts.total if counts.total else None
            kpi.set(number(n), pct(share))

    def save(self) -> bool:
        """Record the answer in the form; errors show next to the fields."""
        for name, label in self.errors.items():
            label.show_error("")
            mark(self._field(name), False)
        person = self.person.record()
        qdate = self.answered.date()
        answer = NpsAnswer(
            person_id=person.id if person else "",
            score=self.score.value() if self.score.value() >= 0 else None,
            answered_on=dt.date(qdate.year(), qdate.month(), qdate.day()),
            comment=self.comment.text(),
        )
        try:
            _row, changes = self._nps.record(answer)
        except ValidationError as exc:
            for err in exc.errors:
                self.errors.get(
                    err.field or "person", self.errors["person"]
                ).show_error(analytics_error_text(err.code, err.message))
                mark(self._field(err.field or "person"), True)
            return False
        self.score.setValue(-1)
        self.comment.clear()
        self.refresh()
        self.sig_data_changed.emit(changes, self)
        self.sig_status_message.emit(_t("Answer recorded."))
        return True

    def delete_selected(self) -> None:
        """Delete the selected answer (a tombstone, synced)."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        changes = self._nps.delete(self.model.row_id(rows[0].row()))
        self.refresh()
        self.sig_data_changed.emit(changes, self)

    def ask_import(self) -> None:
        """Pick a survey file and import it."""
        path, _f = QFileDialog.getOpenFileName(
            self,
            _t("Import survey answers"),
            "",
            _t("Excel or CSV (*.xlsx *.xlsm *.csv)"),
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Import ``path`` in the background with progress and Cancel."""
        engine = self._services.database.engine
        nps = self._nps

        def work(progress: Any) -> NpsImportResult:
            return nps.import_file(engine, path, progress=progress)

        handle = self._runner.run(
            "nps-import",
            work,
            with_progress=True,
            on_done=lambda result: self._on_imported(dialog, result),
            on_error=lambda exc: self._on_import_failed(dialog, exc),
            on_cancelled=lambda: self._on_import_cancelled(dialog),
        )
        dialog = TaskProgressDialog(handle, _t("Importing answers …"), self)

    # ---- slots

    def _field(self, name: str) -> QWidget:
        return {
            "person": self.person,
            "score": self.score,
            "answered_on": self.answered,
            "comment": self.comment,
        }.get(name, self.person)

    def _on_search_text_changed(self, _text: str) -> None:
        self._timer.start()

    def _on_imported(self, dialog: TaskProgressDialog, result: NpsImportResult) -> None:
        dialog.finish()
        self.last_import = result
        self.refresh()
        self.sig_data_changed.emit(result.changes, self)
        text = self.tr("%Ln answer(s) imported.", "", result.imported)
        if result.issues:
            lines = [
                _t("Row %1: %2")
                .replace("%1", str(i.row))
                .replace("%2", analytics_error_text(i.code, i.message))
                for i in result.issues[:15]
            ]
            more = len(result.issues) - len(lines)
            if more > 0:
                lines.append(self.tr("… and %Ln more row(s).", "", more))
            text += (
                "\n\n"
                + self.tr("%Ln row(s) were left out:", "", len(result.issues))
                + "\n"
                + "\n".join(lines)
            )
        self.sig_status_message.emit(
            self.tr("%Ln answer(s) imported.", "", result.imported)
        )
        box = QMessageBox(
            QMessageBox.Icon.Information, _t("Import survey answers"), text, parent=self
        )
        box.open()

    def _on_import_failed(self, dialog: TaskProgressDialog, exc: BaseException) -> None:
        dialog.finish()
        message = (
            analytics_error_text(exc.code, exc.message)
            if isinstance(exc, UserError)
            else str(exc)
        )
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            _t("Import survey answers"),
            _t("The file was not imported: %1").replace("%1", message),
            parent=self,
        )
        box.open()

    def _on_import_cancelled(self, dialog: TaskProgressDialog) -> None:
        dialog.finish()
        self.sig_status_message.emit(_t("Import cancelled — nothing was added."))

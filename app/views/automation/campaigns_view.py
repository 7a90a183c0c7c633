"""Campaigns: the list with the report (members, responses, leads, won revenue,
cost per lead, ROI), members from a segment, response tracking, campaign
e-mail, and mail merge to PDF letters and address labels.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QLocale,
    QMarginsF,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.changes import Changes, EntityKind
from app.domain.errors import UserError, ValidationError
from app.domain.progress import ProgressSink
from app.services.automation import AutomationServices
from app.services.campaigns import (
    CampaignData,
    CampaignReport,
    Channel,
    Letter,
    Response,
)
from app.services.segments import SegmentService
from app.tasks.runner import TaskRunner
from app.views.automation.texts import channel_text, error_text, status_text
from app.views.forms.errors import ErrorLabel
from app.views.lazy import when_shown
from app.views.pipeline.texts import money
from app.views.progress_dialog import TaskProgressDialog
from app.views.tablemodels.windowed import Column, WindowedTableModel

ID_ROLE = Qt.ItemDataRole.UserRole


def _t(text: str) -> str:
    return QCoreApplication.translate("CampaignsView", text)


def _percent(bp: int | None) -> str:
    if bp is None:
        return "—"
    return QLocale().toString(bp / 100, "f", 1) + " %"


class CampaignDialog(QDialog):
    """New or changed campaign: name, channel, period, cost."""

    def __init__(
        self,
        svc: AutomationServices,
        campaign_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.svc = svc
        self.campaign_id = campaign_id
        self.setWindowTitle(_t("Campaign"))
        data = svc.campaigns.get(campaign_id) if campaign_id else CampaignData("")
        self.name = QLineEdit(data.name)
        self.channel = QComboBox()
        for c in Channel:
            self.channel.addItem(channel_text(c.value), c.value)
        self.channel.setCurrentIndex(max(0, self.channel.findData(data.channel)))
        today = QDate.currentDate()
        self.start = QDateEdit(QDate(data.start_date) if data.start_date else today)
        self.end = QDateEdit(
            QDate(data.end_date) if data.end_date else today.addMonths(1)
        )
        for w in (self.start, self.end):
            w.setCalendarPopup(True)
            w.setDisplayFormat("dd.MM.yyyy")
        self.cost = QDoubleSpinBox()
        self.cost.setRange(-1, 100_000_000)
        self.cost.setDecimals(2)
        self.cost.setSuffix(" " + data.currency)
        self.cost.setValue(data.cost_minor / 100)
        self.errors = {k: ErrorLabel() for k in ("name", "end_date", "cost_minor")}
        form = QFormLayout()
        form.addRow(_t("Name"), self.name)
        form.addRow("", self.errors["name"])
        form.addRow(_t("Channel"), self.channel)
        form.addRow(_t("Start"), self.start)
        form.addRow(_t("End"), self.end)
        form.addRow("", self.errors["end_date"])
        form.addRow(_t("Budget / cost"), self.cost)
        form.addRow("", self.errors["cost_minor"])
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.changes = Changes()

    def data(self) -> CampaignData:
        """The dialog's content."""
        return CampaignData(
            self.name.text(),
            str(self.channel.currentData()),
            self.start.date().toPython(),  # type: ignore[arg-type]
            self.end.date().toPython(),  # type: ignore[arg-type]
            round(self.cost.value() * 100),
        )

    def _on_save(self) -> None:
        for label in self.errors.values():
            label.show_error("")
        try:
            self.campaign_id, self.changes = self.svc.campaigns.save(
                self.data(), self.campaign_id
            )
        except ValidationError as exc:
            for e in exc.errors:
                self.errors.get(e.field, self.errors["name"]).show_error(
                    error_text(e.code, e.message)
                )
            return
        self.accept()


class CampaignsView(QWidget):
    """Campaign list, report and members.

    Signals:
        sig_data_changed(object, object): campaigns, members or mails changed.
    """

    sig_data_changed = Signal(object, object)

    def __init__(
        self,
        svc: AutomationServices,
        segments: SegmentService,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.svc = svc
        self.segments = segments
        self.runner = runner
        self.reports: list[CampaignReport] = []
        self.current: str | None = None
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_campaign)
        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(self.edit_campaign)
        self.list = QTableWidget(0, 7)
        self.list.setObjectName("recordTable")
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.verticalHeader().hide()
        self.list.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch
        )
        for index, width in enumerate((0, 150, 200, 100, 80, 100, 110)):
            if width:
                self.list.setColumnWidth(index, width)
        self.list.itemSelectionChanged.connect(self._on_selected)
        self.title = QLabel()
        self.title.setObjectName("formHeading")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("formSubheading")
        self.cards: dict[str, tuple[QLabel, QLabel]] = {}
        grid = QGridLayout()
        grid.setSpacing(12)
        for i, key in enumerate(("members", "responses", "leads", "won", "cpl", "roi")):
            card = QFrame()
            card.setObjectName("card")
            cv = QVBoxLayout(card)
            title, value = QLabel(), QLabel()
            title.setObjectName("cardTitle")
            value.setObjectName("cardValue")
            cv.addWidget(title)
            cv.addWidget(value)
            self.cards[key] = (title, value)
            grid.addWidget(card, 0, i)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add_from_segment)
        self.response_button = QPushButton()
        self.response_menu = QMenu(self)
        for r in [*list(Response)[1:], Response.NONE]:
            act = self.response_menu.addAction(
                status_text(r.value) if r.value else _t("No response")
            )
            act.setData(r.value)
        self.response_menu.addSeparator()
        self.optout_action = self.response_menu.addAction("")
        self.optout_action.setData("optout")
        self.response_menu.triggered.connect(self._on_response_menu)
        self.response_button.setMenu(self.response_menu)
        self.mail_button = QPushButton()
        self.mail_button.setObjectName("primaryButton")
        self.mail_button.clicked.connect(self.queue_mail)
        self.merge_button = QPushButton()
        self.merge_menu = QMenu(self)
        self.letters_action = self.merge_menu.addAction("")
        self.letters_action.triggered.connect(lambda: self.export_pdf(labels=False))
        self.labels_action = self.merge_menu.addAction("")
        self.labels_action.triggered.connect(lambda: self.export_pdf(labels=True))
        self.merge_button.setMenu(self.merge_menu)
        columns = [
            Column("name", lambda: _t("Name"), lambda r: r.name, width=200),
            Column(
                "org", lambda: _t("Organisation"), lambda r: r.organisation, width=200
            ),
            Column("email", lambda: _t("E-mail"), lambda r: r.email, width=220),
            Column("city", lambda: _t("City"), lambda r: r.city, width=120),
            Column(
                "status",
                lambda: _t("Delivery"),
                lambda r: status_text(r.status),
                width=150,
            ),
            Column(
                "response",
                lambda: _t("Response"),
                lambda r: status_text(r.response),
                width=120,
            ),
        ]
        self.members = WindowedTableModel(
            columns,
            fetch_count=lambda: (
                self.svc.campaigns.member_count(self.current) if self.current else 0
            ),
            fetch_page=lambda off, lim, _n, _k, _d: (
                self.svc.campaigns.member_page(self.current, offset=off, limit=lim)
                if self.current
                else []
            ),
            default_sort="name",
            parent=self,
        )
        self.member_table = QTableView()
        self.member_table.setObjectName("recordTable")
        self.member_table.setModel(self.members)
        self.member_table.setSelectionBehavior(
            QAbstractItemView.SelectionBehavior.SelectRows
        )
        self.member_table.verticalHeader().hide()
        self.member_table.horizontalHeader().setStretchLastSection(True)
        for i, col in enumerate(columns):
            self.member_table.setColumnWidth(i, col.width)
        top = QWidget()
        tv = QVBoxLayout(top)
        tv.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(self.new_button)
        bar.addWidget(self.edit_button)
        bar.addStretch(1)
        tv.addLayout(bar)
        tv.addWidget(self.list)
        bottom = QWidget()
        bottom.setObjectName("detailPane")
        bv = QVBoxLayout(bottom)
        bv.addWidget(self.title)
        bv.addWidget(self.subtitle)
        bv.addLayout(grid)
        actions = QHBoxLayout()
        for b in (
            self.add_button,
            self.response_button,
            self.merge_button,
        ):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.mail_button)
        bv.addLayout(actions)
        bv.addWidget(self.member_table, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setSizes([220, 600])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(split)
        self.retranslate()
        when_shown(self, self.reload)  # campaign reports: a second on 1M records

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.new_button.setText(_t("New campaign …"))
        self.edit_button.setText(_t("Edit …"))
        self.list.setHorizontalHeaderLabels(
            [
                _t("Campaign"),
                _t("Channel"),
                _t("Period"),
                _t("Members"),
                _t("Leads"),
                _t("Won"),
                _t("ROI"),
            ]
        )
        titles = {
            "members": _t("Members"),
            "responses": _t("Responses"),
            "leads": _t("Leads"),
            "won": _t("Won revenue"),
            "cpl": _t("Cost per lead"),
            "roi": _t("ROI"),
        }
        for key, (title, _value) in self.cards.items():
            title.setText(titles[key])
        self.add_button.setText(_t("Add members from segment …"))
        self.response_button.setText(_t("Set response"))
        self.optout_action.setText(_t("Withdrew marketing consent"))
        self.mail_button.setText(_t("Send e-mail …"))
        self.merge_button.setText(_t("Mail merge (PDF)"))
        self.letters_action.setText(_t("Letters (PDF) …"))
        self.labels_action.setText(_t("Address labels (PDF) …"))

    # ---- data

    def reload(self) -> None:
        """Reload the list and the shown report."""
        self.reports = self.svc.campaigns.reports()
        keep = self.current
        self.list.blockSignals(True)
        self.list.setRowCount(len(self.reports))
        locale = QLocale()
        for r, rep in enumerate(self.reports):
            period = " – ".join(
                d.strftime("%d.%m.%Y") for d in (rep.start_date, rep.end_date) if d
            )
            cells = (
                rep.name,
                channel_text(rep.channel),
                period,
                locale.toString(rep.members),
                locale.toString(rep.leads),
                locale.toString(rep.won),
                _percent(rep.roi_bp),
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, rep.campaign_id)
                if c >= 3:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.list.setItem(r, c, item)
        self.list.blockSignals(False)
        ids = [rep.campaign_id for rep in self.reports]
        if keep in ids:
            self.list.selectRow(ids.index(keep))
        elif ids:
            self.list.selectRow(0)
        self._on_selected()

    def _on_selected(self) -> None:
        rows = self.list.selectionModel().selectedRows()
        rep = self.reports[rows[0].row()] if rows else None
        self.current = rep.campaign_id if rep else None
        for b in (
            self.add_button,
            self.response_button,
            self.mail_button,
            self.merge_button,
            self.edit_button,
        ):
            b.setEnabled(rep is not None)
        self.show_report(rep)
        self.members.refresh()

    def show_report(self, rep: CampaignReport | None) -> None:
        """Fill the report cards."""
        if rep is None:
            self.title.setText(_t("No campaign yet"))
            self.subtitle.setText(
                _t(
                    "Create a campaign, add members from a segment, send and track responses."
                )
            )
            for _title, value in self.cards.values():
                value.setText("—")
            return
        locale = QLocale()
        self.title.setText(rep.name)
        self.subtitle.setText(
            _t("%1 · cost %2 · %3 opportunities, %4 won")
            .replace("%1", channel_text(rep.channel))
            .replace("%2", money(rep.cost_minor, rep.currency))
            .replace("%3", locale.toString(rep.opportunities))
            .replace("%4", locale.toString(rep.won))
        )
        values = {
            "members": f"{locale.toString(rep.members)}",
            "responses": f"{locale.toString(rep.responded)} ({_percent(rep.response_rate_bp)})",
            "leads": locale.toString(rep.leads),
            "won": money(rep.won_revenue_minor, rep.currency, whole=True),
            "cpl": money(rep.cost_per_lead_minor, rep.currency, whole=True)
            if rep.cost_per_lead_minor is not None
            else "—",
            "roi": _percent(rep.roi_bp),
        }
        for key, (_title, value) in self.cards.items():
            value.setText(values[key])
            value.setToolTip(values[key])
        self.cards["responses"][1].setToolTip(
            _t("Registered: %1 · attended: %2 · converted: %3")
            .replace("%1", locale.toString(rep.registered))
            .replace("%2", locale.toString(rep.attended))
            .replace("%3", locale.toString(rep.converted))
        )

    # ---- actions

    def new_campaign(self) -> None:
        """Create a campaign in a dialog."""
        dialog = CampaignDialog(self.svc, parent=self)
        if dialog.exec():
            self.current = dialog.campaign_id
            self.sig_data_changed.emit(dialog.changes, self)
            self.reload()

    def edit_campaign(self) -> None:
        """Change the shown campaign."""
        if self.current is None:
            return
        dialog = CampaignDialog(self.svc, self.current, parent=self)
        if dialog.exec():
            self.sig_data_changed.emit(dialog.changes, self)
            self.reload()

    def add_from_segment(self) -> None:
        """Pick a saved person segment and add its persons (background, cancellable)."""
        if self.current is None:
            return
        saved = self.segments.segments("person")
        if not saved:
            QMessageBox.information(
                self,
                _t("No segment"),
                _t("Save a person segment first (Data quality → Segments)."),
            )
            return
        name, ok = QInputDialog.getItem(
            self, _t("Add members"), _t("Segment"), [s.name for s in saved], 0, False
        )
        if not ok:
            return
        segment = next(s for s in saved if s.name == name)
        cid, campaigns = self.current, self.svc.campaigns

        def work(progress: ProgressSink) -> tuple[int, Changes]:
            return campaigns.add_from_segment(cid, segment.root, progress)

        handle = self.runner.run(
            "campaign-members",
            work,
            with_progress=True,
            on_done=lambda r: self._on_done(
                dialog, r[1], _t("%1 members added.").replace("%1", str(r[0]))
            ),
            on_error=lambda exc: self._on_error(dialog, exc),
            on_cancelled=lambda: dialog.finish(),
        )
        dialog = TaskProgressDialog(handle, _t("Adding members …"), self)

    def _on_response_menu(self, action: QAction) -> None:
        data = action.data()
        if data == "optout":
            self.opt_out()
        else:
            self.set_response(Response(data))

    def opt_out(self) -> None:
        """The selected members withdrew marketing consent (never mailed again)."""
        rows = {i.row() for i in self.member_table.selectionModel().selectedRows()}
        changes = Changes()
        for r in sorted(rows):
            member = self.members.row_object(r)
            changes = changes | self.svc.notifications.set_consent(
                member.person_id, False, source=_t("Campaign")
            )
        if rows:
            self.sig_data_changed.emit(changes, self)
            self.reload()

    def set_response(self, response: Response) -> None:
        """Track the response of the selected members."""
        rows = {i.row() for i in self.member_table.selectionModel().selectedRows()}
        changes = Changes()
        for r in sorted(rows):
            changes = changes | self.svc.campaigns.set_response(
                self.members.row_id(r), response
            )
        if rows:
            self.sig_data_changed.emit(changes, self)
            self.reload()

    def queue_mail(self) -> None:
        """Queue a template for every member not yet mailed, then show the outbox."""
        if self.current is None:
            return
        templates = self.svc.templates.templates()
        if not templates:
            QMessageBox.information(
                self, _t("No template"), _t("Write an e-mail template first.")
            )
            return
        name, ok = QInputDialog.getItem(
            self,
            _t("Send e-mail"),
            _t("Template"),
            [t.data.name for t in templates],
            0,
            False,
        )
        if not ok:
            return
        tpl = next(t for t in templates if t.data.name == name)
        cid, campaigns = self.current, self.svc.campaigns

        def work(progress: ProgressSink) -> tuple[int, Changes]:
            return campaigns.queue_mail(cid, tpl.data, tpl.id, progress)

        handle = self.runner.run(
            "campaign-mail",
            work,
            with_progress=True,
            on_done=lambda r: self._on_done(
                dialog,
                r[1],
                _t(
                    "%1 e-mails are in the outbox. Send them from the Outbox tab."
                ).replace("%1", str(r[0])),
            ),
            on_error=lambda exc: self._on_error(dialog, exc),
            on_cancelled=lambda: dialog.finish(),
        )
        dialog = TaskProgressDialog(handle, _t("Preparing e-mails …"), self)

    def export_pdf(self, *, labels: bool) -> None:
        """Mail merge: one letter per member, or address labels, as PDF."""
        if self.current is None:
            return
        templates = self.svc.templates.templates()
        tpl_data = None
        if not labels:
            if not templates:
                QMessageBox.information(
                    self, _t("No template"), _t("Write a letter template first.")
                )
                return
            name, ok = QInputDialog.getItem(
                self,
                _t("Letters"),
                _t("Template"),
                [t.data.name for t in templates],
                0,
                False,
            )
            if not ok:
                return
            tpl_data = next(t for t in templates if t.data.name == name).data
        path, _filter = QFileDialog.getSaveFileName(
            self,
            _t("Save PDF"),
            str(Path.home() / ("labels.pdf" if labels else "letters.pdf")),
            "PDF (*.pdf)",
        )
        if not path:
            return
        from app.services.mail_templates import TemplateData

        letters = self.svc.campaigns.letters(
            self.current, tpl_data or TemplateData("labels", "-", "-")
        )
        if labels:
            write_labels(letters, Path(path))
        else:
            write_letters(letters, Path(path))
        QMessageBox.information(
            self,
            _t("PDF written"),
            _t("%1 addresses written to %2")
            .replace("%1", str(len(letters)))
            .replace("%2", path),
        )

    def _on_done(
        self, dialog: TaskProgressDialog, changes: Changes, message: str
    ) -> None:
        dialog.finish()
        self.sig_data_changed.emit(changes, self)
        self.reload()
        QMessageBox.information(self, _t("Campaign"), message)

    def _on_error(self, dialog: TaskProgressDialog, exc: BaseException) -> None:
        dialog.finish()
        if isinstance(exc, UserError):
            QMessageBox.warning(self, _t("Campaign"), error_text(exc.code, exc.message))
            return
        raise exc

    def on_data_changed(self, changes: Changes) -> None:
        """Refresh when leads, opportunities or campaigns changed elsewhere."""
        if (
            changes.everything
            or changes.touches(EntityKind.CAMPAIGN)
            or changes.touches(EntityKind.LEAD)
            or changes.touches(EntityKind.OPPORTUNITY)
            or changes.touches(EntityKind.MAIL)
        ):
            self.reload()


# ---- PDF output (Qt's PDF writer; A4, Swiss window-envelope layout)


def _writer(path: Path) -> QPdfWriter:
    pdf = QPdfWriter(str(path))
    pdf.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    pdf.setResolution(300)
    pdf.setTitle("Relata")
    return pdf


def _mm(pdf: QPdfWriter, mm: float) -> float:
    return mm * pdf.resolution() / 25.4


def write_letters(letters: list[Letter], path: Path) -> None:
    """One A4 page per letter: address in the right window (C5/6), date, subject, text."""
    pdf = _writer(path)
    painter = QPainter(pdf)
    try:
        font = QFont("DejaVu Sans", 10)
        today = dt.date.today().strftime("%d.%m.%Y")
        for i, letter in enumerate(letters):
            if i:
                pdf.newPage()
            painter.setFont(font)
            x, y = _mm(pdf, 118), _mm(pdf, 50)
            painter.drawText(
                QRectF(x, y, _mm(pdf, 80), _mm(pdf, 40)),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                "\n".join(letter.address_lines),
            )
            painter.drawText(
                QRectF(_mm(pdf, 25), _mm(pdf, 100), _mm(pdf, 160), _mm(pdf, 8)),
                int(Qt.AlignmentFlag.AlignLeft),
                today,
            )
            bold = QFont(font)
            bold.setBold(True)
            painter.setFont(bold)
            painter.drawText(
                QRectF(_mm(pdf, 25), _mm(pdf, 112), _mm(pdf, 160), _mm(pdf, 10)),
                int(Qt.AlignmentFlag.AlignLeft),
                letter.subject,
            )
            painter.setFont(font)
            doc = QTextDocument()
            doc.setDefaultFont(font)
            doc.setPlainText(letter.body)
            doc.setTextWidth(_mm(pdf, 160))
            painter.save()
            painter.translate(_mm(pdf, 25), _mm(pdf, 125))
            doc.drawContents(painter, QRectF(0, 0, _mm(pdf, 160), _mm(pdf, 150)))
            painter.restore()
    finally:
        painter.end()


def write_labels(letters: list[Letter], path: Path) -> None:
    """Address labels, 3 × 8 per A4 page (70 × 37 mm, e.g. Avery Zweckform 3475)."""
    pdf = _writer(path)
    painter = QPainter(pdf)
    try:
        painter.setFont(QFont("DejaVu Sans", 9))
        per_page = 24
        for i, letter in enumerate(letters):
            if i and i % per_page == 0:
                pdf.newPage()
            n = i % per_page
            col, row = n % 3, n // 3
            rect = QRectF(
                _mm(pdf, col * 70 + 6),
                _mm(pdf, row * 37 + 6),
                _mm(pdf, 58),
                _mm(pdf, 27),
            )
            painter.drawText(
                rect,
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                "\n".join(letter.address_lines[-5:]),
            )
    finally:
        painter.end()

"""Web forms (web-to-lead): fields, consent checkbox, thank-you text and
campaign; the server serves each active form at ``/forms/<name>`` once synced."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.automation import WEB_FORM_FIELDS, WebFormData
from app.domain.errors import ValidationError
from app.services.web_forms import WebFormService
from app.services.workflows import WorkflowService
from app.views.automation.list_editor import ListEditor
from app.views.automation.texts import error_text
from app.views.forms.errors import ErrorLabel


def _t(text: str) -> str:
    return QCoreApplication.translate("WebFormsView", text)


def field_label(name: str) -> str:
    """A lead field a form can ask for."""
    return {
        "first_name": _t("First name"),
        "last_name": _t("Last name"),
        "company": _t("Company"),
        "job_title": _t("Job title"),
        "email": _t("E-mail"),
        "phone": _t("Phone"),
        "postcode": _t("Postcode"),
        "city": _t("City"),
        "notes": _t("Message"),
    }.get(name, name)


class WebFormsView(ListEditor):
    """List and editor of web forms.

    Signals:
        sig_data_changed(object, object): a form was saved or deleted.
    """

    def __init__(
        self,
        forms: WebFormService,
        workflows: WorkflowService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.svc = forms
        self.workflows = workflows
        self.server_url = ""
        self.list.itemSelectionChanged.connect(self._on_selected)
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_form)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 8, 0)
        lv.addWidget(self.new_button)
        lv.addWidget(self.list, 1)
        self.slug = QLineEdit()
        self.title = QLineEdit()
        self.intro = QPlainTextEdit()
        self.intro.setMaximumHeight(70)
        self.checks: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        for i, name in enumerate(WEB_FORM_FIELDS):
            box = QCheckBox()
            self.checks[name] = box
            grid.addWidget(box, i // 3, i % 3)
        self.consent = QLineEdit()
        self.thank_you = QLineEdit()
        self.campaign = QComboBox()
        self.active = QCheckBox()
        self.errors = {k: ErrorLabel() for k in ("slug", "title", "fields")}
        self.url = QLabel()
        self.url.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.url.setWordWrap(True)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self._on_copy)
        self.save_button = QPushButton()
        self.save_button.setObjectName("primaryButton")
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self.delete)
        self.labels = [QLabel() for _ in range(8)]
        form = QFormLayout()
        form.addRow(self.labels[0], self.title)
        form.addRow("", self.errors["title"])
        form.addRow(self.labels[1], self.slug)
        form.addRow("", self.errors["slug"])
        form.addRow(self.labels[2], self.intro)
        form.addRow(self.labels[3], grid)
        form.addRow("", self.errors["fields"])
        form.addRow(self.labels[4], self.consent)
        form.addRow(self.labels[5], self.thank_you)
        form.addRow(self.labels[6], self.campaign)
        form.addRow("", self.active)
        url_row = QHBoxLayout()
        url_row.addWidget(self.url, 1)
        url_row.addWidget(self.copy_button)
        form.addRow(self.labels[7], url_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        editor = QWidget()
        editor.setObjectName("formBody")
        ev = QVBoxLayout(editor)
        ev.addLayout(form)
        ev.addLayout(buttons)
        ev.addStretch(1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(editor)
        split.setSizes([240, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(split)
        self.slug.textChanged.connect(lambda _t: self._update_url())
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.new_button.setText(_t("New web form"))
        for label, text in zip(
            self.labels,
            (
                _t("Title"),
                _t("Name in the address"),
                _t("Introduction"),
                _t("Fields"),
                _t("Consent checkbox"),
                _t("Thank-you text"),
                _t("Campaign"),
                _t("Address"),
            ),
            strict=True,
        ):
            label.setText(text)
        for name, box in self.checks.items():
            box.setText(field_label(name))
        self.active.setText(_t("Active (the server accepts submissions)"))
        self.consent.setPlaceholderText(_t("empty = no consent checkbox"))
        self.copy_button.setText(_t("Copy link"))
        self.save_button.setText(_t("Save"))
        self.delete_button.setText(_t("Delete"))
        self._update_url()

    def set_server_url(self, url: str) -> None:
        """Where the forms are served (the sync server)."""
        self.server_url = url.rstrip("/")
        self._update_url()

    def reload(self) -> None:
        """Reload forms and campaigns."""
        keep = self.current
        self.campaign.clear()
        self.campaign.addItem("—", "")
        for cid, name in self.workflows.labels().get("campaign", []):
            self.campaign.addItem(name, cid)
        self.fill_list((fid, data.title) for fid, data in self.svc.forms())
        if keep is None and self.list.count():
            self.list.setCurrentRow(0)
        elif keep is None:
            self.new_form()
        self._on_selected()

    def new_form(self) -> None:
        """Start an empty form."""
        self.current = None
        self.list.clearSelection()
        self.show_data(WebFormData("", ""))

    def show_data(self, data: WebFormData) -> None:
        """Fill the editor."""
        for label in self.errors.values():
            label.show_error("")
        self.slug.setText(data.slug)
        self.title.setText(data.title)
        self.intro.setPlainText(data.intro)
        for name, box in self.checks.items():
            box.setChecked(name in data.fields)
        self.consent.setText(data.consent_text)
        self.thank_you.setText(data.thank_you)
        self.campaign.setCurrentIndex(
            max(0, self.campaign.findData(data.campaign_id or ""))
        )
        self.active.setChecked(data.active)

    def data(self) -> WebFormData:
        """The editor's content."""
        return WebFormData(
            slug=self.slug.text(),
            title=self.title.text(),
            fields=tuple(n for n, box in self.checks.items() if box.isChecked()),
            intro=self.intro.toPlainText(),
            consent_text=self.consent.text(),
            thank_you=self.thank_you.text(),
            campaign_id=str(self.campaign.currentData() or "") or None,
            active=self.active.isChecked(),
        )

    def save(self) -> bool:
        """Validate and store; errors next to the fields, input kept."""
        for label in self.errors.values():
            label.show_error("")
        try:
            form_id, changes = self.svc.save(self.data(), self.current)
        except ValidationError as exc:
            for e in exc.errors:
                self.errors.get(e.field, self.errors["title"]).show_error(
                    error_text(e.code, e.message)
                )
            return False
        self.saved(form_id, changes)
        return True

    def delete(self) -> None:
        """Delete the form after asking."""
        self.delete_current(
            _t("Delete web form"), _t("Delete this web form?"), self.svc.delete
        )

    def _on_selected(self) -> None:
        fid = self.selected_id()
        if fid is None:
            return
        for form_id, data in self.svc.forms():
            if form_id == fid:
                self.current = fid
                self.show_data(data)

    def _link(self) -> str:
        slug = self.slug.text().strip().lower()
        base = self.server_url or "https://crm.example.ch"
        return f"{base}/forms/{slug}" if slug else ""

    def _update_url(self) -> None:
        link = self._link()
        if not self.server_url:
            self.url.setText(
                _t("%1 (set up the sync server to publish forms)").replace("%1", link)
                if link
                else _t("Give the form a name first.")
            )
        else:
            self.url.setText(link or _t("Give the form a name first."))
        self.copy_button.setEnabled(bool(link))

    def _on_copy(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self._link())

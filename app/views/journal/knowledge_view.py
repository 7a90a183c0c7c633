"""Knowledge base: short answers (Self Service) to search and link to cases."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.changes import Changes, EntityKind
from app.domain.errors import NotFoundError, UserError, ValidationError
from app.domain.journal import Article, ArticleData
from app.services.knowledge import KnowledgeService, parse_tags
from app.views.forms.errors import ErrorLabel, mark
from app.views.labels import error_text
from app.views.prompts import confirm
from app.views.record_table import RecordTable
from app.views.tablemodels.journal import ArticleTableModel


def _t(text: str) -> str:
    return QCoreApplication.translate("KnowledgeView", text)


class KnowledgeView(QWidget):
    """Search, read and write knowledge-base articles.

    Signals:
        sig_data_changed(object, object): an article was written (Changes, self).
        sig_status_message(str): a short message for the status bar.
    """

    sig_data_changed = Signal(object, object)
    sig_status_message = Signal(str)

    def __init__(
        self, service: KnowledgeService, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._article: Article | None = None
        self._stale = True
        self._loading = False
        self.model = ArticleTableModel(service, self)
        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setClearButtonEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.reload)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.new_button = QPushButton()
        self.new_button.setObjectName("primaryButton")
        self.new_button.clicked.connect(self._on_new_clicked)
        self.table = RecordTable(self.model)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.heading = QLabel()
        self.heading.setObjectName("formHeading")
        self.usage = QLabel()
        self.usage.setObjectName("formSubheading")
        self.title = QLineEdit()
        self.title_error = ErrorLabel()
        self.tags = QLineEdit()
        self.body = QPlainTextEdit()
        self.general_error = ErrorLabel()
        self.save_button = QPushButton()
        self.save_button.setObjectName("primaryButton")
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self.delete)
        for edit in (self.title, self.tags):
            edit.textEdited.connect(self._on_edited)
        self.body.textChanged.connect(self._on_edited)
        form = QFormLayout()
        title_box = QVBoxLayout()
        title_box.setSpacing(2)
        title_box.addWidget(self.title)
        title_box.addWidget(self.title_error)
        self.title_label = QLabel()
        self.tags_label = QLabel()
        form.addRow(self.title_label, title_box)
        form.addRow(self.tags_label, self.tags)
        buttons = QHBoxLayout()
        buttons.addWidget(self.general_error, 1)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.save_button)
        right = QWidget()
        right.setObjectName("detailPane")
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(16, 12, 16, 10)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.usage)
        right_layout.addLayout(form)
        right_layout.addWidget(self.body, 1)
        right_layout.addLayout(buttons)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.retranslate_ui()
        self.show_article(None)

    def retranslate_ui(self) -> None:
        """Texts in the current language."""
        self.search.setPlaceholderText(_t("Search articles: title, text, tags …"))
        self.new_button.setText(_t("New article"))
        self.title_label.setText(_t("Title *"))
        self.tags_label.setText(_t("Tags"))
        self.tags.setPlaceholderText(_t("comma-separated, e.g. login, VPN"))
        self.body.setPlaceholderText(_t("The answer, step by step …"))
        self.save_button.setText(_t("Save"))
        self.delete_button.setText(_t("Delete"))

    # ---- public API

    def reload(self) -> None:
        """Read the list again."""
        self.model.search = self.search.text().strip()
        self.model.refresh()
        self._stale = False
        if self._article is not None:
            row = self.model.find_row(self._article.id)
            if row is not None:
                self.table.selectRow(row)

    def on_data_changed(self, changes: Changes, initiator: object) -> None:
        """Refresh when articles or their use on cases changed."""
        if initiator is self:
            return
        if changes.touches(EntityKind.KB_ARTICLE) or changes.touches(
            EntityKind.SERVICE_CASE
        ):
            self._stale = True
            if self.isVisible():
                self.reload()
                if self._article is not None:
                    self.open_article(self._article.id)

    def open_article(self, article_id: str) -> bool:
        """Show one article."""
        try:
            article = self._service.get_article(article_id)
        except NotFoundError:
            return False
        self.show_article(article)
        row = self.model.find_row(article_id)
        if row is not None:
            self.table.selectRow(row)
        return True

    def show_article(self, article: Article | None) -> None:
        """Show ``article`` (``None``: an empty one to write)."""
        self._loading = True
        self._article = article
        self.title_error.show_error("")
        self.general_error.show_error("")
        mark(self.title, False)
        self.heading.setText(article.title if article else _t("New article"))
        self.usage.setText(
            self.tr("Answer to %n case(s)", "", article.case_count)
            if article and article.case_count
            else ""
        )
        self.title.setText(article.title if article else "")
        self.tags.setText(", ".join(article.tags) if article else "")
        self.body.setPlainText(article.body if article else "")
        self.delete_button.setEnabled(article is not None)
        self.save_button.setEnabled(False)
        self._loading = False

    def save(self) -> bool:
        """Store the article."""
        data = ArticleData(
            self.title.text(), self.body.toPlainText(), parse_tags(self.tags.text())
        )
        self.title_error.show_error("")
        mark(self.title, False)
        try:
            if self._article is None:
                article, changes = self._service.create_article(data)
            else:
                article, changes = self._service.update_article(self._article.id, data)
        except ValidationError as exc:
            for fe in exc.errors:
                text = error_text(fe.code, fe.message)
                if fe.field == "title":
                    self.title_error.show_error(text)
                    mark(self.title, True)
                    self.title.setFocus()
                else:
                    self.general_error.show_error(text)
            return False
        except UserError as exc:
            self.general_error.show_error(error_text(exc.code, exc.message))
            return False
        self.show_article(article)
        self.reload()
        self.sig_data_changed.emit(changes, self)
        self.sig_status_message.emit(_t("Article saved."))
        return True

    def delete(self) -> None:
        """Delete the shown article after asking."""
        if self._article is None:
            return
        if not confirm(
            self,
            _t("Delete article"),
            _t("Delete “%1”?").replace("%1", self._article.title),
        ):
            return
        changes = self._service.delete_article(self._article.id)
        self.show_article(None)
        self.reload()
        self.sig_data_changed.emit(changes, self)

    # ---- internals

    def _on_search_text_changed(self, _text: str) -> None:
        # a bound method: a line edit with a clear button emits while destroyed
        self._timer.start()

    def _on_new_clicked(self) -> None:
        self.show_article(None)

    def _on_edited(self, *_args: object) -> None:
        if not self._loading:
            self.save_button.setEnabled(True)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        article_id = self.model.row_id(current.row())
        if article_id and (self._article is None or self._article.id != article_id):
            self.open_article(article_id)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

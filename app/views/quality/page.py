"""The "Data quality" page: duplicates, segments, report, tags, custom fields, history."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from app.services.quality import QualityServices
from app.tasks.runner import TaskRunner
from app.views.quality.custom_field_editor import CustomFieldEditor
from app.views.quality.duplicates import DuplicateReview
from app.views.quality.history import HistoryView
from app.views.quality.report import QualityReportView
from app.views.quality.segment_builder import SegmentBuilder
from app.views.quality.tag_manager import TagManager


def _t(text: str) -> str:
    return QCoreApplication.translate("QualityPage", text)


class QualityPage(QWidget):
    """Everything about clean, segmented data, as tabs."""

    def __init__(
        self,
        quality: QualityServices,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.duplicates = DuplicateReview(quality.dedup, quality.merge, runner)
        self.segments = SegmentBuilder(quality.segments, runner)
        self.report = QualityReportView(quality.data_quality, runner)
        self.tags = TagManager(quality.tags)
        self.custom_fields = CustomFieldEditor(quality.custom_fields)
        self.history = HistoryView(quality.merge, quality.mass_update)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("qualityTabs")
        self.tabs.setDocumentMode(True)
        for widget in self.views():
            self.tabs.addTab(widget, "")
        self.tabs.currentChanged.connect(self._on_tab_changed)
        heading = QLabel()
        heading.setObjectName("pageHeading")
        self.heading = heading
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.addWidget(heading)
        layout.addWidget(self.tabs, 1)
        self.retranslate()

    def views(self) -> tuple[QWidget, ...]:
        """The tabs' views, in order."""
        return (
            self.duplicates,
            self.segments,
            self.report,
            self.tags,
            self.custom_fields,
            self.history,
        )

    def retranslate(self) -> None:
        """Titles in the current language."""
        self.heading.setText(_t("Data quality and segments"))
        titles = (
            _t("Duplicates"),
            _t("Segments"),
            _t("Validation report"),
            _t("Tags"),
            _t("Custom fields"),
            _t("Merges and mass updates"),
        )
        for i, title in enumerate(titles):
            self.tabs.setTabText(i, title)

    def show_view(self, widget: QWidget) -> None:
        """Bring one tab to the front."""
        self.tabs.setCurrentWidget(widget)

    def _on_tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.history:
            self.history.reload()

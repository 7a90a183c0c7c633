"""The workflow editor: trigger → conditions → actions, enable/disable, a test
run against one record (what would happen, nothing done), and the run log.

Conditions are the segment builder's own condition rows
(:class:`~app.views.quality.segment_builder.ConditionRow`), so a workflow
filters exactly as a segment does.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.automation import (
    CONDITION_KIND,
    DATE_FIELDS,
    FIELDS,
    TRIGGERS,
    Action,
    ActionType,
    Trigger,
    TriggerType,
    Workflow,
    WorkflowData,
    field_values,
)
from app.domain.changes import Changes
from app.domain.errors import UserError, ValidationError
from app.domain.segments import Condition, FieldInfo, Group, Match
from app.services.segments import SegmentService
from app.services.workflows import WorkflowService
from app.views.automation.list_editor import ID_ROLE, ListEditor
from app.views.automation.texts import (
    action_text,
    error_text,
    field_name_text,
    kind_text,
    status_text,
    step_text,
    trigger_text,
    value_text,
)
from app.views.forms.errors import ErrorLabel
from app.views.lazy import when_shown
from app.views.pipeline.texts import stage_name_text
from app.views.quality.segment_builder import ConditionRow

#: Actions with a free-text setting (title, value, subject).
_TEXT_ACTIONS = frozenset(
    {
        ActionType.CREATE_TASK,
        ActionType.SET_FIELD,
        ActionType.JOURNAL_ENTRY,
        ActionType.NOTIFY_OWNER,
    }
)


def _t(text: str) -> str:
    return QCoreApplication.translate("WorkflowEditor", text)


def _section(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("sectionTitle")
    return label


class ActionRow(QFrame):
    """One step: action type and its settings (text, days, a pick list)."""

    sig_remove_requested = Signal()

    def __init__(
        self,
        kind: str,
        labels: dict[str, list[tuple[str, str]]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conditionRow")
        self.kind = kind
        self.labels = labels
        self.type = QComboBox()
        for a in ActionType:
            self.type.addItem(action_text(a), a.value)
        self.ref = QComboBox()
        self.text = QLineEdit()
        self.choice = QComboBox()
        self.days = QSpinBox()
        self.days.setRange(0, 365)
        self.days_label = QLabel()
        remove = QToolButton()
        remove.setText("✕")
        remove.setAutoRaise(True)
        remove.setToolTip(_t("Remove this action"))
        remove.clicked.connect(self.sig_remove_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.days.setMaximumWidth(90)
        adjust = QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        self.type.setSizeAdjustPolicy(adjust)
        self.type.setMinimumContentsLength(15)
        self.ref.setSizeAdjustPolicy(adjust)
        self.ref.setMinimumContentsLength(12)
        self.text.setMinimumWidth(160)
        layout.addWidget(self.type)
        layout.addWidget(self.ref)
        layout.addWidget(self.text, 10)
        layout.addWidget(self.choice, 10)
        layout.addWidget(self.days_label)
        layout.addWidget(self.days)
        layout.addStretch(1)
        layout.addWidget(remove)
        self.type.currentIndexChanged.connect(lambda _i: self._on_type_changed())
        self.ref.currentIndexChanged.connect(lambda _i: self._on_ref_changed())
        self._on_type_changed()

    @property
    def action_type(self) -> ActionType:
        """The chosen action."""
        return ActionType(self.type.currentData())

    def _fill_ref(self, items: list[tuple[str, str]]) -> None:
        self.ref.clear()
        for value, label in items:
            self.ref.addItem(label, value)

    def _on_type_changed(self) -> None:
        t = self.action_type
        refs: dict[ActionType, list[tuple[str, str]]] = {
            ActionType.CREATE_TASK: [
                ("owner", _t("the record's owner")),
                *self.labels.get("user", []),
            ],
            ActionType.SET_FIELD: [
                (f, field_name_text(f)) for f in FIELDS.get(self.kind, ())
            ],
            ActionType.ADD_TAG: self.labels.get("tag", []),
            ActionType.REMOVE_TAG: self.labels.get("tag", []),
            ActionType.CHANGE_OWNER: self.labels.get("user", []),
            ActionType.SEND_EMAIL: self.labels.get("template", []),
        }
        self.ref.setVisible(t in refs)
        self._fill_ref(refs.get(t, []))
        placeholders = {
            ActionType.CREATE_TASK: _t("Task title"),
            ActionType.SET_FIELD: _t("New value"),
            ActionType.JOURNAL_ENTRY: _t("Subject of the entry"),
            ActionType.NOTIFY_OWNER: _t("Notification text"),
        }
        self.text.setVisible(t in placeholders)
        self.text.setPlaceholderText(placeholders.get(t, ""))
        days = {
            ActionType.CREATE_TASK: _t("due in days"),
            ActionType.WAIT: _t("days"),
        }
        self.days.setVisible(t in days)
        self.days_label.setVisible(t in days)
        self.days_label.setText(days.get(t, ""))
        self.days.setMinimum(1 if t is ActionType.WAIT else 0)
        self._on_ref_changed()

    def _on_ref_changed(self) -> None:
        """A choice field gets a pick list of its values instead of free text."""
        values = (
            field_values(self.kind, str(self.ref.currentData() or ""))
            if self.action_type is ActionType.SET_FIELD
            else ()
        )
        self.choice.clear()
        for value in values:
            self.choice.addItem(value_text(value), value)
        self.choice.setVisible(bool(values))
        self.text.setVisible(self.action_type in _TEXT_ACTIONS and not values)

    def action(self) -> Action:
        """The row as an action."""
        t = self.action_type
        ref = self.ref.currentData() or ""
        text = self.text.text().strip()
        by_type: dict[ActionType, dict[str, Any]] = {
            ActionType.CREATE_TASK: {
                "title": text,
                "due_days": self.days.value(),
                "assignee": ref or "owner",
            },
            ActionType.SET_FIELD: {
                "field": ref,
                "value": str(self.choice.currentData())
                if self.choice.isVisibleTo(self) and self.choice.count()
                else text,
            },
            ActionType.ADD_TAG: {"tag_id": ref},
            ActionType.REMOVE_TAG: {"tag_id": ref},
            ActionType.CHANGE_OWNER: {"user_id": ref},
            ActionType.JOURNAL_ENTRY: {"subject": text, "kind": "note"},
            ActionType.SEND_EMAIL: {"template_id": ref},
            ActionType.NOTIFY_OWNER: {"title": text},
            ActionType.WAIT: {"days": self.days.value()},
        }
        return Action(t, by_type[t])

    def set_action(self, a: Action) -> None:
        """Show a stored action."""
        self.type.setCurrentIndex(self.type.findData(a.type.value))
        p = a.params
        ref = p.get("assignee") or p.get("field") or p.get("tag_id") or p.get("user_id")
        ref = ref or p.get("template_id") or ""
        i = self.ref.findData(ref)
        if i >= 0:
            self.ref.setCurrentIndex(i)
        self.text.setText(
            str(p.get("title") or p.get("subject") or p.get("value") or "")
        )
        self.days.setValue(int(p.get("due_days") or p.get("days") or 0))
        j = self.choice.findData(str(p.get("value", "")))
        if j >= 0:
            self.choice.setCurrentIndex(j)


class WorkflowEditor(ListEditor):
    """List of workflows with the editor, test run and run log.

    Signals:
        sig_data_changed(object, object): a workflow was saved or switched.
    """

    def __init__(
        self,
        workflows: WorkflowService,
        segments: SegmentService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.svc = workflows
        self.segments = segments
        self.labels: dict[str, list[tuple[str, str]]] = {}
        self._fields: dict[str, list[FieldInfo]] = {}
        self.condition_rows: list[ConditionRow] = []
        self.action_rows: list[ActionRow] = []
        self._build()
        when_shown(self, self.reload)  # sample records to test with

    # ---- construction

    def _build(self) -> None:
        self.list.setObjectName("workflowList")
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.itemSelectionChanged.connect(self._on_list_selected)
        self.list.itemChanged.connect(self._on_item_changed)
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_workflow)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 8, 0)
        lv.addWidget(self.new_button)
        lv.addWidget(self.list, 1)

        self.name = QLineEdit()
        self.name_error = ErrorLabel()
        self.enabled = QCheckBox()
        self.campaign = QComboBox()
        self.campaign.setMinimumWidth(260)
        self.kind = QComboBox()
        for k in TRIGGERS:
            self.kind.addItem(kind_text(k), k)
        self.trigger = QComboBox()
        self.t_field = QComboBox()
        self.t_value = QLineEdit()
        self.t_stage = QComboBox()
        self.t_days = QSpinBox()
        self.t_days.setRange(-365, 3650)
        self.t_days_label = QLabel()
        self.trigger_error = ErrorLabel()
        trig = QHBoxLayout()
        for w in (self.kind, self.trigger, self.t_field, self.t_stage, self.t_value):
            trig.addWidget(w)
        trig.addWidget(self.t_days_label)
        trig.addWidget(self.t_days)
        trig.addStretch(1)
        self.match = QComboBox()
        self.match.addItem("", Match.ALL.value)
        self.match.addItem("", Match.ANY.value)
        self.conditions_box = QVBoxLayout()
        self.add_condition_button = QPushButton()
        self.add_condition_button.setObjectName("addRowButton")
        self.add_condition_button.clicked.connect(lambda: self.add_condition())
        self.conditions_error = ErrorLabel()
        self.actions_box = QVBoxLayout()
        self.add_action_button = QPushButton()
        self.add_action_button.setObjectName("addRowButton")
        self.add_action_button.clicked.connect(lambda: self.add_action())
        self.actions_error = ErrorLabel()
        self.save_button = QPushButton()
        self.save_button.setObjectName("primaryButton")
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self.delete)
        self.test_record = QComboBox()
        self.test_record.setMinimumWidth(160)
        self.test_record.setMaximumWidth(320)
        self.test_button = QPushButton()
        self.test_button.clicked.connect(self.test_run)
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        self.test_result.setObjectName("testResult")
        self.test_result.setTextFormat(Qt.TextFormat.RichText)

        body = QWidget()
        body.setObjectName("formBody")
        form = QVBoxLayout(body)
        form.setContentsMargins(16, 12, 16, 12)
        self.name_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.name_label)
        top.addWidget(self.name, 1)
        top.addWidget(self.enabled)
        form.addLayout(top)
        form.addWidget(self.name_error)
        self.campaign_label = QLabel()
        campaign_row = QHBoxLayout()
        campaign_row.addWidget(self.campaign_label)
        campaign_row.addWidget(self.campaign)
        campaign_row.addStretch(1)
        form.addLayout(campaign_row)
        self.when_title = _section("")
        form.addWidget(self.when_title)
        form.addLayout(trig)
        form.addWidget(self.trigger_error)
        self.if_title = _section("")
        match_row = QHBoxLayout()
        match_row.addWidget(self.if_title)
        match_row.addWidget(self.match)
        match_row.addStretch(1)
        form.addLayout(match_row)
        form.addLayout(self.conditions_box)
        form.addWidget(self.add_condition_button, 0, Qt.AlignmentFlag.AlignLeft)
        form.addWidget(self.conditions_error)
        self.then_title = _section("")
        form.addWidget(self.then_title)
        form.addLayout(self.actions_box)
        form.addWidget(self.add_action_button, 0, Qt.AlignmentFlag.AlignLeft)
        form.addWidget(self.actions_error)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        self.test_label = QLabel()
        buttons.addWidget(self.test_label)
        buttons.addWidget(self.test_record, 1)
        buttons.addWidget(self.test_button)
        form.addLayout(buttons)
        form.addWidget(self.test_result)
        self.log_title = _section("")
        self.log_scope = QComboBox()
        self.log_scope.addItem("", "one")
        self.log_scope.addItem("", "all")
        self.log_scope.currentIndexChanged.connect(lambda _i: self._load_log())
        self.log_filter = QLineEdit()
        self.log_filter.setClearButtonEnabled(True)
        self.log_filter.setMaximumWidth(260)
        self.log_filter.textChanged.connect(lambda _t: self._load_log())
        log_bar = QHBoxLayout()
        log_bar.addWidget(self.log_title)
        log_bar.addStretch(1)
        log_bar.addWidget(self.log_scope)
        log_bar.addWidget(self.log_filter)
        form.addLayout(log_bar)
        self.log = QTableWidget(0, 4)
        self.log.setObjectName("recordTable")
        self.log.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.log.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.log.verticalHeader().hide()
        header = self.log.horizontalHeader()
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 130), (1, 170), (2, 110)):
            self.log.setColumnWidth(col, width)
        self.log.setMinimumHeight(160)
        form.addWidget(self.log, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(scroll)
        split.setStretchFactor(1, 1)
        split.setSizes([220, 940])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(split)
        self.kind.currentIndexChanged.connect(lambda _i: self._on_kind_changed())
        self.trigger.currentIndexChanged.connect(lambda _i: self._on_trigger_changed())
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.new_button.setText(_t("New workflow"))
        self.name_label.setText(_t("Name"))
        self.enabled.setText(_t("Active"))
        self.campaign_label.setText(_t("Campaign"))
        self.campaign.setToolTip(
            _t("A nurturing sequence: its e-mails count for this campaign")
        )
        self.when_title.setText(_t("When"))
        self.if_title.setText(_t("If"))
        self.match.setItemText(0, _t("all of these conditions hold"))
        self.match.setItemText(1, _t("any of these conditions holds"))
        self.then_title.setText(_t("Then"))
        self.add_condition_button.setText(_t("+ Add condition"))
        self.add_action_button.setText(_t("+ Add action"))
        self.save_button.setText(_t("Save"))
        self.delete_button.setText(_t("Delete"))
        self.test_label.setText(_t("Test with"))
        self.test_button.setText(_t("Test run"))
        self.t_days_label.setText(_t("days"))
        self.t_value.setPlaceholderText(_t("any value"))
        self.log_title.setText(_t("Run log"))
        self.log_scope.setItemText(0, _t("this workflow"))
        self.log_scope.setItemText(1, _t("all workflows"))
        self.log_filter.setPlaceholderText(_t("Filter by record …"))
        self.log.setHorizontalHeaderLabels(
            [_t("Fired"), _t("Record"), _t("Status"), _t("What happened")]
        )

    # ---- data

    def reload(self) -> None:
        """Reload the list and pick lists (keeps the selection)."""
        self.labels = self.svc.labels()
        self._fields.clear()
        self.campaign.clear()
        self.campaign.addItem("—", "")
        for cid, name in self.labels.get("campaign", []):
            self.campaign.addItem(name, cid)
        keep = self.current
        workflows = self.svc.workflows()
        items = self.fill_list((wf.id, wf.data.name) for wf in workflows)
        self.list.blockSignals(True)
        for wf, item in zip(workflows, items, strict=True):
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if wf.data.enabled else Qt.CheckState.Unchecked
            )
            runs = self.tr("%n run(s)", "", wf.runs)
            item.setToolTip(
                f"{wf.data.name}\n{trigger_text(wf.data.trigger.type)} · {runs}"
            )
        self.list.blockSignals(False)
        if keep is None:
            if self.list.count():
                self.list.setCurrentRow(0)
            else:
                self.new_workflow()
        self._on_list_selected()

    def names(self) -> dict[str, str]:
        """Names of users, tags, templates and stages by id (for step texts)."""
        out = {"owner": _t("the record's owner")}
        for pairs in self.labels.values():
            out |= dict(pairs)
        return out

    def fields_for(self, kind: str) -> list[FieldInfo]:
        """Condition fields of the record kind the conditions look at."""
        cond_kind = CONDITION_KIND[kind]
        if cond_kind not in self._fields:
            self._fields[cond_kind] = self.segments.fields(cond_kind)
        return self._fields[cond_kind]

    def new_workflow(self) -> None:
        """Start an empty workflow."""
        self.current = None
        self.list.clearSelection()
        self.show_data(
            WorkflowData(
                "",
                "person",
                Trigger(TriggerType.CREATED),
                actions=(Action(ActionType.CREATE_TASK, {"title": ""}),),
            )
        )
        self.name.setFocus()

    def show_data(self, data: WorkflowData) -> None:
        """Fill the editor."""
        self._clear_errors()
        self.name.setText(data.name)
        self.enabled.setChecked(data.enabled)
        self.campaign.setCurrentIndex(
            max(0, self.campaign.findData(data.campaign_id or ""))
        )
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(self.kind.findData(data.entity_kind))
        self.kind.blockSignals(False)
        self._on_kind_changed(rebuild=False)
        t = data.trigger
        self.trigger.setCurrentIndex(self.trigger.findData(t.type.value))
        i = self.t_field.findData(t.field)
        if i >= 0:
            self.t_field.setCurrentIndex(i)
        if t.type is TriggerType.STAGE_REACHED:
            self.t_stage.setCurrentIndex(max(0, self.t_stage.findData(t.value)))
        else:
            self.t_value.setText(t.value)
        self.t_days.setValue(
            t.threshold if t.type is TriggerType.SCORE_CROSSED else t.days
        )
        self._clear_rows()
        self.match.setCurrentIndex(self.match.findData(data.conditions.match.value))
        for c in data.conditions.items:
            if isinstance(c, Condition):
                self.add_condition(c)
        for a in data.actions:
            self.add_action(a)
        self._load_test_records()
        self._load_log()

    def data(self) -> WorkflowData:
        """The editor's content."""
        kind = str(self.kind.currentData())
        ttype = TriggerType(self.trigger.currentData())
        value = (
            str(self.t_stage.currentData() or "")
            if ttype is TriggerType.STAGE_REACHED
            else self.t_value.text().strip()
        )
        days = self.t_days.value()
        trigger = Trigger(
            ttype,
            field=str(self.t_field.currentData() or ""),
            value=value,
            days=days if ttype is not TriggerType.SCORE_CROSSED else 0,
            threshold=days if ttype is TriggerType.SCORE_CROSSED else 0,
        )
        conds = tuple(
            c for row in self.condition_rows if (c := row.condition()) is not None
        )
        return WorkflowData(
            name=self.name.text(),
            entity_kind=kind,
            trigger=trigger,
            conditions=Group(Match(self.match.currentData()), conds),
            actions=tuple(row.action() for row in self.action_rows),
            enabled=self.enabled.isChecked(),
            campaign_id=str(self.campaign.currentData() or "") or None,
        )

    def add_condition(self, condition: Condition | None = None) -> ConditionRow:
        """Add a condition row."""
        row = ConditionRow(self.fields_for(str(self.kind.currentData())))
        if condition is not None:
            row.set_condition(condition)
        row.sig_remove_requested.connect(lambda: self._remove_condition(row))
        self.condition_rows.append(row)
        self.conditions_box.addWidget(row)
        return row

    def add_action(self, action: Action | None = None) -> ActionRow:
        """Add an action row."""
        row = ActionRow(str(self.kind.currentData()), self.labels)
        if action is not None:
            row.set_action(action)
        row.sig_remove_requested.connect(lambda: self._remove_action(row))
        self.action_rows.append(row)
        self.actions_box.addWidget(row)
        return row

    def save(self) -> bool:
        """Validate and store; errors appear next to their section."""
        self._clear_errors()
        try:
            wf, changes = self.svc.save(self.data(), self.current)
        except ValidationError as exc:
            self._show_errors(exc)
            return False
        self.saved(wf.id, changes)
        return True

    def delete(self) -> None:
        """Delete the shown workflow after asking."""
        self.delete_current(
            _t("Delete workflow"),
            _t("Delete this workflow? Its run log stays."),
            self.svc.delete,
        )

    def test_run(self) -> None:
        """Show what the workflow would do for the chosen record."""
        record = self.test_record.currentData()
        if not record:
            self.test_result.setText(
                _t("There is no record of this kind to test with.")
            )
            return
        try:
            result = self.svc.test_run(self.data(), str(record))
        except (ValidationError, UserError) as exc:
            if isinstance(exc, ValidationError):
                self._show_errors(exc)
            self.test_result.setText(error_text(exc.code, exc.message))
            return
        lines = [
            _t("Conditions hold for %1 — this would happen:").replace(
                "%1", result.record_label
            )
            if result.conditions_hold
            else _t(
                "Conditions do not hold for %1 — nothing would happen. If they held:"
            ).replace("%1", result.record_label)
        ]
        names = self.names()
        for step in result.steps:
            lines.append(f"{step.step + 1}. {html.escape(step_text(step, names))}")
        self.test_result.setText("<br>".join(lines))

    def on_data_changed(self, changes: Changes) -> None:
        """Refresh pick lists and the log after writes elsewhere."""
        if changes.everything or changes.kinds:
            self.labels = self.svc.labels()
            self._load_log()

    # ---- helpers

    def _clear_rows(self) -> None:
        for row in (*self.condition_rows, *self.action_rows):
            row.setParent(None)
            row.deleteLater()
        self.condition_rows.clear()
        self.action_rows.clear()

    def _remove_condition(self, row: ConditionRow) -> None:
        self.condition_rows.remove(row)
        row.setParent(None)
        row.deleteLater()

    def _remove_action(self, row: ActionRow) -> None:
        self.action_rows.remove(row)
        row.setParent(None)
        row.deleteLater()

    def _clear_errors(self) -> None:
        for label in (
            self.name_error,
            self.trigger_error,
            self.conditions_error,
            self.actions_error,
        ):
            label.show_error("")

    def _show_errors(self, exc: ValidationError) -> None:
        targets = {
            "name": self.name_error,
            "trigger": self.trigger_error,
            "conditions": self.conditions_error,
            "actions": self.actions_error,
        }
        for e in exc.errors:
            label = targets.get(e.field, self.actions_error)
            detail = str(e.value)
            if e.code == "workflow.action" and isinstance(e.value, int):
                detail = str(e.value + 1)
            label.show_error(error_text(e.code, detail))

    def _on_list_selected(self) -> None:
        wid = self.selected_id()
        if wid is None:
            return
        try:
            wf: Workflow = self.svc.get(wid)
        except UserError:
            return
        self.current = wf.id
        self.show_data(wf.data)

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        wid = str(item.data(ID_ROLE))
        on = item.checkState() == Qt.CheckState.Checked
        changes = self.svc.set_enabled(wid, on)
        if wid == self.current:
            self.enabled.setChecked(on)
        self.sig_data_changed.emit(changes, self)

    def _on_kind_changed(self, *, rebuild: bool = True) -> None:
        kind = str(self.kind.currentData())
        self.trigger.blockSignals(True)
        self.trigger.clear()
        for t in TRIGGERS[kind]:
            self.trigger.addItem(trigger_text(t), t.value)
        self.trigger.blockSignals(False)
        self._on_trigger_changed()
        if rebuild:
            kept = [row.action() for row in self.action_rows]
            self._clear_rows()
            for a in kept:
                self.add_action(a)
            self._load_test_records()

    def _on_trigger_changed(self) -> None:
        data = self.trigger.currentData()
        if data is None:
            return
        t = TriggerType(data)
        kind = str(self.kind.currentData())
        self.t_field.clear()
        names = (
            DATE_FIELDS.get(kind, ())
            if t is TriggerType.DATE_REACHED
            else FIELDS.get(kind, ())
        )
        for f in names:
            self.t_field.addItem(field_name_text(f), f)
        self.t_field.setVisible(
            t in (TriggerType.FIELD_CHANGED, TriggerType.DATE_REACHED)
        )
        self.t_value.setVisible(
            t in (TriggerType.FIELD_CHANGED, TriggerType.FORM_SUBMITTED)
        )
        self.t_value.setPlaceholderText(
            _t("form name (any form if empty)")
            if t is TriggerType.FORM_SUBMITTED
            else _t("any value")
        )
        self.t_stage.clear()
        for sid, name in self.labels.get("stage", []):
            self.t_stage.addItem(stage_name_text(sid, name), sid)
        self.t_stage.setVisible(t is TriggerType.STAGE_REACHED)
        with_days = t in (
            TriggerType.DATE_REACHED,
            TriggerType.NO_ACTIVITY,
            TriggerType.SCORE_CROSSED,
        )
        self.t_days.setVisible(with_days)
        self.t_days_label.setVisible(with_days)
        self.t_days_label.setText(
            _t("score at least")
            if t is TriggerType.SCORE_CROSSED
            else _t("days (negative = before the date)")
            if t is TriggerType.DATE_REACHED
            else _t("days")
        )

    def _load_test_records(self) -> None:
        kind = str(self.kind.currentData())
        self.test_record.clear()
        for rid, label in self.svc.sample_records(kind, limit=40):
            self.test_record.addItem(label or "—", rid)
        self.test_result.setText("")

    def _load_log(self) -> None:
        everything = self.log_scope.currentData() == "all"
        runs = (
            self.svc.runs(limit=500)
            if everything
            else self.svc.runs(workflow_id=self.current, limit=500)
            if self.current
            else []
        )
        wanted = self.log_filter.text().strip().lower()
        if wanted:
            runs = [r for r in runs if wanted in r.record_label.lower()]
        self.log.setRowCount(len(runs))
        names = self.names()
        for r, run in enumerate(runs):
            when = run.fired_at.astimezone().strftime("%d.%m.%Y %H:%M")
            what = "; ".join(step_text(s, names) for s in run.steps)
            if everything:
                what = f"{run.workflow_name}: {what}"
            for c, text in enumerate(
                (when, run.record_label, status_text(run.status), what)
            ):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.log.setItem(r, c, item)

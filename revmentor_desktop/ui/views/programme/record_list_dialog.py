"""The records behind a bar of the Programme view: their names, each opening its record, and
for pairs a way onto the Pairs list with them selected."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.domain import pairs, people
from revmentor_desktop.domain.vocabulary import plural
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.views.programme.chart_data import RecordKind, RecordList
from revmentor_desktop.ui.views.record_dialogs import open_record

ID_ROLE = Qt.ItemDataRole.UserRole


def record_labels(records: RecordList, context: AppContext) -> list[tuple[int, str]]:
    """Each record's id and how the lists name it, in the lists' order of names."""
    ids = list(records.ids)
    if records.kind is RecordKind.PAIRS:
        rows = pairs.pair_rows(ids, context.clock)
        labels = [
            (
                pair_id,
                f"{row.mentor_name} and {row.mentee_name} — {row.cohort_name}, {row.health.word}",
            )
            for pair_id in ids
            if (row := rows.get(pair_id)) is not None
        ]
    else:
        person_rows = people.people_rows(ids)
        labels = [
            (person_id, f"{row.label}" + (f" — {row.department}" if row.department else ""))
            for person_id in ids
            if (row := person_rows.get(person_id)) is not None
        ]
    return sorted(labels, key=lambda entry: entry[1].casefold())


class RecordListDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.records: RecordList | None = None
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Records behind the bar")
        self.list.itemActivated.connect(self._open)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.show_pairs_button = QPushButton("Show on the &Pairs list", self)
        self.show_pairs_button.setAutoDefault(False)
        self.show_pairs_button.clicked.connect(self._show_on_pairs_list)
        buttons.addButton(self.show_pairs_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(560, 440)

    def show_records(self, records: RecordList) -> None:
        self.records = records
        self.setWindowTitle(records.title)
        noun = "pair" if records.kind is RecordKind.PAIRS else "person"
        self.heading.setText(
            f"{records.title}. {plural(len(records.ids), noun)}; press Enter or double-click "
            "to open one."
        )
        self.list.clear()
        for record_id, label in record_labels(records, self.context):
            item = QListWidgetItem(label, self.list)
            item.setData(ID_ROLE, record_id)
        self.list.setCurrentRow(0)
        self.show_pairs_button.setVisible(records.kind is RecordKind.PAIRS)

    def ids_listed(self) -> list[int]:
        return [self.list.item(row).data(ID_ROLE) for row in range(self.list.count())]

    def _open(self, item: QListWidgetItem) -> None:
        if self.records is not None:
            kind = "pair" if self.records.kind is RecordKind.PAIRS else "person"
            open_record(self.context, kind, item.data(ID_ROLE), self)

    def _show_on_pairs_list(self) -> None:
        """The Pairs list, over all cohorts, with these pairs selected."""
        if self.records is not None:
            self.context.requests.show_pairs.emit(0, list(self.records.ids))
            self.accept()

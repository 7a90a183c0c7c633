"""Style rules of the sales views, applied on their top widgets.

Kept here rather than in the application style sheet: they style object names
only these views use (board columns, cards, figures, score panel).
"""

from __future__ import annotations

SALES_STYLE = """
QFrame#boardColumn { background: #eef1f4; border-radius: 8px; }
QWidget#columnHead { background: transparent; }
QLabel#columnTitle { font-weight: 600; font-size: 13px; color: #1f2328; }
QLabel#columnBadge {
    background: #d0d7de; color: #1f2328; border-radius: 9px; padding: 1px 8px;
    font-size: 11px; font-weight: 600;
}
QLabel#columnTotal { font-weight: 600; color: #1f2328; }
QLabel#columnWeighted { color: #57606a; font-size: 11px; }
QLabel#columnEmpty { color: #8c959f; font-style: italic; padding: 28px 0; }
QListView#cardList { background: #eef1f4; border: none; outline: 0; }
QListView#cardList QScrollBar:vertical { background: transparent; width: 8px; margin: 0; }
QListView#cardList QScrollBar::handle:vertical {
    background: #c4ccd4; border-radius: 4px; min-height: 24px;
}
QListView#cardList QScrollBar::add-line:vertical,
QListView#cardList QScrollBar::sub-line:vertical { height: 0; }
QListView#cardList QScrollBar::add-page:vertical,
QListView#cardList QScrollBar::sub-page:vertical { background: transparent; }
QPushButton#moreButton {
    border: none; background: transparent; color: #0969da; padding: 4px;
}
QPushButton#moreButton:hover { background: #e1e6eb; }
QWidget#boardCanvas { background: transparent; }
QLabel#figureValue { font-size: 20px; font-weight: 600; color: #1f2328; }
QLabel#scoreValue { font-size: 30px; font-weight: 600; color: #1f6feb; }
QLabel#scoreDetail { color: #1f2328; }
QFrame#sidePanel { background: white; border: 1px solid #d0d7de; border-radius: 8px; }
QWidget#detailSide { background: #f6f8fa; }
QListWidget#historyList, QListWidget#suggestionList {
    background: white; border: 1px solid #d0d7de; border-radius: 6px;
}
QListWidget#historyList::item, QListWidget#suggestionList::item {
    padding: 6px 8px; border-bottom: 1px solid #eaeef2; color: #1f2328;
}
QListWidget#duplicateList {
    background: #fff8c5; border: 1px solid #d4a72c; border-radius: 6px;
}
QListWidget#duplicateList::item { padding: 4px 6px; }
QLabel#linesSum { font-weight: 600; }
QLabel#lineTotal { color: #1f2328; }
"""

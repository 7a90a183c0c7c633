"""Qt bridge for long work: runs Qt-free service functions off the GUI thread."""

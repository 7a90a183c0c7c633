"""Detail/edit forms of records with inline validation messages."""

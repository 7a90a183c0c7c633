"""Import wizard, export dialog and the Import & export page."""

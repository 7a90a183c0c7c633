"""Sync in the GUI: status bar widget, sign-in dialog, sync page with the conflict inbox."""

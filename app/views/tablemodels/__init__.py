"""Qt item models (``*TableModel``) over service DTOs."""

"""Sales pipeline views: leads, kanban board, opportunity list and form, forecast."""

"""Windows, dialogs and widgets. Views get DTOs from services and never run SQL."""

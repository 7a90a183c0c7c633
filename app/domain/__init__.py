"""Qt-free, SQL-free core vocabulary: DTOs, enums, errors and the progress protocol."""

"""Use cases, one module per noun. Qt-free; each owns its transaction."""

"""Message catalogues: one module per language, ``MESSAGES`` mapping English to it."""

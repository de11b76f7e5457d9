"""Domain rules: no Qt, no database sessions."""

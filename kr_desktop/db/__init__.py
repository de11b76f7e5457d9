"""Persistence: SQLAlchemy models, engine and sessions, Alembic migrations, built-in data."""

"""the Program's half-year cycle: amendment changes, report settings

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30

Reserved in the revision chain so the areas can be built side by side; filled by its area.
"""
from alembic import op  # noqa: F401
import sqlalchemy as sa  # noqa: F401

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass

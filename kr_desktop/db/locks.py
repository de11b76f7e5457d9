"""Taking the database's write lock at the start of a transaction that first reads, then writes
what it read decided (an import matches persons and certificate numbers, then inserts).

Without it two such transactions both read «no such person» and both insert her (two imports of
one sheet once made 20,000 duplicate pairs). SQLite: ``BEGIN IMMEDIATE`` — the one write lock,
waiting up to the busy timeout for another writer. PostgreSQL: the tables locked in SHARE ROW
EXCLUSIVE mode — readers go on, a second such transaction (or a plain insert) waits.
"""

from __future__ import annotations

from sqlalchemy import Table
from sqlalchemy.orm import Session


def lock_for_writing(session: Session, *tables: Table) -> None:
    """Lock before the transaction's first statement (call it first in a ``Database.changing``)."""
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        # The driver (Python's sqlite3) begins a transaction only before its first INSERT/UPDATE/
        # DELETE, so the reads before it would see no lock; BEGIN IMMEDIATE starts it here.
        if not connection.connection.driver_connection.in_transaction:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
    elif tables:
        names = ", ".join(connection.dialect.identifier_preparer.format_table(t) for t in tables)
        connection.exec_driver_sql(f"LOCK TABLE {names} IN SHARE ROW EXCLUSIVE MODE")

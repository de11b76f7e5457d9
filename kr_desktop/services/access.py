"""Roles, enforced in the service layer (not only by hidden buttons).

адміністратор (admin): users, settings, restore; оператор (operator): enter and change data,
print; перегляд (viewer): read and print only. A service that changes data calls
``require(db, OPERATOR)`` before it writes; settings and users need ``ADMIN``.

On a local database file without user accounts the command line acts as the operating-system
user with the administrator's rights: whoever can open the file already holds the data. On a
PostgreSQL server the role is what the server says the connected login is (a member of kr_viewer,
kr_editor or kr_admin: kr_desktop.db.server.identify), and the server's grants refuse the rest
whatever a client does; these checks then only give the usual message without a round trip.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kr_desktop.errors import AccessDenied

if TYPE_CHECKING:  # roles are read by the window before SQLAlchemy is loaded
    from kr_desktop.db.engine import Database

ADMIN, OPERATOR, VIEWER = "admin", "operator", "viewer"
__all__ = ["ADMIN", "OPERATOR", "VIEWER", "ROLE_LABELS", "AccessDenied", "require", "has_role"]
ROLE_LABELS = {ADMIN: "адміністратор", OPERATOR: "оператор", VIEWER: "перегляд"}
_RANK = {VIEWER: 0, OPERATOR: 1, ADMIN: 2}


def require(db: Database, role: str) -> None:
    """Refuse the call unless the database's current user has at least ``role``."""
    current = getattr(db, "role", ADMIN)
    if _RANK.get(current, -1) < _RANK[role]:
        raise AccessDenied(f"Недостатньо прав: потрібна роль «{ROLE_LABELS[role]}», "
                           f"у вас — «{ROLE_LABELS.get(current, current)}».")


def has_role(db: Database, role: str) -> bool:
    """For the window to hide or disable what the current user cannot do (the service still checks)."""
    return _RANK.get(getattr(db, "role", ADMIN), -1) >= _RANK[role]

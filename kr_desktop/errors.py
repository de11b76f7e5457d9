"""Errors the user sees: every message is Ukrainian and names what is wrong."""


class UserError(Exception):
    """A problem the user can understand and act on (bad path, foreign file, bad input)."""

    exit_code = 2

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class DatabaseFileError(UserError):
    """The database file cannot be used: missing folder, foreign or damaged file, newer version."""


class ValidationError(UserError):
    """Input rejected by a validator; ``field`` names the field or row."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class ConflictError(UserError):
    """A save over a record that someone else changed since the user opened it (no lost update).

    Carries both versions so the window can show them side by side: ``yours`` are the values the
    user tried to save, ``theirs`` the values now stored (same keys), ``labels`` the field names
    to show; ``changed_by`` / ``changed_at`` say who saved the other version, when known.
    """

    exit_code = 4

    def __init__(self, message: str, *, record: str = "", your_version: int | None = None,
                 their_version: int | None = None, yours: dict | None = None, theirs: dict | None = None,
                 labels: dict | None = None, changed_by: str | None = None, changed_at=None):
        super().__init__(message)
        self.record = record
        self.your_version = your_version
        self.their_version = their_version
        self.yours = dict(yours or {})
        self.theirs = dict(theirs or {})
        self.labels = dict(labels or {})
        self.changed_by = changed_by
        self.changed_at = changed_at


class LoginFailed(UserError):
    """A login refused: wrong name or password, a disabled user, or a wait after failed tries."""

    exit_code = 3


class AccessDenied(UserError):
    """The current user's role does not allow the action (checked by the services, and on a
    PostgreSQL server by the server itself)."""

    exit_code = 3


_OS_ERRORS = {  # errno name → what the user reads
    "ENOSPC": "на диску немає місця",
    "EDQUOT": "вичерпано квоту диска",
    "EFBIG": "файл завеликий для цього диска",
    "EACCES": "немає дозволу",
    "EPERM": "немає дозволу",
    "EROFS": "диск або тека лише для читання",
    "ENOENT": "файл або теку не знайдено",
    "ENOTDIR": "частина шляху — не тека",
    "EISDIR": "це тека, а не файл",
    "ENAMETOOLONG": "надто довге ім’я файлу",
    "EIO": "помилка введення-виведення диска",
    "EBUSY": "файл зайнятий",
    "ETXTBSY": "файл зайнятий",
}


def os_error_text(exc: OSError) -> str:
    """An operating-system error in Ukrainian words (the system's own words as a last resort)."""
    import errno

    name = errno.errorcode.get(exc.errno or 0, "")
    return _OS_ERRORS.get(name) or exc.strerror or type(exc).__name__

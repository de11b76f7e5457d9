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

"""Who signs each kind of document, from one place: position and «Власне ім’я ПРІЗВИЩЕ» per signer
role, the executor's name and phone printed small under the signature, and the letters' sender.

Every document reads its signature through ``signer(db, role)``; the one settings dialog
(ui/signers_dialog.py) edits them all with ``save_signers``. The values stay under the settings keys
the areas declared before (``program.reports.signer_*``, ``awards.sign_*``, ``decisions.sign_*``),
so databases that set them keep them. A role is added by one entry in ``ROLES``.
"""

from __future__ import annotations

from dataclasses import dataclass

from kr_desktop.db.engine import Database
from kr_desktop.errors import ValidationError
from kr_desktop.services.settings import declare, get_settings, set_settings

MAX_LENGTH = 200

# The Program's reports, the control list and the reminder letters (keys kept from before).
REPORTS_POSITION = declare("program.reports.signer_position",
                           "Начальник управління організаційно-протокольної роботи виконкому міської ради")
REPORTS_NAME = declare("program.reports.signer_name", "")
PERFORMER_NAME = declare("program.reports.performer_name", "")
PERFORMER_PHONE = declare("program.reports.performer_phone", "")
SENDER = declare("program.reports.sender",
                 "Управління організаційно-протокольної роботи виконкому Криворізької міської ради")
# The letterhead's second line: address, phone, e-mail of the department (empty: not printed).
SENDER_DETAILS = declare("program.reports.sender_details", "")


@dataclass(frozen=True)
class Role:
    key: str
    label: str  # what the dialog calls it: which documents this signer signs
    position_setting: str
    name_setting: str


def _keys() -> tuple[Role, ...]:
    # The areas declare their settings (with defaults) in their own modules; importing them here
    # makes sure the keys are declared before they are read.
    from kr_desktop.services import awards, decisions

    return (
        Role("reports", "Звіти про виконання Програми, контрольний список, нагадування виконавцям",
             REPORTS_POSITION, REPORTS_NAME),
        Role("awards", "Списки нагороджених і почесних громадян", awards.SIGN_POSITION, awards.SIGN_NAME),
        Role("decisions", "Проєкти рішень і розпоряджень про нагородження", decisions.SIGN_POSITION,
             decisions.SIGN_NAME),
    )


def roles() -> tuple[Role, ...]:
    return _keys()


def role(key: str) -> Role:
    for item in roles():
        if item.key == key:
            return item
    raise KeyError(f"unknown signer role {key!r}")


@dataclass(frozen=True)
class Signer:
    role: str
    label: str
    position: str
    name: str  # «Власне ім’я ПРІЗВИЩЕ»; "" — not set: the document prints a blank line for it


@dataclass(frozen=True)
class Signers:
    """Everything the dialog shows: the signers and the lines under and above them."""

    signers: tuple[Signer, ...]
    performer: str  # the executor's surname (and initials) printed small under the signature
    phone: str
    sender: str  # the department that sends letters (the letterhead's first line)
    sender_details: str = ""  # the letterhead's address, phone and e-mail
    legacy_line: str = ""  # the awards register's own executor line of before, until one is set here

    def of(self, role_key: str) -> Signer:
        return next(s for s in self.signers if s.role == role_key)

    @property
    def executor_line(self) -> str:
        """«Виконавець: Петренко, тел. 74-00-00», or "" when neither is set."""
        if not self.performer and not self.phone:
            return self.legacy_line
        return "Виконавець: " + ", ".join(x for x in (self.performer, f"тел. {self.phone}" if self.phone else "") if x)


def _performer_keys():
    from kr_desktop.services import awards

    return PERFORMER_NAME, PERFORMER_PHONE, SENDER, awards.EXECUTOR_LINE, SENDER_DETAILS


def load_signers(db: Database) -> Signers:
    items = roles()
    performer, phone, sender, legacy_line, details = _performer_keys()
    values = get_settings(db, "")
    signers = tuple(Signer(r.key, r.label, values[r.position_setting], values[r.name_setting]) for r in items)
    return Signers(signers, values[performer], values[phone], values[sender], values[details], values[legacy_line])


def signer(db: Database, role_key: str) -> Signer:
    return load_signers(db).of(role_key)


def _clean(value: str, label: str, field: str, required: bool = False) -> str:
    text = " ".join(str(value or "").split())
    if required and not text:
        raise ValidationError(f"{label}: вкажіть посаду.", field=field)
    if len(text) > MAX_LENGTH:
        raise ValidationError(f"{label}: не більше {MAX_LENGTH} символів.", field=field)
    return text


def save_signers(db: Database, signers: dict[str, tuple[str, str]], performer: str | None = None,
                 phone: str | None = None, sender: str | None = None, sender_details: str | None = None) -> bool:
    """Positions and names by role (``{"awards": ("Керуючий справами виконкому", "Олена ШОВГЕЛЯ")}``),
    and optionally the executor line and the sender: administrators only, validated naming the
    field, one journaled transaction."""
    values: dict[str, str] = {}
    for key, (position, name) in signers.items():
        item = role(key)
        values[item.position_setting] = _clean(position, f"Посада («{item.label}»)", f"{key}.position",
                                               required=True)
        values[item.name_setting] = _clean(name, f"Власне ім’я ПРІЗВИЩЕ («{item.label}»)", f"{key}.name")
    performer_key, phone_key, sender_key, legacy_key, details_key = _performer_keys()
    if performer is not None:
        values[performer_key] = _clean(performer, "Виконавець", "performer")
    if phone is not None:
        values[phone_key] = _clean(phone, "Телефон виконавця", "phone")
    if sender is not None:
        values[sender_key] = _clean(sender, "Відправник листів", "sender", required=False)
    if sender_details is not None:
        values[details_key] = _clean(sender_details, "Адреса, телефон, e-mail (бланк листа)", "sender_details")
    if performer is not None or phone is not None:
        values[legacy_key] = ""  # the one executor line now serves every document
    set_settings(db, values, "Змінено підписи документів")
    return True

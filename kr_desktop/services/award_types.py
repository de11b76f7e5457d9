"""The directory of award types (preloaded by the migration; the user can add and change types)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select

from kr_desktop.db.engine import Database
from kr_desktop.db.models import Award, AwardType
from kr_desktop.domain.award_rules import check_pattern
from kr_desktop.domain.award_values import ACT_KINDS, type_key
from kr_desktop.domain.input_checks import text_value
from kr_desktop.errors import UserError, ValidationError
from kr_desktop.services.access import OPERATOR, require
from kr_desktop.services.versioning import load_checked, stale_is_conflict
from kr_desktop.text.ukrainian import unify_apostrophes

FIELD_LABELS = {"name": "Назва", "degrees": "Кількість ступенів", "act_kind": "Вид документа-підстави",
                "issues_certificate": "Видається посвідчення", "number_pattern": "Шаблон номера посвідчення",
                "honorary_title": "Почесне звання", "decision_preamble": "Преамбула проєкту рішення"}
PREAMBLE_MAX = 3000
_SPACES = re.compile(r"[ \t\r\n]+")


@dataclass(frozen=True)
class AwardTypeInfo:
    id: int
    name: str
    degrees: int
    act_kind: str
    issues_certificate: bool
    number_pattern: str
    honorary_title: bool
    position: int
    version: int = 1
    decision_preamble: str = ""  # "" → the default for its kind (services.decisions)

    @property
    def has_degrees(self) -> bool:
        return self.degrees > 0


@dataclass(frozen=True)
class AwardTypeInput:
    name: str
    degrees: int = 0
    act_kind: str = "executive"
    issues_certificate: bool = False
    number_pattern: str = "{n}"
    honorary_title: bool = False
    decision_preamble: str = ""


def _info(t: AwardType) -> AwardTypeInfo:
    return AwardTypeInfo(t.id, t.name, t.degrees, t.act_kind, t.issues_certificate, t.number_pattern,
                         t.honorary_title, t.position, t.version, t.decision_preamble)


def list_award_types(db: Database) -> list[AwardTypeInfo]:
    with db.reading() as session:
        return [_info(t) for t in session.scalars(select(AwardType).order_by(AwardType.position, AwardType.id))]


def get_award_type(db: Database, type_id: int) -> AwardTypeInfo:
    with db.reading() as session:
        t = session.get(AwardType, type_id)
        if t is None:
            raise UserError("Вид відзнаки не знайдено.")
        return _info(t)


def find_award_type(db: Database, name: str) -> AwardTypeInfo | None:
    """By name, whatever the case, apostrophe form and quotes."""
    key = type_key(name)
    with db.reading() as session:
        t = session.scalar(select(AwardType).where(AwardType.name_key == key))
        return _info(t) if t else None


def _validate(data: AwardTypeInput) -> AwardTypeInput:
    name = " ".join((data.name or "").split())
    if not name:
        raise ValidationError("Вкажіть назву відзнаки.", field="name")
    if len(name) > 255:
        raise ValidationError("Назва відзнаки: не довше 255 знаків.", field="name")
    if data.degrees not in (0, 2, 3, 4, 5):
        raise ValidationError("Кількість ступенів: 0 (без ступенів) або від 2 до 5.", field="degrees")
    if data.act_kind not in ACT_KINDS:
        raise ValidationError("Оберіть вид документа-підстави.", field="act_kind")
    try:
        check_pattern(data.number_pattern or "{n}")
    except ValueError as exc:
        raise ValidationError(f"Шаблон номера посвідчення: {exc}.", field="number_pattern") from None
    label = FIELD_LABELS["decision_preamble"]
    preamble = _SPACES.sub(" ", text_value(data.decision_preamble, label, "decision_preamble", PREAMBLE_MAX,
                                           multiline=True)).strip()  # one paragraph; no-break spaces kept
    return AwardTypeInput(name, data.degrees, data.act_kind, data.issues_certificate, data.number_pattern or "{n}",
                          data.honorary_title, unify_apostrophes(preamble))


def create_award_type(db: Database, data: AwardTypeInput) -> int:
    require(db, OPERATOR)
    data = _validate(data)
    with db.changing(f"Новий вид відзнаки: {data.name}") as session:
        if session.scalar(select(AwardType.id).where(AwardType.name_key == type_key(data.name))):
            raise ValidationError(f"Відзнака «{data.name}» вже є в довіднику.", field="name")
        position = (session.scalar(select(func.max(AwardType.position))) or 0) + 1
        award_type = AwardType(name=data.name, name_key=type_key(data.name), degrees=data.degrees,
                               act_kind=data.act_kind, issues_certificate=data.issues_certificate,
                               number_pattern=data.number_pattern, honorary_title=data.honorary_title,
                               position=position, decision_preamble=data.decision_preamble)
        session.add(award_type)
        session.flush()
        return award_type.id


def update_award_type(db: Database, type_id: int, data: AwardTypeInput, expected_version: int) -> None:
    """``expected_version``: AwardTypeInfo.version the form was filled from (ConflictError if changed since)."""
    require(db, OPERATOR)
    data = _validate(data)
    checked = dict(record=f"Вид відзнаки «{data.name}»", labels=FIELD_LABELS,
                   yours={key: getattr(data, key) for key in FIELD_LABELS})
    with stale_is_conflict(db, AwardType, type_id, expected_version, **checked), \
            db.changing(f"Зміна виду відзнаки: {data.name}") as session:
        award_type = load_checked(session, AwardType, type_id, expected_version, **checked)
        other = session.scalar(select(AwardType.id).where(AwardType.name_key == type_key(data.name),
                                                          AwardType.id != type_id))
        if other:
            raise ValidationError(f"Відзнака «{data.name}» вже є в довіднику.", field="name")
        if data.degrees < award_type.degrees:
            highest = session.scalar(select(func.max(Award.degree)).where(Award.award_type_id == type_id))
            if highest and highest > data.degrees:
                raise ValidationError("Є відзнаки вищих ступенів: кількість ступенів не можна зменшити.",
                                      field="degrees")
        award_type.name, award_type.name_key = data.name, type_key(data.name)
        award_type.degrees, award_type.act_kind = data.degrees, data.act_kind
        award_type.issues_certificate, award_type.number_pattern = data.issues_certificate, data.number_pattern
        award_type.honorary_title = data.honorary_title
        award_type.decision_preamble = data.decision_preamble

"""Award materials stock: items, the materials each award type (and degree) takes, receipts,
issues for presented awards, manual write-offs, balances and the low-stock warning.

Balances are sums of movement rows (never a stored counter), so every change — including undo
through the journal and deleting an award — is an ordinary insert or delete of a movement row.

Negative balances (documented choice): a manual write-off, or removing a receipt, that would take
an item below zero is refused with a Ukrainian message. Issues for presented awards are never
refused — the award register is the legal record and must accept an award presented from items
that were not entered as received; such an item shows a negative balance, in red in the window
and marked «нестача» in the stock report, until the receipt is entered.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from kr_desktop.db.engine import Database
from kr_desktop.db.models import Award, AwardMaterial, AwardType, StockItem, StockMovement
from kr_desktop.domain.input_checks import text_value
from kr_desktop.errors import UserError, ValidationError
from kr_desktop.services.access import OPERATOR, require
from kr_desktop.services.settings import declare, get_setting

RECEIPT, ISSUE, WRITEOFF = "receipt", "issue", "writeoff"
KIND_LABELS = {RECEIPT: "надходження", ISSUE: "видача (вручення відзнаки)", WRITEOFF: "списання"}
# Awards presented before this date (ISO text; empty: all) take nothing from the stock: they were
# handed out before the stock was kept in the program.
ACCOUNTING_FROM = declare("stock.accounting_from", "")
MAX_QUANTITY = 1_000_000


@dataclass(frozen=True)
class ItemBalance:
    id: int
    name: str
    unit: str
    low_threshold: int
    received: int  # in the period (all time when no period)
    issued: int
    written_off: int
    balance: int  # at the end of the period
    version: int = 1

    @property
    def low(self) -> bool:
        return self.balance <= self.low_threshold

    @property
    def short(self) -> bool:
        return self.balance < 0


@dataclass(frozen=True)
class MovementRow:
    id: int
    item_id: int
    item_name: str
    kind: str
    moved_on: dt.date
    quantity: int
    award_id: int | None
    supplier: str
    reason: str
    person: str  # for issues: the award's holder

    @property
    def signed(self) -> int:
        return self.quantity if self.kind == RECEIPT else -self.quantity

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)


@dataclass(frozen=True)
class MaterialRow:
    id: int
    award_type_id: int
    type_name: str
    degree: int | None
    item_id: int
    item_name: str
    quantity: int


_SIGNED = case((StockMovement.kind == RECEIPT, StockMovement.quantity), else_=-StockMovement.quantity)


# -- balances ----------------------------------------------------------------------------------
def balances(db: Database, date_from: dt.date | None = None, date_to: dt.date | None = None,
             include_inactive: bool = False) -> list[ItemBalance]:
    """Every item with its receipts, issues and write-offs in the period and its balance at the
    period's end; computed by the database."""
    in_period = []
    if date_from:
        in_period.append(StockMovement.moved_on >= date_from)
    if date_to:
        in_period.append(StockMovement.moved_on <= date_to)

    def total(kind: str):
        return func.coalesce(func.sum(case((and_(StockMovement.kind == kind, *in_period), StockMovement.quantity),
                                           else_=0)), 0)

    until = [StockMovement.moved_on <= date_to] if date_to else []
    balance = func.coalesce(func.sum(case((and_(StockMovement.id.is_not(None), *until), _SIGNED), else_=0)), 0)
    query = (select(StockItem.id, StockItem.name, StockItem.unit, StockItem.low_threshold, total(RECEIPT),
                    total(ISSUE), total(WRITEOFF), balance, StockItem.version)
             .outerjoin(StockMovement, StockMovement.item_id == StockItem.id)
             .group_by(StockItem.id, StockItem.name, StockItem.unit, StockItem.low_threshold, StockItem.position,
                       StockItem.version)
             .order_by(StockItem.position, StockItem.id))
    if not include_inactive:
        query = query.where(StockItem.active.is_(True))
    with db.reading() as session:
        return [ItemBalance(r[0], r[1], r[2], r[3], int(r[4]), int(r[5]), int(r[6]), int(r[7]), r[8])
                for r in session.execute(query)]


def balance_of(session: Session, item_id: int) -> int:
    return int(session.scalar(select(func.coalesce(func.sum(_SIGNED), 0))
                              .where(StockMovement.item_id == item_id)) or 0)


def low_items(db: Database) -> list[ItemBalance]:
    """Items at or below their warning threshold (the window and the report show them)."""
    return [b for b in balances(db) if b.low]


def movements(db: Database, item_id: int | None = None, date_from: dt.date | None = None,
              date_to: dt.date | None = None, limit: int | None = 1000) -> list[MovementRow]:
    from kr_desktop.db.models import Person
    from kr_desktop.services.persons import display_name

    query = (select(StockMovement.id, StockMovement.item_id, StockItem.name, StockMovement.kind,
                    StockMovement.moved_on, StockMovement.quantity, StockMovement.award_id, StockMovement.supplier,
                    StockMovement.reason, Person.surname, Person.name, Person.patronymic)
             .join(StockItem, StockItem.id == StockMovement.item_id)
             .outerjoin(Award, Award.id == StockMovement.award_id)
             .outerjoin(Person, Person.id == Award.person_id)
             .order_by(StockMovement.moved_on.desc(), StockMovement.id.desc()))
    if item_id:
        query = query.where(StockMovement.item_id == item_id)
    if date_from:
        query = query.where(StockMovement.moved_on >= date_from)
    if date_to:
        query = query.where(StockMovement.moved_on <= date_to)
    if limit:
        query = query.limit(limit)
    with db.reading() as session:
        return [MovementRow(*r[:9], display_name(r[9], r[10], r[11]) if r[9] else "") for r in session.execute(query)]


# -- items and materials -----------------------------------------------------------------------
def _quantity(value, field: str = "quantity") -> int:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        raise ValidationError("Кількість: введіть ціле число більше нуля.", field=field) from None
    if not 0 < number <= MAX_QUANTITY:
        raise ValidationError(f"Кількість: від 1 до {MAX_QUANTITY:,}.".replace(",", "\u00a0"), field=field)
    return number


def save_item(db: Database, name: str, unit: str = "шт.", low_threshold: int = 0, item_id: int | None = None,
              active: bool = True) -> int:
    require(db, OPERATOR)
    name = " ".join(text_value(name, "Назва матеріалу", "name", 255).split())
    unit = text_value(unit, "Одиниця", "unit", 16).strip() or "шт."
    if not name:
        raise ValidationError("Вкажіть назву матеріалу.", field="name")
    if not isinstance(low_threshold, int) or low_threshold < 0:
        raise ValidationError("Поріг попередження: ціле число від 0.", field="low_threshold")
    with db.changing("Матеріал складу" if item_id else f"Новий матеріал: {name}") as session:
        clash = session.scalar(select(StockItem.id).where(func.lower(StockItem.name) == name.lower(),
                                                          StockItem.id != (item_id or 0)))
        if clash:
            raise ValidationError(f"Матеріал «{name}» уже є в довіднику.", field="name")
        if item_id:
            item = session.get(StockItem, item_id)
            if item is None:
                raise UserError("Матеріал не знайдено.")
        else:
            item = StockItem(position=(session.scalar(select(func.max(StockItem.position))) or 0) + 1)
            session.add(item)
        item.name, item.unit, item.low_threshold, item.active = name, unit, low_threshold, active
        session.flush()
        return item.id


def set_threshold(db: Database, item_id: int, low_threshold: int) -> None:
    require(db, OPERATOR)
    if not isinstance(low_threshold, int) or low_threshold < 0:
        raise ValidationError("Поріг попередження: ціле число від 0.", field="low_threshold")
    with db.changing("Поріг залишку матеріалу") as session:
        item = session.get(StockItem, item_id)
        if item is None:
            raise UserError("Матеріал не знайдено.")
        item.low_threshold = low_threshold


def list_materials(db: Database) -> list[MaterialRow]:
    query = (select(AwardMaterial.id, AwardMaterial.award_type_id, AwardType.name, AwardMaterial.degree,
                    AwardMaterial.item_id, StockItem.name, AwardMaterial.quantity)
             .join(AwardType, AwardType.id == AwardMaterial.award_type_id)
             .join(StockItem, StockItem.id == AwardMaterial.item_id)
             .order_by(AwardType.position, AwardMaterial.degree, StockItem.position))
    with db.reading() as session:
        return [MaterialRow(*r) for r in session.execute(query)]


def set_material(db: Database, award_type_id: int, degree: int | None, item_id: int, quantity: int) -> None:
    """Each award of the type (and degree; None: any) takes ``quantity`` of the item (0 removes)."""
    require(db, OPERATOR)
    with db.changing("Матеріали відзнаки") as session:
        row = session.scalar(select(AwardMaterial).where(AwardMaterial.award_type_id == award_type_id,
                                                         _degree_is(degree), AwardMaterial.item_id == item_id))
        if quantity == 0:
            if row is not None:
                session.delete(row)
            return
        quantity = _quantity(quantity)
        if row is None:
            session.add(AwardMaterial(award_type_id=award_type_id, degree=degree, item_id=item_id, quantity=quantity))
        else:
            row.quantity = quantity


def _degree_is(degree):
    return AwardMaterial.degree.is_(None) if degree is None else AwardMaterial.degree == degree


def materials_for(session: Session, award_type_id: int, degree: int | None) -> dict[int, int]:
    """item id → quantity that one award of this type and degree takes."""
    rows = session.execute(select(AwardMaterial.item_id, AwardMaterial.quantity).where(
        AwardMaterial.award_type_id == award_type_id,
        AwardMaterial.degree.is_(None) | (AwardMaterial.degree == degree)))
    needed: dict[int, int] = {}
    for item_id, quantity in rows:
        needed[item_id] = needed.get(item_id, 0) + quantity
    return needed


# -- movements ---------------------------------------------------------------------------------
def _date(value, field: str) -> dt.date:
    if not isinstance(value, dt.date):
        raise ValidationError("Вкажіть дату.", field=field)
    return value


def add_receipt(db: Database, item_id: int, moved_on: dt.date, quantity, supplier: str = "") -> int:
    """Items received (from a supplier or under a contract)."""
    require(db, OPERATOR)
    quantity = _quantity(quantity)
    supplier = text_value(supplier, "Постачальник", "supplier", 2000).strip()
    with db.changing("Надходження матеріалів") as session:
        item = session.get(StockItem, item_id)
        if item is None:
            raise ValidationError("Оберіть матеріал.", field="item")
        row = StockMovement(item_id=item_id, kind=RECEIPT, moved_on=_date(moved_on, "moved_on"), quantity=quantity,
                            supplier=supplier, reason="")
        session.add(row)
        session.flush()
        return row.id


def write_off(db: Database, item_id: int, moved_on: dt.date, quantity, reason: str) -> int:
    """A manual write-off (spoilt blank, damaged badge …) with its reason; refused below zero."""
    require(db, OPERATOR)
    quantity = _quantity(quantity)
    reason = text_value(reason, "Причина списання", "reason", 2000).strip()
    if not reason:
        raise ValidationError("Списання: вкажіть причину.", field="reason")
    with db.changing("Списання матеріалів") as session:
        item = session.get(StockItem, item_id)
        if item is None:
            raise ValidationError("Оберіть матеріал.", field="item")
        balance = balance_of(session, item_id)
        if quantity > balance:
            raise ValidationError(f"Не можна списати {quantity} {item.unit} «{item.name}»: на складі лише "
                                  f"{balance} {item.unit}. Від'ємний залишок не допускається.", field="quantity")
        row = StockMovement(item_id=item_id, kind=WRITEOFF, moved_on=_date(moved_on, "moved_on"), quantity=quantity,
                            supplier="", reason=reason)
        session.add(row)
        session.flush()
        return row.id


def delete_movement(db: Database, movement_id: int) -> None:
    """Remove a wrongly entered receipt or write-off (issues go with their award)."""
    require(db, OPERATOR)
    with db.changing("Видалення руху матеріалів") as session:
        row = session.get(StockMovement, movement_id)
        if row is None:
            raise UserError("Запис руху не знайдено (можливо, його щойно видалили).")
        if row.kind == ISSUE:
            raise UserError("Видачу за відзнакою не видаляють окремо: її повертає видалення відзнаки "
                            "або скасування вручення.")
        if row.kind == RECEIPT:
            item = session.get(StockItem, row.item_id)
            balance = balance_of(session, row.item_id)
            if balance - row.quantity < 0:
                raise ValidationError(f"Не можна вилучити надходження {row.quantity} {item.unit} «{item.name}»: "
                                      f"залишок ({balance}) став би від'ємним.", field="quantity")
        session.delete(row)


# -- the awards service's hook (same session, same transaction) ---------------------------------
def _accounting_from(session: Session) -> dt.date | None:
    from kr_desktop.db.models import AppSetting
    import json

    row = session.get(AppSetting, ACCOUNTING_FROM)
    text = json.loads(row.value) if row else ""
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def sync_award_issue(session: Session, award: Award) -> None:
    """Make the award's issue movements match it: once presented, the materials of its type and
    degree are issued on the presentation date; not presented (or changed) — the old issue rows
    are removed, i.e. the items come back. Called by the awards service inside its transaction."""
    wanted: dict[int, int] = {}
    start = _accounting_from(session)
    if award.presented_on is not None and not (start and award.presented_on < start):
        wanted = materials_for(session, award.award_type_id, award.degree)
    existing = session.scalars(select(StockMovement).where(StockMovement.award_id == award.id,
                                                           StockMovement.kind == ISSUE)).all()
    have = {(m.item_id, m.quantity, m.moved_on) for m in existing}
    target = {(item, qty, award.presented_on) for item, qty in wanted.items()}
    if have == target and len(existing) == len(target):
        return
    for movement in existing:
        session.delete(movement)
    for item_id, quantity in sorted(wanted.items()):
        session.add(StockMovement(item_id=item_id, kind=ISSUE, moved_on=award.presented_on, quantity=quantity,
                                  award_id=award.id, supplier="", reason=""))
    session.flush()


def issue_rows_for_awards(session: Session, awards: list[tuple[int, int, int | None, dt.date | None]]) -> list[dict]:
    """Issue movements (as rows for a bulk insert) for newly inserted awards given as
    (award id, award type id, degree, presentation date): what ``sync_award_issue`` would add for
    each, for an importer that writes thousands of awards at once."""
    start = _accounting_from(session)
    materials: dict[tuple[int, int | None], dict[int, int]] = {}
    rows = []
    for award_id, type_id, degree, presented_on in awards:
        if presented_on is None or (start and presented_on < start):
            continue
        if (type_id, degree) not in materials:
            materials[(type_id, degree)] = materials_for(session, type_id, degree)
        for item_id, quantity in sorted(materials[(type_id, degree)].items()):
            rows.append(dict(item_id=item_id, kind=ISSUE, moved_on=presented_on, quantity=quantity,
                             award_id=award_id, supplier="", reason=""))
    return rows


def release_award(session: Session, award_id: int) -> None:
    """The award is being deleted: its issue rows go (journaled), so its items are back in stock."""
    for movement in session.scalars(select(StockMovement).where(StockMovement.award_id == award_id)):
        session.delete(movement)
    session.flush()


def get_accounting_from(db: Database) -> str:
    return get_setting(db, ACCOUNTING_FROM)

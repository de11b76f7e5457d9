"""A program's passport (section 1): its numbered items in the decision's order, each editable;
text items can be added, removed and moved. Table 1.7 (the amounts) is in funding.py."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kr_desktop.db.engine import Database
from kr_desktop.db.models import PassportItem
from kr_desktop.errors import UserError, ValidationError
from kr_desktop.services.access import OPERATOR, require
from kr_desktop.services.program import choice
from kr_desktop.services.program.records import clean_lines, clean_text, close_gap, get
from kr_desktop.services.versioning import editing

KIND_LABELS = {"text": "текст", "name": "назва програми", "period": "строк (роки програми)",
               "funding": "обсяги фінансування (таблиця)", "results": "перелік результатів"}
# Items whose content is the program's own data: their text is not typed here.
DERIVED = {"period", "funding"}


@dataclass(frozen=True)
class PassportItemEdit:
    id: int
    position: int
    kind: str
    caption: str
    text: str
    version: int

    @property
    def number(self) -> str:
        return f"1.{self.position}"

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)


def passport_items(db: Database, program_id: int | None = None) -> list[PassportItemEdit]:
    with db.reading() as s:
        program = choice.resolve(s, program_id)
        return [PassportItemEdit(i.id, i.position, i.kind, i.caption, i.text, i.version)
                for i in program.passport_items]


def _clean(kind: str, caption: str, text: str) -> tuple[str, str]:
    caption = clean_text(caption, "Заголовок пункту").rstrip(":").strip()
    text = clean_lines(text, "Текст пункту") if kind == "results" else clean_text(text, "Текст пункту")
    if kind == "text" and not (caption or text):
        raise ValidationError("Текст пункту: пункт паспорта не може бути порожнім.", field="Текст пункту")
    return caption, text


def add_passport_item(db: Database, caption: str, text: str, program_id: int | None = None,
                      after_position: int | None = None) -> int:
    """A new text item after ``after_position`` (None: at the end); the items after it move down."""
    require(db, OPERATOR)
    caption, text = _clean("text", caption, text)
    with db.changing("Додано пункт паспорта програми") as s:
        program = choice.resolve(s, program_id)
        last = s.scalar(select(func.max(PassportItem.position)).where(PassportItem.program_id == program.id)) or 0
        position = last + 1 if after_position is None else min(max(after_position, 0), last) + 1
        for later in s.scalars(select(PassportItem).where(PassportItem.program_id == program.id,
                                                          PassportItem.position >= position)
                               .order_by(PassportItem.position.desc())):
            later.position += 1
            s.flush()
        item = PassportItem(program=program, position=position, kind="text", caption=caption, text=text)
        s.add(item)
        s.flush()
        return item.id


def update_passport_item(db: Database, item_id: int, caption: str, text: str, *, expected_version: int) -> None:
    require(db, OPERATOR)
    with db.reading() as s:
        kind = get(s, PassportItem, item_id, "Пункт паспорта").kind
    caption, text = _clean(kind, caption, text)
    if kind in DERIVED:
        text = ""
    with editing(db, "Змінено пункт паспорта програми", PassportItem, item_id, expected_version,
                 yours={"caption": caption, "text": text}, labels={"caption": "Заголовок", "text": "Текст"},
                 record="Пункт паспорта") as item:
        item.caption, item.text = caption, text


def delete_passport_item(db: Database, item_id: int) -> None:
    require(db, OPERATOR)
    with db.changing("Вилучено пункт паспорта програми") as s:
        item = get(s, PassportItem, item_id, "Пункт паспорта")
        if item.kind != "text":
            raise UserError(f"Пункт 1.{item.position} ({KIND_LABELS[item.kind]}) є частиною паспорта будь-якої "
                            "програми: його можна змінити, але не вилучити.")
        program_id, position = item.program_id, item.position
        s.delete(item)
        s.flush()
        close_gap(s, PassportItem.program_id == program_id, PassportItem.position, position)


def move_passport_item(db: Database, item_id: int, step: int) -> None:
    """Move an item up (step −1) or down (+1), swapping it with its neighbour."""
    require(db, OPERATOR)
    with db.changing("Змінено порядок пунктів паспорта програми") as s:
        item = get(s, PassportItem, item_id, "Пункт паспорта")
        neighbour = s.scalar(select(PassportItem).where(PassportItem.program_id == item.program_id,
                                                        PassportItem.position == item.position + step))
        if neighbour is None:
            return
        _swap(s, item, neighbour)


def _swap(s: Session, a: PassportItem, b: PassportItem) -> None:
    # one at a time through a free position, so (program, position) stays unique at every flush
    first, second = a.position, b.position
    a.position = -1
    s.flush()
    b.position = first
    s.flush()
    a.position = second
    s.flush()


def program_of_item(db: Database, item_id: int) -> int:
    with db.reading() as s:
        return get(s, PassportItem, item_id, "Пункт паспорта").program_id

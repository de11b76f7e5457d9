"""Deleting an award or a person from the register's screens and the person's card: the question
names what this record has (services/deletion_impact.py) and defaults to «Ні»; a person who cannot
be deleted (awards, the Book of Honorary Citizens) is told why instead of being asked."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from kr_desktop.services import deletion_impact, persons
from kr_desktop.text.formatting import format_date
from kr_desktop.ui import awards_texts as t
from kr_desktop.ui.confirm import ask, paragraphs
from kr_desktop.ui.context import AppContext
from kr_desktop.ui.operations import perform


def award_delete_question(db, award_id: int) -> str:
    impact = deletion_impact.award_impact(db, award_id)
    events = ", ".join(t.DELETE_AWARD_EVENT.format(title=title, date=format_date(day)) for title, day in impact.events)
    items = ", ".join(t.DELETE_AWARD_MATERIAL.format(name=name, quantity=quantity)
                      for name, quantity in impact.materials)
    return paragraphs(t.DELETE_AWARD_TEXT.format(award=impact.award_name, person=impact.person_name),
                      t.DELETE_AWARD_CERTIFICATE.format(number=impact.certificate_number)
                      if impact.certificate_number else None,
                      t.DELETE_AWARD_EVENTS.format(events=events) if events else None,
                      t.DELETE_AWARD_MATERIALS.format(items=items) if items else None,
                      t.DELETE_UNDO_HINT)


def delete_person(parent: QWidget, context: AppContext, person_id: int) -> bool:
    """Ask (or explain why not) and delete; True when the person was deleted."""
    impact = deletion_impact.person_impact(context.db, person_id)
    if impact.honorary:
        QMessageBox.information(parent, t.DELETE_PERSON_TITLE, t.DELETE_PERSON_HONORARY.format(person=impact.person_name))
        return False
    if impact.awards:
        QMessageBox.information(parent, t.DELETE_PERSON_TITLE,
                                t.DELETE_PERSON_HAS_AWARDS.format(person=impact.person_name, count=impact.awards))
        return False
    text = paragraphs(t.DELETE_PERSON_TEXT.format(person=impact.person_name), t.DELETE_PERSON_NOTHING,
                      t.DELETE_PERSON_INVITED.format(count=impact.invitations) if impact.invitations else None,
                      t.DELETE_PERSON_PHOTO if impact.has_photo else None)
    if not ask(parent, t.DELETE_PERSON_TITLE, text):
        return False
    perform(parent, context, "awards", persons.delete_person, context.db, person_id)
    return not _exists(context.db, person_id)


def _exists(db, person_id: int) -> bool:
    from kr_desktop.errors import UserError

    try:
        deletion_impact.person_impact(db, person_id)
    except UserError:
        return False
    return True

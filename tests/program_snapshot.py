"""Every value of one program as plain data, for comparing two programs (round trips, successors)."""

from __future__ import annotations

from sqlalchemy import select

from kr_desktop.db.models import Program


def _funding(owner) -> list:
    rows = sorted((f.source.name, f.year, str(f.amount)) for f in owner.funding)
    phrases = sorted((p.source.name, p.text, p.from_year) for p in owner.phrases)
    return [rows, phrases]


def program_snapshot(db, program_id: int, *, amounts: bool = True) -> dict:
    with db.reading() as s:
        p = s.get(Program, program_id)
        return {
            "program": [p.name, p.decision_number, p.decision_date, p.decision_title, p.start_year, p.end_year],
            "amendments": [(a.date, a.number, a.description) for a in p.amendments],
            "passport": [(i.position, i.kind, i.caption, i.text) for i in p.passport_items],
            "passport_funding": sorted((f.source.name, f.year, str(f.amount)) for f in p.passport_funding)
            if amounts else None,
            "stages": [{
                "stage": (st.annex_number, st.start_year, st.end_year, st.title, st.caption),
                "directions": [{
                    "direction": (d.number, d.name, d.expected_results),
                    "funding": _funding(d) if amounts else None,
                    "measures": [{
                        "measure": (m.position, m.text, m.deadline_phrase, m.deadline_kind, m.deadline_months,
                                    m.deadline_date, m.deadline_year_from, m.deadline_year_to, m.executors_text,
                                    m.expected_result),
                        "provenance": (m.deadline_origin, m.deadline_note, m.executors_origin, m.executors_note),
                        "executors": [e.name for e in m.executors],
                        "funding": _funding(m) if amounts else None,
                    } for m in d.measures],
                } for d in st.directions],
            } for st in p.stages],
        }


def first_difference(a, b, path="") -> str | None:
    """Where two snapshots differ first (for a readable assertion message)."""
    if type(a) is not type(b):
        return f"{path}: {a!r} ≠ {b!r}"
    if isinstance(a, dict):
        for key in a.keys() | b.keys():
            found = first_difference(a.get(key), b.get(key), f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(a, (list, tuple)):
        if len(a) != len(b):
            return f"{path}: {len(a)} items ≠ {len(b)} items"
        for i, (x, y) in enumerate(zip(a, b)):
            found = first_difference(x, y, f"{path}[{i}]")
            if found:
                return found
        return None
    return None if a == b else f"{path}: {a!r} ≠ {b!r}"


def all_programs(db) -> list[int]:
    with db.reading() as s:
        return list(s.scalars(select(Program.id).order_by(Program.id)))

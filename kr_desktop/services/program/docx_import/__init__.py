"""A program from its decision document (DOCX): ``read_decision`` reads the file (nothing else),
``plan_import`` names what was read against the database and lists every problem (the preview),
``import_program`` writes it as a new program in one transaction — or nothing at all."""

from kr_desktop.services.program.docx_import.importing import ImportPlan, import_program, plan_import
from kr_desktop.services.program.docx_import.model import DecisionReading, Problem
from kr_desktop.services.program.docx_import.reader import read_decision

__all__ = ["read_decision", "plan_import", "import_program", "ImportPlan", "DecisionReading", "Problem"]

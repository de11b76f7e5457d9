"""The city's target programs: which program (choice), the programs themselves (new, successor,
status), their passport, stages, directions and measures, planned amounts, amendments, and a
program read from its decision document (docx_import).

Every reading and editing function works on one program: a ``program_id`` (None: the default
program — see ``choice.default_program``) or a record that belongs to one.
"""

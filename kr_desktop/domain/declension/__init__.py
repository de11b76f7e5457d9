"""Ukrainian declension for the department's documents: persons' names (``names``), positions and
unit names (``phrases``), the addressee of a letter (``addressee``), on a small word morphology
(``words``). Pure rules, no database and no Qt."""

from kr_desktop.domain.declension.names import (ACCUSATIVE, CASE_LABELS, CASES, DATIVE, FEMALE,  # noqa: F401
                                                GENITIVE, MALE, NOMINATIVE, NameForms, clean_form, decline,
                                                feminine_adjectival, looks_indeclinable)

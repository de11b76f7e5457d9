"""The awards register's services, one module per responsibility:

- ``records`` — what goes in and out (AwardInput, AwardRow, AwardDetail, AwardFilter, SaveResult);
- ``settings`` — the rules' levels, the interval and who signs the printed lists;
- ``checking`` — an award's values and the rules (domain/award_rules.py) before it is written;
- ``certificates`` — the ledger of certificate numbers (never reused), the next number, the journal;
- ``editing`` — saving and deleting, each one journaled transaction;
- ``register`` — the register's search, filters, sorting and pages in SQL;
- ``lists`` — the printed award list's groups.

Presenting an award at an event is a concept of its own (services/award_presentation.py), shared
with the events: neither package imports the other. Callers use ``from kr_desktop.services import
awards`` and the names below.
"""

from kr_desktop.services.awards.certificates import CertificateLine, certificate_journal, next_certificate_number
from kr_desktop.services.awards.checking import check_award, held_awards
from kr_desktop.services.awards.editing import FIELD_LABELS, delete_award, save_award
from kr_desktop.services.awards.lists import AwardGroup, AwardListLine, award_list
from kr_desktop.services.awards.records import AwardDetail, AwardFilter, AwardInput, AwardRow, SaveResult, act_text
from kr_desktop.services.awards.register import SORTS, count_awards, get_award, page_query, query_awards, reversed_order
from kr_desktop.services.awards.settings import (EXECUTOR_LINE, MIN_INTERVAL_SETTING, RULE_SETTING, SIGN_NAME,
                                                 SIGN_POSITION, AwardSettings, load_award_settings, rule_settings,
                                                 save_award_settings)

__all__ = ["EXECUTOR_LINE", "FIELD_LABELS", "MIN_INTERVAL_SETTING", "RULE_SETTING", "SIGN_NAME", "SIGN_POSITION",
           "SORTS", "AwardDetail", "AwardFilter", "AwardGroup", "AwardInput", "AwardListLine", "AwardRow",
           "AwardSettings", "CertificateLine", "SaveResult", "act_text", "award_list", "certificate_journal",
           "check_award", "count_awards", "delete_award", "get_award", "held_awards", "load_award_settings",
           "next_certificate_number", "page_query", "query_awards", "reversed_order", "rule_settings",
           "save_award", "save_award_settings"]

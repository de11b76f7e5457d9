"""The register's settings: the rules' levels (не перевіряти / попереджати / забороняти), the
minimum interval between awards, and who signs the printed lists."""

from __future__ import annotations

from dataclasses import dataclass

from kr_desktop.db.engine import Database
from kr_desktop.domain import award_rules as rules
from kr_desktop.errors import ValidationError
from kr_desktop.services.access import ADMIN, require
from kr_desktop.services.settings import declare, get_settings, set_settings

RULE_SETTING = "awards.rule."
MIN_INTERVAL_SETTING = declare("awards.min_interval_years", rules.DEFAULT_MIN_INTERVAL_YEARS)
for _rule in rules.RULES:
    declare(RULE_SETTING + _rule, rules.WARN)
# Printed lists: who signs, and the executor's line at the bottom (never hard-coded).
SIGN_POSITION = declare("awards.sign_position", "Керуючий справами виконкому")
SIGN_NAME = declare("awards.sign_name", "")
EXECUTOR_LINE = declare("awards.executor_line", "")


def rule_settings(db: Database) -> tuple[dict[str, str], int]:
    values = get_settings(db, "awards.")
    levels = {rule: values[RULE_SETTING + rule] for rule in rules.RULES}
    return levels, int(values[MIN_INTERVAL_SETTING])


@dataclass(frozen=True)
class AwardSettings:
    levels: dict[str, str]
    min_interval_years: int
    sign_position: str
    sign_name: str
    executor_line: str


def load_award_settings(db: Database) -> AwardSettings:
    values = get_settings(db, "awards.")
    levels, years = rule_settings(db)
    return AwardSettings(levels, years, values[SIGN_POSITION], values[SIGN_NAME], values[EXECUTOR_LINE])


def save_award_settings(db: Database, settings: AwardSettings) -> bool:
    """Rule levels (off / warn / forbid), the interval and the signature of printed lists (admin)."""
    require(db, ADMIN)
    unknown = [level for level in settings.levels.values() if level not in rules.LEVELS]
    if unknown or set(settings.levels) - set(rules.RULES):
        raise ValidationError("Рівень правила: «не перевіряти», «попереджати» або «забороняти».", field="levels")
    if not 0 <= settings.min_interval_years <= 50:
        raise ValidationError("Мінімальний проміжок — від 0 до 50 років.", field="min_interval_years")
    values = {RULE_SETTING + rule: level for rule, level in settings.levels.items()}
    values.update({MIN_INTERVAL_SETTING: settings.min_interval_years, SIGN_POSITION: settings.sign_position.strip(),
                   SIGN_NAME: settings.sign_name.strip(), EXECUTOR_LINE: settings.executor_line.strip()})
    set_settings(db, values, label="Налаштування реєстру відзнак")
    return True

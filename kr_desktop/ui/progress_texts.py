"""User-visible text of «Звіти виконавців»: the entry grid, removing a report, the forms sent
out to executors and taken back."""

from kr_desktop.domain.progress import status_keys_hint
from kr_desktop.ui.control_texts import HALVES  # noqa: F401 - the same period names as on «Контроль»

PROGRESS_PERIOD = "Період:"
PROGRESS_EXECUTOR = "Виконавець:"
PROGRESS_ALL = "усі виконавці"
PROGRESS_HINT = ("Стан: цифра 1–5 або назва («не в» — не виконано); Tab або Enter — до наступної клітинки, "
                 "Shift+Enter — новий рядок у тексті, Esc — скасувати введене. Рядок зберігається, щойно "
                 "введено стан; суми, введені раніше за стан, чекають на нього.")
PROGRESS_COUNT = "Надано звітів: {done} із {total}"
PROGRESS_CLEAR = "Вилучити звіт рядка…"
CLEAR_TITLE = "Вилучення звіту"
CLEAR_ASK = ("Вилучити звіт {executor} щодо заходу {number} за {period}?\n\n"
             "Стан, текст і суми цього звіту буде видалено (дію записано в журнал змін; її можна скасувати "
             "через «Правка → Скасувати»).")
CLEAR_NOTHING = "У вибраному рядку немає збереженого звіту."
NO_EXECUTOR = "без виконавця"
COL_NUMBER = "№"
COL_MEASURE = "Захід"
COL_EXECUTOR = "Виконавець"
COL_STATUS = "Стан виконання"
COL_NARRATIVE = "Що зроблено"
COL_AMOUNT = "Фактично з 1 січня, грн: {source}"
COL_REASONS = "Причини невиконання"
COL_RECEIVED = "Дата отримання"
COL_REPORTED_BY = "Хто звітував"
STATUS_TOOLTIP = ("Клавіші стану: " + status_keys_hint() + ".\nАбо почніть вводити назву: якщо так починаються "
                  "кілька станів, допишіть або оберіть у списку (стрілка вниз, Enter).")
TEXT_TOOLTIP = "Enter — зберегти й далі, Shift+Enter — новий рядок."
JOINT_TOOLTIP = "Спільний захід: кожен виконавець звітує про свою частину ({executors})."
STATUS_NOT_CLEARED = ("Стан виконання не можна стерти: щоб вилучити звіт рядка, скористайтеся кнопкою "
                      "«Вилучити звіт рядка…» (або Esc — залишити як було).")
DRAFT_TOOLTIP = "Ще не збережено: рядок збережеться, щойно буде введено стан виконання."
INVALID_TOOLTIP = "Не збережено: {message}"
UNSAVED_ON_RELOAD = "Незбережені значення рядків лишаються в таблиці, доки не буде введено стан."

FORMS_SEND = "Розіслати форми…"
FORMS_TAKE = "Прийняти заповнені форми…"

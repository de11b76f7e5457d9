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
PROGRESS_COUNT = "Надано {count}"  # «Надано 1 з 1 звіту», «Надано 3 з 5 звітів»
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

SEND_TITLE = "Розіслати форми звітів"
SEND_INTRO = ("Форми звітів за {period}: по одній книзі Excel на виконавця, з його заходами. Надішліть кожну "
              "виконавцю (електронна пошта — у списку), а заповнені прийміть кнопкою «Прийняти заповнені форми…».")
SEND_FOLDER = "Тека для форм:"
SEND_CHOOSE = "Обрати…"
SEND_FORCE = "Замінити форми цього періоду, що вже є в теці"
SEND_RUN = "Створити форми"
SEND_OPEN = "Відкрити теку"
SEND_COLUMNS = ["Виконавець", "Заходів", "Ел. пошта", "Файл форми"]
SEND_DONE = "Створено форм: {count} у теці «{folder}»."
SEND_FOLDER_NAME = "Форми звітів — {period}"
SEND_NO_FOLDER = "Оберіть теку для форм."
CLOSE = "Закрити"

TAKE_TITLE = "Прийняти заповнені форми"
TAKE_CHOOSE = "Заповнені форми звітів"
TAKE_FILTER = "Книга Excel (*.xlsx)"
TAKE_INTRO = ("Перевірено форм: {files}. Що буде збережено — нижче; форма з помилками не зберігається зовсім "
              "(виправте її або поверніть виконавцю з переліком помилок).")
TAKE_COLUMNS = ["Рядок форми", "Що буде", "Подробиці"]
TAKE_FORM = "{outcome} — {who} («{file}»)"
TAKE_WHERE = "рядок {row}"
TAKE_WHERE_COLUMN = "рядок {row}, стовпець {column}"
TAKE_ROW = "рядок {row}, захід {number}"
TAKE_ERROR = "помилка"
TAKE_DETAILS_HINT = "Оберіть рядок угорі, щоб прочитати його тут повністю."
TAKE_REPLACE = "Замінити збережені звіти звітами з форм (конфлікти)"
TAKE_RUN = "Зберегти прийняті форми"
TAKE_CHECKING = "Перевірка форм…"
TAKE_SAVING = "Збереження форм…"
TAKE_ACCEPTED = "можна прийняти: нових {new}, без змін {unchanged}, конфліктів {conflicts}, не заповнено {empty}"
TAKE_DONE = "прийнято: нових {new}, без змін {unchanged}, конфліктів {conflicts}, не заповнено {empty}"
TAKE_REJECTED = "НЕ ПРИЙНЯТО: помилок {errors}"
TAKE_SAVED = "Збережено форм: {saved}; нових і замінених звітів: {rows}. Не прийнято форм: {rejected}."
TAKE_NOTHING = "Немає прийнятих форм: зберігати нічого."
TAKE_ACTIONS = {"new": "новий звіт", "unchanged": "без змін", "conflict": "конфлікт — лишається збережений",
                "replaced": "буде замінено звітом із форми"}
TAKE_DIFF = "{field}: у базі — {stored}; у формі — {form}"
TAKE_SAVED_ROW = "{status}; {amounts}"

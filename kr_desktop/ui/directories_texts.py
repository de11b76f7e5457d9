"""Ukrainian text of the two small directories: yearly dates and materials per award."""

RECURRING_TITLE = "Щорічні дати"
RECURRING_COLUMNS = ("Дата", "Назва", "Вид", "Місце", "Час", "Діє")
RECURRING_EDIT = "Щорічна дата"
F_TITLE = "Назва"
F_DAY = "День"
F_MONTH = "Місяць"
F_KIND = "Вид заходу"
F_PLACE = "Місце"
F_TIME = "Час початку (ГГ:ХХ)"
F_ACTIVE = "Створювати захід щороку"
YES, NO = "так", "ні"
ADD = "Додати…"
CHANGE = "Змінити…"
CLOSE = "Закрити"
CHOOSE_ROW = "Спершу оберіть рядок у таблиці."
MONTHS = ("січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня",
          "листопада", "грудня")

MATERIALS_TITLE = "Матеріали до відзнак"
MATERIALS_HINT = ("Що видається зі складу з кожною врученою відзнакою. Кількість 0 прибирає матеріал "
                  "із переліку.")
MATERIALS_COLUMNS = ("Відзнака", "Ступінь", "Матеріал", "Кількість")
MATERIALS_EDIT = "Матеріал до відзнаки"
F_AWARD = "Відзнака"
F_DEGREE = "Ступінь"
F_ITEM = "Матеріал"
F_QUANTITY = "Кількість на одну відзнаку"
ANY_DEGREE = "будь-який"

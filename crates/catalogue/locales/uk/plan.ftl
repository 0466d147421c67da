## План розмов: скільки зустрічей і коли вимагає закон. $what і $with — тексти нижче
## (у знахідному та орудному відмінках), $when — дата або час.
conversation-kind-first-conversation = Перша розмова
conversation-kind-job-conversation = Розмова про роботу
conversation-kind-sixteen-month-conversation = Розмова з джобцентром і касою з безробіття (протягом 16 місяців)

holder-municipality = Джобцентр
holder-unemployment-fund = Каса з безробіття

plan-book = Забронювати зустріч
plan-book-next = Забронювати наступну розмову
plan-citizen-done = Ви провели { $what } з { $with }: { $when }.
plan-citizen-due = Ви маєте провести { $what } з { $with } до { $when }.
plan-citizen-intro = Закон визначає, скільки зустрічей ви повинні мати і коли. Тут ви їх бачите.
plan-citizen-overdue = Забронюйте { $what } з { $with } зараз. Термін минув { $when }.
plan-citizen-planned = У вас заплановано { $what } з { $with }: { $when }.
plan-citizen-title = Ваші наступні зустрічі
plan-citizen-window = Ви маєте провести { $what } з { $with } між { $from } і { $to }.
plan-col-holder = Хто проводить
plan-col-kind = Розмова
plan-col-meeting = Зустріч
plan-col-status = Стан
plan-col-window = Період
plan-conversations = розмов
plan-empty = У плані немає розмов.
plan-exempt-by-fund = Звільнено від розмов каси
plan-exempt-by-municipality = Звільнено від розмов комуни
plan-exempt-no = Скасувати звільнення
plan-exempt-reason = Причина
plan-exempt-save = Зберегти
plan-exempt-yes = Звільнити громадянина
plan-exempted = Звільнено від
plan-exemption-hint = За правилами з 1 липня 2026 року каса і комуна можуть кожна звільнити до 25 % застрахованих безробітних від своїх розмов. Ви можете звільнити лише від своїх розмов. Перша розмова й розмова після 16 місяців проводяться завжди.
plan-exemption-title = Звільнення від розмов
plan-late = із запізненням
plan-open-meeting = Відкрити
plan-rules = Правила
plan-status-done = Проведено
plan-status-due = Треба забронювати
plan-status-overdue = Прострочено
plan-status-planned = Заброньовано
plan-title = План контактів
plan-what-first = свою першу зустріч
plan-what-other = зустріч
plan-with-fund = вашою касою з безробіття
plan-with-municipality = джобцентром

work-reason-awaiting-visitation = Нове опитування чекає на рішення
work-reason-callback-requested = Просить зателефонувати
work-reason-due-soon = Розмова протягом 7 днів, не заброньована
work-reason-first-meeting-remote = Першу розмову заброньовано телефоном або по відео – має бути особисто
work-reason-inactive = Неактивний у самообслуговуванні 30 днів
work-reason-no-show = Неявка без подальших дій
work-reason-overdue = Розмову прострочено
work-reason-unanswered-message = Повідомлення без відповіді
work-reason-unassigned = Немає консультанта
work-reason-absence-reported = Повідомив(-ла) про відсутність на запрошенні

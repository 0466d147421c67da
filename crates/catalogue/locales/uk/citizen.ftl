## Ваша сторінка: ваші дані, хто їх переглядав, ваша підтримка й опитування після зустрічі.
access-log-empty = Ваші дані ще ніхто не переглядав.
access-log-intro = Тут показано кожен раз, коли працівник переглядав або змінював ваші дані, спочатку найновіші.
access-log-questions = Є запитання щодо списку? Напишіть у свій джобцентр.
access-log-role = Роль
access-log-title = Хто переглядав ваші дані
access-log-what = Що
access-log-when = Коли
access-log-who = Хто

audit-access-log-read = Переглянув(-ла) цей огляд
audit-available-slots-read = Переглянув(-ла), який час ви можете забронювати
audit-citizen-created = Зареєстрував(-ла) вас у Jobunivers
audit-citizen-listed = Бачив(-ла) ваше ім’я у списку громадян
audit-citizen-read = Переглянув(-ла) ваші дані
audit-citizen-updated = Змінив(-ла) ваші дані
audit-contact-plan-read = Переглянув(-ла) ваш план зустрічей
audit-exemption-decided = Змінив(-ла), скільки зустрічей ви повинні мати
audit-inbox-listed = Бачив(-ла), що ви чекаєте на відповідь на повідомлення
audit-letter-listed = Бачив(-ла) ваше ім’я у списку листів для друку
audit-letter-printed = Надрукував(-ла) лист для вас
audit-letter-read = Відкрив(-ла) лист для вас
audit-meeting-booked = Забронював(-ла) для вас зустріч
audit-meeting-cancelled = Скасував(-ла) одну з ваших зустрічей
audit-meeting-moved = Переніс (перенесла) одну з ваших зустрічей
audit-meeting-outcome = Зазначив(-ла), чи відбулася зустріч
audit-meetings-read = Переглянув(-ла) ваші зустрічі
audit-message-written = Написав(-ла) вам повідомлення
audit-messages-read = Прочитав(-ла) ваші повідомлення
audit-notice-sent = Надіслав(-ла) вам e-mail, SMS або лист
audit-screening-read = Переглянув(-ла) ваші відповіді про вашу ситуацію
audit-screening-submitted = Відповів(-ла) на запитання про вашу ситуацію за вас
audit-transfer-accepted = Передав(-ла) вашу справу до комуни, куди ви переїхали
audit-transfer-declined = Відмовив(-ла) у передачі вашої справи до іншої комуни
audit-transfer-requested = Попросив(-ла) передати вашу справу, бо ви переїхали до цієї комуни
audit-video-joined = Брав(-ла) участь у відеозустрічі з вами
audit-visitation-decided = Вирішив(-ла), яку підтримку ви отримуєте
audit-visitation-read = Переглянув(-ла) рішення щодо вашої підтримки
audit-worklist-listed = Бачив(-ла) ваше ім’я у списку громадян для подальших дій

citizen-access-log-link = Подивитися, хто переглядав ваші дані
citizen-intro = Тут ви бачите, що джобцентр зареєстрував про вас.
citizen-title = Ваші дані

support-answer = Дайте відповіді на запитання про вашу ситуацію
support-decided-by = Вирішив(-ла)
support-none = Джобцентр ще не вирішив, яку підтримку ви отримуєте.
support-own-view = Ваша думка
support-own-view-hint = Напишіть, що ви думаєте про рішення. Ваш консультант це побачить.
support-reason = Обґрунтування джобцентру
support-save-view = Зберегти вашу думку
support-title = Ваша підтримка

survey-back = Назад на вашу сторінку
survey-closed = Опитування закрите, бо зустріч була понад 30 днів тому. Дякуємо, що хотіли відповісти.
survey-intro = Це займе дві хвилини. Ваші відповіді анонімні: ваш консультант їх ніколи не бачить, а ми показуємо цифри лише для груп щонайменше з п’яти людей.
survey-q-callback = Зателефонуйте мені
survey-q-channel-fit = Спосіб зустрічі
survey-q-comment = Коментар
survey-q-helpful = Чи це допомогло
survey-q-more-remote = Телефон або відео
survey-q-personal = Особисте ставлення
survey-q-satisfaction = Задоволеність
survey-send = Надіслати відповіді
survey-thanks = Дякуємо за відповіді. Це допомагає нам покращувати зустрічі.
survey-title = Як пройшла ваша зустріч?
survey-waiting = Розкажіть, як пройшла ваша зустріч

survey-question-callback = Чи хочете ви, щоб ваш консультант вам зателефонував?
survey-question-channel-fit = Чи підходив спосіб зустрічі (особисто, телефоном або по відео) до того, про що ви мали говорити?
survey-question-comment = Чи хочете ви розповісти нам ще щось? (необов’язково)
survey-question-helpful = Зустріч допомогла мені в моїй ситуації.
survey-question-more-remote = Чи хотіли б ви, щоб більше ваших зустрічей проходило телефоном або по відео?
survey-question-personal = Чи була зустріч такою ж особистою, як зазвичай?
survey-question-satisfaction = Наскільки ви задоволені зустріччю?

## Варіанти відповіді на кожне запитання; $value — стале значення в API.
survey-options-callback = { $value ->
        [yes] Так
       *[no] Ні
    }
survey-options-channel-fit = { $value ->
        [1] Зовсім ні
        [2] Мало
        [3] Певною мірою
        [4] Значною мірою
       *[5] Дуже великою мірою
    }
survey-options-helpful = { $value ->
        [1] Зовсім не згоден (згодна)
        [2] Не згоден (згодна)
        [3] Ні згоден, ні не згоден
        [4] Згоден (згодна)
       *[5] Повністю згоден (згодна)
    }
survey-options-more-remote = { $value ->
        [1] Ні, зовсім ні
        [2] Краще ні
        [3] Мені байдуже
        [4] Так, охоче
       *[5] Дуже охоче
    }
survey-options-personal = { $value ->
        [more] Більш особистою
        [same] Такою ж особистою
       *[less] Менш особистою
    }
survey-options-satisfaction = { $value ->
        [1] Дуже незадоволений(-а)
        [2] Незадоволений(-а)
        [3] Ні те, ні інше
        [4] Задоволений(-а)
       *[5] Дуже задоволений(-а)
    }
survey-about-day = Про вашу зустріч { $day }
survey-about-meeting = Про вашу зустріч { $day } з { $staff }
audit-absence-decided = Ухвалив(-ла) рішення щодо вашої відсутності на запрошенні
audit-availability-notice-sent = Повідомив(-ла) вашу касу з безробіття або відділ виплат, що ви не прийшли на зустріч
audit-availability-notice-listed = Бачив(-ла) повідомлення, що ви не прийшли на зустріч
audit-availability-notice-withdrawn = Відкликав(-ла) повідомлення, що ви не прийшли на зустріч
audit-call-ins-exported = Надіслав(-ла) ваші запрошення до національної бази даних зайнятості

## E-mail, SMS і листи про зустрічі та повідомлення. $sender — «Jobcenter Aalborg» або назва
## каси з безробіття, $time — час зустрічі словами, $link — адреса.
notice-attendance = Вас викликано прийти особисто. Причина: { $reason }
notice-booked-intro = Для вас заброньовано зустріч із { $staff }: { $time }.
notice-booked-sms = { $sender }: У вас зустріч { $time }. { $how }
notice-booked-subject = У вас зустріч: { $time }
notice-cancelled-intro = Вашу зустріч { $time } скасовано. Вам нічого не потрібно робити. Якщо буде потрібно, ми знайдемо новий час.
notice-cancelled-sms = { $sender }: Вашу зустріч { $time } скасовано.
notice-cancelled-subject = Вашу зустріч { $time } скасовано
notice-change = Не можете прийти? Перенесіть або скасуйте зустріч тут: { $link }
notice-fund-joins = Ваша каса з безробіття теж бере участь: { $adviser }.
notice-greeting = Шановний(-а) { $name },
notice-how-in-person = Приходьте за адресою: { $place }.
notice-how-in-person-unknown = Приходьте особисто: адресу дивіться в Jobunivers.
notice-how-phone = Ваш консультант вам зателефонує.
notice-how-video = Зустріч відбудеться по відео. Перейдіть на { $link } – нічого не потрібно встановлювати.
notice-jobcenter = Jobcenter { $town }
notice-message-intro = Ви отримали нове повідомлення від { $sender } у Jobunivers.
notice-message-read = Прочитайте й дайте відповідь тут: { $link }
notice-message-sms = { $sender }: У вас нове повідомлення в Jobunivers. Прочитайте його на { $link }
notice-message-subject = У вас нове повідомлення від { $sender }
notice-moved-intro = Вашу зустріч із { $staff } перенесено. Новий час: { $time }.
notice-moved-sms = { $sender }: Вашу зустріч перенесено на { $time }.
notice-moved-subject = Вашу зустріч перенесено на { $time }
notice-reminder-intro = Нагадуємо про вашу зустріч із { $staff }: { $time }.
notice-reminder-sms = { $sender }: Нагадуємо про вашу зустріч { $time }. { $how }
notice-reminder-subject = Нагадування про зустріч: { $time }
notice-sender-unknown = Джобцентр
notice-short-in-person = Приходьте до джобцентру.
notice-short-phone = Ми вам зателефонуємо.
notice-short-video = Зустріч по відео; посилання дивіться в Jobunivers.
notice-signoff = З повагою
notice-survey-answer = Відповісти тут: { $link }
notice-survey-intro = Дякуємо за зустріч із { $sender }. Чи приділите ви дві хвилини, щоб розповісти, як вона пройшла? Ваші відповіді анонімні: ваш консультант їх ніколи не бачить.
notice-survey-sms = { $sender }: Як пройшла ваша зустріч? Дайте анонімну відповідь на { $link }
notice-survey-subject = Як пройшла ваша зустріч?
notice-call-in-directions = Як нас знайти: { $directions }
absence-accepted-cancel-reason = Відсутність із поважної причини
absence-refused-message = Ми не прийняли вашу відсутність на зустрічі { $when }. Причина: «{ $reason }». Зустріч залишається в силі, тож прийдіть, як домовлено. Зателефонуйте або напишіть нам, якщо маєте запитання.
notice-citizen-message = Ви не прийшли на зустріч { $when }. { $told } Зв’яжіться з нами сьогодні: напишіть тут або зателефонуйте нам. Якщо у вас була поважна причина, наприклад хвороба, напишіть її тут у відповіді.
notice-told-a-kasse = Ми повідомили вашу касу з безробіття, бо це може вплинути на вашу допомогу по безробіттю.
notice-told-benefits-office = Ми повідомили відділ виплат муніципалітету, бо це може вплинути на вашу допомогу.
notice-booking-overdue-message = Ви не забронювали розмову, яка мала відбутися до { $day }. Ми повідомили вашу касу з безробіття, бо це може вплинути на вашу допомогу. Забронюйте розмову сьогодні в розділі »Мої зустрічі« або зателефонуйте чи напишіть нам, якщо не можете.
## Only in letters on paper (issue 19): by phone instead of a web address, the right to bring
## someone, what happens if you do not come. $phone is "70 10 08 51", $hours as the jobcentre words them.
notice-letter-call = Не можете прийти або хочете перенести зустріч? Зателефонуйте нам: { $phone }.
notice-letter-call-hours = Не можете прийти або хочете перенести зустріч? Зателефонуйте нам: { $phone } ({ $hours }).
notice-letter-companion = Ви можете взяти когось із собою на зустріч, наприклад друга чи члена родини. Якщо вам потрібен перекладач, зателефонуйте нам.
notice-letter-companion-only = Ви можете взяти когось із собою на зустріч, наприклад друга чи члена родини.
notice-letter-no-show = Якщо ви не прийдете і не повідомите нас, ми маємо повідомити вашу страхову касу з безробіття або відділ допомоги муніципалітету. Це може означати, що ви втратите гроші.
notice-letter-phone = Телефон { $phone }
## How long a meeting lasts, after its time in words (issue 19).
notice-duration = Розмова триває { $minutes } { $minutes ->
    [one] хвилину
    [few] хвилини
   *[other] хвилин
}.
## A letter's reference under its date, to quote on the phone (issue 19).
notice-letter-reference = Номер листа: { $reference }
## The interpreter booked and the companion named, in letters and e-mails (issue 19 item 4).
notice-interpreter-booked = Ми замовили перекладача на розмову. Мова: { $language }. Перекладач буде { $how }.
notice-companion = Ви повідомили, що з вами прийде { $name }.
## The survey on paper (issue 19 item 5): a code to type without signing in, or the phone.
notice-survey-code = Ви можете відповісти онлайн без входу в систему. Відкрийте { $page } і введіть код { $code }.
notice-survey-phone = Ви також можете зателефонувати нам за номером { $phone } ({ $hours }). Тоді ми внесемо ваші відповіді за вас.
## The letter after a no-show, for a citizen without digital mail (issue 19 item 1).
notice-no-show-subject = Ви не прийшли на розмову
notice-no-show-intro = Ви не прийшли на розмову { $time }. Тому ми повідомили про це ваш фонд страхування на випадок безробіття або відділ виплат муніципалітету. Це може означати, що ви втратите гроші.
notice-no-show-call = Зателефонуйте нам сьогодні за номером { $phone } ({ $hours }).
notice-no-show-contact = Зв'яжіться з нами сьогодні.
notice-no-show-excuse = У вас була поважна причина не прийти, наприклад хвороба? Тоді скажіть нам про це, коли зателефонуєте.

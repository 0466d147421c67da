## E-mails, text messages and letters about meetings and messages. $sender is "Jobcenter
## Aalborg" or the a-kasse's name, $time a meeting's time in words, $link an address.

notice-attendance = Du er indkaldt til at møde personligt op. Begrundelse: { $reason }
notice-booked-intro = Du har fået en samtale med { $staff } { $time }.
notice-booked-sms = { $sender }: Du har en samtale { $time }. { $how }
notice-booked-subject = Du har en samtale { $time }
notice-cancelled-intro = Din samtale { $time } er aflyst. Du behøver ikke gøre noget. Vi finder en ny tid, hvis det er nødvendigt.
notice-cancelled-sms = { $sender }: Din samtale { $time } er aflyst.
notice-cancelled-subject = Din samtale { $time } er aflyst
notice-change = Kan du ikke komme? Flyt eller aflys samtalen her: { $link }
notice-fund-joins = Din a-kasse deltager også: { $adviser }.
notice-greeting = Kære { $name },
notice-how-in-person = Mød op: { $place }.
notice-how-in-person-unknown = Mød op: se adressen i Jobunivers.
notice-how-phone = Din jobkonsulent ringer til dig.
notice-how-video = Samtalen er på video. Gå til { $link } – du skal ikke installere noget.
notice-jobcenter = Jobcenter { $town }
notice-message-intro = Du har fået en ny besked fra { $sender } i Jobunivers.
notice-message-read = Læs og svar her: { $link }
notice-message-sms = { $sender }: Du har en ny besked i Jobunivers. Læs den på { $link }
notice-message-subject = Du har en ny besked fra { $sender }
notice-moved-intro = Din samtale med { $staff } er flyttet. Den nye tid er { $time }.
notice-moved-sms = { $sender }: Din samtale er flyttet til { $time }.
notice-moved-subject = Din samtale er flyttet til { $time }
notice-reminder-intro = Husk din samtale med { $staff } { $time }.
notice-reminder-sms = { $sender }: Husk din samtale { $time }. { $how }
notice-reminder-subject = Husk din samtale { $time }
notice-sender-unknown = Jobcentret
notice-short-in-person = Mød op på jobcentret.
notice-short-phone = Vi ringer til dig.
notice-short-video = Samtalen er på video; se linket i Jobunivers.
notice-signoff = Venlig hilsen
notice-survey-answer = Svar her: { $link }
notice-survey-intro = Tak for din samtale med { $sender }. Vil du bruge to minutter på at fortælle os, hvordan den gik? Dine svar er anonyme: din jobkonsulent ser dem aldrig.
notice-survey-sms = { $sender }: Hvordan gik din samtale? Svar anonymt på { $link }
notice-survey-subject = Hvordan gik din samtale?
notice-call-in-directions = Sådan finder du os: { $directions }
absence-accepted-cancel-reason = Afbud med rimelig grund
absence-refused-message = Vi har ikke godkendt dit afbud til samtalen { $when }. Begrundelse: »{ $reason }«. Samtalen står ved magt, så mød op som aftalt. Ring eller skriv til os, hvis du har spørgsmål.
notice-citizen-message = Du kom ikke til din samtale { $when }. { $told } Kontakt os i dag: skriv her eller ring til os. Hvis du havde en rimelig grund, fx sygdom, så skriv den her som svar.
notice-told-a-kasse = Vi har givet din a-kasse besked, fordi det kan få betydning for dine dagpenge.
notice-told-benefits-office = Vi har givet kommunens ydelseskontor besked, fordi det kan få betydning for din hjælp.
notice-booking-overdue-message = Du har ikke booket din samtale, som skulle holdes senest { $day }. Vi har givet din a-kasse besked, fordi det kan få betydning for dine dagpenge. Book samtalen i dag under »Mine samtaler«, eller ring eller skriv til os, hvis du ikke kan.
## Only in letters on paper (issue 19): by phone instead of a web address, the right to bring
## someone (forvaltningsloven § 8, stk. 1: a party may be assisted by others at any stage),
## what happens if you do not come. $phone is "70 10 08 51", $hours as the jobcentre words them.
notice-letter-call = Kan du ikke komme, eller vil du flytte samtalen? Ring til os på { $phone }.
notice-letter-call-hours = Kan du ikke komme, eller vil du flytte samtalen? Ring til os på { $phone } ({ $hours }).
notice-letter-companion = Du må gerne tage en person med til samtalen, fx en ven eller en fra din familie. Har du brug for en tolk, så ring til os.
notice-letter-companion-only = Du må gerne tage en person med til samtalen, fx en ven eller en fra din familie.
notice-letter-no-show = Kommer du ikke, og har du ikke givet os besked, skal vi fortælle det til din a-kasse eller til kommunens ydelseskontor. Det kan betyde, at du mister penge.
notice-letter-phone = Telefon { $phone }
## How long a meeting lasts, after its time in words (issue 19).
notice-duration = Samtalen varer { $minutes } minutter.
## A letter's reference under its date, to quote on the phone (issue 19).
notice-letter-reference = Vores reference: { $reference }
## The interpreter booked and the companion named, in letters and e-mails (issue 19 item 4).
notice-interpreter-booked = Vi har bestilt en tolk til samtalen. Sprog: { $language }. Tolken er med { $how }.
notice-companion = Du har sagt, at { $name } kommer med dig.
## The survey on paper (issue 19 item 5): a code to type without signing in, or the phone.
notice-survey-code = Du kan svare på nettet uden at logge ind. Gå ind på { $page } og skriv koden { $code }.
notice-survey-phone = Du kan også ringe til os på { $phone } ({ $hours }). Så skriver vi dine svar ind for dig.
## The letter after a no-show, for a citizen without digital mail (issue 19 item 1).
notice-no-show-subject = Du kom ikke til din samtale
notice-no-show-intro = Du kom ikke til din samtale { $time }. Derfor har vi fortalt det til din a-kasse eller til kommunens ydelseskontor. Det kan betyde, at du mister penge.
notice-no-show-call = Ring til os i dag på { $phone } ({ $hours }).
notice-no-show-contact = Kontakt os i dag.
notice-no-show-excuse = Havde du en god grund til ikke at komme, fx sygdom? Så fortæl os det, når du ringer.

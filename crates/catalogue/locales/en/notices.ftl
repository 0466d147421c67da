## E-mails, text messages and letters about meetings and messages. $sender is "Jobcenter
## Aalborg" or the a-kasse's name, $time a meeting's time in words, $link an address.

notice-attendance = You are called in to attend in person. Reason: { $reason }
notice-booked-intro = You have a meeting with { $staff } on { $time }.
notice-booked-sms = { $sender }: You have a meeting on { $time }. { $how }
notice-booked-subject = You have a meeting on { $time }
notice-cancelled-intro = Your meeting on { $time } is cancelled. You do not need to do anything. We will find a new time if one is needed.
notice-cancelled-sms = { $sender }: Your meeting on { $time } is cancelled.
notice-cancelled-subject = Your meeting on { $time } is cancelled
notice-change = Cannot come? Move or cancel the meeting here: { $link }
notice-fund-joins = Your unemployment fund takes part too: { $adviser }.
notice-greeting = Dear { $name },
notice-how-in-person = Come to: { $place }.
notice-how-in-person-unknown = Come in person: see the address in Jobunivers.
notice-how-phone = Your caseworker will call you.
notice-how-video = The meeting is by video. Go to { $link } – you do not need to install anything.
notice-jobcenter = Jobcenter { $town }
notice-message-intro = You have a new message from { $sender } in Jobunivers.
notice-message-read = Read and answer here: { $link }
notice-message-sms = { $sender }: You have a new message in Jobunivers. Read it at { $link }
notice-message-subject = You have a new message from { $sender }
notice-moved-intro = Your meeting with { $staff } has moved. The new time is { $time }.
notice-moved-sms = { $sender }: Your meeting has moved to { $time }.
notice-moved-subject = Your meeting has moved to { $time }
notice-reminder-intro = Remember your meeting with { $staff } on { $time }.
notice-reminder-sms = { $sender }: Remember your meeting on { $time }. { $how }
notice-reminder-subject = Remember your meeting on { $time }
notice-sender-unknown = The jobcentre
notice-short-in-person = Come to the jobcentre.
notice-short-phone = We will call you.
notice-short-video = The meeting is by video; see the link in Jobunivers.
notice-signoff = Kind regards
notice-survey-answer = Answer here: { $link }
notice-survey-intro = Thank you for your meeting with { $sender }. Will you spend two minutes telling us how it went? Your answers are anonymous: your caseworker never sees them.
notice-survey-sms = { $sender }: How did your meeting go? Answer anonymously at { $link }
notice-survey-subject = How did your meeting go?
notice-call-in-directions = How to find us: { $directions }
absence-accepted-cancel-reason = Absence with a reasonable excuse
absence-refused-message = We have not accepted your absence from the meeting { $when }. Reason: “{ $reason }”. The meeting stands, so please attend as agreed. Call or write to us if you have questions.
notice-citizen-message = You did not come to your meeting { $when }. { $told } Contact us today: write here or call us. If you had a reasonable excuse, for example illness, write it here as a reply.
notice-told-a-kasse = We have told your unemployment fund, because it may affect your unemployment benefit.
notice-told-benefits-office = We have told the municipality's benefits office, because it may affect your benefit.
notice-booking-overdue-message = You have not booked your conversation, which was to be held by { $day }. We have told your unemployment fund, because it may affect your unemployment benefit. Book the conversation today under »My meetings«, or call or write to us if you cannot.
## Only in letters on paper (issue 19): by phone instead of a web address, the right to bring
## someone, what happens if you do not come. $phone is "70 10 08 51", $hours as the jobcentre words them.
notice-letter-call = Cannot come, or want to move the meeting? Call us on { $phone }.
notice-letter-call-hours = Cannot come, or want to move the meeting? Call us on { $phone } ({ $hours }).
notice-letter-companion = You are welcome to bring someone to the meeting, for example a friend or a family member. If you need an interpreter, call us.
notice-letter-companion-only = You are welcome to bring someone to the meeting, for example a friend or a family member.
notice-letter-no-show = If you do not come and have not told us, we must tell your unemployment fund or the municipality's benefits office. It can mean that you lose money.
notice-letter-phone = Phone { $phone }
## How long a meeting lasts, after its time in words (issue 19).
notice-duration = The meeting lasts { $minutes } minutes.
## A letter's reference under its date, to quote on the phone (issue 19).
notice-letter-reference = Our reference: { $reference }
## The interpreter booked and the companion named, in letters and e-mails (issue 19 item 4).
notice-interpreter-booked = We have booked an interpreter for the meeting. Language: { $language }. The interpreter takes part { $how }.
notice-companion = You have told us that { $name } is coming with you.
## The survey on paper (issue 19 item 5): a code to type without signing in, or the phone.
notice-survey-code = You can answer online without signing in. Go to { $page } and type the code { $code }.
notice-survey-phone = You can also call us on { $phone } ({ $hours }). Then we type in your answers for you.
## The letter after a no-show, for a citizen without digital mail (issue 19 item 1).
notice-no-show-subject = You did not come to your meeting
notice-no-show-intro = You did not come to your meeting { $time }. So we have told your unemployment fund or the municipality's benefits office. This can mean that you lose money.
notice-no-show-call = Call us today on { $phone } ({ $hours }).
notice-no-show-contact = Contact us today.
notice-no-show-excuse = Did you have a good reason not to come, for example illness? Then tell us when you call.

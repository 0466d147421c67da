access-log-empty = No one has looked at your details yet.
access-log-intro = Every time a member of staff viewed or changed your details is listed here, newest first.
access-log-questions = Questions about the list? Write to your jobcentre.
access-log-role = Role
access-log-title = Who has looked at your details
access-log-what = What
access-log-when = When
access-log-who = Who

audit-access-log-read = Viewed this overview
audit-available-slots-read = Viewed which times you can book
audit-citizen-created = Registered you in Jobunivers
audit-citizen-listed = Saw your name in a list of citizens
audit-citizen-read = Viewed your details
audit-citizen-updated = Changed your details
audit-contact-plan-read = Viewed your plan of meetings
audit-exemption-decided = Changed how many meetings you must have
audit-inbox-listed = Saw that you are waiting for an answer to a message
audit-letter-listed = Saw your name on the list of letters to print
audit-letter-printed = Printed a letter to you
audit-survey-recorded = Recorded your answers to the survey
audit-chat-queue-listed = Saw that you were waiting for a chat
audit-digital-post-addressed = Used your CPR number to send a letter to your Digital Post
audit-letter-read = Opened a letter to you
audit-meeting-booked = Booked a meeting for you
audit-meeting-cancelled = Cancelled one of your meetings
audit-meeting-moved = Moved one of your meetings
audit-meeting-outcome = Recorded whether a meeting took place
audit-meetings-read = Viewed your meetings
audit-message-written = Wrote a message to you
audit-messages-read = Read your messages
audit-notice-sent = Sent you an e-mail, a text message or a letter
audit-screening-read = Viewed your answers about your situation
audit-screening-submitted = Answered the questions about your situation for you
audit-transfer-accepted = Moved your case to the municipality you moved to
audit-transfer-declined = Declined to move your case to another municipality
audit-transfer-requested = Asked to take over your case because you moved to the municipality
audit-video-joined = Took part in a video meeting with you
audit-visitation-decided = Decided how much support you get
audit-visitation-read = Viewed the decision on your support
audit-worklist-listed = Saw your name on a list of citizens to follow up

citizen-access-log-link = See who has looked at your details
citizen-intro = Here you can see what the jobcentre has registered about you.
citizen-title = Your details

support-answer = Answer questions about your situation
support-decided-by = Decided by
support-none = The jobcentre has not yet decided what support you get.
support-own-view = Your own view
support-own-view-hint = Write what you think of the decision. Your caseworker can see it.
support-reason = The jobcentre's reason
support-save-view = Save your view
support-title = Your support

survey-back = Back to your page
survey-closed = The survey is closed because the meeting is more than 30 days ago. Thank you for wanting to answer.
survey-intro = It takes two minutes. Your answers are anonymous: your caseworker never sees them, and we only show figures for groups of at least five people.
survey-q-callback = Call me
survey-q-channel-fit = The way you met
survey-q-comment = Comment
survey-q-helpful = Did it help
survey-q-more-remote = Phone or video
survey-q-personal = Personal
survey-q-satisfaction = Satisfaction
survey-send = Send answers
survey-thanks = Thank you for answering. It helps us make the meetings better.
survey-title = How did your meeting go?
survey-waiting = Tell us how your meeting went

survey-question-callback = Would you like your caseworker to call you?
survey-question-channel-fit = Did the way you met (in person, phone, video or chat) fit what you had to talk about?
survey-question-comment = Is there anything else you want to tell us? (optional)
survey-question-helpful = The meeting helped me in my situation.
survey-question-more-remote = Would you like more of your meetings by phone or video?
survey-question-personal = Was the meeting as personal as you are used to?
survey-question-satisfaction = How satisfied were you with the meeting?

## The answers each question offers; $value is the stable value of the API.
survey-options-callback = { $value ->
        [yes] Yes
       *[no] No
    }
survey-options-channel-fit = { $value ->
        [1] Not at all
        [2] Little
        [3] Somewhat
        [4] Much
       *[5] Very much
    }
survey-options-helpful = { $value ->
        [1] Strongly disagree
        [2] Disagree
        [3] Neither agree nor disagree
        [4] Agree
       *[5] Strongly agree
    }
survey-options-more-remote = { $value ->
        [1] No, not at all
        [2] Rather not
        [3] I don't mind
        [4] Yes
       *[5] Very much
    }
survey-options-personal = { $value ->
        [more] More personal
        [same] As personal
       *[less] Less personal
    }
survey-options-satisfaction = { $value ->
        [1] Very dissatisfied
        [2] Dissatisfied
        [3] Neither
        [4] Satisfied
       *[5] Very satisfied
    }
survey-about-day = { $kind ->
    [chat] About your chat on { $day }
   *[meeting] About your meeting on { $day }
}
survey-about-meeting = { $kind ->
    [chat] About your chat on { $day } with { $staff }
   *[meeting] About your meeting on { $day } with { $staff }
}
audit-absence-decided = Decided on your absence from a call-in
audit-availability-notice-sent = Told your unemployment fund or the municipality's benefits office that you did not come to a meeting
audit-availability-notice-listed = Saw the notice that you did not come to a meeting
audit-availability-notice-withdrawn = Withdrew the notice that you did not come to a meeting
audit-call-ins-exported = Sent your call-ins to the national employment database
contact-title = Contact
contact-intro = Here you can see how to contact the jobcentres and unemployment funds. You can always call during phone hours. If you are signed in, you can also write to us under Messages.
contact-kind-jobcentre = jobcentre
contact-kind-fund = unemployment fund
contact-yours = yours
contact-phone = Phone
contact-email = E-mail
contact-none = We have not been given a number yet. Call your municipality.
contact-secure = Do not write your CPR number or about your health in an ordinary e-mail. Sign in and write under Messages, where it is secure.
privacy-title = How we handle your data
privacy-intro = Jobunivers is the system where your jobcentre, your unemployment fund and you keep track of your meetings. Here you can read what data about you is in the system, and what your rights are.
privacy-who-heading = Who is responsible
privacy-who = Your municipality (the jobcentre) is responsible for the data in your case. If you are a member of an unemployment fund, the fund is responsible for what it writes itself. You find their phone and e-mail on the page
privacy-what-heading = What data we have
privacy-what = Your name, your date of birth and part of your CPR number. We keep the whole CPR number only encrypted, to send letters to your Digital Post. Staff never see it. Your municipality and your unemployment fund. Your phone number and e-mail, if you have given them to us. Your meetings and your messages. Your answers to questions about your situation. They may be about your health. And what has been decided in your case.
privacy-why-heading = Why we have it
privacy-why = We use the data to help you into work and to hold the meetings the Act on an Active Employment Effort requires. The General Data Protection Regulation allows this in Article 6(1)(e). For data about your health, Article 9(2)(b) applies.
privacy-who-sees-heading = Who can see it
privacy-who-sees = Only the staff of your jobcentre and your unemployment fund who work on your case. Every time a member of staff looks at your data, it is recorded. You can see who and when under
privacy-access-log = Who has looked at my data
privacy-how-long-heading = How long we keep it
privacy-how-long = As long as your case is open. After that the Archives Act applies. Information that is not to be kept for the future is deleted when it no longer matters for your case or a complaint. Some cases must be kept and are handed over to a public archive. The rules of the Danish National Archives decide which. Your municipality can tell you what this means for your case.
privacy-dpo-heading = Data protection officer
privacy-dpo = Every municipality has a data protection officer. You can write to them if you have questions about how we handle your information.
privacy-dpo-none = Not given. Contact the organisation.
privacy-rights-heading = Your rights
privacy-rights = You have the right to see the data we have about you. You have the right to have wrong data corrected. You can also ask us to restrict what we use it for, or object. Contact your municipality or your unemployment fund. If you are not satisfied with the answer, you can complain to the Danish Data Protection Agency at datatilsynet.dk.
privacy-cookies-heading = Cookies
privacy-cookies = We only use the cookies the site needs to work: that you are signed in, and which language you chose. We use no cookies for statistics or advertising.
a11y-title = Accessibility
a11y-intro = Jobunivers must be usable by everyone. The pages must meet WCAG 2.1 level AA, as the Danish web accessibility act requires.
a11y-statement-link = Read the accessibility statement
a11y-statement-missing = The authority that runs Jobunivers publishes the accessibility statement in the Agency for Digital Government's WAS-Tool. Here is what we know about the pages ourselves.
a11y-tested-heading = How we test
a11y-tested = Every change is tested automatically in a browser. Every page is checked with the axe tool against WCAG 2.1 AA. Every page works without JavaScript and with a keyboard only. The text is written in plain language.
a11y-known-heading = What does not work yet
a11y-known-live = Chat and video need JavaScript. Without JavaScript you can write to us under Messages or call.
a11y-known-pdf = Letters and reports as PDF are made so that a screen reader reads them in the right order (PDF/UA). They have not yet been checked with a tool made for that. Everything in the letter is also on the page of your meeting.
a11y-problem-heading = Do you have problems with the site?
a11y-problem = Write or call, and tell us what does not work. Then we help you another way.
## The next step first on the citizen's home (issue 20 item 3).
home-book-title = Book your next meeting
home-next-open = See the meeting
home-next-title = Your next meeting
## "Mine oplysninger" (issue 19 item 6): the citizen's own details, also kept by staff.
details-title = My details
details-staff-title = Contact and needs of { $name }
details-intro = Here you can change how we contact you and what you need for your meetings.
details-saved = The details have been saved.
details-back = Back to the citizen
details-contact-heading = Phone and e-mail
details-phone-hint = For meetings by phone and text messages about meetings. For example 12 34 56 78.
details-address-heading = Postal address
details-address-intro = Letters on paper are sent here.
details-street = Street, number, floor and door
details-street-hint = For example Vesterbro 14, 2. tv.
details-postcode = Postcode
details-postcode-hint = 4 digits, for example 9000.
details-town = Town
details-letters = How should letters be sent?
details-letters-digital = By Digital Post (e-Boks or mit.dk)
details-letters-paper = On paper, because of an exemption from Digital Post
details-letters-hint = To be exempted from Digital Post, go in person to Borgerservice in your municipality. The municipality decides.
details-meetings-heading = Meetings
details-in-person = All meetings are to be held in person
details-in-person-hint = Otherwise phone, video or in person is chosen each time a meeting is booked.
details-needs-heading = Needs for the meetings
details-interpreter = Interpreter
details-interpreter-hint = Choose the language if an interpreter should be at the meetings.
details-interpreter-none = No interpreter
details-step-free = Needs access without steps, for example with a wheelchair or walker
details-save = Save the details
details-edit = Change my details
language-ar = Arabic
language-bs = Bosnian, Croatian or Serbian
language-de = German
language-en = English
language-es = Spanish
language-fa = Farsi or Dari
language-fr = French
language-it = Italian
language-ku = Kurdish
language-lt = Lithuanian
language-lv = Latvian
language-pl = Polish
language-ps = Pashto
language-pt = Portuguese
language-ro = Romanian
language-ru = Russian
language-so = Somali
language-sq = Albanian
language-th = Thai
language-ti = Tigrinya
language-tr = Turkish
language-uk = Ukrainian
language-ur = Urdu
language-vi = Vietnamese
language-unknown = Another language
## The survey by the paper letter's code, without signing in (issue 19 item 5).
survey-code-title = Answer a survey
survey-code-intro = Did you get a letter about a survey after your meeting? Type the code from the letter. You do not need to sign in.
survey-code-field = Code from the letter
survey-code-hint = 12 characters, for example 7K2M-Q9XD-4HNB.
survey-code-open = Open the survey
survey-code-required = Type the code from the letter.
survey-code-unknown = We cannot find a survey with that code. Check the code in the letter.
home-chat-open = Chat with a member of staff now – the chat is open until { $closes }.
home-chat-queued = You are number { $position } in the chat queue.
home-chat-with = You are chatting with { $name }.
home-chat-unstaffed = Nobody is at the chat right now. Write a message – we answer within two working days.
home-chat-closed = The chat is closed. It opens again { $opens }. Write a message – we answer within two working days.
home-chat-none = Write a message – we answer within two working days.
home-chat-go = Go to the chat

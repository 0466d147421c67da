app-name = Jobunivers
app-tagline = Conversations with jobcentre and unemployment fund

conflict-adviser-unavailable = The unemployment fund has no adviser free at that time. Choose another time or book without the fund.
conflict-already-answered = You have already answered this survey. Thank you.
conflict-citizen-busy = There is already a meeting at that time ({ $when }). Choose another time.
conflict-other = The action conflicts with the current state.
conflict-overlap = The time overlaps one of your other times. Choose another period.
conflict-registered-elsewhere = The CPR number is registered in another municipality. If the citizen has moved here, ask for the case to be moved.
conflict-slot-taken = That time was just booked by someone else. Choose another time.
conflict-survey-closed = The survey is closed because the meeting is more than 30 days ago. Thank you for wanting to answer.
conflict-transfer-decided = The request has already been answered.
conflict-transfer-pending = You have already asked for the case. The municipality holding it will answer.

date-at = { $date } at { $time }
date-day-month = { $day } { date-month }
date-day-month-year = { $day } { date-month } { $year }
date-long = { date-weekday } { $day } { date-month } { $year }
date-month = { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    }
date-month-year = { date-month } { $year }
date-span = { $date } at { $start }–{ $end }
date-spoken = { date-weekday } { $day } { date-month } { $year } at { $hour }:{ $minute }
## Dates and times. $weekday is 1 (Monday) to 7, $month 1 to 12.
date-weekday = { $weekday ->
        [1] Monday
        [2] Tuesday
        [3] Wednesday
        [4] Thursday
        [5] Friday
        [6] Saturday
       *[7] Sunday
    }

error-bad-request = The page cannot be shown like that
error-bad-request-text = The address is missing something or has something wrong in it. Go back and try again.
error-csrf = The form has expired. Go back, reload the page and try again.
error-forbidden = You do not have access
error-forbidden-text = Your role does not give access to this page. Go to the home page.
error-internal = Something went wrong on our side
error-internal-text = Try again in a little while. The error has been logged.
error-unavailable = The system is not available right now
error-unavailable-text = We cannot reach our database at the moment. Wait a moment and try again. What you wrote may not have been saved: check once the page works again.
error-not-found = Page not found
error-not-found-text = The page does not exist or you do not have access. Go to the home page.

field-caseworker = Caseworker
field-code = Code
field-cpr = CPR number
field-first-absence-on = First day of absence
field-first-contact-on = First contact with the municipality
field-fund = Unemployment fund
field-in-person = Wants to meet in person
field-login = Login
field-municipality = Municipality
field-name = Name
field-no = No
field-none = None
field-postal-address = Postal address
field-phone = Phone
field-registered-on = Registered as a job seeker
field-role = Role
field-target-group = Target group
field-team = Team (optional)
field-track = Track
field-unemployed-since = Unemployed since
field-yes = Yes
field-your-benefit = Your benefit

footer-about = Jobunivers brings jobcentre, unemployment funds and citizens together in one system.

form-choose = Choose
form-create = Create
form-created = Created
form-error-summary = There are errors in the form
form-error-prefix = Error:
form-exists = Already exists. Choose another value.
form-registered-elsewhere = The CPR number is registered in another municipality. If the citizen has moved here, ask for the case below.

hint-cpr = 10 digits, e.g. 010190-1234.
hint-date = For example 28.08.2026.
hint-first-absence-on = Only for sickness benefit. Follow-up counts from this day. Empty: the same day as unemployed since. For example 28.08.2026.
hint-first-contact-on = Only for cash benefit. The first conversation is due 1 week after this day. Empty: the same day as unemployed since. For example 28.08.2026.
hint-fund-code = Short code of letters, digits and hyphens, e.g. 3F.
hint-login = Lower-case letters, digits, dots and hyphens.
hint-municipality-code = Four-digit municipality code, e.g. 0851 for Aalborg.
hint-registered-on = Only for people on unemployment benefit. The fund's first conversation is due 2 weeks after this day. Empty: the same day as unemployed since. For example 28.08.2026.
hint-staff-org = Caseworkers and managers belong to one municipality or one fund.
hint-team = E.g. "Team Young". Reports can be grouped by team.

invalid-bad-format = The value is not in the right form. See the hint.
invalid-blank = Fill in this field.
invalid-combination = The value does not fit the other fields or is already in use.
invalid-cpr = Enter a CPR number of 10 digits whose first 6 are a real date of birth (DDMMYY).
invalid-date = Enter a real date, for example 28.08.2026.
invalid-empty = Choose at least one.
invalid-end-before-start = The end must come after the start.
invalid-in-future = The date must not be in the future.
invalid-in-past = That time has passed. Choose a later time.
invalid-one-organisation = This can only be shown for one municipality at a time. Choose a municipality.
invalid-out-of-range = The number is outside the allowed range.
invalid-required = Fill in this field.
invalid-too-long = The text is too long. Shorten it.
invalid-too-many = That makes too many times at once (at most 2,000). Choose fewer days, shorter days or longer meetings.
invalid-unknown-field = There is no such field. See the API description for the fields that can be changed.
invalid-unknown-organisation = It does not exist. Choose a municipality or fund from the list.
invalid-unknown-value = Choose one of the allowed values.

nav-admin = Administration
nav-calendar = My calendar
nav-home = Home
nav-chat = Chat
nav-inbox = Inbox
nav-language = Language
nav-letters = Letters
nav-meetings = My meetings
nav-meetings-of-citizen = Meetings
nav-messages = Messages
nav-monitoring = Decisions
nav-quotas = Contact quotas
nav-reports = Reports
nav-signed-in-as = Signed in as
nav-signout = Sign out
nav-skip = Skip to content
nav-transfers = Moves
nav-worklist = Worklist

role-admin = Administrator
role-caseworker = Caseworker
role-citizen = Citizen
role-fund-caseworker = Unemployment fund adviser
role-manager = Manager

signin-as = Sign in as
signin-busy = A great many people are signing in right now. Wait a minute and try again.
signin-cancelled = You cancelled signing in. Try again when you are ready.
signin-citizens = Citizens
signin-demo-intro = This is a demo. Choose a user to sign in. There are no passwords.
signin-expired = Signing in took too long or was started in another window. Please try again.
signin-intro = Citizens sign in with MitID. Staff at jobcentres and unemployment funds sign in with their work account.
signin-none-configured = Sign-in has not been set up yet. Contact operations.
signin-not-citizen = We cannot find you in Jobunivers. You are registered when you sign up as unemployed with the jobcentre or your unemployment fund. Contact your jobcentre if you think this is a mistake.
signin-not-staff = Your user has no access to Jobunivers. Ask your administrator to create you.
signin-refused = We could not confirm your sign-in. Please try again. If it happens again, contact the jobcentre.
signin-staff = Staff
signin-title = Sign in
signin-unavailable = We cannot reach the sign-in service right now. Please try again in a little while.
signin-unknown = The user does not exist. Choose a user from the list.
signin-with-mitid = Sign in with MitID
signin-with-staff = Sign in as staff

target-group-activity-ready-cash-benefit = Activity-ready cash benefit
target-group-education-benefit = Cash benefit (formerly education benefit)
target-group-insured-unemployed = Insured unemployed
target-group-job-ready-cash-benefit = Job-ready cash benefit
target-group-sickness-benefit = Sickness benefit

track-intensive = Intensive
track-none = Not yet decided
track-self-service = Self-service
track-standard = Standard
nav-notices = Availability notices
conflict-notice-withdrawn = The notice has already been withdrawn.
conflict-notice-exists = The unemployment fund has already been told about this conversation.
conflict-chat-closed = The chat is closed, or nobody is at the chat right now. Write a message instead – we answer within two working days.
conflict-chat-exists = You already have a chat going. Carry on in it.
conflict-not-on-duty = You are not on chat duty. Go on duty first.
conflict-chat-limit = You already have three chats going. End one before you take the next.
conflict-no-booking-overdue = The citizen has not missed a deadline for booking a conversation that you hold.
footer-contact = Contact
footer-privacy = How we handle your data
footer-accessibility = Accessibility statement
field-cvr = CVR number
field-cvr-hint = 8 digits. The municipality's CVR number is the sender of letters to citizens' Digital Post.
field-org-phone-hint = The number citizens call. Shown on the Contact page.
field-phone-hours = Phone hours
field-phone-hours-hint = For example Monday–Friday 9–15
field-email = E-mail
nav-citizens = Citizens
invalid-choose = Choose one of the options.

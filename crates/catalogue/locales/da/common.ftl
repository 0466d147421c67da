app-name = Jobunivers
app-tagline = Samtaler med jobcenter og a-kasse

conflict-adviser-unavailable = A-kassen har ingen ledig rådgiver på det tidspunkt. Vælg en anden tid eller book uden a-kassen.
conflict-already-answered = Du har allerede svaret på dette spørgeskema. Tak for dit svar.
conflict-citizen-busy = Der er allerede en samtale på det tidspunkt ({ $when }). Vælg en anden tid.
conflict-other = Handlingen passer ikke med den nuværende tilstand.
conflict-overlap = Tiden overlapper en af dine andre tider. Vælg et andet tidsrum.
conflict-registered-elsewhere = CPR-nummeret er registreret i en anden kommune. Er borgeren flyttet hertil, så bed om at få sagen flyttet.
conflict-slot-taken = Tiden er lige blevet booket af en anden. Vælg en anden tid.
conflict-survey-closed = Spørgeskemaet er lukket, fordi samtalen er mere end 30 dage gammel. Tak fordi du ville svare.
conflict-transfer-decided = Der er allerede svaret på anmodningen.
conflict-transfer-pending = I har allerede bedt om at få sagen flyttet. Den kommune, der har sagen, svarer.

date-at = { $date } kl. { $time }
date-day-month = { $day }. { date-month }
date-day-month-year = { $day }. { date-month } { $year }
date-long = { date-weekday } { $day }. { date-month } { $year }
date-month = { $month ->
        [1] januar
        [2] februar
        [3] marts
        [4] april
        [5] maj
        [6] juni
        [7] juli
        [8] august
        [9] september
        [10] oktober
        [11] november
       *[12] december
    }
date-month-year = { date-month } { $year }
date-span = { $date } kl. { $start }–{ $end }
date-spoken = { date-weekday } den { $day }. { date-month } { $year } kl. { $hour }.{ $minute }
## Dates and times. $weekday is 1 (Monday) to 7, $month 1 to 12.
date-weekday = { $weekday ->
        [1] mandag
        [2] tirsdag
        [3] onsdag
        [4] torsdag
        [5] fredag
        [6] lørdag
       *[7] søndag
    }

error-bad-request = Siden kan ikke vises sådan
error-bad-request-text = Adressen mangler noget eller indeholder noget forkert. Gå tilbage og prøv igen.
error-csrf = Formularen er udløbet. Gå tilbage, genindlæs siden og prøv igen.
error-forbidden = Du har ikke adgang
error-forbidden-text = Din rolle giver ikke adgang til siden. Gå til forsiden.
error-internal = Der skete en fejl hos os
error-internal-text = Prøv igen om lidt. Fejlen er registreret.
error-unavailable = Systemet er ikke tilgængeligt lige nu
error-unavailable-text = Vi kan ikke nå vores database i øjeblikket. Vent et øjeblik, og prøv igen. Det du skrev, er ikke nødvendigvis gemt: se efter, når siden virker igen.
error-not-found = Siden findes ikke
error-not-found-text = Siden findes ikke, eller du har ikke adgang til den. Gå til forsiden.

field-caseworker = Jobkonsulent
field-code = Kode
field-cpr = CPR-nummer
field-first-absence-on = Første fraværsdag
field-first-contact-on = Første henvendelse til kommunen
field-fund = A-kasse
field-in-person = Ønsker fremmøde
field-login = Brugernavn
field-municipality = Kommune
field-name = Navn
field-no = Nej
field-none = Ingen
field-postal-address = Postadresse
field-phone = Telefon
field-registered-on = Tilmeldt som jobsøgende
field-role = Rolle
field-target-group = Målgruppe
field-team = Team (valgfrit)
field-track = Indsats
field-unemployed-since = Ledig siden
field-yes = Ja
field-your-benefit = Din ydelse

footer-about = Jobunivers samler jobcenter, a-kasse og borger i ét system.

form-choose = Vælg
form-create = Opret
form-created = Oprettet
form-error-summary = Der er fejl i formularen
form-error-prefix = Fejl:
form-exists = Findes allerede. Vælg en anden værdi.
form-registered-elsewhere = CPR-nummeret er registreret i en anden kommune. Er borgeren flyttet hertil, så bed om at få sagen flyttet nedenfor.

hint-cpr = 10 cifre, fx 010190-1234.
hint-date = For eksempel 28.08.2026.
hint-first-absence-on = Kun for sygedagpenge. Opfølgningen regnes fra denne dag. Tom: samme dag som ledig siden. For eksempel 28.08.2026.
hint-first-contact-on = Kun for kontanthjælp. Den første samtale skal holdes senest 1 uge efter denne dag. Tom: samme dag som ledig siden. For eksempel 28.08.2026.
hint-fund-code = Kort kode med bogstaver, tal og bindestreg, fx 3F.
hint-login = Små bogstaver, tal, punktum og bindestreg.
hint-municipality-code = Kommunenummer med 4 cifre, fx 0851 for Aalborg.
hint-registered-on = Kun for dagpengemodtagere. A-kassens første samtale skal holdes senest 2 uger efter denne dag. Tom: samme dag som ledig siden. For eksempel 28.08.2026.
hint-staff-org = Jobkonsulenter og ledere hører til én kommune eller én a-kasse.
hint-team = Fx "Team Unge". Rapporterne kan opdeles efter team.

invalid-bad-format = Værdien har ikke den rigtige form. Se hjælpeteksten.
invalid-blank = Udfyld feltet.
invalid-combination = Værdien passer ikke sammen med de andre felter eller er allerede brugt.
invalid-cpr = Skriv et CPR-nummer med 10 cifre, hvor de første 6 er en rigtig fødselsdato (DDMMÅÅ).
invalid-date = Skriv en rigtig dato, for eksempel 28.08.2026.
invalid-empty = Vælg mindst én.
invalid-end-before-start = Sluttidspunktet skal ligge efter starttidspunktet.
invalid-in-future = Datoen må ikke ligge i fremtiden.
invalid-in-past = Tidspunktet er passeret. Vælg et senere tidspunkt.
invalid-one-organisation = Det kan kun vises for én kommune ad gangen. Vælg en kommune.
invalid-out-of-range = Tallet er uden for det tilladte område.
invalid-required = Udfyld feltet.
invalid-too-long = Teksten er for lang. Gør den kortere.
invalid-too-many = Det giver for mange tider på én gang (højst 2.000). Vælg færre dage, kortere dage eller længere samtaler.
invalid-unknown-field = Feltet findes ikke. Se API-beskrivelsen for de felter, der kan ændres.
invalid-unknown-organisation = Den findes ikke. Vælg en kommune eller a-kasse fra listen.
invalid-unknown-value = Vælg en af de mulige værdier.

nav-admin = Administration
nav-calendar = Min kalender
nav-home = Forside
nav-chat = Chat
nav-inbox = Indbakke
nav-language = Sprog
nav-letters = Breve
nav-meetings = Mine samtaler
nav-meetings-of-citizen = Samtaler
nav-messages = Beskeder
nav-monitoring = Visitation
nav-quotas = Kontaktkrav
nav-reports = Rapporter
nav-signed-in-as = Logget ind som
nav-signout = Log ud
nav-skip = Gå til sidens indhold
nav-transfers = Flytninger
nav-worklist = Arbejdsliste

role-admin = Administrator
role-caseworker = Jobkonsulent
role-citizen = Borger
role-fund-caseworker = A-kasserådgiver
role-manager = Leder

signin-as = Log ind som
signin-busy = Rigtig mange logger ind lige nu. Vent et minut, og prøv igen.
signin-cancelled = Du afbrød log ind. Prøv igen, når du er klar.
signin-citizens = Borgere
signin-demo-intro = Dette er en demo. Vælg en bruger for at logge ind. Der er ingen adgangskoder.
signin-expired = Log ind tog for lang tid eller blev startet i et andet vindue. Prøv igen.
signin-intro = Borgere logger ind med MitID. Medarbejdere i jobcentre og a-kasser logger ind med deres arbejdskonto.
signin-none-configured = Log ind er ikke sat op endnu. Kontakt driften.
signin-not-citizen = Vi kan ikke finde dig i Jobunivers. Du bliver oprettet, når du melder dig ledig hos jobcentret eller din a-kasse. Kontakt dit jobcenter, hvis du mener, det er en fejl.
signin-not-staff = Din bruger har ikke adgang til Jobunivers. Bed din administrator om at oprette dig.
signin-refused = Vi kunne ikke bekræfte dit log ind. Prøv igen. Sker det igen, så kontakt jobcentret.
signin-staff = Medarbejdere
signin-title = Log ind
signin-unavailable = Vi kan ikke komme i kontakt med log ind-tjenesten lige nu. Prøv igen om lidt.
signin-unknown = Brugeren findes ikke. Vælg en bruger fra listen.
signin-with-mitid = Log ind med MitID
signin-with-staff = Log ind som medarbejder

target-group-activity-ready-cash-benefit = Aktivitetsparat kontanthjælp
target-group-education-benefit = Kontanthjælp (tidligere uddannelseshjælp)
target-group-insured-unemployed = Dagpengemodtager
target-group-job-ready-cash-benefit = Jobparat kontanthjælp
target-group-sickness-benefit = Sygedagpenge

track-intensive = Intensiv
track-none = Ikke visiteret
track-self-service = Selvbetjening
track-standard = Standard
nav-notices = Underretninger
conflict-notice-withdrawn = Underretningen er allerede trukket tilbage.
conflict-notice-exists = A-kassen har allerede fået besked om denne samtale.
conflict-chat-closed = Chatten er lukket, eller ingen medarbejder er ved chatten lige nu. Skriv en besked i stedet – vi svarer inden for to arbejdsdage.
conflict-chat-exists = Du har allerede en chat i gang. Fortsæt i den.
conflict-not-on-duty = Du er ikke på chat. Sæt dig på chat først.
conflict-chat-limit = Du har allerede tre chats i gang. Afslut en, før du tager den næste.
conflict-no-booking-overdue = Borgeren har ikke overskredet en frist for at booke en samtale, som I holder.
footer-contact = Kontakt
footer-privacy = Sådan behandler vi dine oplysninger
footer-accessibility = Tilgængelighedserklæring
field-cvr = CVR-nummer
field-cvr-hint = 8 cifre. Kommunens CVR-nummer står som afsender på breve til borgernes Digital Post.
field-org-phone-hint = Det nummer, borgerne ringer til. Vises på siden Kontakt.
field-phone-hours = Telefontid
field-phone-hours-hint = Fx mandag–fredag kl. 9–15
field-email = E-mail
nav-citizens = Borgere
invalid-choose = Vælg en af mulighederne.

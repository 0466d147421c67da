access-log-empty = Ingen har set dine oplysninger endnu.
access-log-intro = Her står alle gange, en medarbejder har set eller ændret dine oplysninger. Det nyeste står øverst.
access-log-questions = Har du spørgsmål til listen? Skriv til dit jobcenter.
access-log-role = Rolle
access-log-title = Hvem har set dine oplysninger
access-log-what = Hvad
access-log-when = Hvornår
access-log-who = Hvem

audit-access-log-read = Så denne oversigt
audit-available-slots-read = Så hvilke tider du kan booke
audit-citizen-created = Oprettede dig i Jobunivers
audit-citizen-listed = Så dit navn i en liste over borgere
audit-citizen-read = Så dine oplysninger
audit-citizen-updated = Ændrede dine oplysninger
audit-contact-plan-read = Så din plan for samtaler
audit-exemption-decided = Ændrede hvor mange samtaler du skal have
audit-inbox-listed = Så at du venter på svar på en besked
audit-letter-listed = Så dit navn på listen over breve, der skal udskrives
audit-letter-printed = Udskrev et brev til dig
audit-survey-recorded = Skrev dine svar på spørgeskemaet ind
audit-chat-queue-listed = Så, at du ventede på en chat
audit-digital-post-addressed = Brugte dit CPR-nummer til at sende et brev til din Digital Post
audit-letter-read = Åbnede et brev til dig
audit-meeting-booked = Bookede en samtale for dig
audit-meeting-cancelled = Aflyste en af dine samtaler
audit-meeting-moved = Flyttede en af dine samtaler
audit-meeting-outcome = Registrerede om en samtale blev holdt
audit-meetings-read = Så dine samtaler
audit-message-written = Skrev en besked til dig
audit-messages-read = Så dine beskeder
audit-notice-sent = Sendte dig en e-mail, en sms eller et brev
audit-screening-read = Så dine svar om din situation
audit-screening-submitted = Udfyldte spørgsmålene om din situation for dig
audit-transfer-accepted = Flyttede din sag til den kommune, du er flyttet til
audit-transfer-declined = Afviste at flytte din sag til en anden kommune
audit-transfer-requested = Bad om at overtage din sag, fordi du er flyttet til kommunen
audit-video-joined = Deltog i et videomøde med dig
audit-visitation-decided = Besluttede hvor meget støtte du får
audit-visitation-read = Så beslutningen om din støtte
audit-worklist-listed = Så dit navn på en liste over borgere der skal følges op på

citizen-access-log-link = Se hvem der har set dine oplysninger
citizen-intro = Her kan du se, hvad jobcentret har registreret om dig.
citizen-title = Dine oplysninger

support-answer = Svar på spørgsmål om din situation
support-decided-by = Besluttet af
support-none = Jobcentret har endnu ikke besluttet, hvilken støtte du får.
support-own-view = Din egen vurdering
support-own-view-hint = Skriv, hvad du selv mener om beslutningen. Din jobkonsulent kan se det.
support-reason = Jobcentrets begrundelse
support-save-view = Gem din vurdering
support-title = Din støtte

survey-back = Tilbage til din side
survey-closed = Spørgeskemaet er lukket, fordi samtalen er mere end 30 dage gammel. Tak fordi du ville svare.
survey-intro = Det tager to minutter. Dine svar er anonyme: din jobkonsulent ser dem aldrig, og vi viser kun tal for grupper på mindst fem personer.
survey-q-callback = Ring mig op
survey-q-channel-fit = Kontaktformen
survey-q-comment = Kommentar
survey-q-helpful = Hjalp samtalen
survey-q-more-remote = Telefon eller video
survey-q-personal = Personlig
survey-q-satisfaction = Tilfredshed
survey-send = Send svar
survey-thanks = Tak for dit svar. Det hjælper os med at gøre samtalerne bedre.
survey-title = Hvordan gik din samtale?
survey-waiting = Fortæl os, hvordan din samtale gik

survey-question-callback = Vil du gerne ringes op af din jobkonsulent?
survey-question-channel-fit = Passede kontaktformen (fremmøde, telefon, video eller chat) til det, I skulle tale om?
survey-question-comment = Er der andet, du vil fortælle os? (frivilligt)
survey-question-helpful = Samtalen hjalp mig i min situation.
survey-question-more-remote = Vil du gerne have flere af dine samtaler over telefon eller video?
survey-question-personal = Var samtalen lige så personlig, som du er vant til?
survey-question-satisfaction = Hvor tilfreds var du med samtalen?

## The answers each question offers; $value is the stable value of the API.
survey-options-callback = { $value ->
        [yes] Ja
       *[no] Nej
    }
survey-options-channel-fit = { $value ->
        [1] Slet ikke
        [2] I lav grad
        [3] I nogen grad
        [4] I høj grad
       *[5] I meget høj grad
    }
survey-options-helpful = { $value ->
        [1] Helt uenig
        [2] Uenig
        [3] Hverken enig eller uenig
        [4] Enig
       *[5] Helt enig
    }
survey-options-more-remote = { $value ->
        [1] Nej, slet ikke
        [2] Helst ikke
        [3] Det er lige meget
        [4] Gerne
       *[5] Meget gerne
    }
survey-options-personal = { $value ->
        [more] Mere personlig
        [same] Lige så personlig
       *[less] Mindre personlig
    }
survey-options-satisfaction = { $value ->
        [1] Meget utilfreds
        [2] Utilfreds
        [3] Hverken eller
        [4] Tilfreds
       *[5] Meget tilfreds
    }
survey-about-day = { $kind ->
    [chat] Om din chat { $day }
   *[meeting] Om din samtale { $day }
}
survey-about-meeting = { $kind ->
    [chat] Om din chat { $day } med { $staff }
   *[meeting] Om din samtale { $day } med { $staff }
}
audit-absence-decided = Tog stilling til dit afbud til en indkaldelse
audit-availability-notice-sent = Gav din a-kasse eller kommunens ydelseskontor besked om, at du ikke kom til en samtale
audit-availability-notice-listed = Så beskeden om, at du ikke kom til en samtale
audit-availability-notice-withdrawn = Trak beskeden om, at du ikke kom til en samtale, tilbage
audit-call-ins-exported = Sendte dine indkaldelser til den fælles statslige database (Det Fælles Datagrundlag)
contact-title = Kontakt
contact-intro = Her kan du se, hvordan du kontakter jobcentrene og a-kasserne. Du kan altid ringe i telefontiden. Er du logget ind, kan du også skrive til os under Beskeder.
contact-kind-jobcentre = jobcenter
contact-kind-fund = a-kasse
contact-yours = dit
contact-phone = Telefon
contact-email = E-mail
contact-none = Vi har ikke fået et nummer endnu. Ring til din kommune.
contact-secure = Skriv ikke dit CPR-nummer eller oplysninger om dit helbred i en almindelig e-mail. Log ind og skriv under Beskeder, så er det sikkert.
privacy-title = Sådan behandler vi dine oplysninger
privacy-intro = Jobunivers er det system, hvor dit jobcenter, din a-kasse og du holder styr på dine samtaler. Her kan du læse, hvilke oplysninger om dig der er i systemet, og hvad du har ret til.
privacy-who-heading = Hvem er ansvarlig
privacy-who = Din kommune (jobcentret) er ansvarlig for oplysningerne i din sag. Er du medlem af en a-kasse, er a-kassen ansvarlig for det, den selv skriver. Du finder deres telefon og e-mail på siden
privacy-what-heading = Hvilke oplysninger vi har
privacy-what = Dit navn, din fødselsdato og en del af dit CPR-nummer. Hele CPR-nummeret gemmer vi kun krypteret, så vi kan sende breve til din Digital Post. Medarbejdere ser det aldrig. Din kommune og din a-kasse. Dit telefonnummer og din e-mail, hvis du har givet os dem. Dine samtaler og dine beskeder. Dine svar på spørgsmål om din situation. De kan handle om dit helbred. Og hvad der er besluttet i din sag.
privacy-why-heading = Hvorfor vi har dem
privacy-why = Vi bruger oplysningerne til at hjælpe dig i job og til at holde de samtaler, som loven om en aktiv beskæftigelsesindsats kræver. Vi må det efter databeskyttelsesforordningen, artikel 6, stk. 1, litra e. For oplysninger om dit helbred gælder artikel 9, stk. 2, litra b.
privacy-who-sees-heading = Hvem kan se dem
privacy-who-sees = Kun de medarbejdere i dit jobcenter og din a-kasse, som arbejder med din sag. Hver gang en medarbejder ser dine oplysninger, bliver det gemt. Du kan selv se hvem og hvornår under
privacy-access-log = Hvem har set mine oplysninger
privacy-how-long-heading = Hvor længe vi gemmer dem
privacy-how-long = Så længe din sag er åben. Bagefter gælder arkivloven. Oplysninger, som ikke skal gemmes for eftertiden, bliver slettet, når de ikke længere har betydning for din sag eller for en klage. Nogle sager skal gemmes og bliver sendt til et offentligt arkiv. Det er Rigsarkivets regler, der afgør hvilke. Din kommune kan fortælle dig, hvad det betyder for din sag.
privacy-dpo-heading = Databeskyttelsesrådgiver
privacy-dpo = Alle kommuner har en databeskyttelsesrådgiver. Du kan skrive til rådgiveren, hvis du har spørgsmål om, hvordan vi behandler dine oplysninger.
privacy-dpo-none = Ikke oplyst. Kontakt organisationen.
privacy-rights-heading = Dine rettigheder
privacy-rights = Du har ret til at se de oplysninger, vi har om dig. Du har ret til at få rettet forkerte oplysninger. Du kan også bede os om at begrænse, hvad vi bruger dem til, eller gøre indsigelse. Kontakt din kommune eller din a-kasse. Er du ikke tilfreds med svaret, kan du klage til Datatilsynet på datatilsynet.dk.
privacy-cookies-heading = Cookies
privacy-cookies = Vi bruger kun de cookies, som siden skal bruge for at virke: at du er logget ind, og hvilket sprog du har valgt. Vi bruger ingen cookies til statistik eller reklame.
a11y-title = Tilgængelighed
a11y-intro = Jobunivers skal kunne bruges af alle. Siderne skal leve op til WCAG 2.1 på niveau AA, som loven om webtilgængelighed kræver.
a11y-statement-link = Læs tilgængelighedserklæringen
a11y-statement-missing = Den myndighed, der driver Jobunivers, offentliggør tilgængelighedserklæringen i Digitaliseringsstyrelsens WAS-Tool. Her er det, vi selv ved om siderne.
a11y-tested-heading = Sådan tester vi
a11y-tested = Hver ændring bliver testet automatisk i en browser. Alle sider bliver tjekket med værktøjet axe mod WCAG 2.1 AA. Alle sider virker uden JavaScript og kun med tastatur. Teksten er skrevet i et enkelt sprog.
a11y-known-heading = Det virker ikke endnu
a11y-known-live = Chat og video kræver JavaScript. Uden JavaScript kan du skrive til os under Beskeder eller ringe.
a11y-known-pdf = Breve og rapporter som PDF er lavet, så en skærmlæser kan læse dem i den rigtige rækkefølge (PDF/UA). De er endnu ikke kontrolleret med et særligt værktøj til det. Alt i brevet står også på siden med din samtale.
a11y-problem-heading = Har du problemer med siden?
a11y-problem = Skriv eller ring, og fortæl os, hvad der ikke virker. Så hjælper vi dig på en anden måde.
## The next step first on the citizen's home (issue 20 item 3).
home-book-title = Book din næste samtale
home-next-open = Se samtalen
home-next-title = Din næste samtale
## "Mine oplysninger" (issue 19 item 6): the citizen's own details, also kept by staff.
details-title = Mine oplysninger
details-staff-title = Kontakt og behov for { $name }
details-intro = Her kan du rette, hvordan vi kontakter dig, og hvad du har brug for til dine samtaler.
details-saved = Oplysningerne er gemt.
details-back = Tilbage til borgeren
details-contact-heading = Telefon og e-mail
details-phone-hint = Til samtaler i telefonen og sms om samtaler. For eksempel 12 34 56 78.
details-address-heading = Postadresse
details-address-intro = Breve på papir bliver sendt hertil.
details-street = Vej, husnummer, etage og dør
details-street-hint = For eksempel Vesterbro 14, 2. tv.
details-postcode = Postnummer
details-postcode-hint = 4 cifre, fx 9000.
details-town = By
details-letters = Hvordan skal breve sendes?
details-letters-digital = Med Digital Post (e-Boks eller mit.dk)
details-letters-paper = På papir, fordi der er fritagelse for Digital Post
details-letters-hint = Fritagelse for Digital Post får man ved at møde op i Borgerservice i sin kommune. Kommunen beslutter det.
details-meetings-heading = Samtaler
details-in-person = Alle samtaler skal holdes ved personligt fremmøde
details-in-person-hint = Ellers vælger man telefon, video eller fremmøde, hver gang en samtale bookes.
details-needs-heading = Behov til samtalerne
details-interpreter = Tolk
details-interpreter-hint = Vælg sproget, hvis der skal være en tolk ved samtalerne.
details-interpreter-none = Ingen tolk
details-step-free = Har brug for adgang uden trin, fx med kørestol eller rollator
details-save = Gem oplysningerne
details-edit = Ret mine oplysninger
language-ar = Arabisk
language-bs = Bosnisk, kroatisk eller serbisk
language-de = Tysk
language-en = Engelsk
language-es = Spansk
language-fa = Farsi eller dari
language-fr = Fransk
language-it = Italiensk
language-ku = Kurdisk
language-lt = Litauisk
language-lv = Lettisk
language-pl = Polsk
language-ps = Pashto
language-pt = Portugisisk
language-ro = Rumænsk
language-ru = Russisk
language-so = Somali
language-sq = Albansk
language-th = Thai
language-ti = Tigrinya
language-tr = Tyrkisk
language-uk = Ukrainsk
language-ur = Urdu
language-vi = Vietnamesisk
language-unknown = Et andet sprog
## The survey by the paper letter's code, without signing in (issue 19 item 5).
survey-code-title = Svar på spørgeskema
survey-code-intro = Har du fået et brev om et spørgeskema efter din samtale? Skriv koden fra brevet. Du skal ikke logge ind.
survey-code-field = Kode fra brevet
survey-code-hint = 12 tegn, fx 7K2M-Q9XD-4HNB.
survey-code-open = Åbn spørgeskemaet
survey-code-required = Skriv koden fra brevet.
survey-code-unknown = Vi kan ikke finde et spørgeskema med den kode. Tjek koden i brevet.
home-chat-open = Chat med en medarbejder nu – chatten er åben til kl. { $closes }.
home-chat-queued = Du er nummer { $position } i køen til chatten.
home-chat-with = Du chatter med { $name }.
home-chat-unstaffed = Ingen medarbejder er ved chatten lige nu. Skriv en besked – vi svarer inden for to arbejdsdage.
home-chat-closed = Chatten er lukket. Den åbner igen { $opens }. Skriv en besked – vi svarer inden for to arbejdsdage.
home-chat-none = Skriv en besked – vi svarer inden for to arbejdsdage.
home-chat-go = Gå til chatten

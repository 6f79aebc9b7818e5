<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name></name>
    <message>
        <source>Help from %n sector(s), and no approved common plan yet.</source>
        <translation type="vanished">Hjælp fra %n sektorer, men endnu ingen godkendt fælles plan.</translation>
    </message>
    <message>
        <source>The follow-up was due on %1.</source>
        <translation type="vanished">Fristen for opfølgning var %1.</translation>
    </message>
    <message>
        <source>No consent to share information is recorded for %1.</source>
        <translation type="vanished">Der er ikke registreret samtykke til at dele oplysninger om %1.</translation>
    </message>
    <message>
        <source>%1 turns 18 on %2 and has no transition track.</source>
        <translation type="vanished">%1 fylder 18 år den %2 og har intet overgangsforløb.</translation>
    </message>
    <message>
        <source>%1 for %2 ends on %3 and nothing follows it.</source>
        <translation type="vanished">%1 for %2 slutter den %3, og der er ikke planlagt noget efter.</translation>
    </message>
    <message>
        <source>%n intervention(s) not checked against the source system for a long time.</source>
        <translation type="vanished">Indsatser, der ikke er tjekket mod kildesystemet i lang tid: %n.</translation>
    </message>
    <message>
        <source>The coordinator has %1 open cases; the limit is %2.</source>
        <translation type="vanished">Koordinatoren har %1 åbne sager. Grænsen er %2.</translation>
    </message>
    <message>
        <source>Which name is right?</source>
        <translation type="vanished">Hvilket navn er rigtigt?</translation>
    </message>
    <message>
        <source>This CPR number is already registered as %1. You typed %2.</source>
        <translation type="vanished">Dette CPR-nummer er allerede registreret som %1. Du skrev %2.</translation>
    </message>
    <message>
        <source>Keep the registered name, or correct it to the one you typed (everywhere the person appears)?</source>
        <translation type="vanished">Behold det registrerede navn, eller ret det til det, du skrev (alle steder, personen optræder)?</translation>
    </message>
    <message>
        <source>Keep %1</source>
        <translation type="vanished">Behold %1</translation>
    </message>
    <message>
        <source>Use %1</source>
        <translation type="vanished">Brug %1</translation>
    </message>
</context>
<context>
    <name>AbsenceDialog</name>
    <message>
        <location filename="../../app/ui/team/absence_dialog.py" line="168"/>
        <source>Absences and deputies</source>
        <translation>Fravær og stedfortræder</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/absence_dialog.py" line="172"/>
        <source>Absences</source>
        <translation>Fravær</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/absence_dialog.py" line="173"/>
        <source>New absence…</source>
        <translation>Nyt fravær…</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/absence_dialog.py" line="175"/>
        <source>End early</source>
        <translation>Afslut før tid</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/absence_dialog.py" line="178"/>
        <source>I am back: the absence ends yesterday (or is removed if not begun)</source>
        <translation>Jeg er tilbage: fraværet slutter i går (eller slettes, hvis det ikke er begyndt)</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/absence_dialog.py" line="186"/>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/absence_dialog.py" line="214"/>
        <source>%1: %2 from %3 to %4, deputy %5</source>
        <translation>%1: %2 fra %3 til %4, stedfortræder %5</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/team/absence_dialog.py" line="222"/>
        <source>(%n case(s))</source>
        <translation>
            <numerusform>(%n sag)</numerusform>
            <numerusform>(%n sager)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/team/absence_dialog.py" line="226"/>
        <source>No absences planned.</source>
        <translation>Intet fravær planlagt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/absence_dialog.py" line="234"/>
        <location filename="../../app/ui/team/absence_dialog.py" line="240"/>
        <source>Not changed</source>
        <translation>Ikke ændret</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/absence_dialog.py" line="235"/>
        <source>A colleague changed the absence meanwhile. Look again.</source>
        <translation>En kollega har ændret fraværet imens. Se efter igen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/absence_dialog.py" line="240"/>
        <source>The database did not answer. Try again.</source>
        <translation>Databasen svarede ikke. Prøv igen.</translation>
    </message>
</context>
<context>
    <name>AccessRequestDialog</name>
    <message>
        <location filename="../../app/ui/privacy/access_request_dialog.py" line="60"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/access_request_dialog.py" line="61"/>
        <source>Journal entry</source>
        <translation>Journalnotat</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/access_request_dialog.py" line="62"/>
        <source>Meeting</source>
        <translation>Møde</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/access_request_dialog.py" line="63"/>
        <source>Consent</source>
        <translation>Samtykke</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/access_request_dialog.py" line="64"/>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/access_request_dialog.py" line="65"/>
        <source>Task</source>
        <translation>Opgave</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/access_request_dialog.py" line="66"/>
        <source>Intervention</source>
        <translation>Indsats</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/access_request_dialog.py" line="80"/>
        <source>Access request</source>
        <translation>Aktindsigt</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/access_request_dialog.py" line="91"/>
        <source>Everything Koordinator holds about a person, in one PDF for them (forvaltningsloven § 9, GDPR article 15), with an index beside it as a CSV file. Tick what you withhold and give the reason for each; the reasons are printed in the index and kept in the audit log.</source>
        <translation>Alt, hvad Koordinator har om en person, samlet i én PDF til personen (forvaltningslovens § 9 og databeskyttelsesforordningens artikel 15), med en oversigt ved siden af som CSV-fil. Sæt flueben ved det, du undtager, og skriv begrundelsen for hvert punkt. Begrundelserne står i oversigten og gemmes i revisionsloggen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/access_request_dialog.py" line="101"/>
        <source>A CPR number…</source>
        <translation>Et CPR-nummer …</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/access_request_dialog.py" line="104"/>
        <source>DDMMYY-SSSS</source>
        <translation>DDMMÅÅ-XXXX</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/access_request_dialog.py" line="108"/>
        <source>Find</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/access_request_dialog.py" line="116"/>
        <source>Items in the access request</source>
        <translation>Dele af aktindsigten</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/access_request_dialog.py" line="119"/>
        <source>Withhold</source>
        <translation>Undtag</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/access_request_dialog.py" line="120"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/access_request_dialog.py" line="121"/>
        <source>Case</source>
        <translation>Sag</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/access_request_dialog.py" line="122"/>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/access_request_dialog.py" line="123"/>
        <source>What</source>
        <translation>Indhold</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/access_request_dialog.py" line="124"/>
        <source>Reason</source>
        <translation>Begrundelse</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/access_request_dialog.py" line="140"/>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/access_request_dialog.py" line="141"/>
        <source>Save PDF…</source>
        <translation>Gem PDF …</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/access_request_dialog.py" line="149"/>
        <source>Person:</source>
        <translation>Person:</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/access_request_dialog.py" line="217"/>
        <source>Type the person&apos;s CPR number.</source>
        <translation>Skriv personens CPR-nummer.</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/access_request_dialog.py" line="274"/>
        <source>%1: %2 items in %3 case(s); %4 withheld.</source>
        <translation>%1: %2 punkter i %3 sag(er); %4 undtaget.</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/access_request_dialog.py" line="317"/>
        <source>Give the reason for each item you withhold (row %1).</source>
        <translation>Skriv begrundelsen for hvert punkt, du undtager (række %1).</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/access_request_dialog.py" line="326"/>
        <source>Save the access request</source>
        <translation>Gem aktindsigten</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/access_request_dialog.py" line="356"/>
        <source>Saved: %1 and its index %2</source>
        <translation>Gemt: %1 og oversigten %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/access_request_dialog.py" line="366"/>
        <source>Not saved</source>
        <translation>Ikke gemt</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/access_request_dialog.py" line="367"/>
        <source>The files could not be saved there, so nothing was saved: %1</source>
        <translation>Filerne kunne ikke gemmes der, så intet blev gemt: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/access_request_dialog.py" line="373"/>
        <source>The database did not answer. Try again.</source>
        <translation>Databasen svarede ikke. Prøv igen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/access_request_dialog.py" line="380"/>
        <source>This is not a CPR number. Write it as DDMMYY-SSSS.</source>
        <translation>Det er ikke et CPR-nummer. Skriv det som DDMMÅÅ-XXXX.</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/access_request_dialog.py" line="382"/>
        <source>No person with CPR number %1 is within your reach.</source>
        <translation>Der er ingen person med CPR-nummer %1 i de sager, du har adgang til.</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/access_request_dialog.py" line="384"/>
        <source>The person is no longer in the database.</source>
        <translation>Personen findes ikke længere i databasen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/access_request_dialog.py" line="385"/>
        <source>The access request could not be made: %1</source>
        <translation>Aktindsigten kunne ikke laves: %1</translation>
    </message>
</context>
<context>
    <name>AgreementModel</name>
    <message>
        <location filename="../../app/ui/plan/plan_models.py" line="274"/>
        <source>What</source>
        <translation>Hvad</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_models.py" line="274"/>
        <source>Who</source>
        <translation>Hvem</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_models.py" line="274"/>
        <source>By when</source>
        <translation>Hvornår</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_models.py" line="274"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_models.py" line="279"/>
        <source>(choose)</source>
        <translation>(vælg)</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_models.py" line="288"/>
        <source>%1 (coordinator)</source>
        <translation>%1 (koordinator)</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_models.py" line="292"/>
        <source>%1 (partner caseworker)</source>
        <translation>%1 (makker)</translation>
    </message>
</context>
<context>
    <name>AgreementsTab</name>
    <message>
        <location filename="../../app/ui/plan/agreements_tab.py" line="31"/>
        <source>Agreements</source>
        <translation>Aftaler</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/agreements_tab.py" line="47"/>
        <source>New agreement</source>
        <translation>Ny aftale</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/agreements_tab.py" line="49"/>
        <source>Remove agreement</source>
        <translation>Fjern aftale</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/agreements_tab.py" line="53"/>
        <source>Create task…</source>
        <translation>Opret opgave…</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/agreements_tab.py" line="55"/>
        <source>Make the chosen agreement a task, with its words and date</source>
        <translation>Gør den valgte aftale til en opgave med samme tekst og dato</translation>
    </message>
</context>
<context>
    <name>ApproveDialog</name>
    <message>
        <location filename="../../app/ui/plan/plan_dialogs.py" line="239"/>
        <source>Approve the plan at a meeting</source>
        <translation>Godkend planen på et møde</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_dialogs.py" line="247"/>
        <source>(no meeting recorded)</source>
        <translation>(intet møde registreret)</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_dialogs.py" line="259"/>
        <source>Meeting</source>
        <translation>Møde</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_dialogs.py" line="260"/>
        <source>Approved on</source>
        <translation>Godkendt den</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_dialogs.py" line="261"/>
        <source>Who took part</source>
        <translation>Hvem deltog</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_dialogs.py" line="262"/>
        <source>Before approval</source>
        <translation>Før godkendelse</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_dialogs.py" line="264"/>
        <source>An approved version cannot be changed. The next edit starts a new draft.</source>
        <translation>En godkendt version kan ikke ændres. Næste gang du retter i planen, starter et nyt udkast.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_dialogs.py" line="268"/>
        <source>Approve</source>
        <translation>Godkend</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_dialogs.py" line="280"/>
        <source>Checking…</source>
        <translation>Kontrollerer…</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_dialogs.py" line="307"/>
        <source>Nothing is missing.</source>
        <translation>Der mangler ikke noget.</translation>
    </message>
</context>
<context>
    <name>AuditViewer</name>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="68"/>
        <source>Audit log</source>
        <translation>Revisionslog</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="78"/>
        <source>Name or CPR number</source>
        <translation>Navn eller CPR-nummer</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="82"/>
        <source>All users</source>
        <translation>Alle brugere</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="101"/>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="181"/>
        <source>Search</source>
        <translation>Søg</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="104"/>
        <source>Check the chain</source>
        <translation>Kontrollér kæden</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="107"/>
        <source>Export CSV…</source>
        <translation>Eksportér CSV …</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="122"/>
        <source>Time</source>
        <translation>Tidspunkt</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="123"/>
        <source>User</source>
        <translation>Bruger</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="124"/>
        <source>Department</source>
        <translation>Afdeling</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="125"/>
        <source>Action</source>
        <translation>Handling</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="126"/>
        <source>Case</source>
        <translation>Sag</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="127"/>
        <source>Citizen</source>
        <translation>Borger</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="128"/>
        <source>Search term / details</source>
        <translation>Søgeord / detaljer</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="133"/>
        <source>Audit log entries</source>
        <translation>Poster i revisionsloggen</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="141"/>
        <source>Citizen:</source>
        <translation>Borger:</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="142"/>
        <source>User:</source>
        <translation>Bruger:</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="148"/>
        <source>Period:</source>
        <translation>Periode:</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="154"/>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="179"/>
        <source>Opened case</source>
        <translation>Åbnede sag</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="180"/>
        <source>Opened citizen</source>
        <translation>Åbnede borger</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="182"/>
        <source>Changed</source>
        <translation>Ændrede</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="183"/>
        <source>Created</source>
        <translation>Oprettede</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="184"/>
        <source>Deleted</source>
        <translation>Slettede</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="185"/>
        <source>Printed</source>
        <translation>Udskrev</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="186"/>
        <source>Exported</source>
        <translation>Eksporterede</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="187"/>
        <source>Showed CPR number</source>
        <translation>Viste CPR-nummer</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="188"/>
        <source>Logged in</source>
        <translation>Loggede ind</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="189"/>
        <source>Shared without consent</source>
        <translation>Delte uden samtykke</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="190"/>
        <source>Erased</source>
        <translation>Slettede efter opbevaringstid</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="196"/>
        <source>Entry %1 was changed: its hash does not match its content.</source>
        <translation>Post %1 er ændret: dens hash passer ikke til indholdet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="198"/>
        <source>Entry %1 was inserted: entry %2 links past it.</source>
        <translation>Post %1 er indsat: post %2 peger forbi den.</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="200"/>
        <source>An entry was deleted at %1: entry %2 does not link to the one before it.</source>
        <translation>En post er slettet ved %1: post %2 peger ikke på den forrige.</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="227"/>
        <source>Searching…</source>
        <translation>Søger …</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="257"/>
        <source>No citizen matches the search.</source>
        <translation>Ingen borger passer til søgningen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="261"/>
        <source>The newest %1 entries are shown; older ones match too. Narrow the period, the user or the citizen to see them — the export writes them all.</source>
        <translation>De nyeste %1 poster vises; ældre poster passer også. Afgræns perioden, brugeren eller borgeren for at se dem — eksporten skriver dem alle.</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="266"/>
        <source>%1 entries</source>
        <translation>%1 poster</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="272"/>
        <source>The audit log could not be read.</source>
        <translation>Revisionsloggen kunne ikke læses.</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="290"/>
        <source>Checking the chain…</source>
        <translation>Kontrollerer kæden …</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="299"/>
        <source>The chain is whole: %1 entries checked.</source>
        <translation>Kæden er hel: %1 poster kontrolleret.</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="303"/>
        <source>The chain is broken. %1</source>
        <translation>Kæden er brudt. %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="310"/>
        <source>The chain could not be checked.</source>
        <translation>Kæden kunne ikke kontrolleres.</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="319"/>
        <source>Export audit log</source>
        <translation>Eksportér revisionslog</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="319"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="330"/>
        <source>Exporting…</source>
        <translation>Eksporterer …</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="344"/>
        <source>The export failed.</source>
        <translation>Eksporten mislykkedes.</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/audit_viewer.py" line="336"/>
        <source>%1 entries exported.</source>
        <translation>%1 poster eksporteret.</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <location filename="../../app/ui/calendar/calendar_page.py" line="81"/>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/calendar_page.py" line="84"/>
        <source>Previous (Page Up)</source>
        <translation>Forrige (Page Up)</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/calendar_page.py" line="85"/>
        <source>Next (Page Down)</source>
        <translation>Næste (Page Down)</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/calendar_page.py" line="93"/>
        <source>Week</source>
        <translation>Uge</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/calendar_page.py" line="94"/>
        <source>Month</source>
        <translation>Måned</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/calendar_page.py" line="97"/>
        <source>Whose meetings to show</source>
        <translation>Hvis møder der vises</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/calendar_page.py" line="99"/>
        <source>My meetings</source>
        <translation>Mine møder</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/calendar_page.py" line="100"/>
        <source>My team</source>
        <translation>Mit team</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/calendar_page.py" line="101"/>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/calendar_page.py" line="102"/>
        <source>New meeting…</source>
        <translation>Nyt møde…</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/calendar_page.py" line="135"/>
        <source>Change…</source>
        <translation>Ret…</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/calendar_page.py" line="136"/>
        <source>Cancel meeting…</source>
        <translation>Aflys møde…</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/calendar_page.py" line="137"/>
        <source>Minutes…</source>
        <translation>Referat…</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/calendar_page.py" line="138"/>
        <source>Invitation…</source>
        <translation>Invitation…</translation>
    </message>
    <message>
        <source>Invitation (.ics)…</source>
        <translation type="vanished">Invitation (.ics)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/calendar_page.py" line="139"/>
        <source>Agenda (PDF)…</source>
        <translation>Dagsorden (PDF)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/calendar_page.py" line="140"/>
        <source>Agreement slip (PDF)…</source>
        <translation>Aftaleseddel (PDF)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/calendar_page.py" line="141"/>
        <source>Minutes (PDF)…</source>
        <translation>Referat (PDF)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/calendar_page.py" line="142"/>
        <source>Save as Word…</source>
        <translation>Gem som Word…</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/calendar_page.py" line="154"/>
        <source>Agenda</source>
        <translation>Dagsorden</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/calendar_page.py" line="155"/>
        <source>Agreement slip</source>
        <translation>Aftaleseddel</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/calendar_page.py" line="156"/>
        <source>Minutes</source>
        <translation>Referat</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/calendar_page.py" line="163"/>
        <source>Deadlines, next 30 days</source>
        <translation>Frister de næste 30 dage</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/calendar_page.py" line="205"/>
        <source>Open a case first: a meeting belongs to a case.</source>
        <translation>Åbn en sag først. Et møde hører altid til en sag.</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/calendar_page.py" line="277"/>
        <source>Week %1, %2 – %3</source>
        <translation>Uge %1, %2 – %3</translation>
    </message>
    <message>
        <source>No deadlines in the next 30 days.</source>
        <translation type="vanished">Ingen frister de næste 30 dage.</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/calendar_page.py" line="299"/>
        <source>The database did not answer.</source>
        <translation>Databasen svarede ikke.</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/calendar_page.py" line="345"/>
        <source>Click a meeting to see it here.</source>
        <translation>Klik på et møde for at se det her.</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/calendar_page.py" line="357"/>
        <source>Held, but no minutes yet.</source>
        <translation>Afholdt, men der er intet referat endnu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/calendar_page.py" line="417"/>
        <location filename="../../app/ui/calendar/calendar_page.py" line="421"/>
        <location filename="../../app/ui/calendar/calendar_page.py" line="426"/>
        <source>Not moved</source>
        <translation>Ikke flyttet</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/calendar_page.py" line="421"/>
        <source>Someone else changed the meeting. Look again.</source>
        <translation>En anden har ændret mødet. Se efter igen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/calendar_page.py" line="426"/>
        <location filename="../../app/ui/calendar/calendar_page.py" line="463"/>
        <location filename="../../app/ui/calendar/calendar_page.py" line="493"/>
        <location filename="../../app/ui/calendar/meeting_papers.py" line="77"/>
        <source>The database did not answer. Try again.</source>
        <translation>Databasen svarede ikke. Prøv igen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/calendar_page.py" line="438"/>
        <source>Cancel meeting</source>
        <translation>Aflys møde</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/calendar_page.py" line="440"/>
        <source>Cancel the meeting on %1? Send the cancellation (.ics) to the participants afterwards.</source>
        <translation>Vil du aflyse mødet den %1? Send bagefter aflysningen (.ics) til deltagerne.</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/calendar_page.py" line="458"/>
        <location filename="../../app/ui/calendar/calendar_page.py" line="463"/>
        <source>Not cancelled</source>
        <translation>Ikke aflyst</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/calendar_page.py" line="458"/>
        <source>The meeting was changed meanwhile. Look again.</source>
        <translation>Mødet er blevet ændret imens. Se efter igen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_papers.py" line="68"/>
        <source>Meeting gone</source>
        <translation>Mødet findes ikke længere</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_papers.py" line="69"/>
        <source>The meeting no longer exists.</source>
        <translation>Mødet findes ikke længere.</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/calendar_page.py" line="493"/>
        <location filename="../../app/ui/calendar/meeting_papers.py" line="76"/>
        <location filename="../../app/ui/calendar/meeting_papers.py" line="133"/>
        <source>Database problem</source>
        <translation>Problem med databasen</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_papers.py" line="134"/>
        <source>The database did not answer, so nothing was saved. Try again.</source>
        <translation>Databasen svarede ikke, så intet blev gemt. Prøv igen.</translation>
    </message>
    <message>
        <source>Calendar entry, not an invitation</source>
        <translation type="vanished">Kalenderaftale, ikke en invitation</translation>
    </message>
    <message>
        <source>The coordinator has no e-mail address, so the file is a plain calendar entry that cannot be sent as an invitation. Add the e-mail address to the user to send invitations.</source>
        <translation type="vanished">Koordinatoren har ingen e-mailadresse, så filen er en almindelig kalenderaftale, der ikke kan sendes som invitation. Tilføj e-mailadressen til brugeren for at sende invitationer.</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_papers.py" line="167"/>
        <source>invitation</source>
        <translation>invitationen</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_papers.py" line="174"/>
        <source>Save the invitation as an e-mail</source>
        <translation>Gem invitationen som e-mail</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_papers.py" line="175"/>
        <source>Save the invitation</source>
        <translation>Gem invitationen</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_papers.py" line="178"/>
        <source>invitation.eml</source>
        <translation>invitation.eml</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_papers.py" line="179"/>
        <source>invitation.ics</source>
        <translation>invitation.ics</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_papers.py" line="141"/>
        <source>Not saved</source>
        <translation>Ikke gemt</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_papers.py" line="142"/>
        <source>The file could not be saved there: %1</source>
        <translation>Filen kunne ikke gemmes der: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_papers.py" line="182"/>
        <source>E-mail (*.eml)</source>
        <translation>E-mail (*.eml)</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_papers.py" line="206"/>
        <source>Open the file in Outlook or Thunderbird, check it and send it.</source>
        <translation>Åbn filen i Outlook eller Thunderbird, se den igennem, og send den.</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_papers.py" line="210"/>
        <source>Open the file in Outlook or Thunderbird to send it.</source>
        <translation>Åbn filen i Outlook eller Thunderbird for at sende den.</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_papers.py" line="214"/>
        <source>No e-mail address for: %1.</source>
        <translation>Der er ingen e-mailadresse på: %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_papers.py" line="217"/>
        <source>Invitation saved</source>
        <translation>Invitationen er gemt</translation>
    </message>
    <message>
        <source>Open the file in Outlook or Thunderbird to send it. No e-mail address for: %1.</source>
        <translation type="vanished">Åbn filen i Outlook eller Thunderbird for at sende den. Der er ingen e-mailadresse på: %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_papers.py" line="240"/>
        <source>No plan yet</source>
        <translation>Ingen plan endnu</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_papers.py" line="241"/>
        <source>The case has no plan yet.</source>
        <translation>Sagen har ingen plan endnu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_papers.py" line="246"/>
        <source>agenda</source>
        <translation>dagsordenen</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_papers.py" line="287"/>
        <source>agenda.docx</source>
        <translation>dagsorden.docx</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_papers.py" line="288"/>
        <source>agreements.docx</source>
        <translation>aftaleseddel.docx</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_papers.py" line="289"/>
        <source>minutes.docx</source>
        <translation>referat.docx</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_papers.py" line="291"/>
        <source>Save as Word</source>
        <translation>Gem som Word</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_papers.py" line="292"/>
        <source>Word document (*.docx)</source>
        <translation>Word-dokument (*.docx)</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_papers.py" line="295"/>
        <source>agenda.pdf</source>
        <translation>dagsorden.pdf</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_papers.py" line="296"/>
        <source>agreements.pdf</source>
        <translation>aftaleseddel.pdf</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_papers.py" line="297"/>
        <source>minutes.pdf</source>
        <translation>referat.pdf</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_papers.py" line="300"/>
        <source>Save as PDF</source>
        <translation>Gem som PDF</translation>
    </message>
</context>
<context>
    <name>CalendarViews</name>
    <message>
        <location filename="../../app/ui/calendar/calendar_painting.py" line="82"/>
        <source>Held, but no minutes yet</source>
        <translation>Afholdt, men der er intet referat endnu</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/calendar_painting.py" line="90"/>
        <source>Cancelled</source>
        <translation>Aflyst</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/calendar_painting.py" line="92"/>
        <source>Held</source>
        <translation>Afholdt</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/calendar_painting.py" line="100"/>
        <source>Place: %1</source>
        <translation>Sted: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/calendar_painting.py" line="102"/>
        <source>Video: %1</source>
        <translation>Video: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/calendar_painting.py" line="104"/>
        <source>Participants: %1</source>
        <translation>Deltagere: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/calendar_painting.py" line="106"/>
        <source>Interpreter needed</source>
        <translation>Der skal bruges tolk</translation>
    </message>
</context>
<context>
    <name>CandidatesTab</name>
    <message>
        <location filename="../../app/ui/team/candidates_tab.py" line="50"/>
        <source>Citizens who receive help from three or more sectors, and families with four or more professionals, who have no coordinating case.</source>
        <translation>Borgere, der får hjælp fra tre eller flere sektorer, og familier med fire eller flere fagpersoner, som ikke har en koordinerende sag.</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/candidates_tab.py" line="56"/>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/candidates_tab.py" line="56"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/candidates_tab.py" line="56"/>
        <source>Why</source>
        <translation>Hvorfor</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/candidates_tab.py" line="57"/>
        <source>Candidate cases</source>
        <translation>Kandidatsager</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/candidates_tab.py" line="59"/>
        <source>Create candidate case</source>
        <translation>Opret kandidatsag</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/candidates_tab.py" line="90"/>
        <source>Family</source>
        <translation>Familie</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/team/candidates_tab.py" line="91"/>
        <source>%n professional(s)</source>
        <translation>
            <numerusform>%n fagperson</numerusform>
            <numerusform>%n fagpersoner</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/team/candidates_tab.py" line="93"/>
        <source>Citizen</source>
        <translation>Borger</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/candidates_tab.py" line="94"/>
        <source>Sectors: %1</source>
        <translation>Sektorer: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/candidates_tab.py" line="101"/>
        <source>No candidates: everyone helped by many is coordinated.</source>
        <translation>Ingen kandidater: alle, der får hjælp fra mange, har en koordinerende sag.</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/candidates_tab.py" line="110"/>
        <source>Someone created a case for them meanwhile. Nothing was stored.</source>
        <translation>En anden har oprettet en sag til dem imens. Intet blev gemt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/candidates_tab.py" line="117"/>
        <source>The database did not answer. Nothing was stored; try again.</source>
        <translation>Databasen svarede ikke. Intet blev gemt; prøv igen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/candidates_tab.py" line="146"/>
        <source>Candidate case %1 created.</source>
        <translation>Kandidatsag %1 oprettet.</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <location filename="../../app/ui/cases/case_list_model.py" line="64"/>
        <source>Case no.</source>
        <translation>Sagsnr.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_list_model.py" line="65"/>
        <source>Family or citizen</source>
        <translation>Familie eller borger</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_list_model.py" line="66"/>
        <source>CPR</source>
        <translation>CPR</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_list_model.py" line="67"/>
        <source>Coordinator</source>
        <translation>Koordinator</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_list_model.py" line="68"/>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_list_model.py" line="69"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_list_model.py" line="70"/>
        <source>Next meeting</source>
        <translation>Næste møde</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_list_model.py" line="71"/>
        <source>Follow-up due</source>
        <translation>Opfølgning senest</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_list_model.py" line="72"/>
        <source>Open agreements</source>
        <translation>Åbne aftaler</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_list_model.py" line="73"/>
        <source>Flags</source>
        <translation>Opmærksomhed</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_list_model.py" line="85"/>
        <source>Follow-up overdue</source>
        <translation>Opfølgning overskredet</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_list_model.py" line="86"/>
        <source>Turns 18 within 12 months</source>
        <translation>Fylder 18 inden et år</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_list_model.py" line="87"/>
        <source>CPR numbers are masked in lists.</source>
        <translation>CPR-numre er skjult i lister.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_list_model.py" line="94"/>
        <source>Deadline overdue</source>
        <translation>Frist overskredet</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_list_model.py" line="95"/>
        <source>Task overdue</source>
        <translation>Opgave overskredet</translation>
    </message>
</context>
<context>
    <name>CaseListPage</name>
    <message>
        <location filename="../../app/ui/cases/case_list_page.py" line="63"/>
        <source>Search cases</source>
        <translation>Søg i sager</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_list_page.py" line="65"/>
        <source>Search name, case number or CPR</source>
        <translation>Søg på navn, sagsnummer eller CPR</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_list_page.py" line="69"/>
        <source>Which cases to show</source>
        <translation>Hvilke sager der vises</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_list_page.py" line="71"/>
        <source>My cases</source>
        <translation>Mine sager</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_list_page.py" line="72"/>
        <source>All cases</source>
        <translation>Alle sager</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_list_page.py" line="74"/>
        <source>New case…</source>
        <translation>Ny sag …</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_list_page.py" line="78"/>
        <source>Show CPR number…</source>
        <translation>Vis CPR-nummer …</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_list_page.py" line="81"/>
        <source>Show the full CPR number of a person in the case (the lookup is logged)</source>
        <translation>Vis det fulde CPR-nummer for en person i sagen (opslaget logges)</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_list_page.py" line="93"/>
        <source>Cases</source>
        <translation>Sager</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_list_page.py" line="169"/>
        <source>Your caseload: %1 of %2</source>
        <translation>Din sagsbelastning: %1 af %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_list_page.py" line="175"/>
        <source>Above the team&apos;s caseload limit.</source>
        <translation>Over teamets grænse for sagsbelastning.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_list_page.py" line="182"/>
        <source>No case matches “%1”. Search by name, case number or CPR number.</source>
        <translation>Ingen sager passer på “%1”. Søg på navn, sagsnummer eller CPR-nummer.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_list_page.py" line="186"/>
        <source>You have no open cases. Show all cases, or make one with New case …</source>
        <translation>Du har ingen åbne sager. Vis alle sager, eller opret en med Ny sag …</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_list_page.py" line="188"/>
        <source>There are no cases yet. Make the first with New case …</source>
        <translation>Der er ingen sager endnu. Opret den første med Ny sag …</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/cases/case_list_page.py" line="200"/>
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n sag</numerusform>
            <numerusform>%n sager</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_list_page.py" line="264"/>
        <location filename="../../app/ui/cases/case_list_page.py" line="293"/>
        <location filename="../../app/ui/cases/case_list_page.py" line="309"/>
        <source>Show CPR number</source>
        <translation>Vis CPR-nummer</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_list_page.py" line="265"/>
        <source>Whose CPR number? Showing it is logged as a lookup.</source>
        <translation>Hvis CPR-nummer? Visningen logges som et opslag.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_list_page.py" line="293"/>
        <source>No CPR number is registered for this person.</source>
        <translation>Der er ikke registreret et CPR-nummer for denne person.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_list_page.py" line="310"/>
        <source>The database did not answer. Nothing was shown and nothing was logged.</source>
        <translation>Databasen svarede ikke. Intet blev vist, og intet blev logget.</translation>
    </message>
</context>
<context>
    <name>CaseTeamBar</name>
    <message>
        <location filename="../../app/ui/team/case_team_bar.py" line="48"/>
        <source>Edit case…</source>
        <translation>Ret sag…</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/case_team_bar.py" line="51"/>
        <source>Change coordinator, partner caseworker, model, follow-up cadence or status</source>
        <translation>Skift koordinator, makker, model, opfølgningsinterval eller status</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/case_team_bar.py" line="54"/>
        <source>Hand-over note</source>
        <translation>Overdragelsesnote</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/case_team_bar.py" line="101"/>
        <source>Handed over by %1 on %2</source>
        <translation>Overdraget af %1 den %2</translation>
    </message>
</context>
<context>
    <name>CaseloadField</name>
    <message>
        <location filename="../../app/ui/cases/caseload_field.py" line="40"/>
        <source>Why this coordinator all the same (required above the limit)</source>
        <translation>Hvorfor alligevel denne koordinator (skal udfyldes over grænsen)</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/caseload_field.py" line="75"/>
        <source>The caseloads could not be read.</source>
        <translation>Sagsbelastningen kunne ikke læses.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/caseload_field.py" line="90"/>
        <source>Caseload %1 → %2 of %3</source>
        <translation>Sagsbelastning %1 → %2 af %3</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/caseload_field.py" line="97"/>
        <source>Above the team&apos;s caseload limit: say why.</source>
        <translation>Over teamets grænse for sagsbelastning: skriv hvorfor.</translation>
    </message>
</context>
<context>
    <name>CasesBehindDialog</name>
    <message numerus="yes">
        <location filename="../../app/ui/team/cases_behind.py" line="49"/>
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n sag</numerusform>
            <numerusform>%n sager</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/team/cases_behind.py" line="51"/>
        <source>Case</source>
        <translation>Sag</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/cases_behind.py" line="52"/>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/cases_behind.py" line="53"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/cases_behind.py" line="54"/>
        <source>Coordinator</source>
        <translation>Koordinator</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/cases_behind.py" line="55"/>
        <source>Follow-up</source>
        <translation>Opfølgning</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/cases_behind.py" line="58"/>
        <source>Cases behind the figure</source>
        <translation>Sagerne bag tallet</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/cases_behind.py" line="79"/>
        <source>Open case</source>
        <translation>Åbn sag</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/cases_behind.py" line="81"/>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
</context>
<context>
    <name>CloseCaseDialog</name>
    <message>
        <location filename="../../app/ui/cases/close_case_dialog.py" line="37"/>
        <location filename="../../app/ui/cases/close_case_dialog.py" line="66"/>
        <source>Close case</source>
        <translation>Luk sag</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/close_case_dialog.py" line="45"/>
        <source>Reading the case…</source>
        <translation>Sagen indlæses …</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/close_case_dialog.py" line="59"/>
        <source>Case</source>
        <translation>Sag</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/close_case_dialog.py" line="60"/>
        <source>Reason for closing</source>
        <translation>Begrundelse for at lukke</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/close_case_dialog.py" line="61"/>
        <source>Closing date</source>
        <translation>Lukket den</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/close_case_dialog.py" line="95"/>
        <source>The retention rules could not be read: %1</source>
        <translation>Reglerne for opbevaring kunne ikke læses: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/close_case_dialog.py" line="102"/>
        <source>The case holds a placement and is kept for the archive: Koordinator never erases it</source>
        <translation>Sagen rummer en anbringelse og bevares til arkivet: Koordinator sletter den aldrig</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/close_case_dialog.py" line="108"/>
        <source>No retention period is set for %1: the case is kept until the municipality sets one</source>
        <translation>Der er ikke fastsat en opbevaringstid for %1: sagen gemmes, indtil kommunen fastsætter en</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/close_case_dialog.py" line="113"/>
        <source>The case may be erased after %1 (retention period for %2)</source>
        <translation>Sagen kan slettes efter %1 (opbevaringstid for %2)</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../../app/ui/plan/compare_dialog.py" line="54"/>
        <source>The situation now</source>
        <translation>Situationen nu</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/compare_dialog.py" line="55"/>
        <source>In our own words</source>
        <translation>Med egne ord</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/compare_dialog.py" line="56"/>
        <source>What works</source>
        <translation>Det, der virker</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/compare_dialog.py" line="57"/>
        <source>What is hard</source>
        <translation>Det, der er svært</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/compare_dialog.py" line="58"/>
        <source>The order of things</source>
        <translation>Rækkefølgen</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/compare_dialog.py" line="59"/>
        <source>How we follow up</source>
        <translation>Sådan følger vi op</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/compare_dialog.py" line="60"/>
        <source>When the plan ends</source>
        <translation>Når planen slutter</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/compare_dialog.py" line="69"/>
        <source>About %1</source>
        <translation>Om %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/compare_dialog.py" line="71"/>
        <source>Goal</source>
        <translation>Mål</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/compare_dialog.py" line="73"/>
        <source>Agreement %1</source>
        <translation>Aftale %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/compare_dialog.py" line="125"/>
        <source>(empty)</source>
        <translation>(tom)</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/compare_dialog.py" line="141"/>
        <source>No changes.</source>
        <translation>Ingen ændringer.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/compare_dialog.py" line="143"/>
        <source>The plan has no text yet.</source>
        <translation>Planen har ingen tekst endnu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/compare_dialog.py" line="153"/>
        <source>Draft (version %1)</source>
        <translation>Udkast (version %1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/compare_dialog.py" line="155"/>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/compare_dialog.py" line="157"/>
        <source>Version %1 – approved %2</source>
        <translation>Version %1 – godkendt %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/compare_dialog.py" line="202"/>
        <source>by %1</source>
        <translation>senest %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/compare_dialog.py" line="205"/>
        <source>the whole family</source>
        <translation>hele familien</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/compare_dialog.py" line="219"/>
        <source>Compare plan versions</source>
        <translation>Sammenlign versioner af planen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/plan/compare_dialog.py" line="229"/>
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n ændring</numerusform>
            <numerusform>%n ændringer</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/compare_dialog.py" line="231"/>
        <source>No changes between these versions.</source>
        <translation>Ingen ændringer mellem de to versioner.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/compare_dialog.py" line="232"/>
        <source>Show only changes</source>
        <translation>Vis kun ændringer</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/compare_dialog.py" line="242"/>
        <source>Removed words are struck through.</source>
        <translation>Ord, der er fjernet, er streget over.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/compare_dialog.py" line="243"/>
        <source>Added words are underlined.</source>
        <translation>Ord, der er tilføjet, er understreget.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/compare_dialog.py" line="275"/>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../app/ui/plan/conflict_dialog.py" line="78"/>
        <source>Someone else changed the same part of the plan</source>
        <translation>En anden har ændret den samme del af planen</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/conflict_dialog.py" line="84"/>
        <source>Someone else</source>
        <translation>En anden</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/conflict_dialog.py" line="88"/>
        <source>%1 saved the plan %2 while you were writing. You both changed the parts below: choose for each what to keep. Everything else from both of you is already combined.</source>
        <translation>%1 gemte planen %2, mens du skrev. I har begge ændret delene herunder: vælg for hver, hvad der skal blive. Alt andet fra jer begge er allerede lagt sammen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/conflict_dialog.py" line="93"/>
        <source>%1 saved the plan while you were writing. You both changed the parts below: choose for each what to keep. Everything else from both of you is already combined.</source>
        <translation>%1 gemte planen, mens du skrev. I har begge ændret delene herunder: vælg for hver, hvad der skal blive. Alt andet fra jer begge er allerede lagt sammen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/conflict_dialog.py" line="113"/>
        <source>Keep all of theirs</source>
        <translation>Behold alt deres</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/conflict_dialog.py" line="112"/>
        <source>Keep all of mine</source>
        <translation>Behold alt mit</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/conflict_dialog.py" line="123"/>
        <source>Save my choices</source>
        <translation>Gem mine valg</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/conflict_dialog.py" line="127"/>
        <source>Decide later</source>
        <translation>Vælg senere</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/conflict_dialog.py" line="131"/>
        <source>Your text stays in the editor and in a local copy, not saved, until you choose.</source>
        <translation>Din tekst bliver i editoren og i en lokal kopi, ikke gemt, indtil du vælger.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/conflict_dialog.py" line="151"/>
        <source>Saved by %1</source>
        <translation>Gemt af %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/conflict_dialog.py" line="152"/>
        <source>Yours (not saved yet)</source>
        <translation>Din (ikke gemt endnu)</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/conflict_dialog.py" line="161"/>
        <source>(removed)</source>
        <translation>(fjernet)</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/conflict_dialog.py" line="184"/>
        <source>Keep theirs</source>
        <translation>Behold deres</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/conflict_dialog.py" line="185"/>
        <source>Keep mine</source>
        <translation>Behold min</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/conflict_dialog.py" line="186"/>
        <source>Keep both</source>
        <translation>Behold begge</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/conflict_dialog.py" line="210"/>
        <source>About %1</source>
        <translation>Om %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/conflict_dialog.py" line="213"/>
        <source>Comment on the help for %1</source>
        <translation>Kommentar til hjælpen til %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/conflict_dialog.py" line="215"/>
        <source>Goal: %1</source>
        <translation>Mål: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/conflict_dialog.py" line="216"/>
        <source>Agreement: %1</source>
        <translation>Aftale: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/conflict_dialog.py" line="231"/>
        <source>by %1</source>
        <translation>af %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/conflict_dialog.py" line="233"/>
        <source>the whole family</source>
        <translation>hele familien</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/plan/conflict_dialog.py" line="272"/>
        <source>Choose for %n more part(s).</source>
        <translation>
            <numerusform>Vælg for %n del mere.</numerusform>
            <numerusform>Vælg for %n dele mere.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="141"/>
        <source>no keyring (Secret Service or KWallet) is running on this computer</source>
        <translation>der kører ingen nøglering (Secret Service eller KWallet) på denne computer</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="144"/>
        <source>the keyring on this computer did not answer</source>
        <translation>nøgleringen på denne computer svarede ikke</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="152"/>
        <source>The password cannot be remembered: %1. Koordinator asks for it each time it starts; it is never written to a file.</source>
        <translation>Adgangskoden kan ikke huskes: %1. Koordinator spørger efter den, hver gang programmet starter; den skrives aldrig i en fil.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="176"/>
        <location filename="../../app/ui/settings/connection_dialog.py" line="231"/>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="179"/>
        <source>Local database (this computer)</source>
        <translation>Lokal database (denne computer)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="181"/>
        <source>Shared database (server)</source>
        <translation>Fælles database (server)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="184"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="187"/>
        <source>e.g. koordinator-db.kommune.dk</source>
        <translation>f.eks. koordinator-db.kommune.dk</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="198"/>
        <source>Empty: your Windows login (Kerberos)</source>
        <translation>Tom: dit Windows-login (Kerberos)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="202"/>
        <source>disable – never encrypted</source>
        <translation>disable – aldrig krypteret</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="203"/>
        <source>allow – encrypted only if the server insists</source>
        <translation>allow – kun krypteret, hvis serveren kræver det</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="204"/>
        <source>prefer – encrypted when the server offers it</source>
        <translation>prefer – krypteret, når serveren tilbyder det</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="205"/>
        <source>require – always encrypted</source>
        <translation>require – altid krypteret</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="206"/>
        <source>verify-ca – encrypted, certificate checked</source>
        <translation>verify-ca – krypteret, certifikatet kontrolleres</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="207"/>
        <source>verify-full – encrypted, certificate and host name checked</source>
        <translation>verify-full – krypteret, certifikat og værtsnavn kontrolleres</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="214"/>
        <source>Remember the password in the keyring</source>
        <translation>Husk adgangskoden i nøgleringen</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="221"/>
        <source>Test connection</source>
        <translation>Test forbindelsen</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="229"/>
        <source>Server (host)</source>
        <translation>Server (vært)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="230"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="232"/>
        <source>User</source>
        <translation>Bruger</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="233"/>
        <source>SSL mode</source>
        <translation>SSL-tilstand</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="234"/>
        <source>Password</source>
        <translation>Adgangskode</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="244"/>
        <source>Leave the password empty if you log in with your Windows login (Kerberos): Koordinator only asks for a password when the server wants one. The chosen database is used the next time you start Koordinator.</source>
        <translation>Lad adgangskoden stå tom, hvis du logger ind med dit Windows-login (Kerberos): Koordinator spørger kun efter en adgangskode, når serveren vil have en. Den valgte database bruges, næste gang du starter Koordinator.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="256"/>
        <source>Save</source>
        <translation>Gem</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="257"/>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="327"/>
        <source>Set by IT for this computer</source>
        <translation>Sat af IT for denne computer</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="338"/>
        <source>Kept in the keyring – type a new one to change it</source>
        <translation>Gemt i nøgleringen – skriv en ny for at ændre den</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="367"/>
        <source>Must be filled in.</source>
        <translation>Skal udfyldes.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="377"/>
        <source>The server wants a password: type it in the password field.</source>
        <translation>Serveren vil have en adgangskode: skriv den i feltet Adgangskode.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="379"/>
        <source>The password or the user name is wrong.</source>
        <translation>Adgangskoden eller brugernavnet er forkert.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="381"/>
        <source>The server cannot be reached. Check the host name and the port, and that you are on the municipality&apos;s network.</source>
        <translation>Serveren kan ikke nås. Tjek værtsnavnet og porten, og at du er på kommunens netværk.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="384"/>
        <source>The database does not exist on the server. Check its name.</source>
        <translation>Databasen findes ikke på serveren. Tjek navnet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="385"/>
        <source>The server does not know this user.</source>
        <translation>Serveren kender ikke denne bruger.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="387"/>
        <source>The server does not let this user in from this computer. Ask the IT department.</source>
        <translation>Serveren lukker ikke denne bruger ind fra denne computer. Spørg IT-afdelingen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="390"/>
        <source>This user may not use this database: it is not a Koordinator user here. Ask the IT department to add you.</source>
        <translation>Brugeren må ikke bruge denne database: den er ikke Koordinator-bruger her. Bed IT-afdelingen om at oprette dig.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="394"/>
        <source>The server requires an encrypted connection: choose the SSL mode “require”.</source>
        <translation>Serveren kræver en krypteret forbindelse: vælg SSL-tilstanden “require”.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="397"/>
        <source>The server does not offer an encrypted connection (SSL), but the chosen SSL mode requires one.</source>
        <translation>Serveren tilbyder ikke en krypteret forbindelse (SSL), men den valgte SSL-tilstand kræver en.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="401"/>
        <source>The server&apos;s certificate could not be verified. Ask the IT department for the certificate, or choose the SSL mode “require”.</source>
        <translation>Serverens certifikat kunne ikke kontrolleres. Bed IT-afdelingen om certifikatet, eller vælg SSL-tilstanden “require”.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="405"/>
        <source>The Windows login (Kerberos) was not accepted. Log in to the municipality&apos;s network, or give a user name and password.</source>
        <translation>Windows-login (Kerberos) blev ikke godtaget. Log ind på kommunens netværk, eller angiv brugernavn og adgangskode.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="409"/>
        <source>Nothing answers at that host and port. Check that the server is running and that the host name and port are right.</source>
        <translation>Intet svarer på den vært og port. Kontrollér, at serveren kører, og at værtsnavn og port er rigtige.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="413"/>
        <source>The server&apos;s host name could not be found. Check its spelling and that you are on the municipality&apos;s network.</source>
        <translation>Serverens værtsnavn kunne ikke findes. Kontrollér stavningen, og at du er på kommunens netværk.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="417"/>
        <source>The SSL mode is not valid: choose disable, prefer, require, verify-ca or verify-full.</source>
        <translation>SSL-tilstanden er ikke gyldig: vælg disable, prefer, require, verify-ca eller verify-full.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="419"/>
        <source>A connection setting is not valid. Check the port.</source>
        <translation>En forbindelsesindstilling er ikke gyldig. Kontrollér porten.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="420"/>
        <source>The server refused the connection.</source>
        <translation>Serveren afviste forbindelsen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="434"/>
        <source>Connecting …</source>
        <translation>Forbinder …</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="448"/>
        <source>The connection works.</source>
        <translation>Forbindelsen virker.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="489"/>
        <source>The password could not be kept in the keyring: %1. Untick the box to save without it.</source>
        <translation>Adgangskoden kunne ikke gemmes i nøgleringen: %1. Fjern fluebenet for at gemme uden den.</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <location filename="../../app/ui/family/consent_dialog.py" line="85"/>
        <source>Record consent</source>
        <translation>Registrér samtykke</translation>
    </message>
    <message>
        <source>e.g. school, PPR, job centre, child psychiatry</source>
        <translation type="vanished">fx skole, PPR, jobcenter, børne- og ungdomspsykiatri</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/consent_dialog.py" line="143"/>
        <source>Expires</source>
        <translation>Udløber</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/consent_dialog.py" line="144"/>
        <source>Whose information</source>
        <translation>Oplysninger om</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/consent_dialog.py" line="145"/>
        <source>Given by</source>
        <translation>Givet af</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/consent_dialog.py" line="146"/>
        <source>As</source>
        <translation>Som</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/consent_dialog.py" line="152"/>
        <source>Form</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Shared with</source>
        <translation type="vanished">Deles med</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/consent_dialog.py" line="43"/>
        <source>The common plan</source>
        <translation>Den fælles plan</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/consent_dialog.py" line="44"/>
        <source>Social services</source>
        <translation>Socialforvaltningen</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/consent_dialog.py" line="45"/>
        <source>Health</source>
        <translation>Sundhed</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/consent_dialog.py" line="46"/>
        <source>School and day care</source>
        <translation>Skole og dagtilbud</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/consent_dialog.py" line="47"/>
        <source>Job centre and benefits</source>
        <translation>Jobcenter og ydelser</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/consent_dialog.py" line="48"/>
        <source>Family relations</source>
        <translation>Familieforhold</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/consent_dialog.py" line="127"/>
        <source>e.g. the common plan for the family</source>
        <translation>f.eks. den fælles plan for familien</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/consent_dialog.py" line="131"/>
        <source>No file attached</source>
        <translation>Ingen fil vedhæftet</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/consent_dialog.py" line="132"/>
        <source>Print form to sign…</source>
        <translation>Udskriv til underskrift…</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/consent_dialog.py" line="135"/>
        <source>Attach signed form…</source>
        <translation>Vedhæft underskrevet erklæring …</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/consent_dialog.py" line="147"/>
        <source>The mandate covers</source>
        <translation>Fuldmagten dækker</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/consent_dialog.py" line="148"/>
        <source>The consent lets us</source>
        <translation>Samtykket giver lov til at</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/consent_dialog.py" line="149"/>
        <source>Information</source>
        <translation>Oplysninger</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/consent_dialog.py" line="150"/>
        <source>From or to whom</source>
        <translation>Fra eller til hvem</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/consent_dialog.py" line="151"/>
        <source>Purpose</source>
        <translation>Formål</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/consent_dialog.py" line="153"/>
        <source>Signed form</source>
        <translation>Underskrevet erklæring</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/consent_dialog.py" line="154"/>
        <source>Given on</source>
        <translation>Givet den</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/consent_dialog.py" line="155"/>
        <source>Expiry</source>
        <translation>Udløb</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/consent_dialog.py" line="220"/>
        <source>Sector: %1</source>
        <translation>Sektor: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/consent_dialog.py" line="222"/>
        <source>Organisation: %1</source>
        <translation>Organisation: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/consent_dialog.py" line="257"/>
        <source>Attach signed form</source>
        <translation>Vedhæft underskrevet erklæring</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/consent_dialog.py" line="259"/>
        <source>Documents (*.pdf *.png *.jpg *.jpeg *.tif);;All files (*)</source>
        <translation>Dokumenter (*.pdf *.png *.jpg *.jpeg *.tif);;Alle filer (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/consent_dialog.py" line="265"/>
        <source>The file could not be read</source>
        <translation>Filen kunne ikke læses</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/consent_dialog.py" line="273"/>
        <source>Save the consent form</source>
        <translation>Gem samtykkeerklæringen</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/consent_dialog.py" line="273"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/consent_dialog.py" line="306"/>
        <source>The form is saved as %1. Attach it here once it is signed.</source>
        <translation>Erklæringen er gemt som %1. Vedhæft den her, når den er underskrevet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/consent_dialog.py" line="314"/>
        <source>The form could not be saved: %1</source>
        <translation>Erklæringen kunne ikke gemmes: %1</translation>
    </message>
</context>
<context>
    <name>ConsentRegisterDialog</name>
    <message>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="64"/>
        <source>Consent register</source>
        <translation>Samtykkeregister</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="82"/>
        <source>Whose information</source>
        <translation>Hvis oplysninger</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="83"/>
        <source>Given by</source>
        <translation>Givet af</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="84"/>
        <source>Information</source>
        <translation>Oplysninger</translation>
    </message>
    <message>
        <source>Shared with</source>
        <translation type="vanished">Deles med</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="87"/>
        <source>Purpose</source>
        <translation>Formål</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="88"/>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="89"/>
        <source>In force</source>
        <translation>Gælder</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="97"/>
        <source>Record consent…</source>
        <translation>Registrér samtykke …</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="99"/>
        <source>Withdraw…</source>
        <translation>Tilbagekald …</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="101"/>
        <source>Save signed form…</source>
        <translation>Gem underskrevet erklæring …</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="79"/>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="136"/>
        <source>Consents</source>
        <translation>Samtykker</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="85"/>
        <source>Way</source>
        <translation>Retning</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="86"/>
        <source>From or to whom</source>
        <translation>Fra eller til hvem</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="122"/>
        <source>What may be passed on to each party</source>
        <translation>Hvad der må gives videre til hver part</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="123"/>
        <source>What may be collected from each party</source>
        <translation>Hvad der må hentes hos hver part</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="128"/>
        <source>Show</source>
        <translation>Vis</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="137"/>
        <source>Who may receive what</source>
        <translation>Hvem må få hvad</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="139"/>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="194"/>
        <source>Withdrawn %1</source>
        <translation>Tilbagekaldt %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="198"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="200"/>
        <source>Expired</source>
        <translation>Udløbet</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="202"/>
        <source>Not yet</source>
        <translation>Endnu ikke</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="230"/>
        <source>Covered</source>
        <translation>Dækket</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="231"/>
        <source>Partly</source>
        <translation>Delvist</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="232"/>
        <source>Not covered</source>
        <translation>Ikke dækket</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="250"/>
        <source>Today, per person and party: what may be collected from the party. Partly: only some kinds of information.</source>
        <translation>I dag, pr. person og part: hvad der må hentes hos parten. Delvist: kun nogle slags oplysninger.</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="255"/>
        <source>Today, per person and party: what may be shared. Partly: only some kinds of information.</source>
        <translation>I dag, pr. person og part: hvad der må deles. Delvist: kun nogle slags oplysninger.</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="259"/>
        <source>The case has no professionals yet.</source>
        <translation>Sagen har endnu ingen fagpersoner.</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="266"/>
        <source>Collect</source>
        <translation>Hente</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="267"/>
        <source>Pass on</source>
        <translation>Give videre</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="268"/>
        <source>Both ways</source>
        <translation>Begge veje</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="319"/>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="326"/>
        <source>Withdraw consent</source>
        <translation>Tilbagekald samtykke</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="320"/>
        <source>Why is the consent withdrawn? It stops all sharing today.</source>
        <translation>Hvorfor tilbagekaldes samtykket? Al deling stopper i dag.</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="327"/>
        <source>Withdraw the consent now? Nothing more may be shared under it from today.</source>
        <translation>Tilbagekald samtykket nu? Fra i dag må intet mere deles under det.</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="360"/>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="365"/>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="369"/>
        <source>Not withdrawn</source>
        <translation>Ikke tilbagekaldt</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="361"/>
        <source>Someone else changed the consent meanwhile. Look again.</source>
        <translation>En anden har ændret samtykket i mellemtiden. Se igen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="365"/>
        <source>The reason or the day is not valid.</source>
        <translation>Begrundelsen eller dagen er ikke gyldig.</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="174"/>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="369"/>
        <source>The store could not be reached.</source>
        <translation>Databasen kunne ikke nås.</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="397"/>
        <source>Save signed form</source>
        <translation>Gem underskrevet erklæring</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="405"/>
        <source>Not saved</source>
        <translation>Ikke gemt</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/consent_register_dialog.py" line="405"/>
        <source>The file could not be written.</source>
        <translation>Filen kunne ikke skrives.</translation>
    </message>
</context>
<context>
    <name>CprRevealDialog</name>
    <message>
        <location filename="../../app/ui/cases/case_list_page.py" line="323"/>
        <source>CPR number</source>
        <translation>CPR-nummer</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_list_page.py" line="331"/>
        <source>This lookup has been logged with your name and the time.</source>
        <translation>Dette opslag er logget med dit navn og tidspunktet.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../app/ui/common/crash_dialog.py" line="12"/>
        <source>Something went wrong</source>
        <translation>Der gik noget galt</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/crash_dialog.py" line="15"/>
        <source>Koordinator hit an unexpected error. Your open work is still in the window; save it if you can. Please send the details below to IT support. The log is here: %1</source>
        <translation>Koordinator ramte en uventet fejl. Dit åbne arbejde er stadig i vinduet; gem det, hvis du kan. Send detaljerne nedenfor til IT-support. Loggen ligger her: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/crash_dialog.py" line="25"/>
        <source>Copy details</source>
        <translation>Kopiér detaljer</translation>
    </message>
</context>
<context>
    <name>DayLines</name>
    <message>
        <location filename="../../app/ui/day/day_lines.py" line="27"/>
        <source>you coordinate</source>
        <translation>du er koordinator</translation>
    </message>
    <message>
        <location filename="../../app/ui/day/day_lines.py" line="28"/>
        <source>you are partner caseworker</source>
        <translation>du er makker</translation>
    </message>
    <message>
        <location filename="../../app/ui/day/day_lines.py" line="29"/>
        <source>you take part</source>
        <translation>du deltager</translation>
    </message>
    <message>
        <location filename="../../app/ui/day/day_lines.py" line="30"/>
        <source>you cover for a colleague</source>
        <translation>du dækker for en kollega</translation>
    </message>
    <message>
        <location filename="../../app/ui/day/day_lines.py" line="33"/>
        <source>the case</source>
        <translation>sagen</translation>
    </message>
    <message>
        <location filename="../../app/ui/day/day_lines.py" line="34"/>
        <source>the plan</source>
        <translation>planen</translation>
    </message>
    <message>
        <location filename="../../app/ui/day/day_lines.py" line="35"/>
        <source>a meeting</source>
        <translation>et møde</translation>
    </message>
    <message>
        <location filename="../../app/ui/day/day_lines.py" line="36"/>
        <source>the journal</source>
        <translation>journalen</translation>
    </message>
    <message>
        <location filename="../../app/ui/day/day_lines.py" line="37"/>
        <source>a task</source>
        <translation>en opgave</translation>
    </message>
    <message>
        <location filename="../../app/ui/day/day_lines.py" line="38"/>
        <source>a document</source>
        <translation>et dokument</translation>
    </message>
    <message>
        <location filename="../../app/ui/day/day_lines.py" line="39"/>
        <source>an intervention</source>
        <translation>en indsats</translation>
    </message>
    <message>
        <location filename="../../app/ui/day/day_lines.py" line="71"/>
        <source>overdue since %1</source>
        <translation>overskredet siden %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/day/day_lines.py" line="79"/>
        <source>(no case)</source>
        <translation>(ingen sag)</translation>
    </message>
    <message>
        <location filename="../../app/ui/day/day_lines.py" line="99"/>
        <source>you are responsible</source>
        <translation>du er ansvarlig</translation>
    </message>
    <message>
        <location filename="../../app/ui/day/day_lines.py" line="109"/>
        <source>%1 changed %2</source>
        <translation>%1 har ændret %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/day/day_lines.py" line="114"/>
        <source>(%1 changes)</source>
        <translation>(%1 ændringer)</translation>
    </message>
</context>
<context>
    <name>DayPage</name>
    <message>
        <location filename="../../app/ui/day/day_page.py" line="88"/>
        <source>Reading your day…</source>
        <translation>Henter din dag …</translation>
    </message>
    <message>
        <location filename="../../app/ui/day/day_page.py" line="96"/>
        <source>Refresh</source>
        <translation>Opdater</translation>
    </message>
    <message>
        <location filename="../../app/ui/day/day_page.py" line="104"/>
        <source>My day</source>
        <translation>Min dag</translation>
    </message>
    <message>
        <location filename="../../app/ui/day/day_page.py" line="106"/>
        <source>When</source>
        <translation>Hvornår</translation>
    </message>
    <message>
        <location filename="../../app/ui/day/day_page.py" line="106"/>
        <source>Case</source>
        <translation>Sag</translation>
    </message>
    <message>
        <location filename="../../app/ui/day/day_page.py" line="106"/>
        <source>What</source>
        <translation>Hvad</translation>
    </message>
    <message>
        <location filename="../../app/ui/day/day_page.py" line="165"/>
        <source>The database did not answer. The day is read again when it is back.</source>
        <translation>Databasen svarede ikke. Dagen hentes igen, når der er forbindelse.</translation>
    </message>
    <message>
        <location filename="../../app/ui/day/day_page.py" line="199"/>
        <source>My day – %1</source>
        <translation>Min dag – %1</translation>
    </message>
    <message>
        <source>My open cases: %1 as coordinator (limit %2), %3 as partner</source>
        <translation type="vanished">Mine åbne sager: %1 som koordinator (grænse %2), %3 som makker</translation>
    </message>
    <message>
        <location filename="../../app/ui/day/day_page.py" line="202"/>
        <source>My open cases: %1 as coordinator, %2 as partner. My caseload: %3 of %4</source>
        <translation>Mine åbne sager: %1 som koordinator, %2 som makker. Min sagsbelastning: %3 af %4</translation>
    </message>
    <message>
        <location filename="../../app/ui/day/day_page.py" line="210"/>
        <source>Above the caseload limit.</source>
        <translation>Over grænsen for antal sager.</translation>
    </message>
    <message>
        <location filename="../../app/ui/day/day_page.py" line="215"/>
        <source>Meetings today</source>
        <translation>Møder i dag</translation>
    </message>
    <message>
        <location filename="../../app/ui/day/day_page.py" line="215"/>
        <source>No meetings today.</source>
        <translation>Ingen møder i dag.</translation>
    </message>
    <message>
        <location filename="../../app/ui/day/day_page.py" line="217"/>
        <source>Meetings tomorrow</source>
        <translation>Møder i morgen</translation>
    </message>
    <message>
        <location filename="../../app/ui/day/day_page.py" line="218"/>
        <source>No meetings tomorrow.</source>
        <translation>Ingen møder i morgen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/day/day_page.py" line="222"/>
        <source>Tasks due this week</source>
        <translation>Opgaver denne uge</translation>
    </message>
    <message>
        <location filename="../../app/ui/day/day_page.py" line="222"/>
        <source>No tasks due this week.</source>
        <translation>Ingen opgaver denne uge.</translation>
    </message>
    <message>
        <location filename="../../app/ui/day/day_page.py" line="224"/>
        <source>Follow-ups and deadlines this week</source>
        <translation>Opfølgninger og frister denne uge</translation>
    </message>
    <message>
        <location filename="../../app/ui/day/day_page.py" line="225"/>
        <source>No follow-ups or deadlines this week.</source>
        <translation>Ingen opfølgninger eller frister denne uge.</translation>
    </message>
    <message>
        <location filename="../../app/ui/day/day_page.py" line="230"/>
        <source>Agreements due</source>
        <translation>Aftaler der forfalder</translation>
    </message>
    <message>
        <location filename="../../app/ui/day/day_page.py" line="231"/>
        <source>No agreements due this week.</source>
        <translation>Ingen aftaler forfalder denne uge.</translation>
    </message>
    <message>
        <location filename="../../app/ui/day/day_page.py" line="236"/>
        <source>Changed by others since you last looked</source>
        <translation>Ændret af andre siden du sidst kiggede</translation>
    </message>
    <message>
        <location filename="../../app/ui/day/day_page.py" line="237"/>
        <source>No changes by others since you last looked.</source>
        <translation>Ingen ændringer fra andre siden du sidst kiggede.</translation>
    </message>
    <message>
        <location filename="../../app/ui/day/day_page.py" line="251"/>
        <source>%1, %2 overdue</source>
        <translation>%1, %2 over tid</translation>
    </message>
</context>
<context>
    <name>DeadlineList</name>
    <message>
        <location filename="../../app/ui/calendar/deadline_list.py" line="23"/>
        <source>Overdue (%1)</source>
        <translation>Over tid (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/deadline_list.py" line="24"/>
        <source>This week (%1)</source>
        <translation>Denne uge (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/deadline_list.py" line="25"/>
        <source>Later (%1)</source>
        <translation>Senere (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/deadline_list.py" line="74"/>
        <source>No deadlines in the next 30 days.</source>
        <translation>Ingen frister de næste 30 dage.</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <location filename="../../app/ui/documents/document_dialog.py" line="62"/>
        <source>%1 kB</source>
        <translation>%1 kB</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_dialog.py" line="65"/>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_dialog.py" line="76"/>
        <source>The file is %1 MB; at most %2 MB.</source>
        <translation>Filen fylder %1 MB; højst %2 MB.</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_dialog.py" line="81"/>
        <source>The file is empty.</source>
        <translation>Filen er tom.</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_dialog.py" line="83"/>
        <source>The file could not be read. Check that it is there and that you may open it.</source>
        <translation>Filen kunne ikke læses. Tjek, at den findes, og at du har lov til at åbne den.</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_dialog.py" line="88"/>
        <source>Only PDF, Word, OpenDocument text, pictures and e-mails can be attached (%1).</source>
        <translation>Kun PDF, Word, OpenDocument-tekst, billeder og e-mails kan vedhæftes (%1).</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_dialog.py" line="92"/>
        <source>The file is not what its name says (a .%1 file), so it is not attached.</source>
        <translation>Filen er ikke det, navnet siger (en .%1-fil), så den bliver ikke vedhæftet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_dialog.py" line="100"/>
        <source>Documents (%1)</source>
        <translation>Dokumenter (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_dialog.py" line="117"/>
        <source>Change document</source>
        <translation>Ret dokument</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_dialog.py" line="117"/>
        <source>Attach document</source>
        <translation>Vedhæft dokument</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_dialog.py" line="135"/>
        <source>No file chosen</source>
        <translation>Ingen fil valgt</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_dialog.py" line="136"/>
        <source>Choose…</source>
        <translation>Vælg…</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_dialog.py" line="141"/>
        <location filename="../../app/ui/documents/document_dialog.py" line="145"/>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_dialog.py" line="155"/>
        <source>e.g. the school, the GP, the mother</source>
        <translation>fx skolen, egen læge, mor</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_dialog.py" line="165"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_dialog.py" line="166"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_dialog.py" line="167"/>
        <source>Received</source>
        <translation>Modtaget</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_dialog.py" line="168"/>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_dialog.py" line="169"/>
        <source>Concerns</source>
        <translation>Vedrører</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_dialog.py" line="175"/>
        <source>Attach</source>
        <translation>Vedhæft</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_dialog.py" line="185"/>
        <source>Attach a file</source>
        <translation>Vedhæft en fil</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_dialog.py" line="335"/>
        <source>Nobody in particular</source>
        <translation>Ingen bestemt</translation>
    </message>
</context>
<context>
    <name>DocumentPanel</name>
    <message>
        <location filename="../../app/ui/documents/document_panel.py" line="96"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_panel.py" line="97"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_panel.py" line="98"/>
        <source>Received</source>
        <translation>Modtaget</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_panel.py" line="99"/>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_panel.py" line="100"/>
        <source>Concerns</source>
        <translation>Vedrører</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_panel.py" line="101"/>
        <source>Size</source>
        <translation>Størrelse</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_panel.py" line="111"/>
        <source>No documents yet. Attach a file, or drop it here.</source>
        <translation>Ingen dokumenter endnu. Vedhæft en fil, eller træk den herind.</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_panel.py" line="114"/>
        <source>Attach…</source>
        <translation>Vedhæft…</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_panel.py" line="116"/>
        <source>Open</source>
        <translation>Åbn</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_panel.py" line="118"/>
        <source>Save copy…</source>
        <translation>Gem kopi…</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_panel.py" line="120"/>
        <source>Edit…</source>
        <translation>Ret…</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_panel.py" line="122"/>
        <source>Remove…</source>
        <translation>Fjern…</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_panel.py" line="236"/>
        <source>Attach a file</source>
        <translation>Vedhæft en fil</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_panel.py" line="258"/>
        <source>Remove document</source>
        <translation>Fjern dokument</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_panel.py" line="260"/>
        <source>Remove the document “%1” from the case? The file is deleted from the database, and this cannot be undone.</source>
        <translation>Vil du fjerne dokumentet “%1” fra sagen? Filen bliver slettet fra databasen, og det kan ikke fortrydes.</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_panel.py" line="298"/>
        <source>Open document</source>
        <translation>Åbn dokument</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_panel.py" line="299"/>
        <source>No program on this computer opens this kind of file. Use Save copy… instead.</source>
        <translation>Der er intet program på denne computer, der kan åbne denne slags fil. Brug Gem kopi… i stedet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_panel.py" line="307"/>
        <source>Save a copy of the document</source>
        <translation>Gem en kopi af dokumentet</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_panel.py" line="322"/>
        <source>A copy of the document was saved.</source>
        <translation>Kopien af dokumentet er gemt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_panel.py" line="328"/>
        <source>Changed by someone else</source>
        <translation>Ændret af en anden</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_panel.py" line="329"/>
        <source>Someone else changed or removed this document meanwhile. The list is read again.</source>
        <translation>En anden har ændret eller fjernet dokumentet i mellemtiden. Listen bliver hentet igen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_panel.py" line="334"/>
        <source>Not changed</source>
        <translation>Ikke ændret</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_panel.py" line="334"/>
        <source>The case is closed; its documents cannot be changed.</source>
        <translation>Sagen er lukket; dens dokumenter kan ikke ændres.</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_panel.py" line="341"/>
        <source>The database did not answer</source>
        <translation>Databasen svarede ikke</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_panel.py" line="342"/>
        <source>The database did not answer, so nothing was done. Try again.</source>
        <translation>Databasen svarede ikke, så der skete ikke noget. Prøv igen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_panel.py" line="348"/>
        <source>No copy</source>
        <translation>Ingen kopi</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/document_panel.py" line="349"/>
        <source>The copy could not be written there. Choose another folder, or try again.</source>
        <translation>Kopien kunne ikke gemmes der. Vælg en anden mappe, eller prøv igen.</translation>
    </message>
</context>
<context>
    <name>DraftSync</name>
    <message>
        <location filename="../../app/ui/plan/draft_sync.py" line="150"/>
        <source>Your unsaved changes are back. Saving…</source>
        <translation>Dine ikke-gemte ændringer er tilbage. Gemmer …</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/draft_sync.py" line="162"/>
        <source>Changes not saved yet…</source>
        <translation>Ændringer er ikke gemt endnu…</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/draft_sync.py" line="203"/>
        <source>Saving…</source>
        <translation>Gemmer…</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/draft_sync.py" line="249"/>
        <source>Up to date with the changes of %1.</source>
        <translation>Opdateret med %1s ændringer.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/draft_sync.py" line="251"/>
        <source>Saved %1</source>
        <translation>Gemt kl. %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/draft_sync.py" line="253"/>
        <source>your changes were combined with those of %1.</source>
        <translation>dine ændringer blev lagt sammen med %1s.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/draft_sync.py" line="277"/>
        <source>Not saved yet: you and %1 changed the same part of the plan. Your text is kept here and in a local copy until you choose.</source>
        <translation>Ikke gemt endnu: du og %1 har ændret den samme del af planen. Din tekst bevares her og i en lokal kopi, indtil du vælger.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/draft_sync.py" line="279"/>
        <source>someone else</source>
        <translation>en anden</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/draft_sync.py" line="302"/>
        <source>Someone else</source>
        <translation>En anden</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/draft_sync.py" line="304"/>
        <source>%1 approved this draft meanwhile, so it can no longer change.</source>
        <translation>%1 har godkendt dette udkast i mellemtiden, så det kan ikke længere ændres.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/draft_sync.py" line="306"/>
        <source>Someone else replaced or removed this draft meanwhile.</source>
        <translation>En anden har erstattet eller fjernet dette udkast i mellemtiden.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/draft_sync.py" line="310"/>
        <source>The case was closed or removed meanwhile, so the plan can no longer change. Your changes are kept in a local copy.</source>
        <translation>Sagen blev lukket eller fjernet imens, så planen kan ikke længere ændres. Dine ændringer er gemt i en lokal kopi.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/draft_sync.py" line="317"/>
        <source>Your changes are kept here and in a local copy, not saved. Continue them in a new draft?</source>
        <translation>Dine ændringer bevares her og i en lokal kopi, ikke gemt. Vil du fortsætte dem i et nyt udkast?</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/draft_sync.py" line="340"/>
        <source>Not saved: %1</source>
        <translation>Ikke gemt: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/draft_sync.py" line="346"/>
        <source>Not saved: the database did not answer. Your changes are kept here and in a local copy; saving is tried again soon.</source>
        <translation>Ikke gemt: databasen svarede ikke. Dine ændringer bevares her og i en lokal kopi; der prøves at gemme igen om lidt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/draft_sync.py" line="373"/>
        <source>The database answers again: saving…</source>
        <translation>Databasen svarer igen: gemmer …</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/draft_sync.py" line="383"/>
        <source>The database cannot be reached. Your changes are kept here and in a local copy, and saved as soon as it answers again.</source>
        <translation>Databasen kan ikke nås. Dine ændringer bevares her og i en lokal kopi og gemmes, så snart den svarer igen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/draft_sync.py" line="387"/>
        <source>The database cannot be reached. What you write is saved when it answers again.</source>
        <translation>Databasen kan ikke nås. Det, du skriver, gemmes, når den svarer igen.</translation>
    </message>
</context>
<context>
    <name>EcoMapView</name>
    <message>
        <location filename="../../app/ui/family/eco_map.py" line="69"/>
        <source>Eco-map of the family&apos;s network</source>
        <translation>Økokort over familiens netværk</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/eco_map.py" line="89"/>
        <source>The people in the map are listed in the table below it. Ctrl and + or - zoom, Ctrl+0 shows it all.</source>
        <translation>Personerne på kortet står i tabellen under det. Ctrl og + eller - zoomer, Ctrl+0 viser hele kortet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/eco_map.py" line="189"/>
        <source>%1, %2 years</source>
        <translation>%1, %2 år</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/eco_map.py" line="241"/>
        <source>No professionals in the network yet.</source>
        <translation>Der er endnu ingen fagpersoner i netværket.</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/eco_map.py" line="248"/>
        <source>Dashed line: in the network, no registered intervention</source>
        <translation>Stiplet linje: i netværket, men ingen registreret indsats</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/eco_map.py" line="261"/>
        <source>Phone: %1</source>
        <translation>Telefon: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/eco_map.py" line="263"/>
        <source>E-mail: %1</source>
        <translation>E-mail: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/eco_map.py" line="265"/>
        <source>In the network, no registered intervention</source>
        <translation>I netværket, men ingen registreret indsats</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/eco_map.py" line="362"/>
        <source>Could not save the network map to %1: %2</source>
        <translation>Netværkskortet kunne ikke gemmes i %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/eco_map.py" line="382"/>
        <source>Could not encode the network map as PNG.</source>
        <translation>Netværkskortet kunne ikke laves om til PNG.</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/eco_map.py" line="398"/>
        <source>Network map</source>
        <translation>Netværkskort</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/eco_map.py" line="401"/>
        <source>Network map of %1: the family and the professionals around it, by sector.</source>
        <translation>Netværkskort for %1: familien og fagpersonerne omkring den, fordelt på sektorer.</translation>
    </message>
</context>
<context>
    <name>EditCaseDialog</name>
    <message>
        <location filename="../../app/ui/team/edit_case_dialog.py" line="81"/>
        <source>Edit case</source>
        <translation>Ret sag</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/edit_case_dialog.py" line="102"/>
        <location filename="../../app/ui/team/edit_case_dialog.py" line="135"/>
        <location filename="../../app/ui/team/edit_case_dialog.py" line="262"/>
        <source> days</source>
        <translation> dage</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/edit_case_dialog.py" line="107"/>
        <source>Coordinator</source>
        <translation>Koordinator</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/edit_case_dialog.py" line="108"/>
        <source>Partner caseworker</source>
        <translation>Makker</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/edit_case_dialog.py" line="109"/>
        <source>Coordination model</source>
        <translation>Koordineringsmodel</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/edit_case_dialog.py" line="110"/>
        <source>Follow up every</source>
        <translation>Opfølgning hver</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/edit_case_dialog.py" line="111"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/edit_case_dialog.py" line="113"/>
        <source>Hand-over to the new coordinator</source>
        <translation>Overdragelse til den nye koordinator</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/edit_case_dialog.py" line="118"/>
        <source>The new coordinator reads this note first when they open the case: what is going on, what is promised to the family, and what is due.</source>
        <translation>Den nye koordinator læser denne note først, når sagen åbnes: hvad der foregår, hvad familien er lovet, og hvad der skal ske hvornår.</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/edit_case_dialog.py" line="136"/>
        <source>None</source>
        <translation>Ingen</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/edit_case_dialog.py" line="138"/>
        <source>For how many days the old team may still read the case (not change it)</source>
        <translation>Hvor mange dage det gamle team stadig må læse sagen (ikke ændre den)</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/edit_case_dialog.py" line="140"/>
        <source>The old team may still read the case for</source>
        <translation>Det gamle team må stadig læse sagen i</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/edit_case_dialog.py" line="145"/>
        <source>Reading the case…</source>
        <translation>Læser sagen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/edit_case_dialog.py" line="166"/>
        <source>Saving will</source>
        <translation>Når du gemmer, vil det</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/edit_case_dialog.py" line="167"/>
        <source>Caseload</source>
        <translation>Sagsbelastning</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/edit_case_dialog.py" line="168"/>
        <source>Reason</source>
        <translation>Begrundelse</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/edit_case_dialog.py" line="172"/>
        <source>Required when closing the case, or when the caseload goes above the limit</source>
        <translation>Skal udfyldes, når sagen lukkes, eller når sagsbelastningen kommer over grænsen</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/edit_case_dialog.py" line="209"/>
        <source>Hand-over note</source>
        <translation>Overdragelsesnote</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/edit_case_dialog.py" line="219"/>
        <location filename="../../app/ui/team/edit_case_dialog.py" line="334"/>
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/edit_case_dialog.py" line="221"/>
        <source>(the coordinator now)</source>
        <translation>(den nuværende koordinator)</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/edit_case_dialog.py" line="243"/>
        <source>%1 (as now)</source>
        <translation>%1 (som nu)</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/edit_case_dialog.py" line="245"/>
        <source>Reopen (active)</source>
        <translation>Genåbn (aktiv)</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/edit_case_dialog.py" line="260"/>
        <source> days (%1 weeks)</source>
        <translation> dage (%1 uger)</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/edit_case_dialog.py" line="292"/>
        <source>Nothing changes yet.</source>
        <translation>Intet ændres endnu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/edit_case_dialog.py" line="309"/>
        <source>What saving will do could not be read.</source>
        <translation>Det kunne ikke læses, hvad det vil ændre at gemme.</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/edit_case_dialog.py" line="329"/>
        <source> and </source>
        <translation> og </translation>
    </message>
    <message>
        <location filename="../../app/ui/team/edit_case_dialog.py" line="336"/>
        <source>move the next follow-up from %1 to %2</source>
        <translation>flytte næste opfølgning fra %1 til %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/edit_case_dialog.py" line="341"/>
        <source>let %1 reach the case</source>
        <translation>give %1 adgang til sagen</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/edit_case_dialog.py" line="345"/>
        <source>mean %1 may only read the case until %2, then no longer reaches it</source>
        <translation>betyde, at %1 kun kan læse sagen til og med %2 og derefter ikke længere når den</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/edit_case_dialog.py" line="350"/>
        <source>mean %1 no longer reaches the case</source>
        <translation>betyde, at %1 ikke længere når sagen</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/edit_case_dialog.py" line="353"/>
        <source>close the case: no retention period is set for its type, so it is kept until the municipality sets one; the case is read-only</source>
        <translation>lukke sagen: der er ikke fastsat en opbevaringstid for sagstypen, så den gemmes, indtil kommunen fastsætter en; sagen kan kun læses</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/edit_case_dialog.py" line="358"/>
        <source>close the case: it holds a placement and is kept for the archive, never erased by Koordinator; the case is read-only</source>
        <translation>lukke sagen: den rummer en anbringelse og bevares til arkivet, Koordinator sletter den aldrig; sagen kan kun læses</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/edit_case_dialog.py" line="362"/>
        <source>start the retention period (%1 years): the case is read-only</source>
        <translation>starte opbevaringsperioden (%1 år): sagen kan kun læses</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/edit_case_dialog.py" line="366"/>
        <source>start the retention period: the case is read-only</source>
        <translation>starte opbevaringsperioden: sagen kan kun læses</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/edit_case_dialog.py" line="367"/>
        <source>reopen the case and stop its retention period</source>
        <translation>genåbne sagen og stoppe dens opbevaringsperiode</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/edit_case_dialog.py" line="368"/>
        <source>pause the case: it keeps its data and still counts in the caseload</source>
        <translation>sætte sagen i bero: den beholder sine data og tæller stadig med i sagsbelastningen</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/edit_case_dialog.py" line="369"/>
        <source>make the candidate an active case that counts in the caseload</source>
        <translation>gøre kandidaten til en aktiv sag, der tæller med i sagsbelastningen</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/edit_case_dialog.py" line="376"/>
        <source>%1&apos;s caseload goes from %2 to %3 (the team&apos;s limit is %4).</source>
        <translation>%1s sagsbelastning går fra %2 til %3 (teamets grænse er %4).</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/edit_case_dialog.py" line="383"/>
        <source>That is above the limit: give a reason.</source>
        <translation>Det er over grænsen: skriv en begrundelse.</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/edit_case_dialog.py" line="488"/>
        <source>Changed by a colleague</source>
        <translation>Ændret af en kollega</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/edit_case_dialog.py" line="490"/>
        <source>A colleague changed this case after you opened it, so nothing was saved. Cancel and open the case again to see their changes.</source>
        <translation>En kollega har ændret sagen, efter du åbnede den, så intet blev gemt. Annullér og åbn sagen igen for at se ændringerne.</translation>
    </message>
</context>
<context>
    <name>EndInterventionDialog</name>
    <message>
        <location filename="../../app/ui/family/family_dialogs.py" line="445"/>
        <source>End intervention</source>
        <translation>Afslut indsats</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_dialogs.py" line="455"/>
        <source>Intervention</source>
        <translation>Indsats</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_dialogs.py" line="456"/>
        <source>Last day</source>
        <translation>Sidste dag</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_dialogs.py" line="458"/>
        <source>End</source>
        <translation>Afslut</translation>
    </message>
</context>
<context>
    <name>FamilyPage</name>
    <message>
        <location filename="../../app/ui/family/family_page.py" line="110"/>
        <source>Coordinator</source>
        <translation>Koordinator</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_page.py" line="111"/>
        <source>Partner caseworker</source>
        <translation>Makker (sagsbehandler)</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_page.py" line="112"/>
        <source>Model and status</source>
        <translation>Model og status</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_page.py" line="113"/>
        <source>Next follow-up</source>
        <translation>Næste opfølgning</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_page.py" line="114"/>
        <source>Consent register…</source>
        <translation>Samtykkeregister …</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_page.py" line="116"/>
        <source>Who has consented to what, and who may receive what</source>
        <translation>Hvem har givet samtykke til hvad, og hvem må få hvad</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_page.py" line="121"/>
        <source>Consent</source>
        <translation>Samtykke</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_page.py" line="128"/>
        <source>Needs attention</source>
        <translation>Kræver opmærksomhed</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_page.py" line="137"/>
        <source>Close case…</source>
        <translation>Luk sag …</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_page.py" line="139"/>
        <source>Close the case and start its retention period</source>
        <translation>Luk sagen, og start dens opbevaringstid</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_page.py" line="157"/>
        <source>Meeting collisions</source>
        <translation>Møder, der falder sammen</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_page.py" line="164"/>
        <source>People and interventions</source>
        <translation>Personer og indsatser</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_page.py" line="166"/>
        <source>Timeline</source>
        <translation>Tidslinje</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_page.py" line="176"/>
        <location filename="../../app/ui/family/family_page.py" line="327"/>
        <source>Week</source>
        <translation>Uge</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_page.py" line="177"/>
        <source>Network</source>
        <translation>Netværk</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_page.py" line="178"/>
        <source>Transition to adulthood</source>
        <translation>Overgang til voksenlivet</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_page.py" line="233"/>
        <source>Opening the case…</source>
        <translation>Åbner sagen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_page.py" line="306"/>
        <source>Deadline %1: %2</source>
        <translation>Frist %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_page.py" line="314"/>
        <source>Nothing needs attention right now.</source>
        <translation>Intet kræver opmærksomhed lige nu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_page.py" line="322"/>
        <source>No collisions in the family&apos;s week.</source>
        <translation>Ingen kollisioner i familiens uge.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/family/family_page.py" line="325"/>
        <source>Week (%n collision(s))</source>
        <translation>
            <numerusform>Uge (%n kollision)</numerusform>
            <numerusform>Uge (%n kollisioner)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_page.py" line="351"/>
        <source>Recorded for everyone</source>
        <translation>Registreret for alle</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_page.py" line="353"/>
        <source>None recorded</source>
        <translation>Intet registreret</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_page.py" line="354"/>
        <source>Missing for %1</source>
        <translation>Mangler for %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_page.py" line="413"/>
        <source>Remove %1 from the family?</source>
        <translation>Vil du fjerne %1 fra familien?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/family/family_page.py" line="416"/>
        <source>%n intervention(s)</source>
        <translation>
            <numerusform>%n indsats</numerusform>
            <numerusform>%n indsatser</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/family/family_page.py" line="418"/>
        <source>%n consent record(s)</source>
        <translation>
            <numerusform>%n samtykke</numerusform>
            <numerusform>%n samtykker</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_page.py" line="420"/>
        <source>the transition track</source>
        <translation>overgangsforløbet</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_page.py" line="422"/>
        <source>In this case, this also removes: %1.</source>
        <translation>I denne sag fjernes desuden: %1.</translation>
    </message>
    <message numerus="yes">
        <source>Help from %n sector(s), and no approved common plan yet.</source>
        <translation type="vanished">
            <numerusform>Hjælp fra %n sektor, men endnu ingen godkendt fælles plan.</numerusform>
            <numerusform>Hjælp fra %n sektorer, men endnu ingen godkendt fælles plan.</numerusform>
        </translation>
    </message>
    <message>
        <source>The follow-up was due on %1.</source>
        <translation type="vanished">Fristen for opfølgning var %1.</translation>
    </message>
    <message>
        <source>No consent to share information is recorded for %1.</source>
        <translation type="vanished">Der er ikke registreret samtykke til at dele oplysninger om %1.</translation>
    </message>
    <message>
        <source>%1 turned %2 on %3: review who consents to what.</source>
        <translation type="vanished">%1 fyldte %2 den %3: gennemgå, hvem der giver samtykke til hvad.</translation>
    </message>
    <message>
        <source>%1 turns 18 on %2 and has no transition track.</source>
        <translation type="vanished">%1 fylder 18 år den %2 og har intet overgangsforløb.</translation>
    </message>
    <message>
        <source>%1 for %2 ends on %3 and nothing follows it.</source>
        <translation type="vanished">%1 for %2 slutter den %3, og der er ikke planlagt noget efter.</translation>
    </message>
    <message numerus="yes">
        <source>%n intervention(s) not checked against the source system for a long time.</source>
        <translation type="vanished">
            <numerusform>%n indsats er ikke tjekket mod kildesystemet i lang tid.</numerusform>
            <numerusform>%n indsatser er ikke tjekket mod kildesystemet i lang tid.</numerusform>
        </translation>
    </message>
    <message>
        <source>The coordinator&apos;s caseload is %1; the team&apos;s limit is %2.</source>
        <translation type="vanished">Koordinatorens sagsbelastning er %1. Teamets grænse er %2.</translation>
    </message>
    <message>
        <source>The coordinator has %1 open cases; the limit is %2.</source>
        <translation type="vanished">Koordinatoren har %1 åbne sager. Grænsen er %2.</translation>
    </message>
    <message>
        <source>This also removes %1 intervention(s), %2 consent record(s) and any transition track for this person in this case.</source>
        <translation type="vanished">Det fjerner også personens indsatser (%1), samtykker (%2) og et eventuelt overgangsforløb i denne sag.</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_page.py" line="425"/>
        <source>Remove person</source>
        <translation>Fjern person</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_page.py" line="445"/>
        <location filename="../../app/ui/family/family_page.py" line="450"/>
        <source>Not removed</source>
        <translation>Ikke fjernet</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_page.py" line="451"/>
        <source>Someone else changed the family meanwhile. Look again.</source>
        <translation>En anden har ændret familien imens. Se efter igen.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="vanished">Navn</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation type="vanished">Relation</translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="vanished">Alder</translation>
    </message>
    <message>
        <source>CPR</source>
        <translation type="vanished">CPR</translation>
    </message>
    <message>
        <source>Custody</source>
        <translation type="vanished">Forældremyndighed</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_page.py" line="94"/>
        <location filename="../../app/ui/family/family_page.py" line="275"/>
        <source>Open a case in the case list to see the family here.</source>
        <translation>Åbn en sag i sagslisten for at se familien her.</translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="vanished">Medlemmer</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_page.py" line="295"/>
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="vanished">Ja</translation>
    </message>
</context>
<context>
    <name>FamilyViewLists</name>
    <message>
        <location filename="../../app/ui/family/view_lists.py" line="24"/>
        <location filename="../../app/ui/family/view_lists.py" line="78"/>
        <source>Who</source>
        <translation>Hvem</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/view_lists.py" line="25"/>
        <location filename="../../app/ui/family/view_lists.py" line="79"/>
        <source>What</source>
        <translation>Hvad</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/view_lists.py" line="26"/>
        <source>Law</source>
        <translation>Lov</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/view_lists.py" line="27"/>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/view_lists.py" line="28"/>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/view_lists.py" line="29"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/view_lists.py" line="30"/>
        <location filename="../../app/ui/family/view_lists.py" line="80"/>
        <source>Note</source>
        <translation>Bemærkning</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/view_lists.py" line="76"/>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/view_lists.py" line="77"/>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/view_lists.py" line="111"/>
        <source>The interventions over time, as a list</source>
        <translation>Indsatserne over tid, som liste</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/view_lists.py" line="114"/>
        <source>The family&apos;s weekly times, as a list</source>
        <translation>Familiens faste tider i ugen, som liste</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/view_lists.py" line="120"/>
        <source>As a list</source>
        <translation>Som liste</translation>
    </message>
    <message>
        <source>As a &amp;list</source>
        <translation type="vanished">Som &amp;liste</translation>
    </message>
</context>
<context>
    <name>FamilyWarningTexts</name>
    <message numerus="yes">
        <location filename="../../app/ui/family/warning_texts.py" line="21"/>
        <source>Help from %n sector(s), and no approved common plan yet.</source>
        <translation>
            <numerusform>Hjælp fra %n sektor, men endnu ingen godkendt fælles plan.</numerusform>
            <numerusform>Hjælp fra %n sektorer, men endnu ingen godkendt fælles plan.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/family/warning_texts.py" line="26"/>
        <source>The follow-up was due on %1.</source>
        <translation>Fristen for opfølgning var %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/warning_texts.py" line="28"/>
        <source>No consent to share information is recorded for %1.</source>
        <translation>Der er ikke registreret samtykke til at dele oplysninger om %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/warning_texts.py" line="31"/>
        <source>%1 turned %2 on %3: review who consents to what.</source>
        <translation>%1 fyldte %2 den %3: gennemgå, hvem der giver samtykke til hvad.</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/warning_texts.py" line="38"/>
        <source>%1 turns 18 on %2 and has no transition track.</source>
        <translation>%1 fylder 18 år den %2 og har intet overgangsforløb.</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/warning_texts.py" line="45"/>
        <source>%1 for %2 ends on %3 and nothing follows it.</source>
        <translation>%1 for %2 slutter den %3, og der er ikke planlagt noget efter.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/family/warning_texts.py" line="52"/>
        <source>%n intervention(s) not checked against the source system for a long time.</source>
        <translation>
            <numerusform>%n indsats er ikke tjekket mod kildesystemet i lang tid.</numerusform>
            <numerusform>%n indsatser er ikke tjekket mod kildesystemet i lang tid.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/family/warning_texts.py" line="59"/>
        <source>%1 for %2 is given under %3, which applies only until %4: check it.</source>
        <translation>%1 for %2 er bevilget efter %3, som kun gælder til og med %4: tjek indsatsen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/warning_texts.py" line="67"/>
        <source>The coordinator&apos;s caseload is %1; the team&apos;s limit is %2.</source>
        <translation>Koordinatorens sagsbelastning er %1. Teamets grænse er %2.</translation>
    </message>
</context>
<context>
    <name>FamilyWarnings</name>
    <message>
        <source>This also removes %1 intervention(s), %2 consent record(s) and any transition track for this person in this case.</source>
        <translation type="obsolete">Det fjerner også personens indsatser (%1), samtykker (%2) og et eventuelt overgangsforløb i denne sag.</translation>
    </message>
    <message>
        <source>The follow-up was due on %1.</source>
        <translation type="vanished">Fristen for opfølgning var %1.</translation>
    </message>
    <message>
        <source>No consent to share information is recorded for %1.</source>
        <translation type="vanished">Der er ikke registreret samtykke til at dele oplysninger om %1.</translation>
    </message>
    <message>
        <source>%1 turns 18 on %2 and has no transition track.</source>
        <translation type="vanished">%1 fylder 18 år den %2 og har intet overgangsforløb.</translation>
    </message>
    <message>
        <source>%1 for %2 ends on %3 and nothing follows it.</source>
        <translation type="vanished">%1 for %2 slutter den %3, og der er ikke planlagt noget efter.</translation>
    </message>
    <message>
        <source>The coordinator has %1 open cases; the limit is %2.</source>
        <translation type="vanished">Koordinatoren har %1 åbne sager. Grænsen er %2.</translation>
    </message>
</context>
<context>
    <name>FieldConflictDialog</name>
    <message>
        <location filename="../../app/ui/common/field_conflict_dialog.py" line="85"/>
        <source>Saved by %1 on %2</source>
        <translation>Gemt af %1 den %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/field_conflict_dialog.py" line="90"/>
        <source>Saved by %1</source>
        <translation>Gemt af %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/field_conflict_dialog.py" line="91"/>
        <source>Saved meanwhile</source>
        <translation>Gemt i mellemtiden</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/field_conflict_dialog.py" line="107"/>
        <source>Changed by someone else</source>
        <translation>Ændret af en anden</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/field_conflict_dialog.py" line="116"/>
        <source>Someone else saved this after you opened it, and changed the same things as you. Choose for each one what to keep. Nothing is saved until you press Save.</source>
        <translation>En anden har gemt dette, efter du åbnede det, og ændret de samme ting som dig. Vælg for hver, hvad der skal blive. Intet gemmes, før du trykker Gem.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/field_conflict_dialog.py" line="127"/>
        <source>Your change</source>
        <translation>Din ændring</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/field_conflict_dialog.py" line="143"/>
        <source>Keep mine</source>
        <translation>Behold min</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/field_conflict_dialog.py" line="151"/>
        <source>Take theirs</source>
        <translation>Tag deres</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/field_conflict_dialog.py" line="173"/>
        <source>Also taken from the other save, because only they changed it: %1.</source>
        <translation>Taget fra den anden udgave, fordi kun den anden ændrede det: %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/field_conflict_dialog.py" line="184"/>
        <source>Save</source>
        <translation>Gem</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/field_conflict_dialog.py" line="185"/>
        <source>Back to the form</source>
        <translation>Tilbage til formularen</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../app/ui/common/form_dialog.py" line="86"/>
        <source>Save</source>
        <translation>Gem</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/form_dialog.py" line="88"/>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/form_dialog.py" line="187"/>
        <source>Before saving, check: %1</source>
        <translation>Tjek før du gemmer: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/form_dialog.py" line="194"/>
        <source>Missing: %1</source>
        <translation>Mangler: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/form_dialog.py" line="234"/>
        <source>(empty)</source>
        <translation>(tom)</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/form_dialog.py" line="239"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/form_dialog.py" line="241"/>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/form_dialog.py" line="306"/>
        <source>Changed by someone else</source>
        <translation>Ændret af en anden</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/form_dialog.py" line="307"/>
        <source>Someone else saved this after you opened it. Your text is still here: copy what you need, cancel, and open it again to see the newest version.</source>
        <translation>En anden har gemt dette, efter du åbnede det. Din tekst er her stadig: kopiér det, du skal bruge, annuller, og åbn det igen for at se den nyeste udgave.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/form_dialog.py" line="350"/>
        <source>Deleted</source>
        <translation>Slettet</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/form_dialog.py" line="351"/>
        <source>This was deleted by someone else after you opened it.</source>
        <translation>En anden har slettet dette, efter du åbnede det.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/form_dialog.py" line="358"/>
        <location filename="../../app/ui/common/lane_form.py" line="139"/>
        <source>Not saved</source>
        <translation>Ikke gemt</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/form_dialog.py" line="359"/>
        <location filename="../../app/ui/common/lane_form.py" line="140"/>
        <source>The database did not answer, so nothing was saved. Your text is still here; try again.</source>
        <translation>Databasen svarede ikke, så intet blev gemt. Din tekst er her stadig. Prøv igen.</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <location filename="../../app/ui/common/formatting.py" line="24"/>
        <source>%1 at %2</source>
        <translation>%1 kl. %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/formatting.py" line="35"/>
        <source>week %1</source>
        <translation>uge %1</translation>
    </message>
</context>
<context>
    <name>GoalDialog</name>
    <message>
        <location filename="../../app/ui/plan/plan_dialogs.py" line="96"/>
        <source>Overall goal</source>
        <translation>Overordnet mål</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_dialogs.py" line="97"/>
        <source>Sub-goal</source>
        <translation>Delmål</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_dialogs.py" line="98"/>
        <source>Progression goal</source>
        <translation>Progressionsmål</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_dialogs.py" line="106"/>
        <source>Write the goal in the family&apos;s own words</source>
        <translation>Skriv målet med familiens egne ord</translation>
    </message>
    <message>
        <source>The whole family</source>
        <translation type="vanished">Hele familien</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_dialogs.py" line="111"/>
        <source>Target date</source>
        <translation>Måldato</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_dialogs.py" line="113"/>
        <source>Goal</source>
        <translation>Mål</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_dialogs.py" line="114"/>
        <source>Concerns</source>
        <translation>Gælder</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_dialogs.py" line="115"/>
        <source>By</source>
        <translation>Senest</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_dialogs.py" line="116"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_dialogs.py" line="117"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>GoalModel</name>
    <message>
        <location filename="../../app/ui/plan/plan_models.py" line="142"/>
        <source>Goal</source>
        <translation>Mål</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_models.py" line="143"/>
        <source>Concerns</source>
        <translation>Gælder</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_models.py" line="144"/>
        <source>By</source>
        <translation>Senest</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_models.py" line="145"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_models.py" line="146"/>
        <source>Latest score</source>
        <translation>Seneste score</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_models.py" line="171"/>
        <source>The whole family</source>
        <translation>Hele familien</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_models.py" line="182"/>
        <source>family %1 · professionals %2</source>
        <translation>familien %1 · fagpersoner %2</translation>
    </message>
</context>
<context>
    <name>GoalsTab</name>
    <message>
        <location filename="../../app/ui/plan/goals_tab.py" line="40"/>
        <source>Goals</source>
        <translation>Mål</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/goals_tab.py" line="65"/>
        <source>New overall goal</source>
        <translation>Nyt overordnet mål</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/goals_tab.py" line="66"/>
        <source>New sub-goal</source>
        <translation>Nyt delmål</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/goals_tab.py" line="67"/>
        <source>New progression goal</source>
        <translation>Nyt progressionsmål</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/goals_tab.py" line="68"/>
        <source>Change…</source>
        <translation>Ret…</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/goals_tab.py" line="69"/>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/goals_tab.py" line="70"/>
        <source>Record score…</source>
        <translation>Registrér score…</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/goals_tab.py" line="88"/>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/goals_tab.py" line="89"/>
        <source>Goal</source>
        <translation>Mål</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/goals_tab.py" line="90"/>
        <source>The family</source>
        <translation>Familien</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/goals_tab.py" line="91"/>
        <source>Professionals</source>
        <translation>Fagpersoner</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/goals_tab.py" line="92"/>
        <source>Note</source>
        <translation>Bemærkning</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/goals_tab.py" line="95"/>
        <source>As a table</source>
        <translation>Som tabel</translation>
    </message>
    <message>
        <source>As a &amp;table</source>
        <translation type="vanished">Som &amp;tabel</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/goals_tab.py" line="96"/>
        <source>Progression scores of the chosen goal</source>
        <translation>Progressionsscorer for det valgte mål</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/goals_tab.py" line="160"/>
        <source>Choose a goal first</source>
        <translation>Vælg et mål først</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/goals_tab.py" line="162"/>
        <source>Select the overall goal (for a sub-goal) or the sub-goal (for a progression goal) first.</source>
        <translation>Vælg først det overordnede mål (til et delmål) eller delmålet (til et progressionsmål).</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/goals_tab.py" line="199"/>
        <source>Remove the goal “%1”?</source>
        <translation>Vil du fjerne målet “%1”?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/plan/goals_tab.py" line="201"/>
        <source>%n goal(s) under it will be removed too.</source>
        <translation>
            <numerusform>%n mål under det bliver også fjernet.</numerusform>
            <numerusform>%n mål under det bliver også fjernet.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/goals_tab.py" line="204"/>
        <source>Remove goal</source>
        <translation>Fjern mål</translation>
    </message>
</context>
<context>
    <name>HandOverNoteDialog</name>
    <message>
        <location filename="../../app/ui/team/hand_over_note.py" line="31"/>
        <location filename="../../app/ui/team/hand_over_note.py" line="53"/>
        <source>Hand-over note</source>
        <translation>Overdragelsesnote</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/hand_over_note.py" line="34"/>
        <source>This case was handed over to you. Read the note from the previous coordinator first.</source>
        <translation>Sagen er overdraget til dig. Læs først noten fra den tidligere koordinator.</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/hand_over_note.py" line="36"/>
        <source>The case&apos;s latest hand-over.</source>
        <translation>Sagens seneste overdragelse.</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/hand_over_note.py" line="43"/>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/hand_over_note.py" line="44"/>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/hand_over_note.py" line="45"/>
        <source>Handed over</source>
        <translation>Overdraget</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/hand_over_note.py" line="48"/>
        <source>The old team may read the case until</source>
        <translation>Det gamle team må læse sagen indtil</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/hand_over_note.py" line="59"/>
        <source>Read</source>
        <translation>Læst</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/hand_over_note.py" line="61"/>
        <source>Later</source>
        <translation>Senere</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/hand_over_note.py" line="62"/>
        <source>The note is shown again the next time you open the case</source>
        <translation>Noten vises igen, næste gang du åbner sagen</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/hand_over_note.py" line="64"/>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../app/ui/plan/compare_dialog.py" line="338"/>
        <source>Plan versions</source>
        <translation>Versioner af planen</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/compare_dialog.py" line="346"/>
        <source>Choose two versions to compare (hold Ctrl to choose the second), or one to compare with the newest.</source>
        <translation>Vælg to versioner, der skal sammenlignes (hold Ctrl nede for at vælge den anden), eller vælg én for at sammenligne den med den nyeste.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/compare_dialog.py" line="360"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/compare_dialog.py" line="360"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/compare_dialog.py" line="360"/>
        <location filename="../../app/ui/plan/compare_dialog.py" line="389"/>
        <source>Approved</source>
        <translation>Godkendt</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/compare_dialog.py" line="360"/>
        <source>Meeting</source>
        <translation>Møde</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/compare_dialog.py" line="372"/>
        <source>Compare…</source>
        <translation>Sammenlign…</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/compare_dialog.py" line="377"/>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/compare_dialog.py" line="389"/>
        <source>Draft</source>
        <translation>Udkast</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/compare_dialog.py" line="402"/>
        <source>Took part: %1</source>
        <translation>Deltog: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/compare_dialog.py" line="449"/>
        <source>Compare %1 with %2</source>
        <translation>Sammenlign %1 med %2</translation>
    </message>
    <message>
        <source>%1 with %2</source>
        <translation type="vanished">%1 med %2</translation>
    </message>
</context>
<context>
    <name>InterventionDialog</name>
    <message>
        <location filename="../../app/ui/family/intervention_dialog.py" line="249"/>
        <source>Change intervention</source>
        <translation>Ret indsats</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/intervention_dialog.py" line="249"/>
        <source>New intervention</source>
        <translation>Ny indsats</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/intervention_dialog.py" line="267"/>
        <source>e.g. Aflastning hver anden weekend</source>
        <translation>fx Aflastning hver anden weekend</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/intervention_dialog.py" line="272"/>
        <source>Without a law section</source>
        <translation>Uden lovparagraf</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/intervention_dialog.py" line="276"/>
        <source>(not chosen)</source>
        <translation>(ikke valgt)</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/intervention_dialog.py" line="284"/>
        <source>Ends</source>
        <translation>Slutter</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/intervention_dialog.py" line="297"/>
        <source>Checked</source>
        <translation>Tjekket</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/intervention_dialog.py" line="298"/>
        <source>Known</source>
        <translation>Dato kendt</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/intervention_dialog.py" line="302"/>
        <source>When the municipality became aware that the child may need support, e.g. the day a notification or an application arrived. The deadline of a child welfare investigation counts from this day.</source>
        <translation>Hvornår kommunen blev opmærksom på, at barnet kan have behov for støtte, fx den dag en underretning eller en ansøgning kom. Fristen for en børnefaglig undersøgelse regnes fra denne dag.</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/intervention_dialog.py" line="310"/>
        <source>Add time</source>
        <translation>Tilføj tid</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/intervention_dialog.py" line="313"/>
        <source>Remove time</source>
        <translation>Fjern tid</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/intervention_dialog.py" line="330"/>
        <source>For</source>
        <translation>For</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/intervention_dialog.py" line="331"/>
        <source>Intervention</source>
        <translation>Indsats</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/intervention_dialog.py" line="332"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/intervention_dialog.py" line="333"/>
        <source>Need noticed</source>
        <translation>Opmærksom på behovet</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/intervention_dialog.py" line="334"/>
        <source>Law and section</source>
        <translation>Lov og paragraf</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/intervention_dialog.py" line="335"/>
        <source>Sector</source>
        <translation>Sektor</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/intervention_dialog.py" line="336"/>
        <source>Responsible</source>
        <translation>Ansvarlig</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/intervention_dialog.py" line="337"/>
        <source>End</source>
        <translation>Slut</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/intervention_dialog.py" line="338"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/intervention_dialog.py" line="339"/>
        <source>Sector plan</source>
        <translation>Sektorplan</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/intervention_dialog.py" line="340"/>
        <source>Copied from</source>
        <translation>Kopieret fra</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/intervention_dialog.py" line="341"/>
        <source>Last checked</source>
        <translation>Sidst tjekket</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/intervention_dialog.py" line="342"/>
        <source>Weekly times</source>
        <translation>Ugentlige tider</translation>
    </message>
    <message>
        <source>No law section chosen.</source>
        <translation type="vanished">Ingen lovparagraf valgt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/intervention_dialog.py" line="537"/>
        <source>No weekly times</source>
        <translation>Ingen ugentlige tider</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/intervention_dialog.py" line="546"/>
        <source>(parent present)</source>
        <translation>(forælder til stede)</translation>
    </message>
</context>
<context>
    <name>InvitationDialog</name>
    <message>
        <location filename="../../app/ui/calendar/invitation_dialog.py" line="70"/>
        <source>Send the cancellation</source>
        <translation>Send aflysningen</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/invitation_dialog.py" line="70"/>
        <source>Send the invitation</source>
        <translation>Send invitationen</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/invitation_dialog.py" line="87"/>
        <source>You have no e-mail address, so the file can only be a calendar entry that nobody can answer. Add your address in My profile (File menu) to send invitations.</source>
        <translation>Du har ingen e-mailadresse, så filen kan kun være en kalenderaftale, som ingen kan svare på. Tilføj din adresse under Min profil (menuen Filer) for at sende invitationer.</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/invitation_dialog.py" line="95"/>
        <source>My profile…</source>
        <translation>Min profil…</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/invitation_dialog.py" line="103"/>
        <source>E-mail for your mail program (.eml): opens as a meeting request</source>
        <translation>E-mail til dit mailprogram (.eml): åbner som mødeindkaldelse</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/invitation_dialog.py" line="106"/>
        <source>Calendar file (.ics)</source>
        <translation>Kalenderfil (.ics)</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/invitation_dialog.py" line="122"/>
        <source>Few details (for professionals outside the municipality)</source>
        <translation>Få detaljer (til fagpersoner uden for kommunen)</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/invitation_dialog.py" line="127"/>
        <source>No names from the family, no agenda and no titles of the professionals: the case number, the time, the place and your contact details only.</source>
        <translation>Ingen navne fra familien, ingen dagsorden og ingen titler på fagpersonerne: kun sagsnummer, tidspunkt, sted og dine kontaktoplysninger.</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/invitation_dialog.py" line="143"/>
        <source>Meeting</source>
        <translation>Møde</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/invitation_dialog.py" line="144"/>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/invitation_dialog.py" line="145"/>
        <source>Save as</source>
        <translation>Gem som</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/invitation_dialog.py" line="147"/>
        <source>Reminder</source>
        <translation>Påmindelse</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/invitation_dialog.py" line="150"/>
        <source>Content</source>
        <translation>Indhold</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/invitation_dialog.py" line="155"/>
        <source>Save…</source>
        <translation>Gem…</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/invitation_dialog.py" line="156"/>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/invitation_dialog.py" line="206"/>
        <source>No reminder</source>
        <translation>Ingen påmindelse</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/calendar/invitation_dialog.py" line="208"/>
        <source>%n day(s) before</source>
        <translation>
            <numerusform>%n dag før</numerusform>
            <numerusform>%n dage før</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/calendar/invitation_dialog.py" line="210"/>
        <source>%n hour(s) before</source>
        <translation>
            <numerusform>%n time før</numerusform>
            <numerusform>%n timer før</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/calendar/invitation_dialog.py" line="211"/>
        <source>%n minute(s) before</source>
        <translation>
            <numerusform>%n minut før</numerusform>
            <numerusform>%n minutter før</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/invitation_dialog.py" line="244"/>
        <source>Invited by e-mail: %1</source>
        <translation>Inviteres på e-mail: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/invitation_dialog.py" line="245"/>
        <source>nobody</source>
        <translation>ingen</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/invitation_dialog.py" line="249"/>
        <source>Named in the invitation: %1</source>
        <translation>Nævnes i invitationen: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/invitation_dialog.py" line="256"/>
        <source>The family is not invited by e-mail in an invitation with few details: save one more without few details for them.</source>
        <translation>Familien inviteres ikke på e-mail i en invitation med få detaljer: gem en til uden få detaljer til dem.</translation>
    </message>
</context>
<context>
    <name>JournalEntryDialog</name>
    <message>
        <location filename="../../app/ui/journal/entry_dialog.py" line="128"/>
        <source>New journal note</source>
        <translation>Nyt journalnotat</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal/entry_dialog.py" line="129"/>
        <source>Change journal note</source>
        <translation>Rediger journalnotat</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal/entry_dialog.py" line="130"/>
        <location filename="../../app/ui/journal/entry_dialog.py" line="293"/>
        <source>Correct journal note</source>
        <translation>Skriv rettelse til journalnotat</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal/entry_dialog.py" line="157"/>
        <source>e.g. Phone call with the mother</source>
        <translation>f.eks. Telefonsamtale med mor</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal/entry_dialog.py" line="165"/>
        <source>The note written %1 can no longer be changed. Write what is right here: the correction is kept beside it, and both stay in the journal.</source>
        <translation>Notatet skrevet %1 kan ikke længere ændres. Skriv det rigtige her: rettelsen gemmes ved siden af notatet, og begge bliver i journalen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal/entry_dialog.py" line="173"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal/entry_dialog.py" line="174"/>
        <source>When it happened</source>
        <translation>Hvornår det skete</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal/entry_dialog.py" line="175"/>
        <source>Concerns</source>
        <translation>Vedrører</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal/entry_dialog.py" line="176"/>
        <source>About</source>
        <translation>Handler om</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal/entry_dialog.py" line="177"/>
        <source>Subject</source>
        <translation>Emne</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal/entry_dialog.py" line="178"/>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal/entry_dialog.py" line="201"/>
        <source>(nothing in particular)</source>
        <translation>(intet bestemt)</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal/entry_dialog.py" line="243"/>
        <source>(as linked before)</source>
        <translation>(som det var knyttet før)</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal/entry_dialog.py" line="257"/>
        <source>Nobody</source>
        <translation>Ingen</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal/entry_dialog.py" line="283"/>
        <source>The note is locked</source>
        <translation>Notatet er låst</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/journal/entry_dialog.py" line="285"/>
        <source>The note was written more than %n hour(s) ago and can no longer be changed. Save what you wrote as a correction instead? It is kept beside the note.</source>
        <translation>
            <numerusform>Notatet blev skrevet for mere end %n time siden og kan ikke længere ændres. Vil du gemme det, du har skrevet, som en rettelse i stedet? Den gemmes ved siden af notatet.</numerusform>
            <numerusform>Notatet blev skrevet for mere end %n timer siden og kan ikke længere ændres. Vil du gemme det, du har skrevet, som en rettelse i stedet? Den gemmes ved siden af notatet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JournalLinks</name>
    <message>
        <location filename="../../app/ui/journal/entry_dialog.py" line="66"/>
        <source>Meeting: %1, %2</source>
        <translation>Møde: %1, %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal/entry_dialog.py" line="73"/>
        <source>Intervention: %1</source>
        <translation>Indsats: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal/entry_dialog.py" line="80"/>
        <source>Agreement: %1</source>
        <translation>Aftale: %1</translation>
    </message>
</context>
<context>
    <name>JournalPanel</name>
    <message>
        <location filename="../../app/ui/journal/journal_panel.py" line="70"/>
        <source>Show notes about</source>
        <translation>Vis notater om</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal/journal_panel.py" line="75"/>
        <source>Journal entries</source>
        <translation>Journalnotater</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal/journal_panel.py" line="78"/>
        <source>Time</source>
        <translation>Tidspunkt</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal/journal_panel.py" line="78"/>
        <location filename="../../app/ui/journal/journal_panel.py" line="308"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal/journal_panel.py" line="78"/>
        <location filename="../../app/ui/journal/journal_panel.py" line="310"/>
        <source>Written by</source>
        <translation>Skrevet af</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal/journal_panel.py" line="78"/>
        <source>Subject</source>
        <translation>Emne</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal/journal_panel.py" line="93"/>
        <source>The chosen journal entry</source>
        <translation>Det valgte journalnotat</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal/journal_panel.py" line="95"/>
        <source>New note…</source>
        <translation>Nyt notat…</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal/journal_panel.py" line="97"/>
        <source>Edit…</source>
        <translation>Rediger…</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal/journal_panel.py" line="99"/>
        <source>Correct…</source>
        <translation>Skriv rettelse…</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal/journal_panel.py" line="156"/>
        <source>Open a case to see its journal.</source>
        <translation>Åbn en sag for at se dens journal.</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal/journal_panel.py" line="229"/>
        <source>Everyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal/journal_panel.py" line="245"/>
        <source>No notes about this person.</source>
        <translation>Ingen notater om denne person.</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal/journal_panel.py" line="247"/>
        <source>No notes in this journal yet. Write the first with New note…</source>
        <translation>Journalen har ingen notater endnu. Skriv det første med Nyt notat…</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal/journal_panel.py" line="253"/>
        <source>Correction</source>
        <translation>Rettelse</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal/journal_panel.py" line="262"/>
        <source>A correction of the note above, written later</source>
        <translation>En rettelse til notatet ovenfor, skrevet senere</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal/journal_panel.py" line="264"/>
        <location filename="../../app/ui/journal/journal_panel.py" line="319"/>
        <source>Locked since %1</source>
        <translation>Låst siden %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal/journal_panel.py" line="309"/>
        <source>When it happened</source>
        <translation>Hvornår det skete</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal/journal_panel.py" line="311"/>
        <source>Concerns</source>
        <translation>Vedrører</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal/journal_panel.py" line="311"/>
        <source>Nobody in particular</source>
        <translation>Ingen bestemt</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal/journal_panel.py" line="312"/>
        <source>About</source>
        <translation>Handler om</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal/journal_panel.py" line="316"/>
        <source>Corrects</source>
        <translation>Retter</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal/journal_panel.py" line="319"/>
        <location filename="../../app/ui/journal/journal_panel.py" line="323"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal/journal_panel.py" line="322"/>
        <source>Can be changed until %1</source>
        <translation>Kan ændres indtil %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal/journal_panel.py" line="336"/>
        <source>The case is closed: its journal is shown, not changed.</source>
        <translation>Sagen er afsluttet: journalen kan ses, men ikke ændres.</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal/journal_panel.py" line="345"/>
        <source>Choose a note first.</source>
        <translation>Vælg først et notat.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/journal/journal_panel.py" line="349"/>
        <source>This note was written more than %n hour(s) ago and is locked, as the duty to keep notes asks. Use Correct… to add a correction beside it.</source>
        <translation>
            <numerusform>Notatet blev skrevet for mere end %n time siden og er låst, som notatpligten kræver. Brug Skriv rettelse… for at tilføje en rettelse ved siden af.</numerusform>
            <numerusform>Notatet blev skrevet for mere end %n timer siden og er låst, som notatpligten kræver. Brug Skriv rettelse… for at tilføje en rettelse ved siden af.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/journal/journal_panel.py" line="357"/>
        <source>The note can still be changed until %1: use Edit….</source>
        <translation>Notatet kan stadig ændres indtil %1: brug Rediger….</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../app/ui/common/labels.py" line="38"/>
        <source>Candidate</source>
        <translation>Kandidat</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="39"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="40"/>
        <source>Paused</source>
        <translation>Sat i bero</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="41"/>
        <source>Closed</source>
        <translation>Afsluttet</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="42"/>
        <source>One family – one entry</source>
        <translation>Én familie – én indgang</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="43"/>
        <source>Together for the family</source>
        <translation>Sammen om familien</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="44"/>
        <source>Holistic plan</source>
        <translation>Helhedsorienteret plan</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="45"/>
        <source>Other model</source>
        <translation>Anden model</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="46"/>
        <source>Parent</source>
        <translation>Forælder</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="47"/>
        <source>Child</source>
        <translation>Barn</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="48"/>
        <source>Step-parent</source>
        <translation>Stedforælder</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="49"/>
        <source>Sibling</source>
        <translation>Søskende</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="50"/>
        <source>Grandparent</source>
        <translation>Bedsteforælder</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="51"/>
        <source>Other</source>
        <translation>Anden</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="52"/>
        <source>Children and families</source>
        <translation>Børn og familie</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="53"/>
        <source>Adults and disability</source>
        <translation>Voksen og handicap</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="54"/>
        <source>Employment</source>
        <translation>Beskæftigelse</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="55"/>
        <source>Health</source>
        <translation>Sundhed</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="56"/>
        <source>School</source>
        <translation>Skole</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="57"/>
        <source>Day care</source>
        <translation>Dagtilbud</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="58"/>
        <source>Youth guidance</source>
        <translation>Ungeindsats</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="59"/>
        <source>Elderly care</source>
        <translation>Ældreområdet</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="60"/>
        <source>Other sector</source>
        <translation>Andet område</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="61"/>
        <location filename="../../app/ui/common/labels.py" line="81"/>
        <source>Planned</source>
        <translation>Planlagt</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="62"/>
        <source>Running</source>
        <translation>I gang</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="63"/>
        <source>On hold</source>
        <translation>Sat på pause</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="64"/>
        <source>Ended</source>
        <translation>Afsluttet</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="65"/>
        <source>The citizen</source>
        <translation>Borgeren</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="66"/>
        <source>Custody holder</source>
        <translation>Forældremyndighedsindehaver</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="67"/>
        <source>The young person</source>
        <translation>Den unge</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="68"/>
        <source>Guardian</source>
        <translation>Værge</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="69"/>
        <source>Future proxy</source>
        <translation>Fremtidsfuldmægtig</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="70"/>
        <source>Network meeting</source>
        <translation>Netværksmøde</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="71"/>
        <source>Follow-up meeting</source>
        <translation>Opfølgningsmøde</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="72"/>
        <source>Status meeting</source>
        <translation>Statusmøde</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="73"/>
        <source>Start meeting</source>
        <translation>Opstartsmøde</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="74"/>
        <source>Closing meeting</source>
        <translation>Afslutningsmøde</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="75"/>
        <source>Working on it</source>
        <translation>I gang</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="76"/>
        <source>Achieved</source>
        <translation>Nået</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="77"/>
        <source>Dropped</source>
        <translation>Opgivet</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="78"/>
        <source>Not done yet</source>
        <translation>Ikke gjort endnu</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="79"/>
        <source>Done</source>
        <translation>Gjort</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="80"/>
        <location filename="../../app/ui/common/labels.py" line="83"/>
        <source>Cancelled</source>
        <translation>Aflyst</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="82"/>
        <source>Held</source>
        <translation>Afholdt</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="84"/>
        <source>Draft</source>
        <translation>Udkast</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="85"/>
        <source>Approved</source>
        <translation>Godkendt</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="86"/>
        <source>Written</source>
        <translation>Skriftligt</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="87"/>
        <source>Oral (noted in the case)</source>
        <translation>Mundtligt (noteret i sagen)</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="88"/>
        <source>Collect information from them</source>
        <translation>Hente oplysninger hos dem</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="89"/>
        <source>Pass information on to them</source>
        <translation>Give oplysninger videre til dem</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="90"/>
        <source>Both: collect from them and pass on to them</source>
        <translation>Både hente oplysninger hos dem og give oplysninger videre til dem</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="98"/>
        <source>Report or statement</source>
        <translation>Rapport eller udtalelse</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="195"/>
        <source>(counted from the start: record when the need was noticed)</source>
        <translation>(regnet fra start: registrér, hvornår kommunen blev opmærksom)</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="95"/>
        <location filename="../../app/ui/common/labels.py" line="99"/>
        <source>Letter</source>
        <translation>Brev</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="34"/>
        <source>Holiday</source>
        <translation>Ferie</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="35"/>
        <source>Illness</source>
        <translation>Sygdom</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="36"/>
        <source>Course</source>
        <translation>Kursus</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="37"/>
        <source>Other absence</source>
        <translation>Andet fravær</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="94"/>
        <location filename="../../app/ui/common/labels.py" line="100"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="101"/>
        <source>Decision</source>
        <translation>Afgørelse</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="102"/>
        <source>Minutes</source>
        <translation>Referat</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="103"/>
        <source>Picture</source>
        <translation>Billede</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="104"/>
        <source>Other document</source>
        <translation>Andet dokument</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="91"/>
        <source>Phone call</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="92"/>
        <source>Home visit</source>
        <translation>Hjemmebesøg</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="93"/>
        <source>Meeting</source>
        <translation>Møde</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="96"/>
        <source>Text message</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="97"/>
        <source>Something else</source>
        <translation>Andet</translation>
    </message>
</context>
<context>
    <name>LaneDialog</name>
    <message>
        <location filename="../../app/ui/plan/plan_dialogs.py" line="74"/>
        <source>Someone else changed the plan meanwhile. Close this window and try again.</source>
        <translation>En anden har ændret planen imens. Luk vinduet, og prøv igen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_dialogs.py" line="78"/>
        <source>The database did not answer, so nothing was saved. Try again.</source>
        <translation>Databasen svarede ikke, så intet blev gemt. Prøv igen.</translation>
    </message>
</context>
<context>
    <name>LawSectionPicker</name>
    <message>
        <location filename="../../app/ui/family/intervention_dialog.py" line="151"/>
        <source>Search law, section or title, e.g. BL 32 or aflastning</source>
        <translation>Søg på lov, paragraf eller titel, fx BL 32 eller aflastning</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/intervention_dialog.py" line="155"/>
        <source>Matching law sections</source>
        <translation>Fundne lovparagraffer</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/intervention_dialog.py" line="224"/>
        <source>Reading the law catalogue…</source>
        <translation>Lovkataloget indlæses …</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/intervention_dialog.py" line="226"/>
        <source>Chosen: %1</source>
        <translation>Valgt: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/intervention_dialog.py" line="218"/>
        <location filename="../../app/ui/family/intervention_dialog.py" line="228"/>
        <source>No law section chosen.</source>
        <translation>Ingen lovparagraf valgt.</translation>
    </message>
</context>
<context>
    <name>LetterTemplateDialog</name>
    <message>
        <location filename="../../app/ui/settings/letter_template_dialog.py" line="56"/>
        <source>Letter template</source>
        <translation>Brevskabelon</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/letter_template_dialog.py" line="64"/>
        <source>The logo, sender and address at the top of the plan and the meeting papers saved as Word files. They are the same for everyone who uses this database.</source>
        <translation>Logo, afsender og adresse øverst på planen og mødepapirerne, når de gemmes som Word-filer. De er de samme for alle, der bruger denne database.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/letter_template_dialog.py" line="72"/>
        <source>e.g. Family department, Example Municipality</source>
        <translation>fx Familieafdelingen, Eksempel Kommune</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/letter_template_dialog.py" line="75"/>
        <source>One line each: street, postcode and town, phone</source>
        <translation>En linje til hver: gade, postnummer og by, telefon</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/letter_template_dialog.py" line="81"/>
        <source>Choose logo…</source>
        <translation>Vælg logo…</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/letter_template_dialog.py" line="83"/>
        <source>Remove logo</source>
        <translation>Fjern logo</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/letter_template_dialog.py" line="95"/>
        <source>Sender</source>
        <translation>Afsender</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/letter_template_dialog.py" line="96"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/letter_template_dialog.py" line="97"/>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/letter_template_dialog.py" line="127"/>
        <source>Reading the letter template…</source>
        <translation>Henter brevskabelonen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/letter_template_dialog.py" line="142"/>
        <source>The database did not answer. Close the dialog and try again.</source>
        <translation>Databasen svarede ikke. Luk vinduet, og prøv igen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/letter_template_dialog.py" line="150"/>
        <source>No logo</source>
        <translation>Intet logo</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/letter_template_dialog.py" line="161"/>
        <source>Choose the logo</source>
        <translation>Vælg logoet</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/letter_template_dialog.py" line="161"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Billeder (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/letter_template_dialog.py" line="173"/>
        <source>The file could not be read: %1</source>
        <translation>Filen kunne ikke læses: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/letter_template_dialog.py" line="177"/>
        <source>The logo must be a PNG or JPEG image of at most %1 KB.</source>
        <translation>Logoet skal være et PNG- eller JPEG-billede på højst %1 KB.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/letter_template_dialog.py" line="201"/>
        <source>The sender may hold 200 characters and the address 6 lines of 120 characters, without CPR numbers.</source>
        <translation>Afsenderen må have 200 tegn og adressen 6 linjer á 120 tegn, uden cpr-numre.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/letter_template_dialog.py" line="213"/>
        <source>Saving…</source>
        <translation>Gemmer…</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/letter_template_dialog.py" line="226"/>
        <source>Not saved</source>
        <translation>Ikke gemt</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/letter_template_dialog.py" line="227"/>
        <source>On a shared server only IT can change the letter template. Nothing was saved.</source>
        <translation>På en fælles server er det kun IT, der kan ændre brevskabelonen. Intet blev gemt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/letter_template_dialog.py" line="233"/>
        <source>Database problem</source>
        <translation>Problem med databasen</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/letter_template_dialog.py" line="234"/>
        <source>The database did not answer, so nothing was saved. Try again.</source>
        <translation>Databasen svarede ikke, så intet blev gemt. Prøv igen.</translation>
    </message>
</context>
<context>
    <name>LinkProfessionalDialog</name>
    <message>
        <location filename="../../app/ui/family/family_dialogs.py" line="374"/>
        <source>Add an existing professional</source>
        <translation>Tilføj en eksisterende fagperson</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_dialogs.py" line="380"/>
        <source>Search name, role or organisation</source>
        <translation>Søg på navn, rolle eller organisation</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_dialogs.py" line="384"/>
        <source>Search</source>
        <translation>Søg</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_dialogs.py" line="385"/>
        <source>Professional</source>
        <translation>Fagperson</translation>
    </message>
</context>
<context>
    <name>LixMeter</name>
    <message>
        <location filename="../../app/ui/plan/lix_meter.py" line="212"/>
        <source>Readability (LIX)</source>
        <translation>Læsbarhed (LIX)</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/lix_meter.py" line="221"/>
        <source>LIX score</source>
        <translation>LIX-tal</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/lix_meter.py" line="226"/>
        <source>LIX up to 24: very easy. 25–34: easy. 35–44: medium. 45–54: difficult. 55 and above: very difficult. The dashed line is the target.</source>
        <translation>LIX op til 24: meget let. 25–34: let. 35–44: middel. 45–54: svær. 55 og derover: meget svær. Den stiplede linje er målet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/lix_meter.py" line="230"/>
        <source>Aim for under 35 in text for the family.</source>
        <translation>Sigt efter under 35 i tekst til familien.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/lix_meter.py" line="234"/>
        <source>The target here is a LIX under 35: easy text. Many authorities aim for 40 or lower in letters to citizens; that is common practice, not a rule. About one in six adults has weak reading skills. Short sentences and short words lower the score.</source>
        <translation>Målet her er et LIX-tal under 35: let tekst. Mange myndigheder sigter efter 40 eller lavere i breve til borgere. Det er almindelig praksis, ikke en regel. Omkring hver sjette voksen har svært ved at læse. Korte sætninger og korte ord giver et lavere tal.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/lix_meter.py" line="243"/>
        <source>Longest sentences</source>
        <translation>Længste sætninger</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/lix_meter.py" line="244"/>
        <source>Click a sentence to select it in the text.</source>
        <translation>Klik på en sætning for at markere den i teksten.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/lix_meter.py" line="248"/>
        <source>Click to select this sentence in the text.</source>
        <translation>Klik for at markere sætningen i teksten.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/lix_meter.py" line="252"/>
        <source>Longest words (letters)</source>
        <translation>Længste ord (bogstaver)</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/lix_meter.py" line="257"/>
        <source>Plainer words</source>
        <translation>Enklere ord</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/lix_meter.py" line="412"/>
        <source>Very easy</source>
        <translation>Meget let</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/lix_meter.py" line="413"/>
        <source>Easy</source>
        <translation>Let</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/lix_meter.py" line="414"/>
        <source>Medium</source>
        <translation>Middel</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/lix_meter.py" line="415"/>
        <source>Difficult</source>
        <translation>Svær</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/lix_meter.py" line="416"/>
        <source>Very difficult</source>
        <translation>Meget svær</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/lix_meter.py" line="425"/>
        <source>Write some text to see how easy it is to read.</source>
        <translation>Skriv noget tekst for at se, hvor let den er at læse.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/lix_meter.py" line="436"/>
        <source>Words: %1 · Sentences: %2 · Long words: %3</source>
        <translation>Ord: %1 · Sætninger: %2 · Lange ord: %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/plan/lix_meter.py" line="452"/>
        <source>%n word(s): %1</source>
        <translation>
            <numerusform>%n ord: %1</numerusform>
            <numerusform>%n ord: %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/lix_meter.py" line="482"/>
        <source>Try “%1” instead of “%2”.</source>
        <translation>Prøv “%1” i stedet for “%2”.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/navigation.py" line="20"/>
        <source>Cases</source>
        <translation>Sager</translation>
    </message>
    <message>
        <location filename="../../app/ui/navigation.py" line="22"/>
        <source>Family</source>
        <translation>Familie</translation>
    </message>
    <message>
        <location filename="../../app/ui/navigation.py" line="24"/>
        <location filename="../../app/ui/navigation.py" line="29"/>
        <source>Open a case first.</source>
        <translation>Åbn en sag først.</translation>
    </message>
    <message>
        <location filename="../../app/ui/navigation.py" line="27"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>The plan editor comes in a later version.</source>
        <translation type="vanished">Planen kommer i en senere version.</translation>
    </message>
    <message>
        <location filename="../../app/ui/navigation.py" line="31"/>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>The meeting calendar comes in a later version.</source>
        <translation type="vanished">Mødekalenderen kommer i en senere version.</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation type="vanished">Navigation</translation>
    </message>
    <message>
        <location filename="../../app/ui/navigation.py" line="19"/>
        <source>My day</source>
        <translation>Min dag</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="182"/>
        <source>Documents</source>
        <translation>Dokumenter</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="111"/>
        <source>The connection to the database is lost. What you type is kept on this computer and saved as soon as the connection is back. Trying to reconnect…</source>
        <translation>Forbindelsen til databasen er afbrudt. Det, du skriver, gemmes på denne computer og sendes, så snart forbindelsen er tilbage. Prøver at genoprette forbindelsen …</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="123"/>
        <source>Search</source>
        <translation>Søg</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="184"/>
        <source>Tasks</source>
        <translation>Opgaver</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="143"/>
        <source>Signed in as %1</source>
        <translation>Logget ind som %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="240"/>
        <source>&amp;File</source>
        <translation>&amp;Filer</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="241"/>
        <source>&amp;New case…</source>
        <translation>&amp;Ny sag …</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="245"/>
        <source>&amp;Print plan…</source>
        <translation>&amp;Udskriv plan …</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="250"/>
        <source>&amp;Access request…</source>
        <translation>&amp;Aktindsigt …</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="254"/>
        <source>Absences and &amp;deputies…</source>
        <translation>Fravær og &amp;stedfortræder…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="258"/>
        <source>My &amp;profile…</source>
        <translation>Min &amp;profil…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="260"/>
        <source>Your e-mail address and phone number, used in invitations and papers</source>
        <translation>Din e-mailadresse og dit telefonnummer, som bruges i invitationer og papirer</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="264"/>
        <source>&amp;Quit</source>
        <translation>&amp;Afslut</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="269"/>
        <source>&amp;Settings</source>
        <translation>&amp;Indstillinger</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="270"/>
        <source>&amp;Family overview…</source>
        <translation>&amp;Familieoverblik…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="273"/>
        <source>&amp;Database connection…</source>
        <translation>&amp;Databaseforbindelse …</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="279"/>
        <source>&amp;Letter template…</source>
        <translation>&amp;Brevskabelon…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="281"/>
        <source>The logo, sender and address of the Word copies</source>
        <translation>Logo, afsender og adresse på Word-kopierne</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="284"/>
        <source>&amp;Language</source>
        <translation>&amp;Sprog</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="287"/>
        <source>Set by IT for this computer</source>
        <translation>Sat af IT for denne computer</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="297"/>
        <source>&amp;Team</source>
        <translation>&amp;Team</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="298"/>
        <source>Team &amp;overview…</source>
        <translation>Team&amp;overblik…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="301"/>
        <source>For team leads: the team&apos;s caseloads, overdue work, absences and candidates</source>
        <translation>Til teamledere: teamets sagsbelastning, opgaver over tid, fravær og kandidater</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="309"/>
        <source>&amp;Administration</source>
        <translation>&amp;Administration</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="310"/>
        <source>&amp;Audit log…</source>
        <translation>&amp;Revisionslog …</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="315"/>
        <source>&amp;Help</source>
        <translation>&amp;Hjælp</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="316"/>
        <source>&amp;About Koordinator</source>
        <translation>&amp;Om Koordinator</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="364"/>
        <source>Open a case first: then its plan can be printed.</source>
        <translation>Åbn en sag først: så kan dens plan udskrives.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="429"/>
        <source>Case not found</source>
        <translation>Sagen findes ikke</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="431"/>
        <source>The case is no longer within your reach: it was deleted, or handed over to another team. The list is refreshed.</source>
        <translation>Sagen er ikke længere inden for din adgang: den er slettet eller overdraget til et andet team. Listen er opdateret.</translation>
    </message>
    <message>
        <source>The case no longer exists. The list is refreshed.</source>
        <translation type="vanished">Sagen findes ikke længere. Listen er opdateret.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="449"/>
        <source>The case was created.</source>
        <translation>Sagen er oprettet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="476"/>
        <source>The connection to the database is back.</source>
        <translation>Forbindelsen til databasen er tilbage.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="481"/>
        <source>Local database</source>
        <translation>Lokal database</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="481"/>
        <source>Shared database</source>
        <translation>Fælles database</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="484"/>
        <source>%1: not reachable</source>
        <translation>%1: kan ikke nås</translation>
    </message>
    <message>
        <source>Database problem</source>
        <translation type="vanished">Problem med databasen</translation>
    </message>
    <message>
        <source>The database did not answer. Check the connection and try again.</source>
        <translation type="vanished">Databasen svarede ikke. Kontrollér forbindelsen, og prøv igen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="568"/>
        <source>Language</source>
        <translation>Sprog</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="569"/>
        <source>The new language is used the next time you start Koordinator.</source>
        <translation>Det nye sprog bruges, næste gang du starter Koordinator.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="575"/>
        <source>About Koordinator</source>
        <translation>Om Koordinator</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="576"/>
        <source>Koordinator %1 – one common plan for the family.</source>
        <translation>Koordinator %1 – én fælles plan med familien.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="180"/>
        <source>Journal</source>
        <translation>Journal</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <location filename="../../app/ui/calendar/meeting_dialog.py" line="92"/>
        <source>Change meeting</source>
        <translation>Ret møde</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_dialog.py" line="92"/>
        <source>New meeting</source>
        <translation>Nyt møde</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_dialog.py" line="108"/>
        <source>e.g. Rådhuset, mødelokale 2</source>
        <translation>fx Rådhuset, mødelokale 2</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_dialog.py" line="110"/>
        <source>Link to a video meeting, if any</source>
        <translation>Link til et videomøde, hvis der er et</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_dialog.py" line="111"/>
        <source>An interpreter is needed</source>
        <translation>Der skal bruges tolk</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_dialog.py" line="113"/>
        <source>The meeting has been held (recording it afterwards)</source>
        <translation>Mødet er holdt (registreres bagefter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_dialog.py" line="122"/>
        <location filename="../../app/ui/calendar/meeting_dialog.py" line="125"/>
        <source>Guest&apos;s name</source>
        <translation>Gæstens navn</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_dialog.py" line="124"/>
        <source>E-mail (for the invitation)</source>
        <translation>E-mail (til invitationen)</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_dialog.py" line="126"/>
        <source>Guest&apos;s e-mail</source>
        <translation>Gæstens e-mail</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_dialog.py" line="128"/>
        <source>Add guest</source>
        <translation>Tilføj gæst</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_dialog.py" line="147"/>
        <source>Use this time</source>
        <translation>Brug dette tidspunkt</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_dialog.py" line="155"/>
        <source>Kind of meeting</source>
        <translation>Mødetype</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_dialog.py" line="156"/>
        <source>Starts</source>
        <translation>Starter</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_dialog.py" line="157"/>
        <source>Ends</source>
        <translation>Slutter</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_dialog.py" line="158"/>
        <source>Place</source>
        <translation>Sted</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_dialog.py" line="159"/>
        <source>Video link</source>
        <translation>Videolink</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_dialog.py" line="160"/>
        <source>Participants</source>
        <translation>Deltagere</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_dialog.py" line="161"/>
        <source>Guests</source>
        <translation>Gæster</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_dialog.py" line="162"/>
        <source>Interpreter</source>
        <translation>Tolk</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_dialog.py" line="163"/>
        <source>Held</source>
        <translation>Afholdt</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_dialog.py" line="164"/>
        <source>Conflicts</source>
        <translation>Konflikter</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_dialog.py" line="165"/>
        <source>Free times</source>
        <translation>Ledige tider</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_dialog.py" line="248"/>
        <source>No guests.</source>
        <translation>Ingen gæster.</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_dialog.py" line="326"/>
        <source>%1 is busy %2–%3.</source>
        <translation>%1 er optaget %2–%3.</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_dialog.py" line="335"/>
        <source>Nobody is double-booked.</source>
        <translation>Ingen er dobbeltbooket.</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/meeting_dialog.py" line="434"/>
        <source>Nobody</source>
        <translation>Ingen</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <location filename="../../app/ui/family/family_dialogs.py" line="75"/>
        <source>Change person</source>
        <translation>Ret person</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_dialogs.py" line="75"/>
        <source>Add person</source>
        <translation>Tilføj person</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_dialogs.py" line="86"/>
        <source>DDMMYY-XXXX</source>
        <translation>DDMMÅÅ-XXXX</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_dialogs.py" line="90"/>
        <source>Has custody (forældremyndighed)</source>
        <translation>Har forældremyndighed</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_dialogs.py" line="93"/>
        <source>Lives in the household</source>
        <translation>Bor i husstanden</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_dialogs.py" line="98"/>
        <source>The family&apos;s copy of the plan is printed in the language of the adults with custody.</source>
        <translation>Familiens udgave af planen udskrives på det sprog, de voksne med forældremyndighed taler.</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_dialogs.py" line="103"/>
        <source>First name</source>
        <translation>Fornavn</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_dialogs.py" line="104"/>
        <source>Last name</source>
        <translation>Efternavn</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_dialogs.py" line="105"/>
        <source>CPR number</source>
        <translation>CPR-nummer</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_dialogs.py" line="106"/>
        <source>Relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_dialogs.py" line="107"/>
        <source>Custody</source>
        <translation>Forældremyndighed</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_dialogs.py" line="108"/>
        <source>Household</source>
        <translation>Husstand</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_dialogs.py" line="109"/>
        <source>Language of the printed plan</source>
        <translation>Sprog i den udskrevne plan</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_dialogs.py" line="111"/>
        <source>The CPR number cannot be changed here.</source>
        <translation>CPR-nummeret kan ikke ændres her.</translation>
    </message>
</context>
<context>
    <name>MemberPicker</name>
    <message>
        <location filename="../../app/ui/plan/member_picker.py" line="57"/>
        <source>Whom the goal concerns</source>
        <translation>Hvem målet gælder</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/member_picker.py" line="59"/>
        <source>Check each member the goal concerns, or the whole family. Space checks.</source>
        <translation>Sæt flueben ved hvert familiemedlem, målet gælder, eller ved hele familien. Mellemrum sætter flueben.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/member_picker.py" line="63"/>
        <source>The whole family</source>
        <translation>Hele familien</translation>
    </message>
</context>
<context>
    <name>MinutesDialog</name>
    <message>
        <location filename="../../app/ui/calendar/minutes_dialog.py" line="287"/>
        <source>The plan was changed</source>
        <translation>Planen er blevet ændret</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/minutes_dialog.py" line="289"/>
        <source>Someone else changed the plan&apos;s agreements while you wrote the minutes, so nothing was saved yet. The agreements are shown as they are now: check which are done and save again.</source>
        <translation>En anden har ændret planens aftaler, mens du skrev referatet, så intet er gemt endnu. Aftalerne vises nu, som de er: se efter, hvilke der er klaret, og gem igen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/minutes_dialog.py" line="61"/>
        <location filename="../../app/ui/calendar/minutes_dialog.py" line="140"/>
        <source>Minutes</source>
        <translation>Referat</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/minutes_dialog.py" line="69"/>
        <source>What was said and decided (notatpligt)</source>
        <translation>Det, der blev sagt og besluttet (notatpligt)</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/minutes_dialog.py" line="86"/>
        <source>What</source>
        <translation>Hvad</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/minutes_dialog.py" line="86"/>
        <source>Who</source>
        <translation>Hvem</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/minutes_dialog.py" line="86"/>
        <source>By when</source>
        <translation>Hvornår</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/minutes_dialog.py" line="91"/>
        <source>(choose)</source>
        <translation>(vælg)</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/minutes_dialog.py" line="104"/>
        <source>%1 (coordinator)</source>
        <translation>%1 (koordinator)</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/minutes_dialog.py" line="109"/>
        <source>New agreement</source>
        <translation>Ny aftale</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/minutes_dialog.py" line="120"/>
        <source>Goal</source>
        <translation>Mål</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/minutes_dialog.py" line="120"/>
        <source>The family (0–10)</source>
        <translation>Familien (0–10)</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/minutes_dialog.py" line="120"/>
        <source>Professionals (0–10)</source>
        <translation>Fagpersoner (0–10)</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/minutes_dialog.py" line="139"/>
        <source>Meeting</source>
        <translation>Møde</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/minutes_dialog.py" line="141"/>
        <source>Who came</source>
        <translation>Hvem kom</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/minutes_dialog.py" line="142"/>
        <source>Agreements done</source>
        <translation>Aftaler, der er gjort</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/minutes_dialog.py" line="143"/>
        <source>New agreements</source>
        <translation>Nye aftaler</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/minutes_dialog.py" line="144"/>
        <source>Progression scores</source>
        <translation>Progressionsscorer</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/minutes_dialog.py" line="333"/>
        <source>Nobody</source>
        <translation>Ingen</translation>
    </message>
</context>
<context>
    <name>MonthView</name>
    <message>
        <location filename="../../app/ui/calendar/month_view.py" line="75"/>
        <source>Month calendar</source>
        <translation>Månedskalender</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/calendar/month_view.py" line="138"/>
        <source>+%n more</source>
        <translation>
            <numerusform>+%n mere</numerusform>
            <numerusform>+%n mere</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/month_view.py" line="193"/>
        <location filename="../../app/ui/calendar/month_view.py" line="376"/>
        <source>Wk</source>
        <translation>Uge</translation>
    </message>
</context>
<context>
    <name>NameChoiceBox</name>
    <message>
        <location filename="../../app/ui/cases/name_choice.py" line="16"/>
        <source>Which name is right?</source>
        <translation>Hvilket navn er rigtigt?</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/name_choice.py" line="18"/>
        <source>This CPR number is already registered as %1. You typed %2.</source>
        <translation>Dette CPR-nummer er allerede registreret som %1. Du skrev %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/name_choice.py" line="24"/>
        <source>Keep the registered name, or correct it to the one you typed (everywhere the person appears)?</source>
        <translation>Behold det registrerede navn, eller ret det til det, du skrev (alle steder, personen optræder)?</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/name_choice.py" line="28"/>
        <source>Keep %1</source>
        <translation>Behold %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/name_choice.py" line="31"/>
        <source>Use %1</source>
        <translation>Brug %1</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../app/ui/navigation.py" line="59"/>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <location filename="../../app/ui/navigation.py" line="70"/>
        <source>%1 overdue</source>
        <translation>%1 over tid</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/navigation.py" line="71"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n over tid</numerusform>
            <numerusform>%n over tid</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/navigation.py" line="73"/>
        <source>%n task(s), deadline(s) or agreement(s) past their date</source>
        <translation>
            <numerusform>%n opgave, frist eller aftale er over tid</numerusform>
            <numerusform>%n opgaver, frister eller aftaler er over tid</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/navigation.py" line="76"/>
        <source>%n open case(s)</source>
        <translation>
            <numerusform>%n åben sag</numerusform>
            <numerusform>%n åbne sager</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/navigation.py" line="78"/>
        <source>%1 today</source>
        <translation>%1 i dag</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/navigation.py" line="79"/>
        <source>%n meeting(s) today</source>
        <translation>
            <numerusform>%n møde i dag</numerusform>
            <numerusform>%n møder i dag</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NetworkTab</name>
    <message>
        <location filename="../../app/ui/family/network_tab.py" line="67"/>
        <source>The family&apos;s network</source>
        <translation>Familiens netværk</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/network_tab.py" line="69"/>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/network_tab.py" line="70"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/network_tab.py" line="71"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/network_tab.py" line="72"/>
        <source>Sector</source>
        <translation>Sektor</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/network_tab.py" line="73"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/network_tab.py" line="74"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/network_tab.py" line="82"/>
        <source>New professional…</source>
        <translation>Ny fagperson…</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/network_tab.py" line="84"/>
        <source>Add existing…</source>
        <translation>Tilføj eksisterende…</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/network_tab.py" line="86"/>
        <source>Change…</source>
        <translation>Ret…</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/network_tab.py" line="87"/>
        <source>Copy contact list</source>
        <translation>Kopiér kontaktliste</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/network_tab.py" line="89"/>
        <source>Save picture…</source>
        <translation>Gem billede…</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/network_tab.py" line="91"/>
        <source>Zoom in</source>
        <translation>Zoom ind</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/network_tab.py" line="92"/>
        <source>Larger map (Ctrl++ or Ctrl+wheel)</source>
        <translation>Større kort (Ctrl++ eller Ctrl+rullehjul)</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/network_tab.py" line="94"/>
        <source>Zoom out</source>
        <translation>Zoom ud</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/network_tab.py" line="95"/>
        <source>Smaller map (Ctrl+-)</source>
        <translation>Mindre kort (Ctrl+-)</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/network_tab.py" line="97"/>
        <source>Whole map</source>
        <translation>Hele kortet</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/network_tab.py" line="98"/>
        <source>Show the whole map (Ctrl+0)</source>
        <translation>Vis hele kortet (Ctrl+0)</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/network_tab.py" line="185"/>
        <source>The contact list has been copied.</source>
        <translation>Kontaktlisten er kopieret.</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/network_tab.py" line="195"/>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG-billede (*.png);;SVG-tegning (*.svg)</translation>
    </message>
    <message>
        <source>The contact list is copied.</source>
        <translation type="vanished">Kontaktlisten er kopieret.</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/network_tab.py" line="193"/>
        <source>Save the network picture</source>
        <translation>Gem netværkskortet som billede</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/network_tab.py" line="194"/>
        <source>network.png</source>
        <translation>netværkskort.png</translation>
    </message>
    <message>
        <source>PNG picture (*.png);;SVG drawing (*.svg)</source>
        <translation type="vanished">PNG-billede (*.png);;SVG-tegning (*.svg)</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/network_tab.py" line="214"/>
        <source>Not saved</source>
        <translation>Ikke gemt</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/network_tab.py" line="215"/>
        <source>The picture could not be saved there. Choose another folder.</source>
        <translation>Billedet kunne ikke gemmes i den mappe. Vælg en anden mappe.</translation>
    </message>
</context>
<context>
    <name>NewAbsenceDialog</name>
    <message>
        <location filename="../../app/ui/team/absence_dialog.py" line="53"/>
        <source>New absence</source>
        <translation>Nyt fravær</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/absence_dialog.py" line="64"/>
        <source>All my cases</source>
        <translation>Alle mine sager</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/absence_dialog.py" line="72"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/absence_dialog.py" line="73"/>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/absence_dialog.py" line="74"/>
        <source>To and including</source>
        <translation>Til og med</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/absence_dialog.py" line="75"/>
        <source>Deputy</source>
        <translation>Stedfortræder</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/absence_dialog.py" line="76"/>
        <source>Covers</source>
        <translation>Dækker</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/absence_dialog.py" line="77"/>
        <source>Cases</source>
        <translation>Sager</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/absence_dialog.py" line="78"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/absence_dialog.py" line="96"/>
        <source>(choose)</source>
        <translation>(vælg)</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <location filename="../../app/ui/cases/new_case_dialog.py" line="57"/>
        <source>family name</source>
        <translation>familiens navn</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/new_case_dialog.py" line="58"/>
        <source>people</source>
        <translation>personer</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/new_case_dialog.py" line="59"/>
        <source>coordinator</source>
        <translation>koordinator</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/new_case_dialog.py" line="60"/>
        <source>partner caseworker</source>
        <translation>makker</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/new_case_dialog.py" line="61"/>
        <source>follow-up interval</source>
        <translation>opfølgningsinterval</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/new_case_dialog.py" line="62"/>
        <source>first name of person %1</source>
        <translation>fornavn på person %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/new_case_dialog.py" line="63"/>
        <source>last name of person %1</source>
        <translation>efternavn på person %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/new_case_dialog.py" line="64"/>
        <source>CPR number of person %1</source>
        <translation>CPR-nummer på person %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/new_case_dialog.py" line="65"/>
        <source>reason for going above the caseload limit</source>
        <translation>begrundelse for at gå over grænsen for sagsbelastning</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/new_case_dialog.py" line="115"/>
        <source>New case</source>
        <translation>Ny sag</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/new_case_dialog.py" line="119"/>
        <source>A family</source>
        <translation>En familie</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/new_case_dialog.py" line="120"/>
        <source>A single citizen</source>
        <translation>En enkelt borger</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/new_case_dialog.py" line="133"/>
        <source>e.g. The Holm Jensen family</source>
        <translation>fx Familien Holm Jensen</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/new_case_dialog.py" line="137"/>
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/new_case_dialog.py" line="157"/>
        <source> weeks</source>
        <translation> uger</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/new_case_dialog.py" line="160"/>
        <source>Family name</source>
        <translation>Familiens navn</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/new_case_dialog.py" line="163"/>
        <source>Coordinator</source>
        <translation>Koordinator</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/new_case_dialog.py" line="164"/>
        <source>Caseload</source>
        <translation>Sagsbelastning</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/new_case_dialog.py" line="165"/>
        <source>Partner caseworker</source>
        <translation>Makker (sagsbehandler)</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/new_case_dialog.py" line="166"/>
        <source>Coordination model</source>
        <translation>Model for koordinering</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/new_case_dialog.py" line="167"/>
        <source>Follow up every</source>
        <translation>Opfølgning hver</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/new_case_dialog.py" line="170"/>
        <source>People</source>
        <translation>Personer</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/new_case_dialog.py" line="173"/>
        <source>First name</source>
        <translation>Fornavn</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/new_case_dialog.py" line="174"/>
        <source>Last name</source>
        <translation>Efternavn</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/new_case_dialog.py" line="175"/>
        <source>CPR number</source>
        <translation>CPR-nummer</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/new_case_dialog.py" line="176"/>
        <source>Relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/new_case_dialog.py" line="177"/>
        <source>Custody</source>
        <translation>Forældremyndighed</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/new_case_dialog.py" line="178"/>
        <source>Lives at home</source>
        <translation>Bor hjemme</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/new_case_dialog.py" line="189"/>
        <source>Add person</source>
        <translation>Tilføj person</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/new_case_dialog.py" line="213"/>
        <source>Create case</source>
        <translation>Opret sag</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/new_case_dialog.py" line="214"/>
        <source>Cancel</source>
        <translation>Annullér</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/new_case_dialog.py" line="256"/>
        <source>DDMMYY-XXXX</source>
        <translation>DDMMÅÅ-XXXX</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/new_case_dialog.py" line="269"/>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/new_case_dialog.py" line="333"/>
        <source>%1, person %2</source>
        <translation>%1, person %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/new_case_dialog.py" line="335"/>
        <source>Remove person %1</source>
        <translation>Fjern person %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/new_case_dialog.py" line="435"/>
        <source>To create the case, fix: %1</source>
        <translation>Før sagen kan oprettes, mangler: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/new_case_dialog.py" line="540"/>
        <source>The case could not be saved: the database did not accept it. Nothing was stored; your typing is kept. Try again, or ask IT support.</source>
        <translation>Sagen kunne ikke gemmes, fordi databasen ikke tog imod den. Intet er gemt, og det, du har skrevet, er bevaret. Prøv igen, eller kontakt IT-support.</translation>
    </message>
</context>
<context>
    <name>OffersTab</name>
    <message>
        <location filename="../../app/ui/plan/offers_tab.py" line="24"/>
        <source>The help each person gets</source>
        <translation>Den hjælp, hver person får</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/offers_tab.py" line="26"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/offers_tab.py" line="26"/>
        <source>Law</source>
        <translation>Lov</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/offers_tab.py" line="26"/>
        <source>Help</source>
        <translation>Hjælp</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/offers_tab.py" line="26"/>
        <source>Comment for the plan</source>
        <translation>Kommentar til planen</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/offers_tab.py" line="34"/>
        <source>Filled from the family&apos;s interventions. Write a comment where the family needs one.</source>
        <translation>Udfyldt ud fra familiens indsatser. Skriv en kommentar, hvor familien har brug for det.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="502"/>
        <source>Password for the shared database</source>
        <translation>Adgangskode til den fælles database</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="504"/>
        <source>Password for %1</source>
        <translation>Adgangskode for %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="515"/>
        <source>Remember the password in the keyring</source>
        <translation>Husk adgangskoden i nøgleringen</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="530"/>
        <source>Log in</source>
        <translation>Log ind</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="531"/>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="544"/>
        <source>The server wants a password.</source>
        <translation>Serveren vil have en adgangskode.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="546"/>
        <source>The password kept in the keyring was refused. Has it been changed? Type the new one.</source>
        <translation>Adgangskoden i nøgleringen blev afvist. Er den blevet ændret? Skriv den nye.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="548"/>
        <source>The password was refused. Try again.</source>
        <translation>Adgangskoden blev afvist. Prøv igen.</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../app/ui/plan/plan_preview.py" line="116"/>
        <source>Preview of the printed plan</source>
        <translation>Forhåndsvisning af den udskrevne plan</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/plan/plan_preview.py" line="141"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n side</numerusform>
            <numerusform>%n sider</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PeopleTab</name>
    <message>
        <location filename="../../app/ui/family/people_tab.py" line="54"/>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/people_tab.py" line="55"/>
        <source>Relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/people_tab.py" line="56"/>
        <source>Age</source>
        <translation>Alder</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/people_tab.py" line="57"/>
        <source>CPR</source>
        <translation>CPR</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/people_tab.py" line="58"/>
        <source>Custody</source>
        <translation>Forældremyndighed</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/people_tab.py" line="59"/>
        <source>In household</source>
        <translation>I husstanden</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/people_tab.py" line="60"/>
        <source>Consent</source>
        <translation>Samtykke</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/people_tab.py" line="68"/>
        <source>Add person…</source>
        <translation>Tilføj person…</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/people_tab.py" line="70"/>
        <location filename="../../app/ui/family/people_tab.py" line="109"/>
        <source>Change…</source>
        <translation>Ret…</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/people_tab.py" line="71"/>
        <source>Remove…</source>
        <translation>Fjern…</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/people_tab.py" line="73"/>
        <source>Record consent…</source>
        <translation>Registrér samtykke…</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/people_tab.py" line="79"/>
        <source>Consent register…</source>
        <translation>Samtykkeregister …</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/people_tab.py" line="84"/>
        <source>Grouping of the interventions</source>
        <translation>Gruppering af indsatserne</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/people_tab.py" line="86"/>
        <source>Grouped by person</source>
        <translation>Grupperet efter person</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/people_tab.py" line="87"/>
        <source>Grouped by sector</source>
        <translation>Grupperet efter sektor</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/people_tab.py" line="95"/>
        <source>Intervention</source>
        <translation>Indsats</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/people_tab.py" line="96"/>
        <source>Law and section</source>
        <translation>Lov og paragraf</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/people_tab.py" line="97"/>
        <source>Responsible</source>
        <translation>Ansvarlig</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/people_tab.py" line="98"/>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/people_tab.py" line="99"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/people_tab.py" line="100"/>
        <source>Sector plan</source>
        <translation>Sektorplan</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/people_tab.py" line="101"/>
        <source>Source</source>
        <translation>Kilde</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/people_tab.py" line="102"/>
        <source>Weekly times</source>
        <translation>Ugentlige tider</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/people_tab.py" line="107"/>
        <source>New intervention…</source>
        <translation>Ny indsats…</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/people_tab.py" line="110"/>
        <source>End…</source>
        <translation>Afslut…</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/people_tab.py" line="91"/>
        <location filename="../../app/ui/family/people_tab.py" line="139"/>
        <source>Interventions</source>
        <translation>Indsatser</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/people_tab.py" line="51"/>
        <source>Family members</source>
        <translation>Familiens medlemmer</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/people_tab.py" line="191"/>
        <source>Yes, until %1</source>
        <translation>Ja, indtil %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/people_tab.py" line="193"/>
        <location filename="../../app/ui/family/people_tab.py" line="202"/>
        <location filename="../../app/ui/family/people_tab.py" line="203"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/people_tab.py" line="196"/>
        <source>None recorded</source>
        <translation>Intet registreret</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/people_tab.py" line="203"/>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/family/people_tab.py" line="245"/>
        <source>%1 (%n running)</source>
        <translation>
            <numerusform>%1 (%n i gang)</numerusform>
            <numerusform>%1 (%n i gang)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/family/people_tab.py" line="253"/>
        <source>No interventions</source>
        <translation>Ingen indsatser</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/family/people_tab.py" line="275"/>
        <source>%n intervention(s) not checked against the source system for a long time.</source>
        <translation>
            <numerusform>%n indsats er ikke tjekket mod kildesystemet i lang tid.</numerusform>
            <numerusform>%n indsatser er ikke tjekket mod kildesystemet i lang tid.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/family/people_tab.py" line="286"/>
        <source>%1, checked %2</source>
        <translation>%1, tjekket %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/people_tab.py" line="290"/>
        <source>%1, never checked</source>
        <translation>%1, aldrig tjekket</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/people_tab.py" line="295"/>
        <source>(no section)</source>
        <translation>(ingen paragraf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/people_tab.py" line="322"/>
        <source>Check this against the source system: the copy may be out of date.</source>
        <translation>Tjek dette i kildesystemet – kopien kan være forældet.</translation>
    </message>
</context>
<context>
    <name>PlanHeader</name>
    <message>
        <location filename="../../app/ui/plan/plan_header.py" line="31"/>
        <source>Choose what to keep…</source>
        <translation>Vælg, hvad der skal blive …</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_header.py" line="34"/>
        <source>Approve at meeting…</source>
        <translation>Godkend på møde…</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_header.py" line="36"/>
        <source>Versions and compare…</source>
        <translation>Versioner og sammenligning…</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_header.py" line="37"/>
        <source>Print plan…</source>
        <translation>Udskriv plan…</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_header.py" line="39"/>
        <source>Case journal</source>
        <translation>Sagens journal</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_header.py" line="41"/>
        <source>The case&apos;s journal notes, on the family page</source>
        <translation>Sagens journalnotater på familiesiden</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_header.py" line="64"/>
        <source>No plan yet. Start writing: it is saved as a draft.</source>
        <translation>Ingen plan endnu. Begynd at skrive – det bliver gemt som et udkast.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_header.py" line="67"/>
        <source>Version %1, approved %2. Your next change starts a new draft.</source>
        <translation>Version %1, godkendt %2. Næste gang du retter i planen, starter et nyt udkast.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_header.py" line="73"/>
        <source>Draft (version %1)</source>
        <translation>Udkast (version %1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_header.py" line="75"/>
        <source>last approved: version %1, %2</source>
        <translation>senest godkendt: version %1, %2</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <location filename="../../app/ui/plan/sections_tab.py" line="15"/>
        <source>The situation now (summary)</source>
        <translation>Situationen nu (resumé)</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/sections_tab.py" line="16"/>
        <source>The family&apos;s own views and wishes</source>
        <translation>Familiens egne ønsker og synspunkter</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/sections_tab.py" line="17"/>
        <source>Resources – what works</source>
        <translation>Ressourcer – det, der virker</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/sections_tab.py" line="18"/>
        <source>Barriers – what is hard</source>
        <translation>Barrierer – det, der er svært</translation>
    </message>
    <message>
        <source>The order of the efforts</source>
        <translation type="vanished">Rækkefølgen af indsatserne</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/sections_tab.py" line="19"/>
        <source>The order in which help comes</source>
        <translation>Rækkefølgen af hjælpen</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/sections_tab.py" line="20"/>
        <source>Follow-up: who takes the initiative, how often</source>
        <translation>Opfølgning: hvem tager initiativ, og hvor tit</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/sections_tab.py" line="21"/>
        <source>Closing: when the plan ends</source>
        <translation>Afslutning: hvornår planen slutter</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_page.py" line="118"/>
        <source>Open a case in the case list to write its plan here.</source>
        <translation>Åbn en sag i sagslisten for at skrive planen her.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_page.py" line="305"/>
        <source>Choose what to keep…</source>
        <translation>Vælg, hvad der skal blive …</translation>
    </message>
    <message>
        <source>Approve at meeting…</source>
        <translation type="vanished">Godkend på møde…</translation>
    </message>
    <message>
        <source>Versions and compare…</source>
        <translation type="vanished">Versioner og sammenligning…</translation>
    </message>
    <message>
        <source>Print plan…</source>
        <translation type="vanished">Udskriv plan…</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_page.py" line="143"/>
        <source>Plan text</source>
        <translation>Planens tekst</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_page.py" line="144"/>
        <source>Goals</source>
        <translation>Mål</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_page.py" line="145"/>
        <source>Agreements</source>
        <translation>Aftaler</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_page.py" line="146"/>
        <source>Offers</source>
        <translation>Tilbud</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_page.py" line="149"/>
        <source>Plain language</source>
        <translation>Klart sprog</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_page.py" line="150"/>
        <source>Preview</source>
        <translation>Forhåndsvisning</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation type="vanished">Mål</translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation type="vanished">Gælder</translation>
    </message>
    <message>
        <source>By</source>
        <translation type="vanished">Senest</translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="vanished">Status</translation>
    </message>
    <message>
        <source>Latest score</source>
        <translation type="vanished">Seneste score</translation>
    </message>
    <message>
        <source>New overall goal</source>
        <translation type="vanished">Nyt overordnet mål</translation>
    </message>
    <message>
        <source>New sub-goal</source>
        <translation type="vanished">Nyt delmål</translation>
    </message>
    <message>
        <source>New progression goal</source>
        <translation type="vanished">Nyt progressionsmål</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation type="vanished">Ret…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="vanished">Fjern</translation>
    </message>
    <message>
        <source>Record score…</source>
        <translation type="vanished">Registrér score…</translation>
    </message>
    <message>
        <source>What</source>
        <translation type="vanished">Hvad</translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="vanished">Hvem</translation>
    </message>
    <message>
        <source>By when</source>
        <translation type="vanished">Hvornår</translation>
    </message>
    <message>
        <source>New agreement</source>
        <translation type="vanished">Ny aftale</translation>
    </message>
    <message>
        <source>Remove agreement</source>
        <translation type="vanished">Fjern aftale</translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="vanished">Person</translation>
    </message>
    <message>
        <source>Law</source>
        <translation type="vanished">Lov</translation>
    </message>
    <message>
        <source>Help</source>
        <translation type="vanished">Hjælp</translation>
    </message>
    <message>
        <source>Comment for the plan</source>
        <translation type="vanished">Kommentar til planen</translation>
    </message>
    <message>
        <source>Filled from the family&apos;s interventions. Write a comment where the family needs one.</source>
        <translation type="vanished">Udfyldt ud fra familiens indsatser. Skriv en kommentar, hvor familien har brug for det.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_page.py" line="187"/>
        <source>Opening the plan…</source>
        <translation>Åbner planen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_dialogs.py" line="335"/>
        <source>Unsaved changes found</source>
        <translation>Ikke-gemte ændringer fundet</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_dialogs.py" line="336"/>
        <source>Changes you made to this plan %1 were not saved: the program or the connection stopped. Restore them? They are combined with what is stored now.</source>
        <translation>Ændringer, du lavede i denne plan %1, blev ikke gemt: programmet eller forbindelsen stoppede. Vil du hente dem tilbage? De lægges sammen med det, der er gemt nu.</translation>
    </message>
    <message>
        <source>Your unsaved changes are back. Saving…</source>
        <translation type="vanished">Dine ikke-gemte ændringer er tilbage. Gemmer …</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_page.py" line="232"/>
        <source>Plan for %1 (%2)</source>
        <translation>Plan for %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_page.py" line="252"/>
        <source>The case is closed: the plan can be read, not changed.</source>
        <translation>Sagen er afsluttet: planen kan læses, men ikke ændres.</translation>
    </message>
    <message>
        <source>No plan yet. Start writing: it is saved as a draft.</source>
        <translation type="vanished">Ingen plan endnu. Begynd at skrive – det bliver gemt som et udkast.</translation>
    </message>
    <message>
        <source>Version %1, approved %2. Your next change starts a new draft.</source>
        <translation type="vanished">Version %1, godkendt %2. Næste gang du retter i planen, starter et nyt udkast.</translation>
    </message>
    <message>
        <source>Draft (version %1)</source>
        <translation type="vanished">Udkast (version %1)</translation>
    </message>
    <message>
        <source>last approved: version %1, %2</source>
        <translation type="vanished">senest godkendt: version %1, %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_reading.py" line="53"/>
        <source>About %1</source>
        <translation>Om %1</translation>
    </message>
    <message>
        <source>family %1 · professionals %2</source>
        <translation type="vanished">familien %1 · fagpersoner %2</translation>
    </message>
    <message>
        <source>The whole family</source>
        <translation type="vanished">Hele familien</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation type="vanished">(vælg)</translation>
    </message>
    <message>
        <source>%1 (coordinator)</source>
        <translation type="vanished">%1 (koordinator)</translation>
    </message>
    <message>
        <source>Choose a goal first</source>
        <translation type="vanished">Vælg et mål først</translation>
    </message>
    <message>
        <source>Select the overall goal (for a sub-goal) or the sub-goal (for a progression goal) first.</source>
        <translation type="vanished">Vælg først det overordnede mål (til et delmål) eller delmålet (til et progressionsmål).</translation>
    </message>
    <message>
        <source>Remove the goal “%1”?</source>
        <translation type="vanished">Vil du fjerne målet “%1”?</translation>
    </message>
    <message numerus="yes">
        <source>%n goal(s) under it will be removed too.</source>
        <translation type="vanished">
            <numerusform>%n mål under det bliver også fjernet.</numerusform>
            <numerusform>%n mål under det bliver også fjernet.</numerusform>
        </translation>
    </message>
    <message>
        <source>your changes were combined with those of %1.</source>
        <translation type="vanished">dine ændringer blev lagt sammen med %1s.</translation>
    </message>
    <message>
        <source>Someone else removed this draft meanwhile.</source>
        <translation type="vanished">En anden har fjernet dette udkast i mellemtiden.</translation>
    </message>
    <message>
        <source>Not saved: the database did not answer. Your changes are kept here and in a local copy; saving is tried again soon.</source>
        <translation type="vanished">Ikke gemt: databasen svarede ikke. Dine ændringer bevares her og i en lokal kopi; der prøves at gemme igen om lidt.</translation>
    </message>
    <message>
        <source>Someone else saved this plan meanwhile: combining the changes…</source>
        <translation type="vanished">En anden har gemt planen i mellemtiden: ændringerne lægges sammen …</translation>
    </message>
    <message>
        <source>Not saved: the database did not answer. Your changes are kept; trying again soon.</source>
        <translation type="vanished">Ikke gemt: databasen svarede ikke. Dine ændringer bevares; prøver igen om lidt.</translation>
    </message>
    <message>
        <source>%1 approved this draft meanwhile, so it can no longer change.</source>
        <translation type="vanished">%1 har godkendt dette udkast i mellemtiden, så det kan ikke længere ændres.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_page.py" line="422"/>
        <source>Someone else</source>
        <translation>En anden</translation>
    </message>
    <message>
        <source>Someone else replaced or removed this draft meanwhile.</source>
        <translation type="vanished">En anden har erstattet eller fjernet dette udkast i mellemtiden.</translation>
    </message>
    <message>
        <source>Up to date with the changes of %1.</source>
        <translation type="vanished">Opdateret med %1s ændringer.</translation>
    </message>
    <message>
        <source>Not saved yet: you and %1 changed the same part of the plan. Your text is kept here and in a local copy until you choose.</source>
        <translation type="vanished">Ikke gemt endnu: du og %1 har ændret den samme del af planen. Din tekst bevares her og i en lokal kopi, indtil du vælger.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_page.py" line="433"/>
        <source>someone else</source>
        <translation>en anden</translation>
    </message>
    <message>
        <source>Your changes are kept here and in a local copy, not saved. Continue them in a new draft?</source>
        <translation type="vanished">Dine ændringer bevares her og i en lokal kopi, ikke gemt. Vil du fortsætte dem i et nyt udkast?</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_page.py" line="308"/>
        <source>Continue in a new draft</source>
        <translation>Fortsæt i et nyt udkast</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_page.py" line="420"/>
        <source>%1 changed this plan %2. Your changes are combined with theirs when they are saved.</source>
        <translation>%1 ændrede denne plan %2. Dine ændringer lægges sammen med deres, når de gemmes.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_page.py" line="432"/>
        <source>Updated with the changes of %1 (%2).</source>
        <translation>Opdateret med %1s ændringer (%2).</translation>
    </message>
    <message>
        <source>The database answers again: saving…</source>
        <translation type="vanished">Databasen svarer igen: gemmer …</translation>
    </message>
    <message>
        <source>The database cannot be reached. Your changes are kept here and in a local copy, and saved as soon as it answers again.</source>
        <translation type="vanished">Databasen kan ikke nås. Dine ændringer bevares her og i en lokal kopi og gemmes, så snart den svarer igen.</translation>
    </message>
    <message>
        <source>The database cannot be reached. What you write is saved when it answers again.</source>
        <translation type="vanished">Databasen kan ikke nås. Det, du skriver, gemmes, når den svarer igen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_problems.py" line="26"/>
        <source>No consent from a custody holder about %1.</source>
        <translation>Der mangler samtykke fra en forældremyndighedsindehaver om %1.</translation>
    </message>
    <message numerus="yes">
        <source>Its %n sub-goal(s) go with it.</source>
        <translation type="vanished">
            <numerusform>%n delmål under det bliver også fjernet.</numerusform>
            <numerusform>%n delmål under det bliver også fjernet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove goal</source>
        <translation type="vanished">Fjern mål</translation>
    </message>
    <message>
        <source>Changes not saved yet…</source>
        <translation type="vanished">Ændringer er ikke gemt endnu…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="vanished">Gemmer…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="vanished">Gemt kl. %1</translation>
    </message>
    <message>
        <source>Someone else saved this plan meanwhile. Your text is kept here and not saved: copy what you need, then open the case again.</source>
        <translation type="vanished">En anden har gemt planen imens. Din tekst er her stadig, men den er ikke gemt: kopiér det, du skal bruge, og åbn så sagen igen.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="vanished">Ikke gemt: %1</translation>
    </message>
    <message>
        <source>Not saved: the database did not answer. Trying again soon.</source>
        <translation type="vanished">Ikke gemt: databasen svarede ikke. Prøver igen om lidt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_page.py" line="483"/>
        <source>The preview could not be made.</source>
        <translation>Forhåndsvisningen kunne ikke laves.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_page.py" line="520"/>
        <source>Not approved</source>
        <translation>Ikke godkendt</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_page.py" line="520"/>
        <source>The plan must be saved before it is approved.</source>
        <translation>Planen skal gemmes, før den kan godkendes.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_page.py" line="526"/>
        <source>Nothing to approve</source>
        <translation>Intet at godkende</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_page.py" line="527"/>
        <source>This version is already approved. Change the plan to start a new draft.</source>
        <translation>Denne version er allerede godkendt. Ret i planen for at starte et nyt udkast.</translation>
    </message>
    <message>
        <source>Network meeting</source>
        <translation type="vanished">Netværksmøde</translation>
    </message>
    <message>
        <source>Follow-up meeting</source>
        <translation type="vanished">Opfølgningsmøde</translation>
    </message>
    <message>
        <source>Status meeting</source>
        <translation type="vanished">Statusmøde</translation>
    </message>
    <message>
        <source>Start meeting</source>
        <translation type="vanished">Opstartsmøde</translation>
    </message>
    <message>
        <source>Closing meeting</source>
        <translation type="vanished">Afslutningsmøde</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_problems.py" line="16"/>
        <source>The plan needs at least one goal.</source>
        <translation>Planen skal have mindst ét mål.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_problems.py" line="19"/>
        <source>Agreement %1 has no one responsible.</source>
        <translation>Aftale %1 har ingen ansvarlig.</translation>
    </message>
    <message>
        <source>No consent from a custody holder for %1.</source>
        <translation type="vanished">Der mangler samtykke fra en forældremyndighedsindehaver for %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_problems.py" line="30"/>
        <source>%1 must consent too (16 years or older).</source>
        <translation>%1 skal også selv give samtykke (fyldt 16 år).</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_problems.py" line="33"/>
        <source>No consent from %1.</source>
        <translation>Der mangler samtykke fra %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_problems.py" line="37"/>
        <source>%1 holds characters that cannot be stored (a NUL or a broken character): remove them.</source>
        <translation>%1 indeholder tegn, der ikke kan gemmes (et NUL-tegn eller et ødelagt tegn): fjern dem.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_problems.py" line="43"/>
        <source>%1 has too many characters: at most %2.</source>
        <translation>%1 har for mange tegn: højst %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_problems.py" line="47"/>
        <source>The plan cannot be approved in its present state.</source>
        <translation>Planen kan ikke godkendes, som den er nu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_problems.py" line="58"/>
        <source>The section “%1”</source>
        <translation>Afsnittet »%1«</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_problems.py" line="62"/>
        <source>The part about %1</source>
        <translation>Delen om %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_problems.py" line="66"/>
        <source>Goal %1</source>
        <translation>Mål %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_problems.py" line="68"/>
        <source>Agreement %1</source>
        <translation>Aftale %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_problems.py" line="70"/>
        <source>A comment in the offers overview</source>
        <translation>En kommentar i tilbudsoversigten</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_problems.py" line="71"/>
        <source>A text in the plan</source>
        <translation>En tekst i planen</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_page.py" line="590"/>
        <source>No plan yet</source>
        <translation>Ingen plan endnu</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_page.py" line="590"/>
        <source>Write the plan first; then it can be printed.</source>
        <translation>Skriv planen først – så kan den udskrives.</translation>
    </message>
</context>
<context>
    <name>PlanReading</name>
    <message>
        <location filename="../../app/ui/plan/plan_reading.py" line="44"/>
        <source>Goals</source>
        <translation>Mål</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_reading.py" line="45"/>
        <source>Agreements</source>
        <translation>Aftaler</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_reading.py" line="46"/>
        <source>Comments on the help</source>
        <translation>Kommentarer til hjælpen</translation>
    </message>
</context>
<context>
    <name>PlanReadingPanel</name>
    <message>
        <location filename="../../app/ui/plan/plan_reading.py" line="80"/>
        <source>The whole plan, as the family reads it</source>
        <translation>Hele planen, som familien læser den</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_reading.py" line="85"/>
        <source>LIX score of the whole plan</source>
        <translation>LIX-tal for hele planen</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_reading.py" line="92"/>
        <source>Parts of the plan by readability</source>
        <translation>Planens dele og hvor lette de er at læse</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_reading.py" line="94"/>
        <source>Part of the plan</source>
        <translation>Del af planen</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_reading.py" line="94"/>
        <source>LIX</source>
        <translation>LIX</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_reading.py" line="98"/>
        <source>Double-click a part (or press Enter) to go to it.</source>
        <translation>Dobbeltklik på en del (eller tryk Enter) for at gå til den.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_reading.py" line="109"/>
        <source>The text you are writing</source>
        <translation>Den tekst, du skriver</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_reading.py" line="156"/>
        <source>Nothing written for the family yet.</source>
        <translation>Der er ikke skrevet noget til familien endnu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_reading.py" line="173"/>
        <source>Hardest to read: %1 (%2).</source>
        <translation>Sværest at læse: %1 (%2).</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../app/ui/settings/preferences_dialog.py" line="19"/>
        <source>Family overview settings</source>
        <translation>Indstillinger for familieoverblik</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/preferences_dialog.py" line="24"/>
        <source> days</source>
        <translation> dage</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/preferences_dialog.py" line="27"/>
        <source>Mark copied interventions as stale after</source>
        <translation>Markér kopierede indsatser som forældede efter</translation>
    </message>
    <message>
        <source>Caseload limit per coordinator</source>
        <translation type="vanished">Grænse for sagsantal pr. koordinator</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/preferences_dialog.py" line="31"/>
        <source> weeks</source>
        <translation> uger</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/preferences_dialog.py" line="34"/>
        <source>Follow-up interval for new cases</source>
        <translation>Opfølgningsinterval for nye sager</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/preferences_dialog.py" line="37"/>
        <source>Interventions copied from DUBU, Momentum, Nexus and other systems are marked when nobody has checked them against the source for this long.</source>
        <translation>Indsatser, der er kopieret fra DUBU, Momentum, Nexus og andre systemer, bliver markeret, når ingen har tjekket dem i kildesystemet i så lang tid.</translation>
    </message>
</context>
<context>
    <name>PrintLanguages</name>
    <message>
        <location filename="../../app/ui/common/print_language_names.py" line="12"/>
        <source>Danish</source>
        <translation>Dansk</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/print_language_names.py" line="13"/>
        <source>English</source>
        <translation>Engelsk</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/print_language_names.py" line="14"/>
        <source>Ukrainian</source>
        <translation>Ukrainsk</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/print_language_names.py" line="15"/>
        <source>Polish</source>
        <translation>Polsk</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/print_language_names.py" line="16"/>
        <source>Arabic</source>
        <translation>Arabisk</translation>
    </message>
</context>
<context>
    <name>PrintPlanDialog</name>
    <message>
        <location filename="../../app/ui/plan/plan_preview.py" line="163"/>
        <source>Print plan</source>
        <translation>Udskriv plan</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_preview.py" line="173"/>
        <source>The family (complete)</source>
        <translation>Familien (komplet)</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_preview.py" line="175"/>
        <source>Copy for:</source>
        <translation>Kopi til:</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_preview.py" line="183"/>
        <source>The family&apos;s copy in this language: headings, dates and the other fixed texts. What you wrote is printed as you wrote it. A copy for someone else is in Danish.</source>
        <translation>Familiens kopi på dette sprog: overskrifter, datoer og de andre faste tekster. Det, du har skrevet, udskrives, som du skrev det. En kopi til andre er på dansk.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_preview.py" line="188"/>
        <source>Language:</source>
        <translation>Sprog:</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_preview.py" line="191"/>
        <source>Large print</source>
        <translation>Stor skrift</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_preview.py" line="193"/>
        <source>Save as PDF…</source>
        <translation>Gem som PDF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_preview.py" line="195"/>
        <source>Save as Word…</source>
        <translation>Gem som Word…</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_preview.py" line="198"/>
        <source>The same copy as an editable Word file, on the municipality&apos;s letter template</source>
        <translation>Samme kopi som en Word-fil, der kan redigeres, på kommunens brevskabelon</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_preview.py" line="200"/>
        <source>Print…</source>
        <translation>Udskriv…</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_preview.py" line="201"/>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <source>Danish</source>
        <translation type="vanished">Dansk</translation>
    </message>
    <message>
        <source>English</source>
        <translation type="vanished">Engelsk</translation>
    </message>
    <message>
        <source>Ukrainian</source>
        <translation type="vanished">Ukrainsk</translation>
    </message>
    <message>
        <source>Polish</source>
        <translation type="vanished">Polsk</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation type="vanished">Arabisk</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_preview.py" line="283"/>
        <source>Making the preview…</source>
        <translation>Laver forhåndsvisningen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_preview.py" line="312"/>
        <source>The Word copy is in Danish: choose Danish to save it.</source>
        <translation>Word-kopien er på dansk: vælg dansk for at gemme den.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_preview.py" line="365"/>
        <source>Database problem</source>
        <translation>Databaseproblem</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_preview.py" line="366"/>
        <source>The database did not answer, so the copy was not made. Try again.</source>
        <translation>Databasen svarede ikke, så kopien blev ikke lavet. Prøv igen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_preview.py" line="371"/>
        <source>The preview could not be made. Try again.</source>
        <translation>Forhåndsvisningen kunne ikke laves. Prøv igen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_preview.py" line="378"/>
        <source>Save the plan</source>
        <translation>Gem planen</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_preview.py" line="378"/>
        <source>plan.pdf</source>
        <translation>plan.pdf</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_preview.py" line="394"/>
        <location filename="../../app/ui/plan/plan_preview.py" line="433"/>
        <source>Not saved</source>
        <translation>Ikke gemt</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_preview.py" line="395"/>
        <location filename="../../app/ui/plan/plan_preview.py" line="434"/>
        <source>The plan could not be saved there: %1</source>
        <translation>Planen kunne ikke gemmes der: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_preview.py" line="405"/>
        <source>Save the plan as Word</source>
        <translation>Gem planen som Word</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_preview.py" line="405"/>
        <source>plan.docx</source>
        <translation>plan.docx</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_preview.py" line="405"/>
        <source>Word document (*.docx)</source>
        <translation>Word-dokument (*.docx)</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <location filename="../../app/ui/common/labels.py" line="110"/>
        <source>Required.</source>
        <translation>Skal udfyldes.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="111"/>
        <source>Write the CPR number as 10 digits, for example 010203-1234.</source>
        <translation>Skriv CPR-nummeret med 10 cifre, fx 010203-1234.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="114"/>
        <source>The first six digits are not a real date of birth (DDMMYY).</source>
        <translation>De første seks cifre er ikke en rigtig fødselsdato (DDMMÅÅ).</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="117"/>
        <source>The date of birth is in the future.</source>
        <translation>Fødselsdatoen ligger i fremtiden.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="118"/>
        <source>This CPR number is already given for another member.</source>
        <translation>CPR-nummeret er allerede angivet for en anden person.</translation>
    </message>
    <message>
        <source>This person is already registered in a case you do not have access to. Ask your team lead to give you access to that case.</source>
        <translation type="vanished">Personen er allerede registreret i en sag, du ikke har adgang til. Bed din teamleder om adgang til den sag.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="121"/>
        <source>This professional was entered by another team. Ask them or IT to correct the details.</source>
        <translation>Fagpersonen er oprettet af et andet team. Bed dem eller IT om at rette oplysningerne.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="125"/>
        <source>Note: the check digit does not match. Such numbers exist since 2007; check the number, it can still be right.</source>
        <translation>Bemærk: kontrolcifferet passer ikke. Sådanne numre findes siden 2007; tjek nummeret – det kan godt være rigtigt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="130"/>
        <source>Add at least one person.</source>
        <translation>Tilføj mindst én person.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="131"/>
        <source>A single-citizen case has one person.</source>
        <translation>En sag for en enkelt borger har én person.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="132"/>
        <source>Choose a follow-up interval between 1 and 52 weeks.</source>
        <translation>Vælg et opfølgningsinterval mellem 1 og 52 uger.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="135"/>
        <location filename="../../app/ui/common/labels.py" line="154"/>
        <source>A family with children needs at least one custody holder.</source>
        <translation>En familie med børn skal have mindst én med forældremyndighed.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="138"/>
        <source>The partner caseworker must be someone other than the coordinator.</source>
        <translation>Makkeren skal være en anden end koordinatoren.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="141"/>
        <source>The end cannot come before the start.</source>
        <translation>Slut kan ikke ligge før start.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="163"/>
        <source>The text holds characters that cannot be stored (a NUL or a broken character).</source>
        <translation>Teksten indeholder tegn, der ikke kan gemmes (et NUL-tegn eller et ødelagt tegn).</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="166"/>
        <source>The date is too far from today: check the year.</source>
        <translation>Datoen ligger for langt fra i dag: kontrollér årstallet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="167"/>
        <source>This CPR number is registered with another name: choose which name is right.</source>
        <translation>Dette CPR-nummer er registreret med et andet navn: vælg, hvilket navn der er rigtigt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="170"/>
        <source>The time must end after it starts.</source>
        <translation>Tidspunktet skal slutte efter, det begynder.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="171"/>
        <source>The meeting is cancelled or has been held, so it cannot be moved or changed that way.</source>
        <translation>Mødet er aflyst eller holdt, så det kan ikke flyttes eller ændres på den måde.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="174"/>
        <source>The time has passed. Choose a later time, or tick that the meeting was held.</source>
        <translation>Tidspunktet er passeret. Vælg et senere tidspunkt, eller sæt hak ved, at mødet er holdt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="177"/>
        <source>Two of the weekly times overlap. Join them into one.</source>
        <translation>To af de ugentlige tider overlapper. Slå dem sammen til én.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="180"/>
        <source>The date cannot be before the person was born.</source>
        <translation>Datoen kan ikke ligge før personens fødsel.</translation>
    </message>
    <message>
        <source>The end must come after the start.</source>
        <translation type="vanished">Slut skal ligge efter start.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="142"/>
        <source>This law section is not in force on the start date. Choose one that is.</source>
        <translation>Lovparagraffen gælder ikke på startdatoen. Vælg en, der gælder.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="145"/>
        <source>The date cannot be in the future.</source>
        <translation>Datoen kan ikke ligge i fremtiden.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="146"/>
        <source>The day the need was noticed must be on or before the start.</source>
        <translation>Dagen, kommunen blev opmærksom, skal ligge på eller før starten.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="149"/>
        <source>Write the e-mail address as name@example.dk.</source>
        <translation>Skriv e-mailadressen som navn@eksempel.dk.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="150"/>
        <source>Write the phone number with digits, for example 49 28 10 00.</source>
        <translation>Skriv telefonnummeret med cifre, fx 49 28 10 00.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="153"/>
        <source>The family must keep at least one person.</source>
        <translation>Der skal være mindst én person i familien.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="157"/>
        <source>This person is already in the family.</source>
        <translation>Personen er allerede med i familien.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="158"/>
        <source>A single citizen&apos;s case has no family to add people to.</source>
        <translation>Der kan ikke tilføjes personer til en sag for en enkelt borger.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="161"/>
        <source>The case is closed and cannot be changed.</source>
        <translation>Sagen er afsluttet og kan ikke ændres.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/labels.py" line="162"/>
        <source>The text is too long.</source>
        <translation>Teksten er for lang.</translation>
    </message>
</context>
<context>
    <name>ProfessionalDialog</name>
    <message>
        <location filename="../../app/ui/family/family_dialogs.py" line="269"/>
        <source>Change professional</source>
        <translation>Ret fagperson</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_dialogs.py" line="269"/>
        <source>New professional</source>
        <translation>Ny fagperson</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_dialogs.py" line="278"/>
        <source>e.g. PPR psychologist, teacher, job consultant</source>
        <translation>fx PPR-psykolog, lærer, jobkonsulent</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_dialogs.py" line="284"/>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_dialogs.py" line="285"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_dialogs.py" line="286"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_dialogs.py" line="287"/>
        <source>Sector</source>
        <translation>Sektor</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_dialogs.py" line="288"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_dialogs.py" line="289"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/family_dialogs.py" line="291"/>
        <source>Changes are seen in every family this professional works with.</source>
        <translation>Ændringerne kan ses i alle familier, som fagpersonen arbejder med.</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location filename="../../app/ui/settings/profile_dialog.py" line="26"/>
        <source>My profile</source>
        <translation>Min profil</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/profile_dialog.py" line="35"/>
        <source>name@municipality.dk</source>
        <translation>navn@kommune.dk</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/profile_dialog.py" line="38"/>
        <source>e.g. 49 28 10 00</source>
        <translation>fx 49 28 10 00</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/profile_dialog.py" line="39"/>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/profile_dialog.py" line="40"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/profile_dialog.py" line="41"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/profile_dialog.py" line="49"/>
        <source>Meeting invitations are sent from this address, and the participants&apos; answers come to it. Without an address an invitation can only be a calendar entry. The printed plan gives your phone number.</source>
        <translation>Mødeinvitationer sendes fra denne adresse, og deltagernes svar kommer til den. Uden en adresse kan en invitation kun være en kalenderaftale. Den udskrevne plan giver dit telefonnummer.</translation>
    </message>
</context>
<context>
    <name>ReminderNotice</name>
    <message>
        <location filename="../../app/ui/tasks/reminders.py" line="46"/>
        <source>Reminder</source>
        <translation>Påmindelse</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/reminders.py" line="50"/>
        <source>These tasks asked to be remembered now:</source>
        <translation>Du bad om at blive mindet om disse opgaver nu:</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/reminders.py" line="56"/>
        <source>Open task</source>
        <translation>Åbn opgave</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/reminders.py" line="68"/>
        <source> (due %1)</source>
        <translation> (frist %1)</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message numerus="yes">
        <location filename="../../app/ui/tasks/reminders.py" line="178"/>
        <source>Reminder: %n task(s) asked to be remembered now.</source>
        <translation>
            <numerusform>Påmindelse om %n opgave.</numerusform>
            <numerusform>Påmindelse om %n opgaver.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScoreChart</name>
    <message>
        <location filename="../../app/ui/plan/score_chart.py" line="140"/>
        <source>Progression scores over time</source>
        <translation>Progressionsscorer over tid</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/score_chart.py" line="163"/>
        <source>The family</source>
        <translation>Familien</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/score_chart.py" line="163"/>
        <source>Professionals</source>
        <translation>Fagpersoner</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/score_chart.py" line="201"/>
        <source>%1: the family %2, professionals %3, %4</source>
        <translation>%1: familien %2, fagpersonerne %3, %4</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/score_chart.py" line="202"/>
        <source>Scores</source>
        <translation>Scorer</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/score_chart.py" line="210"/>
        <source>The arrow keys move from score to score. The table shows the same.</source>
        <translation>Piletasterne flytter fra score til score. Tabellen viser det samme.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/score_chart.py" line="372"/>
        <source>No scores yet.</source>
        <translation>Ingen score endnu.</translation>
    </message>
</context>
<context>
    <name>ScoreDialog</name>
    <message>
        <location filename="../../app/ui/plan/plan_dialogs.py" line="173"/>
        <source>Progression score</source>
        <translation>Progressionsscore</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_dialogs.py" line="184"/>
        <source>Goal</source>
        <translation>Mål</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_dialogs.py" line="185"/>
        <source>The family&apos;s own score (0–10)</source>
        <translation>Familiens egen score (0–10)</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_dialogs.py" line="186"/>
        <source>The professionals&apos; score (0–10)</source>
        <translation>Fagpersonernes score (0–10)</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_dialogs.py" line="187"/>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/plan_dialogs.py" line="188"/>
        <source>Note</source>
        <translation>Bemærkning</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../app/ui/search/search_box.py" line="55"/>
        <source>Search everything</source>
        <translation>Søg i alt</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/search_box.py" line="57"/>
        <source>Search everything (Ctrl+K)</source>
        <translation>Søg i alt (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/search_box.py" line="60"/>
        <source>Names, CPR, case numbers, addresses, professionals, agreements, goals, journal, tasks and document titles in the cases you may see</source>
        <translation>Navne, CPR, sagsnumre, adresser, fagpersoner, aftaler, mål, journal, opgaver og dokumenttitler i de sager, du har adgang til</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/search_box.py" line="229"/>
        <source>The search could not be run: the database did not answer. Try again.</source>
        <translation>Søgningen kunne ikke gennemføres: databasen svarede ikke. Prøv igen.</translation>
    </message>
</context>
<context>
    <name>SearchResults</name>
    <message>
        <location filename="../../app/ui/search/result_list.py" line="25"/>
        <source>case</source>
        <translation>sag</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/result_list.py" line="26"/>
        <source>CPR</source>
        <translation>CPR</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/result_list.py" line="27"/>
        <source>name</source>
        <translation>navn</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/result_list.py" line="28"/>
        <source>address</source>
        <translation>adresse</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/result_list.py" line="29"/>
        <source>professional</source>
        <translation>fagperson</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/result_list.py" line="30"/>
        <source>agreement</source>
        <translation>aftale</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/result_list.py" line="31"/>
        <source>goal</source>
        <translation>mål</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/result_list.py" line="32"/>
        <source>journal</source>
        <translation>journal</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/result_list.py" line="33"/>
        <source>task</source>
        <translation>opgave</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/result_list.py" line="34"/>
        <source>document</source>
        <translation>dokument</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/result_list.py" line="155"/>
        <source>No results for &apos;%1&apos; in names, CPR, case numbers, addresses, professionals, agreements, goals, journal, tasks and document titles</source>
        <translation>Ingen resultater for &apos;%1&apos; i navne, CPR, sagsnumre, adresser, fagpersoner, aftaler, mål, journal, opgaver og dokumenttitler</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/result_list.py" line="163"/>
        <source>The first %1 results. Write more words to find fewer.</source>
        <translation>De første %1 resultater. Skriv flere ord for at finde færre.</translation>
    </message>
</context>
<context>
    <name>SectionsTab</name>
    <message>
        <location filename="../../app/ui/plan/sections_tab.py" line="98"/>
        <source>About %1</source>
        <translation>Om %1</translation>
    </message>
</context>
<context>
    <name>ShareOverrideDialog</name>
    <message>
        <location filename="../../app/ui/privacy/share_override_dialog.py" line="18"/>
        <source>No consent to share</source>
        <translation>Intet samtykke til deling</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/share_override_dialog.py" line="21"/>
        <source>There is no consent to share the plan about every member of the family with: %1.

Send the %2 anyway only if the law allows it without consent (e.g. a duty to pass information on). Give the reason; it is written in the audit log.</source>
        <translation>Der er ikke samtykke til at dele planen om alle i familien med: %1.

Send kun %2 alligevel, hvis loven tillader det uden samtykke (f.eks. en pligt til at videregive oplysninger). Skriv begrundelsen; den skrives i revisionsloggen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/share_override_dialog.py" line="33"/>
        <source>Reason for sharing without consent</source>
        <translation>Begrundelse for deling uden samtykke</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/share_override_dialog.py" line="38"/>
        <source>Send anyway</source>
        <translation>Send alligevel</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy/share_override_dialog.py" line="40"/>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
</context>
<context>
    <name>SlotTable</name>
    <message>
        <location filename="../../app/ui/family/intervention_dialog.py" line="86"/>
        <source>Weekday</source>
        <translation>Ugedag</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/intervention_dialog.py" line="86"/>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/intervention_dialog.py" line="86"/>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/intervention_dialog.py" line="86"/>
        <source>Parent present</source>
        <translation>Forælder med</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../app/ui/app.py" line="74"/>
        <source>This database was made by a newer version of Koordinator. Install the newest version before you open it. Nothing in the database was changed.</source>
        <translation>Databasen er lavet af en nyere version af Koordinator. Installér den nyeste version, før du åbner den. Intet i databasen er ændret.</translation>
    </message>
    <message>
        <location filename="../../app/ui/app.py" line="79"/>
        <source>The database could not be opened. Check that the file is not read-only, that the disk has room, and that the server is running. Details: %1</source>
        <translation>Databasen kunne ikke åbnes. Kontrollér, at filen ikke er skrivebeskyttet, at der er plads på disken, og at serveren kører. Detaljer: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/app.py" line="146"/>
        <source>Koordinator stopped unexpectedly last time. The details are in the log: %1</source>
        <translation>Koordinator stoppede uventet sidste gang. Detaljerne står i loggen: %1</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <location filename="../../app/ui/tasks/task_dialog.py" line="47"/>
        <source>Made from an agreement in the plan</source>
        <translation>Oprettet ud fra en aftale i planen</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_dialog.py" line="48"/>
        <source>Made from a deadline</source>
        <translation>Oprettet ud fra en frist</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_dialog.py" line="49"/>
        <source>Made from the case&apos;s follow-up date</source>
        <translation>Oprettet ud fra sagens opfølgningsdato</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_dialog.py" line="84"/>
        <source>Change task</source>
        <translation>Ret opgave</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_dialog.py" line="84"/>
        <source>New task</source>
        <translation>Ny opgave</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_dialog.py" line="98"/>
        <source>e.g. Call the school about the absence</source>
        <translation>f.eks. Ring til skolen om fraværet</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_dialog.py" line="101"/>
        <source>Reading colleagues…</source>
        <translation>Henter kolleger…</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_dialog.py" line="102"/>
        <source>Due</source>
        <translation>Frist</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_dialog.py" line="104"/>
        <source>Remind me</source>
        <translation>Påmind mig</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_dialog.py" line="110"/>
        <source>Case</source>
        <translation>Sag</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_dialog.py" line="111"/>
        <source>What</source>
        <translation>Hvad</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_dialog.py" line="112"/>
        <source>Who does it</source>
        <translation>Hvem gør det</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_dialog.py" line="113"/>
        <source>By when</source>
        <translation>Hvornår</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_dialog.py" line="114"/>
        <source>Reminder</source>
        <translation>Påmindelse</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_dialog.py" line="115"/>
        <source>Note</source>
        <translation>Bemærkning</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_dialog.py" line="144"/>
        <source>No case: only you and the one who does it see this task</source>
        <translation>Ingen sag: kun du og den, der skal gøre det, kan se opgaven</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_dialog.py" line="159"/>
        <source>Me (%1)</source>
        <translation>Mig (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_dialog.py" line="161"/>
        <source>%1 (partner caseworker)</source>
        <translation>%1 (makker)</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_dialog.py" line="163"/>
        <source>%1 (coordinator)</source>
        <translation>%1 (koordinator)</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_dialog.py" line="232"/>
        <source>There is already an open task for this, so no second one was made. Cancel to see it.</source>
        <translation>Der er allerede en åben opgave for dette, så der er ikke oprettet en til. Annullér for at se den.</translation>
    </message>
</context>
<context>
    <name>TaskPanel</name>
    <message>
        <location filename="../../app/ui/tasks/task_panel.py" line="64"/>
        <source>Tasks</source>
        <translation>Opgaver</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_panel.py" line="67"/>
        <source>What</source>
        <translation>Hvad</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_panel.py" line="68"/>
        <source>By when</source>
        <translation>Hvornår</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_panel.py" line="69"/>
        <source>Who does it</source>
        <translation>Hvem gør det</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_panel.py" line="70"/>
        <source>Reminder</source>
        <translation>Påmindelse</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_panel.py" line="71"/>
        <source>Done</source>
        <translation>Udført</translation>
    </message>
    <message>
        <source>No tasks for this case yet.</source>
        <translation type="vanished">Sagen har ingen opgaver endnu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_panel.py" line="85"/>
        <source>No tasks for this case yet. Make one with New task…</source>
        <translation>Ingen opgaver i sagen endnu. Opret en med Ny opgave …</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_panel.py" line="87"/>
        <source>New task…</source>
        <translation>Ny opgave…</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_panel.py" line="89"/>
        <source>Change…</source>
        <translation>Ret…</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_panel.py" line="91"/>
        <location filename="../../app/ui/tasks/task_panel.py" line="229"/>
        <source>Mark as done</source>
        <translation>Markér som udført</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_panel.py" line="170"/>
        <source>%1 by %2</source>
        <translation>%1 af %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_panel.py" line="194"/>
        <source>Overdue</source>
        <translation>Overskredet</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_panel.py" line="229"/>
        <source>Mark as not done</source>
        <translation>Markér som ikke udført</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_panel.py" line="241"/>
        <source>The task was saved.</source>
        <translation>Opgaven er gemt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_panel.py" line="280"/>
        <source>Changed by someone else</source>
        <translation>Ændret af en anden</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_panel.py" line="281"/>
        <source>Someone else changed this task just now. The list now shows it as it is.</source>
        <translation>En anden har lige ændret opgaven. Listen viser den nu, som den er.</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_panel.py" line="287"/>
        <source>Not changed</source>
        <translation>Ikke ændret</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_panel.py" line="288"/>
        <source>The case is closed, so its tasks are no longer changed.</source>
        <translation>Sagen er lukket, så dens opgaver kan ikke længere ændres.</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_panel.py" line="336"/>
        <source>Task already made</source>
        <translation>Opgaven findes allerede</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_panel.py" line="337"/>
        <source>There is already an open task for this agreement, so no second one was made.</source>
        <translation>Der er allerede en åben opgave for denne aftale, så der er ikke oprettet en til.</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_panel.py" line="339"/>
        <source>There is already an open task for this date, so no second one was made.</source>
        <translation>Der er allerede en åben opgave for denne dato, så der blev ikke lavet en til.</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_panel.py" line="349"/>
        <location filename="../../app/ui/tasks/task_panel.py" line="361"/>
        <source>No task made</source>
        <translation>Ingen opgave oprettet</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_panel.py" line="351"/>
        <source>The case no longer has this date (it may have been met meanwhile). The menu is read again.</source>
        <translation>Sagen har ikke længere denne dato (den er måske overholdt i mellemtiden). Menuen læses igen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_panel.py" line="363"/>
        <source>The agreement is not saved in the plan yet. Give it some words, wait for the plan to be saved and try again.</source>
        <translation>Aftalen er ikke gemt i planen endnu. Skriv hvad den går ud på, vent til planen er gemt, og prøv igen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_panel.py" line="383"/>
        <source>The task is no longer there.</source>
        <translation>Opgaven findes ikke længere.</translation>
    </message>
</context>
<context>
    <name>TaskSourcesButton</name>
    <message>
        <location filename="../../app/ui/tasks/task_sources_menu.py" line="45"/>
        <source>From a deadline…</source>
        <translation>Fra en frist …</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_sources_menu.py" line="46"/>
        <source>Make a task of one of the case&apos;s deadlines or of its next follow-up</source>
        <translation>Lav en opgave ud fra en af sagens frister eller dens næste opfølgning</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_sources_menu.py" line="76"/>
        <source>Deadline %1: %2</source>
        <translation>Frist %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks/task_sources_menu.py" line="87"/>
        <source>Next follow-up: %1</source>
        <translation>Næste opfølgning: %1</translation>
    </message>
</context>
<context>
    <name>TeamOverviewDialog</name>
    <message>
        <location filename="../../app/ui/team/team_overview.py" line="58"/>
        <source>holiday</source>
        <translation>ferie</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_overview.py" line="59"/>
        <source>illness</source>
        <translation>sygdom</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_overview.py" line="60"/>
        <source>course</source>
        <translation>kursus</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_overview.py" line="104"/>
        <source>Team overview</source>
        <translation>Teamoverblik</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_overview.py" line="110"/>
        <source>Coordinator</source>
        <translation>Koordinator</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_overview.py" line="111"/>
        <source>Caseload</source>
        <translation>Sagsbelastning</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_overview.py" line="112"/>
        <source>Follow-ups overdue</source>
        <translation>Opfølgning over tid</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_overview.py" line="113"/>
        <source>Deadlines overdue</source>
        <translation>Frister over tid</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_overview.py" line="114"/>
        <source>Plans not approved</source>
        <translation>Planer uden godkendelse</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_overview.py" line="115"/>
        <source>Away (deputy)</source>
        <translation>Fravær (stedfortræder)</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_overview.py" line="118"/>
        <source>Caseworkers in the team</source>
        <translation>Teamets sagsbehandlere</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_overview.py" line="120"/>
        <source>Double-click a figure to see the cases behind it.</source>
        <translation>Dobbeltklik på et tal for at se sagerne bag det.</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_overview.py" line="130"/>
        <source>Export PDF…</source>
        <translation>Gem som PDF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_overview.py" line="133"/>
        <source>Refresh</source>
        <translation>Opdater</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_overview.py" line="134"/>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_overview.py" line="143"/>
        <source>Coordinators</source>
        <translation>Koordinatorer</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_overview.py" line="144"/>
        <source>Candidates</source>
        <translation>Kandidater</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_overview.py" line="180"/>
        <source>all coordinators</source>
        <translation>alle koordinatorer</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_overview.py" line="182"/>
        <source>Team: %1 · %2 · caseload limit %3 (a family counts %4, a citizen %5)</source>
        <translation>Team: %1 · %2 · grænse for sagsbelastning %3 (en familie tæller %4, en borger %5)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/team/team_overview.py" line="195"/>
        <source>Candidate cases without a coordinator: %n</source>
        <translation>
            <numerusform>Kandidatsager uden koordinator: %n</numerusform>
            <numerusform>Kandidatsager uden koordinator: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_overview.py" line="205"/>
        <source>%1 of %2</source>
        <translation>%1 af %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_overview.py" line="212"/>
        <source>%1 %2–%3 (%4)</source>
        <translation>%1 %2–%3 (%4)</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_overview.py" line="226"/>
        <source>Above the team&apos;s caseload limit.</source>
        <translation>Over teamets grænse for sagsbelastning.</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_overview.py" line="239"/>
        <source>The team overview could not be read. Try again, or ask IT support.</source>
        <translation>Teamoverblikket kunne ikke læses. Prøv igen, eller spørg IT-support.</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_overview.py" line="255"/>
        <source>Cases in the caseload of %1</source>
        <translation>Sager i %1s sagsbelastning</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_overview.py" line="256"/>
        <source>Follow-ups overdue: %1</source>
        <translation>Opfølgning over tid: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_overview.py" line="257"/>
        <source>Deadlines overdue: %1</source>
        <translation>Frister over tid: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_overview.py" line="258"/>
        <source>Plans not approved: %1</source>
        <translation>Planer uden godkendelse: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_overview.py" line="259"/>
        <source>Cases covered while %1 is away</source>
        <translation>Sager, der dækkes, mens %1 er væk</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_overview.py" line="260"/>
        <source>Candidate cases without a coordinator</source>
        <translation>Kandidatsager uden koordinator</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_overview.py" line="274"/>
        <source>Save the team overview</source>
        <translation>Gem teamoverblikket</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_overview.py" line="281"/>
        <source>Saved: %1</source>
        <translation>Gemt: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_overview.py" line="291"/>
        <source>The PDF could not be written there. Choose another folder.</source>
        <translation>PDF-filen kunne ikke gemmes der. Vælg en anden mappe.</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../app/ui/family/timeline_view.py" line="229"/>
        <source>Same kind of help at the same time</source>
        <translation>Samme slags hjælp på samme tid</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/timeline_view.py" line="231"/>
        <source>No help</source>
        <translation>Uden hjælp</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/timeline_tips.py" line="36"/>
        <source>Professional: %1</source>
        <translation>Fagperson: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/timeline_tips.py" line="41"/>
        <source>From %1, no end date</source>
        <translation>Fra %1, ingen slutdato</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/timeline_tips.py" line="45"/>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/timeline_tips.py" line="46"/>
        <source>Sector: %1</source>
        <translation>Sektor: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/timeline_tips.py" line="48"/>
        <source>Sector plan: %1</source>
        <translation>Sektorplan: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/timeline_tips.py" line="51"/>
        <source>Source system: %1</source>
        <translation>Kildesystem: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/timeline_tips.py" line="56"/>
        <source>Last checked: %1</source>
        <translation>Sidst tjekket: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/timeline_tips.py" line="75"/>
        <source>Same kind of help at the same time as: %1</source>
        <translation>Samme slags hjælp på samme tid som: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/timeline_tips.py" line="84"/>
        <source>No end date</source>
        <translation>Ingen slutdato</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/family/timeline_view.py" line="216"/>
        <source>No help for %n week(s)</source>
        <translation>
            <numerusform>%n uge uden hjælp</numerusform>
            <numerusform>%n uger uden hjælp</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/family/timeline_tips.py" line="119"/>
        <location filename="../../app/ui/family/timeline_tips.py" line="143"/>
        <source>From %1 to %2</source>
        <translation>Fra %1 til %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/timeline_tips.py" line="124"/>
        <location filename="../../app/ui/family/timeline_tips.py" line="148"/>
        <source>Since %1</source>
        <translation>Siden %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/timeline_tips.py" line="137"/>
        <source>%1 and %2 are the same kind of help at the same time.</source>
        <translation>%1 og %2 er samme slags hjælp på samme tid.</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/timeline_view.py" line="109"/>
        <source>Timeline of the interventions</source>
        <translation>Tidslinje over indsatserne</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/timeline_view.py" line="195"/>
        <source>The arrow keys move between the interventions; Enter opens one. The list shows the same.</source>
        <translation>Piletasterne flytter mellem indsatserne; Enter åbner en. Listen viser det samme.</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/timeline_view.py" line="432"/>
        <source>No interventions yet.</source>
        <translation>Ingen indsatser endnu.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/family/timeline_view.py" line="471"/>
        <source>%n earlier intervention(s) not shown</source>
        <translation>
            <numerusform>%n tidligere indsats vises ikke</numerusform>
            <numerusform>%n tidligere indsatser vises ikke</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/family/timeline_view.py" line="496"/>
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n år</numerusform>
            <numerusform>%n år</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/family/timeline_axis.py" line="66"/>
        <source>Week</source>
        <translation>Uge</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/timeline_axis.py" line="105"/>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/family/timeline_view.py" line="450"/>
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n uge</numerusform>
            <numerusform>%n uger</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TransitionPanel</name>
    <message>
        <location filename="../../app/ui/family/transition_panel.py" line="46"/>
        <source>Support needs</source>
        <translation>Støttebehov</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/transition_panel.py" line="47"/>
        <source>Education</source>
        <translation>Uddannelse</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/transition_panel.py" line="48"/>
        <source>Employment and income</source>
        <translation>Beskæftigelse og forsørgelse</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/transition_panel.py" line="49"/>
        <source>Housing</source>
        <translation>Bolig</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/transition_panel.py" line="50"/>
        <source>Social conditions</source>
        <translation>Sociale forhold</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/transition_panel.py" line="86"/>
        <source>From 16, a young person gets a transition track so that decisions about help as an adult are ready before the 18th birthday (Barnets lov §§ 122-123).</source>
        <translation>Når en ung fylder 16 år, starter et overgangsforløb, så afgørelser om hjælp som voksen er klar før 18-årsdagen (Barnets lov §§ 122-123).</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/transition_panel.py" line="134"/>
        <source>Nobody in the family is between 16 and 18.</source>
        <translation>Ingen i familien er mellem 16 og 18 år.</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/transition_panel.py" line="142"/>
        <source>%1 has no transition track yet. Adult decisions should be ready by %2.</source>
        <translation>%1 har endnu ikke et overgangsforløb. Afgørelser om hjælp som voksen bør være klar senest %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/transition_panel.py" line="149"/>
        <source>Start transition track</source>
        <translation>Start overgangsforløb</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/transition_panel.py" line="162"/>
        <source>%1 – turns 18 on %2</source>
        <translation>%1 – fylder 18 år den %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/family/transition_panel.py" line="172"/>
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n dag tilbage</numerusform>
            <numerusform>%n dage tilbage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/family/transition_panel.py" line="174"/>
        <source>%n day(s) past the deadline</source>
        <translation>
            <numerusform>%n dag over fristen</numerusform>
            <numerusform>%n dage over fristen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/family/transition_panel.py" line="177"/>
        <source>%1 of %2 topics ready · %3</source>
        <translation>%1 af %2 emner klar · %3</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/transition_panel.py" line="196"/>
        <source>What is agreed, who does it</source>
        <translation>Hvad er aftalt, og hvem gør det</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/transition_panel.py" line="197"/>
        <source>%1: what is agreed</source>
        <translation>%1: hvad er aftalt</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/transition_panel.py" line="205"/>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/transition_panel.py" line="214"/>
        <source>Adult services contact</source>
        <translation>Kontaktperson i voksenområdet</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/transition_panel.py" line="215"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/transition_panel.py" line="216"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/transition_panel.py" line="217"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/transition_panel.py" line="218"/>
        <source>Note</source>
        <translation>Bemærkning</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/transition_panel.py" line="221"/>
        <source>No contact in adult services recorded yet.</source>
        <translation>Der er endnu ikke registreret en kontaktperson i voksenområdet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/transition_panel.py" line="229"/>
        <source>Save transition track</source>
        <translation>Gem overgangsforløb</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/transition_panel.py" line="256"/>
        <source>Not started</source>
        <translation>Ikke startet</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/transition_panel.py" line="261"/>
        <source>Not saved</source>
        <translation>Ikke gemt</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/transition_panel.py" line="261"/>
        <source>The database did not answer. Try again.</source>
        <translation>Databasen svarede ikke. Prøv igen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/transition_panel.py" line="341"/>
        <source>Someone else changed this track. Your changes are still here: copy what you need before you open the case again, which shows their version.</source>
        <translation>En anden har ændret dette overgangsforløb. Dine ændringer er her stadig: kopiér det, du skal bruge, før du åbner sagen igen og ser den andens udgave.</translation>
    </message>
    <message>
        <source>Someone else changed this track. Your changes are still here; reopen the case to see theirs.</source>
        <translation type="vanished">En anden har ændret forløbet. Dine ændringer er her stadig. Åbn sagen igen for at se den andens ændringer.</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/transition_panel.py" line="346"/>
        <source>The database did not answer, so nothing was saved. Try again.</source>
        <translation>Databasen svarede ikke, så intet er gemt. Prøv igen.</translation>
    </message>
</context>
<context>
    <name>WeekGrid</name>
    <message>
        <source>%1 needs a parent at %5 on %2 %3–%4, but %6 is busy with %7.</source>
        <translation type="vanished">%1 skal have en forælder med til %5 %2 kl. %3–%4, men %6 er optaget af %7.</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/week_texts.py" line="47"/>
        <source>%1 needs a parent present for %5 on %2 %3–%4, but %6 is busy with %7.</source>
        <translation>%1 skal have en forælder med til %5 %2 kl. %3–%4, men %6 er optaget af %7.</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/week_texts.py" line="51"/>
        <source>%1 has two things at the same time on %2 %3–%4: %5 and %6.</source>
        <translation>%1 skal to steder på samme tid %2 kl. %3–%4: %5 og %6.</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/week_grid.py" line="92"/>
        <source>The family&apos;s week</source>
        <translation>Familiens uge</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/week_grid.py" line="186"/>
        <source>The arrow keys move between the weekly times; Enter opens the intervention. The list shows the same.</source>
        <translation>Piletasterne flytter mellem de faste tider; Enter åbner indsatsen. Listen viser det samme.</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/week_grid.py" line="217"/>
        <location filename="../../app/ui/family/week_grid.py" line="368"/>
        <location filename="../../app/ui/family/week_texts.py" line="66"/>
        <source>A parent must be present</source>
        <translation>En forælder skal være med</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/week_grid.py" line="370"/>
        <source>Collision</source>
        <translation>Kollision</translation>
    </message>
    <message>
        <location filename="../../app/ui/family/week_grid.py" line="429"/>
        <source>No weekly times yet.</source>
        <translation>Ingen ugentlige tider endnu.</translation>
    </message>
</context>
<context>
    <name>WeekView</name>
    <message>
        <location filename="../../app/ui/calendar/week_view.py" line="78"/>
        <source>Week calendar</source>
        <translation>Ugekalender</translation>
    </message>
    <message>
        <location filename="../../app/ui/calendar/week_view.py" line="233"/>
        <source>Week %1</source>
        <translation>Uge %1</translation>
    </message>
</context>
<context>
    <name>widget</name>
    <message>
        <source>no keyring (Secret Service or KWallet) is running on this computer</source>
        <translation type="vanished">der kører ingen nøglering (Secret Service eller KWallet) på denne computer</translation>
    </message>
    <message>
        <source>the keyring on this computer did not answer</source>
        <translation type="vanished">nøgleringen på denne computer svarede ikke</translation>
    </message>
    <message>
        <source>The password cannot be remembered: %1. Koordinator asks for it each time it starts; it is never written to a file.</source>
        <translation type="vanished">Adgangskoden kan ikke huskes: %1. Koordinator spørger efter den, hver gang programmet starter; den skrives aldrig i en fil.</translation>
    </message>
</context>
</TS>

<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="da_DK">
<context>
    <name>CaseListModel</name>
    <message>
        <location filename="../../app/ui/case_list_model.py" line="57" />
        <source>Case no.</source>
        <translation>Sagsnr.</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list_model.py" line="58" />
        <source>Family or citizen</source>
        <translation>Familie eller borger</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list_model.py" line="59" />
        <source>CPR</source>
        <translation>CPR</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list_model.py" line="60" />
        <source>Coordinator</source>
        <translation>Koordinator</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list_model.py" line="61" />
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list_model.py" line="62" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list_model.py" line="63" />
        <source>Next meeting</source>
        <translation>Næste møde</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list_model.py" line="64" />
        <source>Follow-up due</source>
        <translation>Opfølgning senest</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list_model.py" line="65" />
        <source>Open agreements</source>
        <translation>Åbne aftaler</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list_model.py" line="66" />
        <source>Flags</source>
        <translation>Opmærksomhed</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list_model.py" line="69" />
        <source>Follow-up overdue</source>
        <translation>Opfølgning overskredet</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list_model.py" line="70" />
        <source>Turns 18 within 12 months</source>
        <translation>Fylder 18 inden et år</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list_model.py" line="71" />
        <source>CPR numbers are masked in lists.</source>
        <translation>CPR-numre er skjult i lister.</translation>
    </message>
</context>
<context>
    <name>CaseListPage</name>
    <message>
        <location filename="../../app/ui/case_list_page.py" line="38" />
        <source>Search name, case number or CPR</source>
        <translation>Søg på navn, sagsnummer eller CPR</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list_page.py" line="42" />
        <source>My cases</source>
        <translation>Mine sager</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list_page.py" line="43" />
        <source>All cases</source>
        <translation>Alle sager</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list_page.py" line="45" />
        <source>New case…</source>
        <translation>Ny sag …</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/case_list_page.py" line="99" />
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n sag</numerusform><numerusform>%n sager</numerusform></translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../app/ui/crash_dialog.py" line="12" />
        <source>Something went wrong</source>
        <translation>Der gik noget galt</translation>
    </message>
    <message>
        <location filename="../../app/ui/crash_dialog.py" line="15" />
        <source>Koordinator hit an unexpected error. Your open work is still in the window; save it if you can. Please send the details below to IT support. The log is here: %1</source>
        <translation>Koordinator ramte en uventet fejl. Dit åbne arbejde er stadig i vinduet; gem det, hvis du kan. Send detaljerne nedenfor til IT-support. Loggen ligger her: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/crash_dialog.py" line="25" />
        <source>Copy details</source>
        <translation>Kopiér detaljer</translation>
    </message>
</context>
<context>
    <name>FamilyPage</name>
    <message>
        <location filename="../../app/ui/family_page.py" line="36" />
        <source>Coordinator</source>
        <translation>Koordinator</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_page.py" line="37" />
        <source>Partner caseworker</source>
        <translation>Makker (sagsbehandler)</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_page.py" line="38" />
        <source>Model and status</source>
        <translation>Model og status</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_page.py" line="39" />
        <source>Next follow-up</source>
        <translation>Næste opfølgning</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_page.py" line="43" />
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_page.py" line="43" />
        <source>Relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_page.py" line="43" />
        <source>Age</source>
        <translation>Alder</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_page.py" line="43" />
        <source>CPR</source>
        <translation>CPR</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_page.py" line="43" />
        <source>Custody</source>
        <translation>Forældremyndighed</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_page.py" line="48" />
        <source>Open a case in the case list to see the family here.</source>
        <translation>Åbn en sag i sagslisten for at se familien her.</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_page.py" line="53" />
        <source>Members</source>
        <translation>Medlemmer</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_page.py" line="71" />
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_page.py" line="83" />
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <location filename="../../app/ui/formatting.py" line="22" />
        <source>%1 at %2</source>
        <translation>%1 kl. %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="32" />
        <source>week %1</source>
        <translation>uge %1</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../app/ui/labels.py" line="15" />
        <source>Candidate</source>
        <translation>Kandidat</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="16" />
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="17" />
        <source>Paused</source>
        <translation>Sat i bero</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="18" />
        <source>Closed</source>
        <translation>Afsluttet</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="19" />
        <source>One family – one entry</source>
        <translation>Én familie – én indgang</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="20" />
        <source>Together for the family</source>
        <translation>Sammen om familien</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="21" />
        <source>Holistic plan</source>
        <translation>Helhedsorienteret plan</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="22" />
        <source>Other model</source>
        <translation>Anden model</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="23" />
        <source>Parent</source>
        <translation>Forælder</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="24" />
        <source>Child</source>
        <translation>Barn</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="25" />
        <source>Step-parent</source>
        <translation>Stedforælder</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="26" />
        <source>Sibling</source>
        <translation>Søskende</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="27" />
        <source>Grandparent</source>
        <translation>Bedsteforælder</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="28" />
        <source>Other</source>
        <translation>Anden</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="29" />
        <source>Children and families</source>
        <translation>Børn og familie</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="30" />
        <source>Adults and disability</source>
        <translation>Voksen og handicap</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="31" />
        <source>Employment</source>
        <translation>Beskæftigelse</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="32" />
        <source>Health</source>
        <translation>Sundhed</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="33" />
        <source>School</source>
        <translation>Skole</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="34" />
        <source>Day care</source>
        <translation>Dagtilbud</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="35" />
        <source>Youth guidance</source>
        <translation>Ungeindsats</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="36" />
        <source>Elderly care</source>
        <translation>Ældreområdet</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="37" />
        <source>Other sector</source>
        <translation>Andet område</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="48" />
        <source>Cases</source>
        <translation>Sager</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="49" />
        <source>Family</source>
        <translation>Familie</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="49" />
        <source>Open a case first.</source>
        <translation>Åbn en sag først.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="50" />
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="50" />
        <source>The plan editor comes in a later version.</source>
        <translation>Planen kommer i en senere version.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="51" />
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="51" />
        <source>The meeting calendar comes in a later version.</source>
        <translation>Mødekalenderen kommer i en senere version.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="77" />
        <source>Signed in as %1</source>
        <translation>Logget ind som %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="88" />
        <source>&amp;File</source>
        <translation>&amp;Filer</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="89" />
        <source>&amp;New case…</source>
        <translation>&amp;Ny sag …</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="94" />
        <source>&amp;Quit</source>
        <translation>&amp;Afslut</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="99" />
        <source>&amp;Settings</source>
        <translation>&amp;Indstillinger</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="100" />
        <source>&amp;Language</source>
        <translation>&amp;Sprog</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="110" />
        <source>&amp;Help</source>
        <translation>&amp;Hjælp</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="111" />
        <source>&amp;About Koordinator</source>
        <translation>&amp;Om Koordinator</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="132" />
        <source>Case not found</source>
        <translation>Sagen findes ikke</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="133" />
        <source>The case no longer exists. The list is refreshed.</source>
        <translation>Sagen findes ikke længere. Listen er opdateret.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="151" />
        <source>The case was created.</source>
        <translation>Sagen er oprettet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="154" />
        <source>Local database</source>
        <translation>Lokal database</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="154" />
        <source>Shared database</source>
        <translation>Fælles database</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="159" />
        <source>%1: not reachable</source>
        <translation>%1: kan ikke nås</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="168" />
        <source>Database problem</source>
        <translation>Problem med databasen</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="169" />
        <source>The database did not answer. Check the connection and try again.</source>
        <translation>Databasen svarede ikke. Kontrollér forbindelsen, og prøv igen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="173" />
        <source>Language</source>
        <translation>Sprog</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="174" />
        <source>The new language is used the next time you start Koordinator.</source>
        <translation>Det nye sprog bruges, næste gang du starter Koordinator.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="177" />
        <source>About Koordinator</source>
        <translation>Om Koordinator</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="178" />
        <source>Koordinator %1 – one common plan for the family.</source>
        <translation>Koordinator %1 – én fælles plan med familien.</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="56" />
        <source>family name</source>
        <translation>familiens navn</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="57" />
        <source>people</source>
        <translation>personer</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="58" />
        <source>coordinator</source>
        <translation>koordinator</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="59" />
        <source>partner caseworker</source>
        <translation>makker</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="60" />
        <source>follow-up interval</source>
        <translation>opfølgningsinterval</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="61" />
        <source>first name of person %1</source>
        <translation>fornavn på person %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="62" />
        <source>last name of person %1</source>
        <translation>efternavn på person %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="63" />
        <source>CPR number of person %1</source>
        <translation>CPR-nummer på person %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="102" />
        <source>New case</source>
        <translation>Ny sag</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="106" />
        <source>A family</source>
        <translation>En familie</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="107" />
        <source>A single citizen</source>
        <translation>En enkelt borger</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="120" />
        <source>e.g. The Holm Jensen family</source>
        <translation>fx Familien Holm Jensen</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="124" />
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="140" />
        <source> weeks</source>
        <translation> uger</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="143" />
        <source>Family name</source>
        <translation>Familiens navn</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="146" />
        <source>Coordinator</source>
        <translation>Koordinator</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="147" />
        <source>Partner caseworker</source>
        <translation>Makker (sagsbehandler)</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="148" />
        <source>Coordination model</source>
        <translation>Model for koordinering</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="149" />
        <source>Follow up every</source>
        <translation>Opfølgning hver</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="152" />
        <source>People</source>
        <translation>Personer</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="155" />
        <source>First name</source>
        <translation>Fornavn</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="155" />
        <source>Last name</source>
        <translation>Efternavn</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="155" />
        <source>CPR number</source>
        <translation>CPR-nummer</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="156" />
        <source>Relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="156" />
        <source>Custody</source>
        <translation>Forældremyndighed</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="156" />
        <source>Lives at home</source>
        <translation>Bor hjemme</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="166" />
        <source>Add person</source>
        <translation>Tilføj person</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="190" />
        <source>Create case</source>
        <translation>Opret sag</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="191" />
        <source>Cancel</source>
        <translation>Annullér</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="230" />
        <source>DDMMYY-XXXX</source>
        <translation>DDMMÅÅ-XXXX</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="242" />
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="371" />
        <source>To create the case, fix: %1</source>
        <translation>Før sagen kan oprettes, mangler: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="395" />
        <source>The case could not be saved: the database did not accept it. Nothing was stored; your typing is kept. Try again, or ask IT support.</source>
        <translation>Sagen kunne ikke gemmes, fordi databasen ikke tog imod den. Intet er gemt, og det, du har skrevet, er bevaret. Prøv igen, eller kontakt IT-support.</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <location filename="../../app/ui/labels.py" line="41" />
        <source>Required.</source>
        <translation>Skal udfyldes.</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="42" />
        <source>Write the CPR number as 10 digits, for example 010203-1234.</source>
        <translation>Skriv CPR-nummeret med 10 cifre, fx 010203-1234.</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="45" />
        <source>The first six digits are not a real date of birth (DDMMYY).</source>
        <translation>De første seks cifre er ikke en rigtig fødselsdato (DDMMÅÅ).</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="48" />
        <source>The date of birth is in the future.</source>
        <translation>Fødselsdatoen ligger i fremtiden.</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="49" />
        <source>This CPR number is already given for another member.</source>
        <translation>CPR-nummeret er allerede angivet for en anden person.</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="52" />
        <source>Note: the check digit does not match. Such numbers exist since 2007; check the number, it can still be right.</source>
        <translation>Bemærk: kontrolcifferet passer ikke. Sådanne numre findes siden 2007; tjek nummeret – det kan godt være rigtigt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="57" />
        <source>Add at least one person.</source>
        <translation>Tilføj mindst én person.</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="58" />
        <source>A single-citizen case has one person.</source>
        <translation>En sag for en enkelt borger har én person.</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="59" />
        <source>Choose a follow-up interval between 1 and 52 weeks.</source>
        <translation>Vælg et opfølgningsinterval mellem 1 og 52 uger.</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="62" />
        <source>A family with children needs at least one custody holder.</source>
        <translation>En familie med børn skal have mindst én med forældremyndighed.</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="65" />
        <source>The partner caseworker must be someone other than the coordinator.</source>
        <translation>Makkeren skal være en anden end koordinatoren.</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../app/ui/app.py" line="56" />
        <source>This database was made by a newer version of Koordinator. Install the newest version before you open it. Nothing in the database was changed.</source>
        <translation>Databasen er lavet af en nyere version af Koordinator. Installér den nyeste version, før du åbner den. Intet i databasen er ændret.</translation>
    </message>
    <message>
        <location filename="../../app/ui/app.py" line="61" />
        <source>The database could not be opened. Check that the file is not read-only, that the disk has room, and that the server is running. Details: %1</source>
        <translation>Databasen kunne ikke åbnes. Kontrollér, at filen ikke er skrivebeskyttet, at der er plads på disken, og at serveren kører. Detaljer: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/app.py" line="81" />
        <source>Koordinator stopped unexpectedly last time. The details are in the log: %1</source>
        <translation>Koordinator stoppede uventet sidste gang. Detaljerne står i loggen: %1</translation>
    </message>
</context>
</TS>
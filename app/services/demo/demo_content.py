"""Fictional Danish content for demo data: names, places, professionals, typical indsatser."""

from __future__ import annotations

from app.models.enums import Sector

FEMALE_NAMES = [
    "Anne",
    "Mette",
    "Lise",
    "Hanne",
    "Susanne",
    "Camilla",
    "Maria",
    "Louise",
    "Sofie",
    "Emma",
    "Ida",
    "Freja",
    "Clara",
    "Laura",
    "Karoline",
    "Mathilde",
    "Signe",
    "Nanna",
    "Julie",
    "Maja",
    "Astrid",
    "Rikke",
    "Helle",
    "Birgitte",
    "Tina",
    "Sara",
    "Amalie",
    "Line",
    "Pernille",
    "Dorthe",
    "Ayse",
    "Fatima",
    "Leila",
    "Yasmin",
    "Agnieszka",
]
MALE_NAMES = [
    "Peter",
    "Jens",
    "Lars",
    "Michael",
    "Søren",
    "Thomas",
    "Henrik",
    "Martin",
    "Rasmus",
    "Jesper",
    "Mads",
    "Anders",
    "Niels",
    "Christian",
    "Morten",
    "Jonas",
    "Frederik",
    "Oliver",
    "William",
    "Noah",
    "Lucas",
    "Emil",
    "Victor",
    "Magnus",
    "Oscar",
    "Alfred",
    "Carl",
    "Malthe",
    "Ali",
    "Mohammed",
    "Ahmed",
    "Tomasz",
]
LAST_NAMES = [
    "Nielsen",
    "Jensen",
    "Hansen",
    "Pedersen",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Rasmussen",
    "Jørgensen",
    "Petersen",
    "Madsen",
    "Kristensen",
    "Olsen",
    "Thomsen",
    "Christiansen",
    "Poulsen",
    "Johansen",
    "Møller",
    "Mortensen",
    "Knudsen",
    "Jakobsen",
    "Mikkelsen",
    "Olesen",
    "Frederiksen",
    "Laursen",
    "Henriksen",
    "Lund",
    "Schmidt",
    "Eriksen",
    "Holm",
    "Kristiansen",
    "Clausen",
    "Simonsen",
    "Svendsen",
    "Andreasen",
    "Iversen",
    "Østergaard",
    "Jeppesen",
    "Vestergaard",
    "Nissen",
    "Lauridsen",
    "Kjær",
    "Jepsen",
    "Mogensen",
    "Dahl",
    "Søndergaard",
    "Bæk",
    "Yilmaz",
    "Kowalski",
    "Hussein",
]
STREETS = [
    "Strandvejen",
    "Kongevejen",
    "Østergade",
    "Vestergade",
    "Nørregade",
    "Søndergade",
    "Bøgevej",
    "Egevej",
    "Rosenvænget",
    "Skovbrynet",
    "Møllevej",
    "Kirkestræde",
    "Åboulevarden",
    "Havnegade",
    "Enghavevej",
    "Lærkevej",
]
TOWNS = (
    ("3000", "Helsingør"),
    ("3100", "Hornbæk"),
    ("3140", "Ålsgårde"),
    ("3070", "Snekkersten"),
    ("3080", "Tikøb"),
    ("3490", "Kvistgård"),
    ("3060", "Espergærde"),
    ("3400", "Hillerød"),
)

# The language recorded for the people of some surnames (Citizen.language): their family's
# copy of the plan is printed in it by default. Everyone else: Danish.
LANGUAGE_BY_SURNAME = {"Hussein": "ar", "Kowalski": "pl", "Yilmaz": "tr"}

CASEWORKERS = (
    ("lone.madsen", "Lone Madsen", "Børne- og familierådgivningen"),
    ("kasper.holm", "Kasper Holm", "Beskæftigelse og uddannelse"),
    ("mette.dahl", "Mette Dahl", "Børnehandicap"),
    ("rasmus.lund", "Rasmus Lund", "Beskæftigelse og uddannelse"),
    ("helle.bæk", "Helle Bæk", "Voksen og handicap"),
    ("ahmed.yilmaz", "Ahmed Yilmaz", "Ungeindsatsen"),
    ("signe.kjær", "Signe Kjær", "Børne- og familierådgivningen"),
    ("jonas.vestergaard", "Jonas Vestergaard", "Voksen og handicap"),
)
TEAM_LEAD = ("birgitte.nissen", "Birgitte Nissen", "Det sammenhængende borgerforløb")
# A reserved domain (RFC 2606, RFC 6761): demo invitations are real meeting requests, and a
# mail program that sends one anyway reaches nobody.
MAIL_DOMAIN = "kommune.example"

# Professional roles per sector (role, organisation).
PROFESSIONAL_ROLES: dict[Sector, tuple[tuple[str, str], ...]] = {
    Sector.SOCIAL_CHILDREN: (
        ("Børnehandicaprådgiver", "Børnehandicap, Fiktiv Kommune"),
        ("Familiebehandler", "Familiehuset"),
        ("Fast kontaktperson", "Ungeteamet"),
    ),
    Sector.SOCIAL_ADULTS: (
        ("Bostøttemedarbejder", "Socialpsykiatrien"),
        ("Voksenhandicaprådgiver", "Voksen og handicap"),
    ),
    Sector.EMPLOYMENT: (
        ("Jobkonsulent", "Beskæftigelse og uddannelse"),
        ("Mentor", "Mentorkorpset"),
        ("Virksomhedskonsulent", "Beskæftigelse og uddannelse"),
    ),
    Sector.HEALTH: (
        ("Sundhedsplejerske", "Sundhedsplejen"),
        ("Ergoterapeut", "Træningscentret"),
        ("Psykiater", "Børne- og ungdomspsykiatrien, Region Hovedstaden"),
        ("Praktiserende læge", "Lægehuset ved Torvet"),
    ),
    Sector.EDUCATION: (
        ("Klasselærer", "Nordskolen"),
        ("PPR-psykolog", "Pædagogisk Psykologisk Rådgivning"),
        ("Skoleleder", "Vestskolen"),
    ),
    Sector.DAYCARE: (("Pædagog", "Børnehuset Solstrålen"),),
    Sector.YOUTH: (("Vejleder i ungeindsatsen", "Den kommunale ungeindsats"),),
}

# Typical indsatser: (catalogue code, title, sector, sector plan, source system, slots)
# A slot is (weekday, start hour, end hour, needs a parent present).
Slot = tuple[int, int, int, bool]
Template = tuple[str, str, Sector, str, str, tuple[Slot, ...]]

CHILD_DISABILITY: tuple[Template, ...] = (
    (
        "BL-32-1-7",
        "Aflastning hver anden weekend",
        Sector.SOCIAL_CHILDREN,
        "Barnets plan",
        "DUBU",
        ((4, 15, 18, True),),
    ),
    ("BL-86", "Kompensationsydelse", Sector.SOCIAL_CHILDREN, "", "DUBU", ()),
    ("FSL-3-2", "Specialklasse", Sector.EDUCATION, "Elevplan", "", ((0, 8, 14, False), (2, 8, 14, False))),
    ("BL-90", "Hjælpemidler (kørestol og badestol)", Sector.SOCIAL_CHILDREN, "", "DUBU", ()),
    (
        "SUL-140",
        "Genoptræning hos fysioterapeut",
        Sector.HEALTH,
        "Genoptræningsplan",
        "Nexus",
        ((1, 15, 16, True),),
    ),
    ("BL-82-84", "Særligt dagtilbud", Sector.DAYCARE, "", "", ((0, 8, 15, False),)),
)
CHILD_WELFARE: tuple[Template, ...] = (
    ("BL-32-1", "Fast kontaktperson", Sector.SOCIAL_CHILDREN, "Barnets plan", "DUBU", ((2, 15, 17, False),)),
    ("FSL-3-2", "Støtte i klassen (9 timer om ugen)", Sector.EDUCATION, "Elevplan", "", ((1, 9, 12, False),)),
    ("BL-30", "Samtalegruppe for børn", Sector.SOCIAL_CHILDREN, "", "", ((3, 14, 16, False),)),
    ("DTL-11", "Sprogstimulering", Sector.DAYCARE, "", "", ((1, 9, 10, False),)),
)
PARENT_SUPPORT: tuple[Template, ...] = (
    ("BL-32-1", "Familiebehandling", Sector.SOCIAL_CHILDREN, "Barnets plan", "DUBU", ((1, 16, 18, False),)),
    ("BL-87-88", "Tabt arbejdsfortjeneste (20 timer om ugen)", Sector.SOCIAL_CHILDREN, "", "DUBU", ()),
    (
        "LAB-KAP11",
        "Virksomhedspraktik i plejecenter",
        Sector.EMPLOYMENT,
        "Min Plan",
        "Momentum",
        ((0, 8, 13, False), (2, 8, 13, False), (3, 8, 13, False)),
    ),
    ("LAS-16-20", "Kontanthjælp", Sector.EMPLOYMENT, "Min Plan", "Momentum", ()),
    ("LAB-KAP26", "Mentorstøtte", Sector.EMPLOYMENT, "Min Plan", "Momentum", ((1, 10, 11, False),)),
)
YOUTH: tuple[Template, ...] = (
    (
        "BL-108-109",
        "Ungeplan og forberedelse til voksenlivet",
        Sector.SOCIAL_CHILDREN,
        "Ungeplan",
        "DUBU",
        (),
    ),
    ("KUI-2C", "Uddannelsesplan og vejledning", Sector.YOUTH, "Uddannelsesplan", "", ((3, 13, 14, False),)),
    ("BL-32-1", "Fast kontaktperson", Sector.SOCIAL_CHILDREN, "Barnets plan", "DUBU", ((2, 16, 18, False),)),
    ("BL-89", "Ledsagelse", Sector.SOCIAL_CHILDREN, "", "DUBU", ((5, 10, 14, False),)),
)
ADULT: tuple[Template, ...] = (
    (
        "SEL-85",
        "Socialpædagogisk støtte (bostøtte)",
        Sector.SOCIAL_ADULTS,
        "§ 141 handleplan",
        "Nexus",
        ((1, 10, 12, False), (3, 10, 12, False)),
    ),
    ("LAB-KAP26", "Mentorstøtte", Sector.EMPLOYMENT, "Min Plan", "Momentum", ((2, 9, 10, False),)),
    ("LAB-KAP18", "Jobafklaringsforløb", Sector.EMPLOYMENT, "Min Plan", "Momentum", ()),
    (
        "SEL-104",
        "Aktivitets- og samværstilbud",
        Sector.SOCIAL_ADULTS,
        "§ 141 handleplan",
        "Nexus",
        ((4, 10, 14, False),),
    ),
    ("SUL-138", "Hjemmesygepleje (medicindosering)", Sector.HEALTH, "", "Nexus", ((0, 8, 9, False),)),
    ("LAS-16-20", "Kontanthjælp", Sector.EMPLOYMENT, "Min Plan", "Momentum", ()),
)

GOALS_FAMILY = (
    (
        "Familien har en hverdag, der hænger sammen",
        "Faste rutiner morgen og aften",
        "Alle kommer i skole til tiden fire dage om ugen",
    ),
    (
        "Børnene trives i skolen",
        "Færre konflikter i frikvartererne",
        "Deltager i klassens fælles aktiviteter",
    ),
    (
        "Mor eller far kommer tættere på arbejde",
        "Starter i praktik",
        "Møder op alle aftalte dage i praktikken",
    ),
)
GOALS_ADULT = (
    (
        "Jeg har et job eller er i gang med en uddannelse",
        "Afklare hvilke opgaver jeg kan klare",
        "Møde op i praktik to dage om ugen",
    ),
    ("Jeg har styr på min økonomi", "Betale husleje til tiden", "Lave et budget med min bostøtte"),
)
AGREEMENTS = (
    "Søge om aflastning",
    "Booke tid hos PPR",
    "Sende skema om tabt arbejdsfortjeneste",
    "Aftale besøg på skolen",
    "Undersøge fritidsaktivitet",
    "Ringe til lægen om udredning",
    "Lave aftale med virksomheden om praktik",
    "Indkalde til netværksmøde",
)
MINUTES = (
    "Familien fortalte, at hverdagen er blevet mere rolig. Skolen oplever færre konflikter. "
    "Vi aftalte at fortsætte aflastningen og følge op om seks uger."
)

# Journal notes and tasks of the caseworker's day (issue 15).
JOURNAL_NOTES = (
    (
        "phone",
        "Opringning fra skolen",
        "Klasselæreren ringede: Der har været en god uge i skolen, og fraværet er faldet.",
    ),
    ("home_visit", "Hjemmebesøg", "Besøg i hjemmet. Familien har fået en fast morgenrutine, og det hjælper."),
    ("email", "Mail fra jobcentret", "Jobkonsulenten skriver, at praktikken kan forlænges med fire uger."),
    (
        "phone",
        "Samtale med forælder",
        "Forælderen ringede og fortalte, at aflastningen i weekenden fungerer godt.",
    ),
    ("sms", "Sms om mødetid", "Familien bekræftede mødet og bad om et tidspunkt efter skoletid."),
)
TASKS = (
    "Ringe til skolen om trivselsmålingen",
    "Sende referat til netværket",
    "Indhente udtalelse fra PPR",
    "Booke lokale til netværksmødet",
    "Følge op på aflastningen med familien",
)
